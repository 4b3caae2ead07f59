"""Numeric answers in the Myth 3 quiz equal what the consensus model computes from the data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from widgets.nato import model
from widgets.nato.positions import members_with_positions, positions_for

QUIZ = Path(__file__).resolve().parents[2] / "book/myths/quizzes/myth3_realistic.json"

# Question text (start) -> (period, yes rule) whose blocker count is the answer.
COUNTED = {
    "With the essay-period positions and the rule 'members that back membership now or later'": (
        "essay",
        "in_principle",
    ),
    "With the latest sourced positions and the most generous rule": ("latest", "not_opposed"),
}


def _quiz() -> list[dict]:
    with open(QUIZ, encoding="utf-8") as handle:
        return json.load(handle)


def _correct_value(question: dict) -> float:
    (value,) = [a["value"] for a in question["answers"] if a.get("correct") and "value" in a]
    return value


@pytest.mark.parametrize("start", list(COUNTED))
def test_numeric_answer_is_the_models_blocker_count(start):
    (question,) = [q for q in _quiz() if q["question"].startswith(start)]
    period, rule = COUNTED[start]
    members = members_with_positions()
    result = model.invitation_consensus(positions_for(members, period), model.YES_RULES[rule])
    assert _correct_value(question) == result.n_blockers


def test_every_numeric_question_is_checked_here():
    numeric = [q["question"] for q in _quiz() if q["type"] == "numeric"]
    assert all(any(q.startswith(start) for start in COUNTED) for q in numeric), numeric
