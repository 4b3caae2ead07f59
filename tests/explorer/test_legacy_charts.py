"""Altair specs of the one-actor ceasefire explorer: the comparison chart and the tile map."""

from __future__ import annotations

import pytest

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
