"""Every quiz answer that follows from a model or from data/ is recomputed here.

Quiz items are found by what their question says (a regex on the text, plus the numbers
it states), never by position, so reordering or rewording the rest of a quiz changes
nothing. To cover a new item, add a :class:`Answer` to :data:`ANSWERS`; a numeric item
whose answer comes from a source outside data/ goes in :data:`NOT_FROM_THE_PACKAGE` with
the reason.
"""

from __future__ import annotations

import datetime as dt
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
from widgets.history.model import parse_years
from widgets.nato.model import POSITIONS, invitation_consensus

BOOK = REPO_ROOT / "book"
QUIZZES = sorted(BOOK.glob("**/quizzes/*.json"))


def number(name: str, text: str) -> float:
    """The number stated after ``name =`` in a question, e.g. ``c_R = 0.1``."""
    found = re.search(rf"\b{re.escape(name)}\s*=\s*(-?\d+(?:\.\d+)?)", text)
    assert found, f"the question no longer states {name} = ...: {text!r}"
    return float(found.group(1))


def date_in(text: str) -> dt.date:
    """The first '4 September 2025'-style date in a question."""
    found = re.search(r"\b(\d{1,2} [A-Z][a-z]+ \d{4})\b", text)
    assert found, f"no date in {text!r}"
    return dt.datetime.strptime(found.group(1), "%d %B %Y").date()


# --------------------------------------------------------------------------- computations


def bargaining_bound(question: str) -> float:
    inputs = BargainingInputs(
        number("p", question), number("c_R", question), number("c_U", question)
    )
    interval = bargaining_range(inputs)
    return interval.high if "upper end" in question else interval.low


def intervention(question: str) -> float:
    return intervention_probability(
        number("S", question), number("T", question), number("C", question)
    )


def members_needed_for_an_invitation(_question: str) -> int:
    members = data.load_resource("nato_members")
    # Count those whose yes the model requires: with every position counted as yes, the
    # invitation has consensus exactly when all of them are on board.
    everyone = dict.fromkeys(members["country"], POSITIONS[0])
    return invitation_consensus(everyone, POSITIONS).n_members


def members_when_sweden_joined(_question: str) -> int:
    members = data.load_resource("nato_members").set_index("country")
    return int((members["accession_date"] <= members.at["Sweden", "accession_date"]).sum())


def _case(*words: str) -> dict:
    cases = data.load_resource("neutrality_cases")
    hits = [r for r in cases.to_dict("records") if all(w in r["case"] for w in words)]
    assert len(hits) == 1, f"expected one case naming {words} in neutrality_cases, got {len(hits)}"
    return hits[0]


def finland_treaty_to_nato(_question: str) -> int:
    members = data.load_resource("nato_members").set_index("country")
    start, _ = parse_years(_case("Finland", "1948")["years"])
    return int(members.at["Finland", "accession_year"]) - start


def cyprus_ceasefire_since(_question: str) -> int:
    start, end = parse_years(_case("Cyprus", "ceasefire")["years"])
    assert end is None, "the quiz says the ceasefire is still in force; the data says it ended"
    return start


def constitution_names_nato(_question: str) -> int:
    events = data.load_resource("timeline")
    text = events["event"].str.lower()
    hits = events[text.str.contains("constitution") & text.str.contains("nato")]
    hits = hits[hits["period"] == "before_essay"]
    assert len(hits), "no timeline event on the constitution's NATO course"
    return int(hits["date"].min().year)


def reassurance_pledges(question: str) -> int:
    events = data.load_resource("timeline")
    day = events[events["date"].dt.date == date_in(question)]
    texts = [t for t in day["event"] if "reassurance force" in t]
    assert len(texts) == 1, f"expected one reassurance-force event on {date_in(question)}"
    return int(re.search(r"(\d+) countries", texts[0]).group(1))


@dataclass(frozen=True)
class Answer:
    quiz: str  # the quiz file's name, without .json
    question: str  # a regex that finds the item by its text (case-insensitive)
    compute: Callable[[str], float]  # the question's text -> the correct answer


ANSWERS = [
    Answer("myth1_end_the_war", r"(upper|lower) end of the bargaining range", bargaining_bound),
    Answer("myth2_keep_the_peace", r"probability that it intervenes", intervention),
    Answer(
        "myth3_realistic",
        r"how many of NATO's members must agree",
        members_needed_for_an_invitation,
    ),
    Answer(
        "nato_accession",
        r"how many states were members of NATO when Sweden joined",
        members_when_sweden_joined,
    ),
    Answer(
        "neutrality_history", r"years passed between Finland's 1948 treaty", finland_treaty_to_nato
    ),
    Answer("durable_ceasefires", r"ceasefire in Cyprus", cyprus_ceasefire_since),
    Answer("timeline", r"constitution first name full NATO membership", constitution_names_nato),
    Answer("since_the_essay", r"pledged to contribute to a reassurance force", reassurance_pledges),
]

#: Numeric items whose answer does not come from the package or data/, with the reason.
NOT_FROM_THE_PACKAGE = {
    ("ceasefire_explorer", r"at which territory weight do they tie"): (
        "arithmetic on numbers stated in the question (the explorer's scoring is being "
        "rewritten; map it to the new model's flip points once it lands)"
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
    if not items:
        pytest.skip(f"no item in {answer.quiz}.json matches {answer.question!r} (reworded?)")
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
