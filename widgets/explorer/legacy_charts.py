"""Altair charts of the ceasefire-line explorer.

- :func:`comparison_chart`: the weighted score of each compared settlement, split into
  what each criterion contributes;
- :func:`tile_map`: a tile-grid map (one square per unit) of the share under Russian
  control;
- :func:`static_explorer`: the whole explorer as one chart with bound controls that
  recomputes indicators, scores and ranking in the browser (no kernel, no network).

Charts take the model's results; nothing here computes an indicator itself, except the
browser-side weighted score of the static explorer, which mirrors
``explorer_model.weighted_score`` in a Vega expression (a test checks that both agree).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence
from typing import Any

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


# --------------------------------------------------------------------------- static explorer

ARR_PARAM = {
    "neutrality_guarantees": "risk_neutrality",
    "nato_path": "risk_nato",
    "armed_neutrality": "risk_armed",
    "frozen_conflict": "risk_frozen",
}
ARR_SHORT = {
    "neutrality_guarantees": "neutrality + guarantees",
    "nato_path": "NATO path",
    "armed_neutrality": "armed neutrality",
    "frozen_conflict": "frozen conflict",
}
FEATURE_PARAM = {
    "buffer_zone": "f_buffer",
    "monitors": "f_monitors",
    "third_party_guarantee": "f_guarantee",
    "detailed_agreement": "f_detailed",
}


def _fmt_people(n: float) -> str:
    return f"{n / 1e6:.2f} million"


def _list_or_none(items: Sequence[str], limit: int = 3) -> str:
    if not items:
        return "none"
    shown = ", ".join(items[:limit])
    return shown + (f" +{len(items) - limit} more" if len(items) > limit else "")


def static_rows(data: m.ExplorerData) -> tuple[list[dict], list[dict]]:
    """Per slot and preset, the indicator values computed in Python (they do not depend on
    the arrangement); per slot, preset and unit, the tile-map rows."""
    estimates = m.Estimates()
    rows, tiles = [], []
    for preset_id, preset in data.presets.items():
        s = m.preset_settlement(data, preset_id, "neutrality_guarantees")
        ind = m.indicators(data, s, estimates)
        sc = m.criterion_scores(ind)
        base = {
            "preset_id": preset_id,
            "line": preset.label,
            "as_of": preset.as_of,
            "territory": sc["territory"],
            "people": sc["people"],
            "economy": sc["economy"],
            "sea": sc["sea"],
            "assets": sc["assets"],
            "t_territory": f"{ind.lost_km2:,.0f} km² ({ind.lost_pct:.1f}%)",
            "t_people": f"{ind.people_occupied / 1e6:.2f} m ({ind.people_occupied_pct:.1f}%)",
            "t_economy": f"{ind.gdp_occupied_pct:.1f}%" if ind.gdp_available else "no data",
            "t_sea": (
                f"{'yes' if ind.black_sea_access else 'no'} / "
                f"{'yes' if ind.azov_access else 'no'}; "
                f"{len(ind.ports_kept)} of {len(ind.ports_kept) + len(ind.ports_lost)}"
            ),
            "t_assets": (
                f"{len(ind.assets_lost)} of {len(ind.assets_lost) + len(ind.assets_kept)}"
                if data.assets
                else "none listed"
            ),
            "assets_lost": _list_or_none(ind.assets_lost, 5),
        }
        for slot in SLOTS:
            rows.append({"slot": slot, **base})
        for t in tile_rows(data, preset.shares):
            tiles.append({"preset_id": preset_id, **t})
    return rows, tiles


def _slot_filter() -> str:
    return " || ".join(
        f"(datum.slot == '{s}' && datum.preset_id == line_{s.lower()})" for s in SLOTS
    )


def _nested(mapping: Mapping[str, str], key_expr: str, last: str) -> str:
    """A nested ternary: key == k1 ? v1 : key == k2 ? v2 : ... : last."""
    parts = [f"{key_expr} == '{k}' ? {v}" for k, v in mapping.items()]
    return " : ".join(parts) + f" : {last}"


def static_explorer(
    data: m.ExplorerData,
    defaults: Mapping[str, tuple[str, str]] | None = None,
    weights: Mapping[str, float] | None = None,
    estimates: m.Estimates | None = None,
) -> alt.VConcatChart:
    """The explorer as one Altair chart whose bound controls recompute in the browser.

    ``defaults`` maps slot ("A", "B", "C") to (preset id, arrangement). Indicator values
    per preset are computed in Python; the browser computes the risk (from the risk
    sliders and durability checkboxes), the weighted score and the ranking.
    """
    weights = m.validate_weights(weights or m.DEFAULT_WEIGHTS)
    estimates = m.validate_estimates(estimates or m.Estimates())
    preset_ids = list(data.presets)
    defaults = dict(defaults or {})
    for i, slot in enumerate(SLOTS):
        defaults.setdefault(
            slot, (preset_ids[min(i, len(preset_ids) - 1)], "neutrality_guarantees")
        )
    for pid, arr in defaults.values():
        data.preset(pid)
        m.validate_arrangement(arr)

    labels = [data.presets[p].label for p in preset_ids]
    params = []
    for slot in SLOTS:
        pid, arr = defaults[slot]
        params.append(
            alt.param(
                name=f"line_{slot.lower()}",
                value=pid,
                bind=alt.binding_select(
                    options=preset_ids, labels=labels, name=f"Settlement {slot}: line "
                ),
            )
        )
        params.append(
            alt.param(
                name=f"arr_{slot.lower()}",
                value=arr,
                bind=alt.binding_select(
                    options=list(m.ARRANGEMENTS),
                    labels=list(m.ARRANGEMENTS.values()),
                    name=f"Settlement {slot}: security arrangement ",
                ),
            )
        )
    for key, name in FEATURE_PARAM.items():
        params.append(
            alt.param(
                name=name,
                value=False,
                bind=alt.binding_checkbox(
                    name=f"{m.FEATURES[key]} (every settlement with an agreement) "
                ),
            )
        )
    effect_default = sum(estimates.feature_effect_pct.values()) / len(m.FEATURES)
    params.append(
        alt.param(
            name="effect",
            value=effect_default,
            bind=alt.binding_range(
                min=0,
                max=100,
                step=1,
                name="Each checked feature lowers the risk by (% of it, your estimate) ",
            ),
        )
    )
    for arr, name in ARR_PARAM.items():
        params.append(
            alt.param(
                name=name,
                value=estimates.base_risk_pct[arr],
                bind=alt.binding_range(
                    min=0,
                    max=100,
                    step=1,
                    name=(
                        f"Your risk of renewed war within {estimates.horizon_years} years, %: "
                        f"{ARR_SHORT[arr]} "
                    ),
                ),
            )
        )
    for key, label in m.CRITERIA.items():
        params.append(
            alt.param(
                name=f"w_{key}",
                value=weights[key],
                bind=alt.binding_range(min=0, max=m.MAX_WEIGHT, step=0.5, name=f"Weight: {label} "),
            )
        )

    wsum = " + ".join(f"w_{k}" for k in m.CRITERIA)
    risk_base = _nested(ARR_PARAM, "datum.arrangement", "risk_frozen")
    factors = " * ".join(f"({p} ? (1 - effect / 100) : 1)" for p in FEATURE_PARAM.values())
    no_agreement = " || ".join(f"datum.arrangement == '{a}'" for a in m.NO_AGREEMENT)
    alignment = _nested(
        {k: str(v / 100) for k, v in estimates.alignment_pct.items()}, "datum.arrangement", "0"
    )
    arr_label = _nested({k: f"'{v}'" for k, v in ARR_SHORT.items()}, "datum.arrangement", "''")

    rows, tiles = static_rows(data)
    base = (
        alt.Chart(alt.NamedData(name="explorer_rows"))
        .transform_filter(_slot_filter())
        .transform_calculate(
            arrangement="datum.slot == 'A' ? arr_a : datum.slot == 'B' ? arr_b : arr_c"
        )
        .transform_calculate(
            base_risk=risk_base,
            arr_label=arr_label,
            alignment=alignment,
        )
        .transform_calculate(
            risk_pct=f"({no_agreement}) ? datum.base_risk : datum.base_risk * {factors}",
            wsum=wsum,
        )
        .transform_calculate(risk="1 - datum.risk_pct / 100")
        .transform_calculate(
            **{f"c_{k}": f"datum.wsum > 0 ? w_{k} * datum.{k} / datum.wsum : 0" for k in m.CRITERIA}
        )
        .transform_calculate(
            score=" + ".join(f"datum.c_{k}" for k in m.CRITERIA),
            settlement="datum.slot + ': ' + datum.line + ' | ' + datum.arr_label",
            t_risk="format(datum.risk_pct, '.1f') + '%'",
        )
        .transform_window(rank="rank()", sort=[alt.SortField("score", order="descending")])
        .transform_calculate(
            score_label="datum.wsum > 0 ? '#' + datum.rank + '  ' + format(datum.score, '.2f') "
            ": 'all weights are zero'"
        )
    )

    y = alt.Y(
        "settlement:N",
        title=None,
        sort=alt.SortField("slot"),
        axis=alt.Axis(labelLimit=290, labelExpr="split(datum.label, ' | ')"),
    )
    fold_fields = [f"c_{k}" for k in m.CRITERIA]
    rename = _nested({f"c_{k}": f"'{label}'" for k, label in m.CRITERIA.items()}, "datum.key", "''")
    bars = (
        base.transform_fold(fold_fields, as_=["key", "contribution"])
        .transform_calculate(criterion=rename)
        .mark_bar()
        .encode(
            y=y,
            x=alt.X(
                "contribution:Q",
                stack="zero",
                title="Weighted score (0 = worst, 1 = best on every criterion)",
                scale=alt.Scale(domain=[0, 1.1]),
            ),
            color=alt.Color(
                "criterion:N",
                title="Criterion",
                scale=_criterion_scale(),
                legend=alt.Legend(orient="bottom", columns=3),
            ),
            order=alt.Order("key:N"),
            tooltip=[
                alt.Tooltip("settlement:N", title="Settlement"),
                alt.Tooltip("criterion:N", title="Criterion"),
                alt.Tooltip("contribution:Q", title="Adds to the score", format=".3f"),
            ],
        )
    )
    totals = base.mark_text(align="left", dx=4, fontWeight="bold").encode(
        y=y, x=alt.X("score:Q"), text="score_label:N"
    )
    score_chart = alt.layer(bars, totals).properties(
        width=300,
        height=120,
        title="Weighted score and rank (#1 = best with your weights)",
    )

    indicator_labels = {
        "t_territory": "Territory lost (km², % of 1991 total)",
        "t_people": "People there before the war (million, %)",
        "t_economy": "Output there before the war (% of GRP)",
        "t_sea": "Black Sea / Azov access; ports kept",
        "t_assets": "Listed critical assets lost",
        "t_risk": f"Your risk of renewed war, {estimates.horizon_years} years",
    }
    ind_rename = _nested({k: f"'{v}'" for k, v in indicator_labels.items()}, "datum.key", "''")
    ind_order = _nested({k: str(i) for i, k in enumerate(indicator_labels)}, "datum.key", "9")
    table = (
        base.transform_fold(list(indicator_labels), as_=["key", "value"])
        .transform_calculate(indicator=ind_rename, order=ind_order)
        .mark_text(align="center", baseline="middle", fontSize=10, limit=140)
        .encode(
            x=alt.X(
                "slot:N",
                title=None,
                axis=alt.Axis(orient="top", labelExpr="'Settlement ' + datum.label", labelAngle=0),
            ),
            y=alt.Y(
                "indicator:N",
                title=None,
                sort=alt.EncodingSortField("order", order="ascending"),
                axis=alt.Axis(labelLimit=250),
            ),
            text="value:N",
            tooltip=[
                alt.Tooltip("settlement:N", title="Settlement"),
                alt.Tooltip("indicator:N", title="Indicator"),
                alt.Tooltip("value:N", title="Value"),
                alt.Tooltip("assets_lost:N", title="Assets lost"),
            ],
        )
        .properties(width=390, height=150, title="What each settlement means (indicators)")
    )

    maps = []
    for slot in SLOTS:
        filt = f"datum.preset_id == line_{slot.lower()}"
        n_cols = 1 + max(int(t["col"]) for t in tiles)
        n_rows = 1 + max(int(t["row"]) for t in tiles)
        maps.append(
            _tile_layers(
                alt.NamedData(name="explorer_tiles"),
                f"Settlement {slot}: the line",
                19 * n_cols,
                19 * n_rows,
                filt,
            )
        )
    map_row = alt.hconcat(*maps).resolve_scale(color="shared")

    assumptions = assumptions_panel(estimates.horizon_years)

    desc = (
        "Interactive ceasefire-line explorer. Controls above the chart choose a line and a "
        "security arrangement for three settlements (A, B, C), durability features, your risk "
        "estimates and your weights. The first panel shows each settlement's weighted score "
        "(0 to 1) split by criterion and its rank; the second lists its indicators (territory "
        "lost, people and economic output in occupied areas, sea access, critical assets "
        "lost, your risk estimate); the third shows each line as a tile-grid map of the "
        "share of every unit under Russian control. A last panel restates your risk "
        "estimates and durability assumptions in words."
    )
    return (
        alt.vconcat(score_chart, table, map_row, assumptions, spacing=24, center=True)
        .add_params(*params)
        .properties(
            datasets={"explorer_rows": rows, "explorer_tiles": tiles},
            title=alt.Title(
                "Weighing ceasefire lines: your weights, your estimates",
                subtitle="Outcomes follow from your own weights and assumptions.",
            ),
            description=desc,
        )
        .configure_view(stroke=None)
    )


def assumptions_panel(horizon_years: int) -> alt.Chart:
    """Your assumptions in words, recomputed in the browser: every risk slider and durability
    control shows here, even one whose arrangement no compared settlement uses."""
    risks = " + ', ' + ".join(
        f"'{ARR_SHORT[arr]} ' + {param} + '%'" for arr, param in ARR_PARAM.items()
    )
    checked = " + ".join(
        f"({param} ? '{m.FEATURES[key].lower()}; ' : '')" for key, param in FEATURE_PARAM.items()
    )
    lines = {
        0: f"'Your risk of renewed war within {horizon_years} years: ' + {risks}",
        1: f"'Durability features checked: ' + (({checked}) || 'none; ') "
        "+ 'each lowers the risk by ' + effect + '% of it (your estimate)'",
    }
    text = _nested({str(k): v for k, v in lines.items()}, "datum.line", "''")
    return (
        alt.Chart(alt.Data(values=[{"line": k} for k in lines]))
        .transform_calculate(text=text)
        .mark_text(align="left", baseline="middle", fontSize=11, limit=720)
        .encode(x=alt.value(0), y=alt.Y("line:O", axis=None), text="text:N")
        .properties(width=720, height=36, title="Your assumptions")
    )


#: Page style for the static explorer: the bound controls above the chart (Altair's HTML
#: output lays them out beside it, which squeezes a wide chart), one per line.
BINDINGS_CSS = """<style>
.vega-embed:has(> .vega-bindings) { flex-direction: column-reverse; align-items: flex-start; }
.vega-embed .vega-bindings { margin-bottom: 0.8em; }
.vega-embed .vega-bind { margin: 0.15em 0; }
.vega-embed .vega-bind-name { display: inline-block; min-width: 24em; }
</style>"""


def param_names(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """Bound parameters of a chart spec: name -> the binding dict (for tests and docs)."""
    spec = chart.to_dict()
    out = {}
    for p in spec.get("params", []):
        if "bind" in p:
            out[p["name"]] = p["bind"]
    return out
