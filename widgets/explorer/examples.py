"""Worked examples of the book, each varying one thing at a time (pure; no UI).

- :func:`article_3_example`: the shipped example file ``example_scenario.json`` (defend a line):
  the same line and the same articles 2 and 4 under the three options of article 3;
- :func:`article_2_inputs`: the same line under the three options of article 2;
- :func:`lines_inputs`: three lines under the same arrangement.

Weights and estimates are illustrative, labelled so; they are the example student's, not the
book's. Refresh the shipped file with ``python -m widgets.explorer.examples``.
"""

from __future__ import annotations

from pathlib import Path

from widgets.common.paths import REPO_ROOT
from widgets.explorer import model as m
from widgets.explorer import scenario

EXAMPLE_PATH = REPO_ROOT / "book/seminar/assignments/example_scenario.json"
LINE_ONLY = {c: 1.0 for c in m.LINE_CRITERIA} | {m.PEACE: 1.0}


def _inputs(data, packages, weights, **changes) -> m.Inputs:
    base = m.default_inputs(data)
    full = {a: dict(m.DEFAULT_WEIGHTS[a]) for a in m.ACTORS} | weights
    return m.check_inputs(
        data,
        m.Inputs(**{**base.__dict__, "packages": tuple(packages), "weights": full, **changes}),
    )


def article_3_example(data: m.ExplorerData) -> m.Inputs:
    """A Ukrainian delegation defends 3A against 3B and 3C (line and articles 2, 4 fixed)."""
    options = (("P1 Binding guarantee", "3a", 25.0), ("P2 Paris-style force", "3b", 35.0))
    options += (("P3 Monitoring only", "3c", 60.0),)
    packages = [
        m.Package(name, m.Line(m.DEFAULT_LINE), f"framework_2b_{a3}_4b", tuple(m.FEATURES),
                  m.DEFAULT_BASE_RISK_PCT, attain)
        for name, a3, attain in options
    ]  # fmt: skip
    weights = {
        "ukraine": LINE_ONLY
        | {"binding_guarantee": 2.0, "european_force": 1.0, "monitoring_only": -1.0},
        "russia": {c: -1.0 for c in m.LINE_CRITERIA}
        | {m.PEACE: 1.0, "binding_guarantee": -2.0, "european_force": -3.0, "monitoring_only": 2.0},
    }
    return _inputs(
        data,
        packages,
        weights,
        title="Example (illustrative weights): article 3 options on the latest line",
        delegation="ukraine",
        group="example",
    )


def article_2_inputs(data: m.ExplorerData, weights, attain=(50.0, 50.0, 50.0)) -> m.Inputs:
    """The latest line, articles 3B and 4B, under options 2A, 2B and 2C."""
    packages = [
        m.Package(f"2{x.upper()}", m.Line(m.DEFAULT_LINE), f"framework_2{x}_3b_4b",
                  tuple(m.FEATURES), m.DEFAULT_BASE_RISK_PCT, q)
        for x, q in zip("abc", attain, strict=True)
    ]  # fmt: skip
    return _inputs(data, packages, weights)


def lines_inputs(data: m.ExplorerData, weights=None) -> m.Inputs:
    """Three lines under the same arrangement (2B + 3B + 4B), every estimate the default."""
    lines = (("Mid-2024 line (derived)", "line_2024_mid"), ("Latest line", m.DEFAULT_LINE))
    lines += (("US draft, Nov 2025", "us_draft_2025_11"),)
    packages = [m.default_package(name, "framework_2b_3b_4b", preset) for name, preset in lines]
    return _inputs(data, packages, weights or {})


def write_example(path: Path = EXAMPLE_PATH) -> Path:
    data = m.ExplorerData.load()
    path.write_text(scenario.export_json(data, article_3_example(data)) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    print(f"wrote {write_example()}")
