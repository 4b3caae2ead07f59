"""Speed and weight of the static ceasefire explorer in headless Debian chromium.

Serves the page the chapter displays (``widgets.explorer.static``) with the book's chart
bundle on 127.0.0.1 (or, with ``--book``, the built chapter in ``_build/html``) and prints

    static_explorer_first_chart_ms: X   (navigation start -> result chart drawn; median of 5)
    static_explorer_update_ms: Y        (one control change: main-thread work until style and
                                         layout are done, p95, 4 actors x 8 packages; p50 and
                                         the time to the next animation frame printed too)
    static_explorer_page_kb: Z          (the page with every file it loads)
    static_explorer_external_requests: N

Targets (DESIGN.md): first chart <= 800 ms, update <= 16 ms, page <= 1.5 MB, no external
request. Benchmarks print; they never assert timings.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from widgets.explorer import model as m  # noqa: E402
from widgets.explorer import scenario as sc  # noqa: E402
from widgets.explorer import static  # noqa: E402

CHART = ".ce-chart svg.marks"
BOOK_PAGE = "book/alternative/ceasefire_explorer.html"
FIRST_CHART_JS = "document.querySelector('.ce-root').ceExplorer.timings.firstChartAt"

# Change one control at a time (a weight, a unit's share, a feature box, an estimate). For each
# change: the main thread's work until the page's style and layout are up to date (what must
# fit in one frame for the next frame to show the result), and the time until the next
# animation frame (that work plus the wait for the display's next frame, up to 16.7 ms at
# 60 Hz, which no update can avoid).
UPDATE_JS = """async (rounds) => {
  const root = document.querySelector('.ce-root');
  const frame = () => new Promise(resolve => requestAnimationFrame(() => resolve()));
  const controls = [
    ['input[data-actor="ukraine"][data-criterion="territory"]', i => String((i % 10) + 1)],
    ['.ce-share[data-code="UA-63"]', i => String((i * 7) % 100)],
    ['input[id$="-p0-base_risk_pct"]', i => String(20 + (i % 50))],
    ['input[data-actor="russia"][data-criterion="peace"]', i => String(-5 + (i % 10))],
  ];
  const work = [], toFrame = [];
  await frame();
  for (let i = 0; i < rounds; i++) {
    const [selector, value] = controls[i % controls.length];
    const input = root.querySelector(selector);
    input.value = value(i);
    const t0 = performance.now();
    input.dispatchEvent(new Event('change', {bubbles: true}));
    void document.body.offsetHeight; // style and layout brought up to date
    work.push(performance.now() - t0);
    await frame();
    toFrame.push(performance.now() - t0);
  }
  return [work, toFrame];
}"""


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[int(share * (len(ordered) - 1))]


def update_figures(page, rounds: int = 40) -> dict[str, float]:
    """Load the eight-package scenario into the open explorer page and time ``rounds``
    control changes; milliseconds."""
    page.evaluate(
        "t => document.querySelector('.ce-root').ceExplorer.loadText(t)", eight_packages()
    )
    page.wait_for_selector(CHART)
    work, to_frame = page.evaluate(UPDATE_JS, rounds)
    return {
        "static_explorer_update_ms": percentile(work, 0.95),
        "static_explorer_update_p50_ms": statistics.median(work),
        "static_explorer_update_to_next_frame_p95_ms": percentile(to_frame, 0.95),
    }


def eight_packages() -> str:
    """Four scored actors and eight packages (the contract's largest case), as a file."""
    data = m.ExplorerData.load()
    inputs = static.default_inputs(data)
    arrangements = [a for a in data.arrangements if data.arrangements[a].agreement]
    presets = list(data.presets)
    packages = tuple(
        m.default_package(f"P{i + 1}", arrangements[i % len(arrangements)], presets[i % 4])
        for i in range(m.MAX_PACKAGES)
    )
    inputs = m.Inputs(**{**inputs.__dict__, "packages": packages})
    return json.dumps(sc.to_dict(data, inputs))


def _local_size(folder: Path, base: str, url: str) -> int:
    path = url[len(base) :].split("#")[0].split("?")[0].lstrip("/")
    file = folder / path
    return file.stat().st_size if file.is_file() else 0


def measure(folder: Path, page_path: str, runs: int = 5, rounds: int = 40) -> dict:
    from tests.browser.harness import block_external, launch_chromium, serve

    external: list[str] = []
    first_chart: list[float] = []
    fetched: set[str] = set()
    with serve(folder) as base, launch_chromium() as browser:
        for run in range(runs):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            block_external(context, external)
            page = context.new_page()
            if run == 0:
                page.on("requestfinished", lambda request: fetched.add(request.url))
            page.goto(f"{base}/{page_path}", wait_until="commit")
            page.wait_for_selector(CHART, timeout=30_000)
            first_chart.append(page.evaluate(FIRST_CHART_JS))
            if run == runs - 1:
                page.wait_for_load_state("networkidle")
                updates = update_figures(page, rounds)
            context.close()
    return {
        "static_explorer_first_chart_ms": statistics.median(first_chart),
        **updates,
        "static_explorer_page_kb": sum(_local_size(folder, base, u) for u in fetched) / 1024,
        "static_explorer_external_requests": len(external),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--book",
        nargs="?",
        const=ROOT / "_build" / "html",
        type=Path,
        metavar="HTML_DIR",
        help="measure the built chapter (default folder: _build/html)",
    )
    args = parser.parse_args()
    if args.book:
        folder = args.book
        if not (folder / BOOK_PAGE).exists():
            sys.exit(f"no built chapter at {folder / BOOK_PAGE}: build the book first")
        figures = measure(folder, BOOK_PAGE)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            static.write_standalone(Path(tmp))
            figures = measure(Path(tmp), "index.html")
    for key, value in figures.items():
        print(f"{key}: {value:.1f}" if isinstance(value, float) else f"{key}: {value}")


if __name__ == "__main__":
    main()
