"""ipywidgets front-end for the bargaining model (myth 1), for JupyterLab or Binder.

    from widgets.bargaining.ui import BargainingExplorer
    BargainingExplorer().widget        # display it

Every control has a visible label and works from the keyboard. Bad input (for
example a deal outside 0..1, or p + shift outside 0..1) shows a message in the
readout instead of a traceback.
"""

from __future__ import annotations

import ipywidgets as w

from widgets.bargaining.model import CONTROL_RANGES, DEFAULTS, BargainingInputs, analyse, explain
from widgets.common import html
from widgets.common.ui import ControlPanel

__all__ = ["BargainingExplorer"]

_STYLE = {"description_width": "300px"}
_LAYOUT = w.Layout(width="620px")


def _slider(label: str, value: float, field: str) -> w.FloatSlider:
    lo, hi = CONTROL_RANGES[field]
    return w.FloatSlider(
        value=value,
        min=lo,
        max=hi,
        step=0.01,
        description=label,
        readout_format=".2f",
        continuous_update=True,
        style=_STYLE,
        layout=_LAYOUT,
    )


def _range_svg(result) -> str:
    """A small picture of the ranges on the 0..1 line (decorative: the text says it all)."""
    width, left, row_h = 420, 10, 22
    rows = [
        ("Today", result.today),
        ("After the shift", result.after_shift),
        ("Survives the shift", result.self_enforcing),
    ]
    parts = [
        f'<svg width="{width + 2 * left + 150}" height="{row_h * 3 + 24}" aria-hidden="true">',
    ]
    for k, (name, interval) in enumerate(rows):
        y = 4 + k * row_h
        parts.append(
            f'<line x1="{left}" x2="{left + width}" y1="{y + 8}" y2="{y + 8}" stroke="#bbb"/>'
        )
        if interval is not None:
            x0, x1 = left + interval.low * width, left + interval.high * width
            parts.append(
                f'<rect x="{x0:.1f}" y="{y}" width="{max(x1 - x0, 2):.1f}" height="16" '
                f'fill="#4c78a8" opacity="0.8"/>'
            )
        parts.append(f'<text x="{left + width + 8}" y="{y + 13}" font-size="12">{name}</text>')
    if result.deal is not None:
        x = left + result.deal * width
        parts.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="0" y2="{row_h * 3 + 4}" stroke="#e45756" '
            f'stroke-width="3" stroke-dasharray="6,3"/>'
        )
    base_y = row_h * 3 + 20
    parts.append(f'<text x="{left}" y="{base_y}" font-size="11">0</text>')
    parts.append(f'<text x="{left + width - 6}" y="{base_y}" font-size="11">1</text>')
    parts.append("</svg>")
    return "".join(parts)


class BargainingExplorer(ControlPanel):
    """Sliders for the assumptions, a picture of the ranges and a plain-language readout."""

    def __init__(self, defaults: dict | None = None) -> None:
        d = {**DEFAULTS, **(defaults or {})}
        self.controls: dict[str, w.ValueWidget] = {
            "p": _slider("Russia's expected war outcome p (0 to 1)", d["p"], "p"),
            "cost_russia": _slider("Russia's cost of war c_R", d["cost_russia"], "cost_russia"),
            "cost_ukraine": _slider("Ukraine's cost of war c_U", d["cost_ukraine"], "cost_ukraine"),
            "shift": _slider("Shift in p if the feared change happens", d["shift"], "shift"),
            "accession_belief": _slider(
                "Moscow's belief that it happens b", d["accession_belief"], "accession_belief"
            ),
            "neutrality": w.Checkbox(
                value=d["neutrality"],
                description="Membership taken off the table (neutrality)",
                indent=False,
                layout=_LAYOUT,
            ),
            "value_neutrality_russia": _slider(
                "Value of neutrality to Russia w_R",
                d["value_neutrality_russia"],
                "value_neutrality_russia",
            ),
            "value_neutrality_ukraine": _slider(
                "Loss from neutrality to Ukraine w_U",
                d["value_neutrality_ukraine"],
                "value_neutrality_ukraine",
            ),
            "deal": w.FloatText(
                value=d["deal"],
                description="Proposed deal: Russia's share (0 to 1)",
                step=0.01,
                style=_STYLE,
                layout=_LAYOUT,
            ),
        }
        super().__init__()
        self.picture = w.HTML()
        self.readout = w.HTML()
        self.redraw_on_change()
        self.widget = w.VBox(
            [
                w.HTML(
                    "<p><b>Bargaining model.</b> x = Russia's share of the contested territory "
                    "(0 to 1); alignment is a separate yes/no issue. All numbers are your "
                    "assumptions; this is a teaching model, not a forecast.</p>"
                ),
                *self.controls.values(),
                self.picture,
                self.readout,
            ]
        )
        self.update()

    def update(self) -> None:
        v = self.values()
        deal = v.pop("deal")
        try:
            inputs = BargainingInputs(**v)
            result = analyse(inputs, deal)
            lines = explain(inputs, deal)
        except ValueError as error:
            self.picture.value = ""
            self.readout.value = html.error_box(error)
            return
        self.picture.value = _range_svg(result)
        self.readout.value = (
            '<div aria-live="polite">'
            + "".join(f"<p>{html.escape(line)}</p>" for line in lines)
            + "</div>"
        )

    @property
    def text(self) -> str:
        """The readout as plain text (for tests and screen-reader checks)."""
        return html.to_text(self.readout.value)
