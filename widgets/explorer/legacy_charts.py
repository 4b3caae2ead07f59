"""Altair charts of the ceasefire-line explorer.

- :func:`comparison_chart`: the weighted score of each compared settlement, split into
  what each criterion contributes;
- :func:`tile_map`: a tile-grid map (one square per unit) of the share under Russian
  control.

Charts take the model's results; nothing here computes an indicator itself. (The static,
kernel-free explorer is ``widgets/explorer/static.py``.)
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence

import altair as alt

from widgets.explorer import legacy_model as m

#: Colours of the criteria (colour-blind-safe Tableau 10 order), fixed so that every
#: chart on the page uses the same colour for the same criterion.
CRITERION_COLOURS = {
    "territory": "#4e79a7",
    "people": "#f28e2b",
    "economy": "#59a14f",
    "sea": "#76b7b2",
    "assets": "#edc948",
    "risk": "#e15759",
    "alignment": "#b07aa1",
}

SLOTS = ("A", "B", "C")

#: Tile labels (the tooltip and the chart description give the full names).
ABBREVIATIONS = {
    "UA-05": "VIN",
    "UA-07": "VOL",
    "UA-09": "LUH",
    "UA-12": "DNI",
    "UA-14": "DON",
    "UA-18": "ZHY",
    "UA-21": "ZAK",
    "UA-23": "ZAP",
    "UA-26": "IF",
    "UA-30": "KYIV",
    "UA-32": "KYO",
    "UA-35": "KIR",
    "UA-40": "SEV",
    "UA-43": "CRI",
    "UA-46": "LVI",
    "UA-48": "MYK",
    "UA-51": "ODE",
    "UA-53": "POL",
    "UA-56": "RIV",
    "UA-59": "SUM",
    "UA-61": "TER",
    "UA-63": "KHA",
    "UA-65": "KHE",
    "UA-68": "KHM",
    "UA-71": "CHE",
    "UA-74": "CHN",
    "UA-77": "CHV",
}


def _criterion_scale() -> alt.Scale:
    labels = [m.CRITERIA[k] for k in m.CRITERIA]
    return alt.Scale(domain=labels, range=[CRITERION_COLOURS[k] for k in m.CRITERIA])


def short_name(name: str) -> str:
    """'Zaporizhzhia Oblast' -> 'Zaporizhzhia'; 'Autonomous Republic of Crimea' -> 'Crimea'."""
    for word in (" Oblast", " oblast", " region"):
        name = name.replace(word, "")
    if "Crimea" in name:
        return "Crimea"
    if name.startswith("Kyiv") and "city" in name.lower():
        return "Kyiv city"
    return name


# --------------------------------------------------------------------------- comparison


def comparison_rows(results: Sequence[m.Result], weights: Mapping[str, float]) -> list[dict]:
    """One row per settlement and criterion: the criterion's share of the weighted score."""
    w = m.validate_weights(weights)
    total = sum(w.values())
    rows = []
    for r in results:
        for k, label in m.CRITERIA.items():
            rows.append(
                {
                    "settlement": r.settlement.name,
                    "criterion": label,
                    "order": list(m.CRITERIA).index(k),
                    "contribution": w[k] * r.scores[k] / total,
                    "criterion_score": r.scores[k],
                    "weight": w[k],
                    "score": r.score,
                    "rank": r.rank,
                }
            )
    return rows


def _comparison_layers(width: int) -> alt.LayerChart:
    """The comparison chart with named (empty) datasets: a template filled per update."""
    y = alt.Y(
        "settlement:N",
        title=None,
        sort=alt.EncodingSortField("score", op="max", order="descending"),
        axis=alt.Axis(labelLimit=260),
    )
    bars = (
        alt.Chart(alt.NamedData(name="contributions"))
        .mark_bar()
        .encode(
            y=y,
            x=alt.X(
                "sum(contribution):Q",
                title="Weighted score (0 = worst, 1 = best on every criterion)",
                scale=alt.Scale(domain=[0, 1.1]),
            ),
            color=alt.Color("criterion:N", title="Criterion", scale=_criterion_scale()),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("settlement:N", title="Settlement"),
                alt.Tooltip("criterion:N", title="Criterion"),
                alt.Tooltip(
                    "criterion_score:Q", title="Score on this criterion (0-1)", format=".2f"
                ),
                alt.Tooltip("weight:Q", title="Your weight", format=".1f"),
                alt.Tooltip("contribution:Q", title="Adds to the total", format=".3f"),
            ],
        )
    )
    text = (
        alt.Chart(alt.NamedData(name="totals"))
        .mark_text(align="left", dx=4)
        .encode(y=y, x=alt.X("score:Q"), text=alt.Text("label:N"))
    )
    return alt.layer(bars, text).properties(
        width=width,
        height=60,
        title="Weighted score of each settlement, with your weights",
        description="",
    )


@functools.cache
def _comparison_template(width: int) -> str:
    return json.dumps(_comparison_layers(width).to_dict())


def comparison_spec(
    results: Sequence[m.Result], weights: Mapping[str, float], width: int = 420
) -> dict:
    """Vega-Lite spec (a dict) of :func:`comparison_chart`; fast: fills a cached template."""
    spec = json.loads(_comparison_template(width))
    totals = [
        {"settlement": r.settlement.name, "score": r.score, "label": f"#{r.rank}  {r.score:.2f}"}
        for r in results
    ]
    spec["datasets"] = {"contributions": comparison_rows(results, weights), "totals": totals}
    spec["height"] = max(60, 34 * len(results))
    names = "; ".join(f"{r.settlement.name}: {r.score:.2f} (rank {r.rank})" for r in results)
    spec["description"] = (
        "Horizontal stacked bars, one per settlement, showing the weighted score (0 to 1) "
        "split into what each criterion contributes. " + names
    )
    return spec


def comparison_chart(
    results: Sequence[m.Result], weights: Mapping[str, float], width: int = 420
) -> alt.LayerChart:
    """Stacked bars: each settlement's weighted score, split by criterion."""
    return alt.LayerChart.from_dict(comparison_spec(results, weights, width))


# --------------------------------------------------------------------------- tile map


def tile_rows(data: m.ExplorerData, shares: Mapping[str, float]) -> list[dict]:
    return [
        {
            "code": u.code,
            "name": u.name,
            "short": ABBREVIATIONS.get(u.code, short_name(u.name)[:4]),
            "row": u.grid_row,
            "col": u.grid_col,
            "share": float(shares[u.code]),
            "dark": float(shares[u.code]) >= 55,
        }
        for u in data.units
    ]


def _tile_layers(source, title: str, width: int, height: int, filter_expr: str | None = None):
    base = alt.Chart(source)
    if filter_expr:
        base = base.transform_filter(filter_expr)
    x = alt.X("col:O", axis=None)
    y = alt.Y("row:O", axis=None)
    rect = base.mark_rect(stroke="white", strokeWidth=2).encode(
        x=x,
        y=y,
        color=alt.Color(
            "share:Q",
            title="Russian control (% of area)",
            scale=alt.Scale(domain=[0, 100], scheme="reds"),
            legend=alt.Legend(orient="bottom", gradientLength=160),
        ),
        tooltip=[
            alt.Tooltip("name:N", title="Unit"),
            alt.Tooltip("share:Q", title="Under Russian control (%)", format=".1f"),
        ],
    )
    text = base.mark_text(fontSize=9).encode(
        x=x,
        y=y,
        text="short:N",
        color=alt.condition("datum.dark", alt.value("white"), alt.value("black")),
    )
    return alt.layer(rect, text).properties(width=width, height=height, title=title)


@functools.cache
def _tile_template(width: int, height: int) -> str:
    chart = _tile_layers(alt.NamedData(name="tiles"), "", width, height)
    return json.dumps(chart.properties(description="").to_dict())


def tile_spec(data: m.ExplorerData, settlement: m.Settlement, size: int = 44) -> dict:
    """Vega-Lite spec (a dict) of :func:`tile_map`; fast: fills a cached template."""
    rows = tile_rows(data, settlement.shares)
    n_cols = 1 + max(r["col"] for r in rows)
    n_rows = 1 + max(r["row"] for r in rows)
    spec = json.loads(_tile_template(size * n_cols, size * n_rows))
    spec["datasets"] = {"tiles": rows}
    spec["title"] = f"Line: {settlement.name}"
    occupied = [f"{short_name(r['name'])} {r['share']:.0f}%" for r in rows if r["share"] > 0]
    spec["description"] = (
        "Tile-grid map of Ukraine's 27 first-level units (one square each, roughly in "
        "geographic position), shaded by the share of each unit's area under Russian "
        "control in this line. Units with a share above zero: "
        + (", ".join(occupied) if occupied else "none")
        + "."
    )
    return spec


def tile_map(data: m.ExplorerData, settlement: m.Settlement, size: int = 44) -> alt.LayerChart:
    """Tile-grid map of the share of each unit under Russian control in ``settlement``."""
    return alt.LayerChart.from_dict(tile_spec(data, settlement, size))
