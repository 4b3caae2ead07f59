"""The deterrence-credibility model (myth 2): hand-computed values and properties."""

from __future__ import annotations

import json
import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.deterrence.model import (
    MEMBER_CRITICS,
    MEMBER_ESSAY,
    PRESET_NOTE,
    PRESETS,
    CredibilityInputs,
    evaluate,
    explain,
    intervention_probability,
)

BASE = CredibilityInputs(
    defender_stakes=3.0,
    defender_cost=7.0,
    tripwire=0.0,
    local_denial=0.5,
    challenger_gain=10.0,
    attack_cost=2.0,
    punishment=6.0,
)

# --- hand-computed values ------------------------------------------------------------


def test_intervention_probability_by_hand():
    assert intervention_probability(3, 0, 7) == pytest.approx(0.3)
    assert intervention_probability(5, 2, 7) == pytest.approx(0.5)
    assert intervention_probability(0, 0, 5) == 0.0  # no stakes, no intervention
    assert intervention_probability(0, 0, 0) == 0.0
    assert intervention_probability(4, 0, 0) == 1.0  # costless and cared about


def test_evaluate_by_hand():
    # q = 0.3; success = 0.7 * 0.5 = 0.35; gain = 3.5; cost = 2 + 0.3 * 6 = 3.8.
    r = evaluate(BASE)
    assert r.intervention_probability == pytest.approx(0.3)
    assert r.success_probability == pytest.approx(0.35)
    assert r.expected_gain == pytest.approx(3.5)
    assert r.expected_cost == pytest.approx(3.8)
    assert r.net_payoff == pytest.approx(-0.3)
    assert r.deterred


def test_a_larger_prize_makes_the_attack_pay():
    # gain = 12 * 0.35 = 4.2 > 3.8
    r = evaluate(BASE.with_(challenger_gain=12.0))
    assert r.net_payoff == pytest.approx(0.4)
    assert not r.deterred


def test_a_tie_deters():
    # gain = G * 0.35 = 3.8 exactly when G = 3.8 / 0.35
    r = evaluate(BASE.with_(challenger_gain=3.8 / 0.35))
    assert r.net_payoff == pytest.approx(0.0, abs=1e-12)


def test_presets_are_labelled_illustrative_and_evaluate():
    assert "not estimates" in PRESET_NOTE
    assert set(PRESETS) == {
        MEMBER_CRITICS,
        MEMBER_ESSAY,
        "Ukraine with guarantees short of Article 5",
        "An existing ally such as Estonia",
    }
    member = evaluate(PRESETS[MEMBER_CRITICS])
    assert member.intervention_probability == pytest.approx(0.5)
    assert member.net_payoff == pytest.approx(-2.5)
    estonia = evaluate(PRESETS["An existing ally such as Estonia"])
    assert estonia.intervention_probability == pytest.approx(0.625)
    assert estonia.net_payoff == pytest.approx(1.2 - 6.0)


def test_explain_restates_the_numbers_and_disclaims():
    lines = explain(BASE)
    assert "probability 0.30" in lines[0]
    assert "deterred" in lines[3]
    assert "not a forecast" in lines[-1]
    assert "deterrence fails" in " ".join(explain(BASE.with_(challenger_gain=12.0)))


# --- bad input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"local_denial": 1.5}, r"local denial .* must be between 0 and 1, got 1\.5"),
        ({"local_denial": math.nan}, r"NaN"),
        ({"defender_stakes": -1.0}, r"stakes: must be 0 or more"),
        ({"defender_cost": math.inf}, r"finite"),
        ({"challenger_gain": math.nan}, r"gain .*NaN"),
        ({"punishment": -0.5}, r"0 or more"),
        ({"tripwire": "big"}, r"must be a number"),
    ],
)
def test_bad_input_raises_a_clear_value_error(change, message):
    with pytest.raises(ValueError, match=message):
        BASE.with_(**change)


def test_intervention_probability_validates_too():
    with pytest.raises(ValueError, match="0 or more"):
        intervention_probability(-1, 0, 1)


# --- properties --------------------------------------------------------------------------

nonneg = st.floats(0, 10, allow_nan=False)
prob = st.floats(0, 1, allow_nan=False)


@st.composite
def scenarios(draw):
    return CredibilityInputs(
        defender_stakes=draw(nonneg),
        defender_cost=draw(nonneg),
        tripwire=draw(nonneg),
        local_denial=draw(prob),
        challenger_gain=draw(nonneg),
        attack_cost=draw(nonneg),
        punishment=draw(nonneg),
    )


@settings(max_examples=300)
@given(scenarios(), st.floats(0, 5, allow_nan=False))
def test_intervention_probability_monotone_in_stakes_and_tripwire(i, extra):
    q = evaluate(i).intervention_probability
    assert 0 <= q <= 1
    assert (
        evaluate(i.with_(defender_stakes=i.defender_stakes + extra)).intervention_probability
        >= q - 1e-12
    )
    assert evaluate(i.with_(tripwire=i.tripwire + extra)).intervention_probability >= q - 1e-12
    assert (
        evaluate(i.with_(defender_cost=i.defender_cost + extra)).intervention_probability
        <= q + 1e-12
    )


@settings(max_examples=300)
@given(scenarios(), st.floats(0, 5, allow_nan=False), st.floats(0, 1, allow_nan=False))
def test_more_denial_or_credibility_never_makes_attack_more_attractive(i, extra, frac):
    net = evaluate(i).net_payoff
    denial = min(1.0, i.local_denial + frac * (1 - i.local_denial))
    assert evaluate(i.with_(local_denial=denial)).net_payoff <= net + 1e-9
    assert evaluate(i.with_(tripwire=i.tripwire + extra)).net_payoff <= net + 1e-9
    assert evaluate(i.with_(defender_stakes=i.defender_stakes + extra)).net_payoff <= net + 1e-9
    assert evaluate(i.with_(punishment=i.punishment + extra)).net_payoff <= net + 1e-9
    assert evaluate(i.with_(challenger_gain=i.challenger_gain + extra)).net_payoff >= net - 1e-9


@settings(max_examples=200)
@given(scenarios())
def test_full_local_denial_always_deters(i):
    assert evaluate(i.with_(local_denial=1.0)).deterred


# --- the browser chart computes the same numbers as the model -------------------------


def test_chart_labels_match_the_model():
    vl_convert = pytest.importorskip("vl_convert")
    from widgets.deterrence.charts import credibility_chart

    start = BASE.with_(challenger_gain=12.0, tripwire=1.0)
    svg = vl_convert.vegalite_to_svg(json.dumps(credibility_chart(start).to_dict()))
    labels = re.findall(r"<text[^>]*>((?:Deterred|Attack pays) +\(ally[^<]*)</text>", svg)
    expected = [*PRESETS.values(), start]
    assert len(labels) == len(expected)
    for label, inputs in zip(labels, expected, strict=True):
        r = evaluate(inputs)
        assert label.startswith("Deterred" if r.deterred else "Attack pays")
        shown = float(re.search(r"p = ([0-9.]+)", label).group(1))
        # d3 rounds half up, Python half to even: allow half a unit in the last place.
        assert abs(shown - r.intervention_probability) <= 0.005 + 1e-9
