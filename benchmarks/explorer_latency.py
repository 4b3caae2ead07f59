"""Latency of one slider change in the ipywidgets ceasefire explorer.

Four actors, eight packages. Drives one control (the first package's base-risk slider) through
the UI object N times; each change validates the state, recomputes the model (indicators, every
actor's scores, zone, ranking, fragility), the summary and the chart specs. Prints

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
from widgets.explorer.ui import ExplorerApp  # noqa: E402


def measure(n: int = 300) -> dict[str, float]:
    """Time ``n`` slider changes (model + chart spec update); milliseconds."""
    data = m.ExplorerData.load()
    inputs = m.default_inputs(data)
    weights = {a: dict(m.DEFAULT_WEIGHTS[a]) for a in m.ACTORS}  # four scored actors
    arrangements = [a for a in data.arrangements if data.arrangements[a].agreement]
    packages = tuple(
        m.default_package(f"P{i + 1}", arrangements[i % len(arrangements)])
        for i in range(m.MAX_PACKAGES)
    )
    inputs = m.Inputs(**{**inputs.__dict__, "packages": packages, "weights": weights})
    app = ExplorerApp(data, inputs)
    assert len(app.evaluation.actors) == 4 and len(app.inputs.packages) == 8
    slider = app.cards[0].base_risk
    times, cpu = [], []  # wall-clock, and this process's CPU time (less sensitive to load)
    for i in range(n):
        value = float((i * 7) % 101)  # a new value each time
        if value == slider.value:
            value = (value + 1) % 101
        t0, c0 = time.perf_counter(), time.process_time()
        slider.value = value
        times.append((time.perf_counter() - t0) * 1000.0)
        cpu.append((time.process_time() - c0) * 1000.0)
    if app.message_text:
        raise RuntimeError(f"the explorer reported a problem: {app.message_text}")
    times.sort()
    cpu.sort()
    return {
        "explorer_update_cpu_p95_ms": cpu[min(len(cpu) - 1, int(round(0.95 * len(cpu))) - 1)],
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
    print(f"explorer_update_cpu_p95_ms: {result['explorer_update_cpu_p95_ms']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
