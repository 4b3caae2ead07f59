"""Models, data loading, charts and widgets for the module.

Layers, kept apart:
- ``widgets.data``: load and validate the CSV files in ``data/``;
- model modules: pure functions, numbers in and numbers out;
- ``widgets.charts`` and chart modules: Altair specifications;
- UI modules: ipywidgets front-ends built on the above.
"""

from pathlib import Path

from widgets.notebook import setup_notebook

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_ROOT / "data"

__all__ = ["DATA_DIR", "REPO_ROOT", "setup_notebook"]
