"""Shared fixtures: the book is built once per test session, strictly."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from widgets.common.paths import REPO_ROOT  # noqa: E402

JUPYTER_BOOK = Path(sys.executable).with_name("jupyter-book")


@dataclass(frozen=True)
class BuiltBook:
    returncode: int
    log: str
    html: Path

    @property
    def warnings(self) -> list[str]:
        # Sphinx's own format ("WARNING: ..."); a kernel's log lines ("WARNING | ...") are not
        # build warnings.
        return [line for line in self.log.splitlines() if re.search(r"\b(WARNING|ERROR):", line)]


def build_book(output_dir: Path) -> BuiltBook:
    """`jupyter-book build --all -W -n --keep-going`: every warning fails the build."""
    command = [
        str(JUPYTER_BOOK),
        "build",
        str(REPO_ROOT),
        "--all",
        "-W",
        "-n",
        "--keep-going",
        "--path-output",
        str(output_dir),
    ]
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO_ROOT)
    return BuiltBook(
        result.returncode, result.stdout + result.stderr, output_dir / "_build" / "html"
    )


# Fixtures that cost a build or a browser. Every test file that uses one is listed here, so
# that its tests form one work unit on one pytest-xdist worker: the book is built once.
SHARED_EXPENSIVE_FIXTURES = {"built_book", "book_html", "book_url", "browser", "open_page"}
BOOK_TEST_FILES = (
    "tests/test_book.py",
    "tests/test_editions.py",
    "tests/seminar/test_handouts.py",
    "tests/browser/",
)


def work_unit(nodeid: str) -> str:
    """The pytest-xdist work unit of a test: all book-and-browser tests together, each
    notebook's cells together and in order (nbval runs them in one kernel), each other test
    file whose fixtures are costly (the Binder-like check) alone, every other test on its own
    so that the two workers share them out."""
    path = nodeid.split("::", 1)[0]
    if path.startswith(BOOK_TEST_FILES):
        return "book-and-browser"
    if path.endswith(".ipynb") or path == "tests/test_binder_like.py":
        return path
    return nodeid


@pytest.hookimpl(optionalhook=True)  # pytest-xdist may be switched off (-p no:xdist)
def pytest_xdist_make_scheduler(config, log):
    """`pytest -n 2`: one worker builds the book and runs what needs it while the other runs
    the notebooks and the unit tests (the largest work unit is handed out first)."""
    from xdist.scheduler import LoadScopeScheduling

    if config.getoption("dist") == "each":
        return None

    class OneBookScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

    return OneBookScheduling(config, log)


def pytest_collection_modifyitems(config, items):
    """A test that needs the built book outside ``BOOK_TEST_FILES`` would make the second
    worker build the book again: refuse it with a message naming the list to extend."""
    strays = [
        item.nodeid
        for item in items
        if SHARED_EXPENSIVE_FIXTURES & set(getattr(item, "fixturenames", ()))
        and work_unit(item.nodeid) != "book-and-browser"
    ]
    if strays:
        raise pytest.UsageError(
            "these tests use the built book or the browser but their files are not in "
            f"tests/conftest.py BOOK_TEST_FILES: {strays[:5]}"
        )


@pytest.fixture(scope="session")
def built_book(tmp_path_factory) -> BuiltBook:
    # In CI every build starts clean; locally the execution cache is reused
    # (nbval still runs every notebook afresh).
    if os.environ.get("CI"):
        output_dir = tmp_path_factory.mktemp("book")
    else:
        output_dir = REPO_ROOT / "_build" / "test"
    html = output_dir / "_build" / "html"
    if html.exists():
        shutil.rmtree(html)
    return build_book(output_dir)


@pytest.fixture(scope="session")
def book_html(built_book) -> Path:
    if built_book.returncode != 0:
        pytest.fail("the book did not build:\n" + "\n".join(built_book.warnings[-40:]))
    return built_book.html
