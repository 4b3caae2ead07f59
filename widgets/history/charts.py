"""Charts and tables for the history chapters of Part III.

``data/neutrality_cases.csv`` holds one row per historical arrangement (a neutrality
treaty, a guarantee, an armistice, a ceasefire agreement). Its ``years`` column says
when the arrangement was in force, as whole calendar years, inclusive:

- ``"1948-1992"``: in force from 1948 to 1992;
- ``"1955-"``: in force from 1955 and still in force;
- ``"2022"``: begun and ended (or failed) within 2022.

- :func:`parse_years` reads one such value;
- :func:`case_spans` turns the table into rows a chart can draw (start, end, status,
  duration in calendar years);
- :func:`cases_timeline_chart` draws them as a Gantt-like Altair chart with a rule at
  the essay's date;
- :func:`comparison_table` selects and titles the columns for the comparison table;
  :func:`comparison_html` renders a compact table and, in a disclosure widget, the full one.

Bad input raises :class:`ValueError` with a message that names the problem.
"""

from __future__ import annotations

import re

import altair as alt
import pandas as pd

AS_OF_YEAR = 2026
ESSAY_YEAR = 2024.5  # the essay appeared in mid-2024
ESSAY_LABEL = "The essay (mid-2024)"
MIN_YEAR, MAX_YEAR = 1900, 2100

CASE_COLUMNS = [
    "case",
    "years",
    "what_was_offered",
    "guarantors",
    "enforcement",
    "outcome",
    "source",
]
TABLE_TITLES = {
    "case": "Case",
    "years": "Years",
    "what_was_offered": "What was offered",
    "guarantors": "Guarantors",
    "enforcement": "Enforcement",
    "outcome": "Outcome",
}
ENDED = "Ended"
STATUS_COLORS = {ENDED: "#4c78a8", "In force": "#e45756"}

_YEARS = re.compile(r"(\d{4})(-(\d{4})?)?")


def _in_force_label(as_of_year: int) -> str:
    return f"In force (as of {as_of_year})"


def _check_year(year: object, what: str) -> int:
    if isinstance(year, bool) or not isinstance(year, int):
        raise ValueError(f"{what} must be a whole year, got {year!r}")
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"{what} {year} is outside {MIN_YEAR}-{MAX_YEAR}")
    return year


def parse_years(text: str) -> tuple[int, int | None]:
    """``(first year, last year)`` of a ``years`` value; the last is ``None`` if ongoing.

    >>> parse_years("1948-1992")
    (1948, 1992)
    >>> parse_years("1955-")
    (1955, None)
    >>> parse_years("2022")
    (2022, 2022)
    """
    if not isinstance(text, str):
        raise ValueError(f"years must be text like '1948-1992', got {text!r}")
    match = _YEARS.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"years {text!r} is not 'YYYY-YYYY', 'YYYY-' (still in force) or 'YYYY'")
    start = _check_year(int(match.group(1)), "first year")
    if match.group(2) is None:
        return start, start
    if match.group(3) is None:
        return start, None
    end = _check_year(int(match.group(3)), "last year")
    if end < start:
        raise ValueError(f"years {text!r}: the last year is before the first")
    return start, end


def _check_cases(cases: pd.DataFrame, columns: list[str]) -> None:
    if not isinstance(cases, pd.DataFrame):
        raise ValueError(f"cases: expected a pandas DataFrame, got {type(cases).__name__}")
    missing = [c for c in columns if c not in cases.columns]
    if missing:
        raise ValueError(f"cases: missing column(s) {', '.join(missing)}")
    if cases.empty:
        raise ValueError("cases: no rows to draw")


def case_spans(cases: pd.DataFrame, as_of_year: int = AS_OF_YEAR) -> pd.DataFrame:
    """One row per case with ``start``, ``end``, ``bar_end``, ``status``, ``duration``.

    ``end`` is the last calendar year in force (``as_of_year`` for arrangements still in
    force); ``bar_end`` is ``end + 1`` so a bar covers whole years; ``duration`` counts
    the calendar years in force, both ends included. Rows are sorted by start year.
    """
    _check_year(as_of_year, "as-of year")
    _check_cases(cases, ["case", "years"])
    rows = []
    for position, row in enumerate(cases.to_dict("records")):
        label = row["case"] if isinstance(row["case"], str) else f"row {position + 1}"
        try:
            start, end = parse_years(row["years"])
        except ValueError as error:
            raise ValueError(f"{label}: {error}") from None
        if start > as_of_year or (end is not None and end > as_of_year):
            raise ValueError(f"{label}: years {row['years']!r} go beyond {as_of_year}")
        ongoing = end is None
        last = as_of_year if ongoing else end
        rows.append(
            {
                **row,
                "start": start,
                "end": last,
                "bar_end": last + 1,
                "ongoing": ongoing,
                "status": _in_force_label(as_of_year) if ongoing else ENDED,
                "duration": last - start + 1,
            }
        )
    spans = pd.DataFrame(rows)
    return spans.sort_values(["start", "end", "case"], kind="stable").reset_index(drop=True)


def cases_timeline_chart(
    cases: pd.DataFrame,
    as_of_year: int = AS_OF_YEAR,
    title: str = "When each arrangement was in force",
    width: int = 560,
) -> alt.LayerChart:
    """A Gantt-like chart: one bar per case from its first to its last year in force.

    Bars of arrangements still in force run to ``as_of_year`` and have their own colour;
    a dashed rule marks the essay (mid-2024). Hovering a bar shows the offer and the
    outcome.
    """
    if not isinstance(width, int) or width < 200:
        raise ValueError(f"width must be a whole number of pixels >= 200, got {width!r}")
    spans = case_spans(cases, as_of_year)
    order = spans["case"].tolist()
    in_force = _in_force_label(as_of_year)
    first = int(spans["start"].min())
    domain = [first - (first % 5) - 5, as_of_year + 3]
    tooltip = [
        alt.Tooltip("case:N", title="Case"),
        alt.Tooltip("years:N", title="Years"),
        alt.Tooltip("duration:Q", title="Calendar years in force"),
    ]
    for column, heading in [
        ("what_was_offered", "What was offered"),
        ("outcome", "Outcome"),
    ]:
        if column in spans.columns:
            tooltip.append(alt.Tooltip(f"{column}:N", title=heading))
    bars = (
        alt.Chart(spans)
        .mark_bar(height=14, cornerRadius=2)
        .encode(
            x=alt.X(
                "start:Q",
                title="Year",
                scale=alt.Scale(domain=domain, nice=False),
                axis=alt.Axis(format="d", tickMinStep=5),
            ),
            x2="bar_end:Q",
            y=alt.Y("case:N", sort=order, title=None, axis=alt.Axis(labelLimit=260)),
            color=alt.Color(
                "status:N",
                title="Status",
                scale=alt.Scale(
                    domain=[ENDED, in_force],
                    range=[STATUS_COLORS[ENDED], STATUS_COLORS["In force"]],
                ),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=tooltip,
        )
    )
    essay = pd.DataFrame({"year": [ESSAY_YEAR], "label": [ESSAY_LABEL]})
    rule = alt.Chart(essay).mark_rule(strokeDash=[4, 3], color="#555").encode(x="year:Q")
    text = (
        alt.Chart(essay)
        .mark_text(align="right", dx=-4, dy=-6, fontSize=11, color="#333")
        .encode(x="year:Q", y=alt.value(0), text="label:N")
    )
    ended = int((~spans["ongoing"]).sum())
    description = (
        f"Horizontal bar chart of {len(spans)} arrangements from {first} to {as_of_year}: "
        + "; ".join(
            f"{r.case}, {r.start} to {'today' if r.ongoing else r.end}" for r in spans.itertuples()
        )
        + f". {ended} have ended, {len(spans) - ended} are still in force. "
        "A dashed line marks the essay in mid-2024."
    )
    return (
        alt.layer(bars, rule, text)
        .properties(
            title=title,
            width=width,
            height=max(120, 26 * len(spans)),
            description=description,
        )
        .configure_axis(labelFontSize=11, titleFontSize=12)
    )


def comparison_table(cases: pd.DataFrame, columns: list[str] | None = None) -> pd.DataFrame:
    """The comparison table: descriptive columns with readable titles, sorted by start.

    ``columns`` picks a subset of ``case``, ``years``, ``what_was_offered``, ``guarantors``,
    ``enforcement``, ``outcome`` (default: all of them, in that order).
    """
    chosen = list(TABLE_TITLES) if columns is None else list(columns)
    unknown = [c for c in chosen if c not in TABLE_TITLES]
    if unknown or not chosen:
        got = ", ".join(unknown) or "none"
        raise ValueError(f"columns must be chosen from {', '.join(TABLE_TITLES)}; got {got}")
    _check_cases(cases, chosen)
    spans = case_spans(cases, AS_OF_YEAR)
    return spans[chosen].rename(columns=TABLE_TITLES)


COMPACT_COLUMNS = ["case", "years", "guarantors", "outcome"]


def comparison_html(cases: pd.DataFrame) -> str:
    """HTML for the book: a compact table, and the full table in a disclosure widget.

    The compact table (case, years, guarantors, outcome) fits the page; the full one, with
    what was offered and how it was enforced, opens on click and scrolls sideways on
    narrow screens. Cell text is HTML-escaped.
    """
    compact = comparison_table(cases, COMPACT_COLUMNS).to_html(
        index=False, border=0, classes="table history-compact", escape=True
    )
    full = comparison_table(cases).to_html(
        index=False, border=0, classes="table history-full", escape=True
    )
    return (
        '<div class="history-table">'
        + compact
        + "<details><summary>Full table: what was offered, guarantors, enforcement and "
        "outcome for every case</summary>"
        + '<div style="overflow-x:auto"><div style="min-width:1100px">'
        + full
        + "</div></div></details></div>"
    )


__all__ = [
    "AS_OF_YEAR",
    "CASE_COLUMNS",
    "ESSAY_LABEL",
    "ESSAY_YEAR",
    "case_spans",
    "cases_timeline_chart",
    "comparison_html",
    "comparison_table",
    "parse_years",
]
