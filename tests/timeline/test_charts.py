"""Timeline and poll charts: the specs carry the bound parameter and the data rows."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from widgets.data import load_resource
from widgets.timeline import charts as tc


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return load_resource("timeline")


@pytest.fixture(scope="module")
def polls() -> pd.DataFrame:
    return load_resource("polls")


def small_events() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "date": ["2008-04-03", "2022-02-24", "2025-06-25"],
            "event": ["Bucharest summit.", "Full-scale invasion.", "The Hague summit."],
            "category": ["nato", "war", "nato"],
            "source": ["https://a.example", "https://b.example", "https://c.example"],
        }
    )


def small_polls() -> pd.DataFrame:
    ref = "If a referendum were held, how would you vote?"
    guarantee = "Which option best guarantees Ukraine's national security?"
    return pd.DataFrame(
        {
            "pollster": ["KIIS", "KIIS", "DIF", "DIF", "YouGov"],
            "fieldwork_end": ["2021-12-16", "2023-06-05", "2024-12-31", "2025-12-16", "2024-01-01"],
            "country": ["UKR", "UKR", "UKR", "UKR", "GBR"],
            "question": [ref, ref, guarantee, guarantee, "Should Ukraine join NATO?"],
            "support_pct": [59.2, 89.0, 55.1, 38.3, 60.0],
        }
    )


def spec_data(spec: dict) -> list[dict]:
    """Every inline data row in a Vega-Lite spec (top level and datasets)."""
    rows = []
    for values in spec.get("datasets", {}).values():
        rows.extend(values)
    return rows


# ------------------------------------------------------------------------ timeline


def test_timeline_spec_has_a_bound_dropdown_over_every_category(events):
    spec = tc.timeline_chart(events).to_dict()
    params = spec["params"]
    assert [p["name"] for p in params] == [tc.FILTER_PARAM]
    bind = params[0]["bind"]
    assert bind["input"] == "select"
    assert bind["name"] == "Show category: "
    assert bind["options"] == [tc.ALL, *tc.CATEGORIES]
    assert len(bind["labels"]) == len(bind["options"])
    assert params[0]["value"] == tc.ALL


@pytest.mark.parametrize("category", [tc.ALL, *tc.CATEGORIES])
def test_the_browser_filter_shows_the_events_of_the_chosen_category(events, category):
    # Vega evaluates the filter (rendered by vl-convert); pandas counts the rows.
    vl_convert = pytest.importorskip("vl_convert")
    spec = tc.timeline_chart(events).to_dict()
    spec["params"][0]["value"] = category
    svg = vl_convert.vegalite_to_svg(json.dumps(spec))
    marks = re.search(r'<g class="mark-symbol role-mark layer_0_marks"[^>]*>(.*?)</g>', svg, re.S)
    shown = marks.group(1).count("<path") if marks else 0
    expected = len(events) if category == tc.ALL else int((events["category"] == category).sum())
    assert shown == expected


def test_timeline_spec_holds_every_event_row(events):
    spec = tc.timeline_chart(events).to_dict()
    texts = {row["event"] for row in spec_data(spec) if "event" in row}
    assert texts == set(events["event"])
    assert len([r for r in spec_data(spec) if "event" in r]) == len(events)


def test_timeline_marks_the_essay_date_with_a_rule_and_label(events):
    spec = tc.timeline_chart(events).to_dict()
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == ["point", "rule", "text"]
    labels = [r for r in spec_data(spec) if r.get("label") == tc.ESSAY_LABEL]
    assert labels and all(r["date"].startswith("2024-07-01") for r in labels)


def test_timeline_has_tooltips_title_and_description(events):
    spec = tc.timeline_chart(events).to_dict()
    tooltip = [t["field"] for t in spec["layer"][0]["encoding"]["tooltip"]]
    assert tooltip == ["day", "event", "category_label", "source"]
    assert "1991" in spec["description"]
    assert spec["title"]["text"].startswith("Events bearing")
    assert spec["layer"][0]["encoding"]["x"]["title"] == "Date (year)"


def test_timeline_rows_are_sorted_and_labelled():
    rows = tc.timeline_rows(small_events().iloc[::-1])
    assert list(rows["event"]) == ["Bucharest summit.", "Full-scale invasion.", "The Hague summit."]
    assert list(rows["category_label"]) == ["NATO decision", "War", "NATO decision"]
    assert rows.loc[0, "day"] == "03 Apr 2008"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda f: f.drop(columns="source"), "missing column"),
        (lambda f: f.iloc[0:0], "no rows"),
        (lambda f: f.assign(category=["nato", "war", "treaty"]), "unknown category 'treaty'"),
        (lambda f: f.assign(date=["2008-04-03", "soon", "2025-06-25"]), "'soon' is not a date"),
    ],
)
def test_timeline_bad_input_gets_a_clear_message(change, message):
    with pytest.raises(ValueError, match=message):
        tc.timeline_chart(change(small_events()))


def test_timeline_rejects_a_bad_essay_date_and_width():
    with pytest.raises(ValueError, match="not a date"):
        tc.timeline_chart(small_events(), essay_date="mid-2024")
    with pytest.raises(ValueError, match="too small"):
        tc.timeline_chart(small_events(), width=50)
    with pytest.raises(ValueError, match="DataFrame"):
        tc.timeline_chart([1, 2, 3])


# --------------------------------------------------------------------------- polls


def test_poll_series_never_joins_different_questions():
    rows = tc.poll_series(small_polls())
    assert set(rows["country"]) == {"UKR"}
    for _, group in rows.groupby("series"):
        assert group["question"].nunique() == 1
        assert group["pollster"].nunique() == 1
    assert rows["series"].nunique() == 2


def test_poll_series_in_the_real_data_have_one_question_each(polls):
    rows = tc.poll_series(polls)
    assert (rows.groupby("series")["question"].nunique() == 1).all()
    assert (rows.groupby("series")["pollster"].nunique() == 1).all()


def test_polls_spec_holds_the_rows_and_one_line_per_series(polls):
    spec = tc.polls_chart(polls).to_dict()
    data = [r for r in spec_data(spec) if "support_pct" in r]
    ukr = polls[polls["country"] == "UKR"]
    assert len(data) == len(ukr)
    assert sorted(r["support_pct"] for r in data) == sorted(ukr["support_pct"])
    line = spec["layer"][0]
    assert line["mark"]["type"] == "line"
    assert line["encoding"]["detail"]["field"] == "series"
    assert line["encoding"]["y"]["scale"]["domain"] == [0, 100]
    assert "%" in line["encoding"]["y"]["title"]


def test_polls_chart_marks_the_essay_and_describes_each_series(polls):
    spec = tc.polls_chart(polls).to_dict()
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["line", "point", "rule", "text"]
    for series in tc.poll_series(polls)["series"].unique():
        assert series in spec["description"]


def test_series_summary_by_hand():
    rows = tc.poll_series(small_polls())
    assert tc.series_summary(rows) == (
        "DIF · NATO as best security guarantee: 55.1% (2024) to 38.3% (2025); "
        "KIIS · referendum vote: 59.2% (2021) to 89% (2023)."
    )


def test_polls_other_country_and_bad_input():
    rows = tc.poll_series(small_polls(), country="GBR")
    assert list(rows["support_pct"]) == [60.0]
    with pytest.raises(ValueError, match="no rows for country 'FRA'"):
        tc.polls_chart(small_polls(), country="FRA")
    with pytest.raises(ValueError, match="between 0 and 100"):
        tc.polls_chart(small_polls().assign(support_pct=[59.2, 189, 55.1, 38.3, 60]))
    with pytest.raises(ValueError, match="missing column"):
        tc.polls_chart(small_polls().drop(columns="question"))


# ---------------------------------------------------------------------------- data


def test_timeline_data_is_consistent(events):
    assert set(events["category"]) <= set(tc.CATEGORIES)
    cut = pd.Timestamp(tc.ESSAY_DATE)
    assert (events.loc[events["period"] == "before_essay", "date"] < cut).all()
    assert (events.loc[events["period"] == "after_essay", "date"] >= cut).all()
    assert events["source"].str.len().gt(10).all()
    assert events["date"].min() < pd.Timestamp("1992-01-01")
    assert (events["period"] == "after_essay").sum() >= 20


def test_month_only_dates_say_so(events, polls):
    # Events that really happened on the first of a month (day given by the source).
    real_first_days = {
        "1991-12-01": "A referendum",  # the independence referendum
        "2010-07-01": "Ukraine's parliament adopts the law",  # adoption of the non-bloc law
    }
    first_days = events[events["date"].dt.day == 1]
    for _, row in first_days.iterrows():
        start = real_first_days.get(row["date"].strftime("%Y-%m-%d"))
        if start and row["event"].startswith(start):
            continue
        assert "month" in row["note"], row["event"]
    for _, row in polls[polls["note"].str.contains("month")].iterrows():
        assert row["fieldwork_start"].day == 1


def test_polls_data_is_consistent(polls):
    assert (polls["fieldwork_start"] <= polls["fieldwork_end"]).all()
    total = polls[["support_pct", "oppose_pct", "other_pct"]].sum(axis=1, min_count=1)
    assert (total <= 100.5).all()
    assert polls["country"].str.fullmatch("[A-Z]{3}").all()


def test_claims_data_weighs_the_essay_both_ways():
    # The schema already limits the assessments and dates; balance is not a schema rule.
    claims = load_resource("claims_since")
    assert len(claims) >= 6
    assert {"supports", "complicates"} <= set(claims["assessment"])
