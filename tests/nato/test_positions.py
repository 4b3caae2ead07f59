"""The NATO members and positions files: complete, sourced, consistent."""

from __future__ import annotations

import pandas as pd

from widgets.data import load_resource
from widgets.nato.charts import consensus_chart, grid_table
from widgets.nato.positions import members_with_positions


def _sourced(frame: pd.DataFrame) -> None:
    stated = frame[frame["position"] != "no_clear_position"]
    for row in stated.itertuples():
        assert row.position_quote or row.position_summary, row.country
        assert row.speaker, row.country
        assert not pd.isna(row.position_date), row.country
        assert row.position_source, row.country
        assert len(row.position_quote.split()) <= 26, row.country


def test_members_file_has_32_rows_and_sourced_positions():
    members = load_resource("nato_members")
    assert len(members) == 32
    assert members["iso3"].is_unique
    assert (members["accession_year"] == members["accession_date"].dt.year).all()
    _sourced(members)
    unclear = members[members["position"] == "no_clear_position"]
    assert (unclear["position_quote"] == "").all()
    assert unclear["note"].str.contains("no statement found in the sources consulted").all()


def test_later_positions_are_sourced_and_after_the_cut():
    later = load_resource("nato_positions")
    _sourced(later)
    assert (later["position_date"] >= pd.Timestamp("2025-01-20")).all()


def test_known_accession_dates():
    members = load_resource("nato_members").set_index("country")
    assert members.at["Finland", "accession_date"] == pd.Timestamp("2023-04-04")
    assert members.at["Sweden", "accession_date"] == pd.Timestamp("2024-03-07")


def test_accession_steps_are_in_date_order():
    steps = load_resource("accession_steps")
    for _, rows in steps.groupby("country"):
        rows = rows.sort_values("step_order")
        assert rows["date"].is_monotonic_increasing
        assert rows["step"].iloc[-1] == "membership"


def test_latest_position_uses_the_newest_statement():
    members = members_with_positions().set_index("country")
    assert members.at["United States", "latest_date"] == pd.Timestamp("2025-08-17")
    assert not members.at["United States", "latest_carried"]
    assert members.at["Greece", "latest_carried"]


def test_static_chart_has_named_bound_controls():
    members = members_with_positions()
    assert len(grid_table(members)) == 32
    spec = consensus_chart(members).to_dict()
    params = {p["name"]: p for p in spec["params"]}
    assert set(params) == {"period", "yes_rule", "flip_member", "flip_to"}
    assert all(p["bind"].get("name") for p in params.values())
    assert spec["description"]
