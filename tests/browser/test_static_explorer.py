"""The static ceasefire explorer in a real browser (Debian chromium): map, own line, link,
file, parity with the Python model, bad input, keyboard, accessibility, layout.

The page under test is the fragment the chapter displays (``static.explorer_html``) in a
minimal page with the book's chart bundle (``static.standalone_page``), served on 127.0.0.1.
"""

from __future__ import annotations

import csv
import json
import random
import re
from pathlib import Path

import pytest

from tests.browser.harness import serve
from widgets.common.paths import DATA_DIR, REPO_ROOT
from widgets.explorer import actors, sensitivity, static
from widgets.explorer import model as m
from widgets.explorer import scenario as sc

pytestmark = pytest.mark.browser
SCREENSHOTS = REPO_ROOT / "_build" / "screenshots"
BLOCKING_IMPACTS = {"serious", "critical"}
CHART = ".ce-chart svg.marks"


@pytest.fixture(scope="module")
def data() -> m.ExplorerData:
    return m.ExplorerData.load()


@pytest.fixture(scope="module")
def explorer_url(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("static-explorer")
    static.write_standalone(folder, data)
    with serve(folder) as base:
        yield f"{base}/index.html"


@pytest.fixture
def explorer(open_page, explorer_url):
    """Open the page (optionally with a hash); returns (page, record)."""

    def _open(hash_: str = "", width: int = 1280):
        page, record = open_page(explorer_url + hash_)
        page.set_default_timeout(10_000)
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_selector(CHART)
        return page, record

    return _open


def exported(page) -> dict:
    return page.evaluate("document.querySelector('.ce-root').ceExplorer.exported()")


def error_text(page) -> str:
    box = page.locator(".ce-error")
    return box.inner_text() if box.is_visible() else ""


def read_csv(name: str) -> list[dict]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --------------------------------------------------------------------------- map


def test_map_draws_27_units_with_crimea_and_sevastopol_as_ukrainian_units(explorer):
    page, record = explorer()
    codes = page.eval_on_selector_all(".ce-unit", "els => els.map(e => e.dataset.code)")
    regions = {row["code"]: row["name_en"] for row in read_csv("regions.csv")}
    assert sorted(codes) == sorted(regions) and len(codes) == 27
    for code in ("UA-43", "UA-40"):
        label = page.get_attribute(f'.ce-unit[data-code="{code}"]', "aria-label")
        assert label.startswith(regions[code])
    # Sevastopol is drawn on the peninsula, inside Crimea's outline box.
    crimea = page.locator('.ce-unit[data-code="UA-43"]').bounding_box()
    sevastopol = page.locator('.ce-unit[data-code="UA-40"]').bounding_box()
    assert crimea["x"] <= sevastopol["x"] and crimea["y"] <= sevastopol["y"]
    assert sevastopol["x"] + sevastopol["width"] <= crimea["x"] + crimea["width"] + 1
    assert sevastopol["y"] + sevastopol["height"] <= crimea["y"] + crimea["height"] + 1
    # Nothing on the map is drawn or named as Russia; the credit names the licence.
    assert "russia" not in page.eval_on_selector(".ce-labels", "e => e.textContent").lower()
    assert "CC BY 4.0" in page.inner_text(".ce-credit")
    assert not record.external_requests and not record.page_errors


def territory_pct(page, package: int = 0) -> float:
    text = page.locator(f'.ce-indicators[data-package="{package}"] dd').first.inner_text()
    return float(text.split()[0])


def test_a_unit_changed_on_the_map_changes_territory_by_its_area(explorer, data):
    page, _ = explorer()
    areas = {row["code"]: float(row["area_km2"]) for row in read_csv("regions.csv")}
    preset = exported(page)["packages"][0]["preset"]
    shares = {
        row["code"]: float(row["russian_control_pct"])
        for row in read_csv("preset_shares.csv")
        if row["preset_id"] == preset
    }
    code = "UA-63"  # Kharkiv Oblast
    before = territory_pct(page)
    page.click(f'.ce-unit[data-code="{code}"]')
    page.fill(".ce-unit-editor input[type=number]", "100")
    page.press(".ce-unit-editor input[type=number]", "Enter")
    expected_drop = 100 * areas[code] * (100 - shares[code]) / 100 / sum(areas.values())
    assert territory_pct(page) == pytest.approx(before - expected_drop, abs=0.11)
    assert exported(page)["packages"][0]["overrides"] == {code: 100}
    assert "changed: Kharkiv" in page.inner_text(".ce-unit-editor .ce-provenance")


def test_the_map_works_with_the_keyboard_alone(explorer):
    page, _ = explorer()
    page.focus("#ceasefire-static-explorer-editing")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.dataset.code")
    assert focused  # the map is one tab stop
    page.keyboard.press("ArrowRight")
    moved = page.evaluate("document.activeElement.dataset.code")
    assert moved and moved != focused
    outline = page.evaluate(
        "getComputedStyle(document.activeElement).strokeWidth"
    )  # the focused unit is drawn thicker
    assert float(outline.replace("px", "")) >= 3
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.type") == "range"
    before = exported(page)["packages"][0]["overrides"].get(moved)
    page.keyboard.press("ArrowRight")
    after = exported(page)["packages"][0]["overrides"].get(moved)
    assert after is not None and after != before
    # Visible focus on an ordinary control too.
    page.keyboard.press("Tab")
    style = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert style != "none"


# --------------------------------------------------------------------------- link and file


def open_unit_table(page):
    if not page.eval_on_selector(".ce-table-box", "e => e.open"):
        page.locator(".ce-table-box summary").click()


def change_some_settings(page):
    page.fill('input[data-actor="russia"][data-criterion="peace"]', "4")
    page.press('input[data-actor="russia"][data-criterion="peace"]', "Enter")
    open_unit_table(page)
    page.fill('.ce-share[data-code="UA-14"]', "100")
    page.press('.ce-share[data-code="UA-14"]', "Enter")
    page.select_option("#ceasefire-static-explorer-p1-arr", "framework_2c_3a_4a")


def test_a_link_reproduces_the_view(explorer, open_page):
    page, _ = explorer()
    change_some_settings(page)
    state = exported(page)
    page.click(".ce-copy")  # writes the view into the address at once
    url = page.url
    assert "#ce=" in url
    table = page.inner_text(".ce-rank-table")
    again, record = open_page(url)
    again.wait_for_selector(CHART)
    assert exported(again) == state
    assert again.inner_text(".ce-rank-table") == table
    assert not error_text(again) and not record.page_errors


def test_a_downloaded_file_imports_in_python_with_the_same_scores(explorer, data):
    page, _ = explorer()
    change_some_settings(page)
    with page.expect_download() as info:
        page.click(".ce-download")
    text = Path(info.value.path()).read_text(encoding="utf-8")
    inputs = sc.import_json(data, text)
    evaluation = actors.evaluate(data, inputs)
    browser = page.evaluate("document.querySelector('.ce-root').ceExplorer.result")
    for actor in evaluation.actors:
        got = [row["V"] for row in browser["scores"][actor]["packages"]]
        assert got == pytest.approx(list(evaluation.value[actor]), abs=1e-12)
    assert json.loads(text) == sc.to_dict(data, inputs)  # the file is the canonical export
    # Uploaded again on a fresh view, the file restores the same view.
    state = exported(page)
    page.click("text=Back to the defaults")
    assert exported(page) != state
    page.set_input_files("#ceasefire-static-explorer-file", info.value.path())
    page.wait_for_function("document.querySelector('.ce-status').textContent.includes('Loaded')")
    assert exported(page) == state and not error_text(page)


# --------------------------------------------------------------------------- parity


def random_scenario(data: m.ExplorerData, rng: random.Random) -> dict:
    presets = list(data.presets)
    arrangements = list(data.arrangements)
    criteria = list(data.criteria)

    def line():
        codes = rng.sample(list(data.codes), rng.randint(0, 4))
        return {"preset": rng.choice(presets), "overrides": {c: rng.randint(0, 100) for c in codes}}

    weights = {}
    for actor in m.ACTORS:
        chosen = rng.sample(criteria, rng.randint(1, 6))
        weights[actor] = {c: float(rng.randint(-10, 10)) or 1.0 for c in chosen}
    packages = []
    for i in range(rng.randint(2, 6)):
        packages.append(
            {
                "name": f"Package {i + 1}",
                **line(),
                "arrangement": rng.choice(arrangements),
                "features": rng.sample(list(m.FEATURES), rng.randint(0, 3)),
                "base_risk_pct": rng.randint(0, 100),
                "attain_pct": rng.choice([0, 25, 50, 80, 100, rng.randint(1, 99)]),
            }
        )
    return {
        "format": sc.FORMAT,
        "version": sc.VERSION,
        "view_actor": rng.choice(list(m.ACTORS)),
        "chosen_actors": rng.sample(list(m.ACTORS), rng.randint(1, 4)),
        "feature_effect_pct": {f: rng.randint(0, 60) for f in m.FEATURES},
        "no_deal": line(),
        "packages": packages,
        "weights": weights,
    }


@pytest.mark.parametrize("seed", range(12))
def test_browser_and_python_models_agree(explorer_page_for_parity, data, seed):
    page = explorer_page_for_parity
    obj = random_scenario(data, random.Random(seed))
    inputs = sc.from_dict(data, json.loads(json.dumps(obj)))
    loaded = page.evaluate(
        "text => document.querySelector('.ce-root').ceExplorer.loadText(text)", json.dumps(obj)
    )
    assert loaded, error_text(page)
    got = page.evaluate("document.querySelector('.ce-root').ceExplorer.result")
    evaluation = actors.evaluate(data, inputs)
    for i, values in enumerate(evaluation.values):
        assert got["packages"][i]["values"] == pytest.approx(dict(values), abs=1e-12)
    assert sorted(got["scores"]) == sorted(evaluation.actors)
    for actor in evaluation.actors:
        rows = got["scores"][actor]["packages"]
        assert got["scores"][actor]["U_no_deal"] == pytest.approx(
            evaluation.no_deal_utility[actor], abs=1e-12
        )
        assert [r["U"] for r in rows] == pytest.approx(list(evaluation.utility[actor]), abs=1e-12)
        assert [r["V"] for r in rows] == pytest.approx(list(evaluation.value[actor]), abs=1e-12)
        assert [r["gain"] for r in rows] == pytest.approx(list(evaluation.gain[actor]), abs=1e-12)
        assert [r["acceptable"] for r in rows] == list(evaluation.acceptable[actor])
        assert [r["rank"] for r in rows] == list(evaluation.ranks[actor])
    assert got["zone"] == list(evaluation.zone)
    assert got["blockers"] == [list(evaluation.blockers[i]) for i in range(len(inputs.packages))]
    view = inputs.view_actor
    assert got["fragility"]["first"] == evaluation.ranking(view)[0]
    expected = sensitivity.fragility(evaluation, view)
    assert [r["criterion"] for r in got["fragility"]["rows"]] == [f.criterion for f in expected]
    for row, f in zip(got["fragility"]["rows"], expected, strict=True):
        for side in ("up", "down"):
            mine, theirs = row[side], getattr(f, side)
            assert (mine is None) == (theirs is None), (f.criterion, side, mine, theirs)
            if theirs is not None:
                assert mine["weight"] == pytest.approx(theirs.weight, abs=1e-9)
                assert mine["rival"] == theirs.new_leader


@pytest.fixture(scope="module")
def explorer_page_for_parity(browser, explorer_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(explorer_url)
    page.wait_for_selector(CHART)
    yield page
    context.close()


# --------------------------------------------------------------------------- bad input


BAD_INPUTS = [
    ("not json at all", "not valid JSON"),
    ('{"schema_version": 1, "kind": "ceasefire-explorer-scenario"}', "version-1 file"),
    ('{"format": "something-else", "version": 2}', "not a ceasefire scenario"),
]


def test_a_broken_link_shows_a_message_and_keeps_the_default_view(explorer):
    page, _ = explorer("#ce=%7B%22format%22%3A%20broken")
    assert "link does not hold a valid scenario" in error_text(page)
    clean, _ = explorer()
    assert exported(page) == exported(clean)


@pytest.mark.parametrize(("text", "message"), BAD_INPUTS)
def test_a_bad_pasted_or_uploaded_file_shows_a_message_and_changes_nothing(
    explorer, tmp_path, data, text, message
):
    page, _ = explorer()
    change_some_settings(page)
    state = exported(page)
    page.fill("#ceasefire-static-explorer-paste", text)
    page.click(".ce-load")
    assert message in error_text(page)
    assert exported(page) == state
    bad = tmp_path / "bad.json"
    bad.write_text(text, encoding="utf-8")
    page.set_input_files("#ceasefire-static-explorer-file", str(bad))
    page.wait_for_function("document.querySelector('.ce-error').textContent.includes('bad.json')")
    assert message in error_text(page)
    assert exported(page) == state


BAD_VALUES = [
    (lambda o: o["packages"][1].update(overrides={"UA-14": 140}), "packages[1].overrides.UA-14"),
    (lambda o: o["weights"]["ukraine"].update(territory=11), "weights.ukraine.territory"),
    (lambda o: o["packages"][0].update(arrangement="nato_path"), "packages[0].arrangement"),
    (lambda o: o.update(view_actor="china"), "view_actor"),
    (lambda o: o["feature_effect_pct"].pop("monitors"), "feature_effect_pct"),
    (lambda o: o["no_deal"].update(preset="no_such_line"), "no_deal.preset"),
]


@pytest.mark.parametrize(("spoil", "field"), BAD_VALUES)
def test_a_bad_value_in_a_good_file_names_the_field(explorer, data, spoil, field):
    page, _ = explorer()
    obj = sc.to_dict(data, m.default_inputs(data))
    spoil(obj)
    with pytest.raises(sc.ScenarioError, match=re.escape(field)):
        sc.from_dict(data, obj)  # the Python explorer refuses it too
    state = exported(page)
    page.evaluate(
        "text => document.querySelector('.ce-root').ceExplorer.loadText(text)", json.dumps(obj)
    )
    assert field in error_text(page)
    assert exported(page) == state
    # A broken link pasted on an open page is refused the same way.
    page.evaluate("location.hash = 'ce=%7Bnope'")
    page.wait_for_function("document.querySelector('.ce-error').textContent.includes('link')")
    assert exported(page) == state


def test_an_out_of_range_typed_value_is_refused_with_a_message(explorer):
    page, _ = explorer()
    state = exported(page)
    page.fill('input[data-actor="ukraine"][data-criterion="territory"]', "11")
    page.press('input[data-actor="ukraine"][data-criterion="territory"]', "Enter")
    assert "between -10 and 10" in error_text(page)
    assert exported(page) == state


# --------------------------------------------------------------------------- accessibility, layout


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_axe_finds_no_serious_or_critical_issue(explorer, theme):
    from axe_playwright_python.sync_playwright import Axe

    page, _ = explorer()
    page.evaluate(f"document.documentElement.setAttribute('data-theme', '{theme}')")
    page.wait_for_selector(CHART)
    open_unit_table(page)
    violations = Axe().run(page).response["violations"]
    blocking = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in violations
        if v["impact"] in BLOCKING_IMPACTS
    ]
    assert not blocking, "\n".join(blocking)


@pytest.mark.parametrize("width", [390, 1280])
def test_no_horizontal_overflow(explorer, width):
    page, _ = explorer(width=width)
    open_unit_table(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"static_explorer_{width}.png"), full_page=True)
    sizes = page.evaluate(
        "({scroll: document.documentElement.scrollWidth,"
        " client: document.documentElement.clientWidth,"
        " widest: Math.max(...[...document.querySelectorAll('.ce-root *')]"
        "   .filter(e => !e.closest('.ce-scroll'))"
        "   .map(e => e.getBoundingClientRect().right))})"
    )
    assert sizes["scroll"] <= sizes["client"], sizes
    assert sizes["widest"] <= sizes["client"] + 0.5, sizes
