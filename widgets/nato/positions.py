"""NATO members and their stated positions, as tables the consensus model and charts use."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from widgets.common import validate
from widgets.common.dates import as_of, currency_date
from widgets.data import load_resource

PERIODS: dict[str, str] = {
    "essay": "Around the essay (statements to 19 January 2025)",
    "latest": "Latest sourced statement",
}

# Fields of a statement that travel with the position chosen for a period.
_STATEMENT_FIELDS = ("position", "position_date", "position_source", "statement_type", "speaker")


def period_labels(data_dir: Path | str | None = None) -> dict[str, str]:
    """:data:`PERIODS` with the book's currency date on the latest period."""
    labels = dict(PERIODS)
    labels["latest"] = f"{PERIODS['latest']} ({as_of(data_dir)})"
    return labels


def _latest_statements(members: pd.DataFrame, later: pd.DataFrame, cutoff) -> pd.DataFrame:
    """Per member, the most recent dated statement in either table up to ``cutoff``."""
    essay_rows = members.loc[members["position_date"].notna(), ["iso3", *_STATEMENT_FIELDS]]
    later_rows = later.loc[:, ["iso3", *_STATEMENT_FIELDS]]
    every = pd.concat([essay_rows, later_rows], ignore_index=True)
    every = every[every["position_date"] <= pd.Timestamp(cutoff)]
    # A later table row wins a tie of dates: concat order puts it last.
    return (
        every.sort_values("position_date", kind="stable").groupby("iso3").tail(1).set_index("iso3")
    )


def members_with_positions(data_dir: Path | str | None = None) -> pd.DataFrame:
    """One row per member: accession data, the essay-period position and the latest one.

    The latest position is the member's most recent dated, sourced statement in either
    table up to the book's currency date. Columns added: ``position_essay``,
    ``position_latest``, ``latest_date``, ``latest_source``, ``latest_statement_type``,
    ``latest_speaker`` and ``latest_carried`` (True where no statement after the essay
    period was found, so the latest is the essay-period one).
    """
    members = load_resource("nato_members", data_dir).copy()
    later = load_resource("nato_positions", data_dir)
    unknown = sorted(set(later["iso3"]) - set(members["iso3"]))
    if unknown:
        raise ValueError(f"nato_positions names members not in nato_members: {', '.join(unknown)}")
    latest = _latest_statements(members, later, currency_date(data_dir))
    members["position_essay"] = members["position"]

    def pick(field: str) -> list:
        return [
            latest.at[iso, field] if iso in latest.index else fallback
            for iso, fallback in zip(members["iso3"], members[field], strict=True)
        ]

    members["position_latest"] = pick("position")
    members["latest_date"] = pick("position_date")
    members["latest_source"] = pick("position_source")
    members["latest_statement_type"] = pick("statement_type")
    members["latest_speaker"] = pick("speaker")
    members["latest_carried"] = ~members["iso3"].isin(later["iso3"])
    return members.sort_values(["accession_date", "country"]).reset_index(drop=True)


def positions_for(members: pd.DataFrame, period: str) -> dict[str, str]:
    """``{country: position}`` for a period key of :data:`PERIODS`."""
    validate.choice(period, "period", PERIODS, "period")
    column = f"position_{period}"
    return dict(zip(members["country"], members[column], strict=True))
