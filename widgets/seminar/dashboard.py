"""The class dashboard: a folder of students' scenario files (explorer format v2) in tables.

:func:`read_class` imports every file in a folder with the explorer's own importer (the full
explorer and the static page write the same format) and returns:

- ``files``: one row per file read: title, delegation and group (as the file says), the view
  actor, the package in first place for that actor, and how fragile that first place is;
- ``choices``: how many files put each package first, by delegation or group;
- ``weights``: every weight of every scored actor, one row each (file, delegation, group,
  actor, criterion, weight), for distributions;
- ``estimates``: each package's base risk and attainability, and the feature effects;
- ``fragility``: per file and criterion, the nearest weights at which the first place changes;
- ``skipped``: every file that could not be used, with the reason (broken JSON, a file from
  another tool, a version-1 file, a bad value). Nothing else is dropped.

Packages are matched across files by what they contain (line, arrangement, features), not by
the name a student typed; a package's label is the name most files use for it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from widgets.explorer import actors as ev
from widgets.explorer import model as m
from widgets.explorer import sensitivity as sens
from widgets.seminar import scenarios as seminar_scenarios


class DashboardError(ValueError):
    """The folder cannot be read at all; the message says why."""


@dataclass(frozen=True)
class ClassResults:
    files: pd.DataFrame
    choices: pd.DataFrame
    weights: pd.DataFrame
    estimates: pd.DataFrame
    fragility: pd.DataFrame
    skipped: pd.DataFrame


def package_key(package: m.Package) -> str:
    """What a package contains, as text: equal contents give equal keys."""
    overrides = ",".join(f"{u}={v:g}" for u, v in sorted(package.line.overrides.items()))
    line = package.line.preset + (f"[{overrides}]" if overrides else "")
    return f"{line} | {package.arrangement} | {'+'.join(sorted(package.features)) or 'none'}"


def _who(inputs: m.Inputs) -> str:
    """The file's delegation, else its group, else 'not stated'."""
    return inputs.delegation or inputs.group or "not stated"


def _fragility_rows(name: str, inputs: m.Inputs, evaluation: ev.Evaluation) -> list[dict]:
    rows = []
    for item in sens.fragility(evaluation, inputs.view_actor):
        rows.append(
            {
                "file": name,
                "criterion": item.criterion,
                "weight": item.current,
                "first place changes above at": item.up.weight if item.up else None,
                "to": inputs.packages[item.up.new_leader].name if item.up else "",
                "first place changes below at": item.down.weight if item.down else None,
                "to ": inputs.packages[item.down.new_leader].name if item.down else "",
            }
        )
    return rows


def _nearest_change(rows: list[dict]) -> tuple[str, float | None]:
    best: tuple[str, float | None] = ("none in range", None)
    for row in rows:
        for column in ("first place changes above at", "first place changes below at"):
            at = row[column]
            if at is None:
                continue
            distance = abs(at - row["weight"])
            if best[1] is None or distance < best[1]:
                best = (f"{row['criterion']} {row['weight']:g} -> {at:.2f}", distance)
    return best


def read_class(folder: Any, data: m.ExplorerData | None = None) -> ClassResults:
    folder = Path(folder)
    if not folder.is_dir():
        raise DashboardError(f"{folder} is not a folder: give the folder of scenario files")
    data = data or m.ExplorerData.load()
    files, weights, estimates, fragility, skipped = [], [], [], [], []
    names: dict[str, Counter] = {}
    for path in sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")):
        try:
            inputs = seminar_scenarios.read_scenario(path, data)
            evaluation = ev.evaluate(data, inputs)
        except (ValueError, m.ExplorerError) as error:
            reason = str(error).removeprefix(f"{path.name}: ")
            skipped.append({"file": path.name, "reason": reason})
            continue
        who = _who(inputs)
        keys = [package_key(p) for p in inputs.packages]
        for key, package in zip(keys, inputs.packages, strict=True):
            names.setdefault(key, Counter())[package.name] += 1
            estimates.append(
                {
                    "file": path.name,
                    "delegation or group": who,
                    "package": key,
                    "base_risk_pct": package.base_risk_pct,
                    "attain_pct": package.attain_pct,
                }
            )
        for feature, effect in inputs.feature_effect_pct.items():
            estimates.append(
                {
                    "file": path.name,
                    "delegation or group": who,
                    "package": f"feature effect: {feature}",
                    "base_risk_pct": None,
                    "attain_pct": None,
                    "feature_effect_pct": effect,
                }
            )
        for actor in evaluation.actors:
            for criterion, weight in inputs.weights[actor].items():
                weights.append(
                    {
                        "file": path.name,
                        "delegation or group": who,
                        "actor": actor,
                        "criterion": criterion,
                        "weight": weight,
                        "own actor": actor == inputs.view_actor,
                    }
                )
        leader = sens.leader(evaluation, inputs.view_actor)
        rows = _fragility_rows(path.name, inputs, evaluation)
        fragility += rows
        nearest, distance = _nearest_change(rows)
        files.append(
            {
                "file": path.name,
                "title": inputs.title,
                "delegation": inputs.delegation,
                "group": inputs.group,
                "view actor": inputs.view_actor,
                "first place key": keys[leader],
                "first place (as named in the file)": inputs.packages[leader].name,
                "nearest change of first place": nearest,
                "distance": distance,
                "robust weights": sum(
                    1
                    for r in rows
                    if r["first place changes above at"] is None
                    and r["first place changes below at"] is None
                ),
                "weights checked": len(rows),
            }
        )
    files_frame = pd.DataFrame(files, columns=_FILE_COLUMNS)
    labels = {key: counter.most_common(1)[0][0] for key, counter in names.items()}
    files_frame.insert(5, "first place", files_frame["first place key"].map(labels))
    choices = (
        files_frame.assign(**{"delegation or group": [_who_row(r) for r in files]})
        .groupby(["first place", "delegation or group"], as_index=False)
        .size()
        .rename(columns={"size": "files"})
        if files
        else pd.DataFrame(columns=["first place", "delegation or group", "files"])
    )
    estimates_frame = pd.DataFrame(estimates, columns=_ESTIMATE_COLUMNS)
    estimates_frame["package"] = estimates_frame["package"].map(lambda k: labels.get(k, k))
    return ClassResults(
        files=files_frame,
        choices=choices,
        weights=pd.DataFrame(weights, columns=_WEIGHT_COLUMNS),
        estimates=estimates_frame,
        fragility=pd.DataFrame(fragility),
        skipped=pd.DataFrame(skipped, columns=["file", "reason"]),
    )


def _who_row(row: dict) -> str:
    return row["delegation"] or row["group"] or "not stated"


_FILE_COLUMNS = [
    "file",
    "title",
    "delegation",
    "group",
    "view actor",
    "first place key",
    "first place (as named in the file)",
    "nearest change of first place",
    "distance",
    "robust weights",
    "weights checked",
]
_WEIGHT_COLUMNS = ["file", "delegation or group", "actor", "criterion", "weight", "own actor"]
_ESTIMATE_COLUMNS = [
    "file",
    "delegation or group",
    "package",
    "base_risk_pct",
    "attain_pct",
    "feature_effect_pct",
]


def weight_summary(results: ClassResults) -> pd.DataFrame:
    """Distribution of each weight, by delegation or group and actor: n, min, median, max."""
    if results.weights.empty:
        return pd.DataFrame(columns=["delegation or group", "actor", "criterion"])
    return (
        results.weights.groupby(["delegation or group", "actor", "criterion"])["weight"]
        .describe()[["count", "min", "50%", "max"]]
        .rename(columns={"50%": "median"})
        .reset_index()
    )
