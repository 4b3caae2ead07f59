"""The ceasefire explorer's model against hand-computed values on a tiny made-up fixture,
plus properties (hypothesis) that must hold for any line and any weights."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.explorer import legacy_model as m

# --------------------------------------------------------------------------- the fixture
# Four units with round, made-up numbers (NOT real data), so every indicator can be
# computed by hand:
#   code   area  population  GRP %  coast
#   UA-14   100        1000     20  azov
#   UA-23   200         500     30  azov
#   UA-51   300        2000     50  black_sea
#   UA-43   400         500   (none) black_sea_and_azov
# totals: area 1000 km², population 4000, GRP of the units with data 100 %.

REGIONS = pd.DataFrame(
    {
        "code": ["UA-14", "UA-23", "UA-51", "UA-43"],
        "name_en": ["Donetsk Oblast", "Zaporizhzhia Oblast", "Odesa Oblast", "Crimea"],
        "name_uk": ["Донецька", "Запорізька", "Одеська", "Крим"],
        "unit_type": ["oblast", "oblast", "oblast", "autonomous_republic"],
        "area_km2": [100.0, 200.0, 300.0, 400.0],
        "population": [1000, 500, 2000, 500],
        "population_date": pd.to_datetime(["2022-01-01"] * 4),
        "gdp_share_pct": [20.0, 30.0, 50.0, float("nan")],
        "gdp_year": pd.array([2021, 2021, 2021, None], dtype="Int64"),
        "coast": ["azov", "azov", "black_sea", "black_sea_and_azov"],
        "grid_row": [0, 1, 1, 2],
        "grid_col": [2, 2, 0, 1],
    }
)
ASSETS = pd.DataFrame(
    {
        "asset_id": ["port_odesa", "port_mariupol", "port_sevastopol", "npp", "plant"],
        "name": ["Port of Odesa", "Port of Mariupol", "Port of Sevastopol", "NPP", "Plant"],
        "kind": ["port", "port", "port", "energy", "industry"],
        "code": ["UA-51", "UA-14", "UA-43", "UA-23", "UA-14"],
        "sea": ["black_sea", "azov", "black_sea", "none", "none"],
    }
)
PRESETS = pd.DataFrame(
    {
        "preset_id": ["line_a", "borders_1991"],
        "label": ["Line A", "1991 borders"],
        "description": ["made up", "made up"],
        "as_of": pd.to_datetime(["2024-06-01", "1991-12-01"]),
        "source": ["fixture", "fixture"],
    }
)
LINE_A = {"UA-14": 50.0, "UA-23": 25.0, "UA-51": 0.0, "UA-43": 100.0}
PRESET_SHARES = pd.DataFrame(
    [{"preset_id": "line_a", "code": c, "russian_control_pct": v} for c, v in LINE_A.items()]
    + [{"preset_id": "borders_1991", "code": c, "russian_control_pct": 0.0} for c in LINE_A]
)
LINE_A_ASSETS = {
    "port_odesa": False,
    "port_mariupol": True,
    "port_sevastopol": True,
    "npp": True,
    "plant": False,
}
PRESET_ASSETS = pd.DataFrame(
    [{"preset_id": "line_a", "asset_id": a, "russian_control": v} for a, v in LINE_A_ASSETS.items()]
    + [
        {"preset_id": "borders_1991", "asset_id": a, "russian_control": False}
        for a in LINE_A_ASSETS
    ]
)


def tiny_data() -> m.ExplorerData:
    return m.ExplorerData.from_frames(REGIONS, PRESETS, PRESET_SHARES, ASSETS, PRESET_ASSETS)


@pytest.fixture
def data() -> m.ExplorerData:
    return tiny_data()


def line_a(data, arrangement="neutrality_guarantees", features=()):
    return m.preset_settlement(data, "line_a", arrangement, features)


# --------------------------------------------------------------------------- indicators


def test_territory(data):
    ind = m.indicators(data, line_a(data), m.Estimates())
    # lost = 100*0.5 + 200*0.25 + 300*0 + 400*1 = 500 of 1000
    assert ind.total_area_km2 == 1000
    assert ind.lost_km2 == pytest.approx(500)
    assert ind.held_km2 == pytest.approx(500)
    assert ind.lost_pct == pytest.approx(50)
    assert ind.held_pct == pytest.approx(50)


def test_people(data):
    ind = m.indicators(data, line_a(data), m.Estimates())
    # 1000*0.5 + 500*0.25 + 2000*0 + 500*1 = 1125 of 4000
    assert ind.people_occupied == pytest.approx(1125)
    assert ind.people_occupied_pct == pytest.approx(28.125)
    assert ind.population_dates == ("2022-01-01",)


def test_economy_skips_units_without_data(data):
    ind = m.indicators(data, line_a(data), m.Estimates())
    # 20*0.5 + 30*0.25 + 50*0 = 17.5 points; Crimea has no GRP figure
    assert ind.gdp_occupied_pct == pytest.approx(17.5)
    assert ind.gdp_occupied_share_pct == pytest.approx(17.5)
    assert ind.units_without_gdp == ("UA-43",)
    assert ind.gdp_years == (2021,)


def test_sea_access_and_ports(data):
    ind = m.indicators(data, line_a(data), m.Estimates())
    assert ind.ports_kept == ("Port of Odesa",)
    assert ind.ports_lost == ("Port of Mariupol", "Port of Sevastopol")
    assert ind.black_sea_access is True
    assert ind.azov_access is False  # the only Azov port is lost
    assert ind.coast_units_held == ("Donetsk Oblast", "Zaporizhzhia Oblast", "Odesa Oblast")
    assert ind.coast_units_lost == ("Crimea",)


def test_assets(data):
    ind = m.indicators(data, line_a(data), m.Estimates())
    assert ind.assets_lost == ("NPP",)
    assert ind.assets_kept == ("Plant",)


def test_criterion_scores_by_hand(data):
    ind = m.indicators(data, line_a(data), m.Estimates())
    scores = m.criterion_scores(ind)
    assert scores == pytest.approx(
        {
            "territory": 0.5,
            "people": 1 - 0.28125,
            "economy": 1 - 0.175,
            "sea": 1 / 3,
            "assets": 0.5,
            "risk": 0.6,  # default placeholder 40 %
            "alignment": 0.0,  # neutrality: default placeholder 0
        }
    )


def test_1991_borders_score_one_on_line_criteria(data):
    s = m.preset_settlement(data, "borders_1991", "nato_path")
    scores = m.criterion_scores(m.indicators(data, s, m.Estimates()))
    for key in ("territory", "people", "economy", "sea", "assets", "alignment"):
        assert scores[key] == pytest.approx(1.0)


def test_risk_with_features():
    est = m.Estimates(
        base_risk_pct={k: 50.0 for k in m.ARRANGEMENTS},
        feature_effect_pct={
            "buffer_zone": 20.0,
            "monitors": 50.0,
            "third_party_guarantee": 0.0,
            "detailed_agreement": 10.0,
        },
    )
    # 50 * 0.8 * 0.5 = 20
    assert m.risk_of_renewed_war("nato_path", ["buffer_zone", "monitors"], est) == 20.0
    # 50 * 0.8 * 0.5 * 1.0 * 0.9 = 18
    assert m.risk_of_renewed_war("armed_neutrality", list(m.FEATURES), est) == pytest.approx(18)
    # a frozen conflict has no agreement: features do not apply
    assert m.risk_of_renewed_war("frozen_conflict", list(m.FEATURES), est) == 50.0


def test_weighted_score_by_hand():
    scores = {k: 0.0 for k in m.CRITERIA} | {"territory": 1.0, "risk": 0.5}
    weights = {"territory": 3, "risk": 1}
    # (3*1 + 1*0.5) / 4
    assert m.weighted_score(scores, weights) == pytest.approx(0.875)


def test_evaluate_ranks(data):
    a = line_a(data)
    b = m.preset_settlement(data, "borders_1991", "frozen_conflict", name="1991")
    results = m.evaluate(data, [a, b], {"territory": 1})
    assert [r.rank for r in results] == [2, 1]
    assert m.ranking(results) == ["1991", "Line A"]


def test_custom_settlement_assets_follow_line(data):
    s = m.custom_settlement(data, "line_a", {"UA-23": 0}, "neutrality_guarantees")
    assert s.shares["UA-23"] == 0
    assert s.assets["npp"] is False  # its unit is wholly Ukrainian now
    assert s.base_preset == m.CUSTOM
    s2 = m.custom_settlement(data, "line_a", {"UA-14": 100}, "nato_path")
    assert s2.assets["plant"] is True and s2.assets["port_mariupol"] is True
    s3 = m.custom_settlement(
        data, "line_a", {}, "nato_path", asset_changes={"npp": False}, name="x"
    )
    assert s3.assets["npp"] is False and s3.base_preset == m.CUSTOM
    unchanged = m.custom_settlement(data, "line_a", {}, "nato_path")
    assert unchanged.base_preset == "line_a"


# --------------------------------------------------------------------------- sensitivity


def test_flip_points_exact(data):
    # A: line_a + neutrality (risk 20 %), B: 1991 borders + frozen conflict (risk 80 %)
    est = m.Estimates(
        base_risk_pct={
            "neutrality_guarantees": 20.0,
            "nato_path": 40.0,
            "armed_neutrality": 40.0,
            "frozen_conflict": 80.0,
        }
    )
    a = line_a(data)
    b = m.preset_settlement(data, "borders_1991", "frozen_conflict", name="B")
    weights = {"territory": 1.0, "risk": 1.0}
    results = m.evaluate(data, [a, b], weights, est)
    # A: territory 0.5, risk 0.8 -> 0.65; B: territory 1, risk 0.2 -> 0.6
    assert results[0].score == pytest.approx(0.65)
    assert results[1].score == pytest.approx(0.60)
    flips = m.flip_points(results, weights)
    by_k = {f.criterion: f for f in flips}
    # territory weight t: (0.5 t + 0.8) = (t + 0.2) -> t = 1.2; above it B leads
    assert by_k["territory"].weight == pytest.approx(1.2)
    assert by_k["territory"].a == "Line A" and by_k["territory"].b == "B"
    # risk weight r: 0.5 + 0.8 r = 1 + 0.2 r -> r = 5/6; above it A leads
    assert by_k["risk"].weight == pytest.approx(5 / 6)
    assert by_k["risk"].a == "B" and by_k["risk"].b == "Line A"
    # check the flip against a direct evaluation on either side
    for f in flips:
        for delta, leader in ((-1e-6, f.a), (1e-6, f.b)):
            w = dict(weights) | {f.criterion: f.weight + delta}
            assert m.ranking(m.evaluate(data, [a, b], w, est))[0] == leader
    near = m.nearest_flips(flips)
    assert near["territory"].weight == pytest.approx(1.2)
    assert near["economy"] is not None  # economy: 0.825 vs 1 also flips within range


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("shares", "error", "text"),
    [
        ({"UA-14": 101}, m.ShareError, "between 0 and 100"),
        ({"UA-14": -1}, m.ShareError, "between 0 and 100"),
        ({"UA-14": float("nan")}, m.ShareError, "NaN"),
        ({"UA-14": "half"}, m.ShareError, "must be a number"),
        ({"UA-99": 10}, m.UnknownUnitError, "unknown unit 'UA-99'"),
    ],
)
def test_bad_shares(data, shares, error, text):
    with pytest.raises(error, match=text):
        m.custom_settlement(data, "line_a", shares, "nato_path")
    assert issubclass(error, ValueError)


def test_missing_share(data):
    with pytest.raises(m.ShareError, match="no share given"):
        m.validate_shares(data, {"UA-14": 1})


@pytest.mark.parametrize(
    ("weights", "error", "text"),
    [
        ({"territory": 0, "risk": 0}, m.WeightError, "all weights are zero"),
        ({}, m.WeightError, "all weights are zero"),
        ({"territory": -1, "risk": 2}, m.WeightError, "negative"),
        ({"territory": float("nan")}, m.WeightError, "NaN"),
        ({"territory": "1"}, m.WeightError, "must be a number"),
        ({"beauty": 1}, m.UnknownCriterionError, "unknown criterion"),
    ],
)
def test_bad_weights(weights, error, text):
    with pytest.raises(error, match=text):
        m.validate_weights(weights)


def test_unknown_preset_arrangement_feature(data):
    with pytest.raises(m.UnknownPresetError, match="unknown preset 'nope'"):
        m.preset_settlement(data, "nope", "nato_path")
    with pytest.raises(m.UnknownArrangementError, match="unknown arrangement 'alliance'"):
        m.preset_settlement(data, "line_a", "alliance")
    with pytest.raises(m.UnknownFeatureError, match="unknown durability feature"):
        m.preset_settlement(data, "line_a", "nato_path", ["moat"])
    for error in (
        m.UnknownPresetError,
        m.UnknownArrangementError,
        m.UnknownFeatureError,
        m.UnknownUnitError,
    ):
        assert issubclass(error, ValueError)


def test_bad_estimates():
    est = m.Estimates(base_risk_pct=dict(m.DEFAULT_BASE_RISK_PCT) | {"nato_path": 120})
    with pytest.raises(m.EstimateError, match="between 0 and 100"):
        m.validate_estimates(est)
    est = m.Estimates(feature_effect_pct={"buffer_zone": 10})
    with pytest.raises(m.EstimateError, match="no value for"):
        m.validate_estimates(est)


def test_nothing_to_compare(data):
    with pytest.raises(m.ExplorerError, match="nothing to compare"):
        m.evaluate(data, [], m.DEFAULT_WEIGHTS)


# --------------------------------------------------------------------------- properties

share = st.floats(min_value=0, max_value=100, allow_nan=False)
lines = st.fixed_dictionaries({c: share for c in LINE_A})
weight = st.floats(min_value=0, max_value=m.MAX_WEIGHT, allow_nan=False)
weight_sets = st.fixed_dictionaries({k: weight for k in m.CRITERIA}).filter(
    lambda w: sum(w.values()) > 1e-6
)
DATA = tiny_data()


@settings(max_examples=60, deadline=None)
@given(lines)
def test_shares_stay_in_range(shares):
    s = m.custom_settlement(DATA, "line_a", shares, "nato_path")
    assert all(0 <= v <= 100 for v in s.shares.values())
    ind = m.indicators(DATA, s, m.Estimates())
    assert 0 <= ind.lost_km2 <= ind.total_area_km2 + 1e-9
    assert 0 <= ind.people_occupied_pct <= 100 + 1e-9
    assert all(0 <= v <= 1 + 1e-12 for v in m.criterion_scores(ind).values())


@settings(max_examples=60, deadline=None)
@given(lines, st.sampled_from(list(LINE_A)), st.floats(min_value=0, max_value=1))
def test_returning_territory_never_lowers_territory_held(shares, code, fraction):
    before = m.custom_settlement(DATA, "line_a", shares, "nato_path")
    lowered = dict(shares) | {code: shares[code] * fraction}
    after = m.custom_settlement(DATA, "line_a", lowered, "nato_path")
    ind_before = m.indicators(DATA, before, m.Estimates())
    ind_after = m.indicators(DATA, after, m.Estimates())
    assert ind_after.held_km2 >= ind_before.held_km2 - 1e-9
    assert ind_after.people_occupied <= ind_before.people_occupied + 1e-9


@settings(max_examples=60, deadline=None)
@given(weight_sets, st.floats(min_value=0.01, max_value=1000))
def test_score_unchanged_when_weights_scaled(weights, factor):
    results = m.evaluate(DATA, [m.preset_settlement(DATA, "line_a", "nato_path")], weights)
    scaled = {k: v * factor for k, v in weights.items()}
    results2 = m.evaluate(DATA, [m.preset_settlement(DATA, "line_a", "nato_path")], scaled)
    assert math.isclose(results[0].score, results2[0].score, rel_tol=1e-9, abs_tol=1e-12)


@settings(max_examples=60, deadline=None)
@given(
    lines,
    weight_sets,
    st.sampled_from(list(m.ARRANGEMENTS)),
    st.sets(st.sampled_from(list(m.FEATURES))),
)
def test_score_in_unit_interval(shares, weights, arrangement, features):
    s = m.custom_settlement(DATA, "line_a", shares, arrangement, features)
    (result,) = m.evaluate(DATA, [s], weights)
    assert 0.0 <= result.score <= 1.0


# ------------------------------------------------------------ text helpers, real data


def test_text_tables(data):
    results = m.evaluate(
        data,
        [line_a(data), m.preset_settlement(data, "borders_1991", "nato_path", name="B")],
        {"territory": 1},
    )
    table = m.ranking_table(results)
    assert table.splitlines()[1].split() == ["1", "B", "1.000"]
    assert "Territory held (your weight 1): no change in order" in m.flips_table(
        m.flip_points(results, {"territory": 1}), {"territory": 1}
    )
    assert "territory lost: 500 km2 (50.0% of the 1991 total)" in m.indicator_table(results)
    assert (
        "pre-war output in occupied areas (even spread): 17.5% of the regional output with data"
        "; no figure for UA-43"
    ) in m.indicator_table(results)


def test_setups_give_features_to_every_agreement_and_none_to_a_frozen_conflict():
    data = m.ExplorerData.load()
    setups = m.comparison_setups(data)
    assert setups[0].name.startswith("Essay")
    assert setups[0].arrangement == "neutrality_guarantees"
    for s in setups:
        if s.arrangement in m.NO_AGREEMENT:
            assert not s.features
        else:
            assert s.features == frozenset(m.FEATURES)


def test_real_data_loads_with_the_presets_the_chapter_uses():
    data = m.ExplorerData.load()
    assert len(data.units) == 27
    for preset_id in ("line_2024_mid", "line_latest", "line_2022_02_23", "borders_1991"):
        assert preset_id in data.presets
    (result,) = m.evaluate(
        data, [m.preset_settlement(data, "borders_1991", "nato_path")], m.DEFAULT_WEIGHTS
    )
    assert result.indicators.lost_km2 == 0
    assert result.indicators.black_sea_access and result.indicators.azov_access
