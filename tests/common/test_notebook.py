"""Notebook set-up: charts draw without the network in both places a notebook runs."""

from __future__ import annotations

import altair as alt
import pytest

from widgets.common import notebook, vega


@pytest.fixture
def restore_altair():
    renderer, offline = alt.renderers.active, alt.JupyterChart._is_offline
    yield
    alt.renderers.enable(renderer)
    alt.JupyterChart.enable_offline(offline)


def test_live_notebook_makes_jupyter_charts_offline_before_any_chart_is_drawn(
    monkeypatch, restore_altair
):
    # A widget built before the first chart is displayed (the explorer's two charts) must
    # already use the bundled libraries, or the browser asks a CDN and the chart stays blank.
    monkeypatch.delenv(notebook.STATIC_BUILD_ENV, raising=False)
    alt.JupyterChart.enable_offline(False)
    notebook.setup_notebook()
    assert alt.renderers.active == "jupyter"
    assert "esm.sh" not in alt.JupyterChart(alt.Chart().mark_point())._esm


def test_static_build_writes_charts_as_compiled_vega(monkeypatch, restore_altair):
    monkeypatch.setenv(notebook.STATIC_BUILD_ENV, "1")
    notebook.setup_notebook()
    assert alt.renderers.active == vega.RENDERER_NAME
    chart = alt.Chart(alt.Data(values=[{"x": 1}])).mark_point().encode(x="x:Q")
    bundle = chart._repr_mimebundle_()
    html = (bundle[0] if isinstance(bundle, tuple) else bundle)["text/html"]
    assert "bookChart(" in html and "vega-lite" not in html
