"""Altair charts for the chapter on how NATO admits members."""

from __future__ import annotations

import altair as alt
import pandas as pd

STEP_LABELS: dict[str, str] = {
    "application": "Application",
    "memorandum": "Memorandum with Türkiye",
    "invitation": "Invitation (Madrid)",
    "protocol_signed": "Protocols signed",
    "ratification": "Key ratification",
    "last_ratification": "Last ratification",
    "membership": "Member",
}


def membership_timeline(members: pd.DataFrame) -> alt.LayerChart:
    """Cumulative number of members at each accession date, with the states that joined."""
    if members.empty:
        raise ValueError("no members to draw")
    rounds = (
        members.groupby("accession_date")
        .agg(joined=("country", "size"), states=("country", lambda s: ", ".join(sorted(s))))
        .reset_index()
        .sort_values("accession_date")
    )
    rounds["members"] = rounds["joined"].cumsum()
    base = alt.Chart(rounds).encode(
        x=alt.X("accession_date:T", title="Date of accession", axis=alt.Axis(format="%Y")),
        y=alt.Y("members:Q", title="Number of members", scale=alt.Scale(domain=[0, 34])),
        tooltip=[
            alt.Tooltip("accession_date:T", title="Date", format="%d %B %Y"),
            alt.Tooltip("joined:Q", title="States joining"),
            alt.Tooltip("states:N", title="Who"),
            alt.Tooltip("members:Q", title="Members after"),
        ],
    )
    line = base.mark_line(interpolate="step-after", color="#4c78a8")
    points = base.mark_point(filled=True, size=70, color="#4c78a8")
    labels = base.mark_text(align="left", dx=6, dy=-8, fontSize=10).encode(text="members:Q")
    return alt.layer(line, points, labels).properties(
        width=560,
        height=260,
        title="NATO membership after each accession, 1949-2024",
        description=(
            "Step chart of the number of NATO members after each accession date: 12 founders in "
            "1949, Greece and Türkiye in 1952, Germany 1955, Spain 1982, three states in 1999, "
            "seven in 2004, two in 2009, Montenegro 2017, North Macedonia 2020, Finland 2023 and "
            "Sweden 2024, reaching 32."
        ),
    )


def accession_stages(steps: pd.DataFrame) -> alt.LayerChart:
    """Dated stages of Finland's and Sweden's accessions on a shared time axis."""
    if steps.empty:
        raise ValueError("no stages to draw")
    table = steps.copy()
    table["stage"] = table["step"].map(STEP_LABELS)
    stage_scale = alt.Scale(domain=list(STEP_LABELS.values()))
    span = table.groupby("country")["date"].agg(["min", "max"]).reset_index()
    span["days"] = (span["max"] - span["min"]).dt.days
    bars = (
        alt.Chart(span)
        .mark_rule(strokeWidth=3, color="#bbbbbb")
        .encode(
            y=alt.Y("country:N", title=None),
            x=alt.X("min:T", title="Date"),
            x2="max:T",
            tooltip=[
                alt.Tooltip("country:N", title="State"),
                alt.Tooltip("days:Q", title="Days from application to membership"),
            ],
        )
    )
    points = (
        alt.Chart(table)
        .mark_point(filled=True, size=90)
        .encode(
            y=alt.Y("country:N", title=None),
            x=alt.X("date:T", title="Date", axis=alt.Axis(format="%b %Y")),
            shape=alt.Shape("stage:N", title="Stage", scale=stage_scale),
            color=alt.Color("stage:N", title="Stage", scale=stage_scale),
            tooltip=[
                alt.Tooltip("country:N", title="State"),
                alt.Tooltip("stage:N", title="Stage"),
                alt.Tooltip("date:T", title="Date", format="%d %B %Y"),
                alt.Tooltip("description:N", title="What happened"),
            ],
        )
    )
    return alt.layer(bars, points).properties(
        width=560,
        height=120,
        title="Finland and Sweden: from application to membership",
        description=(
            "Timeline of the stages of Finland's and Sweden's accessions: both applied on 18 May "
            "2022 and were invited on 29 June 2022; Finland became a member on 4 April 2023 after "
            "Hungary and Türkiye ratified in late March 2023; Sweden became a member on 7 March "
            "2024 after Türkiye (January 2024) and Hungary (February 2024) ratified."
        ),
    )
