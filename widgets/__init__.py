"""Models, data loading, charts and widgets for the module.

One sub-package per topic of the book, each with the same layers:

- ``model.py``: pure functions, numbers in and numbers out (no Altair, no ipywidgets);
- ``charts.py``: Altair specifications;
- ``ui.py``: ipywidgets front-ends built on the model and the charts;
- ``static.py``: where a model is mirrored in the browser.

``widgets.data`` loads and validates ``data/``; ``widgets.common`` holds what every
topic uses (paths, validation, HTML, Vega helpers, the book's dates, notebook set-up).

Importing ``widgets`` loads neither Altair nor ipywidgets.
"""

from widgets.common.paths import DATA_DIR, REPO_ROOT


def setup_notebook() -> None:
    """Configure Altair for offline charts (see :func:`widgets.common.notebook.setup_notebook`)."""
    from widgets.common.notebook import setup_notebook as _setup

    _setup()


__all__ = ["DATA_DIR", "REPO_ROOT", "setup_notebook"]
