"""Scenario files, version 2: round trip, and a clear message naming the field for bad values."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from tests.explorer.fixtures import tiny_data, tiny_inputs
from widgets.explorer import model as m
from widgets.explorer import scenario as sc

REPO = Path(__file__).resolve().parents[2]


def good() -> dict:
    return sc.to_dict(tiny_data(), tiny_inputs(title="t", group="g", delegation="russia"))


def test_round_trip():
    data = tiny_data()
    inputs = tiny_inputs(title="Überprüfung ✓", group="seminar 3", delegation="ukraine")
    assert sc.import_json(data, sc.export_json(data, inputs)) == inputs


def test_missing_weights_are_zero_and_optional_fields_may_be_absent():
    obj = good()
    for key in ("title", "delegation", "group"):
        del obj[key]
    del obj["packages"][0]["overrides"]
    inputs = sc.from_dict(tiny_data(), obj)
    assert inputs.weights["united_states"]["territory"] == 0.0
    assert inputs.title == ""


def test_a_name_too_long_to_import_cannot_be_exported_either():
    data = tiny_data()
    long_name = tiny_inputs().packages[0].__class__("x" * 160, m.Line("a"), "deal0")
    with pytest.raises(sc.ScenarioError, match=r"packages\[0\]\.name: .*160 characters"):
        sc.export_json(data, m.Inputs(**{**tiny_inputs().__dict__, "packages": (long_name,)}))


BAD = [
    (
        ("packages", 0, "base_risk_pct"),
        -5,
        r"packages\[0\]\.base_risk_pct: must be between 0 and 100",
    ),
    (("packages", 0, "attain_pct"), float("nan"), r"packages\[0\]\.attain_pct: is not a number"),
    (("packages", 1, "attain_pct"), "50", r"packages\[1\]\.attain_pct: must be a number"),
    (("packages", 0, "preset"), "nowhere", r"packages\[0\]\.preset: unknown preset 'nowhere'"),
    (
        ("packages", 0, "arrangement"),
        "nato_path",
        r"packages\[0\]\.arrangement: unknown arrangement",
    ),
    (("packages", 0, "features"), ["third_party_guarantee"], r"features\[0\]: unknown feature"),
    (
        ("packages", 0, "overrides"),
        {"UA-99": 5},
        r"packages\[0\]\.overrides \(unit\): unknown unit",
    ),
    (("packages", 0, "overrides"), {"UA-01": 140}, r"overrides\.UA-01: must be between 0 and 100"),
    (("packages", 0, "name"), "   ", r"packages\[0\]\.name: must not be empty"),
    (("weights", "ukraine", "territory"), 11, r"weights\.ukraine\.territory: must be between -10"),
    (("weights", "ukraine", "alignment"), 1, r"weights\.ukraine \(criterion\): unknown criterion"),
    (("weights", "china"), {"peace": 1}, r"weights \(actor\): unknown actor 'china'"),
    (("view_actor",), "united_states", r"view_actor: all weights of United States are 0"),
    (("chosen_actors",), [], r"chosen_actors: must hold 1 to 4 items"),
    (("chosen_actors",), ["ukraine", "ukraine"], r"chosen_actors: an actor is listed twice"),
    (("feature_effect_pct", "monitors"), 101, r"feature_effect_pct\.monitors: must be between"),
    (("no_deal", "preset"), 3, r"no_deal\.preset: unknown preset"),
    (("title",), "x" * 121, r"title: is 121 characters long; at most 120"),
    (("group",), "x" * 61, r"group: is 61 characters long; at most 60"),
    (("delegation",), "mediator", r"delegation: unknown actor 'mediator'"),
    (("packages",), [], r"packages: must hold 1 to 8 items"),
    (("surprise",), 1, r"scenario: unexpected field\(s\) surprise"),
]


@pytest.mark.parametrize(("path", "value", "message"), BAD)
def test_bad_values_name_the_field(path, value, message):
    obj = copy.deepcopy(good())
    target = obj
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(sc.ScenarioError, match=message):
        sc.from_dict(tiny_data(), obj)


def test_nine_packages_are_too_many():
    obj = good()
    obj["packages"] = [dict(obj["packages"][0], name=f"p{i}") for i in range(9)]
    with pytest.raises(sc.ScenarioError, match=r"packages: must hold 1 to 8 items, got 9"):
        sc.from_dict(tiny_data(), obj)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "file: empty"),
        ("{", "file: not valid JSON"),
        ('{"a": NaN}', "NaN is not allowed"),
        ("[1, 2]", "file: holds a list"),
        ('{"format": "something-else", "version": 2}', "format: not a ceasefire scenario"),
        (json.dumps({**good(), "version": 3}), "version: 3 is not supported"),
        (b"\xff\xfe", "file: not UTF-8"),
    ],
)
def test_files_that_are_not_scenarios(text, message):
    with pytest.raises(sc.ScenarioError, match=message):
        sc.import_json(tiny_data(), text)


def test_version_1_files_are_rejected_saying_what_changed():
    text = (
        REPO / "widgets/explorer/../../book/seminar/assignments/example_scenario.json"
    ).read_text()
    with pytest.raises(sc.ScenarioError, match="version-1 file") as info:
        sc.import_json(m.ExplorerData.load(), text)
    assert "four actors" in str(info.value) and "third_party_guarantee" in str(info.value)
