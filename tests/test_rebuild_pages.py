"""A build without --all keeps the search index's entries and the citations' text up to date
(book/_ext/rebuild_pages.py)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from widgets import REPO_ROOT

BIB = "@misc{smith, author = {Ann Smith}, title = {Neutrality}, year = {%s}}\n"


def _project(root: Path) -> Path:
    root.mkdir()
    (root / "refs.bib").write_text(BIB % "2001", encoding="utf-8")
    (root / "index.rst").write_text(
        "Book\n====\n\n.. toctree::\n\n   cites\n   glossary\n   other\n   references\n",
        encoding="utf-8",
    )
    (root / "cites.rst").write_text("Cites\n=====\n\nAs :cite:t:`smith` says.\n", "utf-8")
    (root / "glossary.rst").write_text(
        "Glossary\n========\n\n.. glossary::\n\n   buffer state\n      A state between two.\n",
        encoding="utf-8",
    )
    (root / "other.rst").write_text("Other\n=====\n\nText.\n", encoding="utf-8")
    (root / "references.rst").write_text(
        "References\n==========\n\n.. bibliography::\n   :all:\n", encoding="utf-8"
    )
    (root / "conf.py").write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(REPO_ROOT / 'book' / '_ext')!r})\n"
        "extensions = ['sphinxcontrib.bibtex', 'rebuild_pages']\n"
        "bibtex_bibfiles = ['refs.bib']\nbibtex_reference_style = 'author_year'\n",
        encoding="utf-8",
    )
    return root


def _build(root: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-b", "html", str(root), str(root.parent / "html")],
        capture_output=True, text=True, cwd=root,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]


def _index_entries(html: Path) -> dict:
    text = (html / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"Search\.setIndex\((.*)\)\s*$", text, re.S).group(1))[
        "indexentries"
    ]


def _citation(html: Path) -> str:
    """The in-text citation on the citing page, with its tooltip."""
    page = (html / "cites.html").read_text(encoding="utf-8")
    return re.search(r'<span class="bibtex-citation".*?</span>', page, re.S).group(0)


def test_index_entries_and_citations_stay_current_without_all(tmp_path):
    root = _project(tmp_path / "src")
    html = tmp_path / "html"
    _build(root)
    assert "buffer state" in _index_entries(html)
    assert "2001" in _citation(html)

    (root / "other.rst").write_text("Other\n=====\n\nNew text.\n", encoding="utf-8")
    _build(root)  # re-reads one page
    assert "buffer state" in _index_entries(html)

    (root / "refs.bib").write_text(BIB % "1999", encoding="utf-8")
    _build(root)  # re-reads the bibliography page only
    assert "1999" in _citation(html) and "2001" not in _citation(html)
