"""Who argues what: the named advocates on each side of a chapter's question.

Loads ``data/voices.csv`` (validated against ``data/datapackage.json``), checks the
promises a panel makes (at least two advocates on each side, at least one Ukrainian
voice) and renders one chapter's panel. The panel is MyST Markdown: an HTML block
(every value escaped) followed by a line of ``{cite:p}`` citations, so the book's
bibliography links each advocate to the text that was read. A notebook cell shows it
with :func:`show_panel`; the cell needs the metadata ``{"mystnb": {"markdown_format":
"myst"}}`` so that the citation line is parsed.

Pure functions on a table, no charting.
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from widgets.data import DataError, load_resource

__all__ = [
    "CHAPTERS",
    "MIN_PER_SIDE",
    "SIDES",
    "check_panels",
    "citation_keys",
    "load_voices",
    "panel_markdown",
    "show_panel",
]

CHAPTERS = {
    "myth1": "Myth 1: would pressing for membership prolong the war?",
    "myth2": "Myth 2: would membership keep a peace?",
    "myth3": "Myth 3: is membership a realistic prospect?",
    "alternative": "The alternative: neutrality with guarantees short of Article 5?",
}

# Side labels are words, so colour is never the only cue.
SIDES = {
    "supports_essay": "Argue as the essay does",
    "challenges_essay": "Argue against the essay",
}

MIN_PER_SIDE = 2
UKRAINE = "Ukraine"

# Colours that read on the light and the dark book theme alike: a translucent tint over
# whatever background the theme draws, text in the theme's own colour.
_SIDE_TINT = {
    "supports_essay": "rgba(120, 120, 200, 0.14)",
    "challenges_essay": "rgba(200, 140, 60, 0.14)",
}


def check_panels(voices: pd.DataFrame, shown: str = "data/voices.csv") -> None:
    """Raise :class:`DataError` unless every chapter's panel keeps its promises."""
    for chapter in CHAPTERS:
        rows = voices[voices["chapter"] == chapter]
        for side, label in SIDES.items():
            count = int((rows["side"] == side).sum())
            if count < MIN_PER_SIDE:
                raise DataError(
                    f"{shown}: the {chapter} panel has {count} advocate(s) on the side "
                    f"{label!r}; it needs at least {MIN_PER_SIDE}."
                )
        if not (rows["country"] == UKRAINE).any():
            raise DataError(f"{shown}: the {chapter} panel has no Ukrainian voice.")


def load_voices(data_dir: Path | str | None = None) -> pd.DataFrame:
    """The validated advocates table, in file order."""
    voices = load_resource("voices", data_dir)
    check_panels(voices)
    return voices


def _rows(voices: pd.DataFrame, chapter: str) -> pd.DataFrame:
    if chapter not in CHAPTERS:
        known = ", ".join(CHAPTERS)
        raise ValueError(f"unknown chapter {chapter!r}; the panels are: {known}")
    return voices[voices["chapter"] == chapter]


def citation_keys(voices: pd.DataFrame, chapter: str) -> list[str]:
    """Bibliography keys of one panel, each once, in the order they appear."""
    return list(dict.fromkeys(_rows(voices, chapter)["source_key"]))


def _card(row: pd.Series) -> str:
    e = html.escape
    return (
        '<li style="margin:0 0 .6em 0">'
        f"<strong>{e(row['name'])}</strong> "
        f"<span>({e(row['role'])}; {e(row['country'])}; {e(row['date'])})</span><br>"
        f"{e(row['thesis'])} "
        f'<a href="{e(row["source_url"], quote=True)}" '
        f'aria-label="{e("Text read for " + row["name"], quote=True)}">text read</a>'
        "</li>"
    )


def panel_markdown(voices: pd.DataFrame, chapter: str) -> str:
    """One chapter's panel as MyST Markdown: an escaped HTML block, then the citations."""
    rows = _rows(voices, chapter)
    columns = []
    for side, label in SIDES.items():
        cards = "".join(_card(row) for _, row in rows[rows["side"] == side].iterrows())
        columns.append(
            f'<div style="flex:1 1 18em;padding:.5em .8em;border-radius:6px;'
            f'background:{_SIDE_TINT[side]};border:1px solid rgba(128,128,128,.45)">'
            f'<p style="margin:.2em 0 .5em 0"><strong>{html.escape(label)}</strong></p>'
            f'<ul style="padding-left:1.1em;margin:0">{cards}</ul></div>'
        )
    block = (
        f'<div class="voices-panel" role="group" aria-label="{html.escape(CHAPTERS[chapter])}" '
        'style="color:inherit;border:1px solid rgba(128,128,128,.6);border-radius:8px;'
        'padding:.6em .8em;margin:1em 0">'
        f'<p style="margin:0 0 .5em 0"><strong>Who argues what.</strong> '
        f"{html.escape(CHAPTERS[chapter])} Theses in our words; dates are of the texts.</p>"
        f'<div style="display:flex;flex-wrap:wrap;gap:.8em">{"".join(columns)}</div></div>'
    )
    keys = ",".join(citation_keys(voices, chapter))
    # The HTML block must contain no blank line (MyST ends an HTML block there).
    return f"{block}\n\nSources of the panel: {{cite:p}}`{keys}`.\n"


def show_panel(chapter: str, data_dir: Path | str | None = None):
    """Display one chapter's panel in a notebook (a Markdown output parsed as MyST)."""
    from IPython.display import Markdown

    return Markdown(panel_markdown(load_voices(data_dir), chapter))
