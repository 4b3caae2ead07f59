"""Fragility of an actor's first place: where, in each weight, the first place changes.

With the other weights fixed, V_a(p) = N_p(w) / (W + |w|) for w = w_ak, where
N_p(w) = alpha_p + beta_p w, alpha_p = q_p S_p + (1 - q_p) S_N (S = sum over c != k of w_c x_c),
beta_p = q_p x_pk + (1 - q_p) x_Nk and W = sum over c != k of |w_c|. The denominator is shared and
positive, so the leader is the package with the largest N_p(w): first place changes exactly where
another package's line crosses the leader's, w* = (alpha_L - alpha_p) / (beta_p - beta_L).
"""

from __future__ import annotations

from dataclasses import dataclass

from widgets.explorer.actors import Evaluation
from widgets.explorer.model import MAX_WEIGHT, TOLERANCE


@dataclass(frozen=True)
class Change:
    weight: float  # the weight at which first place changes
    new_leader: int  # package index that takes first place beyond it


@dataclass(frozen=True)
class WeightFragility:
    criterion: str
    current: float
    up: Change | None  # nearest change above the current weight (within [-10, 10])
    down: Change | None  # nearest change below it

    @property
    def robust(self) -> bool:
        return self.up is None and self.down is None


def leader(evaluation: Evaluation, actor: str) -> int:
    return evaluation.ranking(actor)[0]


def _totals(evaluation: Evaluation, actor: str):
    """Full weighted sums of each package and of no deal, and the total |weight|."""
    w = evaluation.inputs.weights[actor]
    full = [sum(w[c] * x[c] for c in w) for x in evaluation.values]
    nd = evaluation.no_deal_values
    return full, sum(w[c] * nd[c] for c in w), sum(abs(x) for x in w.values())


def _lines(evaluation: Evaluation, actor: str, criterion: str, totals=None):
    """(alpha_p, beta_p) of each package for ``criterion``, and W (the other weights' |sum|)."""
    full, nd_full, scale = totals or _totals(evaluation, actor)
    w_k = evaluation.inputs.weights[actor][criterion]
    nd_k = evaluation.no_deal_values[criterion]
    s_nd = nd_full - w_k * nd_k
    out = []
    for p, x, s_full in zip(evaluation.inputs.packages, evaluation.values, full, strict=True):
        q = p.attain_pct / 100
        s_p = s_full - w_k * x[criterion]
        out.append((q * s_p + (1 - q) * s_nd, q * x[criterion] + (1 - q) * nd_k))
    return out, scale - abs(w_k)


def weight_fragility(
    evaluation: Evaluation, actor: str, criterion: str, totals=None
) -> WeightFragility:
    current = evaluation.inputs.weights[actor][criterion]
    lines, rest = _lines(evaluation, actor, criterion, totals)
    lead = leader(evaluation, actor)
    a_l, b_l = lines[lead]
    # Where every other weight is 0, w = 0 leaves no score at all: the search stops short of it.
    alone = rest <= TOLERANCE  # every other weight is 0
    low = 0.0 if (alone and current > 0) else -MAX_WEIGHT
    high = 0.0 if (alone and current < 0) else MAX_WEIGHT
    up: Change | None = None
    down: Change | None = None

    def in_range(w: float) -> bool:
        return low - TOLERANCE <= w <= high + TOLERANCE and not (alone and abs(w) <= TOLERANCE)

    for i, (a_p, b_p) in enumerate(lines):
        if i == lead or abs(b_p - b_l) < TOLERANCE:
            continue
        w_star = (a_l - a_p) / (b_p - b_l) + 0.0  # + 0.0: no negative zero
        if not in_range(w_star):
            continue
        # Above w*, the steeper line leads; below it, the flatter one.
        if b_p > b_l and w_star >= current - TOLERANCE:
            better = up is None or w_star < up.weight - TOLERANCE
            tied = up is not None and abs(w_star - up.weight) <= TOLERANCE
            if better or (tied and b_p > lines[up.new_leader][1]):
                up = Change(max(w_star, current), i)
        elif b_p < b_l and w_star <= current + TOLERANCE:
            better = down is None or w_star > down.weight + TOLERANCE
            tied = down is not None and abs(w_star - down.weight) <= TOLERANCE
            if better or (tied and b_p < lines[down.new_leader][1]):
                down = Change(min(w_star, current), i)
    return WeightFragility(criterion, current, up, down)


def fragility(evaluation: Evaluation, actor: str) -> list[WeightFragility]:
    """For each criterion, the nearest weights (up and down) where first place changes."""
    criteria = list(evaluation.inputs.weights[actor])
    totals = _totals(evaluation, actor)
    return [weight_fragility(evaluation, actor, c, totals) for c in criteria]
