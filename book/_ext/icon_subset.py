"""Serve only the icons the book shows.

The theme's stylesheet carries a rule for each of Font Awesome's ~2,000 free icons, and its
web fonts carry every glyph (solid 153 KB, brands 115 KB, regular 25 KB), while the book's
pages show a few dozen. After the build, this extension finds the icon names that the pages
and scripts use and the glyphs that any stylesheet draws directly, then writes the theme's
stylesheet without the other icons' rules and each web font subset to the kept glyphs.

It reads the theme's own files (never a copy it has already changed), so every build gives
the same result. If the theme's files no longer look as expected, it warns (the strict build
fails) and leaves them as they are: a missing icon would be worse than a heavy page.

Each subset is kept with the doctrees (``icon_subsets/``) under a digest of the font, the
glyphs, the subsetting options and the fontTools and brotli versions, so a rebuild that
shows the same icons copies it; a font's older subset is removed when a new one is made.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger(__name__)

THEME_CSS = Path("styles") / "pydata-sphinx-theme.css"
WEBFONTS = Path("vendor") / "fontawesome" / "webfonts"
# A per-icon rule: `.fa-a:before,.fa-b:before{content:"\f015"}` (aliases share one rule).
ICON_RULE = re.compile(
    r'(?P<selectors>(?:\.fa-[a-z0-9-]+:(?:before|after),?)+)\{content:"(?P<content>[^"]*)"\}\n?'
)
ICON_NAME = re.compile(r"\.(fa-[a-z0-9-]+):")
# An icon name used in a page or a script (class="fa-solid fa-moon", classList.add("fa-xmark")).
USED_NAME = re.compile(r"(?<![A-Za-z0-9_-])fa-[a-z0-9]+(?:-[a-z0-9]+)*")
# A glyph drawn straight from a stylesheet, written as an escape in a string
# (`content:"\f107"`) or as the character itself (the theme's admonition icons,
# `--pst-icon-bell:"\uf0f3"` in UTF-8).
ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6}) ?")
PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")
SOURCE_MAP = re.compile(r"\n?/\*# sourceMappingURL=[^*]*\*/\s*$")
# Far fewer rules than this means the theme's stylesheet changed shape: leave it alone.
MIN_ICON_RULES = 1000


@dataclass(frozen=True)
class Subset:
    css: str
    codepoints: frozenset[int]
    kept_rules: int
    dropped_rules: int


def codepoints(content: str) -> set[int]:
    """The characters of a CSS string: escapes (`\\f015`, `\\30 `) and icon characters
    written as themselves (Unicode's private use areas, where icon fonts put their glyphs)."""
    escaped = {int(match, 16) for match in ESCAPE.findall(content)}
    return escaped | {ord(char) for char in PRIVATE_USE.findall(content)}


def used_names(texts) -> set[str]:
    names: set[str] = set()
    for text in texts:
        names.update(USED_NAME.findall(text))
    return names


def css_glyphs(stylesheets) -> set[int]:
    glyphs: set[int] = set()
    for css in stylesheets:
        # The whole text, not its strings one by one: a stray escape (in a selector, say)
        # only keeps a glyph too many, a missed string would drop one in use.
        glyphs |= codepoints(css)
    return glyphs


def prune_icon_rules(css: str, names: set[str], extra_codepoints: set[int]) -> Subset:
    """The stylesheet with only the per-icon rules that name a used icon, and the glyphs the
    fonts must keep: those rules' characters, those the rest of the stylesheet draws, and
    ``extra_codepoints``."""
    kept: set[int] = set(extra_codepoints)
    counts = {"kept": 0, "dropped": 0}

    def keep_or_drop(match: re.Match) -> str:
        if set(ICON_NAME.findall(match["selectors"])) & names:
            counts["kept"] += 1
            kept.update(codepoints(match["content"]))
            return match[0]
        counts["dropped"] += 1
        return ""

    pruned = ICON_RULE.sub(keep_or_drop, css)
    # The theme's source map describes the stylesheet before pruning.
    pruned = SOURCE_MAP.sub("\n", pruned)
    kept |= css_glyphs([pruned])  # glyphs the rest of the stylesheet draws (admonition icons)
    return Subset(pruned, frozenset(kept), counts["kept"], counts["dropped"])


# How the subsets are made; part of the cache key, so a change here makes new subsets.
SUBSET_OPTIONS = {
    "flavor": "woff2",
    "layout_features": ["*"],
    "name_IDs": ["*"],
    "notdef_outline": True,
}


def subset_font(source: Path, target: Path, keep: set[int]) -> None:
    from fontTools import subset

    options = subset.Options()
    for name, value in SUBSET_OPTIONS.items():
        setattr(options, name, value)
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(keep))
    subsetter.subset(font)
    subset.save_font(font, str(target), options)


def cached_subset(source: Path, target: Path, keep: set[int], cache: Path) -> None:
    """``subset_font``, or its earlier result for the same font and glyphs (a rebuild
    keeps the icons it had, so it copies the subsets instead of making them again)."""
    from importlib.metadata import version

    key = hashlib.sha256(source.read_bytes())
    key.update(",".join(map(str, sorted(keep))).encode())
    key.update(repr(sorted(SUBSET_OPTIONS.items())).encode())
    key.update(f"{version('fonttools')} {version('brotli')}".encode())
    stored = cache / f"{source.stem}-{key.hexdigest()[:20]}.woff2"
    if not stored.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        for older in cache.glob(f"{source.stem}-*.woff2"):  # one subset kept per font
            older.unlink()
        partial = stored.with_suffix(".partial")
        subset_font(source, partial, keep)
        partial.replace(stored)  # never a half-written subset under the final name
    shutil.copyfile(stored, target)


def _theme_static(app) -> Path | None:
    for entry in app.builder.theme.get_theme_dirs():
        static = Path(entry) / "static"
        if (static / THEME_CSS).is_file():
            return static
    return None


def _read_all(root: Path, pattern: str, skip: Path | None = None):
    for path in sorted(root.rglob(pattern)):
        if path != skip:
            yield path.read_text(encoding="utf-8", errors="replace")


def _on_build_finished(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    theme_static = _theme_static(app)
    outdir = Path(app.outdir)
    out_css = outdir / "_static" / THEME_CSS
    if theme_static is None or not out_css.is_file():
        logger.warning("icon_subset: the theme's stylesheet was not found; icons left as they are")
        return
    css = (theme_static / THEME_CSS).read_text(encoding="utf-8")
    fonts = sorted((theme_static / WEBFONTS).glob("*.woff2"))
    names = used_names([*_read_all(outdir, "*.html"), *_read_all(outdir / "_static", "*.js")])
    glyphs = css_glyphs(_read_all(outdir / "_static", "*.css", skip=out_css))
    result = prune_icon_rules(css, names, glyphs)
    if result.kept_rules + result.dropped_rules < MIN_ICON_RULES or not fonts:
        logger.warning(
            "icon_subset: the theme's icon rules or fonts were not recognised "
            "(%d rules, %d fonts); icons left as they are",
            result.kept_rules + result.dropped_rules,
            len(fonts),
        )
        return
    cache = Path(app.doctreedir) / "icon_subsets"
    for font in fonts:
        target = outdir / "_static" / WEBFONTS / font.name
        cached_subset(font, target, set(result.codepoints), cache)
    out_css.write_text(result.css, encoding="utf-8")
    logger.info("icon_subset: %d icons kept, %d dropped", result.kept_rules, result.dropped_rules)


def setup(app):
    app.connect("build-finished", _on_build_finished)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
