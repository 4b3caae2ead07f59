"""Notebook set-up shared by every chapter: one call at the top of a notebook."""

from __future__ import annotations

import os

import altair as alt

from widgets.common import vega

# Set by the book's Sphinx extension while it builds the static pages; the
# kernels that execute the notebooks inherit it.
STATIC_BUILD_ENV = "NEUTRALITY_BOOK_STATIC_BUILD"


def is_static_build() -> bool:
    """True while the notebook is executed to make the static HTML book."""
    return os.environ.get(STATIC_BUILD_ENV) == "1"


def setup_notebook() -> None:
    """Configure Altair so charts draw without any network access.

    - In the static book: each chart compiled to Vega, drawn by the Vega library that the
      book serves itself (:mod:`widgets.common.vega`).
    - In JupyterLab, Binder or VS Code: Altair's Jupyter widget with the bundled
      libraries (offline mode).

    Neither shows vega-embed's export menu ("..."): it is an unlabelled control that
    screen readers cannot name, and students do not need it.
    """
    if is_static_build():
        alt.renderers.register(vega.RENDERER_NAME, vega.renderer)
        alt.renderers.enable(vega.RENDERER_NAME)
    else:
        alt.renderers.enable("jupyter", offline=True, embed_options={"actions": False})
        # The renderer switches JupyterChart to its bundled libraries only when it first
        # draws a chart; a widget made before that (the explorer's charts) would ask a CDN.
        alt.JupyterChart.enable_offline()
    alt.data_transformers.disable_max_rows()
