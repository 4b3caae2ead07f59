"""Bibliography formatting does less repeated work and gives the same text
(book/_ext/bibtex_speed.py)."""

from __future__ import annotations

import sys

import pybtex.plugin
from pybtex.database import parse_file
from pybtex.richtext import Text
from pybtex.style.formatting import BaseStyle

from widgets import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "book" / "_ext"))
import bibtex_speed  # noqa: E402

BIB_FILES = [REPO_ROOT / "references.bib", *sorted((REPO_ROOT / "book/back/bib").glob("*.bib"))]


def _original(function):
    return getattr(function, "__wrapped__", function)


def _formatted(style_class, entries) -> list[str]:
    style = style_class()
    entries = style.sort(entries)
    labels = list(style.format_labels(entries))
    formatted = [
        style.format_entry(label, entry) for label, entry in zip(labels, entries, strict=True)
    ]
    return [f"{entry.label} {entry.key}: {entry.text.render_as('html')}" for entry in formatted]


def test_an_entry_is_formatted_once_per_style_label_and_entry():
    calls = []

    def format_entry(self, label, entry, bib_data=None):
        calls.append((label, entry))
        return object()

    remembered = bibtex_speed.remembering(format_entry)
    style, first, second = object.__new__(type("Style", (), {})), object(), object()
    assert remembered(style, "A", first) is remembered(style, "A", first)
    assert remembered(style, "A", second) is not remembered(style, "A", first)
    assert remembered(style, "B", first) is not remembered(style, "A", first)
    assert len(calls) == 3
    other_style = object.__new__(type("Style", (), {}))
    remembered(other_style, "A", first)
    assert len(calls) == 4
    assert bibtex_speed.remembering(remembered) is remembered  # never wrapped twice


def test_every_entry_of_the_book_is_formatted_as_pybtex_alone_formats_it(monkeypatch):
    entries = []
    for path in BIB_FILES:
        entries += parse_file(str(path)).entries.values()
    assert len(entries) > 250
    plain = pybtex.plugin.find_plugin("pybtex.style.formatting", "plain")
    monkeypatch.setattr(BaseStyle, "format_entry", _original(BaseStyle.format_entry))
    monkeypatch.setattr(Text, "from_latex", classmethod(_original(Text.from_latex.__func__)))
    expected = _formatted(plain, entries)
    expected_first = plain().format_entry("1", entries[0]).text.render_as("html")

    bibtex_speed.setup(None)
    assert hasattr(Text.from_latex.__func__, "cache_info")
    assert _formatted(plain, entries) == expected
    assert _formatted(plain, entries) == expected  # again, from what was kept
    assert Text.from_latex.__func__.cache_info().hits > 0
    # The list and the tooltip ask one style twice (sphinxcontrib-bibtex does so when no
    # tooltip style is set): the second answer is the first, and renders the same.
    style, entry = plain(), entries[0]
    first, second = style.format_entry("1", entry), style.format_entry("1", entry)
    assert first is second
    assert first.text.render_as("html") == expected_first
