"""The numeric answers of the Myth 1 and Myth 2 quizzes are what the models compute."""

from __future__ import annotations

import json

import pytest

from widgets.bargaining.model import BargainingInputs, bargaining_range
from widgets.common.paths import REPO_ROOT
from widgets.deterrence.model import MEMBER_CRITICS, PRESETS, evaluate, intervention_probability

QUIZZES = REPO_ROOT / "book" / "myths" / "quizzes"


def _correct(quiz: str, starts: str) -> dict:
    questions = json.loads((QUIZZES / quiz).read_text(encoding="utf-8"))
    (question,) = [q for q in questions if q["question"].startswith(starts)]
    (answer,) = [a for a in question["answers"] if a.get("correct")]
    return answer


def _survives(**kw) -> bool:
    return bargaining_range(BargainingInputs(0.4, 0.1, 0.15, **kw)) is not None


def test_belief_threshold_answer():
    low, high = _correct("myth1_end_the_war.json", "With p = 0.4, c_R = 0.1, c_U = 0.15 and a")[
        "range"
    ]
    assert _survives(shift=-0.3, accession_belief=low)
    assert not _survives(shift=-0.3, accession_belief=high)


def test_largest_neutrality_loss_answer():
    value = _correct("myth1_end_the_war.json", "With p = 0.4, c_R = 0.1, c_U = 0.15 and w_R")[
        "value"
    ]
    neutral = dict(neutrality=True, value_neutrality_russia=0.05)
    assert _survives(**neutral, value_neutrality_ukraine=value)
    assert not _survives(**neutral, value_neutrality_ukraine=value + 0.01)


def test_intervention_probability_answer():
    value = _correct("myth2_keep_the_peace.json", "In the model, the ally's stakes")["value"]
    assert intervention_probability(3, 1, 4) == pytest.approx(value)


def test_status_quo_threshold_answer():
    value = _correct("myth2_keep_the_peace.json", "The two member presets")["value"]
    member = PRESETS[MEMBER_CRITICS]
    assert evaluate(member.with_(status_quo=value)).deterred
    assert not evaluate(member.with_(status_quo=value - 0.01)).deterred
