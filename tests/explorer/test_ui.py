"""The ipywidgets explorer: set controls from Python, check the summary, indicators,
charts and messages change; bad input shows a message and never raises."""

from __future__ import annotations

import json

import pytest

from tests.explorer.test_model import tiny_data
from widgets.explorer import model as m
from widgets.explorer.ui import CeasefireExplorer


@pytest.fixture
def app() -> CeasefireExplorer:
    data = tiny_data()
    other = m.preset_settlement(data, "borders_1991", "frozen_conflict", name="1991, frozen")
    return CeasefireExplorer(data, compared=[other], start_preset="line_a")


def test_starts_with_summary_and_no_message(app):
    assert app.message_text == ""
    text = app.summary_text
    assert "Ukraine holds 500 km² (50.0% of its territory within the 1991 borders)" in text
    assert "crude assumption" in text and "many have fled" in text
    assert "no hidden right answer" in text
    assert "NPP" in text  # the asset left under Russian control
    assert app.widget is not None and "ceasefire-explorer" in app.widget._dom_classes
    assert "explorer-summary" in app.summary._dom_classes
    assert "explorer-message" in app.message._dom_classes


def test_every_control_is_labelled(app):
    controls = [
        app.preset,
        app.name,
        app.arrangement,
        *app.sliders.values(),
        *app.asset_boxes.values(),
        *app.feature_boxes.values(),
        *app.risk_sliders.values(),
        *app.effect_sliders.values(),
        *app.alignment_sliders.values(),
        *app.weight_sliders.values(),
        app.compare_list,
        app.note,
        app.export_area,
        app.import_area,
    ]
    for control in controls:
        assert control.description.strip(), control
    for button in (app.add_button, app.remove_button, app.export_button, app.import_button):
        assert button.description.strip()


def test_moving_a_unit_slider_changes_indicators_and_map(app):
    spec_before = app.map_view.spec
    assert app.set_share("UA-43", 0)  # Crimea back
    ind = app.results[0].indicators
    assert ind.lost_km2 == pytest.approx(100)  # 50 + 50 + 0 + 0
    assert "Ukraine holds 900 km²" in app.summary_text
    assert app.current.base_preset == m.CUSTOM
    assert "custom line" in app.summary_text
    assert app.map_view.spec != spec_before
    # the Sevastopol port is in Crimea (fixture): it follows the line back to Ukraine
    assert app.asset_boxes["port_sevastopol"].value is False


def test_returning_a_whole_unit_returns_its_assets_and_an_override_sticks(app):
    app.set_share("UA-23", 0)
    assert app.asset_boxes["npp"].value is False
    assert "NPP" not in app.results[0].indicators.assets_lost
    app.set_share("UA-23", 30)  # divided again: back to the preset's status (Russian)
    assert app.asset_boxes["npp"].value is True
    app.set_asset("npp", False)  # the student says: the plant comes back
    app.set_share("UA-23", 40)
    assert app.asset_boxes["npp"].value is False


def test_preset_resets_sliders(app):
    app.set_share("UA-14", 10)
    app.set_preset("borders_1991")
    assert all(s.value == 0 for s in app.sliders.values())
    assert app.current.base_preset == "borders_1991"
    assert "Ukraine holds 1,000 km²" in app.summary_text


def test_arrangement_features_and_risk(app):
    app.set_risk("neutrality_guarantees", 50)
    app.set_effect("monitors", 20)
    app.set_feature("monitors", True)
    assert app.results[0].indicators.risk_pct == pytest.approx(40)
    assert "risk of renewed war within 10 years: 40%" in app.summary_text
    app.set_arrangement("frozen_conflict")
    app.set_risk("frozen_conflict", 70)
    assert app.results[0].indicators.risk_pct == pytest.approx(70)
    assert "they do not apply: a frozen conflict has no agreement" in app.summary_text


def test_weights_change_the_ranking_and_the_trade_off_text(app):
    app.set_risk("neutrality_guarantees", 10)
    app.set_risk("frozen_conflict", 90)
    app.set_weights({"risk": 5, "territory": 1})
    assert "My settlement ranks first" in app.summary_text
    app.set_weights({"risk": 1, "territory": 5})
    assert "1991, frozen ranks first" in app.summary_text
    assert "Flip points" in app.sensitivity.value
    assert app.flips  # the order flips somewhere in range


def test_comparison_chart_spec_updates(app):
    before = json.dumps(app.comparison_view.spec)
    app.set_weight("territory", 7)
    after = app.comparison_view.spec
    assert json.dumps(after) != before
    names = {row["settlement"] for row in after["datasets"]["totals"]}
    assert names == {"My settlement", "1991, frozen"}
    assert after["description"]


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        (lambda a: a.set_share("UA-14", 140), "must be between 0 and 100, got 140"),
        (lambda a: a.set_share("UA-14", float("nan")), "NaN"),
        (lambda a: a.set_share("UA-99", 10), "unknown unit 'UA-99'"),
        (lambda a: a.set_preset("line_z"), "unknown preset 'line_z'"),
        (lambda a: a.set_arrangement("alliance"), "unknown arrangement 'alliance'"),
        (lambda a: a.set_feature("moat"), "unknown durability feature"),
        (lambda a: a.set_weight("territory", -1), "negative"),
        (lambda a: a.set_risk("nato_path", 150), "between 0 and 100"),
        (lambda a: a.import_scenario("{oops"), "the scenario was not imported: not valid JSON"),
        (lambda a: a.import_scenario('{"kind": "x"}'), "not a ceasefire-explorer scenario"),
    ],
)
def test_bad_input_shows_a_message(app, action, expected):
    before = app.summary.value
    action(app)  # never raises
    assert expected in app.message_text
    assert app.summary.value == before


def test_all_weights_zero_shows_message_then_recovers(app):
    app.set_weights({k: 0 for k in m.CRITERIA})
    assert "all weights are zero" in app.message_text
    app.show_message("")
    assert app.export_scenario() is None  # a file that could not be imported is not made
    assert "all weights are zero" in app.message_text
    app.set_weight("people", 1)
    assert app.message_text == ""


def test_add_and_remove_comparison(app):
    app.set_name("Mine")
    assert app.add_to_comparison("Copy of mine")
    assert "Copy of mine" in app.compare_list.options
    assert len(app.results) == 3
    assert not app.add_to_comparison("Copy of mine")
    assert "already called" in app.message_text
    app.remove_from_comparison("Copy of mine")
    assert len(app.results) == 2


def test_duplicate_names_are_a_message(app):
    app.set_name("1991, frozen")
    assert "same name" in app.message_text


def test_export_import_round_trip(app):
    app.set_share("UA-14", 12.5)
    app.set_feature("buffer_zone")
    app.set_weight("alignment", 2)
    app.note.value = "Buffer zone on the Donetsk line."
    text = app.export_scenario()
    assert json.loads(app.export_area.value)["kind"] == "ceasefire-explorer-scenario"
    assert 'download="ceasefire-scenario.json"' in app.download.value

    other = CeasefireExplorer(tiny_data(), start_preset="borders_1991")
    assert other.import_scenario(text)
    assert other.message_text == ""
    assert other.sliders["UA-14"].value == 12.5
    assert other.feature_boxes["buffer_zone"].value is True
    assert other.weight_sliders["alignment"].value == 2
    assert other.note.value == "Buffer zone on the Donetsk line."
    assert [s.name for s in other.compared] == ["1991, frozen"]
    assert other.export_scenario() == text
