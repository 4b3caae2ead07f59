"""Altair charts for the seminar kit's assignment notebooks."""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from widgets.common.tree import elbow_edges, layout_tree
from widgets.seminar.model import KIND_LABELS, SeminarError

#: Colours per node kind (Okabe-Ito hues, darkened for text contrast); the kind is also written
#: in each label, so colour is never the only cue.
KIND_COLOURS: dict[str, str] = {
    "claim": "#000000",
    "reason": "#0072B2",
    "evidence": "#007A5A",
    "assumption": "#A0457E",
    "objection": "#B34700",
    "reply": "#806000",
}

WRAP_CHARS = 72
MIN_WRAP_CHARS = 36
DEPTH_STEP_CHARS = 12
LINE_PX = 15


def argument_map_layout(rows: pd.DataFrame, wrap: int = WRAP_CHARS) -> pd.DataFrame:
    """Positions for the nodes of :func:`widgets.seminar.model.argument_map_rows`:
    ``x`` = depth, ``y`` = top of the node's label in lines, ``lines`` = wrapped label."""
    needed = {"node", "kind", "text", "parent", "depth"}
    if not isinstance(rows, pd.DataFrame) or not needed <= set(rows.columns) or rows.empty:
        raise SeminarError("expected the table from argument_map_rows(...)")
    labels = []
    for row in rows.itertuples(index=False):
        label = f"{KIND_LABELS[row.kind]} [{row.node}]: {row.text}"
        # Deeper nodes start further right: wrap them narrower so no label leaves the chart.
        width = max(MIN_WRAP_CHARS, wrap - DEPTH_STEP_CHARS * int(row.depth))
        labels.append(textwrap.wrap(label, width=width) or [label])
    out = rows.assign(lines=labels)
    out = layout_tree(out, "node", "parent", heights=[len(lines) + 1 for lines in labels])
    out["y"] = out["top"]
    out["x"] = out["depth"].astype(int)
    out = out.drop(columns=["row", "top"])
    out["label_kind"] = out["kind"].map(KIND_LABELS)
    return out


def argument_map_chart(rows: pd.DataFrame, title: str = "Argument map") -> alt.LayerChart:
    """A tree drawn top to bottom: each node's label indented by its depth, with a line
    from each node to its parent. Colour and the written kind both mark the node type."""
    layout = argument_map_layout(rows)
    # Elbow connectors, so that no line crosses a label (labels sit right of their node).
    edges = elbow_edges(layout, "node", "parent", x="x", y="y").drop(columns="child")
    height = LINE_PX * (int(layout["y"].max()) + len(layout["lines"].iloc[-1]) + 1)
    x_scale = alt.Scale(domain=[0, 8])
    y_scale = alt.Scale(domain=[-1, int(layout["y"].max()) + 4], reverse=True)
    lines = (
        alt.Chart(edges)
        .mark_rule(color="#999999")
        .encode(
            x=alt.X("x:Q", scale=x_scale, axis=None),
            y=alt.Y("y:Q", scale=y_scale, axis=None),
            x2="x2:Q",
            y2="y2:Q",
        )
    )
    points = (
        alt.Chart(layout)
        .mark_point(filled=True, size=60)
        .encode(
            x=alt.X("x:Q", scale=x_scale, axis=None),
            y=alt.Y("y:Q", scale=y_scale, axis=None),
            color=alt.Color(
                "label_kind:N",
                title="Kind of node",
                scale=alt.Scale(
                    domain=[KIND_LABELS[k] for k in KIND_COLOURS],
                    range=list(KIND_COLOURS.values()),
                ),
            ),
            tooltip=[alt.Tooltip("node:N", title="Node"), alt.Tooltip("text:N", title="Text")],
        )
    )
    labels = (
        alt.Chart(layout)
        .mark_text(align="left", baseline="top", dx=8, dy=-6, fontSize=12, lineHeight=LINE_PX)
        .encode(
            x=alt.X("x:Q", scale=x_scale, axis=None),
            y=alt.Y("y:Q", scale=y_scale, axis=None),
            text="lines:N",
            color=alt.Color(
                "label_kind:N",
                legend=None,
                scale=alt.Scale(
                    domain=[KIND_LABELS[k] for k in KIND_COLOURS], range=list(KIND_COLOURS.values())
                ),
            ),
        )
    )
    counts = layout["kind"].value_counts()
    summary = ", ".join(
        f"{int(counts.get(k, 0))} {KIND_LABELS[k].lower()}" for k in KIND_COLOURS if k != "claim"
    )
    return (lines + points + labels).properties(
        title=title,
        width=640,
        height=max(120, height),
        description=(
            f"{title}: a tree with the main claim at the top and, indented below it, {summary}. "
            "Each node's kind and text are written in its label."
        ),
    )


# --------------------------------------------------------------------------- class dashboard


def choices_chart(choices: pd.DataFrame) -> alt.Chart:
    """How many files put each package first, stacked by delegation or group."""
    if choices.empty:
        raise SeminarError("no scenario file could be read, so there is nothing to chart")
    return (
        alt.Chart(choices, title="First place for each file's own actor")
        .mark_bar()
        .encode(
            y=alt.Y("first place:N", title=None, sort="-x"),
            x=alt.X("sum(files):Q", title="files", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color("delegation or group:N", title="delegation or group"),
            tooltip=["first place:N", "delegation or group:N", "files:Q"],
        )
    )


def weights_chart(weights: pd.DataFrame) -> alt.Chart:
    """Every own-actor weight in every file, one dot each, by criterion and delegation or group."""
    own = weights[weights["own actor"]]
    if own.empty:
        raise SeminarError("no weights to chart")
    return (
        alt.Chart(own, title="Each file's weights for its own actor")
        .mark_circle(size=60, opacity=0.7)
        .encode(
            x=alt.X("weight:Q", scale=alt.Scale(domain=[-10, 10])),
            y=alt.Y("criterion:N", title=None),
            color=alt.Color("delegation or group:N"),
            tooltip=["file:N", "delegation or group:N", "criterion:N", "weight:Q"],
        )
    )


def estimates_chart(estimates: pd.DataFrame) -> alt.Chart:
    """Base risk and attainability per package, one dot per file."""
    rows = estimates.dropna(subset=["base_risk_pct"])
    if rows.empty:
        raise SeminarError("no estimates to chart")
    long = rows.melt(
        id_vars=["file", "delegation or group", "package"],
        value_vars=["base_risk_pct", "attain_pct"],
        var_name="estimate",
        value_name="percent",
    )
    return (
        alt.Chart(long, title="Estimates per package (one dot per file)")
        .mark_circle(size=60, opacity=0.7)
        .encode(
            x=alt.X("percent:Q", scale=alt.Scale(domain=[0, 100])),
            y=alt.Y("package:N", title=None),
            row=alt.Row("estimate:N", title=None),
            color=alt.Color("delegation or group:N"),
            tooltip=["file:N", "package:N", "estimate:N", "percent:Q"],
        )
    )
