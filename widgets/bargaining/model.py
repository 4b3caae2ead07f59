"""A teaching version of the bargaining model of war (Fearon 1995), for myth 1.

Numbers in, numbers out: no UI, no charts.

Convention
----------
The issue space is the interval 0..1: a settlement ``x`` is the share of the
contested stakes (territory and alignment, lumped together) that *Russia* gets;
Ukraine gets ``1 - x``.

- ``p`` is Russia's probability-weighted expected outcome of continued war,
  in the same units (0 = Ukraine keeps everything, 1 = Russia takes everything).
- ``cost_russia`` and ``cost_ukraine`` are each side's costs of fighting on,
  in the same units (shares of the stakes), both >= 0.

Russia prefers a deal to war when ``x >= p - cost_russia``; Ukraine prefers it
when ``1 - x >= 1 - p - cost_ukraine``, that is ``x <= p + cost_ukraine``.
So the bargaining range is ``[p - cost_russia, p + cost_ukraine]`` (clipped to
0..1). (If ``x`` were Ukraine's share instead, the same range would read
``[p_U - cost_ukraine, p_U + cost_russia]`` with ``p_U = 1 - p``.)

Two extensions
--------------
*Membership taken off the table.* Alignment is treated as a separate, binary
issue. If a deal includes Ukrainian neutrality, Russia values that at
``value_neutrality_russia`` and Ukraine counts it as a loss of
``value_neutrality_ukraine`` (both in shares of the stakes). Russia then accepts
less territory and Ukraine needs more: the range becomes
``[p - cost_russia - w_R, p + cost_ukraine - w_U]``. If Ukraine's loss is larger
than what the territorial range can absorb, no neutrality deal exists: the
binary issue behaves like an indivisible one.

*A commitment problem.* If power is expected to shift after a deal, so that
Russia's expected war outcome becomes ``p + shift``, a deal is self-enforcing
only if it lies in both today's range and the range after the shift (otherwise
the side that gains would force a renegotiation, and the side that loses
prefers to fight now). The two ranges overlap only when
``|shift| <= cost_russia + cost_ukraine (+ w_R - w_U with neutrality)``.
This is a simplification of the preventive-war logic in Fearon (1995) and
Powell (2006), not their full dynamic models.

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
    "analyse",
    "bargaining_range",
    "deal_in_range",
    "explain",
    "format_range",
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
        validate.flag(self.neutrality, "neutrality")

    @property
    def p_future(self) -> float:
        return min(1.0, max(0.0, self.p + self.shift))


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
    future_low, future_high = _raw_bounds(inputs, inputs.p + inputs.shift)
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
    after = _clip(*_raw_bounds(inputs, inputs.p + inputs.shift))
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
        f"You assume that continued war would give Russia {_fmt(i.p)} of the contested stakes "
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
    if i.shift < 0:
        lines.append(
            f"You expect power to shift against Russia after a deal (its expected outcome falls "
            f"from {_fmt(i.p)} to {_fmt(i.p_future)}), for example if Ukraine rearms or joins an "
            f"alliance. Russia would then fear that any deal is renegotiated later."
        )
    elif i.shift > 0:
        lines.append(
            f"You expect power to shift towards Russia after a deal (its expected outcome rises "
            f"from {_fmt(i.p)} to {_fmt(i.p_future)}), for example if Western support fades. "
            f"Ukraine would then fear that any deal is eroded later."
        )
    if i.shift != 0:
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
