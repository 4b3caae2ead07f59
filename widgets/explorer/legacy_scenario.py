"""Export and import a ceasefire-explorer scenario as JSON, validated strictly.

A scenario holds what a student hands in: the settlement they built (line, asset
control, arrangement, durability features), the settlements they compared it with,
their weights, their risk and alignment estimates, and a short note. The file::

    {
      "schema_version": 1,
      "kind": "ceasefire-explorer-scenario",
      "note": "why I chose this line ...",
      "settlement": {"name": ..., "base_preset": ..., "shares": {"UA-05": 0, ...},
                     "assets": {"zaporizhzhia_npp": true, ...},
                     "arrangement": "neutrality_guarantees", "features": ["monitors"]},
      "compared": [ {settlement}, ... ],
      "weights": {"territory": 1, ...},
      "estimates": {"base_risk_pct": {...}, "feature_effect_pct": {...},
                    "alignment_pct": {...}, "horizon_years": 10}
    }

Import accepts exactly these fields (none missing, none extra), checks every type and
range, and raises :class:`ScenarioError` whose message names the field, e.g.
``settlement.shares.UA-14: must be between 0 and 100, got 140``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from widgets.explorer import legacy_model as m

SCHEMA_VERSION = 1
KIND = "ceasefire-explorer-scenario"
MAX_NOTE_CHARS = 2000
MAX_NAME_CHARS = 120
MAX_COMPARED = 8

TOP_FIELDS = ("schema_version", "kind", "note", "settlement", "compared", "weights", "estimates")
SETTLEMENT_FIELDS = ("name", "base_preset", "shares", "assets", "arrangement", "features")
ESTIMATE_FIELDS = ("base_risk_pct", "feature_effect_pct", "alignment_pct", "horizon_years")


class ScenarioError(ValueError):
    """A scenario file that cannot be imported; the message says where and why."""


@dataclass(frozen=True)
class Scenario:
    settlement: m.Settlement
    weights: Mapping[str, float]
    estimates: m.Estimates = field(default_factory=m.Estimates)
    compared: tuple[m.Settlement, ...] = ()
    note: str = ""


# --------------------------------------------------------------------------- export


def settlement_to_dict(s: m.Settlement) -> dict[str, Any]:
    return {
        "name": s.name,
        "base_preset": s.base_preset,
        "shares": {code: float(v) for code, v in s.shares.items()},
        "assets": {asset: bool(v) for asset, v in s.assets.items()},
        "arrangement": s.arrangement,
        "features": sorted(s.features),
    }


def scenario_to_dict(scenario: Scenario) -> dict[str, Any]:
    e = scenario.estimates
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": KIND,
        "note": scenario.note,
        "settlement": settlement_to_dict(scenario.settlement),
        "compared": [settlement_to_dict(s) for s in scenario.compared],
        "weights": {k: float(scenario.weights.get(k, 0.0)) for k in m.CRITERIA},
        "estimates": {
            "base_risk_pct": {k: float(v) for k, v in e.base_risk_pct.items()},
            "feature_effect_pct": {k: float(v) for k, v in e.feature_effect_pct.items()},
            "alignment_pct": {k: float(v) for k, v in e.alignment_pct.items()},
            "horizon_years": int(e.horizon_years),
        },
    }


def export_json(scenario: Scenario) -> str:
    """The scenario as indented JSON text (UTF-8 safe, deterministic)."""
    return json.dumps(scenario_to_dict(scenario), indent=2, ensure_ascii=False)


# --------------------------------------------------------------------------- import


def _reject_constant(name: str) -> Any:
    raise ScenarioError(f"{name} is not allowed in a scenario file (numbers must be finite)")


def _fields(obj: Any, expected: tuple[str, ...], where: str) -> dict[str, Any]:
    if not isinstance(obj, dict):
        raise ScenarioError(f"{where}: must be a JSON object {{...}}, got {_kind(obj)}")
    missing = [k for k in expected if k not in obj]
    if missing:
        raise ScenarioError(f"{where}: missing field(s) {', '.join(map(repr, missing))}")
    extra = [k for k in obj if k not in expected]
    if extra:
        raise ScenarioError(
            f"{where}: unexpected field(s) {', '.join(map(repr, extra))}; "
            f"the allowed fields are {', '.join(expected)}"
        )
    return obj


def _kind(value: Any) -> str:
    names = {
        dict: "an object",
        list: "a list",
        str: "a string",
        bool: "true/false",
        int: "a number",
        float: "a number",
        type(None): "null",
    }
    return names.get(type(value), type(value).__name__)


def _string(value: Any, where: str, max_chars: int) -> str:
    if not isinstance(value, str):
        raise ScenarioError(f"{where}: must be a string, got {_kind(value)}")
    if len(value) > max_chars:
        raise ScenarioError(f"{where}: longer than {max_chars} characters ({len(value)})")
    return value


def _number(value: Any, where: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ScenarioError(f"{where}: must be a number, got {_kind(value)} {value!r}")
    value = float(value)
    if math.isnan(value) or math.isinf(value):
        raise ScenarioError(f"{where}: must be a finite number")
    if not low <= value <= high:
        raise ScenarioError(f"{where}: must be between {low:g} and {high:g}, got {value:g}")
    return value


def _exact_keys(obj: Any, known: list[str] | tuple[str, ...], where: str, noun: str) -> dict:
    if not isinstance(obj, dict):
        raise ScenarioError(f"{where}: must be a JSON object {{...}}, got {_kind(obj)}")
    unknown = [k for k in obj if k not in known]
    if unknown:
        raise ScenarioError(
            f"{where}: unknown {noun} {unknown[0]!r}; known: {', '.join(sorted(known))}"
        )
    missing = [k for k in known if k not in obj]
    if missing:
        raise ScenarioError(
            f"{where}: missing {noun}(s) {', '.join(missing[:6])}"
            + (f" and {len(missing) - 6} more" if len(missing) > 6 else "")
        )
    return obj


def _settlement(obj: Any, where: str, data: m.ExplorerData) -> m.Settlement:
    obj = _fields(obj, SETTLEMENT_FIELDS, where)
    name = _string(obj["name"], f"{where}.name", MAX_NAME_CHARS)
    if not name.strip():
        raise ScenarioError(f"{where}.name: must not be empty")
    base = _string(obj["base_preset"], f"{where}.base_preset", 100)
    if base != m.CUSTOM and base not in data.presets:
        raise ScenarioError(
            f"{where}.base_preset: unknown preset {base!r}; known: "
            f"{', '.join(sorted(data.presets))} or {m.CUSTOM!r}"
        )
    shares_obj = _exact_keys(obj["shares"], data.codes, f"{where}.shares", "unit")
    shares = {
        code: _number(shares_obj[code], f"{where}.shares.{code}", 0, 100) for code in data.codes
    }
    asset_ids = [a.asset_id for a in data.assets]
    assets_obj = _exact_keys(obj["assets"], asset_ids, f"{where}.assets", "asset")
    assets = {}
    for asset_id in asset_ids:
        value = assets_obj[asset_id]
        if not isinstance(value, bool):
            raise ScenarioError(
                f"{where}.assets.{asset_id}: must be true (under Russian control) or false, "
                f"got {_kind(value)} {value!r}"
            )
        assets[asset_id] = value
    arrangement = _string(obj["arrangement"], f"{where}.arrangement", 100)
    if arrangement not in m.ARRANGEMENTS:
        raise ScenarioError(
            f"{where}.arrangement: unknown arrangement {arrangement!r}; known: "
            f"{', '.join(m.ARRANGEMENTS)}"
        )
    features = obj["features"]
    if not isinstance(features, list):
        raise ScenarioError(f"{where}.features: must be a list, got {_kind(features)}")
    for i, feature in enumerate(features):
        if not isinstance(feature, str) or feature not in m.FEATURES:
            raise ScenarioError(
                f"{where}.features[{i}]: unknown feature {feature!r}; known: "
                f"{', '.join(m.FEATURES)}"
            )
    if len(set(features)) != len(features):
        raise ScenarioError(f"{where}.features: a feature is listed twice")
    try:
        return m.make_settlement(
            data,
            name=name,
            shares=shares,
            assets=assets,
            arrangement=arrangement,
            features=features,
            base_preset=base,
        )
    except m.ExplorerError as error:  # pragma: no cover - the checks above come first
        raise ScenarioError(f"{where}: {error}") from None


def _estimates(obj: Any) -> m.Estimates:
    obj = _fields(obj, ESTIMATE_FIELDS, "estimates")
    groups = {}
    for attr, known in (
        ("base_risk_pct", m.ARRANGEMENTS),
        ("feature_effect_pct", m.FEATURES),
        ("alignment_pct", m.ARRANGEMENTS),
    ):
        noun = "arrangement" if known is m.ARRANGEMENTS else "feature"
        values = _exact_keys(obj[attr], list(known), f"estimates.{attr}", noun)
        groups[attr] = {k: _number(values[k], f"estimates.{attr}.{k}", 0, 100) for k in known}
    horizon = obj["horizon_years"]
    if isinstance(horizon, bool) or not isinstance(horizon, int):
        raise ScenarioError(f"estimates.horizon_years: must be a whole number, got {horizon!r}")
    if not 1 <= horizon <= 100:
        raise ScenarioError(f"estimates.horizon_years: must be between 1 and 100, got {horizon}")
    return m.Estimates(**groups, horizon_years=horizon)


def _weights(obj: Any) -> dict[str, float]:
    values = _exact_keys(obj, list(m.CRITERIA), "weights", "criterion")
    weights = {k: _number(values[k], f"weights.{k}", 0, m.MAX_WEIGHT) for k in m.CRITERIA}
    if sum(weights.values()) <= 0:
        raise ScenarioError("weights: all weights are zero; at least one must be above 0")
    return weights


def scenario_from_dict(obj: Any, data: m.ExplorerData) -> Scenario:
    """Validate a parsed scenario strictly and build it (raises :class:`ScenarioError`)."""
    if not isinstance(obj, dict):
        raise ScenarioError(
            f"not a ceasefire-explorer scenario: the file holds {_kind(obj)}, not an object"
        )
    kind = obj.get("kind")
    if kind != KIND:
        shown = "no 'kind' field" if "kind" not in obj else f"kind {kind!r}"
        raise ScenarioError(f"not a ceasefire-explorer scenario ({shown}; expected kind {KIND!r})")
    version = obj.get("schema_version")
    if version != SCHEMA_VERSION or isinstance(version, bool):
        raise ScenarioError(
            f"schema_version {version!r} is not supported; this explorer reads version "
            f"{SCHEMA_VERSION}"
        )
    obj = _fields(obj, TOP_FIELDS, "scenario")
    note = _string(obj["note"], "note", MAX_NOTE_CHARS)
    settlement = _settlement(obj["settlement"], "settlement", data)
    compared_obj = obj["compared"]
    if not isinstance(compared_obj, list):
        raise ScenarioError(f"compared: must be a list, got {_kind(compared_obj)}")
    if len(compared_obj) > MAX_COMPARED:
        raise ScenarioError(
            f"compared: at most {MAX_COMPARED} settlements, got {len(compared_obj)}"
        )
    compared = tuple(
        _settlement(item, f"compared[{i}]", data) for i, item in enumerate(compared_obj)
    )
    return Scenario(
        settlement=settlement,
        weights=_weights(obj["weights"]),
        estimates=_estimates(obj["estimates"]),
        compared=compared,
        note=note,
    )


def import_json(text: Any, data: m.ExplorerData) -> Scenario:
    """Parse and validate scenario JSON text (raises :class:`ScenarioError`)."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise ScenarioError("the file is not UTF-8 text") from None
    if not isinstance(text, str):
        raise ScenarioError(f"expected JSON text, got {type(text).__name__}")
    if not text.strip():
        raise ScenarioError("the scenario is empty: paste the JSON text of an exported scenario")
    try:
        obj = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise ScenarioError(
            f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    return scenario_from_dict(obj, data)
