"""Altair charts for the consensus tracker (static pages: recompute in the browser)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from widgets.nato.model import POSITION_LABELS, POSITIONS, YES_RULE_LABELS, YES_RULES
from widgets.nato.positions import PERIODS, period_labels

COLORS: dict[str, str] = {
    "supports_membership_now": "#1b7837",
    "supports_eventual_membership": "#7fbf7b",
    "opposes_or_blocks": "#b2182b",
    "no_clear_position": "#bdbdbd",
}
GRID_COLUMNS = 8
NO_FLIP = "(no what-if)"


def grid_table(members: pd.DataFrame, columns: int = GRID_COLUMNS) -> pd.DataFrame:
    """The members in accession order, with a grid position and display fields."""
    if columns < 1:
        raise ValueError("the grid needs at least one column")
    table = members.sort_values(["accession_date", "country"]).reset_index(drop=True)
    out = pd.DataFrame(
        {
            "country": table["country"],
            "iso3": table["iso3"],
            "joined": table["accession_year"].astype(int),
            "position_essay": table["position_essay"],
            "position_latest": table["position_latest"],
            "date_essay": table["position_date"].dt.strftime("%Y-%m-%d").fillna("none"),
            "date_latest": table["latest_date"].dt.strftime("%Y-%m-%d").fillna("none"),
            "carried": table["latest_carried"].map({True: "yes", False: "no"}),
        }
    )
    out["col"] = out.index % columns
    out["row"] = out.index // columns
    return out


def _label_expr(field: str) -> str:
    expr = "'?'"
    for key in reversed(POSITIONS):
        expr = f"({field} === '{key}' ? '{POSITION_LABELS[key]}' : {expr})"
    return expr


def _yes_expr(field: str, rule_param: str) -> str:
    parts = []
    for rule, positions in YES_RULES.items():
        test = " || ".join(f"{field} === '{p}'" for p in positions)
        parts.append(f"({rule_param} === '{rule}' && ({test}))")
    return " || ".join(parts)


def consensus_chart(members: pd.DataFrame) -> alt.VConcatChart:
    """A grid of the members coloured by position, with controls that recompute consensus.

    Controls (bound, named): which period's positions; which positions count as yes; a
    member to flip and the position to flip it to. The text below the grid says whether
    an invitation would have consensus and how many members block it.
    """
    data = grid_table(members)
    period = alt.param(
        name="period",
        value="essay",
        bind=alt.binding_radio(
            options=list(PERIODS), labels=list(period_labels().values()), name="Positions: "
        ),
    )
    rule = alt.param(
        name="yes_rule",
        value="in_principle",
        bind=alt.binding_radio(
            options=list(YES_RULES), labels=list(YES_RULE_LABELS.values()), name="Counts as yes: "
        ),
    )
    flip_member = alt.param(
        name="flip_member",
        value=NO_FLIP,
        bind=alt.binding_select(
            options=[NO_FLIP, *sorted(data["country"])], name="What if this member: "
        ),
    )
    flip_to = alt.param(
        name="flip_to",
        value="supports_eventual_membership",
        bind=alt.binding_select(
            options=list(POSITIONS),
            labels=list(POSITION_LABELS.values()),
            name="changed its position to: ",
        ),
    )
    base = (
        alt.Chart(data)
        .transform_calculate(
            stated="period === 'essay' ? datum.position_essay : datum.position_latest",
            statement_date="period === 'essay' ? datum.date_essay : datum.date_latest",
        )
        .transform_calculate(
            effective="flip_member === datum.country ? flip_to : datum.stated",
            flipped="flip_member === datum.country ? 'yes' : 'no'",
        )
        .transform_calculate(
            position=_label_expr("datum.effective"),
            counts_yes=f"({_yes_expr('datum.effective', 'yes_rule')}) ? 1 : 0",
        )
        .transform_calculate(blocks="1 - datum.counts_yes")
    )
    color = alt.Color(
        "position:N",
        title="Stated position",
        scale=alt.Scale(
            domain=[POSITION_LABELS[p] for p in POSITIONS], range=[COLORS[p] for p in POSITIONS]
        ),
        legend=alt.Legend(orient="right"),
    )
    tooltip = [
        alt.Tooltip("country:N", title="Member"),
        alt.Tooltip("joined:Q", title="Joined NATO", format="d"),
        alt.Tooltip("position:N", title="Position"),
        alt.Tooltip("statement_date:N", title="Statement date"),
        alt.Tooltip("flipped:N", title="Changed by your what-if"),
    ]
    x = alt.X("col:O", axis=None)
    y = alt.Y("row:O", axis=None)
    tiles = base.mark_rect(cornerRadius=3).encode(
        x=x,
        y=y,
        color=color,
        stroke=alt.condition("datum.blocks == 1", alt.value("#000000"), alt.value("#ffffff")),
        strokeWidth=alt.condition("datum.blocks == 1", alt.value(3), alt.value(1)),
        tooltip=tooltip,
    )
    codes = base.mark_text(fontSize=12, fontWeight="bold", dy=-6).encode(
        x=x, y=y, text="iso3:N", color=alt.value("#000000"), tooltip=tooltip
    )
    marks = (
        base.mark_text(fontSize=10, dy=9)
        .encode(
            x=x,
            y=y,
            text=alt.Text("marker:N"),
            color=alt.value("#000000"),
            tooltip=tooltip,
        )
        .transform_calculate(marker="datum.blocks == 1 ? 'blocks' : 'yes'")
    )
    grid = (
        alt.layer(tiles, codes, marks)
        .add_params(period, rule, flip_member, flip_to)
        .properties(
            width=GRID_COLUMNS * 62,
            height=4 * 52,
            title=alt.Title(
                "NATO's 32 members and Ukraine's membership: who would block an invitation?",
                subtitle="Tiles in order of accession; a black outline and 'blocks' mark a member "
                "whose position does not count as yes under your rule.",
            ),
        )
    )
    summary = (
        base.transform_aggregate(blockers="sum(blocks)", members="count()")
        .transform_calculate(
            text=(
                "datum.blockers == 0 ? 'Consensus: all ' + datum.members + ' members count as "
                "yes, so an invitation could be agreed.' : 'No consensus: ' + datum.blockers + "
                "' of ' + datum.members + ' members do not count as yes; one is enough to block "
                "an invitation.'"
            )
        )
        .mark_text(align="left", fontSize=14, fontWeight="bold")
        .encode(text="text:N", x=alt.value(0), y=alt.value(10))
        .properties(width=GRID_COLUMNS * 62, height=24)
    )
    return alt.vconcat(grid, summary).properties(
        description=(
            "Grid of NATO's 32 members in order of accession, each coloured by its government's "
            "stated position on Ukraine's membership (supports an invitation now, supports "
            "membership later, opposes or would block, no clear position). Members whose "
            "position does not count as yes under the chosen rule are outlined and marked "
            "'blocks'; the line below says whether an invitation would have consensus."
        )
    )
