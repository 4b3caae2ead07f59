"""Generic validators: one per kind of value, each raising :class:`InputError` naming the field.

Models, importers and UI setters call the same functions, so a value the UI accepts is a value
an imported file may hold and the other way round. Every topic uses them: ``number`` (either
bound may be open), ``probability``, ``whole_number``, ``flag``, ``text``, ``choice``,
``choices``, ``mapping``, ``sequence``, ``exact_fields`` and ``table``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any


class InputError(ValueError):
    """A bad value; ``field`` names where it is (e.g. ``packages[2].base_risk_pct``)."""

    def __init__(self, field: str, problem: str):
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


def kind_of(value: Any) -> str:
    """How a value would be described to a person ('a string', 'a list', ...)."""
    names = {
        dict: "an object",
        list: "a list",
        tuple: "a list",
        str: "a string",
        bool: "true/false",
    }
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "a number"
    if value is None:
        return "nothing (null)"
    return names.get(type(value), type(value).__name__)


def _check_bounds(value: float, field: str, low: float, high: float) -> None:
    if low > -math.inf and high < math.inf and not low <= value <= high:
        raise InputError(field, f"must be between {low:g} and {high:g}, got {value:g}")
    if value < low:
        raise InputError(field, f"must be {low:g} or more, got {value:g}")
    if value > high:
        raise InputError(field, f"must be {high:g} or less, got {value:g}")


def number(value: Any, field: str, low: float = -math.inf, high: float = math.inf) -> float:
    """A finite number in [low, high] (either bound may be left open), as a float."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError(field, f"must be a number, got {kind_of(value)} {value!r}")
    value = float(value)
    if math.isnan(value):
        raise InputError(field, "is not a number (NaN)")
    if math.isinf(value):
        raise InputError(field, "must be a finite number")
    _check_bounds(value, field, low, high)
    return value


def text(value: Any, field: str, max_chars: int | None = None, *, allow_empty: bool = True) -> str:
    """A string of at most ``max_chars`` characters (not blank unless ``allow_empty``)."""
    if not isinstance(value, str):
        raise InputError(field, f"must be text, got {kind_of(value)}")
    if max_chars is not None and len(value) > max_chars:
        raise InputError(field, f"is {len(value)} characters long; at most {max_chars} allowed")
    if not allow_empty and not value.strip():
        raise InputError(field, "must not be empty")
    return value


def choice(value: Any, field: str, known: Iterable[str], noun: str) -> str:
    """One of ``known`` (a string)."""
    known = list(known)
    if not isinstance(value, str) or value not in known:
        shown = value if isinstance(value, str) else kind_of(value)
        raise InputError(field, f"unknown {noun} {shown!r}; known: {', '.join(known)}")
    return value


def mapping(value: Any, field: str) -> Mapping[str, Any]:
    """A mapping with string keys (a JSON object)."""
    if not isinstance(value, Mapping) or not all(isinstance(k, str) for k in value):
        raise InputError(field, f"must be an object {{name: value}}, got {kind_of(value)}")
    return value


def sequence(value: Any, field: str, max_items: int, *, min_items: int = 0) -> list[Any]:
    """A list (or tuple) of ``min_items`` to ``max_items`` items."""
    if not isinstance(value, list | tuple):
        raise InputError(field, f"must be a list, got {kind_of(value)}")
    if not min_items <= len(value) <= max_items:
        raise InputError(field, f"must hold {min_items} to {max_items} items, got {len(value)}")
    return list(value)


def exact_fields(value: Any, field: str, required: Iterable[str], optional: Iterable[str] = ()):
    """An object with every ``required`` key, optionally some ``optional`` keys, nothing else."""
    value = mapping(value, field)
    required, optional = list(required), list(optional)
    missing = [k for k in required if k not in value]
    if missing:
        raise InputError(field, f"missing field(s) {', '.join(missing)}")
    extra = [k for k in value if k not in required and k not in optional]
    if extra:
        allowed = ", ".join(required + optional)
        raise InputError(field, f"unexpected field(s) {', '.join(extra)}; allowed: {allowed}")
    return value


# --------------------------------------------------------------------------- for the models


def probability(value: Any, field: str) -> float:
    """A number from 0 to 1."""
    return number(value, field, 0.0, 1.0)


def whole_number(value: Any, field: str, low: float = -math.inf, high: float = math.inf) -> int:
    """A whole number (an ``int``, not a bool) in [low, high]."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(field, f"must be a whole number, got {kind_of(value)} {value!r}")
    _check_bounds(value, field, low, high)
    return value


def flag(value: Any, field: str) -> bool:
    """``True`` or ``False`` (not 0, 1 or a text)."""
    if not isinstance(value, bool):
        raise InputError(field, f"must be True or False, got {value!r}")
    return value


def choices(values: Iterable[Any], field: str, known: Iterable[str], noun: str) -> frozenset:
    """A non-empty set of values, each one of ``known``."""
    chosen = frozenset(values)
    if not chosen:
        raise InputError(field, f"choose at least one {noun}")
    for value in sorted(chosen, key=str):
        choice(value, field, known, noun)
    return chosen


def table(frame: Any, field: str, columns: Iterable[str] = ()) -> Any:
    """A non-empty pandas DataFrame with at least ``columns``."""
    import pandas as pd

    if not isinstance(frame, pd.DataFrame):
        raise InputError(field, f"expected a pandas DataFrame, got {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InputError(field, f"missing column(s) {', '.join(missing)}")
    if frame.empty:
        raise InputError(field, "no rows to draw")
    return frame
