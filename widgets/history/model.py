"""The historical arrangements of Part III as tables (pure: no charts).

``data/neutrality_cases.csv`` holds one row per historical arrangement (a neutrality
treaty, a guarantee, an armistice, a ceasefire agreement). Its ``years`` column says
when the arrangement was in force, as whole calendar years, inclusive:

- ``"1948-1992"``: in force from 1948 to 1992;
- ``"1955-"``: in force from 1955 and still in force;
- ``"2022"``: begun and ended (or failed) within 2022.

- :func:`parse_years` reads one such value;
- :func:`case_spans` turns the table into rows a chart can draw (start, end, status,
  duration in calendar years);
- :func:`comparison_table` selects and titles the columns for the comparison table.

:mod:`widgets.history.charts` draws and renders them. "Still in force" means in force in
the year of the book's currency date (:func:`currency_year`).

Bad input raises :class:`ValueError` with a message that names the problem.
"""

from __future__ import annotations

import re

import pandas as pd

from widgets.common import validate
from widgets.common.dates import currency_date

ESSAY_YEAR = 2024.5  # the essay appeared in mid-2024
ESSAY_LABEL = "The essay (mid-2024)"
MIN_YEAR, MAX_YEAR = 1900, 2100

CASE_COLUMNS = [
    "case",
    "years",
    "what_was_offered",
    "guarantors",
    "enforcement",
    "outcome",
    "source",
]
TABLE_TITLES = {
    "case": "Case",
    "years": "Years",
    "what_was_offered": "What was offered",
    "guarantors": "Guarantors",
    "enforcement": "Enforcement",
    "outcome": "Outcome",
}
ENDED = "Ended"

_YEARS = re.compile(r"(\d{4})(-(\d{4})?)?")


def in_force_label(as_of_year: int) -> str:
    return f"In force (as of {as_of_year})"


def currency_year() -> int:
    """The year of the book's currency date: arrangements still in force run to it."""
    return currency_date().year


def _check_year(year: object, what: str) -> int:
    return validate.whole_number(year, what, MIN_YEAR, MAX_YEAR)


def parse_years(text: str) -> tuple[int, int | None]:
    """``(first year, last year)`` of a ``years`` value; the last is ``None`` if ongoing.

    >>> parse_years("1948-1992")
    (1948, 1992)
    >>> parse_years("1955-")
    (1955, None)
    >>> parse_years("2022")
    (2022, 2022)
    """
    if not isinstance(text, str):
        raise ValueError(f"years must be text like '1948-1992', got {text!r}")
    match = _YEARS.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"years {text!r} is not 'YYYY-YYYY', 'YYYY-' (still in force) or 'YYYY'")
    start = _check_year(int(match.group(1)), "first year")
    if match.group(2) is None:
        return start, start
    if match.group(3) is None:
        return start, None
    end = _check_year(int(match.group(3)), "last year")
    if end < start:
        raise ValueError(f"years {text!r}: the last year is before the first")
    return start, end


def case_spans(cases: pd.DataFrame, as_of_year: int | None = None) -> pd.DataFrame:
    """One row per case with ``start``, ``end``, ``bar_end``, ``status``, ``duration``.

    ``end`` is the last calendar year in force (``as_of_year`` for arrangements still in
    force; default :func:`currency_year`); ``bar_end`` is ``end + 1`` so a bar covers whole
    years; ``duration`` counts the calendar years in force, both ends included. Rows are
    sorted by start year.
    """
    as_of_year = _check_year(currency_year() if as_of_year is None else as_of_year, "as-of year")
    validate.table(cases, "cases", ["case", "years"])
    rows = []
    for position, row in enumerate(cases.to_dict("records")):
        label = row["case"] if isinstance(row["case"], str) else f"row {position + 1}"
        try:
            start, end = parse_years(row["years"])
        except ValueError as error:
            raise ValueError(f"{label}: {error}") from None
        if start > as_of_year or (end is not None and end > as_of_year):
            raise ValueError(f"{label}: years {row['years']!r} go beyond {as_of_year}")
        ongoing = end is None
        last = as_of_year if ongoing else end
        rows.append(
            {
                **row,
                "start": start,
                "end": last,
                "bar_end": last + 1,
                "ongoing": ongoing,
                "status": in_force_label(as_of_year) if ongoing else ENDED,
                "duration": last - start + 1,
            }
        )
    spans = pd.DataFrame(rows)
    return spans.sort_values(["start", "end", "case"], kind="stable").reset_index(drop=True)


def comparison_table(cases: pd.DataFrame, columns: list[str] | None = None) -> pd.DataFrame:
    """The comparison table: descriptive columns with readable titles, sorted by start.

    ``columns`` picks a subset of ``case``, ``years``, ``what_was_offered``, ``guarantors``,
    ``enforcement``, ``outcome`` (default: all of them, in that order).
    """
    chosen = list(TABLE_TITLES) if columns is None else list(columns)
    unknown = [c for c in chosen if c not in TABLE_TITLES]
    if unknown or not chosen:
        got = ", ".join(unknown) or "none"
        raise ValueError(f"columns must be chosen from {', '.join(TABLE_TITLES)}; got {got}")
    validate.table(cases, "cases", chosen)
    spans = case_spans(cases)
    return spans[chosen].rename(columns=TABLE_TITLES)


__all__ = [
    "CASE_COLUMNS",
    "ENDED",
    "ESSAY_LABEL",
    "ESSAY_YEAR",
    "TABLE_TITLES",
    "currency_year",
    "case_spans",
    "comparison_table",
    "in_force_label",
    "parse_years",
]
