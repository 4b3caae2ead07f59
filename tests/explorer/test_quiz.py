"""The chapter's quiz: every number it states or expects is what the explorer computes."""

from __future__ import annotations

import json

import pytest

from widgets.common.paths import REPO_ROOT
from widgets.explorer import actors, examples, sensitivity
from widgets.explorer import model as m

QUIZ = REPO_ROOT / "book/alternative/quizzes/ceasefire_explorer.json"

# Worked example 1 of book/alternative/ceasefire_explorer.ipynb (Marko's inputs).
RUSSIA = {c: -1.0 for c in m.LINE_CRITERIA} | {
    m.PEACE: 1.0,
    "nato_aim_renounced": 2.0,
    "nato_aim_kept": -2.0,
}
MARKO = {"ukraine": examples.LINE_ONLY | {m.PEACE: 3.0}, "russia": RUSSIA}
MARKO_ATTAIN = (60.0, 50.0, 20.0)


@pytest.fixture(scope="module")
def quiz():
    return json.loads(QUIZ.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def data():
    return m.ExplorerData.load()


def question(quiz, fragment):
    (found,) = [q for q in quiz if fragment in q["question"]]
    return found


def correct_value(q):
    (value,) = [a["value"] for a in q["answers"] if a.get("correct")]
    return value


def marko(data, attain=MARKO_ATTAIN):
    return actors.evaluate(data, examples.article_2_inputs(data, MARKO, attain))


def test_quiz_format(quiz):
    for q in quiz:
        assert q["type"] in {"many_choice", "numeric"}, q["question"]
        assert sum(1 for a in q["answers"] if a.get("correct")) == 1, q["question"]
        assert all(a.get("feedback") for a in q["answers"]), q["question"]


def test_defaults_tie_for_every_actor(quiz, data):
    question(quiz, "open the full explorer and change nothing")
    e = actors.evaluate(data, m.default_inputs(data))
    assert len({p.arrangement for p in e.inputs.packages}) == 4  # four different texts
    for a in e.actors:
        assert max(e.value[a]) - min(e.value[a]) < 1e-12, a


def test_lower_chance_changes_ranking_not_zone(quiz, data):
    question(quiz, "from 50 % to 10 %")
    before, after = marko(data), marko(data, (10.0, 50.0, 20.0))
    assert before.zone == after.zone
    assert before.ranks["ukraine"][0] == 1 and after.ranks["ukraine"][0] > 1


def test_marko_ties_when_chances_are_equal(quiz, data):
    tie_at = correct_value(question(quiz, "for 2A and 2B to tie"))
    e = marko(data)
    assert len(set(e.utility["ukraine"])) == 1  # his three texts score the same if signed
    assert e.ranks["ukraine"] == (1, 2, 3)
    tied = marko(data, (tie_at, 50.0, 20.0))
    assert tied.value["ukraine"][0] == pytest.approx(tied.value["ukraine"][1], abs=1e-12)
    assert marko(data, (50.0, 50.0, 50.0)).ranks["ukraine"] == (1, 1, 1)


def test_olena_ranks_2c_first(quiz, data):
    feedback = [a["feedback"] for q in quiz for a in q["answers"]]
    assert any("Olena, with 50 % for every text, ranks 2C first" in f for f in feedback)
    olena = {
        "ukraine": examples.LINE_ONLY | {"nato_aim_kept": 2.0, "nato_aim_renounced": -2.0},
        "russia": RUSSIA,
    }
    e = actors.evaluate(data, examples.article_2_inputs(data, olena))
    assert e.ranking("ukraine")[0] == 2


def fragility_of(data, criterion):
    (f,) = [f for f in sensitivity.fragility(marko(data), "ukraine") if f.criterion == criterion]
    return f


def test_fragility_points_quoted_in_the_quiz(quiz, data):
    q = question(quiz, "Marko's fragility table reads")
    assert fragility_of(data, "territory").robust
    renounced = fragility_of(data, "nato_aim_renounced")
    assert renounced.up is None and renounced.down.new_leader == 1  # 2B
    assert f"lowered to {renounced.down.weight:.2f}, 2B takes first place" in q["question"]


def test_shared_term_moves_first_place(quiz, data):
    q = question(quiz, "every package shares")
    e = marko(data)
    assert {x["european_force"] for x in e.values} == {1.0}
    assert e.no_deal_values["european_force"] == 0.0
    force = fragility_of(data, "european_force")
    assert force.down.new_leader == 2  # 2C, the least likely package
    assert f"about {force.down.weight:.2f}" in q["question"]


def test_gain_over_no_deal_by_hand(quiz):
    expected = correct_value(question(quiz, "expected score minus no-deal score"))
    weights = {"territory": -1.0, m.PEACE: 1.0}
    signed = actors.utility(weights, {"territory": 0.8, m.PEACE: 0.6})
    no_deal = actors.utility(weights, {"territory": 0.8, m.PEACE: 0.0})
    q = 0.5
    gain = q * signed + (1 - q) * no_deal - no_deal
    assert gain == pytest.approx(expected, abs=1e-12)


def test_mid_2024_sourced_shares_named_in_the_quiz(quiz, data):
    question(quiz, "line near the essay (30 Jul 2024)")
    shares = data.presets["line_2024_mid"].shares
    assert shares["UA-14"] == 61.0 and shares["UA-09"] == 95.0
    assert shares["UA-40"] == shares["UA-43"] == 100.0
