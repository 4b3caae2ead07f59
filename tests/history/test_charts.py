"""Tests for widgets.history: years parsing, spans, the timeline chart, the table."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets import data
from widgets.history.charts import cases_timeline_chart, comparison_html
from widgets.history.model import (
    CASE_COLUMNS,
    ESSAY_LABEL,
    case_spans,
    comparison_table,
    parse_years,
)


def _cases(rows: list[tuple[str, str]]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "case": case,
                "years": years,
                "what_was_offered": f"offer {case}",
                "guarantors": "none",
                "enforcement": "none",
                "outcome": f"outcome {case}",
                "source": "https://example.org/",
            }
            for case, years in rows
        ]
    )


# --------------------------------------------------------------------------- parse_years


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1948-1992", (1948, 1992)),
        ("1955-", (1955, None)),
        ("2022", (2022, 2022)),
        (" 1994-2014 ", (1994, 2014)),
        ("2014-2014", (2014, 2014)),
    ],
)
def test_parse_years_reads_the_three_forms(text, expected):
    assert parse_years(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1948–1992", "is not 'YYYY-YYYY'"),  # an en dash, not a hyphen
        ("48-92", "is not 'YYYY-YYYY'"),
        ("", "is not 'YYYY-YYYY'"),
        ("1992-1948", "the last year is before the first"),
        ("1850-1860", "between 1900 and 2100"),
        ("2020-2150", "between 1900 and 2100"),
    ],
)
def test_parse_years_rejects_bad_text_with_a_clear_message(text, message):
    with pytest.raises(ValueError, match=message):
        parse_years(text)


@pytest.mark.parametrize("value", [None, 1948, float("nan")])
def test_parse_years_rejects_non_text(value):
    with pytest.raises(ValueError, match="years must be text"):
        parse_years(value)


@given(st.integers(1900, 2100), st.integers(0, 50))
def test_parse_years_round_trips(start, length):
    end = min(start + length, 2100)
    assert parse_years(f"{start}-{end}") == (start, end)


# --------------------------------------------------------------------------- case_spans


def test_case_spans_by_hand():
    spans = case_spans(_cases([("B", "1955-"), ("A", "1948-1992"), ("C", "2022")]), 2026)
    assert spans["case"].tolist() == ["A", "B", "C"]  # sorted by start year
    assert spans["start"].tolist() == [1948, 1955, 2022]
    assert spans["end"].tolist() == [1992, 2026, 2022]
    assert spans["bar_end"].tolist() == [1993, 2027, 2023]
    assert spans["duration"].tolist() == [45, 72, 1]
    assert spans["ongoing"].tolist() == [False, True, False]
    assert spans["status"].tolist() == ["Ended", "In force (as of 2026)", "Ended"]
    assert spans["outcome"].tolist() == ["outcome A", "outcome B", "outcome C"]


def test_case_spans_names_the_case_of_a_bad_row():
    with pytest.raises(ValueError, match="Broken: years '19x8'"):
        case_spans(_cases([("Fine", "1948-1992"), ("Broken", "19x8")]))


def test_case_spans_rejects_years_after_the_as_of_year():
    with pytest.raises(ValueError, match="go beyond 2020"):
        case_spans(_cases([("Late", "2019-2022")]), as_of_year=2020)
    with pytest.raises(ValueError, match="go beyond 2020"):
        case_spans(_cases([("Later", "2021-")]), as_of_year=2020)


@pytest.mark.parametrize("as_of", [1800, 2026.5, "2026", True])
def test_case_spans_rejects_a_bad_as_of_year(as_of):
    with pytest.raises(ValueError, match="as-of year"):
        case_spans(_cases([("A", "1948-1992")]), as_of_year=as_of)


def test_case_spans_rejects_empty_and_incomplete_frames():
    with pytest.raises(ValueError, match="no rows"):
        case_spans(_cases([]).reindex(columns=CASE_COLUMNS))
    with pytest.raises(ValueError, match="missing column"):
        case_spans(pd.DataFrame({"case": ["A"]}))
    with pytest.raises(ValueError, match="expected a pandas DataFrame"):
        case_spans([("A", "1948-1992")])


@settings(deadline=None)  # timing varies on a shared machine; the property does not
@given(
    st.lists(
        st.tuples(st.integers(1900, 2026), st.integers(0, 40), st.booleans()),
        min_size=1,
        max_size=12,
    )
)
def test_case_spans_properties(items):
    rows = []
    for index, (start, length, ongoing) in enumerate(items):
        end = min(start + length, 2026)
        rows.append((f"case {index}", f"{start}-" if ongoing else f"{start}-{end}"))
    spans = case_spans(_cases(rows), 2026)
    assert len(spans) == len(rows)
    assert (spans["start"] <= spans["end"]).all()
    assert (spans["end"] <= 2026).all()
    assert (spans["duration"] == spans["end"] - spans["start"] + 1).all()
    assert (spans["bar_end"] == spans["end"] + 1).all()
    assert spans["start"].is_monotonic_increasing
    assert (spans.loc[spans["ongoing"], "end"] == 2026).all()


# --------------------------------------------------------------------------- the chart


def test_chart_has_title_description_axis_titles_and_the_essay_rule():
    chart = cases_timeline_chart(
        _cases([("A", "1948-1992"), ("B", "1955-")]), as_of_year=2026, title="T"
    )
    spec = chart.to_dict()
    assert spec["title"] == "T"
    assert "A, 1948 to 1992" in spec["description"]
    assert "B, 1955 to today" in spec["description"]
    assert "1 have ended, 1 are still in force" in spec["description"]
    bars, rule, text = spec["layer"]
    assert bars["mark"]["type"] == "bar"
    assert bars["encoding"]["x"]["title"] == "Year"
    assert bars["encoding"]["x"]["axis"]["format"] == "d"
    assert bars["encoding"]["y"]["sort"] == ["A", "B"]
    assert bars["encoding"]["color"]["scale"]["domain"] == ["Ended", "In force (as of 2026)"]
    assert rule["mark"]["type"] == "rule"
    datasets = spec["datasets"].values()
    assert any(row.get("label") == ESSAY_LABEL for rows in datasets for row in rows)


def test_chart_rejects_bad_width_and_bad_rows():
    cases = _cases([("A", "1948-1992")])
    with pytest.raises(ValueError, match="width"):
        cases_timeline_chart(cases, width=50)
    with pytest.raises(ValueError, match="A: years"):
        cases_timeline_chart(_cases([("A", "1992-1948")]))


# --------------------------------------------------------------------------- the table


def test_comparison_table_titles_and_order():
    table = comparison_table(_cases([("B", "1994-2014"), ("A", "1948-1992")]))
    assert list(table.columns) == [
        "Case",
        "Years",
        "What was offered",
        "Guarantors",
        "Enforcement",
        "Outcome",
    ]
    assert table["Case"].tolist() == ["A", "B"]


def test_comparison_table_picks_columns_and_rejects_unknown_ones():
    cases = _cases([("A", "1948-1992")])
    assert list(comparison_table(cases, ["case", "outcome"]).columns) == ["Case", "Outcome"]
    with pytest.raises(ValueError, match="columns must be chosen"):
        comparison_table(cases, ["case", "source"])
    with pytest.raises(ValueError, match="columns must be chosen"):
        comparison_table(cases, [])


def test_comparison_html_has_a_compact_and_a_full_table_and_escapes_text():
    cases = _cases([("A <script>", "1948-1992")])
    html = comparison_html(cases)
    assert html.count("<table") == 2
    assert "<details><summary>" in html
    assert "<script>" not in html and "A &lt;script&gt;" in html
    compact = html.split("<details>")[0]
    assert "Outcome" in compact and "What was offered" not in compact


# --------------------------------------------------------------------------- the real data


def test_the_data_file_loads_and_every_row_parses():
    cases = data.load_resource("neutrality_cases")
    assert list(cases.columns) == CASE_COLUMNS
    spans = case_spans(cases)
    assert len(spans) == len(cases) >= 8
    assert all(url.startswith("http") for s in cases["source"] for url in s.split(" ; "))
    chart = cases_timeline_chart(cases)
    assert chart.to_dict()["description"].startswith("Horizontal bar chart of")
