"""Consensus and ratification arithmetic for admitting a new NATO member (pure model).

NATO invites a state by unanimous agreement (Article 10 of the North Atlantic Treaty):
one member whose position does not count as "yes" is enough to block an invitation.
After an invitation, every member ratifies the accession protocol by its own
procedure. This module only does that arithmetic; which stated positions count as a
"yes" is the student's choice, not the model's.

Inputs are plain mappings ``{member: position}`` with positions from
:data:`POSITIONS`; outputs are small frozen dataclasses. No pandas, Altair or widgets.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from widgets.common import validate

POSITIONS: tuple[str, ...] = (
    "supports_membership_now",
    "supports_eventual_membership",
    "opposes_or_blocks",
    "no_clear_position",
)

POSITION_LABELS: dict[str, str] = {
    "supports_membership_now": "Supports an invitation now",
    "supports_eventual_membership": "Supports membership later",
    "opposes_or_blocks": "Opposes or would block",
    "no_clear_position": "No clear position found",
}

# Ready-made choices of which positions count as a "yes" (the student can pick any set).
YES_RULES: dict[str, tuple[str, ...]] = {
    "strict": ("supports_membership_now",),
    "in_principle": ("supports_membership_now", "supports_eventual_membership"),
    "not_opposed": (
        "supports_membership_now",
        "supports_eventual_membership",
        "no_clear_position",
    ),
}

YES_RULE_LABELS: dict[str, str] = {
    "strict": "Only members that back an invitation now",
    "in_principle": "Members that back membership now or later",
    "not_opposed": "Every member that has not said no",
}


@dataclass(frozen=True)
class ConsensusResult:
    """Whether an invitation has consensus, and who stands in the way."""

    consensus: bool
    yes: tuple[str, ...]
    blockers: tuple[str, ...]
    n_members: int

    @property
    def n_yes(self) -> int:
        return len(self.yes)

    @property
    def n_blockers(self) -> int:
        return len(self.blockers)


@dataclass(frozen=True)
class RatificationResult:
    """What ratifying an accession protocol takes once an invitation is agreed."""

    n_ratifications: int
    referendums: tuple[str, ...]


def _check_position(member: str, position: str) -> None:
    validate.choice(position, f"the position of {member!r}", POSITIONS, "position")


def check_positions(positions: Mapping[str, str]) -> None:
    """Raise ValueError unless ``positions`` is a non-empty member -> known position map."""
    if not positions:
        raise ValueError("no members given: the alliance needs at least one member")
    for member, position in positions.items():
        validate.text(member, "a member's name", allow_empty=False)
        _check_position(member, position)


def check_yes_positions(yes_positions: Iterable[str]) -> frozenset[str]:
    """The set of positions counted as "yes"; ValueError if empty or unknown."""
    return validate.choices(yes_positions, "positions that count as yes", POSITIONS, "position")


def apply_flips(positions: Mapping[str, str], flips: Mapping[str, str] | None) -> dict[str, str]:
    """The positions after the student's what-ifs (``{member: new position}``)."""
    check_positions(positions)
    result = dict(positions)
    for member, position in (flips or {}).items():
        if member not in result:
            raise ValueError(f"cannot flip {member!r}: not a member in the data")
        _check_position(member, position)
        result[member] = position
    return result


def invitation_consensus(
    positions: Mapping[str, str],
    yes_positions: Iterable[str],
    flips: Mapping[str, str] | None = None,
) -> ConsensusResult:
    """Consensus on an invitation: every member's (flipped) position counts as yes.

    ``yes`` and ``blockers`` keep the order of ``positions``.
    """
    chosen = check_yes_positions(yes_positions)
    effective = apply_flips(positions, flips)
    yes = tuple(m for m, p in effective.items() if p in chosen)
    blockers = tuple(m for m, p in effective.items() if p not in chosen)
    return ConsensusResult(
        consensus=not blockers, yes=yes, blockers=blockers, n_members=len(effective)
    )


def ratification(members: Collection[str], referendums: Iterable[str] = ()) -> RatificationResult:
    """Ratifications an accession protocol needs: one per member, by its own procedure.

    ``referendums`` lists members whose procedure needs a referendum; pass only sourced
    cases (the module's data lists none).
    """
    members = list(members)
    if not members:
        raise ValueError("no members given: the alliance needs at least one member")
    if len(set(members)) != len(members):
        raise ValueError("a member is listed twice")
    referendums = tuple(referendums)
    unknown = [m for m in referendums if m not in members]
    if unknown:
        raise ValueError(f"referendum listed for a non-member: {unknown[0]!r}")
    return RatificationResult(n_ratifications=len(members), referendums=referendums)


def count_by_position(positions: Mapping[str, str]) -> dict[str, int]:
    """How many members hold each position (every position listed, zeros included)."""
    check_positions(positions)
    counts = dict.fromkeys(POSITIONS, 0)
    for position in positions.values():
        counts[position] += 1
    return counts


__all__ = [
    "POSITIONS",
    "POSITION_LABELS",
    "YES_RULES",
    "YES_RULE_LABELS",
    "ConsensusResult",
    "RatificationResult",
    "apply_flips",
    "check_positions",
    "check_yes_positions",
    "count_by_position",
    "invitation_consensus",
    "ratification",
]
