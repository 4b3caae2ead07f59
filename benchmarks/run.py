"""Measure the module's figures and print one `name: value unit` line per figure.

    python benchmarks/run.py        (or: make bench)

Writes the same figures to benchmarks/results.json. Benchmarks report; they never fail
on a slow figure. Targets on a 2-core machine: explorer p95 <= 50 ms; static update
<= 100 ms; first chart <= 1500 ms; cached rebuild <= 3 x the empty book; no external
request.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from datetime import UTC, datetime
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from benchmarks import explorer_latency, static_explorer  # noqa: E402
from tests.browser.harness import block_external, launch_chromium, serve  # noqa: E402

JUPYTER_BOOK = str(Path(sys.executable).with_name("jupyter-book"))
EXPLORER_PAGE = "book/alternative/ceasefire_explorer.html"


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}"
        )
    return elapsed


def build_figures(work: Path) -> tuple[dict[str, float], Path]:
    book_out = work / "book"
    build = [JUPYTER_BOOK, "build", str(REPO_ROOT), "--all", "--path-output", str(book_out)]
    clean = timed(build, REPO_ROOT)
    cached = timed(build, REPO_ROOT)

    empty = work / "empty"
    empty.mkdir()
    (empty / "_config.yml").write_text("title: Empty\nexecute:\n  execute_notebooks: 'off'\n")
    (empty / "_toc.yml").write_text("format: jb-book\nroot: intro\n")
    (empty / "intro.md").write_text("# Empty\n\nOne page.\n")
    empty_s = timed([JUPYTER_BOOK, "build", str(empty), "--all"], empty)
    figures = {
        "build_clean_s": clean,
        "build_cached_s": cached,
        "build_empty_book_s": empty_s,
        "build_clean_ratio": clean / empty_s,
        "build_cached_ratio": cached / empty_s,
    }
    return figures, book_out / "_build" / "html"


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
                updates = page.evaluate(static_explorer.UPDATE_JS, 20)
            context.close()
    largest = max(page_bytes, key=page_bytes.get)
    return {
        "static_explorer_first_chart_ms": statistics.median(first_chart),
        "static_explorer_update_ms": statistics.median(updates),
        "largest_page_kb": page_bytes[largest] / 1024,
        "largest_page": largest,
        "external_requests": len(external),
    }


def test_suite_seconds() -> float:
    return timed([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], REPO_ROOT)


UNITS = {"_s": "s", "_ms": "ms", "_kb": "KB", "_ratio": "x"}


def main() -> int:
    figures: dict[str, float | str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        build, html = build_figures(Path(tmp))
        figures.update(build)
        latency = explorer_latency.measure(300)
        figures["explorer_update_p50_ms"] = latency["explorer_update_p50_ms"]
        figures["explorer_update_p95_ms"] = latency["explorer_update_p95_ms"]
        figures.update(browser_figures(html))
    figures["test_suite_s"] = test_suite_seconds()
    for name, value in figures.items():
        if isinstance(value, str):
            print(f"{name}: {value}")
            continue
        unit = next((u for suffix, u in UNITS.items() if name.endswith(suffix)), "")
        print(f"{name}: {value:.2f} {unit}".rstrip())
    figures["measured_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    figures["machine"] = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    out = REPO_ROOT / "benchmarks" / "results.json"
    out.write_text(json.dumps(figures, indent=2) + "\n")
    print(f"written: {out.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
