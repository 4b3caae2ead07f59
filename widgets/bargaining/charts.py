"""Altair chart for the bargaining model (myth 1): recomputes in the browser.

The chart's expressions mirror :mod:`widgets.bargaining.model` (same convention:
``x`` is Russia's share of the contested territory; alignment is a separate
binary issue). The sliders are Vega-Lite
parameters, so the static book is interactive without a kernel.
"""

from __future__ import annotations

import altair as alt

from widgets.bargaining.model import CONTROL_RANGES, DEFAULTS, BargainingInputs

__all__ = ["bargaining_chart"]

ROWS = ["1. Today", "2. After the expected shift", "3. Deals that survive the shift"]

# Shared Vega expressions (one place, used by every layer).
_N = "(neutral ? 1 : 0)"
_TL = f"(p - cR - {_N} * wR)"
_TH = f"(p + cU - {_N} * wU)"
# The shift counts with Moscow's belief b that the feared change happens.
_FL = f"({_TL} + b * shift)"
_FH = f"({_TH} + b * shift)"
_VALID = "(p + shift >= -1e-9 && p + shift <= 1 + 1e-9)"
_LO3 = f"max({_TL}, {_FL}, 0)"
_HI3 = f"min({_TH}, {_FH}, 1)"


def _slider(name: str, label: str, value: float, field: str, step: float = 0.01):
    lo, hi = CONTROL_RANGES[field]
    return alt.param(
        name=name,
        value=value,
        bind=alt.binding_range(min=lo, max=hi, step=step, name=label),
    )


def bargaining_chart(defaults: dict | None = None) -> alt.VConcatChart:
    """The bargaining range on the 0..1 line, with sliders bound to the assumptions."""
    d = {**DEFAULTS, **(defaults or {})}
    # Validate the defaults with the model, so a bad default fails loudly here.
    BargainingInputs(
        d["p"],
        d["cost_russia"],
        d["cost_ukraine"],
        d["shift"],
        d["neutrality"],
        d["value_neutrality_russia"],
        d["value_neutrality_ukraine"],
        d["accession_belief"],
    )
    params = [
        _slider("p", "Russia's expected war outcome p: ", d["p"], "p"),
        _slider("cR", "Russia's cost of war c_R: ", d["cost_russia"], "cost_russia"),
        _slider("cU", "Ukraine's cost of war c_U: ", d["cost_ukraine"], "cost_ukraine"),
        _slider("shift", "Shift in p if the feared change happens: ", d["shift"], "shift"),
        _slider(
            "b",
            "Moscow's belief that it happens b: ",
            d["accession_belief"],
            "accession_belief",
            0.05,
        ),
        _slider("deal", "Proposed deal (Russia's share): ", d["deal"], "deal"),
        alt.param(
            name="neutral",
            value=d["neutrality"],
            bind=alt.binding_checkbox(name="Membership taken off the table: "),
        ),
        _slider(
            "wR",
            "Value of neutrality to Russia w_R: ",
            d["value_neutrality_russia"],
            "value_neutrality_russia",
        ),
        _slider(
            "wU",
            "Loss from neutrality to Ukraine w_U: ",
            d["value_neutrality_ukraine"],
            "value_neutrality_ukraine",
        ),
    ]

    rows = alt.Data(values=[{"row": name, "k": k} for k, name in enumerate(ROWS)])
    base = (
        alt.Chart(rows)
        .transform_calculate(
            lo_raw=f"datum.k == 0 ? {_TL} : (datum.k == 1 ? {_FL} : max({_TL}, {_FL}))",
            hi_raw=f"datum.k == 0 ? {_TH} : (datum.k == 1 ? {_FH} : min({_TH}, {_FH}))",
            valid=_VALID,
        )
        .transform_calculate(
            lo="max(datum.lo_raw, 0)",
            hi="min(datum.hi_raw, 1)",
        )
        .transform_calculate(
            empty="datum.lo > datum.hi + 1e-9",
            label=(
                "!datum.valid ? 'p + shift outside 0..1' : "
                "(datum.lo > datum.hi + 1e-9 ? 'no deal' : "
                "format(datum.lo, '.2f') + ' to ' + format(datum.hi, '.2f'))"
            ),
            x_label="1",
            marker="datum.k == 0 ? p : (datum.k == 1 ? p + b * shift : null)",
        )
    )

    x = alt.X(
        "lo:Q",
        title="Russia's share of the contested territory in a deal (0 = none, 1 = all)",
        scale=alt.Scale(domain=[0, 1]),
    )
    y = alt.Y("row:N", title=None, sort=ROWS, axis=alt.Axis(labelLimit=260))

    bars = (
        base.transform_filter("datum.valid && !datum.empty")
        .mark_bar(height=22, color="#4c78a8", opacity=0.8)
        .encode(
            x=x,
            x2="hi:Q",
            y=y,
            tooltip=[
                alt.Tooltip("row:N", title="Range"),
                alt.Tooltip("lo:Q", title="From", format=".2f"),
                alt.Tooltip("hi:Q", title="To", format=".2f"),
            ],
        )
    )
    labels = base.mark_text(align="left", dx=8, fontSize=12).encode(
        x=alt.X("x_label:Q", scale=alt.Scale(domain=[0, 1])),
        y=y,
        text="label:N",
    )
    markers = (
        base.transform_filter("datum.valid && datum.marker != null")
        .mark_point(shape="diamond", size=90, filled=True, color="black")
        .encode(
            x=alt.X("marker:Q", scale=alt.Scale(domain=[0, 1])),
            y=y,
            tooltip=[alt.Tooltip("marker:Q", title="Expected war outcome", format=".2f")],
        )
    )
    deal_rule = (
        alt.Chart(alt.Data(values=[{"name": "deal"}]))
        .transform_calculate(deal_x="deal")
        .mark_rule(color="#e45756", strokeWidth=3, strokeDash=[6, 3])
        .encode(
            x=alt.X("deal_x:Q", scale=alt.Scale(domain=[0, 1])),
            tooltip=[alt.Tooltip("deal_x:Q", title="Proposed deal", format=".2f")],
        )
    )
    ranges = alt.layer(bars, markers, deal_rule, labels).properties(
        width=380,
        height=150,
        title=alt.TitleParams(
            "Which deals do both sides prefer to war?",
            subtitle=[
                "Bars: bargaining ranges. Diamonds: expected war outcome p "
                "(today, after the shift).",
                "Dashed red line: the proposed deal. A teaching model, not a forecast.",
            ],
        ),
    )

    status = (
        alt.Chart(alt.Data(values=[{"name": "status"}]))
        .transform_calculate(
            text=(
                f"!{_VALID} ? 'p + shift must stay between 0 and 1: change one of them.' : "
                f"({_LO3} > {_HI3} + 1e-9 ? "
                "'No deal survives: the range is empty "
                "(commitment problem or indivisible issue).' : "
                f"('Deals that survive give Russia ' + format({_LO3}, '.2f') + ' to ' + "
                f"format({_HI3}, '.2f') + '; the proposed deal ' + format(deal, '.2f') + "
                f"(deal >= {_LO3} - 1e-9 && deal <= {_HI3} + 1e-9 ? "
                "' is inside.' : ' is outside.')))"
            )
        )
        .mark_text(align="left", fontSize=13, fontWeight="bold")
        .encode(text="text:N", x=alt.value(0), y=alt.value(10))
        .properties(width=380, height=20)
    )

    return (
        alt.vconcat(ranges, status)
        .add_params(*params)
        .properties(
            description=(
                "Interactive chart of the bargaining model. A horizontal line from 0 to 1 shows "
                "Russia's share of the contested territory. Three bars show the deals both sides "
                "prefer to war today, after an expected shift in power, and in both periods. "
                "Sliders set Russia's expected war outcome, both sides' costs of war, the "
                "shift if the feared change happens, Moscow's belief that it will, the "
                "proposed deal, and whether membership is taken off the table; a sentence "
                "below reports whether the proposed deal lies in the range."
            )
        )
    )
