"""The bargaining model of war (myth 1): hand-computed values and properties."""

from __future__ import annotations

import json
import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.bargaining.model import (
    BargainingInputs,
    Interval,
    analyse,
    bargaining_range,
    deal_in_range,
    explain,
)

# --- hand-computed values -------------------------------------------------------


def test_basic_range_is_p_minus_russian_cost_to_p_plus_ukrainian_cost():
    # x = Russia's share: Russia accepts x >= 0.4 - 0.1, Ukraine accepts x <= 0.4 + 0.15.
    r = bargaining_range(BargainingInputs(p=0.4, cost_russia=0.1, cost_ukraine=0.15))
    assert r == Interval(0.3, 0.55)
    assert r.width == pytest.approx(0.25)


def test_range_is_clipped_to_the_issue_space():
    r = bargaining_range(BargainingInputs(p=0.95, cost_russia=0.2, cost_ukraine=0.3))
    assert r == Interval(0.75, 1.0)
    r = bargaining_range(BargainingInputs(p=0.05, cost_russia=0.2, cost_ukraine=0.1))
    assert r == Interval(0.0, 0.15)


def test_zero_costs_leave_only_p():
    assert bargaining_range(BargainingInputs(0.6, 0.0, 0.0)) == Interval(0.6, 0.6)


def test_deal_inside_and_outside():
    i = BargainingInputs(p=0.4, cost_russia=0.1, cost_ukraine=0.15)
    assert deal_in_range(i, 0.5)
    assert deal_in_range(i, 0.3)  # the bound itself is acceptable
    assert not deal_in_range(i, 0.2)  # Russia refuses
    assert not deal_in_range(i, 0.6)  # Ukraine refuses


def test_neutrality_shifts_both_bounds_down():
    # Russia values neutrality at 0.2 (accepts 0.2 less territory); Ukraine loses 0.1.
    i = BargainingInputs(
        0.4, 0.1, 0.15, neutrality=True, value_neutrality_russia=0.2, value_neutrality_ukraine=0.1
    )
    assert bargaining_range(i) == Interval(0.1, 0.45)


def test_neutrality_values_are_ignored_without_neutrality():
    i = BargainingInputs(
        0.4, 0.1, 0.15, neutrality=False, value_neutrality_russia=0.2, value_neutrality_ukraine=0.1
    )
    assert bargaining_range(i) == Interval(0.3, 0.55)


def test_indivisible_alignment_issue_empties_the_range():
    # Ukraine counts neutrality as a loss of 0.7: even the whole territory (x = 0) cannot
    # compensate, since 0.4 + 0.15 - 0.7 < 0.
    i = BargainingInputs(0.4, 0.1, 0.15, neutrality=True, value_neutrality_ukraine=0.7)
    assert bargaining_range(i) is None
    assert any("indivisible" in line for line in explain(i))


def test_commitment_problem_small_shift_narrows_the_range():
    # Today [0.3, 0.55]; after a shift of -0.1 the range is [0.2, 0.45]; overlap [0.3, 0.45].
    result = analyse(BargainingInputs(0.4, 0.1, 0.15, shift=-0.1), deal=0.5)
    assert result.today == Interval(0.3, 0.55)
    assert result.after_shift == Interval(0.2, 0.45)
    assert result.self_enforcing == Interval(0.3, 0.45)
    assert result.deal_inside is False


def test_commitment_problem_large_shift_empties_the_range():
    # |shift| = 0.3 > c_R + c_U = 0.25: no deal survives.
    i = BargainingInputs(0.4, 0.1, 0.15, shift=-0.3)
    assert bargaining_range(i) is None
    assert not deal_in_range(i, 0.4)
    text = " ".join(explain(i, 0.4))
    assert "commitment problem" in text
    assert "against Russia" in text


def test_shift_towards_russia_is_ukraines_problem():
    text = " ".join(explain(BargainingInputs(0.4, 0.1, 0.15, shift=0.3)))
    assert "towards Russia" in text and "commitment problem" in text


def test_explanations_say_it_is_not_a_forecast():
    assert "not a forecast" in explain(BargainingInputs(0.5, 0.1, 0.1))[-1]


# --- bad input ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"p": 1.2, "cost_russia": 0.1, "cost_ukraine": 0.1}, r"between 0 and 1, got 1\.2"),
        ({"p": -0.1, "cost_russia": 0.1, "cost_ukraine": 0.1}, r"between 0 and 1"),
        ({"p": math.nan, "cost_russia": 0.1, "cost_ukraine": 0.1}, r"NaN"),
        ({"p": 0.5, "cost_russia": -0.1, "cost_ukraine": 0.1}, r"cost_russia .* 0 or more"),
        ({"p": 0.5, "cost_russia": 0.1, "cost_ukraine": math.nan}, r"cost_ukraine .*NaN"),
        ({"p": 0.5, "cost_russia": math.inf, "cost_ukraine": 0.1}, r"finite"),
        ({"p": 0.9, "cost_russia": 0.1, "cost_ukraine": 0.1, "shift": 0.2}, r"p \+ shift"),
        ({"p": 0.5, "cost_russia": 0.1, "cost_ukraine": 0.1, "shift": math.nan}, r"NaN"),
        ({"p": "0.5", "cost_russia": 0.1, "cost_ukraine": 0.1}, r"must be a number"),
        (
            {"p": 0.5, "cost_russia": 0.1, "cost_ukraine": 0.1, "value_neutrality_russia": -1},
            r"0 or more",
        ),
    ],
)
def test_bad_input_raises_a_clear_value_error(kwargs, message):
    with pytest.raises(ValueError, match=message):
        BargainingInputs(**kwargs)


@pytest.mark.parametrize("deal", [-0.1, 1.01, math.nan])
def test_bad_deal_raises(deal):
    with pytest.raises(ValueError, match="deal"):
        deal_in_range(BargainingInputs(0.5, 0.1, 0.1), deal)


# --- properties ---------------------------------------------------------------------

unit = st.floats(0, 1, allow_nan=False)
cost = st.floats(0, 0.5, allow_nan=False)
BOOLEANS = st.booleans()


@st.composite
def inputs(draw, neutrality=BOOLEANS):
    p = draw(unit)
    shift = draw(st.floats(-p, 1 - p, allow_nan=False))
    return BargainingInputs(
        p=p,
        cost_russia=draw(cost),
        cost_ukraine=draw(cost),
        shift=shift,
        neutrality=draw(neutrality),
        value_neutrality_russia=draw(cost),
        value_neutrality_ukraine=draw(cost),
    )


def _contains(outer: Interval | None, inner: Interval | None) -> bool:
    if inner is None:
        return True
    return outer is not None and outer.low <= inner.low + 1e-9 and inner.high <= outer.high + 1e-9


@settings(max_examples=300)
@given(inputs(), cost, st.sampled_from(["cost_russia", "cost_ukraine"]))
def test_raising_either_cost_never_narrows_the_range(i, extra, which):
    raised = BargainingInputs(**{**vars(i), which: getattr(i, which) + extra})
    assert _contains(bargaining_range(raised), bargaining_range(i))


@settings(max_examples=300)
@given(inputs(neutrality=st.just(False)))
def test_without_neutrality_empty_iff_shift_exceeds_total_cost(i):
    # Fearon's logic: with a divisible issue, only a power shift larger than the
    # combined costs of war leaves no self-enforcing deal.
    empty = bargaining_range(i) is None
    margin = abs(i.shift) - (i.cost_russia + i.cost_ukraine)
    if abs(margin) > 1e-9:
        assert empty == (margin > 0)


def _both_prefer_the_deal(i: BargainingInputs, x: float, p: float, tol: float = 1e-9) -> bool:
    """Straight from the payoffs, not from the model's interval arithmetic: Russia gets x
    (plus w_R if neutrality is in the deal) against p - c_R from war; Ukraine gets 1 - x
    (minus w_U) against 1 - p - c_U."""
    wr = i.value_neutrality_russia if i.neutrality else 0.0
    wu = i.value_neutrality_ukraine if i.neutrality else 0.0
    russia = x + wr >= p - i.cost_russia - tol
    ukraine = 1 - x - wu >= 1 - p - i.cost_ukraine - tol
    return russia and ukraine


def _self_enforcing(i: BargainingInputs, x: float, tol: float = 1e-9) -> bool:
    return all(_both_prefer_the_deal(i, x, p, tol) for p in (i.p, i.p + i.shift))


GRID = [k / 2000 for k in range(2001)]


@settings(max_examples=300)
@given(inputs())
def test_the_range_is_exactly_the_deals_both_sides_prefer_in_both_periods(i):
    r = bargaining_range(i)
    if r is None:
        # No deal on a fine grid of 0..1 is acceptable (with a margin for the grid's step).
        assert not any(_self_enforcing(i, x, tol=-1e-6) for x in GRID)
        return
    for x in (r.low, (r.low + r.high) / 2, r.high):
        assert _self_enforcing(i, x)
    # Just outside the range (within 0..1), one side prefers war.
    if r.low > 1e-6:
        assert not _self_enforcing(i, r.low - 1e-6, tol=0)
    if r.high < 1 - 1e-6:
        assert not _self_enforcing(i, r.high + 1e-6, tol=0)


@settings(max_examples=200)
@given(unit, cost, cost)
def test_without_shift_or_neutrality_a_deal_always_exists_and_contains_p(p, c_r, c_u):
    r = bargaining_range(BargainingInputs(p, c_r, c_u))
    assert r is not None and r.contains(p)
    assert 0 <= r.low <= r.high <= 1


@settings(max_examples=200)
@given(inputs(), unit)
def test_deal_in_range_agrees_with_analyse(i, deal):
    result = analyse(i, deal)
    assert result.deal_inside == deal_in_range(i, deal)
    assert _contains(result.today, result.self_enforcing)
    assert _contains(result.after_shift, result.self_enforcing)


# --- the browser chart computes the same range as the model -------------------------


@pytest.mark.parametrize(
    "defaults",
    [
        {},
        {"p": 0.6, "cost_russia": 0.05, "cost_ukraine": 0.2, "shift": -0.1, "deal": 0.62},
        {"shift": -0.3},
        {
            "neutrality": True,
            "value_neutrality_russia": 0.2,
            "value_neutrality_ukraine": 0.1,
            "deal": 0.2,
        },
    ],
)
def test_chart_status_line_matches_the_model(defaults):
    vl_convert = pytest.importorskip("vl_convert")
    from widgets.bargaining.charts import bargaining_chart
    from widgets.bargaining.model import DEFAULTS

    d = {**DEFAULTS, **defaults}
    deal = d.pop("deal")
    svg = vl_convert.vegalite_to_svg(json.dumps(bargaining_chart(defaults).to_dict()))
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    status = [t for t in texts if t.startswith(("Deals that survive", "No deal survives"))]
    assert len(status) == 1
    r = bargaining_range(BargainingInputs(**d))
    if r is None:
        assert status[0].startswith("No deal survives")
    else:
        assert f"give Russia {r.low:.2f} to {r.high:.2f}" in status[0]
        assert status[0].endswith("is inside." if r.contains(deal) else "is outside.")


def test_format_range():
    from widgets.bargaining.model import format_range

    assert format_range(Interval(0.3, 0.55)) == "0.30 to 0.55"
    assert format_range(None).startswith("empty")
