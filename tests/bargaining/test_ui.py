"""The ipywidgets bargaining explorer: set controls from Python, read the readout."""

from __future__ import annotations

import math

import ipywidgets as w
import pytest

from widgets.bargaining.ui import BargainingExplorer


@pytest.fixture
def explorer():
    return BargainingExplorer()


def test_default_readout_reports_the_range_and_the_deal(explorer):
    text = explorer.text
    assert "between 0.30 and 0.55" in text
    assert "(0.50 to Russia) lies inside" in text
    assert "not a forecast" in text
    assert "<svg" in explorer.picture.value


def test_every_control_has_a_label(explorer):
    for control in explorer.controls.values():
        assert control.description.strip()
    assert isinstance(explorer.widget, w.VBox)


def test_moving_a_slider_updates_the_readout(explorer):
    explorer.controls["cost_ukraine"].value = 0.05
    assert "between 0.30 and 0.45" in explorer.text
    assert "lies above the range" in explorer.text


def test_commitment_shift_empties_the_range(explorer):
    explorer.set(shift=-0.3)
    assert "commitment problem" in explorer.text
    assert "cannot be inside an empty range" in explorer.text


def test_neutrality_checkbox(explorer):
    explorer.set(
        neutrality=True, value_neutrality_russia=0.2, value_neutrality_ukraine=0.1, deal=0.2
    )
    assert "between 0.10 and 0.45" in explorer.text
    assert "takes NATO membership off the table" in explorer.text


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"deal": 1.5}, "must be between 0 and 1, got 1.5"),
        ({"deal": -0.2}, "must be between 0 and 1"),
        ({"deal": math.nan}, "NaN"),
        ({"p": 0.9, "shift": 0.3}, "p + shift must stay between 0 and 1"),
    ],
)
def test_bad_input_shows_a_message_not_a_traceback(explorer, values, message):
    explorer.set(**values)
    assert explorer.text.startswith("Please check your input:")
    assert message in explorer.text
    assert 'role="alert"' in explorer.readout.value
    assert explorer.picture.value == ""


def test_recovers_after_bad_input(explorer):
    explorer.set(deal=2.0)
    explorer.set(deal=0.4)
    assert "(0.40 to Russia) lies inside" in explorer.text


def test_unknown_control_name_is_a_key_error(explorer):
    with pytest.raises(KeyError, match="No control named"):
        explorer.set(cost=0.1)
