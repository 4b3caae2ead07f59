"""The multi-actor ceasefire explorer: vocabulary, data, inputs and their validators (pure).

This module and :mod:`~widgets.explorer.indicators`, :mod:`~widgets.explorer.actors` and
:mod:`~widgets.explorer.sensitivity` are the reference model of the explorer (contract version 2;
where the contract text and this docstring differ, this docstring is right). Nothing here is a
prediction: risks, attainability, feature effects and every weight are the student's inputs; the
defaults are illustrative placeholders, the same for every package.

Inputs
------
- A *line*: a preset id (``data/presets.csv``) plus per-unit overrides; ``s_u`` = % of unit
  ``u``'s area under Russian control (27 units of ``data/regions.csv``).
- A *package* p: a line, an arrangement id (``data/arrangements.csv``), durability features
  (subset of :data:`FEATURES`), ``base_risk_pct`` and ``attain_pct`` (both in [0, 100]).
- ``feature_effect_pct[f]`` in [0, 100] for every feature (global).
- The *no-deal reference*: a line under the arrangement ``no_agreement`` (no text).
- Weights ``w_ac`` in [-10, 10] for every actor a and criterion c (missing = 0).

Criteria (each in [0, 1], the same numbers for every actor)
-----------------------------------------------------------
- ``territory`` = 1 - sum_u A_u s_u/100 / sum_u A_u (A_u = area, 1991 borders).
- ``people`` = 1 - sum_u P_u s_u/100 / sum_u P_u (P_u = pre-war population, spread evenly).
- ``economy`` = 1 - sum_u G_u s_u/100 / sum_u G_u over units with a GRP share G_u (even spread).
- ``ports`` = sum over existing ports of T_i [i kept] / sum T_i (T_i = pre-war cargo
  throughput, ``assets.csv``; a port without a figure weighs 0); 1 if the total weight is 0.
- ``assets`` = share of existing non-port assets kept (1 if there are none). Destroyed assets
  (``status`` = destroyed) are never counted. An asset is Russian-held iff
  s_u >= ``russian_held_at_pct`` of the asset (the documented rule in ``assets.csv``).
- ``peace`` = 1 - risk_pct/100 with risk_pct = base_risk_pct x prod_f (1 - effect_f/100) over
  the package's features, for an arrangement with ``agreement`` true; 0 without an agreement
  (the no-deal reference, or a package whose arrangement is ``no_agreement``: features then do
  not apply).
- one criterion per term column of ``data/arrangements.csv`` (0/1, a fact of the text).

Outputs (see :mod:`~widgets.explorer.actors` and :mod:`~widgets.explorer.sensitivity`)
------------------------------------------------------------------------------------------
- U_a(p) = sum_c w_ac x_c(p) / sum_c |w_ac|; an actor whose weights are all 0 is not scored
  (an error naming the actor if it is the viewed actor or a chosen actor).
- V_a(p) = q_p U_a(p) + (1 - q_p) U_a(N), q_p = attain_pct/100, N = the no-deal reference;
  gain over no deal G_a(p) = V_a(p) - U_a(N) = q_p (U_a(p) - U_a(N)).
- p is acceptable to a iff U_a(p) > U_a(N) + 1e-9; the zone of possible agreement of the chosen
  actors is the set of packages acceptable to all of them; the blockers of p are the chosen actors
  to whom p is not acceptable.
- Ranking of a's packages by V_a, best first (ties within 1e-9 share a rank; order of entry).
- Fragility of a's first place: for each criterion k, with the other weights fixed, every V_a(p)
  is N_p(w)/(W + |w|) with N_p(w) = alpha_p + beta_p w linear in w = w_ak and a positive shared
  denominator, so first place changes exactly where the leader's line N_L is crossed by another
  line: w* = (alpha_L - alpha_p)/(beta_p - beta_L). Reported: the nearest such w* above and below
  the current weight within [-10, 10] (and the package that takes first place), or none in range.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from widgets.common import validate as v
from widgets.common.validate import InputError

# --------------------------------------------------------------------------- vocabulary

#: The actors whose interests are weighed.
ACTORS: dict[str, str] = {
    "ukraine": "Ukraine",
    "russia": "Russia",
    "united_states": "United States",
    "european_guarantors": "European guarantors",
}

#: Durability features (the same default set is offered to every package).
FEATURES: dict[str, str] = {
    "buffer_zone": "Buffer (demilitarised) zone",
    "monitors": "International monitors",
    "detailed_agreement": "Detailed, specific agreement",
}

#: Criteria that follow from the line, then the peace criterion.
LINE_CRITERIA: dict[str, str] = {
    "territory": "Territory held by Ukraine",
    "people": "People outside occupation",
    "economy": "Economic output (GRP) kept by Ukraine",
    "ports": "Ports kept by Ukraine (by pre-war cargo)",
    "assets": "Other critical assets kept by Ukraine",
}
PEACE = "peace"
PEACE_LABEL = "No renewed war (1 - risk)"

NO_AGREEMENT = "no_agreement"
MAX_WEIGHT = 10.0
MAX_PACKAGES = 8
MAX_TITLE_CHARS = 120
MAX_GROUP_CHARS = 60
MAX_NAME_CHARS = 60
TOLERANCE = 1e-9
RISK_HORIZON_YEARS = 10

#: ILLUSTRATIVE PLACEHOLDERS, the same for every package and feature; the student replaces them.
DEFAULT_BASE_RISK_PCT = 40.0
DEFAULT_ATTAIN_PCT = 50.0
DEFAULT_FEATURE_EFFECT_PCT = 10.0

#: ILLUSTRATIVE default weights, not anyone's stated position: each actor weighs the line
#: criteria (Russia with the opposite sign: what Ukraine keeps, Russia does not gain) and peace;
#: every arrangement term weighs 0, so arrangements tie until the student says otherwise.
DEFAULT_WEIGHTS: dict[str, dict[str, float]] = {
    "ukraine": {c: 1.0 for c in LINE_CRITERIA} | {PEACE: 1.0},
    "russia": {c: -1.0 for c in LINE_CRITERIA} | {PEACE: 1.0},
    "united_states": {"territory": 1.0, "economy": 1.0, PEACE: 2.0},
    "european_guarantors": {"territory": 1.0, "people": 1.0, PEACE: 2.0},
}
DEFAULT_VIEW_ACTOR = "ukraine"
#: The role-play's rule 1: a framework needs Ukraine's and Russia's initials.
DEFAULT_CHOSEN_ACTORS = ("ukraine", "russia")
DEFAULT_LINE = "line_latest"


class ExplorerError(ValueError):
    """Input the model cannot use (data inconsistencies; input errors are InputError)."""


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    area_km2: float
    population: float
    gdp_share_pct: float | None
    grid_row: int = 0
    grid_col: int = 0


@dataclass(frozen=True)
class Asset:
    asset_id: str
    name: str
    kind: str
    code: str
    russian_held_at_pct: float
    throughput_mt: float | None  # ports: weight in the ports criterion
    destroyed: bool
    status_date: str = ""


@dataclass(frozen=True)
class Preset:
    preset_id: str
    label: str
    as_of: str
    description: str
    shares: Mapping[str, float]


@dataclass(frozen=True)
class Arrangement:
    arrangement_id: str
    label: str
    agreement: bool
    terms: Mapping[str, float]
    description: str = ""


@dataclass(frozen=True)
class ExplorerData:
    units: tuple[Unit, ...]
    assets: tuple[Asset, ...]
    presets: Mapping[str, Preset]
    arrangements: Mapping[str, Arrangement]
    terms: tuple[str, ...]
    term_labels: Mapping[str, str] = field(default_factory=dict)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(u.code for u in self.units)

    @property
    def criteria(self) -> tuple[str, ...]:
        return (*LINE_CRITERIA, PEACE, *self.terms)

    def criterion_label(self, criterion: str) -> str:
        labels = LINE_CRITERIA | {PEACE: PEACE_LABEL} | dict(self.term_labels)
        return labels.get(criterion, criterion)

    @classmethod
    def from_frames(cls, regions, presets, preset_shares, assets, arrangements, descriptor=None):
        """Build from the loader's DataFrames (``widgets.data``)."""
        units = tuple(
            Unit(
                code=str(r["code"]),
                name=str(r["name_en"]),
                area_km2=float(r["area_km2"]),
                population=float(r["population"]),
                gdp_share_pct=None
                if _missing(r.get("gdp_share_pct"))
                else float(r["gdp_share_pct"]),
                grid_row=int(r.get("grid_row", 0)),
                grid_col=int(r.get("grid_col", 0)),
            )
            for r in regions.to_dict("records")
        )
        asset_list = tuple(
            Asset(
                asset_id=str(r["asset_id"]),
                name=str(r["name"]),
                kind=str(r["kind"]),
                code=str(r["code"]),
                russian_held_at_pct=float(r["russian_held_at_pct"]),
                throughput_mt=None
                if _missing(r.get("throughput_mt"))
                else float(r["throughput_mt"]),
                destroyed=str(r.get("status", "operating")) == "destroyed",
                status_date=_date_text(r.get("status_date")),
            )
            for r in assets.to_dict("records")
        )
        shares: dict[str, dict[str, float]] = {}
        for r in preset_shares.to_dict("records"):
            shares.setdefault(str(r["preset_id"]), {})[str(r["code"])] = float(
                r["russian_control_pct"]
            )
        preset_map = {
            str(r["preset_id"]): Preset(
                preset_id=str(r["preset_id"]),
                label=str(r["label"]),
                as_of=_date_text(r.get("as_of")),
                description=str(r.get("description", "")),
                shares=shares.get(str(r["preset_id"]), {}),
            )
            for r in presets.to_dict("records")
        }
        fixed = {"arrangement_id", "label", "article_2", "article_3", "article_4", "agreement"}
        fixed |= {"description", "source"}
        terms = tuple(c for c in arrangements.columns if c not in fixed)
        arrangement_map = {
            str(r["arrangement_id"]): Arrangement(
                arrangement_id=str(r["arrangement_id"]),
                label=str(r["label"]),
                agreement=bool(r["agreement"]),
                terms={t: float(r[t]) for t in terms},
                description=str(r.get("description", "")),
            )
            for r in arrangements.to_dict("records")
        }
        labels = {}
        for resource in (descriptor or {}).get("resources", []):
            if resource.get("name") == "arrangements":
                for f in resource["schema"]["fields"]:
                    if f["name"] in terms:
                        labels[f["name"]] = f.get("title", f["name"])
        return cls(units, asset_list, preset_map, arrangement_map, terms, labels)

    @classmethod
    def load(cls, data_dir=None) -> ExplorerData:
        """Load and validate the book's data files (see ``widgets.data``)."""
        from widgets import data

        return cls.from_frames(
            data.load_regions(data_dir),
            data.load_presets(data_dir),
            data.load_preset_shares(data_dir),
            data.load_assets(data_dir),
            data.load_arrangements(data_dir),
            data.read_descriptor(data_dir),
        )


def _missing(value: Any) -> bool:
    """None, NaN, or pandas' missing markers (NA, NaT)."""
    if value is None:
        return True
    try:
        return bool(value != value)
    except TypeError:  # pandas.NA refuses a truth value
        return True


def _date_text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if hasattr(value, "date"):
        try:
            return value.date().isoformat()
        except (ValueError, AttributeError):
            return ""
    return str(value)


# --------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class Line:
    preset: str
    overrides: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Package:
    name: str
    line: Line
    arrangement: str
    features: tuple[str, ...] = ()
    base_risk_pct: float = DEFAULT_BASE_RISK_PCT
    attain_pct: float = DEFAULT_ATTAIN_PCT


@dataclass(frozen=True)
class Inputs:
    """Everything a student sets; equal inputs give equal results and equal files."""

    packages: tuple[Package, ...]
    no_deal: Line
    weights: Mapping[str, Mapping[str, float]]  # every actor x every criterion
    feature_effect_pct: Mapping[str, float]
    view_actor: str = DEFAULT_VIEW_ACTOR
    chosen_actors: tuple[str, ...] = DEFAULT_CHOSEN_ACTORS
    title: str = ""
    delegation: str = ""
    group: str = ""


# --------------------------------------------------------------------------- validators
# One validator per kind of value; the importer and the UI setters call these same functions.


def check_title(value: Any, where: str = "title") -> str:
    return v.text(value, where, MAX_TITLE_CHARS)


def check_group(value: Any, where: str = "group") -> str:
    return v.text(value, where, MAX_GROUP_CHARS)


def check_package_name(value: Any, where: str) -> str:
    return v.text(value, where, MAX_NAME_CHARS, allow_empty=False).strip()


def check_pct(value: Any, where: str) -> float:
    return v.number(value, where, 0.0, 100.0)


def check_weight(value: Any, where: str) -> float:
    return v.number(value, where, -MAX_WEIGHT, MAX_WEIGHT)


def check_actor(value: Any, where: str) -> str:
    return v.choice(value, where, ACTORS, "actor")


def check_delegation(value: Any, where: str = "delegation") -> str:
    if value == "":
        return ""
    return check_actor(value, where)


def check_preset(data: ExplorerData, value: Any, where: str) -> str:
    return v.choice(value, where, data.presets, "preset")


def check_arrangement(data: ExplorerData, value: Any, where: str) -> str:
    return v.choice(value, where, data.arrangements, "arrangement")


def check_criterion(data: ExplorerData, value: Any, where: str) -> str:
    return v.choice(value, where, data.criteria, "criterion")


def check_unit(data: ExplorerData, value: Any, where: str) -> str:
    return v.choice(value, where, data.codes, "unit")


def check_features(value: Any, where: str) -> tuple[str, ...]:
    items = v.sequence(value, where, len(FEATURES))
    out = [v.choice(f, f"{where}[{i}]", FEATURES, "feature") for i, f in enumerate(items)]
    if len(set(out)) != len(out):
        raise InputError(where, "a feature is listed twice")
    return tuple(sorted(out))


def check_overrides(data: ExplorerData, value: Any, where: str) -> dict[str, float]:
    obj = v.mapping(value, where)
    out = {}
    for code in obj:
        check_unit(data, code, f"{where} (unit)")
        out[code] = check_pct(obj[code], f"{where}.{code}")
    return dict(sorted(out.items()))


def check_line(data: ExplorerData, line: Any, where: str) -> Line:
    if not isinstance(line, Line):
        raise InputError(where, f"must be a line (preset and overrides), got {v.kind_of(line)}")
    return Line(
        check_preset(data, line.preset, f"{where}.preset"),
        check_overrides(data, line.overrides, f"{where}.overrides"),
    )


def check_package(data: ExplorerData, package: Any, where: str) -> Package:
    if not isinstance(package, Package):
        raise InputError(where, f"must be a package, got {v.kind_of(package)}")
    return Package(
        name=check_package_name(package.name, f"{where}.name"),
        line=check_line(data, package.line, where),
        arrangement=check_arrangement(data, package.arrangement, f"{where}.arrangement"),
        features=check_features(list(package.features), f"{where}.features"),
        base_risk_pct=check_pct(package.base_risk_pct, f"{where}.base_risk_pct"),
        attain_pct=check_pct(package.attain_pct, f"{where}.attain_pct"),
    )


def check_weights(data: ExplorerData, value: Any, where: str = "weights") -> dict:
    """Every actor x every criterion (missing = 0), each weight in [-10, 10]."""
    obj = v.mapping(value, where)
    out = {a: {c: 0.0 for c in data.criteria} for a in ACTORS}
    for actor, row in obj.items():
        check_actor(actor, f"{where} (actor)")
        row = v.mapping(row, f"{where}.{actor}")
        for criterion, weight in row.items():
            check_criterion(data, criterion, f"{where}.{actor} (criterion)")
            out[actor][criterion] = check_weight(weight, f"{where}.{actor}.{criterion}")
    return out


def check_feature_effects(value: Any, where: str = "feature_effect_pct") -> dict[str, float]:
    obj = v.mapping(value, where)
    for key in obj:
        v.choice(key, f"{where} (feature)", FEATURES, "feature")
    missing = [f for f in FEATURES if f not in obj]
    if missing:
        raise InputError(where, f"missing feature(s) {', '.join(missing)}")
    return {f: check_pct(obj[f], f"{where}.{f}") for f in FEATURES}


def is_scored(weights: Mapping[str, Mapping[str, float]], actor: str) -> bool:
    return any(w != 0 for w in weights[actor].values())


def check_scored(weights: Mapping[str, Mapping[str, float]], actor: str, where: str) -> str:
    if not is_scored(weights, actor):
        raise InputError(
            where, f"all weights of {ACTORS[actor]} are 0: give {ACTORS[actor]} at least one weight"
        )
    return actor


def check_chosen_actors(value: Any, weights, where: str = "chosen_actors") -> tuple[str, ...]:
    items = v.sequence(value, where, len(ACTORS), min_items=1)
    out = [check_actor(a, f"{where}[{i}]") for i, a in enumerate(items)]
    if len(set(out)) != len(out):
        raise InputError(where, "an actor is listed twice")
    for i, actor in enumerate(out):
        check_scored(weights, actor, f"{where}[{i}]")
    return tuple(out)


def check_inputs(data: ExplorerData, inputs: Any) -> Inputs:
    """Every field of ``inputs`` validated; returns the normalised inputs."""
    if not isinstance(inputs, Inputs):
        raise InputError("inputs", f"must be explorer inputs, got {v.kind_of(inputs)}")
    packages = v.sequence(list(inputs.packages), "packages", MAX_PACKAGES, min_items=1)
    checked = tuple(check_package(data, p, f"packages[{i}]") for i, p in enumerate(packages))
    weights = check_weights(data, inputs.weights)
    return Inputs(
        packages=checked,
        no_deal=check_line(data, inputs.no_deal, "no_deal"),
        weights=weights,
        feature_effect_pct=check_feature_effects(inputs.feature_effect_pct),
        view_actor=check_scored(
            weights, check_actor(inputs.view_actor, "view_actor"), "view_actor"
        ),
        chosen_actors=check_chosen_actors(list(inputs.chosen_actors), weights),
        title=check_title(inputs.title),
        delegation=check_delegation(inputs.delegation),
        group=check_group(inputs.group),
    )


# --------------------------------------------------------------------------- defaults


def default_package(name: str, arrangement: str, preset: str = DEFAULT_LINE) -> Package:
    """A package with every default (features, base risk, attainability) the same."""
    return Package(name, Line(preset), arrangement, tuple(FEATURES))


#: Default comparison: the same line under four arrangements that differ in one article at a
#: time from package A (so with the default weights, which put 0 on every term, all four tie).
DEFAULT_ARRANGEMENTS = (
    ("A", "framework_2b_3b_4b"),
    ("B", "framework_2a_3b_4b"),
    ("C", "framework_2c_3b_4b"),
    ("D", "framework_2b_3a_4b"),
)


def default_inputs(data: ExplorerData) -> Inputs:
    preset = DEFAULT_LINE if DEFAULT_LINE in data.presets else next(iter(data.presets))
    packages = []
    for letter, arrangement in DEFAULT_ARRANGEMENTS:
        if arrangement in data.arrangements:
            label = data.arrangements[arrangement].label.replace("Framework ", "")
            packages.append(default_package(f"{letter}: latest line, {label}", arrangement, preset))
    if not packages:
        first = next(a for a in data.arrangements if data.arrangements[a].agreement)
        packages.append(default_package("A", first, preset))
    return check_inputs(
        data,
        Inputs(
            packages=tuple(packages),
            no_deal=Line(preset),
            weights=DEFAULT_WEIGHTS,
            feature_effect_pct={f: DEFAULT_FEATURE_EFFECT_PCT for f in FEATURES},
        ),
    )


def line_shares(data: ExplorerData, line: Line) -> dict[str, float]:
    """The line's share for every unit: the preset's, with the overrides on top."""
    base = data.presets[line.preset].shares
    return {code: float(line.overrides.get(code, base.get(code, 0.0))) for code in data.codes}


def choices(items: Iterable[str]) -> str:
    return ", ".join(items)
