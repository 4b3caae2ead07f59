"""Scenario files (format ``neutrality-or-nato/ceasefire-scenario``, version 2), JSON, UTF-8.

Export and import use the model's validators (``model.check_*``), so every state the UI can
reach exports, and every exported file imports back to the same state. A version-1 file (from
the earlier one-actor explorer) is rejected with a message saying what changed. The fields::

    format, version (2), title (<= 120 chars), delegation (actor id or ""), group (<= 60 chars),
    view_actor, chosen_actors, feature_effect_pct {feature: 0..100},
    no_deal {preset, overrides {unit: 0..100}},
    packages [{name (<= 60), preset, overrides, arrangement, features, base_risk_pct,
               attain_pct}] (1 to 8),
    weights {actor: {criterion: -10..10}} (missing weights are 0)
"""

from __future__ import annotations

import json
from typing import Any

from widgets.common import validate as v
from widgets.common.validate import InputError
from widgets.explorer import model as m

FORMAT = "neutrality-or-nato/ceasefire-scenario"
VERSION = 2
TOP_REQUIRED = ("format", "version", "view_actor", "chosen_actors", "feature_effect_pct")
TOP_REQUIRED += ("no_deal", "packages", "weights")
TOP_OPTIONAL = ("title", "delegation", "group")
PACKAGE_FIELDS = ("name", "preset", "overrides", "arrangement", "features")
PACKAGE_FIELDS += ("base_risk_pct", "attain_pct")
V1_CHANGES = (
    "this is a version-1 file from the earlier explorer, which scored Ukraine alone. Version 2 "
    "scores four actors with signed weights against a no-deal line; arrangements are texts from "
    "data/arrangements.csv (the old 'neutrality_guarantees', 'nato_path', 'armed_neutrality' and "
    "'frozen_conflict' and the 'alignment' value are gone); 'third_party_guarantee' is no longer "
    "a feature (guarantees are terms of the text); risk and attainability are set per package. "
    "Re-enter the packages in the explorer and export again"
)


class ScenarioError(ValueError):
    """A scenario that cannot be read or written; the message names the field."""


# --------------------------------------------------------------------------- export


def _line_dict(line: m.Line) -> dict[str, Any]:
    return {"preset": line.preset, "overrides": {k: float(x) for k, x in line.overrides.items()}}


def to_dict(data: m.ExplorerData, inputs: m.Inputs) -> dict[str, Any]:
    """The file's content; validated with the same functions as import."""
    try:
        inputs = m.check_inputs(data, inputs)
    except InputError as error:
        raise ScenarioError(f"cannot export: {error}") from None
    return {
        "format": FORMAT,
        "version": VERSION,
        "title": inputs.title,
        "delegation": inputs.delegation,
        "group": inputs.group,
        "view_actor": inputs.view_actor,
        "chosen_actors": list(inputs.chosen_actors),
        "feature_effect_pct": dict(inputs.feature_effect_pct),
        "no_deal": _line_dict(inputs.no_deal),
        "packages": [
            {
                "name": p.name,
                **_line_dict(p.line),
                "arrangement": p.arrangement,
                "features": list(p.features),
                "base_risk_pct": p.base_risk_pct,
                "attain_pct": p.attain_pct,
            }
            for p in inputs.packages
        ],
        "weights": {
            a: {c: w for c, w in row.items() if w != 0}
            for a, row in inputs.weights.items()
            if any(w != 0 for w in row.values())
        },
    }


def export_json(data: m.ExplorerData, inputs: m.Inputs) -> str:
    return json.dumps(to_dict(data, inputs), indent=2, ensure_ascii=False)


# --------------------------------------------------------------------------- import


def _line(data: m.ExplorerData, obj: Any, where: str) -> m.Line:
    obj = v.exact_fields(obj, where, ("preset",), ("overrides",))
    return m.Line(
        m.check_preset(data, obj["preset"], f"{where}.preset"),
        m.check_overrides(data, obj.get("overrides", {}), f"{where}.overrides"),
    )


def _package(data: m.ExplorerData, obj: Any, where: str) -> m.Package:
    obj = v.exact_fields(obj, where, ("name", "preset", "arrangement"), PACKAGE_FIELDS)
    line = _line(data, {k: obj[k] for k in ("preset", "overrides") if k in obj}, where)
    return m.Package(
        name=obj["name"],
        line=line,
        arrangement=obj["arrangement"],
        features=tuple(v.sequence(obj.get("features", []), f"{where}.features", len(m.FEATURES))),
        base_risk_pct=obj.get("base_risk_pct", m.DEFAULT_BASE_RISK_PCT),
        attain_pct=obj.get("attain_pct", m.DEFAULT_ATTAIN_PCT),
    )


def from_dict(data: m.ExplorerData, obj: Any) -> m.Inputs:
    """Validate a parsed file and return the inputs (raises :class:`ScenarioError`)."""
    try:
        return _from_dict(data, obj)
    except InputError as error:
        raise ScenarioError(str(error)) from None


def _from_dict(data: m.ExplorerData, obj: Any) -> m.Inputs:
    if not isinstance(obj, dict):
        raise InputError("file", f"holds {v.kind_of(obj)}, not a ceasefire scenario object")
    if obj.get("kind") == "ceasefire-explorer-scenario" or "schema_version" in obj:
        raise InputError("version", V1_CHANGES)
    if obj.get("format") != FORMAT:
        shown = repr(obj["format"]) if "format" in obj else "no 'format' field"
        raise InputError("format", f"not a ceasefire scenario ({shown}; expected {FORMAT!r})")
    if obj.get("version") != VERSION or isinstance(obj.get("version"), bool):
        raise InputError(
            "version", f"{obj.get('version')!r} is not supported; this reads {VERSION}"
        )
    obj = v.exact_fields(obj, "scenario", TOP_REQUIRED, TOP_OPTIONAL)
    packages = v.sequence(obj["packages"], "packages", m.MAX_PACKAGES, min_items=1)
    inputs = m.Inputs(
        packages=tuple(_package(data, p, f"packages[{i}]") for i, p in enumerate(packages)),
        no_deal=_line(data, obj["no_deal"], "no_deal"),
        weights=obj["weights"],
        feature_effect_pct=obj["feature_effect_pct"],
        view_actor=obj["view_actor"],
        chosen_actors=tuple(v.sequence(obj["chosen_actors"], "chosen_actors", len(m.ACTORS))),
        title=obj.get("title", ""),
        delegation=obj.get("delegation", ""),
        group=obj.get("group", ""),
    )
    return m.check_inputs(data, inputs)


def _reject_constant(name: str) -> Any:
    raise ScenarioError(f"{name} is not allowed in a scenario file (numbers must be finite)")


def import_json(data: m.ExplorerData, text: Any) -> m.Inputs:
    """Parse and validate scenario JSON text or bytes (raises :class:`ScenarioError`)."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise ScenarioError("file: not UTF-8 text") from None
    if not isinstance(text, str):
        raise ScenarioError(f"file: expected JSON text, got {type(text).__name__}")
    if not text.strip():
        raise ScenarioError("file: empty; paste or upload the JSON text of an exported scenario")
    try:
        obj = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise ScenarioError(
            f"file: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    return from_dict(data, obj)


def collect(folder: Any, data: m.ExplorerData) -> list[dict[str, Any]]:
    """One row per ``.json`` file in ``folder``: what it holds, or why it cannot be read."""
    from pathlib import Path

    from widgets.explorer import actors

    folder = Path(folder)
    if not folder.is_dir():
        raise ScenarioError(f"folder: no folder called {folder}")
    rows = []
    for path in sorted(folder.glob("*.json")):
        row: dict[str, Any] = {"file": path.name, "title": "", "delegation": "", "group": ""}
        row |= {"packages": 0, "first for the viewed actor": "", "zone": "", "problem": ""}
        try:
            inputs = import_json(data, path.read_bytes())
        except ScenarioError as error:
            row["problem"] = str(error)
        else:
            e = actors.evaluate(data, inputs)
            names = [p.name for p in inputs.packages]
            row |= {"title": inputs.title, "delegation": inputs.delegation, "group": inputs.group}
            row["packages"] = len(names)
            row["first for the viewed actor"] = names[e.ranking(inputs.view_actor)[0]]
            row["zone"] = ", ".join(names[i] for i in e.zone) or "empty"
        rows.append(row)
    return rows
