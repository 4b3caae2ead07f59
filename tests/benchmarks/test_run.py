"""benchmarks/run.py reports a figure it cannot measure, with the reason, and still
measures and writes every other figure. No real build runs: the commands are replaced."""

from __future__ import annotations

import json
import sys

from benchmarks import run

FAILING_BUILD = [sys.executable, "-c", "import sys; print('theme not found'); sys.exit(2)"]
SUCCEEDING = [sys.executable, "-c", "pass"]


def _commands(book_build, test_suite=SUCCEEDING):
    return run.Commands(
        book_build=lambda out, all_files: list(book_build),
        empty_build=lambda folder: list(SUCCEEDING),
        test_suite=list(test_suite),
    )


def _never_called(html):
    raise AssertionError("the browser figures need a built book")


def test_a_failing_build_is_reported_and_the_rest_still_measured(tmp_path, capsys):
    figures = run.collect(
        tmp_path,
        _commands(FAILING_BUILD),
        explorer=lambda: {"explorer_update_p50_ms": 1.0, "explorer_update_p95_ms": 2.0},
        browser=_never_called,
    )
    results = run.report(figures, tmp_path / "results.json")

    for name in ("build_clean_s", "build_clean_ratio", "build_cached_s", "largest_page_kb"):
        assert name in results["not_measured"], name
        assert name not in results
    assert "exited with 2" in results["not_measured"]["build_clean_s"]
    assert "theme not found" in results["not_measured"]["build_clean_s"]
    assert "the build failed" in results["not_measured"]["largest_page_kb"]
    # Measured in spite of the failed build:
    assert results["build_empty_book_s"] > 0
    assert results["test_suite_s"] > 0
    assert results["explorer_update_p95_ms"] == 2.0
    assert json.loads((tmp_path / "results.json").read_text()) == results
    printed = capsys.readouterr().out
    assert "build_clean_s: not measured (" in printed
    assert "test_suite_s: " in printed


def test_a_failing_test_run_is_reported(tmp_path):
    figures = run.Figures()
    commands = _commands(SUCCEEDING, test_suite=FAILING_BUILD)
    figures.measure(["test_suite_s"], lambda: run.suite_figures(commands, tmp_path))
    assert "test_suite_s" not in figures.values
    assert "exited with 2" in figures.not_measured["test_suite_s"]


def test_an_unexpected_error_does_not_stop_the_others(tmp_path):
    figures = run.Figures()
    figures.measure(["a_ms"], lambda: {}["missing"])
    figures.measure(["b_ms"], lambda: {"b_ms": 3.0})
    assert "KeyError" in figures.not_measured["a_ms"]
    assert figures.values == {"b_ms": 3.0}


def test_test_groups_are_summed_from_the_junit_report(tmp_path):
    report = tmp_path / "junit.xml"
    report.write_text(
        "<testsuites><testsuite>"
        '<testcase classname="tests.test_book" name="a" time="100.5"/>'
        '<testcase classname="tests.browser.test_static_pages" name="b" time="10"/>'
        '<testcase classname="book.context.timeline.ipynb" name="Cell 0" time="2"/>'
        '<testcase classname="tests.explorer.test_model" name="c" time="0.5"/>'
        '<testcase classname="tests.test_binder_like" name="d" time="60"/>'
        "</testsuite></testsuites>"
    )
    assert run.group_seconds(report) == {
        "binder-like": 60.0,
        "book build + browser": 110.5,
        "notebooks (nbval)": 2.0,
        "unit, property and data": 0.5,
    }
