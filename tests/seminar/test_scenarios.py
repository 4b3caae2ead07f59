"""Seminar scenario files (model answers, caucus files), read by the explorer's importer."""

from __future__ import annotations

import json
import re

import pytest

from widgets.common.paths import REPO_ROOT
from widgets.explorer import actors as ev
from widgets.explorer import model as m
from widgets.explorer import scenario as sc
from widgets.seminar import roleplay as rp
from widgets.seminar import scenarios as s

ANSWERS = REPO_ROOT / "book" / "seminar" / "assignments" / "model_answers"
ASSIGNMENTS = REPO_ROOT / "book" / "seminar" / "assignments.md"


@pytest.fixture(scope="module")
def data() -> m.ExplorerData:
    return m.ExplorerData.load()


def defended() -> dict[str, str]:
    """File name -> package id, as the model defences on the page state them."""
    text = ASSIGNMENTS.read_text(encoding="utf-8")
    return dict(re.findall(r"\*\*\d\. `([a-z_]+\.json)`: (P\d),", text))


def test_three_model_answers_defend_three_different_packages():
    pairs = defended()
    assert len(pairs) >= 3 and len(set(pairs.values())) == len(pairs)
    assert {p.name for p in ANSWERS.glob("*.json")} == set(pairs)


@pytest.mark.parametrize("name", sorted(p.name for p in ANSWERS.glob("*.json")))
def test_each_model_answer_imports_and_puts_its_package_first(name, data):
    inputs = s.read_scenario(ANSWERS / name, data)
    evaluation = ev.evaluate(data, inputs)
    first = inputs.packages[evaluation.ranking(inputs.view_actor)[0]].name
    assert first.startswith(defended()[name] + " "), (name, first)


@pytest.mark.parametrize("name", sorted(p.name for p in ANSWERS.glob("*.json")))
def test_each_model_answer_keeps_the_shared_defaults(name):
    raw = json.loads((ANSWERS / name).read_text(encoding="utf-8"))
    assert {p["base_risk_pct"] for p in raw["packages"]} == {m.DEFAULT_BASE_RISK_PCT}
    assert {p["attain_pct"] for p in raw["packages"]} == {m.DEFAULT_ATTAIN_PCT}
    assert set(raw["feature_effect_pct"].values()) == {m.DEFAULT_FEATURE_EFFECT_PCT}
    # Every file compares the same packages, so no file is built to favour its own.
    names = sorted(p["name"] for p in raw["packages"])
    others = sorted(
        p["name"] for p in json.loads((ANSWERS / "door_open.json").read_text())["packages"]
    )
    assert names == others


def test_the_defences_state_the_estimates_they_use():
    text = ASSIGNMENTS.read_text(encoding="utf-8")
    block = text[text.index("three model defences") :]
    assert f"base risk\n{m.DEFAULT_BASE_RISK_PCT:g} %" in block or "base risk" in block
    assert f"{m.DEFAULT_BASE_RISK_PCT:g} %" in block and f"{m.DEFAULT_ATTAIN_PCT:g} %" in block


def test_role_play_packages_become_explorer_packages_by_their_text():
    game = rp.load_game()
    p2 = next(p for p in rp.caucus_packages(game) if p.package_id == "P2")
    package = s.explorer_package(p2.options, "P2")
    assert package.line.overrides == {s.DONETSK: 100.0}  # 1B: the rest of Donetsk
    assert package.arrangement == "framework_2a_3c_4c"
    assert package.features == ("monitors",)  # 3C: monitoring; 5A: no detailed annex
    p3 = s.explorer_package(("1C", "2B", "3A", "4B", "5B"), "P3")
    assert set(p3.features) == {"buffer_zone", "monitors", "detailed_agreement"}


def test_caucus_files_import_back_for_every_delegation_but_the_observer(tmp_path, data):
    paths = s.write_caucus_files(tmp_path, data)
    game = rp.load_game()
    expected = set(game.delegations.loc[~game.delegations["observer"], "delegation"])
    assert {p.stem.removeprefix("caucus_") for p in paths} == expected
    for path in paths:
        inputs = sc.import_json(data, path.read_text(encoding="utf-8"))
        assert len({(p.base_risk_pct, p.attain_pct) for p in inputs.packages}) == 1
        assert [p.name.split()[0] for p in inputs.packages] == ["P1", "P2", "P3"]


def test_a_bad_file_gets_a_message_naming_the_file(tmp_path, data):
    bad = json.loads((ANSWERS / "door_open.json").read_text(encoding="utf-8"))
    bad["packages"][0]["attain_pct"] = -5
    path = tmp_path / "student_x.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(sc.ScenarioError, match=r"student_x\.json: .*attain_pct"):
        s.read_scenario(path, data)
