"""The few pieces of HTML every topic writes: escaped text, an error box, a note box.

    from widgets.common import html
    html.escape("<b>")                     # '&lt;b&gt;'
    html.error_box("p must be between 0 and 1")
    html.note_box("Illustrative values only.")
    html.to_text(markup)                   # the text a reader sees, for tests

One colour for errors (dark red on white passes WCAG AA) and ``role="alert"`` so screen
readers announce it; notes are ``role="note"``.
"""

from __future__ import annotations

import html as _html
import re
from typing import Any

__all__ = ["ERROR_COLOUR", "error_box", "escape", "note_box", "to_text"]

ERROR_COLOUR = "#a00"
_TAG = re.compile(r"<[^>]+>")


def escape(value: Any) -> str:
    """``value`` as text safe inside HTML (quotes escaped too); ``None`` becomes empty."""
    return "" if value is None else _html.escape(str(value), quote=True)


def error_box(message: Any, lead: str = "Please check your input:") -> str:
    """A bold dark-red message announced to screen readers; ``message`` is escaped."""
    return (
        f'<div role="alert" style="color:{ERROR_COLOUR};font-weight:bold">'
        f"{escape(lead)} {escape(message)}</div>"
    )


def note_box(message: Any) -> str:
    """A quiet note in italics (e.g. "illustrative values"); ``message`` is escaped."""
    return f'<div role="note" style="font-style:italic">{escape(message)}</div>'


def to_text(markup: str) -> str:
    """The text of ``markup`` without tags, entities decoded (what a reader sees)."""
    return _html.unescape(_TAG.sub(" ", markup)).strip()
