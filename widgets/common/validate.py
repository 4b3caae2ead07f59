"""One validator per kind of value, shared by every model and file reader.

Each function returns the checked value and raises :class:`ValueError` with a
message that names the field (``name``), so a student or a file author reads
what to fix, never a traceback.

- :func:`number`: a finite number, optionally within bounds;
- :func:`probability`: a number from 0 to 1;
- :func:`whole_number`: an ``int`` (not a bool), optionally within bounds;
- :func:`flag`: ``True`` or ``False``;
- :func:`text`: a non-empty text, optionally with a maximum length;
- :func:`choice`: one value of a vocabulary;
- :func:`choices`: a non-empty set of values of a vocabulary;
- :func:`table`: a non-empty DataFrame with the columns a function needs.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable
from typing import Any

__all__ = ["choice", "choices", "flag", "number", "probability", "table", "text", "whole_number"]


def _between(value: float, name: str, low: float | None, high: float | None) -> None:
    if low is not None and high is not None and not low <= value <= high:
        raise ValueError(f"{name} must be between {low:g} and {high:g}, got {value}.")
    if low is not None and value < low:
        raise ValueError(f"{name} must be {low:g} or more, got {value}.")
    if high is not None and value > high:
        raise ValueError(f"{name} must be {high:g} or less, got {value}.")


def number(value: Any, name: str, low: float | None = None, high: float | None = None) -> float:
    """A finite number (``int`` or ``float``, not a bool or a text) in ``[low, high]``."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name} must be a number, got {value!r}.")
    if math.isnan(value):
        raise ValueError(f"{name} is not a number (NaN): enter a value.")
    if math.isinf(value):
        raise ValueError(f"{name} must be finite, got {value}.")
    _between(value, name, low, high)
    return value


def probability(value: Any, name: str) -> float:
    """A number from 0 to 1."""
    return number(value, name, 0.0, 1.0)


def whole_number(value: Any, name: str, low: int | None = None, high: int | None = None) -> int:
    """A whole number (``int``, not a bool) in ``[low, high]``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be a whole number, got {value!r}.")
    _between(value, name, low, high)
    return value


def flag(value: Any, name: str) -> bool:
    """``True`` or ``False`` (not 0, 1 or a text)."""
    if not isinstance(value, bool):
        raise ValueError(f"{name} must be True or False, got {value!r}.")
    return value


def text(value: Any, name: str, max_length: int | None = None) -> str:
    """A text with at least one non-space character and at most ``max_length`` characters."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name} must be a non-empty text, got {value!r}.")
    if max_length is not None and len(value) > max_length:
        raise ValueError(f"{name} must be at most {max_length} characters, got {len(value)}.")
    return value


def choice(value: Any, name: str, options: Collection[Any], where: str = "") -> Any:
    """One of ``options`` (the message lists them); ``where`` adds context, e.g. "for 'A'"."""
    if isinstance(value, list | dict | set) or value not in options:
        listed = ", ".join(map(str, options))
        place = f" {where}" if where else ""
        raise ValueError(f"unknown {name} {value!r}{place}; use one of: {listed}")
    return value


def choices(
    values: Iterable[Any], name: str, options: Collection[Any], where: str = ""
) -> frozenset:
    """A non-empty set of values, each one of ``options``."""
    chosen = frozenset(values)
    if not chosen:
        raise ValueError(f"choose at least one {name}{f' {where}' if where else ''}")
    for value in sorted(chosen, key=str):
        choice(value, name, options, where)
    return chosen


def table(frame: Any, name: str, columns: Iterable[str] = ()) -> Any:
    """A non-empty pandas DataFrame with at least ``columns``."""
    import pandas as pd

    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"{name}: expected a pandas DataFrame, got {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name}: missing column(s) {', '.join(missing)}")
    if frame.empty:
        raise ValueError(f"{name}: no rows to draw")
    return frame
