"""The v2 model on a tiny data set (hand-computed), properties, and the book's defaults."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.explorer.fixtures import tiny_data, tiny_inputs
from widgets.common.validate import InputError
from widgets.explorer import actors, indicators, sensitivity
from widgets.explorer import model as m

# --------------------------------------------------------------------------- hand-computed


def test_line_indicators_by_hand():
    data = tiny_data()
    values = indicators.line_indicators(data, m.Line("b")).values
    # lost area 100 + 150 of 400; people 1000 + 1500 of 4000; GRP 60 + 20 of 100
    assert values["territory"] == pytest.approx(0.375)
    assert values["people"] == pytest.approx(0.375)
    assert values["economy"] == pytest.approx(0.2)
    # port one (weight 3) held at 100 >= 50; port two (weight 1) kept at 50 < 100
    assert values["ports"] == pytest.approx(0.25)
    # the plant is held at 50 >= 50; the destroyed dam is not counted at all
    assert values["assets"] == 0.0


def test_destroyed_asset_is_never_kept_or_lost():
    line = indicators.line_indicators(tiny_data(), m.Line("a"))
    assert "Dam" not in line.assets_kept + line.assets_lost
    assert line.destroyed == ("Dam",)


def test_overrides_change_the_line():
    data = tiny_data()
    values = indicators.line_indicators(data, m.Line("a", {"UA-02": 100.0})).values
    assert values["territory"] == pytest.approx(0.25)
    assert values["ports"] == pytest.approx(0.75)


def test_scores_zone_and_blockers_by_hand():
    data = tiny_data()
    e = actors.evaluate(data, tiny_inputs())
    # P: peace = 1 - 40 x (1 - 0.5)/100 = 0.8; Ukraine (2 x 0.375 + 0.8 - 1)/4
    assert e.utility["ukraine"][0] == pytest.approx(0.1375)
    assert e.no_deal_utility["ukraine"] == pytest.approx(0.5)
    assert e.value["ukraine"][0] == pytest.approx(0.5 * 0.1375 + 0.5 * 0.5)
    assert e.gain["ukraine"][0] == pytest.approx(0.31875 - 0.5)
    # Q: peace 0.6, attainability 1
    assert e.utility["ukraine"][1] == pytest.approx(0.65)
    assert e.utility["russia"][0] == pytest.approx((-0.375 + 0.8) / 2)
    assert e.no_deal_utility["russia"] == pytest.approx(-0.5)
    assert e.utility["russia"][1] == pytest.approx(-0.2)
    assert e.acceptable == {"ukraine": (False, True), "russia": (True, True)}
    assert e.zone == (1,)
    assert e.blockers[0] == ("ukraine",)
    assert e.ranking("ukraine") == [1, 0]
    assert e.actors == ("ukraine", "russia")  # the two unweighted actors are not scored


def test_empty_zone_names_the_blockers():
    inputs = tiny_inputs(packages=tiny_inputs().packages[:1])
    e = actors.evaluate(tiny_data(), inputs)
    assert e.zone == ()
    assert e.blockers == {0: ("ukraine",)}


def test_no_agreement_package_has_no_peace_and_no_features():
    data = tiny_data()
    p = m.Package("N", m.Line("a"), "no_agreement", ("monitors",))
    e = actors.evaluate(data, tiny_inputs(packages=(p,)))
    assert e.values[0]["peace"] == 0.0
    assert e.risks == (None,)
    assert not e.acceptable["ukraine"][0]  # exactly the no-deal case: not strictly better


def test_fragility_by_hand():
    e = actors.evaluate(tiny_data(), tiny_inputs())
    by = {f.criterion: f for f in sensitivity.fragility(e, "ukraine")}
    # t1: alpha_P = 1.775, beta_P = 0.5, alpha_Q = 2.6, beta_Q = 0 -> w* = 0.825 / 0.5
    assert by["t1"].up.weight == pytest.approx(1.65)
    assert by["t1"].up.new_leader == 0
    assert by["t1"].down is None
    # territory: alpha_P = -0.1, beta_P = 0.6875; alpha_Q = 0.6, beta_Q = 1 -> w* = -2.24
    assert by["territory"].down.weight == pytest.approx(-2.24)
    assert by["territory"].up is None


def test_fragility_points_really_change_first_place():
    data = tiny_data()
    base = tiny_inputs()
    for crit, w_star in (("t1", 1.65), ("territory", -2.24)):
        for delta, leader in ((-0.01, 1), (0.01, 0)) if crit == "t1" else ((0.01, 1), (-0.01, 0)):
            weights = {a: dict(r) for a, r in base.weights.items()}
            weights["ukraine"][crit] = w_star + delta
            e = actors.evaluate(data, dataclasses.replace(base, weights=weights))
            assert e.ranking("ukraine")[0] == leader, (crit, delta)


def test_all_zero_weights_name_the_actor():
    with pytest.raises(InputError, match="Russia"):
        tiny_inputs(weights={"ukraine": {"territory": 1}})
    with pytest.raises(InputError, match="all weights of Ukraine are 0"):
        actors.utility({"territory": 0.0}, {"territory": 1.0}, "ukraine")


# --------------------------------------------------------------------------- properties

weight = st.floats(-1, 1, allow_nan=False)
actor_weights = st.fixed_dictionaries(
    {c: weight for c in ("territory", "people", "economy", "ports", "assets", "peace", "t1")}
)
pct = st.floats(0, 100, allow_nan=False)
package = st.builds(
    lambda i, line, arr, risk, q, feats: m.Package(f"p{i}", m.Line(line), arr, feats, risk, q),
    st.integers(0, 999),
    st.sampled_from(["a", "b"]),
    st.sampled_from(["deal1", "deal0", "no_agreement"]),
    pct,
    pct,
    st.sampled_from([(), ("monitors",), ("buffer_zone", "monitors")]),
)


def _inputs(weights, packages, chosen=("ukraine", "russia")):
    named = tuple(dataclasses.replace(p, name=f"{p.name}-{i}") for i, p in enumerate(packages))
    return m.check_inputs(
        tiny_data(),
        m.Inputs(
            packages=named,
            no_deal=m.Line("b"),
            weights=weights,
            feature_effect_pct={f: 20 for f in m.FEATURES},
            chosen_actors=chosen,
            view_actor=chosen[0],
        ),
    )


def _nonzero(w):
    return any(abs(x) > 1e-6 for x in w.values())


@settings(max_examples=60, deadline=None)
@given(
    actor_weights.filter(_nonzero),
    actor_weights.filter(_nonzero),
    st.lists(package, min_size=1, max_size=8),
    st.floats(0.1, 10),
)
def test_scaling_an_actors_weights_changes_nothing(w_ukr, w_rus, packages, factor):
    data = tiny_data()
    one = actors.evaluate(data, _inputs({"ukraine": w_ukr, "russia": w_rus}, packages))
    scaled = {c: x * factor for c, x in w_ukr.items()}
    two = actors.evaluate(data, _inputs({"ukraine": scaled, "russia": w_rus}, packages))
    assert one.ranking("ukraine") == two.ranking("ukraine")
    assert one.acceptable["ukraine"] == two.acceptable["ukraine"]


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(st.sampled_from(list(m.ACTORS)), actor_weights.filter(_nonzero), min_size=2),
    st.lists(package, min_size=1, max_size=8),
    st.data(),
)
def test_zone_properties(weights, packages, draw):
    data = tiny_data()
    scored = list(weights)
    chosen = tuple(draw.draw(st.lists(st.sampled_from(scored), min_size=1, unique=True)))
    e = actors.evaluate(data, _inputs(weights, packages, chosen))
    for i in range(len(packages)):
        if all(e.acceptable[a][i] for a in chosen):
            assert i in e.zone
        else:
            assert i not in e.zone
    extra = [a for a in scored if a not in chosen]
    if extra:
        bigger = actors.evaluate(data, _inputs(weights, packages, (*chosen, extra[0])))
        assert set(bigger.zone) <= set(e.zone)


# --------------------------------------------------------------------------- the book's data


@pytest.fixture(scope="module")
def book_data() -> m.ExplorerData:
    return m.ExplorerData.load()


def test_defaults_are_the_same_for_every_package(book_data):
    inputs = m.default_inputs(book_data)
    assert len({(p.base_risk_pct, p.attain_pct, p.features) for p in inputs.packages}) == 1
    assert len(set(inputs.feature_effect_pct.values())) == 1
    assert inputs.packages[0].features == tuple(sorted(m.FEATURES))
    # one thing varies at a time: the same line, different arrangements
    assert len({(p.line.preset, tuple(p.line.overrides.items())) for p in inputs.packages}) == 1
    assert len({p.arrangement for p in inputs.packages}) == len(inputs.packages)
    for actor, row in inputs.weights.items():
        assert all(row[t] == 0 for t in book_data.terms), actor


def test_default_arrangements_tie_for_every_actor(book_data):
    """Packages that differ only in arrangement score the same under the default weights."""
    inputs = m.default_inputs(book_data)
    packages = tuple(m.default_package(f"p{i}", a) for i, a in enumerate(book_data.arrangements))[
        : m.MAX_PACKAGES
    ]
    e = actors.evaluate(book_data, dataclasses.replace(inputs, packages=packages))
    agreed = [i for i, p in enumerate(packages) if book_data.arrangements[p.arrangement].agreement]
    for actor in e.actors:
        scores = {round(e.value[actor][i], 12) for i in agreed}
        assert len(scores) == 1, actor


def test_arrangements_cover_every_option_of_articles_2_to_4(book_data):
    ids = set(book_data.arrangements)
    for x2 in "abc":
        for x3 in "abc":
            for x4 in "abc":
                assert f"framework_2{x2}_3{x3}_4{x4}" in ids
    assert not book_data.arrangements[m.NO_AGREEMENT].agreement


def test_book_assets_rule_matches_the_sourced_preset_status(book_data):
    from widgets import data as d

    status = d.load_preset_assets()
    by_id = {a.asset_id: a for a in book_data.assets}
    for row in status.to_dict("records"):
        shares = book_data.presets[row["preset_id"]].shares
        asset = by_id[row["asset_id"]]
        assert indicators.russian_held(asset, shares) == row["russian_control"], row


def test_mid_2024_line_matches_its_sourced_total(book_data):
    shares = book_data.presets["line_2024_mid"].shares
    lost = sum(u.area_km2 * shares[u.code] / 100 for u in book_data.units)
    assert lost == pytest.approx(107_956, abs=60)  # AFP/ISW, 30 July 2024 (rounded shares)
    assert shares["UA-14"] == 61.0


def test_destroyed_assets_and_port_weights(book_data):
    by_id = {a.asset_id: a for a in book_data.assets}
    assert by_id["kakhovka_dam"].destroyed and by_id["azovstal"].destroyed
    weights = {a.throughput_mt for a in book_data.assets if a.kind == "port"}
    assert len(weights) > 3  # ports no longer weigh the same


def test_fragility_reports_a_tie_as_fragile(book_data):
    e = actors.evaluate(book_data, m.default_inputs(book_data))
    fr = sensitivity.fragility(e, "ukraine")
    assert any(not f.robust for f in fr)
