"""Serve the chart libraries (and small accessibility repairs) from the book itself.

Altair's HTML output loads vega, vega-lite and vega-embed from a CDN unless
``window.VEGA_DEBUG`` already names the versions it expects. This extension
writes one local bundle of the three libraries (from vl-convert, matched to the
installed Altair), adds it to every page, and sets ``VEGA_DEBUG`` so that
Altair's loader skips the network.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

VENDOR_DIR = "vendor"
ASSETS_DIR = Path(__file__).parent / "assets"
OWN_ASSETS = ("accessibility.js", "book.css")
BUNDLE_NAME = "vega-bundle.js"


def _altair_versions() -> dict[str, str]:
    from altair.vegalite.v6 import display

    return {
        "vega_version": display.VEGA_VERSION,
        "vegalite_version": display.VEGALITE_VERSION,
        "vegaembed_version": display.VEGAEMBED_VERSION,
    }


def _write_bundle(static_root: Path, vegalite_version: str) -> None:
    import vl_convert

    target = static_root / VENDOR_DIR / BUNDLE_NAME
    stamp = target.with_suffix(".version")
    if target.exists() and stamp.exists() and stamp.read_text() == vegalite_version:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    major_minor = ".".join(vegalite_version.split(".")[:2])
    source = vl_convert.javascript_bundle(vl_version=major_minor)
    # The bundle is an ES module; wrapped in a function it runs as a classic
    # script without leaking its top-level names into the page.
    target.write_text("(function(){\n" + source + "\n})();\n", encoding="utf-8")
    stamp.write_text(vegalite_version)


def _on_builder_inited(app) -> None:
    if app.builder.format != "html":
        return
    static_root = Path(app.doctreedir).parent / "offline_static"
    versions = _altair_versions()
    _write_bundle(static_root, versions["vegalite_version"])
    for name in OWN_ASSETS:
        target = static_root / "book-assets" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ASSETS_DIR / name, target)
    # Added here, not in _config.yml, so Jupyter Book does not inject the
    # files a second time.
    app.config.html_static_path.append(str(static_root))
    app.add_js_file(None, body=f"var VEGA_DEBUG = {json.dumps(versions)};", priority=200)
    app.add_js_file(f"{VENDOR_DIR}/{BUNDLE_NAME}", priority=201)
    app.add_js_file("book-assets/accessibility.js", priority=500)
    app.add_css_file("book-assets/book.css", priority=500)


def _drop_duplicate_scripts(app, pagename, templatename, context, doctree) -> None:
    """Inline scripts registered twice (sphinx-thebe's under Jupyter Book, for one)
    redeclare their variables and raise a page error; keep the first of each."""
    scripts = context.get("script_files")
    if not scripts:
        return
    seen, unique = set(), []
    for script in scripts:
        body = getattr(script, "attributes", {}).get("body")
        key = ("body", body) if body else ("file", getattr(script, "filename", str(script)))
        if key not in seen:
            seen.add(key)
            unique.append(script)
    scripts[:] = unique


def setup(app):
    # Kernels started to execute the notebooks inherit this: widgets.setup_notebook
    # then chooses the HTML renderer that the local bundle serves.
    os.environ["NEUTRALITY_BOOK_STATIC_BUILD"] = "1"
    app.connect("builder-inited", _on_builder_inited)
    app.connect("html-page-context", _drop_duplicate_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
