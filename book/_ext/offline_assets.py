"""Serve the chart library (and small accessibility repairs) from the book itself.

The notebooks write every chart as a compiled Vega spec (``widgets.common.vega``), so the
one library a chart needs is Vega with the book's small ``bookChart`` function. This
extension writes that bundle into the book's static files and adds it to the pages that
draw a chart.

Page weight: the one bundle is a shared static file (the browser caches it across pages);
pages without a chart do not load it; the theme's Font Awesome script (1.5 MB, every icon
as SVG) is dropped because the theme's stylesheet already draws the same icons from its
web fonts; and saved ipywidgets state, which no widget manager reads on a static page, is
not inlined.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from execution_inputs import write_if_changed

from widgets.common.vega import BUNDLE_NAME, bundle_source

VENDOR_DIR = "vendor"
ASSETS_DIR = Path(__file__).parent / "assets"
OWN_ASSETS = ("accessibility.js", "book.css")
WIDGET_STATE_TYPE = "application/vnd.jupyter.widget-state+json"
FONTAWESOME_SCRIPT = "_static/scripts/fontawesome.js"
# Markers of a chart in a page body: a chart's element and drawing call, and any script or
# container that embeds one (vega-embed, vega-bindings...). Broad on purpose: a false positive
# only costs a cached file, a miss would leave a chart undrawn.
CHART_MARKERS = ("vega", "altair-viz", "bookChart")


def _write_bundle(static_root: Path) -> None:
    write_if_changed(static_root / VENDOR_DIR / BUNDLE_NAME, bundle_source())


def _theme_macros_without_fontawesome(app, config) -> None:
    """Shadow the theme's ``static/webpack-macros.html`` with a copy that does not load
    ``fontawesome.js`` (made from the installed theme, so its digests stay right)."""
    import pydata_sphinx_theme

    original = (
        Path(pydata_sphinx_theme.__file__).parent
        / "theme"
        / "pydata_sphinx_theme"
        / "static"
        / "webpack-macros.html"
    )
    lines = original.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if FONTAWESOME_SCRIPT not in line]
    if len(kept) == len(lines):
        return  # a theme version that no longer loads the script: nothing to drop
    templates = Path(app.doctreedir).parent / "offline_templates"
    target = templates / "static" / "webpack-macros.html"
    write_if_changed(target, "".join(kept))
    config.templates_path = [str(templates), *config.templates_path]


def _on_builder_inited(app) -> None:
    if app.builder.format != "html":
        return
    static_root = Path(app.doctreedir).parent / "offline_static"
    _write_bundle(static_root)
    for name in OWN_ASSETS:
        target = static_root / "book-assets" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ASSETS_DIR / name, target)
    # Added here, not in _config.yml, so Jupyter Book does not inject the
    # files a second time.
    app.config.html_static_path.append(str(static_root))
    app.add_js_file(f"{VENDOR_DIR}/{BUNDLE_NAME}", priority=201)
    app.add_js_file("book-assets/accessibility.js", priority=500)
    app.add_css_file("book-assets/book.css", priority=500)


def _is_chart_library(script) -> bool:
    return (getattr(script, "filename", None) or "").endswith(BUNDLE_NAME)


def _prune_page_scripts(app, pagename, templatename, context, doctree) -> None:
    """Per page: keep one copy of each inline script (sphinx-thebe's is registered twice
    under Jupyter Book and would redeclare its variables), load the chart library only
    where a chart is drawn, and leave out widget state when no widget manager is loaded."""
    scripts = context.get("script_files")
    if not scripts:
        return
    has_chart = any(marker in context.get("body", "") for marker in CHART_MARKERS)
    widget_manager = bool(getattr(app.config, "nb_ipywidgets_js", None))
    seen, kept = set(), []
    for script in scripts:
        attributes = getattr(script, "attributes", {})
        body = attributes.get("body")
        key = ("body", body) if body else ("file", getattr(script, "filename", str(script)))
        if key in seen:
            continue
        if not has_chart and _is_chart_library(script):
            continue
        if not widget_manager and attributes.get("type") == WIDGET_STATE_TYPE:
            continue
        seen.add(key)
        kept.append(script)
    scripts[:] = kept


def setup(app):
    # Kernels started to execute the notebooks inherit this: widgets.setup_notebook
    # then chooses the HTML renderer that the local bundle serves.
    os.environ["NEUTRALITY_BOOK_STATIC_BUILD"] = "1"
    app.connect("config-inited", _theme_macros_without_fontawesome)
    app.connect("builder-inited", _on_builder_inited)
    app.connect("html-page-context", _prune_page_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
