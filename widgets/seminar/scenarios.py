"""Scenario files (explorer format v2) for the seminar: role-play packages and model answers.

A role-play package (one option per article of the draft framework) becomes an explorer package
by facts of its text, never by a judgement:

- article 1: 1A and 1C keep the latest line; 1B puts the rest of Donetsk oblast (UA-14) under
  Russian control; 1C adds a buffer zone;
- articles 2-4: the explorer arrangement ``framework_<2x>_<3y>_<4z>`` (``data/arrangements.csv``);
- monitors: 1C (a monitored buffer zone), 3B (US-led monitoring) and 3C (monitoring only);
- article 5: 5B and 5C are a detailed agreement.

Every package gets the explorer's default base risk and attainability, the same for all. Files
are built and read with the explorer's own functions (:mod:`widgets.explorer.scenario`), so a
file written here is one the explorer imports.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from widgets.explorer import model as m
from widgets.explorer import scenario as sc
from widgets.seminar import roleplay as rp

DONETSK = "UA-14"


def explorer_package(options: rp.Package, name: str) -> m.Package:
    one, two, three, four, five = options
    overrides = {DONETSK: 100.0} if one == "1B" else {}
    features = []
    if one == "1C":
        features.append("buffer_zone")
    if one == "1C" or three in {"3B", "3C"}:
        features.append("monitors")
    if five in {"5B", "5C"}:
        features.append("detailed_agreement")
    arrangement = f"framework_{two}_{three}_{four}".lower()
    return m.Package(name, m.Line(m.DEFAULT_LINE, overrides), arrangement, tuple(features))


def caucus_inputs(data: m.ExplorerData, game: rp.Game, delegation: str) -> m.Inputs:
    """The pre-filled caucus file of one delegation: the caucus packages, every default equal."""
    defaults = m.default_inputs(data)
    packages = tuple(
        explorer_package(p.options, f"{p.package_id} {p.name}")
        for p in rp.caucus_packages(game)
        if p.options is not None
    )
    actor = delegation if delegation in m.ACTORS else ""
    inputs = m.Inputs(
        packages=packages,
        no_deal=m.Line(m.DEFAULT_LINE),
        weights=defaults.weights,
        feature_effect_pct=defaults.feature_effect_pct,
        view_actor=actor or m.DEFAULT_VIEW_ACTOR,
        chosen_actors=m.DEFAULT_CHOSEN_ACTORS,
        title=f"Role-play caucus: {game.name(delegation)} (weights are illustrative defaults)",
        delegation=actor,
        group=game.name(delegation)[: m.MAX_GROUP_CHARS],
    )
    return m.check_inputs(data, inputs)


def write_caucus_files(out_dir: Path, data: m.ExplorerData | None = None) -> list[Path]:
    data = data or m.ExplorerData.load()
    game = rp.load_game()
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for delegation in game.delegations["delegation"]:
        if game.delegations.set_index("delegation").loc[delegation, "observer"]:
            continue
        path = out_dir / f"caucus_{delegation}.json"
        path.write_text(sc.export_json(data, caucus_inputs(data, game, delegation)), "utf-8")
        paths.append(path)
    return paths


def read_scenario(path: Path, data: m.ExplorerData) -> m.Inputs:
    """Import one file with the explorer's importer; errors name the file."""
    try:
        return sc.import_json(data, Path(path).read_bytes())
    except (sc.ScenarioError, m.ExplorerError, ValueError) as error:
        raise sc.ScenarioError(f"{Path(path).name}: {error}") from None


def load_json(path: Path) -> Any:
    return json.loads(Path(path).read_text(encoding="utf-8"))
