"""The consensus model against hand-computed cases, and its properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.nato.model import (
    POSITIONS,
    YES_RULES,
    apply_flips,
    count_by_position,
    invitation_consensus,
    ratification,
)

NOW, LATER, NO, UNCLEAR = POSITIONS

THREE = {"A": NOW, "B": LATER, "C": NO}


def test_strict_rule_counts_only_now():
    result = invitation_consensus(THREE, YES_RULES["strict"])
    assert result.yes == ("A",)
    assert result.blockers == ("B", "C")
    assert not result.consensus
    assert (result.n_yes, result.n_blockers, result.n_members) == (1, 2, 3)


def test_in_principle_rule_leaves_the_opponent_blocking():
    result = invitation_consensus(THREE, YES_RULES["in_principle"])
    assert result.blockers == ("C",)
    assert not result.consensus


def test_flipping_the_only_opponent_gives_consensus():
    result = invitation_consensus(THREE, YES_RULES["in_principle"], flips={"C": LATER})
    assert result.consensus
    assert result.blockers == ()
    assert result.yes == ("A", "B", "C")


def test_not_opposed_rule_counts_unclear_members_as_yes():
    positions = {"A": UNCLEAR, "B": LATER}
    assert invitation_consensus(positions, YES_RULES["not_opposed"]).consensus
    assert not invitation_consensus(positions, YES_RULES["in_principle"]).consensus


def test_flips_do_not_change_the_input():
    before = dict(THREE)
    apply_flips(THREE, {"A": NO})
    assert THREE == before


def test_count_by_position_lists_every_position():
    assert count_by_position(THREE) == {NOW: 1, LATER: 1, NO: 1, UNCLEAR: 0}


def test_ratification_needs_one_per_member():
    result = ratification(["A", "B", "C"])
    assert result.n_ratifications == 3
    assert result.referendums == ()
    assert ratification(["A", "B"], referendums=["B"]).referendums == ("B",)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: invitation_consensus(THREE, []), "at least one position"),
        (lambda: invitation_consensus(THREE, ["maybe"]), "unknown position 'maybe'"),
        (lambda: invitation_consensus({}, [NOW]), "no members"),
        (
            lambda: invitation_consensus({"A": "yes"}, [NOW]),
            "position of 'A': unknown position 'yes'",
        ),
        (lambda: invitation_consensus(THREE, [NOW], {"Z": NOW}), "cannot flip 'Z'"),
        (lambda: invitation_consensus(THREE, [NOW], {"A": "x"}), "unknown position 'x'"),
        (lambda: ratification([]), "no members"),
        (lambda: ratification(["A", "A"]), "listed twice"),
        (lambda: ratification(["A"], referendums=["B"]), "non-member"),
    ],
)
def test_bad_input_raises_a_clear_message(call, message):
    with pytest.raises(ValueError, match=message):
        call()


members = st.dictionaries(
    st.text(alphabet="ABCDEFGHIJ", min_size=1, max_size=3),
    st.sampled_from(POSITIONS),
    min_size=1,
    max_size=12,
)
yes_sets = st.sets(st.sampled_from(POSITIONS), min_size=1)


@given(members, yes_sets)
def test_consensus_iff_no_blocker(positions, yes):
    result = invitation_consensus(positions, yes)
    assert result.consensus == (result.n_blockers == 0)
    assert result.n_yes + result.n_blockers == result.n_members == len(positions)
    assert set(result.yes).isdisjoint(result.blockers)


@given(members, yes_sets, st.data())
def test_flipping_a_blocker_to_yes_never_reduces_the_yes_count(positions, yes, data):
    before = invitation_consensus(positions, yes)
    if not before.blockers:
        return
    blocker = data.draw(st.sampled_from(before.blockers))
    new_position = data.draw(st.sampled_from(sorted(yes)))
    after = invitation_consensus(positions, yes, flips={blocker: new_position})
    assert after.n_yes >= before.n_yes
    assert after.n_yes == before.n_yes + 1
    assert blocker in after.yes


@given(members, yes_sets, yes_sets)
def test_widening_the_yes_set_never_adds_blockers(positions, yes, extra):
    narrow = invitation_consensus(positions, yes)
    wide = invitation_consensus(positions, yes | extra)
    assert set(wide.blockers) <= set(narrow.blockers)
    # Exactly the members whose position the wider set adds stop blocking.
    added = (yes | extra) - yes
    assert set(narrow.blockers) - set(wide.blockers) == {
        m for m in narrow.blockers if positions[m] in added
    }


@given(members)
def test_counting_every_position_as_yes_gives_consensus(positions):
    assert invitation_consensus(positions, set(POSITIONS)).consensus
