"""Measure the module's figures and print one `name: value unit` line per figure.

    python benchmarks/run.py        (or: make bench)

Writes the same figures to benchmarks/results.json. Benchmarks report; they never fail
on a slow figure. A figure that cannot be measured (a build or a test run that fails, no
browser) is printed and written as "not measured" with the reason, and every other figure
is still measured. Targets on a 2-core machine: cached rebuild <= 2 x the empty book;
clean build <= 15 x; test suite <= 360 s; every page with what it loads <= 1500 KB;
explorer p95 <= 20 ms (four actors, eight packages); static page: first chart <= 800 ms and
an update within one frame (16 ms); no external request.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.parse
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

JUPYTER_BOOK = str(Path(sys.executable).with_name("jupyter-book"))
EXPLORER_PAGE = "book/alternative/ceasefire_explorer.html"
# The page an incremental rebuild finds edited (touched, not changed).
EDITED_PAGE = REPO_ROOT / "book" / "back" / "glossary.md"
# The test command of `make test` (its pytest part), as CI runs it.
TEST_COMMAND = [
    sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "2",
]  # fmt: skip
RESULTS = REPO_ROOT / "benchmarks" / "results.json"


class NotMeasured(Exception):
    """A figure could not be measured; the message says why."""


@dataclass
class Commands:
    """The commands the figures time (replaceable, so that failure reporting is testable)."""

    book_build: Callable[[Path, bool], list[str]] = lambda out, all_files: [
        JUPYTER_BOOK, "build", str(REPO_ROOT), *(["--all"] if all_files else []),
        "--path-output", str(out),
    ]  # fmt: skip
    empty_build: Callable[[Path], list[str]] = lambda folder: [
        JUPYTER_BOOK, "build", str(folder), "--all",
    ]  # fmt: skip
    test_suite: list[str] = field(default_factory=lambda: list(TEST_COMMAND))


def timed(command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, str]:
    """Seconds the command took and its output; NotMeasured if it fails."""
    start = time.perf_counter()
    try:
        result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env)
    except OSError as error:
        raise NotMeasured(f"{command[0]} could not start: {error}") from error
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        tail = (result.stdout + result.stderr).strip().splitlines()[-6:]
        raise NotMeasured(
            f"`{' '.join(command[:3])} ...` exited with {result.returncode}: " + " | ".join(tail)
        )
    return elapsed, result.stdout


class Figures:
    """Measured figures, and the reason for each one that could not be measured."""

    def __init__(self) -> None:
        self.values: dict[str, object] = {}
        self.not_measured: dict[str, str] = {}

    def measure(self, names: list[str], function: Callable[[], dict]) -> dict:
        try:
            found = function()
        except Exception as error:  # a benchmark reports, it never stops the others
            reason = str(error) if isinstance(error, NotMeasured) else repr(error)
            if not isinstance(error, NotMeasured):
                traceback.print_exc()
            for name in names:
                self.not_measured[name] = reason
            return {}
        self.values.update(found)
        return found

    def skip(self, names: list[str], reason: str) -> None:
        for name in names:
            self.not_measured[name] = reason


def _empty_book(work: Path) -> Path:
    empty = work / "empty"
    empty.mkdir(exist_ok=True)
    (empty / "_config.yml").write_text("title: Empty\nexecute:\n  execute_notebooks: 'off'\n")
    (empty / "_toc.yml").write_text("format: jb-book\nroot: intro\n")
    (empty / "intro.md").write_text("# Empty\n\nOne page.\n")
    return empty


def build_figures(figures: Figures, work: Path, commands: Commands) -> Path | None:
    """Clean build, cached rebuild (`--all`), incremental rebuild, empty book; the html."""
    out = work / "book"
    empty = figures.measure(
        ["build_empty_book_s"],
        lambda: {"build_empty_book_s": timed(commands.empty_build(_empty_book(work)), work)[0]},
    )
    clean = figures.measure(
        ["build_clean_s"],
        lambda: {"build_clean_s": timed(commands.book_build(out, True), REPO_ROOT)[0]},
    )
    if clean:
        figures.measure(
            ["build_cached_s"],
            lambda: {"build_cached_s": timed(commands.book_build(out, True), REPO_ROOT)[0]},
        )

        def incremental() -> dict:
            EDITED_PAGE.touch()
            return {"build_incremental_s": timed(commands.book_build(out, False), REPO_ROOT)[0]}

        figures.measure(["build_incremental_s"], incremental)
    else:
        figures.skip(["build_cached_s", "build_incremental_s"], "the clean build failed")
    for name in ("build_clean", "build_cached", "build_incremental"):
        if f"{name}_s" in figures.values and empty:
            figures.values[f"{name}_ratio"] = (
                figures.values[f"{name}_s"] / empty["build_empty_book_s"]
            )
        else:
            figures.skip([f"{name}_ratio"], f"{name}_s or build_empty_book_s not measured")
    html = out / "_build" / "html"
    return html if clean and html.is_dir() else None


def _local_size(html: Path, base: str, url: str) -> int:
    """Bytes of a file the page loaded from the served book (0 for anything else)."""
    if not url.startswith(base):
        return 0
    relative = urllib.parse.unquote(urllib.parse.urlsplit(url).path).lstrip("/")
    target = html / relative
    if target.is_dir():
        target = target / "index.html"
    return target.stat().st_size if target.is_file() else 0


def browser_figures(html: Path) -> dict[str, float]:
    from benchmarks import static_explorer
    from tests.browser.harness import block_external, launch_chromium, serve

    pages = sorted(
        str(p.relative_to(html))
        for p in html.rglob("*.html")
        if "_static" not in p.parts and "_sources" not in p.parts
    )
    external: list[str] = []
    page_bytes: dict[str, int] = {}
    with serve(html) as base, launch_chromium() as browser:

        def new_page():
            context = browser.new_context()
            block_external(context, external)
            return context, context.new_page()

        for path in pages:
            context, page = new_page()
            fetched: set[str] = set()
            page.on("requestfinished", lambda request, f=fetched: f.add(request.url))
            page.goto(f"{base}/{path}", wait_until="networkidle")
            page_bytes[path] = sum(_local_size(html, base, url) for url in fetched)
            context.close()

        first_chart, updates = [], []
        for _ in range(5):
            context, page = new_page()
            page.goto(f"{base}/{EXPLORER_PAGE}", wait_until="commit")
            page.wait_for_selector(static_explorer.CHART, timeout=15_000)
            first_chart.append(page.evaluate(static_explorer.FIRST_CHART_JS))
            if not updates:
                updates = static_explorer.update_figures(page)
            context.close()
    largest = max(page_bytes, key=page_bytes.get)
    return {
        "static_explorer_first_chart_ms": statistics.median(first_chart),
        **updates,
        "largest_page_kb": page_bytes[largest] / 1024,
        "largest_page": largest,
        "pages_over_1500_kb_count": sum(size > 1500 * 1024 for size in page_bytes.values()),
        "external_requests": len(external),
        "page_weights_kb": {p: round(b / 1024, 1) for p, b in sorted(page_bytes.items())},
    }


def suite_figures(commands: Commands, work: Path) -> dict:
    """The whole test suite's time, and the time of each group of tests within it."""
    report = work / "junit.xml"
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_ADDOPTS"}
    command = [*commands.test_suite, f"--junitxml={report}"]
    elapsed, _ = timed(command, REPO_ROOT, env)
    figures: dict[str, object] = {"test_suite_s": elapsed}
    if report.is_file():
        figures["test_groups_s"] = group_seconds(report)
    return figures


def group_of(classname: str, file: str) -> str:
    where = (file or classname.replace(".", "/")).replace("\\", "/")
    if where.endswith(".ipynb") or where.startswith("book"):
        return "notebooks (nbval)"
    if "browser" in where or "test_book" in where:
        return "book build + browser"
    if "binder" in where:
        return "binder-like"
    return "unit, property and data"


def group_seconds(report: Path) -> dict[str, float]:
    """Summed test time per group (setup and teardown included, so the build is counted)."""
    totals: dict[str, float] = {}
    for case in ElementTree.parse(report).iter("testcase"):
        group = group_of(case.get("classname", ""), case.get("file", ""))
        totals[group] = totals.get(group, 0.0) + float(case.get("time") or 0)
    return {group: round(seconds, 1) for group, seconds in sorted(totals.items())}


def explorer_figures() -> dict:
    from benchmarks import explorer_latency

    latency = explorer_latency.measure(300)
    return {k: latency[k] for k in ("explorer_update_p50_ms", "explorer_update_p95_ms")}


UNITS = {"_s": "s", "_ms": "ms", "_kb": "KB", "_ratio": "x"}
BROWSER_FIGURES = [
    "static_explorer_first_chart_ms", "static_explorer_update_ms", "largest_page_kb",
    "external_requests",
]  # fmt: skip


def collect(
    work: Path,
    commands: Commands | None = None,
    explorer: Callable[[], dict] = explorer_figures,
    browser: Callable[[Path], dict] | None = None,
) -> Figures:
    commands = commands or Commands()
    browser = browser or browser_figures
    figures = Figures()
    html = build_figures(figures, work, commands)
    figures.measure(["explorer_update_p50_ms", "explorer_update_p95_ms"], explorer)
    if html is None:
        figures.skip(BROWSER_FIGURES, "no built book to load (the build failed)")
    elif shutil.which("chromium") is None and not Path("/usr/bin/chromium").exists():
        figures.skip(BROWSER_FIGURES, "Debian chromium is not installed")
    else:
        figures.measure(BROWSER_FIGURES, lambda: browser(html))
    figures.measure(["test_suite_s"], lambda: suite_figures(commands, work))
    return figures


def report(figures: Figures, out: Path = RESULTS) -> dict:
    """Print one line per figure and write them all (with what was not measured) as JSON."""
    for name, value in figures.values.items():
        if isinstance(value, dict):
            if name == "page_weights_kb":
                heaviest = sorted(value.items(), key=lambda item: -item[1])[:5]
                value = dict(heaviest)
                name = "heaviest_pages_kb"
            print(f"{name}: " + ", ".join(f"{k} {v}" for k, v in value.items()))
        elif isinstance(value, str):
            print(f"{name}: {value}")
        else:
            unit = next((u for suffix, u in UNITS.items() if name.endswith(suffix)), "")
            print(f"{name}: {value:.2f} {unit}".rstrip())
    for name, reason in figures.not_measured.items():
        print(f"{name}: not measured ({reason})")
    results = dict(figures.values)
    results["not_measured"] = figures.not_measured
    results["measured_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    results["machine"] = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    try:
        results["load_average_1_5_15"] = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        pass
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"written: {out}")
    return results


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        report(collect(Path(tmp)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
