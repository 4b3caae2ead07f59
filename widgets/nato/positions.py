"""NATO members and their stated positions, as tables the consensus model and charts use."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from widgets.common import validate
from widgets.common.dates import as_of
from widgets.data import load_resource

#: The two sets of stated positions: around the essay, and the latest sourced one.
PERIODS: tuple[str, ...] = ("essay", "latest")


def period_labels(data_dir: Path | str | None = None) -> dict[str, str]:
    """Period key -> label; the latest period is dated by the book's currency date."""
    return {
        "essay": "Around the essay (statements to 19 January 2025)",
        "latest": f"Latest sourced statement ({as_of(data_dir)})",
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
    validate.choice(period, "period", PERIODS)
    column = f"position_{period}"
    return dict(zip(members["country"], members[column], strict=True))
