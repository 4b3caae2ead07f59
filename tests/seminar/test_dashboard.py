"""The class dashboard reads a folder of good, broken and foreign scenario files."""

from __future__ import annotations

import json
import shutil

import pytest

from widgets.common.paths import REPO_ROOT
from widgets.explorer import model as m
from widgets.seminar import charts, dashboard

ANSWERS = REPO_ROOT / "book" / "seminar" / "assignments" / "model_answers"
V1_FILE = REPO_ROOT / "book" / "seminar" / "assignments" / "memo_template.ipynb"


@pytest.fixture(scope="module")
def data() -> m.ExplorerData:
    return m.ExplorerData.load()


@pytest.fixture()
def folder(tmp_path):
    for path in ANSWERS.glob("*.json"):
        shutil.copy(path, tmp_path / path.name)
    # One more student in a group, with no delegation: weights changed so that P3 comes first.
    raw = json.loads((ANSWERS / "door_open.json").read_text(encoding="utf-8"))
    raw["delegation"], raw["group"] = "", "seminar B"
    raw["weights"]["ukraine"]["nato_aim_kept"] = -3.5  # below the change point (about -2.9)
    (tmp_path / "group_b.json").write_text(json.dumps(raw), encoding="utf-8")
    (tmp_path / "cut_short.json").write_text('{"format": "neutrality-or-nato/ceasefire', "utf-8")
    (tmp_path / "notebook.ipynb").write_text(V1_FILE.read_text(encoding="utf-8"), "utf-8")
    (tmp_path / "latin1.json").write_bytes('{"title": "caf\xe9"}'.encode("latin-1"))
    v1 = {"schema_version": 1, "kind": "ceasefire-explorer-scenario"}
    (tmp_path / "old_explorer.json").write_text(json.dumps(v1), "utf-8")
    wrong = json.loads((ANSWERS / "donetsk.json").read_text(encoding="utf-8"))
    wrong["weights"]["united_states"]["peace"] = 11
    (tmp_path / "weight_11.json").write_text(json.dumps(wrong), "utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00")
    return tmp_path


def test_every_broken_or_foreign_file_is_listed_with_its_reason(folder, data):
    results = dashboard.read_class(folder, data)
    reasons = dict(zip(results.skipped["file"], results.skipped["reason"], strict=True))
    assert set(reasons) == {
        "cut_short.json",
        "notebook.ipynb",
        "latin1.json",
        "old_explorer.json",
        "weight_11.json",
    }
    assert "not valid JSON" in reasons["cut_short.json"]
    assert "not UTF-8" in reasons["latin1.json"]
    assert "version-1" in reasons["old_explorer.json"]
    assert "format" in reasons["notebook.ipynb"]
    assert "peace" in reasons["weight_11.json"]
    assert len(results.files) == 4  # nothing else is lost


def test_first_places_are_counted_by_delegation_or_group(folder, data):
    results = dashboard.read_class(folder, data)
    counts = {
        (row["first place"].split()[0], row["delegation or group"]): row["files"]
        for row in results.choices.to_dict("records")
    }
    assert counts == {
        ("P1", "ukraine"): 1,
        ("P3", "european_guarantors"): 1,
        ("P2", "united_states"): 1,
        ("P3", "seminar B"): 1,
    }
    assert results.choices["files"].sum() == len(results.files)


def test_packages_are_matched_by_content_not_by_name(folder, data):
    raw = json.loads((folder / "door_open.json").read_text(encoding="utf-8"))
    raw["packages"][0]["name"] = "my own name for P1"
    (folder / "renamed.json").write_text(json.dumps(raw), encoding="utf-8")
    results = dashboard.read_class(folder, data)
    first = results.files.set_index("file")["first place"]
    assert first["renamed.json"] == first["door_open.json"]


def test_every_weight_in_every_file_is_in_the_distribution(folder, data):
    results = dashboard.read_class(folder, data)
    for path in folder.glob("*.json"):
        if path.name in set(results.skipped["file"]):
            continue
        raw = json.loads(path.read_text(encoding="utf-8"))
        for actor, weights in raw["weights"].items():
            for criterion, weight in weights.items():
                rows = results.weights.query(
                    "file == @path.name and actor == @actor and criterion == @criterion"
                )
                assert rows["weight"].tolist() == [weight], (path.name, actor, criterion)
    summary = dashboard.weight_summary(results).set_index(["delegation or group", "actor"])
    kept = summary[summary["criterion"] == "nato_aim_kept"]
    assert kept.loc[("ukraine", "ukraine"), "max"] == 3.0  # door_open
    assert kept.loc[("seminar B", "ukraine"), "max"] == -3.5  # group_b


def test_fragility_is_reported_for_each_file(folder, data):
    results = dashboard.read_class(folder, data)
    assert set(results.fragility["file"]) == set(results.files["file"])
    door = results.files.set_index("file").loc["door_open.json"]
    assert door["distance"] is not None and 0 < door["distance"] < 10


def test_the_estimates_are_kept_per_package(folder, data):
    results = dashboard.read_class(folder, data)
    risks = results.estimates.dropna(subset=["base_risk_pct"])
    assert len(risks) == 3 * len(results.files)


def test_a_folder_that_does_not_exist_gets_a_message(tmp_path, data):
    with pytest.raises(dashboard.DashboardError, match="not a folder"):
        dashboard.read_class(tmp_path / "nowhere", data)


def test_an_empty_folder_gives_empty_tables_and_a_clear_chart_error(tmp_path, data):
    results = dashboard.read_class(tmp_path, data)
    assert results.files.empty and results.skipped.empty
    with pytest.raises(ValueError, match="nothing to chart"):
        charts.choices_chart(results.choices)


def test_the_charts_draw_the_class(folder, data):
    results = dashboard.read_class(folder, data)
    for chart in (
        charts.choices_chart(results.choices),
        charts.weights_chart(results.weights),
        charts.estimates_chart(results.estimates),
    ):
        assert chart.to_dict()["data"]
