"""The seminar kit's assignment helpers: memos, argument maps, exported scenarios."""

from __future__ import annotations

import altair as alt
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

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
