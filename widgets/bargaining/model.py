"""A teaching version of the bargaining model of war (Fearon 1995), for myth 1.

Numbers in, numbers out: no UI, no charts.

Convention
----------
Two issues are kept apart, so that alignment is never counted twice:

- *Territory* is divisible. A settlement ``x`` (0..1) is the share of the
  contested **territory** that *Russia* gets; Ukraine gets ``1 - x``. ``p`` is
  Russia's probability-weighted expected territorial outcome of continued war,
  in the same units (0 = Ukraine keeps everything, 1 = Russia takes everything).
- *Alignment* is binary: a deal either leaves Ukraine free to seek membership
  (the default) or includes neutrality. It has its own values, ``w_R`` and
  ``w_U`` below, and enters the range only when neutrality is in the deal.

``cost_russia`` and ``cost_ukraine`` are each side's costs of fighting on, in
territorial units, both >= 0.

Russia prefers a deal to war when ``x >= p - cost_russia``; Ukraine prefers it
when ``1 - x >= 1 - p - cost_ukraine``, that is ``x <= p + cost_ukraine``.
So the bargaining range is ``[p - cost_russia, p + cost_ukraine]`` (clipped to
0..1). (If ``x`` were Ukraine's share instead, the same range would read
``[p_U - cost_ukraine, p_U + cost_russia]`` with ``p_U = 1 - p``.)

Extensions
----------
*Membership taken off the table.* If a deal includes Ukrainian neutrality,
Russia values that at ``value_neutrality_russia`` (w_R) and Ukraine counts it as
a loss of ``value_neutrality_ukraine`` (w_U), both in territorial units. Russia
then accepts less territory and Ukraine needs more: the range becomes
``[p - c_R - w_R, p + c_U - w_U]``. On an unbounded line it is empty exactly
when ``w_U - w_R > c_R + c_U``; because Russia's share cannot fall below 0, it
is also empty when ``w_U > p + c_U`` (no territorial share compensates Ukraine).

*A commitment problem.* If power is expected to shift after a deal, so that
Russia's expected war outcome becomes ``p + shift``, a deal is self-enforcing
only if it lies in both today's range and the range after the shift (otherwise
the side that gains would force a renegotiation, and the side that loses
prefers to fight now). The two ranges overlap only when
``|shift| <= c_R + c_U (+ w_R - w_U with neutrality)``.
This is a simplification of the preventive-war logic in Fearon (1995) and
Powell (2006), not their full dynamic models.

*Moscow's belief.* ``shift`` is the change if the feared event (accession)
happens; ``accession_belief`` (0..1, default 1) is Moscow's probability that it
will. The expected shift is ``accession_belief * shift`` (risk-neutral
expectation). This lets the essay's two claims be set side by side: membership
"will realistically never be granted" (belief near 0) and pressing for it keeps
Moscow fighting (belief times shift larger than ``c_R + c_U``).

*The link to myth 2.* :func:`accession_shift` turns a probability that allies
intervene (``q`` of :func:`widgets.deterrence.model.intervention_probability`)
into the shift: if a renewed attack on a member fails whenever the allies
intervene, Russia's expected outcome falls from ``p`` to ``p (1 - q)``.

*Private information.* :func:`screening_offer` is Fearon's first mechanism in
its simplest form: Ukraine does not know whether Russia's cost of war is low or
high and chooses between a generous offer every type accepts and a tougher one
that risks war with the low-cost type.

This is a teaching model: every number is the user's assumption. It forecasts
nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from widgets.common import validate

__all__ = [
    "CONTROL_RANGES",
    "DEFAULTS",
    "BargainingInputs",
    "BargainingResult",
    "Interval",
    "ScreeningResult",
    "accession_shift",
    "analyse",
    "bargaining_range",
    "deal_in_range",
    "explain",
    "format_range",
    "screening_offer",
]


#: The starting assumptions of the chart and the app (the reader changes them).
DEFAULTS = {
    "p": 0.40,
    "cost_russia": 0.10,
    "cost_ukraine": 0.15,
    "shift": 0.0,
    "deal": 0.50,
    "neutrality": False,
    "value_neutrality_russia": 0.15,
    "value_neutrality_ukraine": 0.10,
    "accession_belief": 1.0,
}

#: The range each slider offers (the model itself accepts any valid value).
CONTROL_RANGES = {
    "p": (0.0, 1.0),
    "cost_russia": (0.0, 0.5),
    "cost_ukraine": (0.0, 0.5),
    "shift": (-0.5, 0.5),
    "deal": (0.0, 1.0),
    "value_neutrality_russia": (0.0, 0.5),
    "value_neutrality_ukraine": (0.0, 0.5),
    "accession_belief": (0.0, 1.0),
}


@dataclass(frozen=True)
class Interval:
    """A closed interval ``[low, high]`` on the 0..1 issue line."""

    low: float
    high: float

    @property
    def width(self) -> float:
        return self.high - self.low

    def contains(self, x: float) -> bool:
        return self.low - 1e-12 <= x <= self.high + 1e-12

    def __str__(self) -> str:
        return f"{self.low:.2f} to {self.high:.2f}"


def format_range(interval: Interval | None) -> str:
    """``"0.30 to 0.55"``, or a sentence saying the range is empty."""
    return "empty: no deal both sides prefer to war" if interval is None else str(interval)


@dataclass(frozen=True)
class BargainingInputs:
    """The user's assumptions. See the module docstring for the convention."""

    p: float
    cost_russia: float
    cost_ukraine: float
    shift: float = 0.0
    neutrality: bool = False
    value_neutrality_russia: float = 0.0
    value_neutrality_ukraine: float = 0.0
    accession_belief: float = 1.0

    def __post_init__(self) -> None:
        validate.probability(self.p, "p (Russia's expected war outcome)")
        validate.number(self.cost_russia, "cost_russia (Russia's cost of war)", low=0)
        validate.number(self.cost_ukraine, "cost_ukraine (Ukraine's cost of war)", low=0)
        validate.number(self.shift, "shift (expected change in p)", -1.0, 1.0)
        future = self.p + self.shift
        if not -1e-12 <= future <= 1.0 + 1e-12:
            raise ValueError(
                f"p + shift must stay between 0 and 1 (it is a probability-weighted outcome), "
                f"got {self.p} + {self.shift} = {future:.3g}."
            )
        validate.number(
            self.value_neutrality_russia,
            "value_neutrality_russia (what neutrality is worth to Russia)",
            low=0,
        )
        validate.number(
            self.value_neutrality_ukraine,
            "value_neutrality_ukraine (what neutrality costs Ukraine)",
            low=0,
        )
        validate.probability(
            self.accession_belief,
            "accession_belief (Moscow's probability that accession happens)",
        )
        validate.flag(self.neutrality, "neutrality")

    @property
    def expected_shift(self) -> float:
        """The shift weighted by Moscow's belief that it happens."""
        return self.accession_belief * self.shift + 0.0  # no "-0.00" in readouts

    @property
    def p_future(self) -> float:
        return min(1.0, max(0.0, self.p + self.expected_shift))


@dataclass(frozen=True)
class BargainingResult:
    """Everything the chart and the readout need."""

    inputs: BargainingInputs
    today: Interval | None
    after_shift: Interval | None
    self_enforcing: Interval | None
    deal: float | None
    deal_inside: bool | None

    @property
    def empty(self) -> bool:
        return self.self_enforcing is None


def _raw_bounds(inputs: BargainingInputs, p: float) -> tuple[float, float]:
    n = 1.0 if inputs.neutrality else 0.0
    low = p - inputs.cost_russia - n * inputs.value_neutrality_russia
    high = p + inputs.cost_ukraine - n * inputs.value_neutrality_ukraine
    return low, high


def _clip(low: float, high: float) -> Interval | None:
    # Rounded so that floating-point noise (0.1 + 0.2) does not show in readouts.
    low, high = round(max(low, 0.0), 12), round(min(high, 1.0), 12)
    if low > high:
        return None
    return Interval(low, max(low, high))


def bargaining_range(inputs: BargainingInputs) -> Interval | None:
    """The deals both sides prefer to war, today and after the expected shift.

    Returns ``None`` when no such deal exists (the range is empty).
    """
    today_low, today_high = _raw_bounds(inputs, inputs.p)
    future_low, future_high = _raw_bounds(inputs, inputs.p + inputs.expected_shift)
    return _clip(max(today_low, future_low), min(today_high, future_high))


def _check_deal(deal: float) -> None:
    validate.probability(deal, "the deal (Russia's share of the stakes)")


def deal_in_range(inputs: BargainingInputs, deal: float) -> bool:
    """True if ``deal`` (Russia's share, 0..1) lies in the self-enforcing range."""
    _check_deal(deal)
    interval = bargaining_range(inputs)
    return interval is not None and interval.contains(deal)


def analyse(inputs: BargainingInputs, deal: float | None = None) -> BargainingResult:
    """Today's range, the range after the shift, their overlap, and the deal's place."""
    if deal is not None:
        _check_deal(deal)
    today = _clip(*_raw_bounds(inputs, inputs.p))
    after = _clip(*_raw_bounds(inputs, inputs.p + inputs.expected_shift))
    overlap = bargaining_range(inputs)
    inside = None if deal is None else (overlap is not None and overlap.contains(deal))
    return BargainingResult(inputs, today, after, overlap, deal, inside)


def _fmt(x: float) -> str:
    return f"{x:.2f}"


def explain(inputs: BargainingInputs, deal: float | None = None) -> list[str]:
    """Plain-language sentences describing the result. They restate the user's
    assumptions; they are not a forecast."""
    result = analyse(inputs, deal)
    i = inputs
    lines = [
        f"You assume that continued war would give Russia {_fmt(i.p)} of the contested territory "
        f"on average, and that fighting on costs Russia {_fmt(i.cost_russia)} and Ukraine "
        f"{_fmt(i.cost_ukraine)} (in the same units).",
    ]
    if result.today is None:
        lines.append("Today no deal is better than war for both sides.")
    else:
        lines.append(
            f"Today both sides prefer any deal giving Russia between {_fmt(result.today.low)} "
            f"and {_fmt(result.today.high)} to fighting on."
        )
    if i.neutrality:
        lines.append(
            f"The deal takes NATO membership off the table: you value that at "
            f"{_fmt(i.value_neutrality_russia)} for Russia (so Russia accepts that much less "
            f"territory) and as a loss of {_fmt(i.value_neutrality_ukraine)} for Ukraine (so "
            f"Ukraine needs that much more)."
        )
    if i.shift != 0 and i.accession_belief < 1:
        lines.append(
            f"You expect a shift of {_fmt(i.shift)} if the feared change happens, and give it a "
            f"probability of {_fmt(i.accession_belief)}: the expected shift is "
            f"{_fmt(i.expected_shift)}."
        )
    if i.expected_shift < 0:
        lines.append(
            f"You expect power to shift against Russia after a deal (its expected outcome falls "
            f"from {_fmt(i.p)} to {_fmt(i.p_future)}), for example if Ukraine rearms or joins an "
            f"alliance. Russia would then fear that any deal is renegotiated later."
        )
    elif i.expected_shift > 0:
        lines.append(
            f"You expect power to shift towards Russia after a deal (its expected outcome rises "
            f"from {_fmt(i.p)} to {_fmt(i.p_future)}), for example if Western support fades. "
            f"Ukraine would then fear that any deal is eroded later."
        )
    if i.expected_shift != 0:
        if result.self_enforcing is None:
            lines.append(
                "The shift is larger than what the costs of war can absorb: no deal acceptable "
                "today stays acceptable after the shift. This is a commitment problem: the side "
                "that expects to lose ground has a reason to fight now."
            )
        else:
            lines.append(
                f"Deals that stay acceptable after the shift give Russia between "
                f"{_fmt(result.self_enforcing.low)} and {_fmt(result.self_enforcing.high)}."
            )
    elif result.self_enforcing is None and i.neutrality:
        lines.append(
            "With membership off the table no territorial split compensates Ukraine: the "
            "alignment issue behaves like an indivisible one."
        )
    if deal is not None:
        if result.deal_inside:
            lines.append(f"The proposed deal ({_fmt(deal)} to Russia) lies inside that range.")
        elif result.self_enforcing is None:
            lines.append(
                f"The proposed deal ({_fmt(deal)} to Russia) cannot be inside an empty range."
            )
        elif deal < result.self_enforcing.low:
            lines.append(
                f"The proposed deal ({_fmt(deal)} to Russia) lies below the range: it gives Russia "
                f"less than fighting on is worth to Russia (now or after the expected shift), so "
                f"Russia would refuse it."
            )
        else:
            lines.append(
                f"The proposed deal ({_fmt(deal)} to Russia) lies above the range: it leaves "
                f"Ukraine less than fighting on is worth to Ukraine (now or after the expected "
                f"shift), so Ukraine would refuse it."
            )
    lines.append(
        "These are your assumptions, not estimates: the model is for teaching, not a forecast."
    )
    return lines


def accession_shift(p: float, intervention_probability: float) -> float:
    """The shift in Russia's expected war outcome if Ukraine becomes a member.

    A renewed attack is assumed to fail whenever the allies intervene (as in the
    myth 2 model), so Russia's expected outcome falls from ``p`` to ``p (1 - q)``:
    the shift is ``-p q``. ``q`` is the probability of intervention, for example
    from :func:`widgets.deterrence.model.intervention_probability`.
    """
    validate.probability(p, "p (Russia's expected war outcome)")
    validate.probability(intervention_probability, "the probability that allies intervene")
    return -p * intervention_probability


@dataclass(frozen=True)
class ScreeningResult:
    """Ukraine's best offer when it does not know Russia's cost of war."""

    offer: float
    accepted_by: str
    war_probability: float
    ukraine_expected_value: float
    generous_value: float
    tough_value: float


def screening_offer(
    p: float,
    cost_ukraine: float,
    cost_russia_low: float,
    cost_russia_high: float,
    prob_high_cost: float,
) -> ScreeningResult:
    """Fearon's risk-return trade-off with two possible Russian types.

    Ukraine offers Russia a territorial share ``x``; a Russia with cost ``c``
    accepts when ``x >= p - c``. The *generous* offer ``p - cost_russia_low`` is
    accepted by both types; the *tough* offer ``p - cost_russia_high`` only by the
    high-cost type (probability ``prob_high_cost``), and the low-cost type fights.
    Ukraine's payoff is ``1 - x`` after a deal and ``1 - p - cost_ukraine`` after war.
    Ties go to the generous offer (no war). Offers are not clipped to 0..1: keep
    ``p - cost`` inside it.
    """
    validate.probability(p, "p (Russia's expected war outcome)")
    validate.number(cost_ukraine, "cost_ukraine (Ukraine's cost of war)", low=0)
    validate.number(cost_russia_low, "cost_russia_low (Russia's cost of war if low)", low=0)
    validate.number(cost_russia_high, "cost_russia_high (Russia's cost of war if high)", low=0)
    validate.probability(prob_high_cost, "prob_high_cost (probability that Russia's cost is high)")
    if cost_russia_low > cost_russia_high:
        raise ValueError(
            f"cost_russia_low must not exceed cost_russia_high, got {cost_russia_low} > "
            f"{cost_russia_high}."
        )
    if p - cost_russia_high < 0:
        raise ValueError(
            f"p - cost_russia_high must be 0 or more (an offer is a share of 0..1), got "
            f"{p} - {cost_russia_high}."
        )
    war_value = 1 - p - cost_ukraine
    generous = 1 - (p - cost_russia_low)
    tough = prob_high_cost * (1 - (p - cost_russia_high)) + (1 - prob_high_cost) * war_value
    if tough > generous + 1e-12:
        return ScreeningResult(
            round(p - cost_russia_high, 12),
            "high-cost type only",
            1 - prob_high_cost,
            tough,
            generous,
            tough,
        )
    return ScreeningResult(
        round(p - cost_russia_low, 12), "both types", 0.0, generous, generous, tough
    )
