"""Two editions from one source: instructor-only content reaches only the instructor edition.

The student edition is built from the tree :mod:`widgets.common.editions` writes; the instructor
edition is the book as the repository holds it (the shared ``built_book`` fixture). Each
instructor-only block is found in the source by its marker, and its distinctive phrases and
words are then looked for in both builds: in the pages, the search index, the ``_sources``
copies and the downloadable notebooks.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sphinx.search.en import SearchEnglish

from tests.conftest import JUPYTER_BOOK, BuiltBook
from widgets.common import editions as ed
from widgets.common.paths import REPO_ROOT

# --------------------------------------------------------------------------- the splitter


def test_a_marked_admonition_is_removed_with_everything_nested_in_it():
    text = (
        "before\n"
        "````{admonition} Notes\n:class: dropdown instructor-only\n"
        "secret one\n```{note}\nsecret two\n```\n```bash\nmake\n```\n"
        "````\n"
        "after\n"
    )
    kept, removed = ed.split_markdown(text)
    assert kept == "before\nafter\n"
    assert len(removed) == 1 and "secret two" in removed[0].text and "make" in removed[0].text


def test_a_div_marker_and_an_unmarked_block():
    text = ":::{div} instructor-only\nhidden\n:::\n```{note}\n:class: dropdown\nshown\n```\n"
    kept, removed = ed.split_markdown(text)
    assert "hidden" not in kept and "shown" in kept and len(removed) == 1


def test_an_unclosed_block_is_an_error_naming_the_line():
    with pytest.raises(ed.EditionError, match="page.md, line 2"):
        ed.split_markdown("x\n```{note}\n:class: instructor-only\nnever closed\n", "page.md")


def test_tagged_cells_and_flagged_pages():
    notebook = {
        "metadata": {},
        "cells": [
            {"cell_type": "code", "metadata": {"tags": ["instructor-only"]}, "source": "key=1"},
            {"cell_type": "markdown", "metadata": {}, "source": "public"},
        ],
    }
    kept, removed = ed.split_notebook(notebook)
    assert [c["source"] for c in kept["cells"]] == ["public"] and len(removed) == 1
    assert ed.notebook_is_instructor_only({"metadata": {"instructor_only": True}})
    assert ed.markdown_page_is_instructor_only("---\ninstructor_only: true\n---\n# x\n")
    assert not ed.markdown_page_is_instructor_only("# x\n")


def test_the_source_marks_the_confidential_briefs_and_model_answers():
    content = ed.instructor_only_content()
    briefs = content.removed["book/seminar/roleplay_roles.md"]
    assert sum("CONFIDENTIAL" in b.text for b in briefs) >= 8
    assert any(
        "model answer" in b.text.lower() for b in content.removed["book/seminar/assignments.md"]
    )
    assert any("Instructor key" in b.text for b in content.removed["book/seminar/roleplay.md"])


def test_the_student_tree_keeps_no_instructor_block(tmp_path):
    tree = ed.write_student_tree(tmp_path / "student")
    leftovers = [
        str(p.relative_to(tree.root))
        for p in (tree.root / "book").rglob("*")
        if p.suffix in {".md", ".ipynb"} and ed.MARKER in p.read_text(encoding="utf-8")
    ]
    assert not leftovers
    toc = (tree.root / "_toc.yml").read_text(encoding="utf-8")
    for page in tree.dropped_pages:
        assert str(Path(page).with_suffix("")) not in toc


# --------------------------------------------------------------------------- both builds

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
STEMMER = SearchEnglish({})


def normalise(text: str) -> str:
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = text.replace("’", "'").replace("–", "-").replace("—", "-")
    return " ".join(WORD.findall(text)).lower()


def visible_words(markdown: str) -> list[str]:
    """Words a reader sees: without citation keys, roles' targets and directive options."""
    markdown = re.sub(r"\{[a-z:]+\}`[^`]*`", " ", markdown)
    markdown = re.sub(r"^\s*:[\w-]+:.*$", " ", markdown, flags=re.M)
    markdown = re.sub(r"^[`:]{3,}.*$", " ", markdown, flags=re.M)
    return normalise(markdown).split()


def distinctive_phrases(block: str, public: str, n: int = 6, limit: int = 4) -> list[str]:
    words = visible_words(block)
    phrases = []
    for start in range(0, max(0, len(words) - n), n):
        phrase = " ".join(words[start : start + n])
        if phrase not in public:
            phrases.append(phrase)
        if len(phrases) == limit:
            break
    return phrases


@pytest.fixture(scope="session")
def student_book(tmp_path_factory, built_book) -> BuiltBook:
    """The student edition, built after the instructor edition and sharing its execution cache
    (as ``make book`` and ``make instructor`` do), so no notebook runs twice."""
    root = (
        tmp_path_factory.mktemp("student")
        if os.environ.get("CI")
        else REPO_ROOT / "_build" / "test-student"
    )
    cache = built_book.html.parent / ".jupyter_cache"
    tree = ed.write_student_tree(root / "src", cache_dir=cache)
    command = [str(JUPYTER_BOOK), "build", str(tree.root), "--all", "-W", "-n", "--keep-going"]
    command += ["--path-output", str(root)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO_ROOT)
    return BuiltBook(result.returncode, result.stdout + result.stderr, root / "_build" / "html")


@pytest.fixture(scope="session")
def student_html(student_book) -> Path:
    if student_book.returncode != 0:
        pytest.fail("the student edition did not build:\n" + "\n".join(student_book.warnings[-40:]))
    return student_book.html


def site_text(html_dir: Path, kinds: tuple[str, ...]) -> str:
    parts = []
    for path in sorted(html_dir.rglob("*")):
        if path.is_file() and path.suffix in kinds:
            parts.append(path.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(parts)


def search_terms(html_dir: Path) -> set[str]:
    text = (html_dir / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    # A term kept from an earlier build with no page left is not content.
    found = {**index["terms"], **index.get("titleterms", {})}
    return {term for term, pages in found.items() if pages != []}


@pytest.fixture(scope="session")
def blocks() -> list[tuple[str, str]]:
    content = ed.instructor_only_content()
    return [(page, block.text) for page, found in content.removed.items() for block in found]


@pytest.fixture(scope="session")
def public_text(tmp_path_factory) -> str:
    tree = ed.write_student_tree(tmp_path_factory.mktemp("public") / "src")
    sources = [p for p in (tree.root / "book").rglob("*") if p.suffix in {".md", ".ipynb"}]
    # The references page lists every bibliography entry; the data pages describe the data.
    sources += [*tree.root.rglob("*.bib"), REPO_ROOT / "data" / "datapackage.json"]
    return " ".join(" ".join(visible_words(p.read_text(encoding="utf-8"))) for p in sources)


def test_the_student_edition_builds_strictly(student_book):
    assert student_book.returncode == 0, "\n".join(student_book.warnings[-40:])
    assert not student_book.warnings, "\n".join(student_book.warnings)


def test_instructor_only_text_is_only_in_the_instructor_edition(
    student_html, book_html, blocks, public_text
):
    where = {
        "pages": (".html",),
        "_sources and notebooks": (".md", ".ipynb", ".txt"),
    }
    student = {k: normalise(site_text(student_html, v)) for k, v in where.items()}
    instructor = normalise(site_text(book_html, (".html",)))
    checked = 0
    for page, block in blocks:
        phrases = distinctive_phrases(block, public_text)
        assert phrases, f"{page}: an instructor-only block with nothing distinctive to look for"
        assert any(p in instructor for p in phrases), (
            f"{page}: block missing from instructor edition"
        )
        for kind, text in student.items():
            leaked = [p for p in phrases if p in text]
            assert not leaked, f"{page}: instructor-only text in the student {kind}: {leaked[0]!r}"
        checked += 1
    assert checked >= 15


def test_the_student_search_index_has_no_instructor_only_word(
    student_html, book_html, blocks, public_text
):
    public_stems = {STEMMER.stem(w) for w in public_text.split()}
    student_terms, instructor_terms = search_terms(student_html), search_terms(book_html)
    unique = set()
    for _, block in blocks:
        unique |= {STEMMER.stem(w) for w in visible_words(block)} - public_stems
    unique = {s for s in unique if len(s) > 3}
    assert len(unique & instructor_terms) > 20, "too few distinctive words to test the index"
    # A term that the student pages themselves show (code, outputs, the word in another sense)
    # is explained by them, and the pages are checked phrase by phrase above.
    page_words = normalise(site_text(student_html, (".html",))).split()
    explained = set(page_words) | {STEMMER.stem(w) for w in page_words}
    leaked = sorted((unique & student_terms) - explained)
    assert not leaked, f"instructor-only words in the student search index: {leaked[:20]}"


def test_markers_and_instructor_only_pages(student_html, book_html):
    student_pages = site_text(student_html, (".html", ".md", ".ipynb", ".txt", ".js"))
    assert ed.MARKER not in student_pages
    assert "CONFIDENTIAL —" not in site_text(student_html, (".html",))
    assert site_text(book_html, (".html",)).count(f"{ed.MARKER}") >= 15
    content = ed.instructor_only_content()
    assert content.dropped_pages, "the class dashboard should be an instructor-only page"
    for page in content.dropped_pages:
        built = Path(page).with_suffix(".html")
        assert (book_html / built).is_file(), f"{built} missing from the instructor edition"
        assert not (student_html / built).exists(), f"{built} is in the student edition"
        assert not list(student_html.rglob(Path(page).name)), f"{page} downloadable by students"


# --------------------------------------------------------------------------- the book as a PDF


@pytest.mark.skipif(
    not (shutil.which("chromium") and shutil.which("pdftotext")),
    reason="needs Debian chromium and poppler-utils (make pdf-deps)",
)
def test_the_student_edition_prints_to_one_pdf_without_instructor_text(
    student_book, student_html, blocks, public_text, tmp_path
):
    from widgets.seminar import handouts

    root = student_html.parent.parent
    pdf = tmp_path / "book.pdf"
    page = handouts.book_page(student_html, root / "src" / "_toc.yml", tmp_path / "book.html")
    handouts.print_pdf(page, pdf, script_ms=handouts.BOOK_SCRIPT_MS)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    flat = normalise(text)
    assert "neutrality or nato" in flat and "the three myths" in flat
    for page, block in blocks:
        leaked = [p for p in distinctive_phrases(block, public_text) if p in flat]
        assert not leaked, f"{page}: instructor-only text in the book PDF: {leaked[0]!r}"
