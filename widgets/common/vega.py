"""Charts in the static book: compiled to Vega while the page is built, drawn by Vega alone.

Altair writes Vega-Lite. In the static book every chart is compiled to Vega (with
vl-convert, matched to the installed Altair) when its notebook runs, so a page needs
neither the Vega-Lite compiler nor vega-embed: the book's chart library is Vega's own
browser build (``vendor/vega.min.js``, from the npm package ``vega``, BSD-3-Clause, its
licence beside it) plus the few lines of :data:`EMBED_JS`: 513 KB instead of 898 KB.
Chart ids are digests of the spec, so re-running a notebook writes the same output.

- :func:`vega_spec` one Vega-Lite spec compiled to Vega;
- :func:`chart_html` the HTML of one chart (the static build's Altair renderer);
- :func:`bundle_source` the chart library as one classic script.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

BUNDLE_NAME = "vega-bundle.js"
VENDORED_VEGA = Path(__file__).parent / "vendor" / "vega.min.js"
RENDERER_NAME = "book-static"
CHART_ID_PREFIX = "altair-viz-"

#: ``bookChart(target, spec)`` draws a Vega spec into an element (or the id of one) as SVG
#: (which carries the charts' text descriptions for screen readers) and resolves to the
#: Vega view. A spec that cannot be drawn leaves a message in the element, not a blank.
EMBED_JS = """
window.bookChart = function (target, spec) {
  var el = typeof target === "string" ? document.getElementById(target) : target;
  el.classList.add("vega-embed");
  function fail(error) {
    var box = document.createElement("div");
    box.className = "error";
    box.setAttribute("role", "alert");
    box.textContent = "This chart could not be drawn (" + (error && error.message || error) + ").";
    el.replaceChildren(box);
    throw error;
  }
  try {
    var view = new vega.View(vega.parse(spec), { renderer: "svg", container: el, hover: true });
    return view.runAsync().then(function () { return view; }, fail);
  } catch (error) {
    return Promise.reject(error).catch(fail);
  }
};
"""


def _vegalite_version() -> str:
    from altair.vegalite.v6 import display

    return display.VEGALITE_VERSION


def _major_minor(version: str) -> str:
    return ".".join(version.split(".")[:2])


def vega_spec(vegalite: dict[str, Any]) -> dict[str, Any]:
    """A Vega-Lite spec compiled to Vega by the Vega-Lite version Altair writes."""
    import vl_convert

    return vl_convert.vegalite_to_vega(vegalite, vl_version=_major_minor(_vegalite_version()))


def script_json(value: Any) -> str:
    """Compact JSON that cannot end the <script> element it is written into."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")


def chart_html(vegalite: dict[str, Any], **_embed_options: Any) -> str:
    """One chart as HTML: an element and the call that draws the compiled spec into it."""
    spec = script_json(vega_spec(vegalite))
    chart_id = CHART_ID_PREFIX + hashlib.sha256(spec.encode()).hexdigest()[:32]
    return (
        f'<div id="{chart_id}"></div>\n'
        f"<script>bookChart(document.currentScript.previousElementSibling, {spec});</script>\n"
    )


def renderer(vegalite: dict[str, Any], **embed_options: Any) -> dict[str, str]:
    """Altair renderer of the static book (enabled by ``setup_notebook``)."""
    return {"text/html": chart_html(vegalite, **embed_options)}


def vendored_vega_version() -> str:
    """The version of Vega in ``vendor/vega.min.js`` (it must be the one vl-convert targets)."""
    match = re.search(r'\.version="([0-9.]+)"', VENDORED_VEGA.read_text(encoding="utf-8"))
    if not match:
        raise ValueError(f"{VENDORED_VEGA} names no Vega version")
    return match.group(1)


def bundle_source() -> str:
    """The chart library as one classic script: Vega, then ``bookChart``."""
    return VENDORED_VEGA.read_text(encoding="utf-8") + "\n" + EMBED_JS
