"""The book serves only the icons it shows (book/_ext/icon_subset.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from widgets import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "book" / "_ext"))
import icon_subset  # noqa: E402

CSS = Path("_static") / icon_subset.THEME_CSS
SOLID = Path("_static") / icon_subset.WEBFONTS / "fa-solid-900.woff2"
# Moon (a page names it), house-fire (nothing does), angle-down (a stylesheet draws it),
# info-circle (the theme's note admonitions draw it, written as the character itself).
MOON, HOUSE_FIRE, ANGLE_DOWN, INFO_CIRCLE = 0xF186, 0xE50C, 0xF107, 0xF05A


def theme_static() -> Path:
    import pydata_sphinx_theme

    return Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static"


def cmap(font: Path) -> set[int]:
    return set(TTFont(font).getBestCmap())


def test_a_rule_is_kept_when_any_of_its_aliases_is_used():
    css = (
        '.fa-a:before{content:"\\f001"}\n'
        '.fa-house-laptop:before,.fa-laptop-house:before{content:"\\e066"}\n'
        '.fa-b:before{content:"\\30 "}\n.fa-2x{font-size:2em}\n'
    )
    result = icon_subset.prune_icon_rules(css, {"fa-laptop-house", "fa-b"}, set())
    assert ".fa-house-laptop:before,.fa-laptop-house:before" in result.css
    assert ".fa-b:before" in result.css
    assert ".fa-a:before" not in result.css
    assert ".fa-2x{font-size:2em}" in result.css  # not a per-icon rule: never touched
    assert result.codepoints == {0xE066, 0x30}
    assert (result.kept_rules, result.dropped_rules) == (2, 1)


def test_names_are_read_from_classes_and_scripts_but_not_from_longer_words():
    names = icon_subset.used_names(
        ['<i class="fa-solid fa-moon"></i>', 'e.classList.add("fa-xmark")', "sofa-bed"]
    )
    assert names == {"fa-solid", "fa-moon", "fa-xmark"}


def test_glyphs_drawn_by_other_stylesheets_are_found():
    css = '.onthispage:after{content:"\\f107";font-family:Font Awesome\\ 6 Free}'
    assert icon_subset.css_glyphs([css, 'a:after{content:"x"}']) == {ANGLE_DOWN}


def test_glyphs_written_as_characters_are_kept_too():
    css = '.fa-a:before{content:"\\f001"}\n:root{--pst-icon-info-circle:"\uf05a"}'
    assert icon_subset.prune_icon_rules(css, set(), set()).codepoints == {INFO_CIRCLE}


def test_the_stale_source_map_comment_is_dropped():
    css = '.fa-a:before{content:"\\f001"}\n/*# sourceMappingURL=theme.css.map*/'
    assert "sourceMappingURL" not in icon_subset.prune_icon_rules(css, set(), set()).css


def _build(source: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", str(source), str(out)],
        capture_output=True, text=True, cwd=REPO_ROOT,
    )  # fmt: skip


@pytest.fixture(scope="module")
def tiny_book(tmp_path_factory) -> tuple[Path, Path]:
    """A one-page Sphinx project on the book's theme: the page shows the moon icon, and its
    own stylesheet draws the angle-down glyph directly."""
    source = tmp_path_factory.mktemp("tiny")
    (source / "_static").mkdir()
    (source / "_static" / "own.css").write_text(
        '.x:after{content:"\\f107";font-family:Font Awesome\\ 6 Free}', encoding="utf-8"
    )
    (source / "index.rst").write_text(
        'Title\n=====\n\n.. raw:: html\n\n   <i class="fa-solid fa-moon"></i>\n',
        encoding="utf-8",
    )
    (source / "conf.py").write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(REPO_ROOT / 'book' / '_ext')!r})\n"
        "extensions = ['icon_subset']\n"
        "html_theme = 'sphinx_book_theme'\n"
        "html_static_path = ['_static']\n"
        "html_css_files = ['own.css']\n",
        encoding="utf-8",
    )
    out = source / "_html"
    result = _build(source, out)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return source, out


def test_the_built_stylesheet_keeps_used_icons_only(tiny_book):
    _, out = tiny_book
    css = (out / CSS).read_text(encoding="utf-8")
    assert ".fa-moon:before" in css
    assert ".fa-house-fire:before" not in css
    assert "@font-face" in css and ".fa-solid" in css  # the rest of the stylesheet stays


def test_the_built_fonts_keep_the_used_glyphs_and_lose_the_others(tiny_book):
    _, out = tiny_book
    theme_font = theme_static() / icon_subset.WEBFONTS / "fa-solid-900.woff2"
    served = cmap(out / SOLID)
    assert {MOON, ANGLE_DOWN, INFO_CIRCLE} <= served
    assert HOUSE_FIRE not in served and HOUSE_FIRE in cmap(theme_font)
    assert (out / SOLID).stat().st_size < theme_font.stat().st_size / 5


def test_a_second_build_gives_the_same_files(tiny_book):
    source, out = tiny_book
    first = {path: (out / path).read_bytes() for path in (CSS, SOLID)}
    result = _build(source, out)  # an incremental build over the subset files
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert {path: (out / path).read_bytes() for path in (CSS, SOLID)} == first


def test_a_subset_is_made_once_for_the_same_font_and_glyphs(tmp_path, monkeypatch):
    made = []
    real = icon_subset.subset_font
    monkeypatch.setattr(
        icon_subset, "subset_font", lambda *args: (made.append(args[2]), real(*args))
    )
    source, cache = theme_static() / icon_subset.WEBFONTS / "fa-solid-900.woff2", tmp_path / "c"
    first, second, other = tmp_path / "1.woff2", tmp_path / "2.woff2", tmp_path / "3.woff2"
    icon_subset.cached_subset(source, first, {MOON}, cache)
    icon_subset.cached_subset(source, second, {MOON}, cache)
    assert made == [{MOON}] and first.read_bytes() == second.read_bytes()
    icon_subset.cached_subset(source, other, {MOON, ANGLE_DOWN}, cache)
    assert made == [{MOON}, {MOON, ANGLE_DOWN}]
    assert cmap(other) == {MOON, ANGLE_DOWN} and cmap(first) == {MOON}
    assert len(list(cache.glob("fa-solid-900-*.woff2"))) == 1  # the older subset is gone
    assert not list(cache.glob("*.partial"))


def test_an_unrecognised_theme_is_left_as_it_is_with_a_warning(tmp_path):
    source = tmp_path / "src"
    source.mkdir()
    (source / "index.rst").write_text("Title\n=====\n", encoding="utf-8")
    (source / "conf.py").write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(REPO_ROOT / 'book' / '_ext')!r})\n"
        "extensions = ['icon_subset']\n"
        "html_theme = 'alabaster'\n",
        encoding="utf-8",
    )
    result = _build(source, tmp_path / "out")
    assert result.returncode != 0  # -W: the warning fails a strict build
    assert "icon_subset" in result.stderr and "icons left as they are" in result.stderr
