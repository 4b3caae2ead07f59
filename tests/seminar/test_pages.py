"""The seminar kit's pages mark instructor material and confidential briefs, and fold them.

A projected page of the instructor edition must not reveal a role brief or a model answer: every
such block is a dropdown admonition, marked ``instructor-only`` so that the student edition
leaves it out (tests/test_editions.py checks the builds).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from widgets.common.paths import REPO_ROOT

SEMINAR = REPO_ROOT / "book" / "seminar"
PAGES = sorted(SEMINAR.glob("*.md"))
# An admonition: its opening fence, its title and its option lines.
ADMONITION = re.compile(
    r"^(`{3,})\{admonition\}\s*(?P<title>.*)\n(?P<options>(?::[^\n]*\n)*)", re.M
)


def admonitions(path: Path) -> list[tuple[str, str]]:
    text = path.read_text(encoding="utf-8")
    return [(m["title"].strip(), m["options"]) for m in ADMONITION.finditer(text)]


def test_the_kit_pages_exist():
    names = {p.stem for p in PAGES}
    assert {"instructor_guide", "controversy", "roleplay", "roleplay_roles", "assignments"} <= names


#: Pages that carry instructor notes (model answers, marking notes, running notes).
PAGES_WITH_NOTES = {"instructor_guide", "controversy", "roleplay", "roleplay_roles", "assignments"}
# Any block-opening line whose title starts "Instructor notes", whatever the directive.
NOTE_OPENING = re.compile(r"^(`{3,}|:{3,})\{[a-z-]+\}\s*Instructor notes", re.M | re.I)


def instructor_notes(path: Path) -> list[tuple[str, str]]:
    return [(t, o) for t, o in admonitions(path) if t.lower().startswith("instructor notes")]


@pytest.mark.parametrize("stem", sorted(PAGES_WITH_NOTES))
def test_instructor_notes_are_folded(stem):
    path = SEMINAR / f"{stem}.md"
    notes = instructor_notes(path)
    assert notes, f"{path.name}: no instructor notes found"
    # Every block titled "Instructor notes" is an admonition this test checks, none other.
    assert len(NOTE_OPENING.findall(path.read_text(encoding="utf-8"))) == len(notes)
    for title, options in notes:
        assert re.search(r":class:.*\bdropdown\b", options), f"{path.name}: {title!r}"
        assert "instructor-only" in options.split(), f"{path.name}: {title!r}"


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_no_instructor_heading_outside_a_folded_block(path):
    headings = re.findall(
        r"^#+\s*Instructor notes.*$", path.read_text(encoding="utf-8"), re.M | re.I
    )
    assert not headings, f"{path.name}: unfolded {headings}"


def test_every_role_brief_is_confidential_and_folded():
    briefs = [
        (title, options)
        for title, options in admonitions(SEMINAR / "roleplay_roles.md")
        if title.startswith("CONFIDENTIAL")
    ]
    parties = {title.split("—", 1)[1].strip().split(" (")[0] for title, _ in briefs}
    for required in (
        "Ukraine",
        "Russia",
        "United States",
        "European guarantors",
        "A NATO member opposed to Ukrainian membership",
        "Mediator",
    ):
        assert required in parties, f"no confidential brief for {required}"
    for title, options in briefs:
        assert re.search(r":class:.*\bdropdown\b", options), f"{title!r} is not folded"
        assert re.search(r":class:.*\binstructor-only\b", options), f"{title!r} is not marked"


def test_each_role_brief_has_its_parts_and_sources():
    text = (SEMINAR / "roleplay_roles.md").read_text(encoding="utf-8")
    blocks = re.split(r"^````\{admonition\} CONFIDENTIAL", text, flags=re.M)[1:]
    assert len(blocks) >= 6
    for block in blocks:
        body = block.split("\n````", 1)[0]
        name = body.splitlines()[0]
        for part in (
            "starting position",
            "Interests",
            "Red lines",
            "What you can offer",
            "Invented for the exercise",
        ):
            assert part in body, f"{name}: missing {part!r}"
        assert "{cite:p}" in body, f"{name}: no source cited"


def test_the_scenario_is_labelled_a_simulation_with_a_fictional_date():
    text = (SEMINAR / "roleplay.md").read_text(encoding="utf-8")
    assert "This is a simulation" in text
    assert "fictional date" in text
    assert "What is real" in text and "What is invented" in text
