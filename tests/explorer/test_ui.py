"""The ipywidgets explorer, driven from Python: setters, controls, export/import round trip."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.explorer.fixtures import tiny_data, tiny_inputs
from widgets.explorer import model as m
from widgets.explorer import scenario as sc
from widgets.explorer.ui import ExplorerApp


@pytest.fixture(scope="module")
def data():
    return tiny_data()


def test_controls_change_the_state(data):
    app = ExplorerApp(data, tiny_inputs())
    app.weights.actor.value = "russia"
    app.weights.sliders["t1"].value = 2.5
    assert app.inputs.weights["russia"]["t1"] == 2.5
    app.cards[0].attain.value = 80
    assert app.inputs.packages[0].attain_pct == 80
    app.cards[1].features["buffer_zone"].value = True
    assert app.inputs.packages[1].features == ("buffer_zone",)
    app.cards[0].line.unit.value = "UA-02"
    app.cards[0].line.share.value = 10
    app.cards[0].line.set_button.click()
    assert app.inputs.packages[0].line.overrides == {"UA-02": 10}
    assert "explorer-summary" in app.results.summary.value


def test_a_rejected_value_keeps_the_state_and_shows_one_error_box(data):
    app = ExplorerApp(data, tiny_inputs())
    before = app.inputs
    assert not app.set_package(0, base_risk_pct=140)
    assert app.inputs == before
    assert "packages[0].base_risk_pct: must be between 0 and 100" in app.message_text
    assert app.message.value.count('role="alert"') == 1
    assert app.set_package(0, base_risk_pct=30)
    assert app.message_text == ""
    assert not app.set_weight("ukraine", "alignment", 1)
    assert "unknown criterion 'alignment'" in app.message_text
    assert not app.set_chosen_actors(["united_states"])
    assert "all weights of United States are 0" in app.message_text


def test_import_of_a_bad_file_changes_nothing(data):
    app = ExplorerApp(data, tiny_inputs())
    before = app.inputs
    assert not app.import_scenario('{"format": "other"}')
    assert app.inputs == before
    assert "not imported, nothing changed" in app.message_text


def test_the_zone_and_blockers_are_shown(data):
    app = ExplorerApp(data, tiny_inputs())
    assert "Zone of possible agreement for Ukraine and Russia: Q" in app.summary_text
    app.remove_package(1)
    assert "blocked by Ukraine" in app.summary_text


# Any sequence of setter calls (valid or not) leaves a state that exports and imports back.
actions = st.one_of(
    st.tuples(
        st.just("weight"),
        st.sampled_from(list(m.ACTORS)),
        st.sampled_from(["territory", "people", "peace", "t1", "ports"]),
        st.floats(-12, 12, allow_nan=False),
    ),
    st.tuples(st.just("risk"), st.integers(0, 2), st.floats(-5, 105, allow_nan=False)),
    st.tuples(st.just("attain"), st.integers(0, 2), st.floats(-5, 105, allow_nan=False)),
    st.tuples(st.just("name"), st.integers(0, 2), st.text(max_size=70)),
    st.tuples(st.just("feature"), st.integers(0, 2), st.sampled_from(list(m.FEATURES))),
    st.tuples(
        st.just("override"),
        st.sampled_from([None, 0, 1]),
        st.sampled_from(["UA-01", "UA-02"]),
        st.one_of(st.none(), st.floats(-1, 101, allow_nan=False)),
    ),
    st.tuples(st.just("arrangement"), st.integers(0, 2), st.sampled_from(["deal0", "deal1"])),
    st.tuples(st.just("chosen"), st.lists(st.sampled_from(list(m.ACTORS)), max_size=4)),
    st.tuples(st.just("view"), st.sampled_from(list(m.ACTORS))),
    st.tuples(st.just("title"), st.text(max_size=130)),
    st.tuples(st.just("group"), st.text(max_size=70)),
    st.tuples(
        st.just("add"),
    ),
    st.tuples(st.just("remove"), st.integers(0, 2)),
    st.tuples(st.just("effect"), st.sampled_from(list(m.FEATURES)), st.floats(-5, 105)),
)


def _do(app: ExplorerApp, action) -> None:
    kind, *args = action
    n = len(app.inputs.packages)
    if kind == "weight":
        app.set_weight(*args)
    elif kind in ("risk", "attain", "name", "arrangement") and args[0] < n:
        field = {"risk": "base_risk_pct", "attain": "attain_pct"}.get(kind, kind)
        app.set_package(args[0], **{field: args[1]})
    elif kind == "feature" and args[0] < n:
        app.set_feature(args[0], args[1], args[1] not in app.inputs.packages[args[0]].features)
    elif kind == "override" and (args[0] is None or args[0] < n):
        app.set_override(*args)
    elif kind == "chosen":
        app.set_chosen_actors(args[0])
    elif kind == "view":
        app.set_view_actor(args[0])
    elif kind == "title":
        app.set_title(args[0])
    elif kind == "group":
        app.set_group(args[0])
    elif kind == "add":
        app.add_package()
    elif kind == "remove":
        app.remove_package(args[0])
    elif kind == "effect":
        app.set_feature_effect(*args)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(actions, max_size=12))
def test_every_reachable_state_round_trips(steps):
    data = tiny_data()
    app = ExplorerApp(data, tiny_inputs())
    for step in steps:
        _do(app, step)
    content = app.export_scenario()
    assert content is not None, app.message_text
    assert sc.import_json(data, content) == app.inputs
    other = ExplorerApp(data, tiny_inputs())
    assert other.import_scenario(content)
    assert other.inputs == app.inputs
