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


# Fixtures that cost a build or a browser: every test that uses one runs on the same
# pytest-xdist worker, so one build and one browser serve them all.
SHARED_EXPENSIVE_FIXTURES = {"built_book", "book_html", "book_url", "browser", "open_page"}


# First, so that pytest-xdist's own hook (which reads the groups) sees them.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Group tests for `pytest -n 2 --dist loadgroup` (`make test` now uses loadfile, which
    keeps each file on one worker; these groups serve a loadgroup run): the book and browser
    tests together, each notebook's cells together and in order (nbval runs them in one
    kernel), the Binder-like check alone; every other test is spread over the workers."""
    for item in items:
        if item.path.suffix == ".ipynb":
            group = f"notebook:{item.path.relative_to(REPO_ROOT)}"
        elif SHARED_EXPENSIVE_FIXTURES & set(getattr(item, "fixturenames", ())):
            group = "book-and-browser"
        elif item.get_closest_marker("binder"):
            group = "binder"
        else:
            continue
        item.add_marker(pytest.mark.xdist_group(group))


@pytest.fixture(scope="session")
def built_book(tmp_path_factory) -> BuiltBook:
    # In CI every build starts clean; locally the execution cache is reused
    # (nbval still runs every notebook afresh).
    if os.environ.get("CI"):
        output_dir = tmp_path_factory.mktemp("book")
    else:
        # One folder per pytest-xdist worker, so that no two builds share one.
        output_dir = REPO_ROOT / "_build" / f"test-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
    html = output_dir / "_build" / "html"
    if html.exists():
        shutil.rmtree(html)
    return build_book(output_dir)


@pytest.fixture(scope="session")
def book_html(built_book) -> Path:
    if built_book.returncode != 0:
        pytest.fail("the book did not build:\n" + "\n".join(built_book.warnings[-40:]))
    return built_book.html
