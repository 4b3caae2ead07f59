"""Scenario export/import: a round trip, and a clear message for every malformed file."""

from __future__ import annotations

import copy
import json

import pytest

from tests.explorer.test_legacy_model import tiny_data
from widgets.explorer import legacy_model as m
from widgets.explorer import legacy_scenario as sc


@pytest.fixture
def data() -> m.ExplorerData:
    return tiny_data()


def make_scenario(data) -> sc.Scenario:
    mine = m.custom_settlement(
        data,
        "line_a",
        {"UA-23": 10.5},
        "neutrality_guarantees",
        ["monitors", "buffer_zone"],
        asset_changes={"npp": False},
        name="My line",
    )
    other = m.preset_settlement(data, "borders_1991", "nato_path", name="1991 + NATO path")
    est = m.Estimates(
        base_risk_pct={
            "neutrality_guarantees": 30.0,
            "nato_path": 55.0,
            "armed_neutrality": 45.0,
            "frozen_conflict": 70.0,
        }
    )
    weights = dict(m.DEFAULT_WEIGHTS) | {"territory": 2.5, "alignment": 1.0}
    return sc.Scenario(mine, weights, est, (other,), note="Zaporizhzhia plant back; «ок».")


def test_round_trip(data):
    scenario = make_scenario(data)
    text = sc.export_json(scenario)
    parsed = json.loads(text)
    assert parsed["schema_version"] == sc.SCHEMA_VERSION
    assert parsed["kind"] == sc.KIND
    back = sc.import_json(text, data)
    assert back == scenario
    assert sc.export_json(back) == text  # deterministic


def test_round_trip_from_bytes(data):
    text = sc.export_json(make_scenario(data))
    assert sc.import_json(text.encode("utf-8"), data) == make_scenario(data)


def good(data) -> dict:
    return json.loads(sc.export_json(make_scenario(data)))


def mutate(data, change) -> str:
    obj = copy.deepcopy(good(data))
    change(obj)
    return json.dumps(obj)


def _set(path, value):
    def change(obj):
        target = obj
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _del(path):
    def change(obj):
        target = obj
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return change


CASES = [
    # malformed JSON
    ("raw", "{not json", "not valid JSON (line 1, column 2"),
    ("raw", "", "the scenario is empty"),
    ("raw", '{"a": NaN}', "NaN is not allowed"),
    # a foreign file
    ("raw", "[1, 2, 3]", "not a ceasefire-explorer scenario: the file holds a list"),
    ("raw", '{"name": "my notebook"}', "not a ceasefire-explorer scenario (no 'kind' field"),
    ("obj", _set(["kind"], "bargaining-scenario"), "kind 'bargaining-scenario'"),
    ("obj", _set(["schema_version"], 99), "schema_version 99 is not supported"),
    ("obj", _set(["schema_version"], "1"), "schema_version '1' is not supported"),
    # missing and extra fields
    ("obj", _del(["weights"]), "scenario: missing field(s) 'weights'"),
    ("obj", _set(["extra"], 1), "scenario: unexpected field(s) 'extra'"),
    ("obj", _del(["settlement", "arrangement"]), "settlement: missing field(s) 'arrangement'"),
    ("obj", _set(["settlement", "colour"], "red"), "settlement: unexpected field(s) 'colour'"),
    ("obj", _del(["settlement", "shares", "UA-14"]), "settlement.shares: missing unit(s) UA-14"),
    ("obj", _set(["settlement", "shares", "UA-99"], 1), "settlement.shares: unknown unit 'UA-99'"),
    ("obj", _del(["estimates", "horizon_years"]), "estimates: missing field(s) 'horizon_years'"),
    ("obj", _set(["weights", "beauty"], 1), "weights: unknown criterion 'beauty'"),
    ("obj", _del(["estimates", "base_risk_pct", "nato_path"]), "missing arrangement(s) nato_path"),
    # wrong types
    ("obj", _set(["note"], 5), "note: must be a string, got a number"),
    ("obj", _set(["settlement"], []), "settlement: must be a JSON object"),
    ("obj", _set(["settlement", "shares", "UA-14"], "50"), "settlement.shares.UA-14: must be a"),
    ("obj", _set(["settlement", "shares", "UA-14"], True), "settlement.shares.UA-14: must be a"),
    ("obj", _set(["settlement", "assets", "npp"], "yes"), "settlement.assets.npp: must be true"),
    ("obj", _set(["settlement", "features"], "monitors"), "settlement.features: must be a list"),
    ("obj", _set(["compared"], {}), "compared: must be a list"),
    ("obj", _set(["weights", "risk"], None), "weights.risk: must be a number, got null"),
    ("obj", _set(["estimates", "horizon_years"], 10.5), "horizon_years: must be a whole number"),
    # out of range and unknown values
    ("obj", _set(["settlement", "shares", "UA-14"], 140), "UA-14: must be between 0 and 100"),
    ("obj", _set(["settlement", "shares", "UA-14"], -0.5), "UA-14: must be between 0 and 100"),
    ("obj", _set(["settlement", "shares", "UA-14"], float("inf")), "Infinity is not allowed"),
    ("obj", _set(["weights", "territory"], -1), "weights.territory: must be between 0 and 10"),
    ("obj", _set(["weights"], {k: 0 for k in m.CRITERIA}), "all weights are zero"),
    ("obj", _set(["estimates", "base_risk_pct", "nato_path"], 101), "nato_path: must be between"),
    ("obj", _set(["estimates", "horizon_years"], 0), "horizon_years: must be between 1 and 100"),
    ("obj", _set(["settlement", "arrangement"], "alliance"), "unknown arrangement 'alliance'"),
    ("obj", _set(["settlement", "features"], ["moat"]), "features[0]: unknown feature 'moat'"),
    ("obj", _set(["settlement", "features"], ["monitors"] * 2), "a feature is listed twice"),
    ("obj", _set(["settlement", "base_preset"], "line_z"), "unknown preset 'line_z'"),
    ("obj", _set(["settlement", "name"], "  "), "settlement.name: must not be empty"),
    ("obj", _set(["note"], "x" * 2001), "note: longer than 2000 characters"),
    ("obj", _set(["compared", 0, "shares", "UA-43"], 200), "compared[0].shares.UA-43: must be"),
]


@pytest.mark.parametrize(("how", "change", "message"), CASES)
def test_malformed_files_give_clear_messages(data, how, change, message):
    text = change if how == "raw" else mutate(data, change)
    with pytest.raises(sc.ScenarioError) as info:
        sc.import_json(text, data)
    assert message in str(info.value)
    assert isinstance(info.value, ValueError)


def test_too_many_compared(data):
    obj = good(data)
    obj["compared"] = obj["compared"] * (sc.MAX_COMPARED + 1)
    with pytest.raises(sc.ScenarioError, match="at most 8 settlements"):
        sc.import_json(json.dumps(obj), data)


def test_not_text(data):
    with pytest.raises(sc.ScenarioError, match="expected JSON text"):
        sc.import_json(42, data)
    with pytest.raises(sc.ScenarioError, match="not UTF-8"):
        sc.import_json(b"\xff\xfe", data)


def test_huge_number_is_not_finite(data):
    text = json.dumps(good(data)).replace('"UA-14": 50.0', '"UA-14": 1e400', 1)
    with pytest.raises(sc.ScenarioError, match="UA-14: must be a finite number"):
        sc.import_json(text, data)
