"""The ceasefire-line explorer as an ipywidgets app (JupyterLab, Binder).

    from widgets.explorer.ui import CeasefireExplorer
    app = CeasefireExplorer()
    app.widget          # display this

Every control has a label and works from the keyboard (Tab to reach it, arrow keys for
sliders, Space for checkboxes). Bad input never raises: the message area (CSS class
``explorer-message``) says what is wrong; the summary (``explorer-summary``) names the
trade-offs and the assumptions. Methods ``set_*`` change the state from Python (tests,
worked examples); they go through the same path as a student's click.
"""

from __future__ import annotations

import html
import urllib.parse
from collections.abc import Mapping, Sequence
from typing import Any

import altair as alt
import ipywidgets as w

from widgets.explorer import charts
from widgets.explorer import model as m
from widgets.explorer import scenario as sc

#: Areas of the country for grouping the unit sliders (a reading aid, not data).
AREAS: dict[str, tuple[str, ...]] = {
    "East": ("UA-09", "UA-14", "UA-63", "UA-12"),
    "South": ("UA-23", "UA-65", "UA-43", "UA-40", "UA-48", "UA-51"),
    "North": ("UA-59", "UA-74", "UA-32", "UA-30", "UA-18"),
    "Centre": ("UA-53", "UA-71", "UA-35", "UA-05"),
    "West": ("UA-07", "UA-56", "UA-46", "UA-61", "UA-68", "UA-21", "UA-26", "UA-77"),
}

LABEL_STYLE = {"description_width": "230px"}
WIDE = w.Layout(width="560px")


def _esc(text: Any) -> str:
    return html.escape(str(text))


def _join(items: Sequence[str]) -> str:
    return ", ".join(items) if items else "none"


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


class CeasefireExplorer:
    """The full explorer: build a settlement, set your estimates and weights, compare."""

    def __init__(
        self,
        data: m.ExplorerData | None = None,
        compared: Sequence[m.Settlement] | None = None,
        weights: Mapping[str, float] | None = None,
        estimates: m.Estimates | None = None,
        start_preset: str | None = None,
        arrangement: str = "neutrality_guarantees",
    ) -> None:
        self.data = data or m.ExplorerData.load()
        self.estimates = m.validate_estimates(estimates or m.Estimates())
        self.weights = m.validate_weights(weights or m.DEFAULT_WEIGHTS)
        self.compared: list[m.Settlement] = list(compared or [])
        self.results: list[m.Result] = []
        self.flips: list[m.Flip] = []
        self.current: m.Settlement | None = None
        self._asset_overrides: dict[str, bool] = {}
        self._quiet = False  # set while the app itself moves controls
        self._last_shares: dict[str, float] | None = None
        start = start_preset or next(iter(self.data.presets))
        self.data.preset(start)
        m.validate_arrangement(arrangement)
        self._build(start, arrangement)
        self.refresh()

    # ----------------------------------------------------------------- building

    def _build(self, start: str, arrangement: str) -> None:
        d = self.data
        self.message = w.HTML(value="", layout=w.Layout(min_height="1.5em"))
        self.message.add_class("explorer-message")
        self.summary = w.HTML()
        self.summary.add_class("explorer-summary")
        self.sensitivity = w.HTML()
        self.sensitivity.add_class("explorer-sensitivity")

        # the line
        self.preset = w.Dropdown(
            options=[(p.label, pid) for pid, p in d.presets.items()],
            value=start,
            description="Start from line",
            style=LABEL_STYLE,
            layout=WIDE,
        )
        self.name = w.Text(
            value="My settlement",
            description="Name of your settlement",
            style=LABEL_STYLE,
            layout=WIDE,
        )
        self.reset_button = w.Button(
            description="Reset to this line",
            tooltip="Set every unit back to the chosen line",
        )
        self.sliders: dict[str, w.FloatSlider] = {}
        for unit in d.units:
            slider = w.FloatSlider(
                value=d.preset(start).shares[unit.code],
                min=0,
                max=100,
                step=0.5,
                description=f"{charts.short_name(unit.name)} (% Russian control)",
                readout_format=".1f",
                continuous_update=False,
                style=LABEL_STYLE,
                layout=WIDE,
            )
            slider.observe(self._on_share, names="value")
            self.sliders[unit.code] = slider
        self.unit_accordion = w.Accordion()
        self._group_codes: list[tuple[str, list[str]]] = []
        placed = set()
        for area, codes in AREAS.items():
            present = [c for c in codes if c in self.sliders]
            placed.update(present)
            if present:
                self._group_codes.append((area, present))
        rest = [c for c in d.codes if c not in placed]
        if rest:
            self._group_codes.append(("Other", rest))
        self.unit_accordion.children = [
            w.VBox([self.sliders[c] for c in codes]) for _, codes in self._group_codes
        ]
        self.asset_boxes: dict[str, w.Checkbox] = {}
        for asset in d.assets:
            box = w.Checkbox(
                value=bool(d.preset(start).assets.get(asset.asset_id, False)),
                description=f"{asset.name}: under Russian control",
                indent=False,
                layout=WIDE,
            )
            box.observe(self._on_asset, names="value")
            self.asset_boxes[asset.asset_id] = box
        self.asset_accordion = w.Accordion(
            children=[
                w.VBox(
                    [
                        w.HTML(
                            "<p>Assets follow the line where a unit is wholly on one side; in "
                            "a divided unit, tick or untick them yourself.</p>"
                        ),
                        *self.asset_boxes.values(),
                    ]
                )
            ],
            titles=("Ports and critical assets",),
        )
        self.preset.observe(self._on_preset, names="value")
        self.reset_button.on_click(lambda _: self._on_preset({"new": self.preset.value}))
        self.name.observe(lambda _: self.refresh(), names="value")

        # the arrangement
        self.arrangement = w.Dropdown(
            options=[(label, key) for key, label in m.ARRANGEMENTS.items()],
            value=arrangement,
            description="Security arrangement",
            style=LABEL_STYLE,
            layout=WIDE,
        )
        self.arrangement.observe(lambda _: self.refresh(), names="value")
        self.feature_boxes: dict[str, w.Checkbox] = {}
        for key, label in m.FEATURES.items():
            box = w.Checkbox(value=False, description=label, indent=False, layout=WIDE)
            box.observe(lambda _: self.refresh(), names="value")
            self.feature_boxes[key] = box

        # the student's estimates
        def pct_slider(value: float, description: str) -> w.FloatSlider:
            s = w.FloatSlider(
                value=value,
                min=0,
                max=100,
                step=1,
                description=description,
                readout_format=".0f",
                continuous_update=False,
                style=LABEL_STYLE,
                layout=WIDE,
            )
            s.observe(self._on_estimate, names="value")
            return s

        years = self.estimates.horizon_years
        self.risk_sliders = {
            k: pct_slider(self.estimates.base_risk_pct[k], f"Risk of war in {years} y, %: {label}")
            for k, label in charts.ARR_SHORT.items()
        }
        self.effect_sliders = {
            k: pct_slider(self.estimates.feature_effect_pct[k], f"Cuts risk by %: {label}")
            for k, label in m.FEATURES.items()
        }
        self.alignment_sliders = {
            k: pct_slider(self.estimates.alignment_pct[k], f"Alignment freedom, %: {label}")
            for k, label in charts.ARR_SHORT.items()
        }

        # weights
        self.weight_sliders: dict[str, w.FloatSlider] = {}
        for key, label in m.CRITERIA.items():
            s = w.FloatSlider(
                value=self.weights[key],
                min=0,
                max=m.MAX_WEIGHT,
                step=0.5,
                description=f"Weight: {label}",
                readout_format=".1f",
                continuous_update=False,
                style=LABEL_STYLE,
                layout=WIDE,
            )
            s.observe(self._on_weight, names="value")
            self.weight_sliders[key] = s

        # comparison
        self.compare_list = w.Select(
            options=[],
            description="Compared with",
            rows=5,
            style=LABEL_STYLE,
            layout=WIDE,
        )
        self.add_button = w.Button(
            description="Add my settlement",
            tooltip="Add a copy of your settlement to the comparison",
        )
        self.remove_button = w.Button(
            description="Remove selected", tooltip="Remove the selected settlement"
        )
        self.add_button.on_click(lambda _: self.add_to_comparison())
        self.remove_button.on_click(lambda _: self.remove_from_comparison(self.compare_list.value))

        # export / import
        self.note = w.Textarea(
            value="",
            description="Your note",
            placeholder="Why this line and these weights? (up to 2000 characters)",
            style=LABEL_STYLE,
            layout=w.Layout(width="560px", height="80px"),
        )
        self.export_button = w.Button(description="Export scenario")
        self.export_area = w.Textarea(
            description="Scenario (JSON)",
            style=LABEL_STYLE,
            layout=w.Layout(width="560px", height="140px"),
        )
        self.download = w.HTML()
        self.import_area = w.Textarea(
            description="Paste a scenario",
            placeholder="Paste the JSON of an exported scenario here",
            style=LABEL_STYLE,
            layout=w.Layout(width="560px", height="100px"),
        )
        self.import_button = w.Button(description="Import scenario")
        self.export_button.on_click(lambda _: self.export_scenario())
        self.import_button.on_click(lambda _: self.import_scenario(self.import_area.value))

        # charts
        self.comparison_view = alt.JupyterChart(alt.Chart().mark_point())
        self.map_view = alt.JupyterChart(alt.Chart().mark_point())

        placeholder_note = w.HTML(
            "<p><b>Your estimates.</b> The starting values are illustrative placeholders, "
            "not estimates from research: the same base risk for every arrangement, so that "
            "they favour none. Set your own. A checked feature lowers the risk by the "
            "percentage you give it (it does not apply to a frozen conflict, which has no "
            "agreement). Alignment freedom is your value judgement of how far an arrangement "
            "keeps Ukraine free to choose its alliances (e.g. a NATO path); it counts only if "
            "you give it a weight.</p>"
        )
        tabs = w.Tab(
            children=[
                w.VBox(
                    [
                        self.preset,
                        self.name,
                        self.reset_button,
                        self.unit_accordion,
                        self.asset_accordion,
                    ]
                ),
                w.VBox(
                    [self.arrangement, w.HTML("<b>Durability features</b>")]
                    + list(self.feature_boxes.values())
                ),
                w.VBox(
                    [
                        placeholder_note,
                        w.HTML("<b>Risk of renewed war (base, per arrangement)</b>"),
                        *self.risk_sliders.values(),
                        w.HTML("<b>Effect of each durability feature</b>"),
                        *self.effect_sliders.values(),
                        w.HTML("<b>Alignment freedom (your value judgement)</b>"),
                        *self.alignment_sliders.values(),
                    ]
                ),
                w.VBox(
                    [
                        w.HTML(
                            "<p>How much each criterion matters to you (0 = not at all). "
                            "Only the ratios matter.</p>"
                        ),
                        *self.weight_sliders.values(),
                    ]
                ),
                w.VBox([self.compare_list, w.HBox([self.add_button, self.remove_button])]),
                w.VBox(
                    [
                        self.note,
                        self.export_button,
                        self.export_area,
                        self.download,
                        self.import_area,
                        self.import_button,
                    ]
                ),
            ],
            titles=(
                "1 Line",
                "2 Arrangement",
                "3 Your estimates",
                "4 Weights",
                "5 Compare",
                "6 Export / import",
            ),
        )
        self.tabs = tabs
        self.widget = w.VBox(
            [
                tabs,
                self.message,
                self.summary,
                self.comparison_view,
                self.sensitivity,
                self.map_view,
            ]
        )
        self.widget.add_class("ceasefire-explorer")
        self._update_compare_list()
        self._update_accordion_titles()

    # ----------------------------------------------------------------- events

    def _on_share(self, change) -> None:
        if not self._quiet:
            self._sync_assets_to_line()
            self.refresh()

    def _on_asset(self, change) -> None:
        if self._quiet:
            return
        for asset_id, box in self.asset_boxes.items():
            if box is change["owner"]:
                self._asset_overrides[asset_id] = bool(change["new"])
        self.refresh()

    def _on_preset(self, change) -> None:
        preset = self.data.preset(change["new"])
        self._asset_overrides = {}
        with self._quietly():
            for code, slider in self.sliders.items():
                slider.value = preset.shares[code]
        self._sync_assets_to_line()
        self.refresh()

    def _on_estimate(self, change) -> None:
        if not self._quiet:
            self.refresh()

    def _on_weight(self, change) -> None:
        if not self._quiet:
            self.refresh()

    class _Quiet:
        def __init__(self, app):
            self.app = app

        def __enter__(self):
            self.before = self.app._quiet
            self.app._quiet = True

        def __exit__(self, *exc):
            self.app._quiet = self.before

    def _quietly(self):
        return self._Quiet(self)

    # ----------------------------------------------------------------- state

    def _shares(self) -> dict[str, float]:
        return {code: float(s.value) for code, s in self.sliders.items()}

    def _line_assets(self, shares: Mapping[str, float]) -> dict[str, bool]:
        preset = self.data.preset(self.preset.value)
        assets = m.assets_following_line(self.data, shares, preset.assets)
        assets.update(self._asset_overrides)
        return assets

    def _sync_assets_to_line(self) -> None:
        assets = self._line_assets(self._shares())
        with self._quietly():
            for asset_id, box in self.asset_boxes.items():
                box.value = assets[asset_id]

    def _estimates(self) -> m.Estimates:
        return m.Estimates(
            base_risk_pct={k: s.value for k, s in self.risk_sliders.items()},
            feature_effect_pct={k: s.value for k, s in self.effect_sliders.items()},
            alignment_pct={k: s.value for k, s in self.alignment_sliders.items()},
            horizon_years=self.estimates.horizon_years,
        )

    def _weights(self) -> dict[str, float]:
        return {k: s.value for k, s in self.weight_sliders.items()}

    def current_settlement(self) -> m.Settlement:
        shares = self._shares()
        preset = self.data.preset(self.preset.value)
        assets = self._line_assets(shares)
        same = shares == {c: float(v) for c, v in preset.shares.items()} and assets == dict(
            preset.assets
        )
        return m.make_settlement(
            self.data,
            name=self.name.value.strip() or "My settlement",
            shares=shares,
            assets=assets,
            arrangement=self.arrangement.value,
            features=[k for k, b in self.feature_boxes.items() if b.value],
            base_preset=self.preset.value if same else m.CUSTOM,
        )

    def refresh(self) -> None:
        """Recompute everything from the controls; show a message instead of failing."""
        if self._quiet:
            return
        try:
            self.estimates = m.validate_estimates(self._estimates())
            self.current = self.current_settlement()
            settlements = [self.current, *self.compared]
            names = [s.name for s in settlements]
            if len(set(names)) != len(names):
                raise m.ExplorerError(
                    "two compared settlements have the same name: rename yours (tab 1)"
                )
            weights = m.validate_weights(self._weights())
            self.results = m.evaluate(self.data, settlements, weights, self.estimates)
            self.weights = weights
            self.flips = m.flip_points(self.results, weights)
        except (ValueError, KeyError) as error:
            self.show_message(str(error))
            return
        self.show_message("")
        self.summary.value = self._summary_html()
        self.sensitivity.value = self._sensitivity_html()
        self.comparison_view.spec = charts.comparison_spec(self.results, self.weights)
        shares = dict(self.current.shares)
        if shares != self._last_shares:
            self.map_view.spec = charts.tile_spec(self.data, self.current)
            self._last_shares = shares
            self._update_accordion_titles()

    def show_message(self, text: str) -> None:
        if text:
            self.message.value = (
                '<div role="alert" style="color:#8a1c1c;font-weight:bold">'
                f"Please check your input: {_esc(text)}</div>"
            )
        else:
            self.message.value = ""

    @property
    def message_text(self) -> str:
        return html.unescape(_strip_tags(self.message.value))

    @property
    def summary_text(self) -> str:
        return html.unescape(_strip_tags(self.summary.value))

    def _update_accordion_titles(self) -> None:
        titles = []
        for area, codes in self._group_codes:
            n = sum(1 for c in codes if self.sliders[c].value > 0)
            titles.append(f"{area}: {n} of {len(codes)} units with Russian control")
        self.unit_accordion.titles = tuple(titles)

    def _update_compare_list(self) -> None:
        self.compare_list.options = [s.name for s in self.compared]

    # ----------------------------------------------------------------- text

    def _summary_html(self) -> str:
        r = self.results[0]
        ind = r.indicators
        d = self.data
        s = self.current
        preset = d.preset(self.preset.value)
        if s.base_preset == m.CUSTOM:
            line = f"a custom line, starting from “{_esc(preset.label)}”"
        else:
            line = f"“{_esc(preset.label)}” (as of {_esc(preset.as_of)})"
        pop_date = _esc(m.population_dates_text(d))
        if ind.gdp_available:
            gdp_year = ", ".join(map(str, ind.gdp_years)) or "the data's year"
            no_gdp = [d.unit(c).name for c in ind.units_without_gdp]
            gdp_gap = f" The statistics give no figure for {_esc(_join(no_gdp))}." if no_gdp else ""
            economy = (
                f"Those areas produced about {ind.gdp_occupied_pct:.1f}% of Ukraine's gross "
                f"regional product in {gdp_year} (same even-spread assumption, pre-war "
                f"figures).{gdp_gap}"
            )
        else:
            economy = (
                "The data hold no gross regional product figures, so this criterion scores "
                "every settlement the same."
            )
        if d.assets:
            assets_text = f"left under Russian control: {_esc(_join(ind.assets_lost))}."
        else:
            assets_text = "the data list none, so this criterion scores every settlement the same."
        feats = [m.FEATURES[f] for f in ind.features]
        if s.arrangement in m.NO_AGREEMENT and feats:
            feat_text = (
                f"{_esc(_join(feats))} (they do not apply: a frozen conflict has no agreement)"
            )
        else:
            feat_text = _esc(_join(feats))
        parts = [
            f"<h4>{_esc(s.name)}: {line}</h4>",
            "<ul>",
            f"<li><b>Territory.</b> Ukraine holds {ind.held_km2:,.0f} km² "
            f"({ind.held_pct:.1f}% of its territory within the 1991 borders); "
            f"{ind.lost_km2:,.0f} km² ({ind.lost_pct:.1f}%) stay under Russian control.</li>",
            f"<li><b>People.</b> About {ind.people_occupied / 1e6:.2f} million people "
            f"({ind.people_occupied_pct:.1f}% of the pre-war population; estimates dated "
            f"{pop_date}) "
            "lived in the areas left under Russian control. This assumes people were spread "
            "evenly across each unit, a crude assumption; many have fled since.</li>",
            f"<li><b>Economy.</b> {economy}</li>",
            f"<li><b>Sea.</b> Access to the Black Sea: {_yes(ind.black_sea_access)}; to the Sea "
            f"of Azov: {_yes(ind.azov_access)}. Ports kept: {_esc(_join(ind.ports_kept))}. "
            f"Ports lost: {_esc(_join(ind.ports_lost))}.</li>",
            f"<li><b>Critical assets</b> {assets_text}</li>",
            f"<li><b>Security.</b> {_esc(m.ARRANGEMENTS[s.arrangement])}; durability "
            f"features: {feat_text}. Your risk of renewed war within {ind.horizon_years} "
            f"years: {ind.risk_pct:.0f}% (your base estimate "
            f"{self.estimates.base_risk_pct[s.arrangement]:.0f}%, lowered by the effects you "
            "set).</li>",
            "</ul>",
            self._tradeoff_html(),
            "<p><i>Assumptions.</i> The score is a weighted mean of criterion scores on 0–1 "
            "scales, with your weights; the risk figures and feature effects are your "
            "estimates (the starting values are illustrative placeholders, not research "
            "findings). This is a model you set, not a prediction: the outcome follows from "
            "your weights and assumptions, and there is no hidden right answer.</p>",
        ]
        return "\n".join(parts)

    def _tradeoff_html(self) -> str:
        results = self.results
        if len(results) < 2:
            return (
                f"<p>Weighted score: {results[0].score:.2f}. Add settlements to the "
                "comparison (tab 5) to see the trade-offs.</p>"
            )
        order = sorted(results, key=lambda r: (-r.score, results.index(r)))
        first, second = order[0], order[1]
        better = [
            m.CRITERIA[k]
            for k in m.CRITERIA
            if first.scores[k] > second.scores[k] + 1e-9 and self.weights[k] > 0
        ]
        worse = [
            m.CRITERIA[k]
            for k in m.CRITERIA
            if first.scores[k] < second.scores[k] - 1e-9 and self.weights[k] > 0
        ]
        ranking = "; ".join(
            f"{i}. {_esc(r.settlement.name)} ({r.score:.2f})" for i, r in enumerate(order, 1)
        )
        tie = abs(first.score - second.score) < 1e-9
        lead = (
            f"<b>{_esc(first.settlement.name)}</b> and <b>{_esc(second.settlement.name)}</b> tie."
            if tie
            else f"<b>{_esc(first.settlement.name)}</b> ranks first with your weights."
        )
        return (
            f"<p><b>Trade-offs.</b> {lead} Against the runner-up "
            f"({_esc(second.settlement.name)}) it does better on {_esc(_join(better))} and "
            f"worse on {_esc(_join(worse))}. Ranking: {ranking}.</p>"
        )

    def _sensitivity_html(self) -> str:
        if len(self.results) < 2:
            return "<p><b>Sensitivity.</b> Compare at least two settlements to see it.</p>"
        rows = []
        for key, label in m.CRITERIA.items():
            flips = [f for f in self.flips if f.criterion == key]
            if flips:
                text = "; ".join(
                    f"at {f.weight:.2f}: {_esc(f.b)} moves ahead of {_esc(f.a)}" for f in flips
                )
            else:
                text = f"no change in order for weights 0–{m.MAX_WEIGHT:g}"
            rows.append(
                f"<tr><td>{_esc(label)}</td><td>{self.weights[key]:.1f}</td><td>{text}</td></tr>"
            )
        return (
            "<p><b>Sensitivity.</b> Where the order of two settlements flips as one weight "
            "moves and the others stay as they are (solved exactly).</p>"
            '<table class="explorer-flips"><thead><tr><th>Criterion</th><th>Your weight</th>'
            "<th>Flip points (weight)</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
        )

    # ----------------------------------------------------------------- API for Python

    def _guard(self, action) -> bool:
        try:
            action()
            return True
        except (ValueError, KeyError) as error:
            self.show_message(str(error).strip("'\""))
            return False

    def set_preset(self, preset_id: str) -> bool:
        return self._guard(
            lambda: setattr(self.preset, "value", self.data.preset(preset_id).preset_id)
        )

    def set_share(self, code: str, value: float) -> bool:
        def act():
            unit = self.data.unit(code)
            v = m.check_number(
                value,
                f"the share of {unit.name} ({code}) under Russian control",
                0,
                100,
                m.ShareError,
            )
            self.sliders[code].value = v

        return self._guard(act)

    def set_shares(self, shares: Mapping[str, float]) -> bool:
        def act():
            checked = {}
            for code, value in shares.items():
                unit = self.data.unit(code)
                checked[code] = m.check_number(
                    value,
                    f"the share of {unit.name} ({code}) under Russian control",
                    0,
                    100,
                    m.ShareError,
                )
            with self._quietly():
                for code, value in checked.items():
                    self.sliders[code].value = value
            self._sync_assets_to_line()
            self.refresh()

        return self._guard(act)

    def set_asset(self, asset_id: str, russian_control: bool) -> bool:
        def act():
            self.data.asset(asset_id)
            self.asset_boxes[asset_id].value = bool(russian_control)

        return self._guard(act)

    def set_arrangement(self, arrangement: str) -> bool:
        return self._guard(
            lambda: setattr(self.arrangement, "value", m.validate_arrangement(arrangement))
        )

    def set_feature(self, feature: str, on: bool = True) -> bool:
        def act():
            (key,) = m.validate_features([feature])
            self.feature_boxes[key].value = bool(on)

        return self._guard(act)

    def _set_pct(self, sliders, key, value, what, known, error) -> bool:
        def act():
            if key not in sliders:
                raise error(f"unknown {what} {key!r}; choose from: {', '.join(known)}")
            sliders[key].value = m.check_number(value, f"{what} {key}", 0, 100, m.EstimateError)

        return self._guard(act)

    def set_risk(self, arrangement: str, pct: float) -> bool:
        return self._set_pct(
            self.risk_sliders,
            arrangement,
            pct,
            "arrangement",
            m.ARRANGEMENTS,
            m.UnknownArrangementError,
        )

    def set_effect(self, feature: str, pct: float) -> bool:
        return self._set_pct(
            self.effect_sliders, feature, pct, "feature", m.FEATURES, m.UnknownFeatureError
        )

    def set_alignment(self, arrangement: str, pct: float) -> bool:
        return self._set_pct(
            self.alignment_sliders,
            arrangement,
            pct,
            "arrangement",
            m.ARRANGEMENTS,
            m.UnknownArrangementError,
        )

    def set_weight(self, criterion: str, value: float) -> bool:
        def act():
            if criterion not in self.weight_sliders:
                raise m.UnknownCriterionError(
                    f"unknown criterion {criterion!r}; the criteria are: {', '.join(m.CRITERIA)}"
                )
            what = f"the weight of {m.CRITERIA[criterion]!r}"
            v = m.as_float(value, what, m.WeightError)
            if v != v:
                raise m.WeightError(f"{what} is not a number (NaN)")
            if v < 0:
                raise m.WeightError(f"{what} is negative ({v:g}); weights must be 0 or more")
            if v > m.MAX_WEIGHT:
                raise m.WeightError(f"{what} must be at most {m.MAX_WEIGHT:g}, got {v:g}")
            self.weight_sliders[criterion].value = v

        return self._guard(act)

    def set_weights(self, weights: Mapping[str, float]) -> bool:
        def act():
            full = {k: 0.0 for k in m.CRITERIA} | dict(weights)
            for k, v in full.items():
                if k not in m.CRITERIA:
                    raise m.UnknownCriterionError(f"unknown criterion {k!r}")
                if not 0 <= m.as_float(v, k, m.WeightError) <= m.MAX_WEIGHT:
                    raise m.WeightError(
                        f"the weight of {m.CRITERIA[k]!r} must be between 0 and "
                        f"{m.MAX_WEIGHT:g}, got {v!r}"
                    )
            with self._quietly():
                for k, v in full.items():
                    self.weight_sliders[k].value = float(v)
            self.refresh()

        return self._guard(act)

    def set_name(self, name: str) -> None:
        self.name.value = name

    def add_to_comparison(self, name: str | None = None) -> bool:
        """Add a copy of the current settlement to the comparison."""
        if self.current is None:
            self.show_message("nothing to add: fix the message above first")
            return False
        if len(self.compared) >= sc.MAX_COMPARED:
            self.show_message(f"at most {sc.MAX_COMPARED} settlements can be compared")
            return False
        copy_name = name or f"{self.current.name} ({len(self.compared) + 1})"
        if copy_name in {s.name for s in self.compared}:
            self.show_message(f"a compared settlement is already called {copy_name!r}")
            return False
        self.compared.append(m.with_changes(self.current, name=copy_name))
        self._update_compare_list()
        self.refresh()
        return True

    def remove_from_comparison(self, name: str | None) -> bool:
        if not name:
            self.show_message("select a compared settlement to remove first")
            return False
        self.compared = [s for s in self.compared if s.name != name]
        self._update_compare_list()
        self.refresh()
        return True

    def scenario(self) -> sc.Scenario:
        return sc.Scenario(
            settlement=self.current_settlement(),
            weights=self._weights(),
            estimates=self._estimates(),
            compared=tuple(self.compared),
            note=self.note.value,
        )

    def export_scenario(self) -> str | None:
        """Fill the export box and the download link; return the JSON text."""
        try:
            if len(self.note.value) > sc.MAX_NOTE_CHARS:
                raise sc.ScenarioError(
                    f"your note is longer than {sc.MAX_NOTE_CHARS} characters; shorten it"
                )
            m.validate_weights(self._weights())  # an all-zero file could not be imported
            m.validate_estimates(self._estimates())
            text = sc.export_json(self.scenario())
        except ValueError as error:
            self.show_message(str(error))
            return None
        self.export_area.value = text
        href = "data:application/json;charset=utf-8," + urllib.parse.quote(text)
        self.download.value = (
            f'<a download="ceasefire-scenario.json" href="{href}">'
            "Download the scenario as a file (ceasefire-scenario.json)</a> "
            "or copy the text above."
        )
        self.show_message("")
        return text

    def import_scenario(self, text: str) -> bool:
        """Load a scenario; on any problem, show the message and change nothing."""
        try:
            scenario = sc.import_json(text, self.data)
        except sc.ScenarioError as error:
            self.show_message(f"the scenario was not imported: {error}")
            return False
        s = scenario.settlement
        with self._quietly():
            base = s.base_preset if s.base_preset != m.CUSTOM else self.preset.value
            self.preset.value = base
            preset = self.data.preset(base)
            for code, slider in self.sliders.items():
                slider.value = s.shares[code]
            line_assets = m.assets_following_line(self.data, s.shares, preset.assets)
            self._asset_overrides = {a: v for a, v in s.assets.items() if line_assets.get(a) != v}
            for asset_id, box in self.asset_boxes.items():
                box.value = s.assets[asset_id]
            self.name.value = s.name
            self.arrangement.value = s.arrangement
            for key, box in self.feature_boxes.items():
                box.value = key in s.features
            e = scenario.estimates
            for k, slider in self.risk_sliders.items():
                slider.value = e.base_risk_pct[k]
            for k, slider in self.effect_sliders.items():
                slider.value = e.feature_effect_pct[k]
            for k, slider in self.alignment_sliders.items():
                slider.value = e.alignment_pct[k]
            for k, slider in self.weight_sliders.items():
                slider.value = scenario.weights[k]
            self.note.value = scenario.note
            self.compared = list(scenario.compared)
            self._update_compare_list()
        self._last_shares = None
        self.refresh()
        return True


def _strip_tags(text: str) -> str:
    import re

    return re.sub(r"<[^>]+>", "", text)


def default_comparison(data: m.ExplorerData) -> list[m.Settlement]:
    """The comparable set-ups (``explorer_model.comparison_setups``), the essay's first."""
    return m.comparison_setups(data)
