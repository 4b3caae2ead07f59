"""The printed handout pack: one PDF per delegation with only its own confidential brief.

Built from the instructor edition (the shared ``book_html`` fixture) and printed with Debian
chromium; read back with poppler's ``pdftotext``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from widgets.seminar import handouts as ho
from widgets.seminar import roleplay as rp

needs_printing = pytest.mark.skipif(
    not (shutil.which("chromium") and shutil.which("pdftotext")),
    reason="needs Debian chromium and poppler-utils (make pdf-deps)",
)


def flat(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'")
    return " ".join(re.findall(r"[\w']+", text)).lower()


def pdf_text(path: Path) -> str:
    # -raw keeps the order in which the page draws text: a table cell stays in one piece.
    result = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True)
    assert result.returncode == 0, f"{path.name} does not open: {result.stderr}"
    return flat(result.stdout)


@pytest.fixture(scope="module")
def game() -> rp.Game:
    return rp.load_game()


@pytest.fixture(scope="module")
def briefs(book_html, game) -> dict[str, str]:
    return {
        who: flat(BeautifulSoup(body, "html.parser").get_text(" "))
        for who, (body, _) in ho.confidential_briefs(book_html, game).items()
    }


def own_phrases(briefs: dict[str, str], who: str, n: int = 7, limit: int = 5) -> list[str]:
    """Phrases of one brief that no other brief contains."""
    words = briefs[who].split()
    others = " ".join(text for other, text in briefs.items() if other != who)
    found = []
    for start in range(0, len(words) - n, n):
        phrase = " ".join(words[start : start + n])
        if phrase not in others:
            found.append(phrase)
        if len(found) == limit:
            break
    return found


@pytest.fixture(scope="module")
def pack(book_html, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("handouts")
    assert ho.main([str(book_html), str(out)]) == 0
    return out


def test_every_delegation_has_a_brief_with_phrases_of_its_own(briefs, game):
    assert set(briefs) == set(game.delegations["delegation"])
    for who in briefs:
        assert own_phrases(briefs, who), who


@needs_printing
def test_each_delegation_pdf_has_its_own_brief_and_no_other(pack, briefs, game):
    for who in game.delegations["delegation"]:
        text = pdf_text(pack / "pdf" / f"delegation-{who}.pdf")
        assert flat(game.name(who)) in text, who
        assert all(p in text for p in own_phrases(briefs, who)), f"{who}: its brief is missing"
        for other in briefs:
            if other == who:
                continue
            leaked = [p for p in own_phrases(briefs, other) if p in text]
            assert not leaked, f"{who}'s pack contains {other}'s brief: {leaked[0]!r}"
        for line in game.red_lines:
            if line.delegation == who:
                assert flat(line.text)[:40] in text, (who, line.red_line_id)
        assert "scoring sheet" in text and "the draft framework" in text


@needs_printing
def test_the_shared_sheets_exist_and_open(pack, game):
    expected = {
        "name-cards": [flat(n) for n in game.delegations["name"]],
        "draft-framework": [flat(t)[:40] for t in game.framework["text"]],
        "debrief-sheet": ["de role", "the bargaining range"],
        "results-sheet": ["adopted", *[flat(n) for n in game.delegations["name"]]],
        "participation-rubric": ["preparation", "never the outcome"],
        "epilogue": ["what happened in the real talks"],
        "instructor-key": ["zone of agreement"],
    }
    for stem, phrases in expected.items():
        text = pdf_text(pack / "pdf" / f"{stem}.pdf")
        for phrase in phrases:
            assert phrase in text, (stem, phrase)
        assert "confidential" not in text or stem == "instructor-key", stem
        assert "injects" not in text and "model debrief answer" not in text, stem


def test_the_pack_includes_a_caucus_file_per_delegation(pack, game):
    files = {p.stem for p in (pack / "scenarios").glob("*.json")}
    assert len(files) == (~game.delegations["observer"]).sum()


def test_a_missing_instructor_build_gets_a_clear_message(tmp_path):
    with pytest.raises(ho.HandoutError, match="make instructor"):
        ho.make_handouts(tmp_path)
