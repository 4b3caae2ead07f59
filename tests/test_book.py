"""The book builds strictly and its pages load nothing from the network."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

NETWORK = re.compile(r"^(https?:)?//", re.IGNORECASE)
pytestmark = pytest.mark.build  # every test here needs the built book

CSS_REMOTE = re.compile(r"""(@import\s+(url\()?|url\()\s*['"]?\s*(https?:)?//""", re.IGNORECASE)


class _ResourceCollector(HTMLParser):
    """Collects the URLs a browser would fetch while loading a page (not links)."""

    LOADING_LINK_RELS = {"stylesheet", "preload", "modulepreload", "icon", "manifest", "prefetch"}

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in {"script", "img", "iframe", "audio", "video", "source", "embed"}:
            if attributes.get("src"):
                self.urls.append(attributes["src"])
        elif tag == "link":
            rels = set((attributes.get("rel") or "").lower().split())
            if rels & self.LOADING_LINK_RELS and attributes.get("href"):
                self.urls.append(attributes["href"])
        elif tag == "object" and attributes.get("data"):
            self.urls.append(attributes["data"])
        style = attributes.get("style") or ""
        if CSS_REMOTE.search(style):
            self.urls.append(style)

    def handle_data(self, data):
        if self.lasttag == "style" and CSS_REMOTE.search(data):
            self.urls.append(data.strip()[:120])


def network_resources(page: Path) -> list[str]:
    collector = _ResourceCollector()
    collector.feed(page.read_text(encoding="utf-8"))
    return [url for url in collector.urls if NETWORK.match(url) or CSS_REMOTE.search(url)]


def test_book_builds_without_warnings(built_book):
    assert built_book.returncode == 0, (
        "\n".join(built_book.warnings[-60:]) or built_book.log[-4000:]
    )
    assert not built_book.warnings, "\n".join(built_book.warnings)


def test_every_page_loads_only_local_resources(book_html: Path):
    pages = sorted(book_html.rglob("*.html"))
    assert len(pages) > 10, f"only {len(pages)} pages built"
    remote = {str(p.relative_to(book_html)): urls for p in pages if (urls := network_resources(p))}
    assert not remote, f"pages load resources from the network: {remote}"


def test_stylesheets_load_no_remote_fonts_or_imports(book_html: Path):
    offenders = [
        str(css.relative_to(book_html))
        for css in book_html.rglob("*.css")
        if CSS_REMOTE.search(css.read_text(encoding="utf-8", errors="replace"))
    ]
    assert not offenders, f"stylesheets fetch from the network: {offenders}"


def test_chart_libraries_are_served_by_the_book(book_html: Path):
    bundle = book_html / "_static" / "vendor" / "vega-bundle.js"
    assert bundle.stat().st_size > 400_000
    text = bundle.read_text(encoding="utf-8")
    # Vega and the book's drawing function; the charts come compiled, so no Vega-Lite.
    assert ".vega={}" in text and "window.bookChart" in text
    assert "vegaLite" not in text and "vegaEmbed" not in text


def test_collector_sees_remote_scripts_styles_and_fonts():
    # The check above must be able to fail: feed it a page that loads from a CDN.
    page = """<html><head>
      <script src="https://cdn.example.org/vega.js"></script>
      <link rel="stylesheet" href="//fonts.example.org/a.css">
      <style>@import url("https://fonts.example.org/b.css");</style>
      </head><body><a href="https://example.org/">a link is not a load</a></body></html>"""
    collector = _ResourceCollector()
    collector.feed(page)
    remote = [u for u in collector.urls if NETWORK.match(u) or CSS_REMOTE.search(u)]
    assert len(remote) == 3


CHART_MARKER = re.compile(r"altair-viz-|bookChart\(")


def test_only_pages_with_charts_load_the_chart_library(book_html: Path):
    with_chart, without_library = [], []
    for page in sorted(book_html.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        loads = "vendor/vega-bundle.js" in text
        if CHART_MARKER.search(text):
            assert loads, f"{page.name} draws a chart but does not load the chart library"
            with_chart.append(page.name)
        elif not loads:
            without_library.append(page.name)
    assert with_chart, "no page draws a chart"
    assert "glossary.html" in without_library, "a page without charts loads the chart library"


def test_pages_carry_no_dead_weight(book_html: Path):
    pages = [p for p in book_html.rglob("*.html") if "_static" not in p.parts]
    for page in sorted(pages):
        text = page.read_text(encoding="utf-8")
        # The theme's web fonts draw the icons; its 1.5 MB icon script is not loaded.
        assert "scripts/fontawesome.js" not in text, page.name
        # No widget manager runs on a static page, so saved widget state is unused.
        assert "application/vnd.jupyter.widget-state+json" not in text, page.name
        # The search index (about 150 KB) is for the search page only.
        if page.name != "search.html":
            assert "searchindex.js" not in text, page.name
    assert "searchindex.js" in (book_html / "search.html").read_text(encoding="utf-8")


def _execution_inputs():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "execution_inputs", Path(__file__).parents[1] / "book" / "_ext" / "execution_inputs.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_copy_of_the_book_keys_its_notebooks_on_the_same_inputs(tmp_path):
    # The student edition is built from a copy of book/ without data/ or widgets/; its
    # notebooks must still be keyed on the files their kernels read, or no cache is shared.
    import importlib.util
    import shutil

    copy = tmp_path / "book" / "_ext" / "execution_inputs.py"
    copy.parent.mkdir(parents=True)
    shutil.copy(Path(__file__).parents[1] / "book" / "_ext" / "execution_inputs.py", copy)
    spec = importlib.util.spec_from_file_location("execution_inputs_copy", copy)
    copied = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(copied)
    assert copied.REPO_ROOT == _execution_inputs().REPO_ROOT
    assert copied.inputs_digest() == _execution_inputs().inputs_digest()


def test_the_cache_key_changes_with_the_data_and_the_package(tmp_path):
    inputs = _execution_inputs()
    (tmp_path / "data").mkdir()
    (tmp_path / "widgets").mkdir()
    (tmp_path / "data" / "a.csv").write_text("x\n1\n")
    (tmp_path / "widgets" / "model.py").write_text("A = 1\n")
    first = inputs.inputs_digest.__wrapped__(tmp_path)
    (tmp_path / "data" / "a.csv").write_text("x\n2\n")
    after_data = inputs.inputs_digest.__wrapped__(tmp_path)
    (tmp_path / "widgets" / "model.py").write_text("A = 2\n")
    after_code = inputs.inputs_digest.__wrapped__(tmp_path)
    assert len({first, after_data, after_code}) == 3
    notebook = '{"cells": [], "metadata": {"kernelspec": {"name": "python3"}}}'
    keyed = inputs.keyed_notebook(notebook, first)
    assert '"book_inputs_digest": "' + first in keyed
    assert '"name": "python3"' in keyed


def test_every_icon_the_book_shows_is_served(book_html: Path):
    """Each icon a page names has its rule in the served stylesheet and its glyph in a served
    font, and so has each icon a stylesheet draws (book/_ext/icon_subset.py drops the
    others)."""
    from tests.test_icon_subset import CSS, cmap, icon_subset, theme_static

    rules = {
        name: icon_subset.codepoints(match["content"])
        for match in icon_subset.ICON_RULE.finditer((book_html / CSS).read_text("utf-8"))
        for name in icon_subset.ICON_NAME.findall(match["selectors"])
    }
    fonts = (book_html / "_static" / icon_subset.WEBFONTS).glob("*.woff2")
    glyphs = set().union(*(cmap(font) for font in fonts))
    theme_css = (theme_static() / icon_subset.THEME_CSS).read_text("utf-8")
    icons = set(icon_subset.ICON_NAME.findall(theme_css))
    pages = (path.read_text(encoding="utf-8") for path in book_html.rglob("*.html"))
    shown = icon_subset.used_names(pages) & icons
    assert shown, "no page shows an icon: the check would check nothing"
    assert not {name for name in shown if not rules.get(name) or not rules[name] <= glyphs}
    # Icons that stylesheets draw as characters (the admonitions' icons) are served too.
    styles = [path.read_text("utf-8") for path in (book_html / "_static").rglob("*.css")]
    drawn = {code for code in icon_subset.css_glyphs(styles) if code >= 0xE000}
    assert drawn and drawn <= glyphs
    assert len(rules) < len(icons) / 10  # the unused icons' rules are gone
