"""Extensions of the bargaining model: the neutrality conditions, Moscow's belief in
accession, the link to the myth 2 credibility model, and private information.

Expected values are computed by hand in the comments."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from widgets.bargaining.model import (
    BargainingInputs,
    Interval,
    accession_shift,
    bargaining_range,
    explain,
    screening_offer,
)
from widgets.deterrence.model import MEMBER_CRITICS, PRESETS, evaluate

unit = st.floats(0, 1, allow_nan=False)
cost = st.floats(0, 0.5, allow_nan=False)


def _neutral(p, c_r, c_u, w_r, w_u, **extra):
    return BargainingInputs(
        p,
        c_r,
        c_u,
        neutrality=True,
        value_neutrality_russia=w_r,
        value_neutrality_ukraine=w_u,
        **extra,
    )


# --- when neutrality empties the range ---------------------------------------------


def test_range_empties_when_ukraines_net_loss_exceeds_both_costs():
    # [0.4 - 0.1 - 0, 0.4 + 0.15 - 0.3] = [0.30, 0.25]: empty, although w_U = 0.3 is far
    # below p + c_U = 0.55 (the old, merely sufficient condition does not hold).
    assert bargaining_range(_neutral(0.4, 0.1, 0.15, 0.0, 0.3)) is None


def test_net_loss_equal_to_both_costs_leaves_one_deal():
    # w_U - w_R = 0.35 - 0.1 = 0.25 = c_R + c_U: [0.4 - 0.1 - 0.1, 0.4 + 0.15 - 0.35] = [0.2, 0.2].
    assert bargaining_range(_neutral(0.4, 0.1, 0.15, 0.1, 0.35)) == Interval(0.2, 0.2)


def test_range_also_empties_when_no_territory_can_compensate_ukraine():
    # w_U - w_R = -0.1 < c_R + c_U, but the upper end p + c_U - w_U = 0.1 + 0.05 - 0.2 = -0.05
    # lies below 0: Ukraine would need more than all the territory.
    assert bargaining_range(_neutral(0.1, 0.1, 0.05, 0.3, 0.2)) is None


@settings(max_examples=300, deadline=None)
@given(unit, cost, cost, cost, cost)
def test_neutrality_range_is_empty_exactly_under_the_two_conditions(p, c_r, c_u, w_r, w_u):
    interior_gap = (w_u - w_r) - (c_r + c_u)
    upper_end = p + c_u - w_u
    assume(abs(interior_gap) > 1e-6 and abs(upper_end) > 1e-6)
    empty = bargaining_range(_neutral(p, c_r, c_u, w_r, w_u)) is None
    assert empty == (interior_gap > 0 or upper_end < 0)


# --- Moscow's belief that accession will happen ---------------------------------


def test_zero_belief_removes_the_feared_shift():
    no_shift = bargaining_range(BargainingInputs(0.4, 0.1, 0.15))
    doubted = bargaining_range(BargainingInputs(0.4, 0.1, 0.15, shift=-0.3, accession_belief=0))
    assert doubted == no_shift == Interval(0.3, 0.55)


def test_half_belief_halves_the_shift():
    # Expected shift 0.5 * -0.3 = -0.15. Today [0.30, 0.55]; after [0.15, 0.40]; both [0.30, 0.40].
    r = bargaining_range(BargainingInputs(0.4, 0.1, 0.15, shift=-0.3, accession_belief=0.5))
    assert r == Interval(0.3, 0.4)


def test_belief_threshold_for_preventive_war():
    # With |shift| = 0.3 and c_R + c_U = 0.25, no deal survives once b * 0.3 > 0.25, b > 5/6.
    below = BargainingInputs(0.4, 0.1, 0.15, shift=-0.3, accession_belief=0.8)
    above = BargainingInputs(0.4, 0.1, 0.15, shift=-0.3, accession_belief=0.85)
    assert bargaining_range(below) is not None
    assert bargaining_range(above) is None


@settings(max_examples=300, deadline=None)
@given(st.floats(0.3, 0.7), cost, cost, st.floats(-0.3, 0.3), unit)
def test_range_survives_exactly_while_the_expected_shift_fits_the_costs(p, c_r, c_u, shift, b):
    # p in 0.3..0.7 and costs up to 0.5 could reach the 0..1 bounds, so keep them inside.
    assume(p - c_r > 0 and p + c_u < 1 and p - c_r + b * shift > 0 and p + c_u + b * shift < 1)
    gap = abs(b * shift) - (c_r + c_u)
    assume(abs(gap) > 1e-6)
    inputs = BargainingInputs(p, c_r, c_u, shift=shift, accession_belief=b)
    assert (bargaining_range(inputs) is None) == (gap > 0)


def test_belief_is_reported_in_the_readout():
    text = " ".join(explain(BargainingInputs(0.4, 0.1, 0.15, shift=-0.3, accession_belief=0.5)))
    assert "probability of 0.50" in text and "expected shift is -0.15" in text


@pytest.mark.parametrize("belief", [1.5, -0.1, float("nan")])
def test_bad_belief_is_a_clear_message(belief):
    with pytest.raises(ValueError, match="accession_belief"):
        BargainingInputs(0.4, 0.1, 0.15, shift=-0.3, accession_belief=belief)


# --- the link to myth 2 ----------------------------------------------------------


def test_accession_shift_is_minus_p_times_intervention_probability():
    # p = 0.4, q = 0.5: a renewed attack fails half the time, 0.4 -> 0.2, shift -0.2.
    assert accession_shift(0.4, 0.5) == pytest.approx(-0.2)
    assert accession_shift(0.4, 0.0) == 0.0


def test_credibility_from_myth_2_feeds_the_commitment_problem():
    # Member preset: q = (5 + 2) / (5 + 2 + 7) = 0.5, so shift = -0.4 * 0.5 = -0.2.
    q = evaluate(PRESETS[MEMBER_CRITICS]).intervention_probability
    assert q == pytest.approx(0.5)
    shift = accession_shift(0.4, q)
    # |shift| 0.2 <= c_R + c_U = 0.25: today [0.30, 0.55], after [0.10, 0.35], both [0.30, 0.35].
    r = bargaining_range(BargainingInputs(0.4, 0.1, 0.15, shift=shift))
    assert r == Interval(0.3, 0.35)


def test_accession_shift_rejects_bad_probabilities():
    with pytest.raises(ValueError, match="probability that allies intervene"):
        accession_shift(0.4, 1.2)


# --- private information -----------------------------------------------------------


def test_screening_offer_takes_the_risk_when_tough_types_are_likely():
    # Generous offer 0.5 - 0.05 = 0.45: Ukraine keeps 0.55. Tough offer 0.5 - 0.3 = 0.2:
    # 0.8 * 0.8 + 0.2 * (1 - 0.5 - 0.1) = 0.64 + 0.08 = 0.72 > 0.55.
    r = screening_offer(0.5, 0.1, 0.05, 0.3, 0.8)
    assert r.offer == pytest.approx(0.2)
    assert r.war_probability == pytest.approx(0.2)
    assert r.ukraine_expected_value == pytest.approx(0.72)
    assert r.generous_value == pytest.approx(0.55)


def test_screening_offer_is_generous_when_tough_types_are_rare():
    # Tough: 0.2 * 0.8 + 0.8 * 0.4 = 0.48 < 0.55: offer 0.45, no war.
    r = screening_offer(0.5, 0.1, 0.05, 0.3, 0.2)
    assert r.offer == pytest.approx(0.45)
    assert r.war_probability == 0.0
    assert r.tough_value == pytest.approx(0.48)


@settings(max_examples=200, deadline=None)
@given(st.floats(0.5, 1), cost, st.floats(0, 0.2), st.floats(0.2, 0.5), unit)
def test_risk_is_taken_exactly_when_the_fearon_condition_holds(p, c_u, c_low, c_high, prob):
    # Tough beats generous iff prob * c_high - (1 - prob) * c_U > c_low.
    margin = prob * c_high - (1 - prob) * c_u - c_low
    assume(abs(margin) > 1e-9)
    r = screening_offer(p, c_u, c_low, c_high, prob)
    assert (r.accepted_by == "high-cost type only") == (margin > 0)


def test_screening_offer_rejects_inconsistent_costs():
    with pytest.raises(ValueError, match="must not exceed"):
        screening_offer(0.5, 0.1, 0.3, 0.05, 0.5)
