"""The NATO members and positions files: complete, sourced, consistent with the tracker."""

from __future__ import annotations

import pandas as pd
import pytest

from widgets.common.dates import currency_date
from widgets.data import load_resource
from widgets.nato import model
from widgets.nato.charts import consensus_chart, grid_table
from widgets.nato.positions import PERIODS, members_with_positions, period_labels, positions_for

SUPPORT = ("supports_membership_now", "supports_eventual_membership")


def _statements_are_sourced(frame: pd.DataFrame) -> None:
    for row in frame.itertuples():
        assert row.speaker, row.country
        assert not pd.isna(row.position_date), row.country
        assert row.position_source.strip(), row.country
        assert row.statement_type, row.country
        assert len(row.position_quote.split()) <= 26, row.country


def test_every_member_has_a_dated_sourced_statement_in_the_essay_period():
    members = load_resource("nato_members")
    assert len(members) == 32
    assert members["iso3"].is_unique
    assert (members["accession_year"] == members["accession_date"].dt.year).all()
    _statements_are_sourced(members)
    stated = members[members["position"] != "no_clear_position"]
    assert (stated["position_summary"].str.len() > 0).all()


def test_unclear_members_say_why():
    members = load_resource("nato_members")
    unclear = members[members["position"] == "no_clear_position"]
    explained = unclear["note"].str.contains("Contested|no statement found", regex=True)
    assert explained.all(), list(unclear.loc[~explained, "country"])


def test_later_statements_are_sourced_within_the_period():
    later = load_resource("nato_positions")
    _statements_are_sourced(later)
    assert (later["position_date"] >= pd.Timestamp("2025-01-20")).all()
    assert (later["position_date"] <= pd.Timestamp(currency_date())).all()
    assert set(later["iso3"]) <= set(load_resource("nato_members")["iso3"])


@pytest.mark.parametrize("period", list(PERIODS))
def test_supporters_rest_on_a_dated_sourced_statement(period):
    members = members_with_positions()
    date = "position_date" if period == "essay" else "latest_date"
    source = "position_source" if period == "essay" else "latest_source"
    supporters = members[members[f"position_{period}"].isin(SUPPORT)]
    assert len(supporters) > 0
    assert supporters[date].notna().all()
    assert (supporters[date] <= pd.Timestamp(currency_date())).all()
    assert (supporters[source].str.len() > 0).all()


def test_a_signed_text_is_never_left_without_a_position():
    # A government that signed a text on Ukraine's membership has a position to code.
    members = load_resource("nato_members")
    signed = members[members["statement_type"] == "signed_text"]
    assert len(signed) > 0
    assert (signed["position"] != "no_clear_position").all()


def test_latest_is_each_members_newest_dated_statement():
    members = load_resource("nato_members").set_index("iso3")
    later = load_resource("nato_positions")
    tracked = members_with_positions().set_index("iso3")
    for iso in members.index:
        dates = [
            members.at[iso, "position_date"],
            *later.loc[later["iso3"] == iso, "position_date"],
        ]
        newest = max(d for d in dates if not pd.isna(d))
        assert tracked.at[iso, "latest_date"] == newest, iso
        assert tracked.at[iso, "latest_carried"] == (iso not in set(later["iso3"])), iso


def test_latest_label_carries_the_currency_date():
    labels = period_labels()
    assert set(labels) == set(PERIODS)
    assert f"{currency_date().year}" in labels["latest"]


@pytest.mark.parametrize("period", list(PERIODS))
@pytest.mark.parametrize("rule", list(model.YES_RULES))
def test_tracker_table_counts_the_same_blockers_as_the_model(period, rule):
    members = members_with_positions()
    table = grid_table(members)
    yes = set(model.YES_RULES[rule])
    shown_blockers = int((~table[f"position_{period}"].isin(yes)).sum())
    result = model.invitation_consensus(positions_for(members, period), yes)
    assert shown_blockers == result.n_blockers


def test_static_chart_has_named_bound_controls():
    members = members_with_positions()
    assert len(grid_table(members)) == 32
    spec = consensus_chart(members).to_dict()
    params = {p["name"]: p for p in spec["params"]}
    assert set(params) == {"period", "yes_rule", "flip_member", "flip_to"}
    assert all(p["bind"].get("name") for p in params.values())
    assert spec["description"]


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
