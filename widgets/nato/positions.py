"""NATO members and their stated positions, as tables the consensus model and charts use."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from widgets.data import load_resource

PERIODS: dict[str, str] = {
    "essay": "Around the essay (statements to 19 January 2025)",
    "latest": "Latest sourced statement (as of 27 November 2026)",
}


def members_with_positions(data_dir: Path | str | None = None) -> pd.DataFrame:
    """One row per member: accession data, the essay-period position and the latest one.

    Columns added: ``position_essay``, ``position_latest``, ``latest_date``,
    ``latest_source``, ``latest_carried`` (True where no later statement was found and
    the essay-period position is carried forward).
    """
    members = load_resource("nato_members", data_dir).copy()
    later = load_resource("nato_positions", data_dir)
    latest = later.sort_values("position_date").groupby("iso3").tail(1).set_index("iso3")
    members["position_essay"] = members["position"]
    members["position_latest"] = [
        latest.at[c, "position"] if c in latest.index else p
        for c, p in zip(members["iso3"], members["position"], strict=True)
    ]
    members["latest_date"] = [
        latest.at[c, "position_date"] if c in latest.index else d
        for c, d in zip(members["iso3"], members["position_date"], strict=True)
    ]
    members["latest_source"] = [
        latest.at[c, "position_source"] if c in latest.index else s
        for c, s in zip(members["iso3"], members["position_source"], strict=True)
    ]
    members["latest_carried"] = ~members["iso3"].isin(latest.index)
    return members.sort_values(["accession_date", "country"]).reset_index(drop=True)


def positions_for(members: pd.DataFrame, period: str) -> dict[str, str]:
    """``{country: position}`` for a period key of :data:`PERIODS`."""
    if period not in PERIODS:
        raise ValueError(f"unknown period {period!r}; use one of: {', '.join(PERIODS)}")
    column = f"position_{period}"
    return dict(zip(members["country"], members[column], strict=True))
