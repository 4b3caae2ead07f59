"""A tiny data set whose every number can be worked out by hand."""

from __future__ import annotations

from widgets.explorer import model as m


def tiny_data() -> m.ExplorerData:
    units = (
        m.Unit("UA-01", "One", area_km2=100, population=1000, gdp_share_pct=60),
        m.Unit("UA-02", "Two", area_km2=300, population=3000, gdp_share_pct=40),
    )
    assets = (
        m.Asset("p1", "Port one", "port", "UA-01", 50, throughput_mt=3, destroyed=False),
        m.Asset("p2", "Port two", "port", "UA-02", 100, throughput_mt=1, destroyed=False),
        m.Asset("x", "Plant", "energy", "UA-02", 50, throughput_mt=None, destroyed=False),
        m.Asset(
            "gone", "Dam", "water", "UA-01", 50, None, destroyed=True, status_date="2023-06-06"
        ),
    )
    presets = {
        "a": m.Preset("a", "Line a", "2024-01-01", "", {"UA-01": 0.0, "UA-02": 0.0}),
        "b": m.Preset("b", "Line b", "2024-01-01", "", {"UA-01": 100.0, "UA-02": 50.0}),
    }
    arrangements = {
        "no_agreement": m.Arrangement("no_agreement", "No agreement", False, {"t1": 0.0}),
        "deal1": m.Arrangement("deal1", "Deal with term", True, {"t1": 1.0}),
        "deal0": m.Arrangement("deal0", "Deal without term", True, {"t1": 0.0}),
    }
    return m.ExplorerData(units, assets, presets, arrangements, ("t1",), {"t1": "Term one"})


def tiny_inputs(**changes) -> m.Inputs:
    packages = (
        m.Package("P", m.Line("b"), "deal1", ("monitors",), base_risk_pct=40, attain_pct=50),
        m.Package("Q", m.Line("a"), "deal0", (), base_risk_pct=40, attain_pct=100),
    )
    fields = dict(
        packages=packages,
        no_deal=m.Line("a"),
        weights={
            "ukraine": {"territory": 2, "peace": 1, "t1": -1},
            "russia": {"territory": -1, "peace": 1},
        },
        feature_effect_pct={"buffer_zone": 10, "monitors": 50, "detailed_agreement": 10},
        view_actor="ukraine",
        chosen_actors=("ukraine", "russia"),
    )
    fields.update(changes)
    return m.check_inputs(tiny_data(), m.Inputs(**fields))
