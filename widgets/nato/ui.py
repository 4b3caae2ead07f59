"""ipywidgets front-end of the consensus tracker (JupyterLab / Binder).

One dropdown per member sets its position (start: the sourced position of the chosen
period); checkboxes choose which positions count as a yes. The output says whether an
invitation would have consensus, who blocks, and how many ratifications would follow.
"""

from __future__ import annotations

import ipywidgets as w
import pandas as pd

from widgets.common import html
from widgets.common.ui import ControlPanel
from widgets.nato.model import (
    POSITION_LABELS,
    POSITIONS,
    YES_RULES,
    invitation_consensus,
    ratification,
)
from widgets.nato.positions import period_labels, positions_for

_OPTIONS = [(POSITION_LABELS[p], p) for p in POSITIONS]


class ConsensusExplorer(ControlPanel):
    """Holds the controls (one per member); :meth:`widget` returns the box to display."""

    def __init__(self, members: pd.DataFrame, period: str = "essay") -> None:
        self.members = members
        self.period = w.ToggleButtons(
            options=[(label, key) for key, label in period_labels().items()],
            value=period,
            description="Positions:",
            style={"description_width": "initial"},
        )
        self.yes_boxes = {
            p: w.Checkbox(
                value=p in YES_RULES["in_principle"],
                description=f"Count as yes: {POSITION_LABELS[p]}",
                indent=False,
                layout=w.Layout(width="auto"),
            )
            for p in POSITIONS
        }
        self.member_controls = {
            country: w.Dropdown(
                options=_OPTIONS,
                description=country,
                style={"description_width": "110px"},
                layout=w.Layout(width="360px"),
            )
            for country in members["country"]
        }
        self.reset_button = w.Button(
            description="Reset to the sourced positions", tooltip="Reset", icon="undo"
        )
        self.controls = self.member_controls
        self.output = w.HTML()
        super().__init__()
        self._load_period()
        self.period.observe(lambda _: self._load_period(), names="value")
        self.redraw_on_change(*self.yes_boxes.values(), *self.member_controls.values())
        self.reset_button.on_click(lambda _: self._load_period())

    # ------------------------------------------------------------------ state
    def sourced_positions(self) -> dict[str, str]:
        return positions_for(self.members, self.period.value)

    def current_positions(self) -> dict[str, str]:
        return self.values()

    def yes_positions(self) -> list[str]:
        return [p for p, box in self.yes_boxes.items() if box.value]

    def _load_period(self) -> None:
        sourced = self.sourced_positions()
        with self.batch():
            for country, control in self.member_controls.items():
                control.value = sourced[country]

    # ------------------------------------------------------------------ output
    def update(self) -> None:
        sourced = self.sourced_positions()
        current = self.current_positions()
        flips = {m: p for m, p in current.items() if p != sourced[m]}
        try:
            result = invitation_consensus(sourced, self.yes_positions(), flips)
            ratified = ratification(list(current))
        except ValueError as error:
            self.output.value = html.error_box(error, lead="Cannot compute:")
            return
        if result.consensus:
            verdict = (
                f"<b>Consensus:</b> all {result.n_members} members count as yes under your "
                "rule, so an invitation could be agreed."
            )
        else:
            names = ", ".join(html.escape(b) for b in result.blockers)
            verdict = (
                f"<b>No consensus:</b> {result.n_blockers} of {result.n_members} members do not "
                f"count as yes (one is enough to block): {names}."
            )
        changed = (
            ", ".join(f"{html.escape(m)} → {POSITION_LABELS[p]}" for m, p in flips.items())
            or "none"
        )
        self.output.value = (
            f"<p>{verdict}</p><p>Your what-if changes: {changed}.</p>"
            f"<p>After an invitation, {ratified.n_ratifications} members would each ratify the "
            "accession protocol by their own procedure (referendums required in our data: none "
            "listed).</p><p><i>The result follows from your choice of what counts as yes and "
            "your what-ifs, not from a verdict of this page.</i></p>"
        )

    def widget(self) -> w.Widget:
        grid = w.GridBox(
            list(self.member_controls.values()),
            layout=w.Layout(grid_template_columns="repeat(2, 370px)"),
        )
        return w.VBox(
            [
                self.period,
                w.HTML("<b>Which stated positions count as a yes?</b>"),
                w.VBox(list(self.yes_boxes.values())),
                w.HTML("<b>Each member's position (change any to test a what-if):</b>"),
                grid,
                self.reset_button,
                self.output,
            ]
        )


def consensus_explorer(members: pd.DataFrame, period: str = "essay") -> w.Widget:
    """The explorer's widget, ready to display."""
    return ConsensusExplorer(members, period).widget()
