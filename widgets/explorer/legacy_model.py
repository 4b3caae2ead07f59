"""Version 1 of the ceasefire explorer's model (one actor, Ukraine), kept read-only.

The seminar tools read version-1 scenario files with it; the current model is
``widgets.explorer.model``.


A *settlement* is a line (for each of Ukraine's 27 first-level units, the share of its
area left under Russian control, in percent), the control of listed assets (ports, the
Zaporizhzhia nuclear plant, ...), a security arrangement and the durability features
that come with it. The model turns a settlement into indicators (territory, people,
economic output, sea access, assets, the student's own risk estimate), each indicator
into a criterion score on a documented 0..1 scale, and the scores into a weighted mean
with the student's weights. It also finds, for each weight, the values at which the
ranking of the compared settlements flips (exactly, see :func:`flip_points`).

Nothing here is a prediction. The risk of renewed war is the student's own estimate and
the effect of each durability feature is a number the student sets; the defaults are
illustrative placeholders, not estimates from research.

Scales of the criterion scores (1 = best, 0 = worst, for Ukraine):

- ``territory``: area held by Ukraine / total area of the 27 units (1991 borders);
- ``people``: 1 - pre-war population of the occupied areas / total pre-war population
  (population spread evenly across each unit: a crude assumption, and many have fled);
- ``economy``: 1 - occupied share of national gross regional product (GRP) / the GRP
  share of the units with data (same even-spread assumption, pre-war year); where the
  data hold no GRP figure at all, every settlement scores 1 and the output says so;
- ``sea``: share of the listed seaports that stay with Ukraine (each port counts the
  same); where the data list no port, the share of the two seas Ukraine can reach;
- ``assets``: share of the listed non-port critical assets that stay with Ukraine (1 if
  the data list none);
- ``risk``: 1 - the student's risk of renewed war within the horizon (in percent) / 100;
- ``alignment``: the student's own 0..100 value for how much the arrangement keeps
  Ukraine free to choose its alignment (e.g. a NATO path), / 100.

Score = sum(weight x score) / sum(weights): a weighted mean, so it stays in [0, 1] and
does not change when every weight is multiplied by the same positive number.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

# --------------------------------------------------------------------------- vocabulary

#: The security arrangements a settlement can come with.
ARRANGEMENTS: dict[str, str] = {
    "neutrality_guarantees": "Neutrality with security guarantees short of Article 5",
    "nato_path": "A path to NATO membership",
    "armed_neutrality": "Armed neutrality without guarantees",
    "frozen_conflict": "Frozen conflict, no agreement",
}

#: Arrangements without an agreement: durability features cannot apply to them.
NO_AGREEMENT = frozenset({"frozen_conflict"})

#: Durability features that ceasefire research links to lasting ceasefires.
FEATURES: dict[str, str] = {
    "buffer_zone": "Buffer (demilitarised) zone",
    "monitors": "International monitors or peacekeepers",
    "third_party_guarantee": "Third-party guarantee",
    "detailed_agreement": "Detailed, specific agreement",
}

#: The criteria a student weights.
CRITERIA: dict[str, str] = {
    "territory": "Territory held",
    "people": "People outside occupation",
    "economy": "Economic output kept",
    "sea": "Sea access and ports",
    "assets": "Critical assets kept",
    "risk": "Low risk of renewed war",
    "alignment": "Alignment freedom (NATO path)",
}

#: Starting weights: every criterion 1 except the optional alignment criterion (0).
DEFAULT_WEIGHTS: dict[str, float] = {
    "territory": 1.0,
    "people": 1.0,
    "economy": 1.0,
    "sea": 1.0,
    "assets": 1.0,
    "risk": 1.0,
    "alignment": 0.0,
}

#: Largest weight a slider offers; the sensitivity analysis searches [0, MAX_WEIGHT].
MAX_WEIGHT = 10.0

#: Horizon of the risk estimate, in years.
RISK_HORIZON_YEARS = 10

#: ILLUSTRATIVE PLACEHOLDERS, not estimates from research: the same base risk for every
#: arrangement, so that the defaults favour none. The student replaces them.
DEFAULT_BASE_RISK_PCT: dict[str, float] = {key: 40.0 for key in ARRANGEMENTS}

#: ILLUSTRATIVE PLACEHOLDERS: relative reduction of the risk (percent) per feature.
DEFAULT_FEATURE_EFFECT_PCT: dict[str, float] = {key: 10.0 for key in FEATURES}

#: ILLUSTRATIVE PLACEHOLDERS for the value judgement "does the arrangement keep Ukraine
#: free to choose its alignment?" (0..100), used only when the alignment weight is > 0.
DEFAULT_ALIGNMENT_PCT: dict[str, float] = {
    "neutrality_guarantees": 0.0,
    "nato_path": 100.0,
    "armed_neutrality": 0.0,
    "frozen_conflict": 50.0,
}

CUSTOM = "custom"


# --------------------------------------------------------------------------- errors


class ExplorerError(ValueError):
    """Bad input to the explorer model; the message says what and where."""


class ShareError(ExplorerError):
    """A share of territory is not a number in [0, 100]."""


class WeightError(ExplorerError):
    """Weights are negative, not numbers, or all zero."""


class EstimateError(ExplorerError):
    """A risk estimate, feature effect or alignment value is out of range."""


class UnknownUnitError(ExplorerError):
    """A unit code that the data do not have."""


class UnknownPresetError(ExplorerError):
    """A preset id that the data do not have."""


class UnknownArrangementError(ExplorerError):
    """An arrangement that the model does not know."""


class UnknownFeatureError(ExplorerError):
    """A durability feature that the model does not know."""


class UnknownAssetError(ExplorerError):
    """An asset id that the data do not have."""


class UnknownCriterionError(ExplorerError):
    """A criterion that the model does not know."""


def _choices(known: Iterable[str]) -> str:
    return ", ".join(sorted(known))


def as_float(value: Any, what: str, error=ExplorerError) -> float:
    """``value`` as a float (NaN passes through), or ``error`` if it is not a number."""
    if isinstance(value, bool) or isinstance(value, str) or value is None:
        raise error(f"{what} must be a number, got {value!r}")
    try:
        return float(value)
    except (TypeError, ValueError):
        raise error(f"{what} must be a number, got {value!r}") from None


def check_number(value: Any, what: str, low: float, high: float, error=ExplorerError) -> float:
    """``value`` as a float in [low, high], or ``error`` with a message naming ``what``."""
    value = as_float(value, what, error)
    if math.isnan(value):
        raise error(f"{what} is not a number (NaN)")
    if not low <= value <= high:
        raise error(f"{what} must be between {low:g} and {high:g}, got {value:g}")
    return value


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    name_uk: str
    area_km2: float
    population: float
    gdp_share_pct: float | None  # None where the statistics do not cover the unit
    coast: str  # black_sea | azov | black_sea_and_azov | none
    grid_row: int
    grid_col: int
    population_date: str = ""


@dataclass(frozen=True)
class Asset:
    asset_id: str
    name: str
    kind: str  # port | energy | industry | water | other
    code: str
    sea: str  # black_sea | azov | none


@dataclass(frozen=True)
class Preset:
    preset_id: str
    label: str
    description: str
    as_of: str
    source: str
    shares: Mapping[str, float]
    assets: Mapping[str, bool]  # asset_id -> under Russian control


@dataclass(frozen=True)
class ExplorerData:
    """The data the model needs, in plain Python (fast to read on every change)."""

    units: tuple[Unit, ...]
    assets: tuple[Asset, ...]
    presets: Mapping[str, Preset]
    population_dates: tuple[str, ...] = ()
    gdp_years: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "_unit_index", {u.code: u for u in self.units})
        object.__setattr__(self, "_asset_index", {a.asset_id: a for a in self.assets})

    # lookups
    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(u.code for u in self.units)

    def unit(self, code: str) -> Unit:
        try:
            return self._unit_index[code]  # type: ignore[attr-defined]
        except KeyError:
            raise UnknownUnitError(
                f"unknown unit {code!r}; the data have: {_choices(self.codes)}"
            ) from None

    def asset(self, asset_id: str) -> Asset:
        try:
            return self._asset_index[asset_id]  # type: ignore[attr-defined]
        except KeyError:
            known = _choices(a.asset_id for a in self.assets)
            raise UnknownAssetError(f"unknown asset {asset_id!r}; the data have: {known}") from None

    def preset(self, preset_id: str) -> Preset:
        try:
            return self.presets[preset_id]
        except KeyError:
            raise UnknownPresetError(
                f"unknown preset {preset_id!r}; the data have: {_choices(self.presets)}"
            ) from None

    # totals
    @property
    def total_area_km2(self) -> float:
        return sum(u.area_km2 for u in self.units)

    @property
    def total_population(self) -> float:
        return sum(u.population for u in self.units)

    @property
    def total_gdp_share_pct(self) -> float:
        return sum(u.gdp_share_pct for u in self.units if u.gdp_share_pct is not None)

    @property
    def units_without_gdp(self) -> tuple[str, ...]:
        return tuple(u.code for u in self.units if u.gdp_share_pct is None)

    # construction
    @classmethod
    def from_frames(cls, regions, presets, preset_shares, assets, preset_assets) -> ExplorerData:
        """Build from the loader's DataFrames (``widgets.data``)."""
        units = []
        for row in regions.to_dict("records"):
            gdp = row.get("gdp_share_pct")
            gdp = None if gdp is None or _isnan(gdp) else float(gdp)
            units.append(
                Unit(
                    code=str(row["code"]),
                    name=str(row["name_en"]),
                    name_uk=str(row.get("name_uk", "")),
                    area_km2=float(row["area_km2"]),
                    population=float(row["population"]),
                    gdp_share_pct=gdp,
                    coast=str(row.get("coast") or "none"),
                    grid_row=int(row["grid_row"]),
                    grid_col=int(row["grid_col"]),
                    population_date=_date_text(row.get("population_date")),
                )
            )
        asset_list = [
            Asset(
                asset_id=str(r["asset_id"]),
                name=str(r["name"]),
                kind=str(r["kind"]),
                code=str(r["code"]),
                sea=str(r.get("sea") or "none"),
            )
            for r in assets.to_dict("records")
        ]
        shares_by_preset: dict[str, dict[str, float]] = {}
        for r in preset_shares.to_dict("records"):
            shares_by_preset.setdefault(str(r["preset_id"]), {})[str(r["code"])] = float(
                r["russian_control_pct"]
            )
        assets_by_preset: dict[str, dict[str, bool]] = {}
        for r in preset_assets.to_dict("records"):
            assets_by_preset.setdefault(str(r["preset_id"]), {})[str(r["asset_id"])] = bool(
                r["russian_control"]
            )
        preset_map = {}
        for r in presets.to_dict("records"):
            pid = str(r["preset_id"])
            preset_map[pid] = Preset(
                preset_id=pid,
                label=str(r["label"]),
                description=str(r.get("description", "")),
                as_of=_date_text(r.get("as_of")),
                source=str(r.get("source", "")),
                shares=dict(shares_by_preset.get(pid, {})),
                assets=dict(assets_by_preset.get(pid, {})),
            )
        pop_dates = tuple(sorted({_date_text(d) for d in regions["population_date"]}))
        gdp_years = tuple(
            sorted({int(y) for y in regions["gdp_year"] if y is not None and not _isnan(y)})
        )
        return cls(tuple(units), tuple(asset_list), preset_map, pop_dates, gdp_years)

    @classmethod
    def load(cls, data_dir=None) -> ExplorerData:
        """Load and validate the book's data files (see ``widgets.data``)."""
        import pandas as pd

        from widgets import data

        try:
            assets = data.load_assets(data_dir)
            preset_assets = data.load_preset_assets(data_dir)
        except data.DataError as error:
            # Only a missing asset file is tolerated (the explorer then says that the data
            # list no assets); any other problem in it is an error.
            if "file not found" not in str(error):
                raise
            assets = pd.DataFrame(columns=["asset_id", "name", "kind", "code", "sea"])
            preset_assets = pd.DataFrame(columns=["preset_id", "asset_id", "russian_control"])
        return cls.from_frames(
            data.load_regions(data_dir),
            data.load_presets(data_dir),
            data.load_preset_shares(data_dir),
            assets,
            preset_assets,
        )


def _isnan(value: Any) -> bool:
    try:
        return bool(value != value)  # NaN, pandas NA-like
    except TypeError:
        return True


def _date_text(value: Any) -> str:
    if value is None or _isnan(value):
        return ""
    if hasattr(value, "date"):
        return value.date().isoformat()
    return str(value)


# --------------------------------------------------------------------------- settlements


@dataclass(frozen=True)
class Settlement:
    """A line, asset control, a security arrangement and durability features."""

    name: str
    shares: Mapping[str, float]  # unit code -> % of its area under Russian control
    assets: Mapping[str, bool]  # asset id -> under Russian control
    arrangement: str
    features: frozenset[str] = field(default_factory=frozenset)
    base_preset: str = CUSTOM  # the preset it starts from ("custom" if none)

    @property
    def is_preset_line(self) -> bool:
        return self.base_preset != CUSTOM


def validate_shares(data: ExplorerData, shares: Mapping[str, Any]) -> dict[str, float]:
    """Every unit once, each share a number in [0, 100]; returns them as floats."""
    if not isinstance(shares, Mapping):
        raise ShareError(f"shares must be a mapping from unit code to percent, got {shares!r}")
    out: dict[str, float] = {}
    for code, value in shares.items():
        unit = data.unit(code)
        out[code] = check_number(
            value, f"the share of {unit.name} ({code}) under Russian control", 0, 100, ShareError
        )
    missing = [c for c in data.codes if c not in out]
    if missing:
        raise ShareError(f"no share given for {len(missing)} unit(s): {', '.join(missing)}")
    return {c: out[c] for c in data.codes}


def validate_arrangement(arrangement: str) -> str:
    if arrangement not in ARRANGEMENTS:
        raise UnknownArrangementError(
            f"unknown arrangement {arrangement!r}; choose one of: {_choices(ARRANGEMENTS)}"
        )
    return arrangement


def validate_features(features: Iterable[str]) -> frozenset[str]:
    if isinstance(features, str):
        features = [features]
    out = frozenset(features)
    unknown = sorted(out - FEATURES.keys())
    if unknown:
        raise UnknownFeatureError(
            f"unknown durability feature(s) {', '.join(map(repr, unknown))}; "
            f"choose from: {_choices(FEATURES)}"
        )
    return out


def validate_assets(data: ExplorerData, assets: Mapping[str, Any]) -> dict[str, bool]:
    out: dict[str, bool] = {}
    for asset_id, value in assets.items():
        data.asset(asset_id)
        if not isinstance(value, bool):
            raise ExplorerError(
                f"control of asset {asset_id!r} must be true or false, got {value!r}"
            )
        out[asset_id] = value
    missing = [a.asset_id for a in data.assets if a.asset_id not in out]
    if missing:
        raise ExplorerError(f"no control given for asset(s): {', '.join(missing)}")
    return {a.asset_id: out[a.asset_id] for a in data.assets}


def assets_following_line(
    data: ExplorerData, shares: Mapping[str, float], start: Mapping[str, bool]
) -> dict[str, bool]:
    """Asset control after a line change: an asset in a unit left wholly to Ukraine (0 %)
    is Ukrainian, in a unit wholly under Russian control (100 %) Russian; in a divided unit
    it keeps its control in ``start`` (the preset's), which the student may edit."""
    out = {}
    for asset in data.assets:
        share = shares[asset.code]
        if share <= 0:
            out[asset.asset_id] = False
        elif share >= 100:
            out[asset.asset_id] = True
        else:
            out[asset.asset_id] = bool(start.get(asset.asset_id, False))
    return out


def make_settlement(
    data: ExplorerData,
    *,
    name: str,
    shares: Mapping[str, Any],
    assets: Mapping[str, Any],
    arrangement: str,
    features: Iterable[str] = (),
    base_preset: str = CUSTOM,
) -> Settlement:
    """A validated settlement (raises :class:`ExplorerError` subclasses)."""
    if base_preset != CUSTOM:
        data.preset(base_preset)
    return Settlement(
        name=str(name),
        shares=validate_shares(data, shares),
        assets=validate_assets(data, assets),
        arrangement=validate_arrangement(arrangement),
        features=validate_features(features),
        base_preset=base_preset,
    )


def preset_settlement(
    data: ExplorerData,
    preset_id: str,
    arrangement: str,
    features: Iterable[str] = (),
    name: str | None = None,
) -> Settlement:
    """A settlement on a preset line, with the preset's asset control."""
    preset = data.preset(preset_id)
    return make_settlement(
        data,
        name=name or preset.label,
        shares=preset.shares,
        assets=preset.assets,
        arrangement=arrangement,
        features=features,
        base_preset=preset_id,
    )


def custom_settlement(
    data: ExplorerData,
    base_preset: str,
    changes: Mapping[str, Any],
    arrangement: str,
    features: Iterable[str] = (),
    asset_changes: Mapping[str, bool] | None = None,
    name: str = "Custom line",
) -> Settlement:
    """Start from a preset, change some units' shares (and, optionally, asset control).

    Assets follow the line where it is unambiguous (see :func:`assets_following_line`);
    ``asset_changes`` then overrides single assets.
    """
    preset = data.preset(base_preset)
    shares = dict(preset.shares)
    for code, value in changes.items():
        data.unit(code)
        shares[code] = value
    shares = validate_shares(data, shares)
    assets = assets_following_line(data, shares, preset.assets)
    for asset_id, value in (asset_changes or {}).items():
        data.asset(asset_id)
        assets[asset_id] = value
    changed = any(shares[c] != preset.shares.get(c) for c in shares) or assets != dict(
        validate_assets(data, preset.assets)
    )
    return make_settlement(
        data,
        name=name,
        shares=shares,
        assets=assets,
        arrangement=arrangement,
        features=features,
        base_preset=CUSTOM if changed else base_preset,
    )


def with_changes(settlement: Settlement, **changes: Any) -> Settlement:
    """A copy of ``settlement`` with fields replaced (not re-validated: use make_settlement)."""
    return replace(settlement, **changes)


# --------------------------------------------------------------------------- estimates


@dataclass(frozen=True)
class Estimates:
    """The student's own numbers: base risk per arrangement, feature effects, alignment."""

    base_risk_pct: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_BASE_RISK_PCT))
    feature_effect_pct: Mapping[str, float] = field(
        default_factory=lambda: dict(DEFAULT_FEATURE_EFFECT_PCT)
    )
    alignment_pct: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_ALIGNMENT_PCT))
    horizon_years: int = RISK_HORIZON_YEARS


def validate_estimates(estimates: Estimates) -> Estimates:
    """Every arrangement and feature present, each value in [0, 100]."""
    checks = (
        ("base_risk_pct", ARRANGEMENTS, "risk of renewed war under"),
        ("feature_effect_pct", FEATURES, "risk reduction from"),
        ("alignment_pct", ARRANGEMENTS, "alignment freedom under"),
    )
    cleaned = {}
    for attr, known, what in checks:
        given = getattr(estimates, attr)
        unknown = sorted(set(given) - known.keys())
        if unknown:
            kind = "arrangement" if known is ARRANGEMENTS else "feature"
            error = UnknownArrangementError if known is ARRANGEMENTS else UnknownFeatureError
            raise error(f"unknown {kind} {unknown[0]!r} in {attr}; choose from: {_choices(known)}")
        missing = [k for k in known if k not in given]
        if missing:
            raise EstimateError(f"{attr} has no value for: {', '.join(missing)}")
        cleaned[attr] = {
            k: check_number(given[k], f"the {what} {known[k]!r} (%)", 0, 100, EstimateError)
            for k in known
        }
    return Estimates(**cleaned, horizon_years=estimates.horizon_years)


def risk_of_renewed_war(arrangement: str, features: Iterable[str], estimates: Estimates) -> float:
    """The student's risk (percent) of renewed war within the horizon.

    base risk of the arrangement x product over checked features of (1 - effect / 100).
    Features do not apply to an arrangement without an agreement (a frozen conflict).
    """
    validate_arrangement(arrangement)
    risk = float(estimates.base_risk_pct[arrangement])
    if arrangement in NO_AGREEMENT:
        return risk
    for feature in validate_features(features):
        risk *= 1.0 - float(estimates.feature_effect_pct[feature]) / 100.0
    return risk


# --------------------------------------------------------------------------- indicators


@dataclass(frozen=True)
class Indicators:
    """What a settlement means, in units, with the data's dates."""

    name: str
    arrangement: str
    features: tuple[str, ...]
    features_applied: tuple[str, ...]
    total_area_km2: float
    lost_km2: float
    held_km2: float
    lost_pct: float  # of the 1991 total
    held_pct: float
    total_population: float
    people_occupied: float
    people_occupied_pct: float
    gdp_occupied_pct: float  # percentage points of national GRP
    gdp_occupied_share_pct: float  # of the GRP of the units with data
    gdp_available: bool  # False where the data hold no GRP figure at all
    units_without_gdp: tuple[str, ...]
    coast_units_held: tuple[str, ...]  # coast units that stay wholly or partly Ukrainian
    coast_units_lost: tuple[str, ...]  # coast units wholly under Russian control
    ports_kept: tuple[str, ...]
    ports_lost: tuple[str, ...]
    black_sea_access: bool
    azov_access: bool
    assets_lost: tuple[str, ...]  # non-port assets under Russian control (names)
    assets_kept: tuple[str, ...]
    risk_pct: float
    alignment_pct: float
    horizon_years: int
    population_dates: tuple[str, ...]
    gdp_years: tuple[int, ...]

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def population_dates_text(data: ExplorerData) -> str:
    """'2021-01-01 (2014-01-01 for Sevastopol, Crimea)': the common date and exceptions."""
    by_date: dict[str, list[str]] = {}
    for u in data.units:
        by_date.setdefault(u.population_date or "undated", []).append(u.name)
    if not by_date:
        return ""
    common = max(by_date, key=lambda d: len(by_date[d]))
    others = [f"{d} for {', '.join(names)}" for d, names in sorted(by_date.items()) if d != common]
    return common + (f" ({'; '.join(others)})" if others else "")


def _sea_access(data: ExplorerData, shares: Mapping[str, float], assets, sea: str) -> bool:
    ports = [a for a in data.assets if a.kind == "port" and a.sea == sea]
    if ports:
        return any(not assets[a.asset_id] for a in ports)
    coast = {
        "black_sea": ("black_sea", "black_sea_and_azov"),
        "azov": ("azov", "black_sea_and_azov"),
    }
    return any(u.coast in coast[sea] and shares[u.code] < 100 for u in data.units)


def indicators(data: ExplorerData, settlement: Settlement, estimates: Estimates) -> Indicators:
    """Indicators of one settlement (the settlement must come from :func:`make_settlement`)."""
    shares = settlement.shares
    total_area = data.total_area_km2
    total_pop = data.total_population
    lost = sum(u.area_km2 * shares[u.code] / 100.0 for u in data.units)
    people = sum(u.population * shares[u.code] / 100.0 for u in data.units)
    gdp = sum(
        u.gdp_share_pct * shares[u.code] / 100.0 for u in data.units if u.gdp_share_pct is not None
    )
    gdp_total = data.total_gdp_share_pct
    coast_units = [u for u in data.units if u.coast != "none"]
    ports = [a for a in data.assets if a.kind == "port"]
    others = [a for a in data.assets if a.kind != "port"]
    applied = () if settlement.arrangement in NO_AGREEMENT else tuple(sorted(settlement.features))
    return Indicators(
        name=settlement.name,
        arrangement=settlement.arrangement,
        features=tuple(sorted(settlement.features)),
        features_applied=applied,
        total_area_km2=total_area,
        lost_km2=lost,
        held_km2=total_area - lost,
        lost_pct=100.0 * lost / total_area if total_area else 0.0,
        held_pct=100.0 * (total_area - lost) / total_area if total_area else 0.0,
        total_population=total_pop,
        people_occupied=people,
        people_occupied_pct=100.0 * people / total_pop if total_pop else 0.0,
        gdp_occupied_pct=gdp,
        gdp_occupied_share_pct=100.0 * gdp / gdp_total if gdp_total else 0.0,
        gdp_available=gdp_total > 0,
        units_without_gdp=data.units_without_gdp,
        coast_units_held=tuple(u.name for u in coast_units if shares[u.code] < 100),
        coast_units_lost=tuple(u.name for u in coast_units if shares[u.code] >= 100),
        ports_kept=tuple(a.name for a in ports if not settlement.assets[a.asset_id]),
        ports_lost=tuple(a.name for a in ports if settlement.assets[a.asset_id]),
        black_sea_access=_sea_access(data, shares, settlement.assets, "black_sea"),
        azov_access=_sea_access(data, shares, settlement.assets, "azov"),
        assets_lost=tuple(a.name for a in others if settlement.assets[a.asset_id]),
        assets_kept=tuple(a.name for a in others if not settlement.assets[a.asset_id]),
        risk_pct=risk_of_renewed_war(settlement.arrangement, settlement.features, estimates),
        alignment_pct=float(estimates.alignment_pct[settlement.arrangement]),
        horizon_years=estimates.horizon_years,
        population_dates=data.population_dates,
        gdp_years=data.gdp_years,
    )


def criterion_scores(ind: Indicators) -> dict[str, float]:
    """Each criterion on its 0..1 scale (1 = best for Ukraine; see the module docstring)."""
    n_ports = len(ind.ports_kept) + len(ind.ports_lost)
    if n_ports:
        sea = len(ind.ports_kept) / n_ports
    else:
        sea = (int(ind.black_sea_access) + int(ind.azov_access)) / 2
    n_assets = len(ind.assets_kept) + len(ind.assets_lost)
    return {
        "territory": ind.held_pct / 100.0,
        "people": 1.0 - ind.people_occupied_pct / 100.0,
        "economy": 1.0 - ind.gdp_occupied_share_pct / 100.0,
        "sea": sea,
        "assets": len(ind.assets_kept) / n_assets if n_assets else 1.0,
        "risk": 1.0 - ind.risk_pct / 100.0,
        "alignment": ind.alignment_pct / 100.0,
    }


# --------------------------------------------------------------------------- weights, score


def validate_weights(weights: Mapping[str, Any]) -> dict[str, float]:
    """Known criteria, each weight a number >= 0, not all zero. Missing criteria weigh 0."""
    if not isinstance(weights, Mapping):
        raise WeightError(f"weights must be a mapping from criterion to number, got {weights!r}")
    unknown = sorted(set(weights) - CRITERIA.keys())
    if unknown:
        raise UnknownCriterionError(
            f"unknown criterion {unknown[0]!r}; the criteria are: {_choices(CRITERIA)}"
        )
    out = {}
    for key in CRITERIA:
        value = weights.get(key, 0.0)
        what = f"the weight of {CRITERIA[key]!r}"
        value = as_float(value, what, WeightError)
        if math.isnan(value):
            raise WeightError(f"{what} is not a number (NaN)")
        if value < 0:
            raise WeightError(f"{what} is negative ({value:g}); weights must be 0 or more")
        if math.isinf(value):
            raise WeightError(f"{what} must be finite")
        out[key] = float(value)
    if sum(out.values()) <= 0:
        raise WeightError("all weights are zero: give at least one criterion a weight above 0")
    return out


def weighted_score(scores: Mapping[str, float], weights: Mapping[str, Any]) -> float:
    """Weighted mean of the criterion scores, in [0, 1]."""
    w = validate_weights(weights)
    total = sum(w.values())
    value = sum(w[k] * scores[k] for k in CRITERIA) / total
    return min(1.0, max(0.0, value))


@dataclass(frozen=True)
class Result:
    settlement: Settlement
    indicators: Indicators
    scores: Mapping[str, float]
    score: float
    rank: int  # 1 = best; ties share a rank


def evaluate(
    data: ExplorerData,
    settlements: Sequence[Settlement],
    weights: Mapping[str, Any],
    estimates: Estimates | None = None,
) -> list[Result]:
    """Indicators, scores and rank of each settlement, in the order given."""
    if not settlements:
        raise ExplorerError("nothing to compare: give at least one settlement")
    estimates = validate_estimates(estimates or Estimates())
    w = validate_weights(weights)
    partial = []
    for s in settlements:
        ind = indicators(data, s, estimates)
        sc = criterion_scores(ind)
        partial.append((s, ind, sc, weighted_score(sc, w)))
    totals = [p[3] for p in partial]
    ranks = [1 + sum(1 for t in totals if t > x + 1e-12) for x in totals]
    return [Result(s, i, sc, t, r) for (s, i, sc, t), r in zip(partial, ranks, strict=True)]


def ranking(results: Sequence[Result]) -> list[str]:
    """Settlement names, best first (stable for ties)."""
    order = sorted(range(len(results)), key=lambda i: (results[i].rank, i))
    return [results[i].settlement.name for i in order]


# --------------------------------------------------------------------------- sensitivity


@dataclass(frozen=True)
class Flip:
    """As ``criterion``'s weight passes ``weight`` (others fixed), ``a`` and ``b`` swap."""

    criterion: str
    weight: float
    current_weight: float
    a: str  # ahead below the flip point
    b: str  # ahead above it


def flip_points(
    results: Sequence[Result], weights: Mapping[str, Any], max_weight: float = MAX_WEIGHT
) -> list[Flip]:
    """Exact weights at which two compared settlements swap places.

    For criterion k with the other weights fixed, settlement X scores
    (S_X + w s_Xk) / (W + w), with S_X = sum over i != k of w_i s_Xi and W = sum of
    those weights. Two settlements tie where the numerators are equal (the denominator is
    shared and positive): w* = (S_B - S_A) / (s_Ak - s_Bk). Each w* in (0, max_weight]
    (with a positive total weight there) where the order really changes is a flip point.
    This is solved exactly, not found by a sweep.
    """
    w = validate_weights(weights)
    flips: list[Flip] = []
    for k in CRITERIA:
        rest_total = sum(v for key, v in w.items() if key != k)
        for i, ra in enumerate(results):
            for rb in results[i + 1 :]:
                sa_rest = sum(w[key] * ra.scores[key] for key in CRITERIA if key != k)
                sb_rest = sum(w[key] * rb.scores[key] for key in CRITERIA if key != k)
                slope = ra.scores[k] - rb.scores[k]
                if abs(slope) < 1e-12:
                    continue
                w_star = (sb_rest - sa_rest) / slope
                if not (0 < w_star <= max_weight) or rest_total + w_star <= 0:
                    continue
                # Below w*, the one with the lower score on k is ahead.
                low, high = (ra, rb) if slope < 0 else (rb, ra)
                flips.append(Flip(k, w_star, w[k], low.settlement.name, high.settlement.name))
    flips.sort(key=lambda f: (list(CRITERIA).index(f.criterion), f.weight))
    return flips


def nearest_flips(flips: Iterable[Flip]) -> dict[str, Flip | None]:
    """For each criterion, the flip point closest to the current weight (or None)."""
    out: dict[str, Flip | None] = {k: None for k in CRITERIA}
    for f in flips:
        best = out[f.criterion]
        if best is None or abs(f.weight - f.current_weight) < abs(
            best.weight - best.current_weight
        ):
            out[f.criterion] = f
    return out


# --------------------------------------------------------------------------- set-ups


#: Durability features every set-up with an agreement gets in :func:`comparison_setups`,
#: so that no set-up is favoured by features alone.
SETUP_FEATURES = tuple(FEATURES)

#: Comparable set-ups: (name, preset id, arrangement). The pairing of a line with an
#: arrangement is this module's, not the proposals'; the essay's proposal is the first.
SETUPS: tuple[tuple[str, str, str], ...] = (
    ("Essay: 2024 line, neutrality + guarantees", "line_2024_mid", "neutrality_guarantees"),
    ("Latest line, NATO path", "line_latest", "nato_path"),
    ("Latest line, armed neutrality", "line_latest", "armed_neutrality"),
    ("Latest line, frozen conflict", "line_latest", "frozen_conflict"),
    ("1991 borders, NATO path", "borders_1991", "nato_path"),
)


def comparison_setups(data: ExplorerData, names: Iterable[str] | None = None) -> list[Settlement]:
    """The comparable set-ups of :data:`SETUPS` whose presets exist (all, or ``names``).

    Every set-up with an agreement gets the same durability features; a frozen conflict
    has none (there is no agreement to put them in).
    """
    wanted = set(names) if names is not None else None
    out = []
    for name, preset_id, arrangement in SETUPS:
        if preset_id not in data.presets or (wanted is not None and name not in wanted):
            continue
        features = () if arrangement in NO_AGREEMENT else SETUP_FEATURES
        out.append(preset_settlement(data, preset_id, arrangement, features, name=name))
    return out


def ranking_table(results: Sequence[Result]) -> str:
    """A plain-text table of the results, best first (for printing in a notebook)."""
    order = sorted(range(len(results)), key=lambda i: (results[i].rank, i))
    width = max(len(r.settlement.name) for r in results)
    lines = [f"{'rank':>4}  {'settlement':<{width}}  score"]
    for i in order:
        r = results[i]
        lines.append(f"{r.rank:>4}  {r.settlement.name:<{width}}  {r.score:.3f}")
    return "\n".join(lines)


def flips_table(flips: Sequence[Flip], weights: Mapping[str, float]) -> str:
    """Plain text: for each criterion, the weights at which two set-ups swap places."""
    lines = []
    for key, label in CRITERIA.items():
        mine = [f for f in flips if f.criterion == key]
        head = f"{label} (your weight {weights.get(key, 0):g}):"
        if not mine:
            lines.append(f"{head} no change in order for weights 0-{MAX_WEIGHT:g}")
            continue
        lines.append(head)
        for f in mine:
            lines.append(f"    at {f.weight:.2f}: {f.b} moves ahead of {f.a}")
    return "\n".join(lines)


def _output_line(ind: Indicators) -> str:
    if not ind.gdp_available:
        return "pre-war output in occupied areas: no regional output figures in the data"
    missing = f"; no figure for {', '.join(ind.units_without_gdp)}" if ind.units_without_gdp else ""
    return (
        f"pre-war output in occupied areas (even spread): "
        f"{ind.gdp_occupied_share_pct:.1f}% of the regional output with data{missing}"
    )


def indicator_table(results: Sequence[Result]) -> str:
    """Plain text: the main indicators of each result."""
    rows = []
    for r in results:
        ind = r.indicators
        rows.append(
            f"{r.settlement.name}\n"
            f"    territory lost: {ind.lost_km2:,.0f} km2 ({ind.lost_pct:.1f}% of the 1991 total)\n"
            f"    people in occupied areas (pre-war, even spread): "
            f"{ind.people_occupied / 1e6:.2f} million ({ind.people_occupied_pct:.1f}%)\n"
            f"    {_output_line(ind)}\n"
            f"    Black Sea access: {'yes' if ind.black_sea_access else 'no'}; "
            f"Azov access: {'yes' if ind.azov_access else 'no'}; "
            f"ports kept: {len(ind.ports_kept)} of {len(ind.ports_kept) + len(ind.ports_lost)}\n"
            f"    critical assets lost: {', '.join(ind.assets_lost) or 'none'}\n"
            f"    risk of renewed war in {ind.horizon_years} years (your estimate): "
            f"{ind.risk_pct:.1f}%"
        )
    return "\n".join(rows)


def to_plain(obj: Any) -> Any:
    """Indicators/results as plain JSON-ready values (for export and printing)."""
    if isinstance(obj, Indicators):
        return to_plain(obj.as_dict())
    if isinstance(obj, Mapping):
        return {k: to_plain(v) for k, v in obj.items()}
    if isinstance(obj, tuple | list | frozenset | set):
        items = sorted(obj) if isinstance(obj, frozenset | set) else obj
        return [to_plain(v) for v in items]
    return obj
