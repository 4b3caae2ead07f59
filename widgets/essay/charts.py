"""Altair charts for the chapter "The essay in brief": the argument map and the fact-check summary.

Both charts work in the static book without a kernel: the legend of the argument map is a
selection that highlights one kind of node, and tooltips give the details.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from widgets.essay.factcheck import PARTS, VERDICT_COLOURS, VERDICTS
from widgets.essay.model import KINDS

# One colour per kind of node (colour-blind-safe Okabe-Ito palette, black for the root).
KIND_COLOURS = ["#000000", "#0072B2", "#56B4E9", "#009E73", "#D55E00", "#E69F00", "#CC79A7"]

ROW_PX = 24  # height of one row of the indented tree
INDENT_PX = 28  # indentation per level


def argument_map_chart(laid: pd.DataFrame, edges: pd.DataFrame, width: int = 660) -> alt.Chart:
    """The argument map as an indented node-link tree, one node per row.

    ``laid`` comes from :func:`widgets.essay.model.tree_layout`, ``edges`` from
    :func:`widgets.essay.model.tree_edges`.
    """
    if len(laid) == 0:
        raise ValueError("the argument map has no nodes")
    n_rows = int(laid["row"].max()) + 1
    height = ROW_PX * n_rows
    x_scale = alt.Scale(domain=[0, width / INDENT_PX], range=[0, width], nice=False, zero=True)
    y_scale = alt.Scale(domain=[-0.7, n_rows - 0.3], reverse=True, nice=False, zero=False)
    x = alt.X("xpos:Q", scale=x_scale, axis=None)
    y = alt.Y("row:Q", scale=y_scale, axis=None)

    pick = alt.selection_point(fields=["kind"], bind="legend", name="kind_pick")
    nodes = laid.assign(
        xpos=laid["depth"] + 0.4,
        claims=laid.get("claims", pd.Series([""] * len(laid))).replace("", "none"),
    )
    links = edges.assign(x=edges["x"] + 0.4, x2=edges["x2"] + 0.4)

    tooltip = [
        alt.Tooltip("kind:N", title="Kind"),
        alt.Tooltip("label:N", title="Node"),
        alt.Tooltip("claims:N", title="Fact-check rows"),
    ]
    colour = alt.Color(
        "kind:N",
        scale=alt.Scale(domain=KINDS, range=KIND_COLOURS),
        legend=alt.Legend(title="Kind of node (click to highlight)", orient="bottom", columns=4),
    )
    base = alt.Chart(nodes)
    edge_layer = (
        alt.Chart(links)
        .mark_rule(color="#777777", strokeWidth=1.2)
        .encode(
            x=alt.X("x:Q", scale=x_scale, axis=None),
            y=alt.Y("y:Q", scale=y_scale, axis=None),
            x2="x2:Q",
            y2="y2:Q",
            strokeDash=alt.StrokeDash(
                "style:N",
                scale=alt.Scale(domain=["support", "assumption"], range=[[1, 0], [4, 3]]),
                legend=alt.Legend(title="Link", orient="bottom"),
            ),
        )
    )
    point_layer = (
        base.mark_circle(size=110, stroke="#000000", strokeWidth=0.5)
        .encode(
            x=x,
            y=y,
            color=colour,
            opacity=alt.condition(pick, alt.value(1.0), alt.value(0.2)),
            tooltip=tooltip,
        )
        .add_params(pick)
    )
    text = dict(align="left", baseline="middle", dx=10, fontSize=12)
    heading_layer = (
        base.transform_filter("datum.depth <= 1")
        .mark_text(fontWeight="bold", **text)
        .encode(
            x=x,
            y=y,
            text="label:N",
            opacity=alt.condition(pick, alt.value(1.0), alt.value(0.3)),
            tooltip=tooltip,
        )
    )
    detail_layer = (
        base.transform_filter("datum.depth > 1")
        .mark_text(**text)
        .encode(
            x=x,
            y=y,
            text="label:N",
            opacity=alt.condition(pick, alt.value(1.0), alt.value(0.3)),
            tooltip=tooltip,
        )
    )
    return (
        alt.layer(edge_layer, point_layer, heading_layer, detail_layer)
        .properties(
            width=width,
            height=height,
            title=alt.Title(
                "The essay's argument: claim, premises, proposal and unstated assumptions",
                subtitle=(
                    "Our paraphrase. Dashed links lead to assumptions the essay does not state."
                ),
            ),
            description=(
                "Indented tree diagram of the essay's argument. The main claim, that Ukraine "
                "should not seek NATO membership now, rests on three premises (the rejected "
                "myths: membership cannot end the war, would not keep the peace, is not "
                "politically possible), each with its reasons and evidence, and on a proposal "
                "to trade neutrality for concessions. A fifth branch lists five unstated "
                "assumptions. The same content is given as a table below the chart."
            ),
        )
        .configure_view(stroke=None)
    )


def verdict_chart(by_part: pd.DataFrame, width: int = 520) -> alt.Chart:
    """Stacked bars: how many of the essay's factual claims got each verdict, by part."""
    if len(by_part) == 0:
        raise ValueError("no verdicts to draw")
    order = [p for p in PARTS.values() if p in set(by_part["part"])]
    return (
        alt.Chart(by_part)
        .mark_bar(stroke="#333333", strokeWidth=0.5)
        .encode(
            y=alt.Y("part:N", sort=order, title="Part of the essay"),
            x=alt.X(
                "claims:Q",
                title="Factual claims checked (count)",
                axis=alt.Axis(tickMinStep=1, format="d"),
            ),
            color=alt.Color(
                "verdict:N",
                scale=alt.Scale(domain=VERDICTS, range=[VERDICT_COLOURS[v] for v in VERDICTS]),
                legend=alt.Legend(title="Verdict"),
            ),
            order=alt.Order("verdict_order:Q"),
            tooltip=[
                alt.Tooltip("part:N", title="Part"),
                alt.Tooltip("verdict:N", title="Verdict"),
                alt.Tooltip("claims:Q", title="Claims"),
            ],
        )
        .properties(
            width=width,
            height=40 * len(order),
            title="Verdicts on the essay's factual claims, by part of the essay",
            description=(
                "Stacked horizontal bar chart counting the essay's checked factual claims "
                "by part of the essay and verdict (accurate, imprecise, contested, wrong, "
                "not verified here). The table below lists every claim."
            ),
        )
    )
