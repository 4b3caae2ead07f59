"""The "who argues what" panels: data promises, citations, escaping, bad input."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pytest

from widgets.common.paths import REPO_ROOT
from widgets.data import DataError
from widgets.essay.voices import (
    CHAPTERS,
    SIDES,
    check_panels,
    citation_keys,
    load_voices,
    panel_markdown,
)

DATA = REPO_ROOT / "data"


def _raw_rows() -> list[dict[str, str]]:
    with (DATA / "voices.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _bib_keys() -> set[str]:
    files = [REPO_ROOT / "references.bib", *sorted((REPO_ROOT / "book/back/bib").glob("*.bib"))]
    text = "\n".join(path.read_text(encoding="utf-8") for path in files)
    return set(re.findall(r"^@\w+\{([^,\s]+),", text, flags=re.MULTILINE))


def _data_copy(tmp_path: Path, rows: list[dict[str, str]]) -> Path:
    shutil.copy(DATA / "datapackage.json", tmp_path / "datapackage.json")
    with (tmp_path / "voices.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return tmp_path


def test_every_panel_has_two_per_side_and_a_ukrainian_voice():
    # Counted from the raw CSV, independently of the loader.
    rows = _raw_rows()
    for chapter in CHAPTERS:
        panel = [r for r in rows if r["chapter"] == chapter]
        for side in SIDES:
            assert sum(r["side"] == side for r in panel) >= 2, (chapter, side)
        assert any(r["country"] == "Ukraine" for r in panel), chapter


def test_every_citation_key_is_in_a_bibliography():
    missing = {r["source_key"] for r in _raw_rows()} - _bib_keys()
    assert not missing


def test_panel_cites_each_key_once_and_lists_every_advocate():
    voices = load_voices()
    for chapter in CHAPTERS:
        text = panel_markdown(voices, chapter)
        expected = list(
            dict.fromkeys(r["source_key"] for r in _raw_rows() if r["chapter"] == chapter)
        )
        cited = re.search(r"\{cite:p\}`([^`]*)`", text).group(1).split(",")
        assert cited == expected
        assert citation_keys(voices, chapter) == expected
        for row in (r for r in _raw_rows() if r["chapter"] == chapter):
            assert row["date"] in text


def test_html_block_has_no_blank_line_so_myst_keeps_it_whole():
    text = panel_markdown(load_voices(), "myth1")
    block, _, rest = text.partition("\n\n")
    assert block.startswith("<div") and block.endswith("</div>")
    assert "\n" not in block
    assert rest.startswith("Sources of the panel:")


def test_values_are_escaped(tmp_path):
    rows = _raw_rows()
    rows[0]["name"] = '<script>alert("x")</script>'
    rows[0]["thesis"] = "A thesis with an ampersand & a <b>tag</b> in it, long enough."
    voices = load_voices(_data_copy(tmp_path, rows))
    text = panel_markdown(voices, rows[0]["chapter"])
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "<b>tag</b>" not in text and "&amp; a &lt;b&gt;" in text


def test_a_panel_without_a_second_advocate_is_refused(tmp_path):
    rows = _raw_rows()
    side_rows = [r for r in rows if r["chapter"] == "myth2" and r["side"] == "challenges_essay"]
    for row in side_rows[1:]:
        rows.remove(row)
    with pytest.raises(DataError, match="myth2 panel has 1 advocate"):
        load_voices(_data_copy(tmp_path, rows))


def test_a_panel_without_a_ukrainian_voice_is_refused():
    voices = load_voices()
    without = voices.copy()
    without.loc[without["chapter"] == "myth3", "country"] = "United States"
    with pytest.raises(DataError, match="myth3 panel has no Ukrainian voice"):
        check_panels(without)


def test_a_bad_date_names_the_row_and_column(tmp_path):
    rows = _raw_rows()
    rows[2]["date"] = "July 2023"
    with pytest.raises(DataError, match=r"row 4, column 'date'"):
        load_voices(_data_copy(tmp_path, rows))


def test_unknown_chapter_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown chapter 'myth4'"):
        panel_markdown(load_voices(), "myth4")
