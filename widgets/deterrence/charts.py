"""Altair chart for the deterrence-credibility model (myth 2): recomputes in the browser.

Three illustrative presets stay fixed; a fourth bar, "Your scenario", follows the
sliders. The expressions mirror :func:`widgets.deterrence.model.evaluate`.
"""

from __future__ import annotations

import altair as alt

from widgets.deterrence.model import PRESETS, CredibilityInputs

__all__ = ["YOUR_SCENARIO", "credibility_chart"]

YOUR_SCENARIO = "Your scenario (sliders)"

# Slider name, label, field, maximum, step.
_SLIDERS = [
    ("s", "Defender's stakes S: ", "defender_stakes", 10, 0.5),
    ("t", "Tripwire forces T: ", "tripwire", 10, 0.5),
    ("c", "Defender's expected cost C: ", "defender_cost", 10, 0.5),
    ("d", "Local denial d (0-1): ", "local_denial", 1, 0.05),
    ("g", "Challenger's gain G: ", "challenger_gain", 10, 0.5),
    ("w", "Challenger's cost of fighting W: ", "attack_cost", 10, 0.5),
    ("pun", "Extra cost if the ally intervenes P: ", "punishment", 10, 0.5),
    ("sq", "Challenger's status quo V (negative = intolerable): ", "status_quo", 5, 0.5),
]
# Every slider starts at 0 except the status quo, which may be negative.
_MINIMUM = {"status_quo": -10}


def credibility_chart(start: CredibilityInputs | None = None) -> alt.VConcatChart:
    """Net expected payoff of attacking, for the presets and for the sliders' scenario."""
    start = start or PRESETS["Ukraine with guarantees short of Article 5"]
    params = [
        alt.param(
            name=name,
            value=getattr(start, field),
            bind=alt.binding_range(min=_MINIMUM.get(field, 0), max=hi, step=step, name=label),
        )
        for name, label, field, hi, step in _SLIDERS
    ]
    rows = [{"scenario": name, "mine": False, **vars(inputs)} for name, inputs in PRESETS.items()]
    rows.append({"scenario": YOUR_SCENARIO, "mine": True, **vars(start)})
    order = [r["scenario"] for r in rows]

    calc = {field: f"datum.mine ? {name} : datum.{field}" for name, _, field, _, _ in _SLIDERS}
    base = (
        alt.Chart(alt.Data(values=rows))
        .transform_calculate(**{f"v_{k}": v for k, v in calc.items()})
        .transform_calculate(
            q=(
                "(datum.v_defender_stakes + datum.v_tripwire) == 0 ? 0 : "
                "(datum.v_defender_stakes + datum.v_tripwire) / "
                "(datum.v_defender_stakes + datum.v_tripwire + datum.v_defender_cost)"
            )
        )
        .transform_calculate(success="(1 - datum.q) * (1 - datum.v_local_denial)")
        .transform_calculate(
            gain="datum.v_challenger_gain * datum.success",
            cost="datum.v_attack_cost + datum.q * datum.v_punishment",
        )
        .transform_calculate(net="datum.gain - datum.cost - datum.v_status_quo")
        .transform_calculate(
            outcome="datum.net > 1e-12 ? 'Attack pays' : 'Deterred'",
            label=(
                "(datum.net > 1e-12 ? 'Attack pays' : 'Deterred') + "
                "'  (ally intervenes with p = ' + format(datum.q, '.2f') + ')'"
            ),
        )
    )
    y = alt.Y("scenario:N", sort=order, title=None, axis=alt.Axis(labelLimit=280))
    bars = base.mark_bar(height=24).encode(
        x=alt.X(
            "net:Q",
            title="Challenger's gain minus cost of attacking, minus its status quo (model units)",
            scale=alt.Scale(domain=[-20, 10], clamp=True),
        ),
        y=y,
        color=alt.Color(
            "outcome:N",
            scale=alt.Scale(domain=["Deterred", "Attack pays"], range=["#4c78a8", "#e45756"]),
            legend=alt.Legend(title="Outcome", orient="bottom"),
        ),
        tooltip=[
            alt.Tooltip("scenario:N", title="Scenario"),
            alt.Tooltip("q:Q", title="Probability the ally intervenes", format=".2f"),
            alt.Tooltip("success:Q", title="Probability the attack succeeds", format=".2f"),
            alt.Tooltip("gain:Q", title="Expected gain", format=".2f"),
            alt.Tooltip("cost:Q", title="Expected cost", format=".2f"),
            alt.Tooltip("v_status_quo:Q", title="Status quo", format=".2f"),
            alt.Tooltip("net:Q", title="Advantage of attacking", format=".2f"),
        ],
    )
    text = base.mark_text(align="left", dx=4, fontSize=11).encode(
        x=alt.value(365), y=y, text="label:N"
    )
    zero = alt.Chart(alt.Data(values=[{"zero": 0}])).mark_rule(color="black").encode(x="zero:Q")
    chart = alt.layer(bars, zero, text).properties(
        width=360,
        height=170,
        title=alt.TitleParams(
            "Does attacking pay? Four illustrative presets and your own scenario",
            subtitle=[
                "Left of the black line (negative): deterred. Right: the attack pays.",
                "Preset values are illustrative assumptions, not estimates.",
            ],
        ),
    )
    return (
        alt.vconcat(chart)
        .add_params(*params)
        .properties(
            description=(
                "Horizontal bar chart of the deterrence model. For four illustrative presets "
                "(Ukraine as a NATO member in the critics' and in the essay's view, which differ "
                "only in the challenger's status quo; Ukraine with guarantees short of Article 5; "
                "an existing ally such as Estonia) and for a scenario set by sliders, each bar "
                "shows the challenger's expected gain minus expected cost of attacking, minus the "
                "value of its status quo; negative means deterred. Labels give the probability "
                "that the ally intervenes."
            )
        )
    )
