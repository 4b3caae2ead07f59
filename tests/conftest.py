"""Shared fixtures: the book is built once per test session, strictly."""

from __future__ import annotations

import fcntl
import json
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


SPHINX_PROBLEM = re.compile(r"\b(WARNING|ERROR|CRITICAL): ")


@dataclass(frozen=True)
class BuiltBook:
    returncode: int
    log: str
    html: Path

    @property
    def warnings(self) -> list[str]:
        # Sphinx's own format ("WARNING: ...", "ERROR: ..."). A kernel's log lines are not
        # build warnings: ipykernel's ("WARNING | ...") and the Python logging default of the
        # libraries inside a kernel ("ERROR:tornado.general:...", printed by a kernel as it
        # shuts down after its notebook has run).
        return [line for line in self.log.splitlines() if SPHINX_PROBLEM.search(line)]


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


BUILDS_THE_BOOK = "tests/test_book.py"
READ_THE_BOOK = ("tests/test_editions.py", "tests/seminar/test_handouts.py", "tests/browser/")
BINDER_CHECK = "tests/test_binder_like.py"
# Kinds of test, in the order they are handed out: the build first, the Binder-like check, the
# notebooks, the unit tests, then what reads the built book (by then built), so that the other
# worker never waits for the build.
HAND_OUT_ORDER = ("build", "binder", "notebook", "unit", "reads-book")


def _kind(path: str) -> str:
    if path == BUILDS_THE_BOOK:
        return "build"
    if path == BINDER_CHECK:
        return "binder"
    if path.endswith(".ipynb"):
        return "notebook"
    if path.startswith(READ_THE_BOOK):
        return "reads-book"
    return "unit"


def work_unit(nodeid: str) -> str:
    """The pytest-xdist work unit of a test: a unit test on its own, so that the two workers
    share them out; any other test with the rest of its file (a notebook's cells in order in
    one kernel; the book-reading and Binder-like files share costly fixtures)."""
    path = nodeid.split("::", 1)[0]
    return nodeid if _kind(path) == "unit" else path


def hand_out_rank(nodeid: str) -> int:
    return HAND_OUT_ORDER.index(_kind(nodeid.split("::", 1)[0]))


@pytest.hookimpl(optionalhook=True)  # pytest-xdist may be switched off (-p no:xdist)
def pytest_xdist_make_scheduler(config, log):
    """`pytest -n 2`: work units (``work_unit``) handed out in the order of the collection,
    which ``pytest_collection_modifyitems`` sorts by ``hand_out_rank``."""
    from xdist.scheduler import LoadScopeScheduling

    if config.getoption("dist") == "each":
        return None
    config.option.loadscopereorder = False

    class BookLastScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

    return BookLastScheduling(config, log)


# A test that needs one of these (directly or through another fixture) needs the built book.
BOOK_FIXTURES = {"built_book", "book_html", "book_url"}


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(config, items):
    for item in items:
        if BOOK_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.build)  # so `make fast` (-m "not build") skips it
    # A stable sort: within a rank, the collection's own order (a notebook's cells in order).
    items.sort(key=lambda item: hand_out_rank(item.nodeid))


def _test_run_id() -> str:
    # Shared by the workers of one `pytest -n` run; a run without workers is its own.
    return os.environ.get("PYTEST_XDIST_TESTRUNUID") or f"pid-{os.getpid()}"


def build_once(output_dir: Path, run_id: str, build=build_book, clean: bool = False) -> BuiltBook:
    """Build the book into ``output_dir`` once per test run, however many workers ask: the
    first builds under a lock and records the result; the others wait for the lock and read
    the record. ``clean`` empties the folder first (no execution cache)."""
    output_dir.mkdir(parents=True, exist_ok=True)
    record = output_dir / "build-record.json"
    # Held until the file is closed, also when the build raises.
    with (output_dir.parent / f"{output_dir.name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if record.exists():
            saved = json.loads(record.read_text(encoding="utf-8"))
            if saved["run"] == run_id:
                return BuiltBook(saved["returncode"], saved["log"], Path(saved["html"]))
        if clean:
            shutil.rmtree(output_dir)
            output_dir.mkdir()
        html = output_dir / "_build" / "html"
        if html.exists():
            shutil.rmtree(html)
        book = build(output_dir)
        saved = {"run": run_id, "returncode": book.returncode, "log": book.log}
        record.write_text(json.dumps({**saved, "html": str(book.html)}), encoding="utf-8")
        return book


@pytest.fixture(scope="session")
def built_book() -> BuiltBook:
    # In CI every build starts clean; locally the execution cache is reused (nbval still
    # runs every notebook afresh).
    return build_once(
        REPO_ROOT / "_build" / "test", _test_run_id(), clean=bool(os.environ.get("CI"))
    )


@pytest.fixture(scope="session")
def book_html(built_book) -> Path:
    if built_book.returncode != 0:
        pytest.fail("the book did not build:\n" + "\n".join(built_book.warnings[-40:]))
    return built_book.html
