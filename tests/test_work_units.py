"""How `make test` shares the tests between its two workers (tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import BuiltBook, hand_out_rank, work_unit

BUILD = "tests/test_book.py::test_book_builds_without_warnings"
NOTEBOOK = "book/myths/myth1_end_the_war.ipynb::Cell 0"
UNIT = "tests/explorer/test_model.py::test_a"
BROWSER = "tests/browser/test_static_pages.py::test_every_chart_draws[book/intro.html]"


def test_every_cell_of_a_notebook_is_one_unit_and_notebooks_are_separate():
    assert work_unit(NOTEBOOK) == work_unit("book/myths/myth1_end_the_war.ipynb::Cell 6")
    assert work_unit(NOTEBOOK) != work_unit("book/myths/myth2_keep_the_peace.ipynb::Cell 0")


def test_a_book_reading_file_is_one_unit_and_unit_tests_go_one_by_one():
    assert work_unit(BROWSER) == work_unit(
        "tests/browser/test_static_pages.py::test_page_loads_offline_without_errors[book/intro.html]"
    )
    assert work_unit(BROWSER) != work_unit("tests/browser/test_accessibility.py::test_x[a]")
    assert work_unit(UNIT) != work_unit("tests/explorer/test_model.py::test_b")


def test_the_build_is_handed_out_first_and_its_readers_last():
    ranks = [hand_out_rank(n) for n in (BUILD, "tests/test_binder_like.py::t", NOTEBOOK, UNIT)]
    assert ranks == sorted(ranks) and len(set(ranks)) == 4
    for reader in (BROWSER, "tests/test_editions.py::t", "tests/seminar/test_handouts.py::t"):
        assert hand_out_rank(reader) > hand_out_rank(UNIT)


def test_workers_of_one_run_share_one_build_and_a_new_run_builds_again(tmp_path):
    import threading
    import time

    from tests.conftest import build_once

    builds = []

    def fake_build(output_dir):
        builds.append(output_dir)
        time.sleep(0.3)  # long enough for the other worker to arrive and wait
        return BuiltBook(0, "log", output_dir / "_build" / "html")

    results = []
    workers = [
        threading.Thread(
            target=lambda: results.append(build_once(tmp_path / "book", "run-1", fake_build))
        )
        for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert len(builds) == 1
    assert results[0] == results[1]
    build_once(tmp_path / "book", "run-2", fake_build)
    assert len(builds) == 2


def test_a_test_that_needs_the_built_book_is_marked_build_for_the_fast_target():
    import subprocess
    import sys

    from widgets.common.paths import REPO_ROOT

    listed = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:xdist", "-m",
         "not build", "tests/test_editions.py"],
        capture_output=True, text=True, cwd=REPO_ROOT,
    ).stdout  # fmt: skip
    assert "test_the_student_tree_keeps_no_instructor_block" in listed
    assert "test_the_student_edition_builds_strictly" not in listed


def test_build_warnings_are_sphinx_problems_not_kernel_log_lines():
    log = "\n".join(
        [
            "/book/a.md:3: WARNING: undefined label: 'x'",
            "ERROR: Executing notebook failed",
            "[IPKernelApp] WARNING | Kernel is running over TCP without encryption.",
            "ERROR:tornado.general:Uncaught exception in ZMQStream callback",
        ]
    )
    assert BuiltBook(1, log, Path("html")).warnings == log.splitlines()[:2]
