"""The ipywidgets consensus explorer, driven from Python."""

from __future__ import annotations

import pytest

from widgets.nato.positions import members_with_positions
from widgets.nato.ui import ConsensusExplorer, consensus_explorer


@pytest.fixture(scope="module")
def members():
    return members_with_positions()


def test_starts_from_the_sourced_positions(members):
    explorer = ConsensusExplorer(members)
    assert explorer.current_positions() == explorer.sourced_positions()
    assert "No consensus" in explorer.output.value
    assert "32 members would each ratify" in explorer.output.value


def test_flipping_every_blocker_gives_consensus(members):
    explorer = ConsensusExplorer(members)
    for control in explorer.member_controls.values():
        if control.value not in explorer.yes_positions():
            control.value = "supports_eventual_membership"
    assert "<b>Consensus:</b>" in explorer.output.value
    assert "Your what-if changes: none" not in explorer.output.value


def test_counting_every_position_as_yes_gives_consensus(members):
    explorer = ConsensusExplorer(members)
    for box in explorer.yes_boxes.values():
        box.value = True
    assert "<b>Consensus:</b>" in explorer.output.value


def test_no_yes_position_shows_a_message_not_a_traceback(members):
    explorer = ConsensusExplorer(members)
    for box in explorer.yes_boxes.values():
        box.value = False
    assert 'role="alert"' in explorer.output.value
    assert "at least one position" in explorer.output.value


def test_switching_period_reloads_and_reset_restores(members):
    explorer = ConsensusExplorer(members)
    explorer.member_controls["Hungary"].value = "supports_membership_now"
    explorer.reset_button.click()
    assert explorer.member_controls["Hungary"].value == "opposes_or_blocks"
    explorer.period.value = "latest"
    assert explorer.current_positions() == explorer.sourced_positions()
    assert explorer.member_controls["United States"].value == "opposes_or_blocks"


def test_every_control_has_a_label(members):
    explorer = ConsensusExplorer(members)
    controls = [explorer.period, *explorer.yes_boxes.values(), *explorer.member_controls.values()]
    assert all(c.description for c in controls)
    assert consensus_explorer(members).children
