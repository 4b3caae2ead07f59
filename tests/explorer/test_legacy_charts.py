"""Altair specs of the ceasefire explorer: the comparison chart, the tile map and the
static explorer whose bound controls recompute in the browser."""

from __future__ import annotations

import re

import altair as alt
import pytest
import vl_convert as vlc

from tests.explorer.test_legacy_model import tiny_data
from widgets.explorer import legacy_charts as c
from widgets.explorer import legacy_model as m


@pytest.fixture
def data() -> m.ExplorerData:
    return tiny_data()


def results(data, weights=None):
    a = m.preset_settlement(data, "line_a", "neutrality_guarantees", name="A")
    b = m.preset_settlement(data, "borders_1991", "frozen_conflict", name="B")
    return m.evaluate(data, [a, b], weights or m.DEFAULT_WEIGHTS)


def test_comparison_chart(data):
    res = results(data)
    chart = c.comparison_chart(res, m.DEFAULT_WEIGHTS)
    spec = chart.to_dict()  # validates against the Vega-Lite schema
    assert spec["description"].startswith("Horizontal stacked bars")
    assert spec["title"]
    rows = spec["datasets"]["contributions"]
    for r in res:
        total = sum(x["contribution"] for x in rows if x["settlement"] == r.settlement.name)
        assert total == pytest.approx(r.score)
    x_titles = [layer["encoding"]["x"].get("title") for layer in spec["layer"]]
    assert "Weighted score (0 = worst, 1 = best on every criterion)" in x_titles


def test_fast_spec_equals_chart(data):
    res = results(data)
    assert c.comparison_chart(res, m.DEFAULT_WEIGHTS).to_dict() == c.comparison_spec(
        res, m.DEFAULT_WEIGHTS
    )


def test_tile_map(data):
    s = m.preset_settlement(data, "line_a", "nato_path")
    spec = c.tile_map(data, s).to_dict()
    assert "Donetsk 50%" in spec["description"]
    tiles = spec["datasets"]["tiles"]
    assert {t["code"]: t["share"] for t in tiles} == m.validate_shares(data, s.shares)


def test_static_explorer_has_named_bound_controls(data):
    chart = c.static_explorer(
        data, {"A": ("line_a", "neutrality_guarantees"), "B": ("borders_1991", "nato_path")}
    )
    assert isinstance(chart, alt.VConcatChart)
    spec = chart.to_dict()
    assert spec["description"]
    bindings = c.param_names(chart)
    expected = (
        ["line_a", "line_b", "line_c", "arr_a", "arr_b", "arr_c", "effect"]
        + [f"w_{k}" for k in m.CRITERIA]
        + list(c.ARR_PARAM.values())
        + list(c.FEATURE_PARAM.values())
    )
    assert set(expected) <= set(bindings)
    for name, bind in bindings.items():
        assert bind.get("name", "").strip(), f"{name} has no visible label"
    assert bindings["w_territory"]["input"] == "range"
    assert bindings["line_a"]["input"] == "select"
    assert bindings["f_buffer"]["input"] == "checkbox"
    assert "1991 borders" in bindings["line_a"]["labels"]


def _labels(spec: dict) -> list[tuple[int, float]]:
    svg = vlc.vegalite_to_svg(spec)
    return [(int(r), float(s)) for r, s in re.findall(r"#(\d)  ([0-9.]+)", svg)]


def test_browser_score_matches_the_model(data):
    """Render the static explorer with Vega (vl-convert) and compare its scores."""
    weights = dict(m.DEFAULT_WEIGHTS) | {"territory": 3, "alignment": 1}
    est = m.Estimates(
        base_risk_pct={
            "neutrality_guarantees": 20.0,
            "nato_path": 50.0,
            "armed_neutrality": 40.0,
            "frozen_conflict": 70.0,
        }
    )
    setups = {
        "A": ("line_a", "neutrality_guarantees"),
        "B": ("borders_1991", "nato_path"),
        "C": ("line_a", "frozen_conflict"),
    }
    spec = c.static_explorer(data, setups, weights, est).to_dict()
    expected = m.evaluate(
        data,
        [m.preset_settlement(data, p, a, name=s) for s, (p, a) in setups.items()],
        weights,
        est,
    )
    shown = sorted(set(_labels(spec)))
    want = sorted({(r.rank, round(r.score, 2)) for r in expected})
    assert shown == want


def test_browser_applies_features_but_not_to_a_frozen_conflict(data):
    spec = c.static_explorer(
        data,
        {
            "A": ("line_a", "nato_path"),
            "B": ("line_a", "frozen_conflict"),
            "C": ("line_a", "nato_path"),
        },
    ).to_dict()
    for p in spec["params"]:
        if p["name"] == "f_monitors":
            p["value"] = True
        if p["name"] == "effect":
            p["value"] = 50
    svg = vlc.vegalite_to_svg(spec)
    assert "20.0%" in svg  # 40 % halved by monitors
    assert "40.0%" in svg  # the frozen conflict: no agreement, no effect


def test_browser_restates_every_risk_estimate_and_feature(data):
    """Every risk slider shows on the page, even for an arrangement no settlement uses."""
    spec = c.static_explorer(data, {s: ("line_a", "nato_path") for s in ("A", "B", "C")}).to_dict()
    for p in spec["params"]:
        if p["name"] == "risk_armed":
            p["value"] = 37
        if p["name"] == "f_buffer":
            p["value"] = True
        if p["name"] == "effect":
            p["value"] = 15
    svg = vlc.vegalite_to_svg(spec)
    assert "armed neutrality 37%" in svg
    assert "NATO path 40%" in svg
    assert (
        "Durability features checked: buffer (demilitarised) zone; each lowers the risk by 15%"
    ) in svg
