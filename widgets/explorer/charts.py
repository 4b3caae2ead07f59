"""Altair charts of the ceasefire explorer, one idea per figure.

- :func:`gains_chart`: each actor's gain over no deal, per package (a grid of cells);
- :func:`scores_chart`: one actor's score of each package against its no-deal score.

Charts draw what :func:`widgets.explorer.actors.evaluate` computed; nothing here computes a
score. The ``*_spec`` functions return Vega-Lite dicts filled into cached templates (fast enough
to redraw on every slider move).
"""

from __future__ import annotations

import functools
import json

import altair as alt

from widgets.explorer import legacy_charts
from widgets.explorer.actors import Evaluation
from widgets.explorer.legacy_charts import BINDINGS_CSS  # noqa: F401
from widgets.explorer.model import ACTORS


def static_explorer(data, *args, **kwargs):
    """The static page's chart, still on the one-actor model (it is rebuilt separately); it
    reads that model's data, whatever ``data`` is passed, so the book's cell keeps working."""
    from widgets.explorer import legacy_model

    return legacy_charts.static_explorer(legacy_model.ExplorerData.load(), *args, **kwargs)

DIVERGING = alt.Scale(scheme="blueorange", domainMid=0, reverse=True)


def gain_rows(evaluation: Evaluation) -> list[dict]:
    rows = []
    for a in evaluation.actors:
        for i, p in enumerate(evaluation.inputs.packages):
            gain = evaluation.gain[a][i]
            ok = evaluation.acceptable[a][i]
            rows.append(
                {
                    "actor": ACTORS[a],
                    "package": p.name,
                    "gain": gain,
                    "label": f"{gain:+.3f}" + ("" if ok else " ✗"),
                    "verdict": "better than no deal" if ok else "not better than no deal",
                }
            )
    return rows


@functools.cache
def _gains_template(width: int) -> str:
    base = alt.Chart(alt.NamedData("gains")).encode(
        x=alt.X("actor:N", title=None, sort=list(ACTORS.values()), axis=alt.Axis(labelAngle=0)),
        y=alt.Y("package:N", title=None, sort=None),
    )
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color("gain:Q", scale=DIVERGING, title="gain over no deal"),
        tooltip=["actor:N", "package:N", alt.Tooltip("gain:Q", format="+.3f"), "verdict:N"],
    )
    text = base.mark_text(fontSize=12).encode(text="label:N")
    chart = alt.layer(cells, text).properties(
        width=width,
        title="Gain over no deal (expected score minus no-deal score); ✗ = not better than no deal",
    )
    return json.dumps(chart.to_dict())


def gains_spec(evaluation: Evaluation, width: int = 420) -> dict:
    spec = json.loads(_gains_template(width))
    rows = gain_rows(evaluation)
    spec["datasets"] = {"gains": rows}
    spec["height"] = max(60, 30 * len(evaluation.inputs.packages))
    spec["description"] = (
        "Grid: rows are packages, columns actors; each cell the gain. "
        + "; ".join(
            f"{r['package']} for {r['actor']}: {r['gain']:+.3f} ({r['verdict']})" for r in rows
        )
    )
    return spec


def gains_chart(evaluation: Evaluation, width: int = 420) -> alt.LayerChart:
    """Each actor's gain over no deal for each package."""
    return alt.LayerChart.from_dict(gains_spec(evaluation, width))


def score_rows(evaluation: Evaluation, actor: str) -> list[dict]:
    nd = evaluation.no_deal_utility[actor]
    return [
        {
            "package": p.name,
            "score": evaluation.utility[actor][i],
            "no_deal": nd,
            "rank": evaluation.ranks[actor][i],
        }
        for i, p in enumerate(evaluation.inputs.packages)
    ]


@functools.cache
def _scores_template(width: int) -> str:
    base = alt.Chart(alt.NamedData("scores"))
    rule = base.mark_rule(color="#555", strokeDash=[4, 3]).encode(x="no_deal:Q")
    bars = base.mark_bar(color="#4e79a7", height=3).encode(
        y=alt.Y("package:N", sort=None, title=None), x="no_deal:Q", x2="score:Q"
    )
    dots = base.mark_point(filled=True, size=90, color="#4e79a7").encode(
        y=alt.Y("package:N", sort=None, title=None),
        x=alt.X("score:Q", title="score if agreed (dashed line: no deal)"),
        tooltip=["package:N", alt.Tooltip("score:Q", format=".3f"), "rank:O"],
    )
    return json.dumps(alt.layer(rule, bars, dots).properties(width=width).to_dict())


def scores_spec(evaluation: Evaluation, actor: str, width: int = 420) -> dict:
    spec = json.loads(_scores_template(width))
    rows = score_rows(evaluation, actor)
    spec["datasets"] = {"scores": rows}
    spec["height"] = max(60, 30 * len(rows))
    spec["title"] = f"{ACTORS[actor]}: each package if agreed, against no deal"
    spec["description"] = (
        f"Dots: {ACTORS[actor]}'s score of each package; line: no deal. "
        + "; ".join(f"{r['package']}: {r['score']:.3f} vs {r['no_deal']:.3f}" for r in rows)
    )
    return spec


def scores_chart(evaluation: Evaluation, actor: str, width: int = 420) -> alt.LayerChart:
    """One actor: each package's score if agreed, with the no-deal score as a line."""
    return alt.LayerChart.from_dict(scores_spec(evaluation, actor, width))
