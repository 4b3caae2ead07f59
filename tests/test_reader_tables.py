"""Every table a student reads shows each data field under its own heading.

The rendered HTML is read back with the standard library and compared, cell by cell, with
the CSV files read without the package's loader: swapping two columns, dropping a row or
mis-escaping a cell fails here.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.html_tables import links, raw_rows, read_tables, squash
from widgets import data
from widgets.common.paths import DATA_DIR
from widgets.essay import factcheck
from widgets.history.charts import comparison_html
from widgets.timeline.tables import claims_since_html


def test_fact_check_table_shows_each_field_under_its_heading():
    raw = raw_rows(DATA_DIR / "essay_claims.csv")
    markup = factcheck.claims_table_html(factcheck.load_claims(), caption="Checked")
    (rows,) = read_tables(markup)
    assert len(rows) == len(raw)
    for shown, source in zip(rows, raw, strict=True):
        assert shown == {
            "Id": source["claim_id"],
            "The essay says": squash(source["essay_claim"]),
            "Verdict": source["verdict"],
            "Why": squash(source["explanation"]),
            "Source (date)": squash(f"{source['source']} ({source['source_date']})"),
        }


def test_history_tables_show_each_field_under_its_heading():
    raw = sorted(raw_rows(DATA_DIR / "neutrality_cases.csv"), key=lambda r: r["years"][:4])
    compact, full = read_tables(comparison_html(data.load_resource("neutrality_cases")))
    assert sorted(r["Case"] for r in full) == sorted(r["case"] for r in raw)
    by_case = {r["case"]: r for r in raw}
    headings = {
        "Case": "case",
        "Years": "years",
        "What was offered": "what_was_offered",
        "Guarantors": "guarantors",
        "Enforcement": "enforcement",
        "Outcome": "outcome",
    }
    for shown in full:
        source = by_case[shown["Case"]]
        assert shown == {h: squash(source[c]) for h, c in headings.items()}
    for shown in compact:
        source = by_case[shown["Case"]]
        assert set(shown) == {"Case", "Years", "Guarantors", "Outcome"}
        assert all(shown[h] == squash(source[headings[h]]) for h in shown)
    starts = [int(r["Years"][:4]) for r in full]
    assert starts == sorted(starts), "rows are not in order of the first year"


def test_claims_since_table_shows_each_field_under_its_heading():
    raw = raw_rows(DATA_DIR / "claims_since.csv")
    markup = claims_since_html(data.load_resource("claims_since"))
    (rows,) = read_tables(markup)
    assert len(rows) == len(raw)
    hrefs = links(markup)
    expected_links = []
    for shown, source in zip(rows, raw, strict=True):
        day = dt.date.fromisoformat(source["evidence_date"])
        urls = source["source"].split()
        is_urls = all(u.startswith(("http://", "https://")) for u in urls)
        assert shown == {
            "Claim (our words)": squash(source["claim"]),
            "Assessment": source["assessment"],
            "Evidence": squash(source["evidence"]),
            "Date": f"{day:%d %b %Y}",
            "Source": (
                ", ".join(f"source {i}" for i in range(1, len(urls) + 1))
                if is_urls
                else squash(source["source"])
            ),
        }
        expected_links += urls if is_urls else []
    assert hrefs == expected_links


def test_claims_since_table_escapes_cells_and_links_only_urls():
    frame = data.load_resource("claims_since").head(2).copy()
    frame.loc[frame.index[0], "claim"] = "<script>x</script> & co"
    frame.loc[frame.index[1], "source"] = 'Smith, "A book" (2025)'
    markup = claims_since_html(frame)
    assert "<script>" not in markup and "&lt;script&gt;" in markup
    (rows,) = read_tables(markup)
    assert rows[0]["Claim (our words)"] == "<script>x</script> & co"
    assert rows[1]["Source"] == 'Smith, "A book" (2025)'
    assert links(markup) == frame["source"].iloc[0].split()


@pytest.mark.parametrize("columns", [["claim"], []])
def test_claims_since_table_names_missing_columns(columns):
    frame = data.load_resource("claims_since").drop(columns=columns)
    if not columns:
        frame = frame.iloc[0:0]
    with pytest.raises(ValueError, match="missing column|no rows"):
        claims_since_html(frame)
