"""ipywidgets front-end for the deterrence-credibility model (myth 2).

    from widgets.deterrence.ui import CredibilityExplorer
    CredibilityExplorer().widget       # display it

A preset menu fills in illustrative values (assumptions, not estimates); every
value can then be changed. The challenger's numbers are typed in (any number
0 or more); bad input shows a message in the readout instead of a traceback.
"""

from __future__ import annotations

import ipywidgets as w

from widgets.common import html
from widgets.common.ui import ControlPanel
from widgets.deterrence.model import PRESET_NOTE, PRESETS, CredibilityInputs, evaluate, explain

__all__ = ["CredibilityExplorer"]

_STYLE = {"description_width": "330px"}
_LAYOUT = w.Layout(width="640px")
CUSTOM = "(my own values)"


def _slider(label: str, value: float, hi: float, step: float) -> w.FloatSlider:
    return w.FloatSlider(
        value=value,
        min=0,
        max=hi,
        step=step,
        description=label,
        readout_format=".2f",
        style=_STYLE,
        layout=_LAYOUT,
    )


def _number(label: str, value: float) -> w.FloatText:
    return w.FloatText(value=value, description=label, step=0.5, style=_STYLE, layout=_LAYOUT)


class CredibilityExplorer(ControlPanel):
    """Presets, controls for every assumption and a plain-language readout."""

    def __init__(self, preset: str = "Ukraine with guarantees short of Article 5") -> None:
        if preset not in PRESETS:
            raise KeyError(f"Unknown preset {preset!r}; choose from {sorted(PRESETS)}.")
        start = PRESETS[preset]
        self.preset = w.Dropdown(
            options=[*PRESETS, CUSTOM],
            value=preset,
            description="Preset (illustrative values)",
            style=_STYLE,
            layout=_LAYOUT,
        )
        self.controls: dict[str, w.ValueWidget] = {
            "defender_stakes": _slider(
                "Defender's stakes S (0 to 10)", start.defender_stakes, 10, 0.5
            ),
            "tripwire": _slider(
                "Tripwire: allied forces deployed T (0 to 10)", start.tripwire, 10, 0.5
            ),
            "defender_cost": _slider(
                "Defender's expected cost incl. escalation C (0 to 10)",
                start.defender_cost,
                10,
                0.5,
            ),
            "local_denial": _slider(
                "Local denial: chance the target alone stops it (0 to 1)",
                start.local_denial,
                1,
                0.05,
            ),
            "challenger_gain": _number(
                "Challenger's gain if the attack succeeds G", start.challenger_gain
            ),
            "attack_cost": _number("Challenger's cost of fighting the target W", start.attack_cost),
            "punishment": _number(
                "Challenger's extra cost if the ally intervenes P", start.punishment
            ),
            "status_quo": _number(
                "Challenger's status quo V (negative = intolerable)", start.status_quo
            ),
        }
        self.readout = w.HTML()
        super().__init__()
        self.preset.observe(self._on_preset, names="value")
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.widget = w.VBox(
            [
                w.HTML(
                    "<p><b>Deterrence model.</b> The challenger attacks if its expected gain "
                    "exceeds its expected cost. " + html.escape(PRESET_NOTE) + "</p>"
                ),
                self.preset,
                *self.controls.values(),
                self.readout,
            ]
        )
        self.update()

    def after_set(self) -> None:
        self.preset.value = CUSTOM

    def _on_preset(self, change) -> None:
        if self.suspended or change["new"] == CUSTOM:
            return
        inputs = PRESETS[change["new"]]
        with self.batch():
            for name, control in self.controls.items():
                control.value = getattr(inputs, name)

    def _on_change(self, _change) -> None:
        if self.suspended:
            return
        with self.batch():
            self.preset.value = CUSTOM

    def update(self) -> None:
        try:
            inputs = CredibilityInputs(**self.values())
            result = evaluate(inputs)
            lines = explain(inputs)
        except ValueError as error:
            self.readout.value = html.error_box(error)
            return
        verdict = "Deterred" if result.deterred else "The attack pays"
        colour = "#4c78a8" if result.deterred else "#e45756"
        self.readout.value = (
            '<div aria-live="polite">'
            f'<p style="font-size:1.2em;color:{colour}"><b>{verdict}</b> '
            f"(net payoff {result.net_payoff:.2f}, status quo {inputs.status_quo:.2f})</p>"
            + "".join(f"<p>{html.escape(line)}</p>" for line in lines)
            + "</div>"
        )

    @property
    def text(self) -> str:
        """The readout as plain text (for tests)."""
        return html.to_text(self.readout.value)
