"""Every quiz answer that follows from a model or from data/ is recomputed here.

Quiz items are found by what their question says (a regex on the text, plus the numbers
it states), never by position, so reordering or rewording the rest of a quiz changes
nothing. To cover a new item, add a :class:`Answer` to :data:`ANSWERS`; a numeric item
whose answer comes from a source outside data/ goes in :data:`NOT_FROM_THE_PACKAGE` with
the reason.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from widgets import data
from widgets.bargaining.model import BargainingInputs, bargaining_range
from widgets.common.paths import REPO_ROOT
from widgets.deterrence.model import intervention_probability
from widgets.history.model import case_spans
from widgets.nato.model import YES_RULES, invitation_consensus
from widgets.nato.positions import members_with_positions, positions_for

BOOK = REPO_ROOT / "book"
QUIZZES = sorted(BOOK.glob("**/quizzes/*.json"))


def number(name: str, text: str) -> float:
    """The number stated after ``name =`` in a question, e.g. ``c_R = 0.1``."""
    found = re.search(rf"\b{re.escape(name)}\s*=\s*(-?\d+(?:\.\d+)?)", text)
    assert found, f"the question no longer states {name} = ...: {text!r}"
    return float(found.group(1))


# --------------------------------------------------------------------------- computations


def _threshold(holds, low: float, high: float) -> float:
    """The point in [low, high] where ``holds`` turns false (bisection on the model)."""
    assert holds(low) and not holds(high)
    for _ in range(60):
        mid = (low + high) / 2
        low, high = (mid, high) if holds(mid) else (low, mid)
    return low


def belief_above_which_no_deal(question: str) -> float:
    shift = float(re.search(r"feared shift of (-?\d+(?:\.\d+)?)", question).group(1))
    p, c_r, c_u = number("p", question), number("c_R", question), number("c_U", question)

    def deal_survives(b: float) -> bool:
        inputs = BargainingInputs(p, c_r, c_u, shift=shift, accession_belief=b)
        return bargaining_range(inputs) is not None

    return round(_threshold(deal_survives, 0.0, 1.0), 2)


def largest_neutrality_loss(question: str) -> float:
    p, c_r, c_u = number("p", question), number("c_R", question), number("c_U", question)
    w_r = number("w_R", question)

    def deal_exists(w_u: float) -> bool:
        inputs = BargainingInputs(
            p, c_r, c_u, neutrality=True, value_neutrality_russia=w_r, value_neutrality_ukraine=w_u
        )
        return bargaining_range(inputs) is not None

    return round(_threshold(deal_exists, 0.0, 1.0), 2)


def intervention(question: str) -> float:
    return intervention_probability(
        number("S", question), number("T", question), number("C", question)
    )


def blockers(period: str, rule: str) -> Callable[[str], int]:
    """How many members block an invitation, for a period and a ready-made yes rule."""

    def count(_question: str) -> int:
        members = members_with_positions()
        positions = positions_for(members, period)
        return invitation_consensus(positions, YES_RULES[rule]).n_blockers

    return count


def arrangements_in_force(_question: str) -> int:
    return int(case_spans(data.load_resource("neutrality_cases"))["ongoing"].sum())


def post_soviet_ceasefires_that_ended(_question: str) -> int:
    # A ceasefire ends (the column's meaning) when war resumed or force overturned it.
    return int(data.load_resource("ceasefire_cases")["ended"].notna().sum())


@dataclass(frozen=True)
class Answer:
    quiz: str  # the quiz file's name, without .json
    question: str  # a regex that finds the item by its text (case-insensitive)
    compute: Callable[[str], float]  # the question's text -> the correct answer


ANSWERS = [
    Answer(
        "myth1_end_the_war",
        r"above which belief b .* does no deal survive",
        belief_above_which_no_deal,
    ),
    Answer("myth1_end_the_war", r"largest loss from neutrality w_U", largest_neutrality_loss),
    Answer("myth2_keep_the_peace", r"probability that it intervenes", intervention),
    Answer(
        "myth3_realistic",
        r"essay-period positions and the rule 'members that back membership now or later'",
        blockers("essay", "in_principle"),
    ),
    Answer(
        "myth3_realistic",
        r"latest sourced positions and the most generous rule",
        blockers("latest", "not_opposed"),
    ),
    Answer(
        "neutrality_history",
        r"arrangements in this chapter's comparison table are still in force",
        arrangements_in_force,
    ),
    Answer(
        "durable_ceasefires",
        r"post-Soviet ceasefires .* ended in renewed war or were overturned",
        post_soviet_ceasefires_that_ended,
    ),
]

#: Numeric items whose answer does not come from the package or data/, with the reason.
NOT_FROM_THE_PACKAGE = {
    ("myth2_keep_the_peace", r"below which value of the status quo V"): (
        "not yet mapped: the status-quo term of the credibility model arrived with the latest "
        "revision; recompute it from widgets.deterrence.model once its interface settles"
    ),
    ("ceasefire_explorer", r"To what chance for 2A, in per cent"): (
        "recomputed with the explorer's own model in tests/explorer/test_quiz.py"
    ),
    ("ceasefire_explorer", r"What is the actor's gain of P over no deal"): (
        "recomputed with the explorer's own model in tests/explorer/test_quiz.py"
    ),
}


def quiz_items() -> list[tuple[str, dict]]:
    return [(path.stem, item) for path in QUIZZES for item in json.loads(path.read_text("utf-8"))]


def find(answer: Answer) -> list[dict]:
    return [
        item
        for quiz, item in quiz_items()
        if quiz == answer.quiz and re.search(answer.question, item["question"], re.I)
    ]


def accepts(item: dict, value: float) -> bool:
    """True if the quiz marks ``value`` correct (a correct value, or a correct range)."""
    for option in item["answers"]:
        if not option.get("correct"):
            continue
        if option["type"] == "value" and abs(option["value"] - value) <= 1e-9:
            return True
        if option["type"] == "range" and option["range"][0] <= value <= option["range"][1]:
            return True
    return False


def marked_correct(item: dict) -> list:
    return [o.get("value", o.get("range")) for o in item["answers"] if o.get("correct")]


@pytest.mark.parametrize("answer", ANSWERS, ids=lambda a: f"{a.quiz}: {a.question}")
def test_quiz_answer_matches_the_package(answer):
    items = find(answer)
    # A mapping that matches nothing would check nothing: the item was reworded or removed.
    assert items, f"no item in {answer.quiz}.json matches {answer.question!r}: update ANSWERS"
    for item in items:
        expected = answer.compute(item["question"])
        assert accepts(item, expected), (
            f"{answer.quiz}: {item['question']!r} marks {marked_correct(item)} correct, "
            f"the package computes {expected}"
        )
        # A wrong option must not accept the computed answer either.
        wrong = [o for o in item["answers"] if o.get("correct") is False and o["type"] == "value"]
        assert all(abs(o["value"] - expected) > 1e-9 for o in wrong)


def test_every_numeric_quiz_item_is_recomputed_or_explained():
    covered = {(a.quiz, a.question) for a in ANSWERS} | set(NOT_FROM_THE_PACKAGE)
    unmapped = [
        f"{quiz}: {item['question']}"
        for quiz, item in quiz_items()
        if item["type"] == "numeric"
        and not any(q == quiz and re.search(p, item["question"], re.I) for q, p in covered)
    ]
    assert not unmapped, "add these to ANSWERS or NOT_FROM_THE_PACKAGE:\n" + "\n".join(unmapped)


def test_the_quiz_files_are_found():
    assert len(QUIZZES) >= 8 and all(isinstance(p, Path) for p in QUIZZES)
