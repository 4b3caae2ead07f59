"""Indicators of a line and the criterion values of a package (formulas: see ``model``)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from widgets.explorer.model import (
    LINE_CRITERIA,
    NO_AGREEMENT,
    PEACE,
    ExplorerData,
    Line,
    Package,
    line_shares,
)


@dataclass(frozen=True)
class LineIndicators:
    shares: Mapping[str, float]
    lost_km2: float
    lost_pct: float
    people_occupied: float
    people_occupied_pct: float
    gdp_occupied_pct: float  # of the GRP of the units with data
    ports_kept: tuple[str, ...]
    ports_lost: tuple[str, ...]
    assets_kept: tuple[str, ...]
    assets_lost: tuple[str, ...]
    destroyed: tuple[str, ...]
    values: Mapping[str, float]  # the five line criteria


def russian_held(asset, shares: Mapping[str, float]) -> bool:
    """The documented rule: held when its unit's share reaches the asset's threshold."""
    return shares[asset.code] >= asset.russian_held_at_pct


def line_indicators(data: ExplorerData, line: Line) -> LineIndicators:
    shares = line_shares(data, line)
    area = sum(u.area_km2 for u in data.units)
    pop = sum(u.population for u in data.units)
    gdp = sum(u.gdp_share_pct for u in data.units if u.gdp_share_pct is not None)
    lost = sum(u.area_km2 * shares[u.code] / 100 for u in data.units)
    people = sum(u.population * shares[u.code] / 100 for u in data.units)
    gdp_lost = sum(
        u.gdp_share_pct * shares[u.code] / 100 for u in data.units if u.gdp_share_pct is not None
    )
    existing = [a for a in data.assets if not a.destroyed]
    ports = [a for a in existing if a.kind == "port"]
    others = [a for a in existing if a.kind != "port"]
    port_total = sum(a.throughput_mt or 0.0 for a in ports)
    port_kept = sum(a.throughput_mt or 0.0 for a in ports if not russian_held(a, shares))
    others_kept = [a for a in others if not russian_held(a, shares)]
    values = {
        "territory": 1 - lost / area if area else 1.0,
        "people": 1 - people / pop if pop else 1.0,
        "economy": 1 - gdp_lost / gdp if gdp else 1.0,
        "ports": port_kept / port_total if port_total else 1.0,
        "assets": len(others_kept) / len(others) if others else 1.0,
    }
    assert tuple(values) == tuple(LINE_CRITERIA)
    return LineIndicators(
        shares=shares,
        lost_km2=lost,
        lost_pct=100 * lost / area if area else 0.0,
        people_occupied=people,
        people_occupied_pct=100 * people / pop if pop else 0.0,
        gdp_occupied_pct=100 * gdp_lost / gdp if gdp else 0.0,
        ports_kept=tuple(a.name for a in ports if not russian_held(a, shares)),
        ports_lost=tuple(a.name for a in ports if russian_held(a, shares)),
        assets_kept=tuple(a.name for a in others_kept),
        assets_lost=tuple(a.name for a in others if russian_held(a, shares)),
        destroyed=tuple(a.name for a in data.assets if a.destroyed),
        values=values,
    )


def risk_pct(package: Package, feature_effect_pct: Mapping[str, float]) -> float:
    """base_risk_pct x prod(1 - effect/100) over the package's features."""
    return package.base_risk_pct * math.prod(
        1 - feature_effect_pct[f] / 100 for f in package.features
    )


def criterion_values(
    data: ExplorerData,
    line_values: Mapping[str, float],
    arrangement_id: str,
    peace: float,
) -> dict[str, float]:
    """Line criteria, peace and the arrangement's terms, in ``data.criteria`` order."""
    terms = data.arrangements[arrangement_id].terms
    return {**line_values, PEACE: peace, **{t: terms[t] for t in data.terms}}


def package_peace(data: ExplorerData, package: Package, feature_effect_pct) -> float:
    if not data.arrangements[package.arrangement].agreement:
        return 0.0
    return 1 - risk_pct(package, feature_effect_pct) / 100


def no_deal_values(data: ExplorerData, line_values: Mapping[str, float]) -> dict[str, float]:
    return criterion_values(data, line_values, NO_AGREEMENT, 0.0)
