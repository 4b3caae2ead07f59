"""The static explorer's payload and HTML (the browser side is tested in tests/browser)."""

from __future__ import annotations

import csv
import json
import re

import pytest

from widgets.common.paths import DATA_DIR
from widgets.explorer import model as m
from widgets.explorer import scenario as sc
from widgets.explorer import static


@pytest.fixture(scope="module")
def data() -> m.ExplorerData:
    return m.ExplorerData.load()


@pytest.fixture(scope="module")
def payload(data) -> dict:
    return static.payload(data)


def test_every_unit_has_an_outline_and_crimea_and_sevastopol_are_ukrainian_units(payload):
    with (DATA_DIR / "regions.csv").open(encoding="utf-8") as handle:
        regions = {row["code"]: row for row in csv.DictReader(handle)}
    units = {u["code"]: u for u in payload["units"]}
    assert set(units) == set(regions) and len(units) == 27
    for code, unit in units.items():
        assert unit["svg_path"].startswith("M") and unit["svg_path"].endswith("Z")
        assert unit["area_km2"] == float(regions[code]["area_km2"])
    assert units["UA-43"]["name"] == "Autonomous Republic of Crimea"
    assert units["UA-40"]["name"] == "Sevastopol"
    assert sorted(payload["map_order"]) == sorted(units)


def test_map_data_are_credited_with_their_licence():
    descriptor = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in descriptor["resources"] if r["name"] == "map_units")
    assert resource["licenses"][0]["name"] == "CC-BY-4.0"
    assert "MapSVG" in resource["description"] and "Sevastopol" in resource["description"]
    assert any("mapsvg.com" in s["path"] for s in resource["sources"])
    assert "CC BY 4.0" in static.explorer_html(element_id="x")


def test_the_default_scenario_imports_in_the_python_explorer(data, payload):
    inputs = sc.from_dict(data, payload["default_scenario"])
    assert sc.to_dict(data, inputs) == payload["default_scenario"]


def test_defaults_favour_no_package(data, payload):
    packages = payload["default_scenario"]["packages"]
    for key in ("features", "base_risk_pct", "attain_pct"):
        assert len({json.dumps(p[key]) for p in packages}) == 1, key
    weights = payload["default_scenario"]["weights"]
    terms = set(data.terms)
    assert not any(c in terms for row in weights.values() for c in row)
    effects = payload["default_scenario"]["feature_effect_pct"]
    assert len(set(effects.values())) == 1
    # The page adds one line to the Python default, so that lines are seen to differ.
    assert len({p["preset"] for p in packages}) == 2


def test_every_number_the_browser_needs_comes_from_the_model_data(data, payload):
    presets = {p["id"]: p for p in payload["presets"]}
    for preset_id, preset in data.presets.items():
        for code in data.codes:
            assert presets[preset_id]["shares"][code] == preset.shares.get(code, 0.0)
    ports = [a for a in payload["assets"] if a["kind"] == "port"]
    by_id = {a.asset_id: a for a in data.assets}
    for port in ports:
        assert port["weight"] == (by_id[port["id"]].throughput_mt or 0.0)
    assert [c["id"] for c in payload["criteria"]] == list(data.criteria)


def test_the_fragment_loads_nothing_from_the_network_and_cannot_end_its_scripts_early(data):
    page = static.explorer_html(data, element_id="ce-test")
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", page)
    json_part = page.split('type="application/json" id="ce-test-data">', 1)[1]
    json_part = json_part.split("</script>", 1)[0]
    assert "<" not in json_part
    assert json.loads(json_part)["units"]


def test_the_chapter_draws_the_page_afresh():
    """The chapter's static-explorer cell stores no output: the book executes it when it
    builds, so the page a reader sees is always what static.show() draws now."""
    from widgets.common.paths import REPO_ROOT

    notebook = REPO_ROOT / "book" / "alternative" / "ceasefire_explorer.ipynb"
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    (cell,) = [c for c in cells if "static.show()" in "".join(c["source"])]
    assert cell["outputs"] == []
    assert "nbval-check-output" not in cell["metadata"].get("tags", [])
