"""Latency of one slider change in the ipywidgets ceasefire explorer.

Drives a unit slider through the UI object N times; each change recomputes the model
(indicators, scores, ranking, flip points), the summary and the chart specs. Prints

    explorer_update_p50_ms: X
    explorer_update_p95_ms: Y

Benchmarks print; they never assert timings. ``measure(n)`` returns the figures.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from widgets.explorer import model as m  # noqa: E402
from widgets.explorer.ui import CeasefireExplorer, default_comparison  # noqa: E402


def measure(n: int = 300) -> dict[str, float]:
    """Time ``n`` slider changes (model + chart spec update); milliseconds."""
    data = m.ExplorerData.load()
    start = "line_latest" if "line_latest" in data.presets else next(iter(data.presets))
    app = CeasefireExplorer(data, compared=default_comparison(data), start_preset=start)
    code = "UA-14" if "UA-14" in app.sliders else next(iter(app.sliders))
    slider = app.sliders[code]
    times = []
    for i in range(n):
        value = float((i * 7) % 101)
        if value == slider.value:
            value = (value + 1) % 101
        t0 = time.perf_counter()
        slider.value = value
        times.append((time.perf_counter() - t0) * 1000.0)
    if app.message_text:
        raise RuntimeError(f"the explorer reported a problem: {app.message_text}")
    times.sort()
    return {
        "n": n,
        "explorer_update_p50_ms": statistics.median(times),
        "explorer_update_p95_ms": times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)],
        "explorer_update_max_ms": times[-1],
    }


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    result = measure(n)
    print(f"explorer_update_p50_ms: {result['explorer_update_p50_ms']:.2f}")
    print(f"explorer_update_p95_ms: {result['explorer_update_p95_ms']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
