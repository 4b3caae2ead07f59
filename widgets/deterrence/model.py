"""A simple expected-value deterrence model, for myth 2 (credibility of a guarantee).

Numbers in, numbers out: no UI, no charts.

A challenger decides whether to attack a target that an ally (the defender) has
promised, more or less firmly, to help.

Defender
    ``defender_stakes`` S (0 or more): how much the defender cares about the target.
    ``tripwire`` T (0 or more): stakes added by the defender's own forces deployed
    in the target (their lives, the alliance's reputation).
    ``defender_cost`` C (0 or more): the cost the defender expects if it intervenes,
    including the risk of escalation.
    The probability that the defender intervenes is ``q = (S + T) / (S + T + C)``
    (0 when S + T = 0): it rises with stakes and tripwire and falls with cost.

Challenger
    ``challenger_gain`` G: the value of a successful attack.
    ``local_denial`` d (0..1): the probability that the target's own forces defeat
    the attack without outside help (deterrence by denial).
    ``attack_cost`` W: the cost of fighting the target's forces, paid whenever it
    attacks.
    ``punishment`` P: the further cost if the defender intervenes (deterrence by
    punishment, including escalation).
    ``status_quo`` V (any sign): the challenger's payoff of *not* attacking,
    relative to an ordinary peace. 0 is a status quo it can live with; a
    negative value is a status quo it finds intolerable (the essay's mechanism:
    Ukraine's membership would itself be such a status quo for Moscow).
    If the defender intervenes, the attack is assumed to fail.

    expected gain = G (1 - q) (1 - d)
    expected cost = W + q P
    The challenger attacks if expected gain - expected cost > V (ties deter).

Every value is the user's assumption; the presets below are illustrative only,
not estimates of any real state's resolve or capability. The model forecasts
nothing; it makes the logic of credibility explicit so it can be argued about.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace

from widgets.common import validate

__all__ = [
    "MEMBER_CRITICS",
    "MEMBER_ESSAY",
    "PRESETS",
    "PRESET_NOTE",
    "CredibilityInputs",
    "CredibilityResult",
    "evaluate",
    "explain",
    "intervention_probability",
]


@dataclass(frozen=True)
class CredibilityInputs:
    """The user's assumptions, in the units described in the module docstring."""

    defender_stakes: float
    defender_cost: float
    tripwire: float
    local_denial: float
    challenger_gain: float
    attack_cost: float
    punishment: float
    status_quo: float = 0.0

    def __post_init__(self) -> None:
        for f in fields(self):
            # The status quo may be worse than an ordinary peace: only it may be negative.
            low = -math.inf if f.name == "status_quo" else 0
            validate.number(getattr(self, f.name), LABELS[f.name], low=low)
        validate.probability(self.local_denial, LABELS["local_denial"])

    def with_(self, **changes: float) -> CredibilityInputs:
        return replace(self, **changes)


LABELS = {
    "defender_stakes": "the defender's stakes",
    "defender_cost": "the defender's expected cost of intervening",
    "tripwire": "the tripwire (forward-deployed allied forces)",
    "local_denial": "local denial (chance the target's own forces stop the attack)",
    "challenger_gain": "the challenger's gain from a successful attack",
    "attack_cost": "the challenger's cost of fighting the target",
    "punishment": "the extra cost to the challenger if the ally intervenes",
    "status_quo": "the challenger's payoff of not attacking (the status quo)",
}


@dataclass(frozen=True)
class CredibilityResult:
    inputs: CredibilityInputs
    intervention_probability: float
    success_probability: float
    expected_gain: float
    expected_cost: float

    @property
    def net_payoff(self) -> float:
        """Expected gain minus expected cost of attacking (> 0: the attack pays)."""
        return self.expected_gain - self.expected_cost

    @property
    def advantage(self) -> float:
        """Net payoff of attacking minus the payoff of the status quo (> 0: attack)."""
        return self.net_payoff - self.inputs.status_quo

    @property
    def deterred(self) -> bool:
        return self.advantage <= 0


def intervention_probability(stakes: float, tripwire: float, cost: float) -> float:
    """``(S + T) / (S + T + C)``; 0 if the defender has no stakes at all."""
    CredibilityInputs(stakes, cost, tripwire, 0.0, 0.0, 0.0, 0.0)  # validates
    resolve = stakes + tripwire
    if resolve == 0:
        return 0.0
    return resolve / (resolve + cost)


def evaluate(inputs: CredibilityInputs) -> CredibilityResult:
    q = intervention_probability(inputs.defender_stakes, inputs.tripwire, inputs.defender_cost)
    success = (1 - q) * (1 - inputs.local_denial)
    gain = inputs.challenger_gain * success
    cost = inputs.attack_cost + q * inputs.punishment
    return CredibilityResult(inputs, q, success, gain, cost)


# Illustrative presets. They are assumptions for discussion, chosen to show how
# the model works, NOT estimates: students should change them and defend their own.
PRESET_NOTE = (
    "Illustrative values only: assumptions chosen to show how the model works, "
    "not estimates of any government's resolve or any army's strength."
)

# The two member presets differ only in the contested assumption, the status quo:
# the essay holds that membership makes it intolerable to Moscow, its critics that
# Moscow lives with members' status quo (as with Finland since 2023).
MEMBER_CRITICS = "Ukraine as a NATO member: critics' view (status quo bearable)"
MEMBER_ESSAY = "Ukraine as a NATO member: essay's view (status quo intolerable)"
_MEMBER = dict(
    defender_stakes=5.0,
    defender_cost=7.0,
    tripwire=2.0,
    local_denial=0.5,
    challenger_gain=10.0,
    attack_cost=2.0,
    punishment=6.0,
)

PRESETS: dict[str, CredibilityInputs] = {
    MEMBER_CRITICS: CredibilityInputs(**_MEMBER, status_quo=0.0),
    MEMBER_ESSAY: CredibilityInputs(**_MEMBER, status_quo=-3.0),
    "Ukraine with guarantees short of Article 5": CredibilityInputs(
        defender_stakes=3.0,
        defender_cost=7.0,
        tripwire=0.0,
        local_denial=0.5,
        challenger_gain=10.0,
        attack_cost=2.0,
        punishment=6.0,
    ),
    "An existing ally such as Estonia": CredibilityInputs(
        defender_stakes=6.0,
        defender_cost=6.0,
        tripwire=4.0,
        local_denial=0.2,
        challenger_gain=4.0,
        attack_cost=1.0,
        punishment=8.0,
    ),
}


def _fmt(x: float) -> str:
    return f"{x:.2f}"


def explain(inputs: CredibilityInputs) -> list[str]:
    """Plain-language sentences restating the user's assumptions and their result."""
    r = evaluate(inputs)
    i = inputs
    lines = [
        f"With stakes {_fmt(i.defender_stakes)}, a tripwire of {_fmt(i.tripwire)} and an expected "
        f"cost of {_fmt(i.defender_cost)}, the ally intervenes with probability "
        f"{_fmt(r.intervention_probability)}.",
        f"The attack succeeds only if the ally stays out and the target's own forces fail: "
        f"probability {_fmt(r.success_probability)} (local denial {_fmt(i.local_denial)}).",
        f"Expected gain of attacking: {_fmt(i.challenger_gain)} x {_fmt(r.success_probability)} = "
        f"{_fmt(r.expected_gain)}. Expected cost: {_fmt(i.attack_cost)} + "
        f"{_fmt(r.intervention_probability)} x {_fmt(i.punishment)} = {_fmt(r.expected_cost)}.",
    ]
    if i.status_quo != 0:
        lines.append(
            f"Not attacking is worth {_fmt(i.status_quo)} to the challenger (the status quo), "
            f"so it attacks if the net payoff exceeds that: advantage {_fmt(r.advantage)}."
        )
    if r.deterred:
        lines.append(
            f"Net payoff {_fmt(r.net_payoff)}: under these assumptions the challenger is deterred."
        )
    else:
        lines.append(
            f"Net payoff {_fmt(r.net_payoff)}: under these assumptions the attack pays, so "
            f"deterrence fails."
        )
    lines.append(
        "These are your assumptions, not estimates: the model is for teaching, not a forecast."
    )
    return lines
