"""The book's dates, each derived once from the data.

The *currency date* is the date of the latest sourced item the book rests on: the
latest dated row among the resources in :data:`CURRENCY_SOURCES`. Every "as of" the
book shows comes from :func:`currency_date` (in prose through the ``{{ currency_date }}``
substitution, which the book's Sphinx extension fills in from here).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

#: Resource -> its date column: the dated, sourced items the currency date is taken from.
CURRENCY_SOURCES: dict[str, str] = {
    "timeline": "date",
    "claims_since": "evidence_date",
    "nato_positions": "position_date",
    "polls": "fieldwork_end",
    "control": "as_of",
}


def long_date(day: dt.date) -> str:
    """``2026-02-26`` -> ``26 February 2026`` (the book's style for dates in prose)."""
    return f"{day.day} {day:%B %Y}"


@lru_cache(maxsize=8)
def _currency(data_dir: str | None) -> dt.date:
    from widgets import data

    latest: dt.date | None = None
    for name, column in CURRENCY_SOURCES.items():
        frame = data.load_resource(name, data_dir)
        if frame.empty:
            continue
        value = frame[column].dropna().max()
        day = value.date() if hasattr(value, "date") else value
        latest = day if latest is None or day > latest else latest
    if latest is None:
        raise ValueError("no dated item in " + ", ".join(CURRENCY_SOURCES))
    return latest


def currency_date(data_dir: Path | str | None = None) -> dt.date:
    """The date of the latest sourced item among :data:`CURRENCY_SOURCES`."""
    return _currency(None if data_dir is None else str(data_dir))


def as_of(data_dir: Path | str | None = None) -> str:
    """``as of 26 February 2026``: the one "as of" label of the book."""
    return f"as of {long_date(currency_date(data_dir))}"
