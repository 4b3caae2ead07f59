"""The challenger's status quo: the essay's mechanism next to its critics' view."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.deterrence.model import (
    MEMBER_CRITICS,
    MEMBER_ESSAY,
    PRESETS,
    CredibilityInputs,
    evaluate,
    explain,
)


def test_member_presets_differ_only_in_the_status_quo():
    critics, essay = PRESETS[MEMBER_CRITICS], PRESETS[MEMBER_ESSAY]
    assert critics.with_(status_quo=essay.status_quo) == essay
    assert critics.status_quo == 0.0 and essay.status_quo < 0


def test_an_intolerable_status_quo_turns_deterrence_into_attack():
    # q = 7/14 = 0.5; gain 10 * 0.5 * 0.5 = 2.5; cost 2 + 0.5 * 6 = 5; net -2.5.
    # Critics: -2.5 - 0 <= 0, deterred. Essay: -2.5 - (-3) = +0.5 > 0, the attack pays.
    critics, essay = evaluate(PRESETS[MEMBER_CRITICS]), evaluate(PRESETS[MEMBER_ESSAY])
    assert critics.net_payoff == essay.net_payoff == pytest.approx(-2.5)
    assert critics.deterred and critics.advantage == pytest.approx(-2.5)
    assert not essay.deterred and essay.advantage == pytest.approx(0.5)


def test_status_quo_equal_to_net_payoff_is_a_tie_that_deters():
    member = PRESETS[MEMBER_CRITICS]
    assert evaluate(member.with_(status_quo=-2.5)).deterred


def test_other_presets_keep_a_bearable_status_quo():
    for name in ("Ukraine with guarantees short of Article 5", "An existing ally such as Estonia"):
        assert PRESETS[name].status_quo == 0.0


def test_explain_names_the_status_quo_when_it_matters():
    text = " ".join(explain(PRESETS[MEMBER_ESSAY]))
    assert "status quo" in text and "advantage 0.50" in text
    assert "status quo" not in " ".join(explain(PRESETS[MEMBER_CRITICS]))


@settings(max_examples=200, deadline=None)
@given(st.floats(-10, 5), st.floats(0, 5))
def test_a_worse_status_quo_never_makes_deterrence_easier(status_quo, worse_by):
    base = PRESETS[MEMBER_CRITICS].with_(status_quo=status_quo)
    worse = base.with_(status_quo=status_quo - worse_by)
    assert evaluate(worse).advantage >= evaluate(base).advantage - 1e-9


def test_only_the_status_quo_may_be_negative():
    CredibilityInputs(1, 1, 0, 0.5, 10, 2, 6, status_quo=-4)  # accepted
    with pytest.raises(ValueError, match="tripwire .* must be 0 or more"):
        CredibilityInputs(1, 1, -1, 0.5, 10, 2, 6)
    with pytest.raises(ValueError, match=r"status quo.*\(NaN\)"):
        CredibilityInputs(1, 1, 0, 0.5, 10, 2, 6, status_quo=float("nan"))
