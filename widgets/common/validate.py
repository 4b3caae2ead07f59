"""Generic validators: one per kind of value, each raising :class:`InputError` naming the field.

Models, importers and UI setters call the same functions, so a value the UI accepts is a value
an imported file may hold and the other way round.
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


def number(value: Any, field: str, low: float, high: float) -> float:
    """A finite number in [low, high], as a float."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError(field, f"must be a number, got {kind_of(value)} {value!r}")
    value = float(value)
    if math.isnan(value):
        raise InputError(field, "is not a number (NaN)")
    if math.isinf(value):
        raise InputError(field, "must be a finite number")
    if not low <= value <= high:
        raise InputError(field, f"must be between {low:g} and {high:g}, got {value:g}")
    return value


def text(value: Any, field: str, max_chars: int, *, allow_empty: bool = True) -> str:
    """A string of at most ``max_chars`` characters (not blank unless ``allow_empty``)."""
    if not isinstance(value, str):
        raise InputError(field, f"must be text, got {kind_of(value)}")
    if len(value) > max_chars:
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
