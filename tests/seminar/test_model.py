"""The seminar kit's assignment helpers: memos, argument maps, exported scenarios."""

from __future__ import annotations

import json

import altair as alt
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.explorer.test_legacy_model import tiny_data
from widgets.explorer import legacy_model as m
from widgets.explorer import legacy_scenario as sc
from widgets.seminar import charts
from widgets.seminar import model as tools

# --------------------------------------------------------------------------- memos


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("One two three.", 3),
        ("Ukraine's Article-5-like guarantee", 3),
        ("## Heading\n\n* a bullet | a cell", 5),
        ("  spaced   out\nlines  ", 3),
        ("2024 and 2026", 3),
        ("Zelensky's «ок» — да", 3),
    ],
)
def test_word_count_by_hand(text, expected):
    assert tools.word_count(text) == expected


def test_word_count_rejects_non_text():
    with pytest.raises(tools.SeminarError, match="expected text"):
        tools.word_count(None)


@given(st.lists(st.sampled_from(["alpha", "beta", "NATO", "2024"]), max_size=40))
def test_word_count_counts_joined_words(words):
    assert tools.word_count(" ".join(words)) == len(words)


def test_memo_report_by_hand():
    report = tools.memo_report(
        {"Summary": "one two three", "Recommendation": "a b c d e", "Risks": ""},
        limits={"Summary": 5, "Recommendation": 4},
        total_limit=10,
    )
    assert list(report["section"]) == ["Summary", "Recommendation", "Risks", "total"]
    assert list(report["words"]) == [3, 5, 0, 8]
    assert list(report["status"]) == ["ok", "over by 1", "empty", "ok"]
    assert report.loc[2, "limit"] == ""


@pytest.mark.parametrize(
    ("sections", "limits", "message"),
    [
        ({}, None, "no sections"),
        ("text", None, "no sections"),
        ({"A": 3}, None, "expected text"),
        ({"A": "x"}, {"B": 10}, "does not have"),
        ({"A": "x"}, {"A": 0}, "above 0"),
        ({"A": "x"}, {"A": 2.5}, "whole number"),
        ({"": "x"}, None, "title"),
    ],
)
def test_memo_report_errors(sections, limits, message):
    with pytest.raises(tools.SeminarError, match=message):
        tools.memo_report(sections, limits)


# --------------------------------------------------------------------------- argument maps

AMAP = {
    "claim": "Ukraine should not pursue NATO membership now.",
    "reasons": [
        {
            "text": "Membership cannot end the war.",
            "evidence": ["Russia's June 2024 conditions."],
            "assumptions": ["Russia will not accept any NATO path."],
            "objections": [
                {"text": "Russia's demands go beyond NATO.", "replies": ["Then trade more."]}
            ],
        },
        {"text": "Membership is not realistic."},
    ],
}


def test_argument_map_rows_by_hand():
    rows = tools.argument_map_rows(AMAP)
    assert list(rows["node"]) == ["0", "1", "1.e1", "1.a1", "1.o1", "1.o1.r1", "2"]
    assert list(rows["kind"]) == [
        "claim",
        "reason",
        "evidence",
        "assumption",
        "objection",
        "reply",
        "reason",
    ]
    assert list(rows["parent"]) == ["", "0", "1", "1", "1", "1.o1", "0"]
    assert list(rows["depth"]) == [0, 1, 2, 2, 2, 3, 1]


def test_argument_map_outline_and_counts():
    outline = tools.argument_map_outline(AMAP)
    lines = outline.splitlines()
    assert lines[0] == "[0] Main claim: Ukraine should not pursue NATO membership now."
    assert lines[5] == "            [1.o1.r1] Reply: Then trade more."
    assert tools.argument_map_counts(AMAP) == {
        "claim": 1,
        "reason": 2,
        "evidence": 1,
        "assumption": 1,
        "objection": 1,
        "reply": 1,
    }


@pytest.mark.parametrize(
    ("amap", "message"),
    [
        ([], "must be a dict"),
        ({"claim": "", "reasons": [{"text": "r"}]}, "'claim' must be a non-empty"),
        ({"claim": "c", "reasons": []}, "non-empty list"),
        ({"claim": "c", "reasons": ["r"]}, "reason 1: must be a dict"),
        ({"claim": "c", "reasons": [{"text": " "}]}, "reason 1: 'text'"),
        ({"claim": "c", "reasons": [{"text": "r", "evidence": "e"}]}, "must be a list"),
        ({"claim": "c", "reasons": [{"text": "r", "evidence": [""]}]}, "evidence 1"),
        ({"claim": "c", "reasons": [{"text": "r", "objections": ["o"]}]}, "objection 1"),
        (
            {"claim": "c", "reasons": [{"text": "r", "objections": [{"text": "o", "x": 1}]}]},
            "unexpected key 'x'",
        ),
        ({"claim": "c", "reasons": [{"text": "r"}], "extra": 1}, "unexpected key 'extra'"),
    ],
)
def test_argument_map_errors(amap, message):
    with pytest.raises(tools.SeminarError, match=message):
        tools.argument_map_rows(amap)


@given(
    st.lists(
        st.tuples(st.integers(0, 3), st.integers(0, 2), st.integers(0, 2)),
        min_size=1,
        max_size=5,
    )
)
def test_argument_map_node_count_property(shape):
    reasons = [
        {
            "text": f"r{i}",
            "evidence": [f"e{j}" for j in range(n_ev)],
            "objections": [{"text": f"o{j}", "replies": ["r"] * n_rep} for j in range(n_obj)],
        }
        for i, (n_ev, n_obj, n_rep) in enumerate(shape)
    ]
    rows = tools.argument_map_rows({"claim": "c", "reasons": reasons})
    expected = 1 + sum(1 + ev + obj * (1 + rep) for ev, obj, rep in shape)
    assert len(rows) == expected
    assert rows["node"].is_unique
    assert set(rows["parent"]) - {""} <= set(rows["node"])


def test_argument_map_chart_has_description_and_title():
    chart = charts.argument_map_chart(tools.argument_map_rows(AMAP), title="The essay")
    assert isinstance(chart, alt.LayerChart)
    spec = chart.to_dict()
    assert spec["title"] == "The essay"
    assert "2 reason" in spec["description"]
    layout = charts.argument_map_layout(tools.argument_map_rows(AMAP))
    assert layout["y"].is_monotonic_increasing
    assert all(len(line) <= charts.WRAP_CHARS for lines in layout["lines"] for line in lines)


def test_argument_map_layout_rejects_other_tables():
    with pytest.raises(tools.SeminarError, match="argument_map_rows"):
        charts.argument_map_layout(pd.DataFrame({"a": [1]}))


# --------------------------------------------------------------------------- scenarios


@pytest.fixture
def data() -> m.ExplorerData:
    return tiny_data()


def make_scenario(data) -> sc.Scenario:
    mine = m.preset_settlement(
        data, "line_a", "neutrality_guarantees", ["monitors"], name="Freeze and guarantee"
    )
    other = m.preset_settlement(data, "borders_1991", "frozen_conflict", name="1991, no deal")
    weights = dict(m.DEFAULT_WEIGHTS) | {"risk": 3.0}
    return sc.Scenario(mine, weights, m.Estimates(), (other,), note="test")


def test_scenario_table_matches_the_model(data):
    scenario = make_scenario(data)
    table = tools.scenario_table(scenario, data)
    results = m.evaluate(
        data, [scenario.settlement, *scenario.compared], scenario.weights, scenario.estimates
    )
    assert list(table["settlement"]) == ["Freeze and guarantee (defended)", "1991, no deal"]
    assert list(table["score"]) == [round(r.score, 3) for r in results]
    assert list(table["rank"]) == [r.rank for r in results]
    # line_a: 50 % of the area held (hand-computed in test_explorer_model)
    assert table.loc[0, "territory held (%)"] == 50.0
    # default 40 % base risk, one feature at 10 %: 40 x 0.9 = 36
    assert table.loc[0, "risk of renewed war (%)"] == 36.0
    assert table.loc[1, "features"] == "none"


def test_weights_table_shares(data):
    table = tools.weights_table(make_scenario(data))
    assert table["weight"].sum() == pytest.approx(8.0)
    risk = table[table["criterion"] == m.CRITERIA["risk"]].iloc[0]
    assert risk["share of total (%)"] == pytest.approx(37.5)


def test_flip_table_lists_every_criterion(data):
    table = tools.flip_table(make_scenario(data), data)
    assert list(table["criterion"]) == list(m.CRITERIA.values())
    flips = table[table["flips at"] != ""]
    for row in flips.itertuples(index=False):
        assert 0 < row[2] <= m.MAX_WEIGHT


def test_scenario_helpers_reject_other_objects(data):
    with pytest.raises(tools.SeminarError, match="expected a scenario"):
        tools.scenario_table({"settlement": {}}, data)
    with pytest.raises(tools.SeminarError, match="expected a scenario"):
        tools.weights_table(None)


def test_collect_scenarios_reports_bad_files(data, tmp_path):
    (tmp_path / "b_good.json").write_text(sc.export_json(make_scenario(data)), encoding="utf-8")
    (tmp_path / "a_bad.json").write_text(json.dumps({"kind": "other"}), encoding="utf-8")
    (tmp_path / "c_empty.json").write_text("", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    table = tools.collect_scenarios(tmp_path, data)
    assert list(table["file"]) == ["a_bad.json", "b_good.json", "c_empty.json"]
    assert "not a ceasefire-explorer scenario" in table.loc[0, "problem"]
    assert table.loc[1, "problem"] == ""
    assert table.loc[1, "settlement"] == "Freeze and guarantee"
    assert "empty" in table.loc[2, "problem"]


def test_collect_and_load_errors(data, tmp_path):
    with pytest.raises(tools.SeminarError, match="no folder"):
        tools.collect_scenarios(tmp_path / "missing", data)
    with pytest.raises(tools.SeminarError, match="no .json files"):
        tools.collect_scenarios(tmp_path, data)
    with pytest.raises(tools.SeminarError, match="no scenario file"):
        tools.load_scenario_file(tmp_path / "x.json", data)


# --------------------------------------------------------------------------- the shipped file


def test_shipped_example_scenario_is_current():
    """The example file imports with the book's data and matches what the code would write.
    If the data change, refresh it: python -m widgets.seminar.model"""
    data = m.ExplorerData.load()
    text = tools.EXAMPLE_SCENARIO_PATH.read_text(encoding="utf-8")
    scenario = sc.import_json(text, data)
    assert scenario == tools.example_scenario(data), (
        "example_scenario.json is out of date: run python -m widgets.seminar.model"
    )
    table = tools.scenario_table(scenario, data)
    assert len(table) == 4
    assert table["score"].between(0, 1).all()
