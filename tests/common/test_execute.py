"""The notebook runner keeps committed notebooks small and their diffs meaningful."""

from __future__ import annotations

import os

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from widgets.common.execute import execute_notebook, output_is_compared, tidy_notebook

CHART = '<div id="altair-viz-{0}"></div><script>embed("altair-viz-{0}")</script>'


def _notebook():
    timing = {"iopub.execute_input": "2026-01-01T00:00:00Z"}
    checked_by_tag = new_code_cell("1 + 1", metadata={"tags": ["nbval-check-output"]})
    checked_by_comment = new_code_cell("# NBVAL_CHECK_OUTPUT\n2 + 2", metadata={})
    unchecked = new_code_cell("chart", metadata={"execution": timing, "tags": ["remove-input"]})
    for number, cell in enumerate((checked_by_tag, checked_by_comment, unchecked), start=1):
        cell.execution_count = number
        cell.outputs = [
            new_output("execute_result", {"text/plain": str(number)}, execution_count=number)
        ]
    checked_by_tag.metadata["execution"] = timing
    notebook = new_notebook(
        cells=[new_markdown_cell("# Title"), checked_by_tag, checked_by_comment, unchecked]
    )
    notebook.metadata["widgets"] = {"state": {}}
    return notebook


def test_only_compared_cells_keep_outputs():
    notebook = _notebook()
    tidy_notebook(notebook)
    _, by_tag, by_comment, unchecked = notebook.cells
    assert by_tag.outputs and by_tag.execution_count == 1
    assert by_comment.outputs and by_comment.execution_count == 2
    assert unchecked.outputs == [] and unchecked.execution_count is None
    assert unchecked.metadata["tags"] == ["remove-input"]


def test_run_metadata_is_removed():
    notebook = _notebook()
    tidy_notebook(notebook)
    assert "widgets" not in notebook.metadata
    assert all("execution" not in cell.metadata for cell in notebook.cells)


def test_which_cells_nbval_compares():
    assert output_is_compared(new_code_cell("x", metadata={"tags": ["nbval-check-output"]}))
    assert output_is_compared(new_code_cell("  # NBVAL_CHECK_OUTPUT\nx"))
    assert not output_is_compared(new_code_cell("x  # NBVAL_CHECK_OUTPUT is mentioned here"))
    assert not output_is_compared(new_markdown_cell("# NBVAL_CHECK_OUTPUT"))


def test_random_chart_ids_become_stable_and_stay_distinct():
    ids = []
    for seed in ("0" * 32, "f" * 32):
        notebook = _notebook()
        cell = notebook.cells[1]
        html = CHART.format(seed) + CHART.format(seed[:31] + "1")
        cell.outputs = [new_output("display_data", {"text/html": html})]
        tidy_notebook(notebook)
        ids.append(cell.outputs[0]["data"]["text/html"])
    assert ids[0] == ids[1], "the saved ids still depend on the random ones"
    assert "0" * 32 not in ids[0]
    html = ids[0]
    first, second = html.split("</script>")[:2]
    assert first[9:52] != second[9:52], "two charts in one cell got the same id"


NOTEBOOK_WITH_A_CHART = [
    "# NBVAL_CHECK_OUTPUT\nimport altair as alt\nimport pandas as pd\n"
    "alt.renderers.enable('html')\n"
    "alt.Chart(pd.DataFrame({'x': [1, 2]})).mark_point().encode(x='x')",
    "import datetime\ndatetime.datetime.now()",
]


def test_executing_twice_writes_the_same_file(tmp_path):
    path = tmp_path / "chapter.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell(s) for s in NOTEBOOK_WITH_A_CHART]), path)
    execute_notebook(path)
    first = path.read_bytes()
    assert b"altair-viz-" in first and b"datetime.datetime(" not in first
    execute_notebook(path)
    assert path.read_bytes() == first


def test_only_the_kernel_is_told_it_runs_as_the_static_build(tmp_path, monkeypatch):
    from widgets.common.notebook import STATIC_BUILD_ENV

    monkeypatch.delenv(STATIC_BUILD_ENV, raising=False)
    path = tmp_path / "chapter.ipynb"
    cell = new_code_cell(
        f"import os\nprint(os.environ.get({STATIC_BUILD_ENV!r}))",
        metadata={"tags": ["nbval-check-output"]},
    )
    nbformat.write(new_notebook(cells=[cell]), path)
    execute_notebook(path)
    assert nbformat.read(path, as_version=4).cells[0].outputs[0]["text"].strip() == "1"
    assert STATIC_BUILD_ENV not in os.environ
    execute_notebook(path, write=False)
    assert STATIC_BUILD_ENV not in os.environ
