"""Each actor's score of each package, against the no-deal reference; zone and blockers.

Formulas (also in ``widgets.explorer.model``): U_a(p) = sum_c w_ac x_c(p) / sum_c |w_ac|;
V_a(p) = q_p U_a(p) + (1 - q_p) U_a(no deal); gain = V_a(p) - U_a(no deal); acceptable iff
U_a(p) > U_a(no deal) + 1e-9; zone = packages acceptable to every chosen actor.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from widgets.common.validate import InputError
from widgets.explorer import indicators as ind
from widgets.explorer.model import ACTORS, TOLERANCE, ExplorerData, Inputs, is_scored


def utility(weights: Mapping[str, float], values: Mapping[str, float], actor: str = "") -> float:
    """U = sum w x / sum |w| (an error naming the actor if every weight is 0)."""
    used = [(c, w) for c, w in weights.items() if w != 0]
    if not used:
        raise InputError(f"weights.{actor}", f"all weights of {ACTORS.get(actor, actor)} are 0")
    return sum(w * values[c] for c, w in used) / sum(abs(w) for _, w in used)


@dataclass(frozen=True)
class Evaluation:
    inputs: Inputs
    lines: tuple[ind.LineIndicators, ...]  # one per package
    no_deal_line: ind.LineIndicators
    risks: tuple[float | None, ...]  # risk_pct per package (None without an agreement)
    values: tuple[Mapping[str, float], ...]  # criterion values per package
    no_deal_values: Mapping[str, float]
    actors: tuple[str, ...]  # the scored actors (some weight not 0)
    utility: Mapping[str, tuple[float, ...]]  # U_a(p)
    no_deal_utility: Mapping[str, float]  # U_a(no deal)
    value: Mapping[str, tuple[float, ...]]  # V_a(p)
    gain: Mapping[str, tuple[float, ...]]
    acceptable: Mapping[str, tuple[bool, ...]]
    zone: tuple[int, ...]  # package indices acceptable to every chosen actor
    blockers: Mapping[int, tuple[str, ...]]  # package index -> chosen actors who block it
    ranks: Mapping[str, tuple[int, ...]]  # 1 = best; ties share a rank

    def ranking(self, actor: str) -> list[int]:
        """Package indices, best first for ``actor`` (order of entry among ties)."""
        return sorted(range(len(self.values)), key=lambda i: (self.ranks[actor][i], i))


def ranks_of(scores: Sequence[float]) -> tuple[int, ...]:
    return tuple(1 + sum(1 for t in scores if t > s + TOLERANCE) for s in scores)


def evaluate(data: ExplorerData, inputs: Inputs) -> Evaluation:
    """Score validated ``inputs`` (from ``model.check_inputs``) for every scored actor."""
    cache: dict = {}

    def line_of(line):
        key = (line.preset, tuple(line.overrides.items()))
        if key not in cache:
            cache[key] = ind.line_indicators(data, line)
        return cache[key]

    lines = tuple(line_of(p.line) for p in inputs.packages)
    no_deal_line = line_of(inputs.no_deal)
    effects = inputs.feature_effect_pct
    risks = tuple(
        ind.risk_pct(p, effects) if data.arrangements[p.arrangement].agreement else None
        for p in inputs.packages
    )
    values = tuple(
        ind.criterion_values(data, line.values, p.arrangement, ind.package_peace(data, p, effects))
        for p, line in zip(inputs.packages, lines, strict=True)
    )
    nd_values = ind.no_deal_values(data, no_deal_line.values)
    actors = tuple(a for a in ACTORS if is_scored(inputs.weights, a))
    util, nd_util, val, gain, acc, ranks = {}, {}, {}, {}, {}, {}
    for a in actors:
        w = inputs.weights[a]
        nd_util[a] = utility(w, nd_values, a)
        util[a] = tuple(utility(w, x, a) for x in values)
        q = [p.attain_pct / 100 for p in inputs.packages]
        val[a] = tuple(qi * u + (1 - qi) * nd_util[a] for qi, u in zip(q, util[a], strict=True))
        gain[a] = tuple(x - nd_util[a] for x in val[a])
        acc[a] = tuple(u > nd_util[a] + TOLERANCE for u in util[a])
        ranks[a] = ranks_of(val[a])
    chosen = inputs.chosen_actors
    n = len(values)
    zone = tuple(i for i in range(n) if all(acc[a][i] for a in chosen))
    blockers = {i: tuple(a for a in chosen if not acc[a][i]) for i in range(n)}
    return Evaluation(
        inputs, lines, no_deal_line, risks, values, nd_values, actors,
        util, nd_util, val, gain, acc, zone, blockers, ranks,
    )  # fmt: skip
