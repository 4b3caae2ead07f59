"""The static ceasefire explorer: the page's data payload and its HTML.

The page works without a kernel: :func:`payload` collects every number the model needs
(units with their map outlines, presets, assets, arrangements and their terms, actors,
criteria, limits and the default scenario) from the same data and model objects as the
Python explorer; ``static/model.js`` computes the contract's model from it in the browser
and ``static/explorer.js`` draws the map, the cards, the tables and (with the book's local
Vega, from a spec compiled here) the result chart. The state is a version-2 scenario file,
kept in the URL hash, downloadable and importable.

- :func:`explorer_html` the fragment for a notebook cell (styles and scripts inline, so it
  works in the built book, on ``file://`` and in Jupyter without any network access);
- :func:`standalone_page` a whole HTML page with the chart library (tests, benchmarks).
"""

from __future__ import annotations

import json
import secrets
from functools import cache
from pathlib import Path
from typing import Any

from widgets.common import vega
from widgets.explorer import model as m
from widgets.explorer import scenario as sc

ASSET_DIR = Path(__file__).parent / "static"
SCRIPTS = ("model.js", "explorer.js")
STYLE = "explorer.css"

#: Names on the map: the unit's English name without the word "Oblast".
SHORT_NAMES = {"UA-43": "Crimea", "UA-30": "Kyiv", "UA-32": "Kyiv Obl.", "UA-40": "Sevastopol"}
SHORT_ACTORS = {"united_states": "US", "european_guarantors": "Europeans"}
#: One colour per actor (colour-blind safe, Okabe-Ito), in ``model.ACTORS`` order.
ACTOR_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7")
#: The static page's default comparison adds one package to the Python explorer's default:
#: the same arrangement and estimates as package A on the line near the essay, so that the
#: default view shows both that the arrangements tie and that lines differ.
ESSAY_LINE = "line_2024_mid"

WEIGHTS_NOTE = (
    "The default weights are illustrative, not anyone's stated position: each actor weighs the "
    "line and peace (Russia with the opposite sign on the line criteria), and every "
    "arrangement term has weight 0, so arrangements tie until you say what their terms are "
    "worth to whom. Positive: the actor wants more of it; negative: less."
)
INTRO = (
    "Build ceasefire packages, weigh them for four actors, and see who would accept which "
    "package rather than no deal. Every number the explorer shows follows from the data and "
    "from your inputs: the weights and the estimates are yours, and the defaults are the same "
    "for every package."
)


def _units(data: m.ExplorerData) -> list[dict[str, Any]]:
    from widgets import data as loader

    regions = loader.load_regions().set_index("code")
    outlines = loader.load_resource("map_units").set_index("code")
    out = []
    for unit in data.units:
        name = unit.name
        outline = outlines.loc[unit.code]
        out.append(
            {
                "code": unit.code,
                "name": name,
                "name_uk": str(regions.loc[unit.code, "name_uk"]),
                "short_name": SHORT_NAMES.get(unit.code, name.replace(" Oblast", "")),
                "area_km2": unit.area_km2,
                "population": unit.population,
                "gdp_share_pct": unit.gdp_share_pct,
                "svg_path": str(outline["svg_path"]),
                "label_x": float(outline["label_x"]),
                "label_y": float(outline["label_y"]),
            }
        )
    return out


def _map_order(units: list[dict[str, Any]]) -> list[str]:
    """Arrow-key order on the map: bands from north to south, each from west to east."""
    return [u["code"] for u in sorted(units, key=lambda u: (u["label_y"] // 110, u["label_x"]))]


def default_inputs(data: m.ExplorerData) -> m.Inputs:
    """The Python explorer's default, plus package A's twin on the line near the essay."""
    inputs = m.default_inputs(data)
    first = inputs.packages[0]
    if ESSAY_LINE not in data.presets or len(inputs.packages) >= m.MAX_PACKAGES:
        return inputs
    label = data.arrangements[first.arrangement].label.replace("Framework ", "")
    twin = m.Package(
        f"E: line near the essay, {label}",
        m.Line(ESSAY_LINE),
        first.arrangement,
        first.features,
        first.base_risk_pct,
        first.attain_pct,
    )
    return m.check_inputs(data, _replace_packages(inputs, (*inputs.packages, twin)))


def _replace_packages(inputs: m.Inputs, packages) -> m.Inputs:
    from dataclasses import replace

    return replace(inputs, packages=tuple(packages))


#: Width the chart is compiled with; the page sets its own from the room it has.
CHART_WIDTH = 400


def result_chart(actors: list[str], colours: list[str]) -> dict[str, Any]:
    """The result chart as Vega: each actor's gain over no deal, per package.

    Compiled here, once, so the page needs Vega only. The page fills the data set ``rows``
    (actor, package, order, gain, acceptable), and sets the width, the colours of the
    book theme (light or dark; the signal ``ink`` and the config) and the label room.
    """
    return vega.vega_spec(
        {
            "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
            # A fixed plot width ("pad" autosize) redraws faster than "container" (no refit).
            "width": CHART_WIDTH,
            "autosize": {"type": "pad"},
            "height": {"step": 14},
            "background": None,
            "params": [{"name": "ink", "value": "#222222"}],
            "data": {"name": "rows", "values": []},
            "encoding": {
                "y": {
                    "field": "package",
                    "type": "nominal",
                    "sort": {"field": "order"},
                    "title": None,
                },
                "yOffset": {"field": "actor", "sort": actors},
                "x": {
                    "field": "gain",
                    "type": "quantitative",
                    "title": ["Gain over no deal", "(expected score V − no-deal score)"],
                },
            },
            "layer": [
                {
                    "mark": {"type": "bar"},
                    "encoding": {
                        "color": {
                            "field": "actor",
                            "type": "nominal",
                            "sort": actors,
                            "title": "Actor",
                            "scale": {"range": colours},
                        },
                        "tooltip": [
                            {"field": "actor"},
                            {"field": "package"},
                            {"field": "gain", "format": ".3f"},
                            {"field": "acceptable", "title": "package vs no deal"},
                        ],
                    },
                },
                {
                    "mark": {"type": "rule", "color": {"expr": "ink"}},
                    "encoding": {"x": {"datum": 0}, "y": {}, "yOffset": {}},
                },
            ],
            "config": {
                "axis": {"gridOpacity": 0.3},
                "legend": {"orient": "bottom", "direction": "horizontal"},
                "view": {"stroke": None},
            },
        }
    )


def payload(data: m.ExplorerData | None = None) -> dict[str, Any]:
    """Every number and word the page needs, as JSON-ready values."""
    data = data or m.ExplorerData.load()
    units = _units(data)
    actors = [
        {"id": k, "label": v, "short_label": SHORT_ACTORS.get(k, v)} for k, v in m.ACTORS.items()
    ]
    return {
        "units": units,
        "map_order": _map_order(units),
        "assets": [
            {
                "id": a.asset_id,
                "name": a.name,
                "kind": a.kind,
                "code": a.code,
                "held_at_pct": a.russian_held_at_pct,
                # Ports weigh by pre-war cargo (none: 0); other assets count one each.
                "weight": (a.throughput_mt or 0.0) if a.kind == "port" else 1.0,
                "exists": not a.destroyed,
            }
            for a in data.assets
        ],
        "presets": [
            {
                "id": p.preset_id,
                "label": p.label,
                "as_of": p.as_of,
                "shares": {code: float(p.shares.get(code, 0.0)) for code in data.codes},
            }
            for p in data.presets.values()
        ],
        "arrangements": [
            {"id": a.arrangement_id, "label": a.label, "agreement": a.agreement, "terms": a.terms}
            for a in data.arrangements.values()
        ],
        "no_deal_arrangement": m.NO_AGREEMENT,
        "terms": [{"id": t, "label": data.criterion_label(t)} for t in data.terms],
        "features": [{"id": k, "label": v} for k, v in m.FEATURES.items()],
        "actors": actors,
        "actor_colours": list(ACTOR_COLOURS),
        "chart": result_chart([a["short_label"] for a in actors], list(ACTOR_COLOURS)),
        "criteria": [{"id": c, "label": data.criterion_label(c)} for c in data.criteria],
        "horizon_years": m.RISK_HORIZON_YEARS,
        "weights_note": WEIGHTS_NOTE,
        "limits": {
            "format": sc.FORMAT,
            "version": sc.VERSION,
            "title_chars": m.MAX_TITLE_CHARS,
            "group_chars": m.MAX_GROUP_CHARS,
            "name_chars": m.MAX_NAME_CHARS,
            "max_packages": m.MAX_PACKAGES,
            "weight_min": -m.MAX_WEIGHT,
            "weight_max": m.MAX_WEIGHT,
            "default_base_risk_pct": m.DEFAULT_BASE_RISK_PCT,
            "default_attain_pct": m.DEFAULT_ATTAIN_PCT,
            "tolerance": m.TOLERANCE,
            "required_fields": list(sc.TOP_REQUIRED),
            "optional_fields": list(sc.TOP_OPTIONAL),
            "package_fields": list(sc.PACKAGE_FIELDS),
        },
        "v1_changes": sc.V1_CHANGES,
        "default_scenario": sc.to_dict(data, default_inputs(data)),
    }


@cache
def _asset(name: str) -> str:
    return (ASSET_DIR / name).read_text(encoding="utf-8")


def _script_safe(code: str) -> str:
    """Script code that cannot end the <script> element it sits in."""
    if "<!--" in code or "<script" in code.lower():
        raise ValueError("the explorer's scripts must not contain '<!--' or '<script'")
    return code.replace("</", "<\\/")


def _json_safe(text: str) -> str:
    """JSON for a <script> element: every '<' escaped (still the same JSON)."""
    return text.replace("<", "\\u003c")


def explorer_html(data: m.ExplorerData | None = None, element_id: str | None = None) -> str:
    """The explorer as one HTML fragment (styles, data and scripts inline)."""
    element_id = element_id or f"ce-{secrets.token_hex(4)}"
    body = json.dumps(payload(data), ensure_ascii=False, separators=(",", ":"))
    scripts = "\n".join(_asset(name) for name in SCRIPTS)
    return (
        f'<div class="ce-root" id="{element_id}" data-payload="{element_id}-data">\n'
        f"<style>{_asset(STYLE)}</style>\n"
        f'<p class="ce-intro">{INTRO}</p>\n'
        '<div class="ce-error" role="alert" hidden></div>\n'
        '<p class="ce-status" role="status"></p>\n'
        '<div class="ce-body"><noscript><p>The explorer needs JavaScript; the tables of this '
        "chapter hold the same data.</p></noscript></div>\n"
        f'<script type="application/json" id="{element_id}-data">{_json_safe(body)}</script>\n'
        f"<script>{_script_safe(scripts)}</script>\n"
        "</div>\n"
    )


def show(data: m.ExplorerData | None = None):
    """Display the explorer in a notebook cell (an IPython HTML object)."""
    from IPython.display import HTML

    return HTML(explorer_html(data, element_id="ceasefire-static-explorer"))


def vega_bundle() -> str:
    """The book's chart library (:func:`widgets.common.vega.bundle_source`)."""
    return vega.bundle_source()


def standalone_page(data: m.ExplorerData | None = None, bundle_src: str = "vega-bundle.js") -> str:
    """A whole page with the explorer, loading the chart bundle from ``bundle_src``."""
    return (
        '<!DOCTYPE html>\n<html lang="en" data-theme="light">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Ceasefire explorer</title>\n"
        f'<script src="{bundle_src}"></script>\n'
        "<style>body{margin:0 auto;max-width:52rem;padding:1rem;font-family:sans-serif}"
        "html[data-theme=dark] body{background:#14181d;color:#e6edf3}</style>\n"
        "</head>\n<body>\n<main>\n<h1>Weighing ceasefire lines</h1>\n"
        f"{explorer_html(data, element_id='ceasefire-static-explorer')}"
        "</main>\n</body>\n</html>\n"
    )


def write_standalone(folder: Path, data: m.ExplorerData | None = None) -> Path:
    """Write ``index.html`` and the chart bundle into ``folder``; returns the page's path."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "vega-bundle.js").write_text(vega_bundle(), encoding="utf-8")
    page = folder / "index.html"
    page.write_text(standalone_page(data), encoding="utf-8")
    return page
