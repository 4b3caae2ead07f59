"""The ipywidgets front-end of the ceasefire explorer (JupyterLab, Binder).

Usage::

    from widgets.explorer.ui import ExplorerApp
    app = ExplorerApp(data)
    app.widget

The app holds one state, :class:`~widgets.explorer.model.Inputs`. Every control calls a setter
(``set_weight``, ``set_package``, ``set_override`` ...), and every setter builds the new state
and validates it with ``model.check_inputs``, the function the importer and the exporter use.
A rejected value leaves the state unchanged and shows one error box, so every state the app can
reach exports, and imports back to the same state.
"""

from __future__ import annotations

import dataclasses
import html
import re
import urllib.parse
from collections.abc import Callable, Iterable
from typing import Any

import altair as alt
import ipywidgets as w

from widgets.common.validate import InputError
from widgets.explorer import actors, charts, scenario, text
from widgets.explorer import model as m

FULL = w.Layout(width="auto")
SLIDER_STYLE = {"description_width": "16em"}


def error_box_html(message: str) -> str:
    """The one style of error box used by every panel."""
    if not message:
        return ""
    return (
        '<div role="alert" class="explorer-error" style="border-left:4px solid #8a1c1c;'
        'padding:4px 8px;color:#8a1c1c;background:#fdf2f2">'
        f"<b>Please check:</b> {html.escape(message)}</div>"
    )


def info_html(message: str) -> str:
    return f'<div role="status" style="color:#1d5e2b">{html.escape(message)}</div>'


class Guard:
    """Set while the app writes its state into the widgets, so observers ignore the echo."""

    def __init__(self) -> None:
        self.active = False

    def __enter__(self):
        self.active = True

    def __exit__(self, *exc):
        self.active = False


# --------------------------------------------------------------------------- parts


class LineEditor:
    """A line: a preset and per-unit overrides."""

    def __init__(self, app: ExplorerApp, data: m.ExplorerData, get_line, set_line, label: str):
        self.app, self.data, self.get_line, self.set_line = app, data, get_line, set_line
        presets = [(f"{p.label} ({p.as_of})", p.preset_id) for p in data.presets.values()]
        units = [(f"{u.name} ({u.code})", u.code) for u in data.units]
        self.preset = w.Dropdown(options=presets, description=f"{label} line", style=SLIDER_STYLE)
        self.unit = w.Dropdown(options=units, description="unit", layout=w.Layout(width="22em"))
        self.share = w.BoundedFloatText(
            value=0,
            min=0,
            max=100,
            step=0.1,
            description="% Russian",
            layout=w.Layout(width="12em"),
        )
        self.set_button = w.Button(description="Override unit", tooltip="set this unit's share")
        self.clear_button = w.Button(description="Clear override", tooltip="use the preset's share")
        self.listing = w.HTML()
        self.preset.observe(self._on_preset, "value")
        self.unit.observe(lambda _: self.sync(), "value")
        self.set_button.on_click(lambda _: self._override(self.share.value))
        self.clear_button.on_click(lambda _: self._override(None))
        self.widget = w.VBox(
            [
                self.preset,
                w.HBox([self.unit, self.share, self.set_button, self.clear_button]),
                self.listing,
            ]
        )

    def _on_preset(self, change) -> None:
        if not self.app.guard.active:
            line = self.get_line()
            self.set_line(m.Line(change["new"], line.overrides))

    def _override(self, value) -> None:
        line = self.get_line()
        overrides = dict(line.overrides)
        if value is None:
            overrides.pop(self.unit.value, None)
        else:
            overrides[self.unit.value] = value
        self.set_line(m.Line(line.preset, overrides))

    def sync(self) -> None:
        line = self.get_line()
        with self.app.guard:
            self.preset.value = line.preset
            shares = m.line_shares(self.data, line)
            self.share.value = shares[self.unit.value]
        if line.overrides:
            names = {u.code: u.name for u in self.data.units}
            items = ", ".join(f"{names[c]} {v:g} %" for c, v in line.overrides.items())
            self.listing.value = f"<small>Your overrides: {html.escape(items)}</small>"
        else:
            self.listing.value = "<small>No overrides: the preset's shares.</small>"


class PackageCard:
    """One package: name, line, arrangement, features, base risk, attainability."""

    def __init__(self, app: ExplorerApp, index: int):
        self.app, self.index = app, index
        data = app.data
        self.name = w.Text(description="name", continuous_update=False, style=SLIDER_STYLE)
        self.line = LineEditor(
            app, data, lambda: self.package.line, lambda line: self._set(line=line), "package"
        )
        options = [(a.label, a.arrangement_id) for a in data.arrangements.values()]
        self.arrangement = w.Dropdown(
            options=options, description="arrangement", style=SLIDER_STYLE
        )
        self.terms = w.HTML()
        self.features = {
            f: w.Checkbox(description=label, indent=False) for f, label in m.FEATURES.items()
        }
        self.base_risk = w.FloatSlider(
            min=0, max=100, step=1, description="base risk of renewed war (%)", style=SLIDER_STYLE
        )
        self.attain = w.FloatSlider(
            min=0, max=100, step=1, description="chance it is agreed (%)", style=SLIDER_STYLE
        )
        self.remove = w.Button(description="Remove package", tooltip="remove this package")
        self.name.observe(lambda c: self._on(name=c["new"]), "value")
        self.arrangement.observe(lambda c: self._on(arrangement=c["new"]), "value")
        for f, box in self.features.items():
            box.observe(lambda c, f=f: self._on_feature(f, c["new"]), "value")
        self.base_risk.observe(lambda c: self._on(base_risk_pct=c["new"]), "value")
        self.attain.observe(lambda c: self._on(attain_pct=c["new"]), "value")
        self.remove.on_click(lambda _: app.remove_package(self.index))
        self.widget = w.VBox(
            [
                self.name,
                self.line.widget,
                self.arrangement,
                self.terms,
                w.HBox([w.Label("durability features:"), *self.features.values()]),
                self.base_risk,
                self.attain,
                self.remove,
            ],
            layout=w.Layout(border="1px solid #ccc", padding="6px", margin="4px 0"),
        )

    @property
    def package(self) -> m.Package:
        return self.app.inputs.packages[self.index]

    def _set(self, **changes) -> None:
        self.app.set_package(self.index, **changes)

    def _on(self, **changes) -> None:
        if not self.app.guard.active:
            self._set(**changes)

    def _on_feature(self, feature: str, on: bool) -> None:
        if not self.app.guard.active:
            self.app.set_feature(self.index, feature, on)

    def sync(self) -> None:
        p = self.package
        with self.app.guard:
            self.name.value = p.name
            self.arrangement.value = p.arrangement
            for f, box in self.features.items():
                box.value = f in p.features
            self.base_risk.value = p.base_risk_pct
            self.attain.value = p.attain_pct
        self.line.sync()
        arrangement = self.app.data.arrangements[p.arrangement]
        note = "" if arrangement.agreement else " (no text: peace 0, features do not apply)"
        self.terms.value = f"<small>{html.escape(arrangement.description + note)}</small>"


class WeightsPanel:
    """Signed weights of one actor at a time (the actor is chosen from a list)."""

    def __init__(self, app: ExplorerApp):
        self.app = app
        self.actor = w.ToggleButtons(
            options=[(label, a) for a, label in m.ACTORS.items()], description="actor"
        )
        self.sliders = {
            c: w.FloatSlider(
                min=-m.MAX_WEIGHT,
                max=m.MAX_WEIGHT,
                step=0.5,
                description=app.data.criterion_label(c),
                style=SLIDER_STYLE,
                layout=w.Layout(width="40em"),
            )
            for c in app.data.criteria
        }
        for c, slider in self.sliders.items():
            slider.observe(lambda ch, c=c: self._on(c, ch["new"]), "value")
        self.actor.observe(lambda _: self.sync(), "value")
        self.reset = w.Button(description="Illustrative defaults", tooltip="reset this actor")
        self.reset.on_click(lambda _: app.reset_weights(self.actor.value))
        note = w.HTML(
            "<small>Weights run from -10 to 10: a negative weight means the actor prefers "
            "<i>less</i> of that criterion. The starting weights are illustrative, not anyone's "
            "stated position, and put 0 on every term of the text, so arrangements tie until "
            "you weigh their terms.</small>"
        )
        self.widget = w.VBox([self.actor, note, *self.sliders.values(), self.reset])

    def _on(self, criterion: str, value: float) -> None:
        if not self.app.guard.active:
            self.app.set_weight(self.actor.value, criterion, value)

    def sync(self) -> None:
        row = self.app.inputs.weights[self.actor.value]
        with self.app.guard:
            for c, slider in self.sliders.items():
                slider.value = row[c]


class FilePanel:
    """Title, group, delegation; export and import of scenario files."""

    def __init__(self, app: ExplorerApp):
        self.app = app
        self.title = w.Text(description="title", continuous_update=False, layout=FULL)
        self.group = w.Text(description="group", continuous_update=False)
        self.delegation = w.Dropdown(
            options=[("(none)", "")] + [(label, a) for a, label in m.ACTORS.items()],
            description="delegation",
        )
        self.export_button = w.Button(description="Export scenario", button_style="primary")
        self.export_area = w.Textarea(layout=w.Layout(width="100%", height="8em"))
        self.download = w.HTML()
        self.import_area = w.Textarea(
            placeholder="paste the JSON text of a scenario file here",
            layout=w.Layout(width="100%", height="6em"),
        )
        self.upload = w.FileUpload(accept=".json", multiple=False, description="Upload file")
        self.import_button = w.Button(description="Import scenario")
        self.status = w.HTML()
        self.title.observe(lambda c: self._on(app.set_title, c), "value")
        self.group.observe(lambda c: self._on(app.set_group, c), "value")
        self.delegation.observe(lambda c: self._on(app.set_delegation, c), "value")
        self.export_button.on_click(lambda _: app.export_scenario())
        self.import_button.on_click(lambda _: app.import_scenario(self.import_area.value))
        self.upload.observe(self._on_upload, "value")
        self.widget = w.VBox(
            [
                self.title,
                w.HBox([self.group, self.delegation]),
                self.export_button,
                self.export_area,
                self.download,
                w.HTML("<b>Import</b>: paste a file's text or upload it."),
                self.import_area,
                w.HBox([self.upload, self.import_button]),
                self.status,
            ]
        )

    def _on(self, setter: Callable, change) -> None:
        if not self.app.guard.active:
            setter(change["new"])

    def _on_upload(self, change) -> None:
        files = change["new"]
        if files:
            item = files[0] if isinstance(files, list | tuple) else next(iter(files.values()))
            self.app.import_scenario(bytes(item["content"]))

    def sync(self) -> None:
        with self.app.guard:
            self.title.value = self.app.inputs.title
            self.group.value = self.app.inputs.group
            self.delegation.value = self.app.inputs.delegation


class ResultsPanel:
    """Whose view, which actors must agree; the summary, and the two charts."""

    def __init__(self, app: ExplorerApp):
        self.app = app
        self.view = w.Dropdown(
            options=[(label, a) for a, label in m.ACTORS.items()], description="ranking for"
        )
        self.chosen = {
            a: w.Checkbox(description=label, indent=False) for a, label in m.ACTORS.items()
        }
        self.view.observe(lambda c: self._on(app.set_view_actor, c["new"]), "value")
        for box in self.chosen.values():
            box.observe(lambda _: self._on(app.set_chosen_actors, self._ticked()), "value")
        self.summary = w.HTML()
        self.gains = alt.JupyterChart(alt.Chart().mark_point())
        self.scores = alt.JupyterChart(alt.Chart().mark_point())
        self.widget = w.VBox(
            [
                w.HBox([w.Label("who must agree:"), *self.chosen.values()]),
                self.view,
                self.summary,
                self.gains,
                self.scores,
            ]
        )

    def _ticked(self) -> tuple[str, ...]:
        return tuple(a for a, box in self.chosen.items() if box.value)

    def _on(self, setter: Callable, value) -> None:
        if not self.app.guard.active:
            setter(value)

    def sync(self) -> None:
        with self.app.guard:
            self.view.value = self.app.inputs.view_actor
            for a, box in self.chosen.items():
                box.value = a in self.app.inputs.chosen_actors

    def show(self, evaluation: actors.Evaluation, summary: dict) -> None:
        self.summary.value = text.render_html(summary)
        self.gains.spec = charts.gains_spec(evaluation)
        self.scores.spec = charts.scores_spec(evaluation, evaluation.inputs.view_actor)


# --------------------------------------------------------------------------- the app


class ExplorerApp:
    """The whole explorer: state, setters, panels."""

    def __init__(self, data: m.ExplorerData, inputs: m.Inputs | None = None):
        self.data = data
        self.inputs = m.check_inputs(data, inputs or m.default_inputs(data))
        self.guard = Guard()
        self.message = w.HTML()
        self.weights = WeightsPanel(self)
        self.no_deal = LineEditor(
            self, data, lambda: self.inputs.no_deal, self.set_no_deal, "no-deal"
        )
        self.effects = {
            f: w.FloatSlider(
                min=0, max=100, step=1, description=f"{label}: risk cut (%)", style=SLIDER_STYLE
            )
            for f, label in m.FEATURES.items()
        }
        for f, slider in self.effects.items():
            slider.observe(lambda c, f=f: self._on(self.set_feature_effect, f, c["new"]), "value")
        self.files = FilePanel(self)
        self.results = ResultsPanel(self)
        self.cards: list[PackageCard] = []
        self.cards_box = w.VBox()
        self.add_button = w.Button(description="Add package", tooltip="up to eight packages")
        self.add_button.on_click(lambda _: self.add_package())
        no_deal_box = w.VBox(
            [
                w.HTML(
                    "<small>No deal: the war goes on along this line, so its peace criterion "
                    "is 0 and no term of any text applies. A package is acceptable to an actor "
                    "only if the actor scores it above no deal.</small>"
                ),
                self.no_deal.widget,
                w.HTML("<b>Durability features</b> (the same effect for every package):"),
                *self.effects.values(),
            ]
        )
        self.tabs = w.Tab(
            children=[
                self.results.widget,
                w.VBox([self.cards_box, self.add_button]),
                self.weights.widget,
                no_deal_box,
                self.files.widget,
            ]
        )
        for i, title in enumerate(
            ["Results", "Packages", "Weights (actors)", "No deal & features", "Export / import"]
        ):
            self.tabs.set_title(i, title)
        self.widget = w.VBox([self.message, self.tabs])
        self.widget.add_class("ceasefire-explorer")
        self.evaluation: actors.Evaluation | None = None
        self.summary: dict = {}
        self._rebuild_cards()
        self.sync()
        self.refresh()

    # ----------------------------------------------------------------- state

    def _apply(self, candidate: m.Inputs) -> bool:
        """Validate and adopt ``candidate``; on an error keep the state and say why."""
        try:
            checked = m.check_inputs(self.data, candidate)
        except InputError as error:
            self.show_error(str(error))
            self.sync()
            return False
        rebuild = len(checked.packages) != len(self.inputs.packages)
        self.inputs = checked
        self.show_error("")
        if rebuild:
            self._rebuild_cards()
        self.refresh()
        return True

    def _replace(self, **changes) -> bool:
        return self._apply(dataclasses.replace(self.inputs, **changes))

    def _on(self, setter: Callable, *args) -> None:
        if not self.guard.active:
            setter(*args)

    def refresh(self) -> None:
        self.evaluation = actors.evaluate(self.data, self.inputs)
        self.summary = text.summary(self.data, self.evaluation)
        self.results.show(self.evaluation, self.summary)

    def sync(self) -> None:
        """Write the state into every control."""
        self.weights.sync()
        self.no_deal.sync()
        with self.guard:
            for f, slider in self.effects.items():
                slider.value = self.inputs.feature_effect_pct[f]
        self.files.sync()
        self.results.sync()
        for card in self.cards:
            card.sync()
        self.add_button.disabled = len(self.inputs.packages) >= m.MAX_PACKAGES

    def _rebuild_cards(self) -> None:
        self.cards = [PackageCard(self, i) for i in range(len(self.inputs.packages))]
        self.cards_box.children = [c.widget for c in self.cards]
        self.sync()

    # ----------------------------------------------------------------- setters

    def set_weight(self, actor: str, criterion: str, value: float) -> bool:
        weights = {a: dict(row) for a, row in self.inputs.weights.items()}
        if actor not in weights:
            return self._reject(m.check_actor, actor, "weights (actor)")
        weights[actor][criterion] = value
        return self._replace(weights=weights)

    def reset_weights(self, actor: str) -> bool:
        weights = {a: dict(row) for a, row in self.inputs.weights.items()}
        weights[actor] = {c: 0.0 for c in self.data.criteria} | m.DEFAULT_WEIGHTS.get(actor, {})
        ok = self._replace(weights=weights)
        self.weights.sync()
        return ok

    def set_package(self, index: int, **changes) -> bool:
        if not 0 <= index < len(self.inputs.packages):
            self.show_error(f"packages[{index}]: there is no package number {index + 1}")
            return False
        packages = list(self.inputs.packages)
        try:
            packages[index] = dataclasses.replace(packages[index], **changes)
        except TypeError as error:
            self.show_error(f"packages[{index}]: {error}")
            return False
        ok = self._replace(packages=tuple(packages))
        if index < len(self.cards):
            self.cards[index].sync()
        return ok

    def set_feature(self, index: int, feature: str, on: bool) -> bool:
        if feature not in m.FEATURES:
            return self._reject(lambda f, where: m.check_features([f], where), feature, "features")
        features = set(self.inputs.packages[index].features)
        features = features | {feature} if on else features - {feature}
        return self.set_package(index, features=tuple(sorted(features)))

    def set_override(self, index: int | None, code: str, value: float | None) -> bool:
        """Override one unit's share of a package's line (``index`` None: the no-deal line)."""
        line = self.inputs.no_deal if index is None else self.inputs.packages[index].line
        overrides = dict(line.overrides)
        if value is None:
            overrides.pop(code, None)
        else:
            overrides[code] = value
        new = m.Line(line.preset, overrides)
        return self.set_no_deal(new) if index is None else self.set_package(index, line=new)

    def set_no_deal(self, line: m.Line) -> bool:
        ok = self._replace(no_deal=line)
        self.no_deal.sync()
        return ok

    def set_feature_effect(self, feature: str, value: float) -> bool:
        effects = dict(self.inputs.feature_effect_pct)
        if feature not in effects:
            return self._reject(m.check_feature_effects, {feature: value}, "feature_effect_pct")
        effects[feature] = value
        return self._replace(feature_effect_pct=effects)

    def set_view_actor(self, actor: str) -> bool:
        return self._replace(view_actor=actor)

    def set_chosen_actors(self, chosen: Iterable[str]) -> bool:
        return self._replace(chosen_actors=tuple(chosen))

    def set_title(self, value: str) -> bool:
        return self._replace(title=value)

    def set_group(self, value: str) -> bool:
        return self._replace(group=value)

    def set_delegation(self, value: str) -> bool:
        return self._replace(delegation=value)

    def add_package(self, package: m.Package | None = None) -> bool:
        if len(self.inputs.packages) >= m.MAX_PACKAGES:
            self.show_error(f"packages: at most {m.MAX_PACKAGES} packages")
            return False
        if package is None:
            last = self.inputs.packages[-1]
            package = dataclasses.replace(last, name=f"Package {len(self.inputs.packages) + 1}")
        return self._replace(packages=(*self.inputs.packages, package))

    def remove_package(self, index: int) -> bool:
        if len(self.inputs.packages) <= 1:
            self.show_error("packages: keep at least one package")
            return False
        packages = tuple(p for i, p in enumerate(self.inputs.packages) if i != index)
        return self._replace(packages=packages)

    def _reject(self, check, value, where: str) -> bool:
        try:
            check(value, where)
        except InputError as error:
            self.show_error(str(error))
        return False

    # ----------------------------------------------------------------- files, messages

    def export_scenario(self) -> str | None:
        try:
            content = scenario.export_json(self.data, self.inputs)
        except scenario.ScenarioError as error:
            self.show_error(str(error))
            return None
        self.files.export_area.value = content
        href = "data:application/json;charset=utf-8," + urllib.parse.quote(content)
        self.files.download.value = (
            f'<a download="ceasefire-scenario.json" href="{href}">Download the scenario '
            "(ceasefire-scenario.json)</a> or copy the text above."
        )
        self.files.status.value = info_html("Exported: the text above is your scenario file.")
        self.show_error("")
        return content

    def import_scenario(self, content: Any) -> bool:
        try:
            inputs = scenario.import_json(self.data, content)
        except scenario.ScenarioError as error:
            self.show_error(f"the scenario was not imported, nothing changed. {error}")
            return False
        self.inputs = inputs
        self._rebuild_cards()
        self.refresh()
        self.show_error("")
        self.files.status.value = info_html(
            f"Imported {len(inputs.packages)} package(s)"
            + (f": {inputs.title}" if inputs.title else ".")
        )
        return True

    def show_error(self, message: str) -> None:
        self.message.value = error_box_html(message)

    @property
    def message_text(self) -> str:
        return html.unescape(re.sub(r"<[^>]+>", "", self.message.value))

    @property
    def summary_text(self) -> str:
        return text.render_text(self.summary)
