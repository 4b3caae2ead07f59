"""The ipywidgets credibility explorer: presets, controls, readout, bad input."""

from __future__ import annotations

import math

import pytest

from widgets.deterrence.model import PRESETS
from widgets.deterrence.ui import CUSTOM, CredibilityExplorer


@pytest.fixture
def explorer():
    return CredibilityExplorer()


def test_default_preset_readout(explorer):
    text = explorer.text
    assert text.startswith("Deterred")
    assert "net payoff -0.30" in text
    assert "probability 0.30" in text
    assert "not a forecast" in text


def test_every_control_has_a_label(explorer):
    assert explorer.preset.description.strip()
    for control in explorer.controls.values():
        assert control.description.strip()


def test_choosing_a_preset_fills_in_its_values(explorer):
    explorer.preset.value = "An existing ally such as Estonia"
    estonia = PRESETS["An existing ally such as Estonia"]
    for name, control in explorer.controls.items():
        assert control.value == getattr(estonia, name)
    assert "probability 0.62" in explorer.text or "probability 0.63" in explorer.text
    assert explorer.preset.value == "An existing ally such as Estonia"


def test_changing_a_value_marks_the_scenario_as_custom(explorer):
    explorer.controls["challenger_gain"].value = 12.0
    assert explorer.preset.value == CUSTOM
    assert explorer.text.startswith("The attack pays")
    assert "net payoff 0.40" in explorer.text


def test_set_from_python(explorer):
    explorer.set(tripwire=4.0, defender_stakes=6.0)
    assert explorer.preset.value == CUSTOM
    assert "probability 0.59" in explorer.text  # 10 / 17


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"challenger_gain": -2.0}, "gain from a successful attack: must be 0 or more"),
        ({"punishment": math.nan}, "NaN"),
        ({"attack_cost": math.inf}, "finite"),
    ],
)
def test_bad_input_shows_a_message_not_a_traceback(explorer, values, message):
    explorer.set(**values)
    assert explorer.text.startswith("Please check your input:")
    assert message in explorer.text
    assert 'role="alert"' in explorer.readout.value


def test_unknown_preset():
    with pytest.raises(KeyError, match="Unknown preset"):
        CredibilityExplorer("Narnia")
