"""Charts and tables for the history chapters of Part III (data from
:mod:`widgets.history.model`).

- :func:`cases_timeline_chart` draws the arrangements as a Gantt-like Altair chart with a
  rule at the essay's date;
- :func:`comparison_html` renders a compact comparison table and, in a disclosure widget,
  the full one.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from widgets.common import validate
from widgets.history.model import (
    CASE_COLUMNS,
    ENDED,
    ESSAY_LABEL,
    ESSAY_YEAR,
    case_spans,
    comparison_table,
    currency_year,
    in_force_label,
)

STATUS_COLORS = {ENDED: "#4c78a8", "In force": "#e45756"}


def cases_timeline_chart(
    cases: pd.DataFrame,
    as_of_year: int | None = None,
    title: str = "When each arrangement was in force",
    width: int = 560,
) -> alt.LayerChart:
    """A Gantt-like chart: one bar per case from its first to its last year in force.

    Bars of arrangements still in force run to ``as_of_year`` and have their own colour;
    a dashed rule marks the essay (mid-2024). Hovering a bar shows the offer and the
    outcome.
    """
    validate.whole_number(width, "width (pixels)", low=200)
    as_of_year = currency_year() if as_of_year is None else as_of_year
    spans = case_spans(cases, as_of_year)
    order = spans["case"].tolist()
    in_force = in_force_label(as_of_year)
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
    "CASE_COLUMNS",
    "ESSAY_LABEL",
    "case_spans",
    "cases_timeline_chart",
    "comparison_html",
    "comparison_table",
]
