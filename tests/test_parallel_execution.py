"""Notebooks missing from the execution cache run side by side before Sphinx reads them
(book/_ext/parallel_execution.py), and myst-nb then serves their outputs from the cache."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from widgets import REPO_ROOT

MYST_NB_EXECUTES = "Executing notebook using"  # myst-nb's own message when it runs one


def _notebook(path: Path, code: str) -> None:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    notebook.cells = [
        nbformat.v4.new_markdown_cell(f"# {path.stem}"),
        nbformat.v4.new_code_cell(code),
    ]
    nbformat.write(notebook, path)


def _project(root: Path, notebooks: dict[str, str]) -> Path:
    (root / "chapters").mkdir(parents=True)
    for name, code in notebooks.items():
        _notebook(root / "chapters" / f"{name}.ipynb", code)
    toctree = "\n".join(f"   chapters/{name}" for name in notebooks)
    (root / "index.md").write_text(f"# Book\n\n```{{toctree}}\n{toctree}\n```\n", "utf-8")
    (root / "conf.py").write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(REPO_ROOT / 'book' / '_ext')!r})\n"
        "extensions = ['myst_nb', 'execution_inputs', 'parallel_execution']\n"
        "nb_execution_mode = 'cache'\n"
        f"nb_execution_cache_path = {str(root / 'cache')!r}\n"
        "nb_execution_raise_on_error = False\n",
        encoding="utf-8",
    )
    return root


def _build(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", str(root), str(root / "_html")],
        capture_output=True, text=True, cwd=REPO_ROOT,
    )  # fmt: skip


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: nothing runs side by side")
def test_missing_notebooks_run_side_by_side_and_myst_nb_reads_them_from_the_cache(tmp_path):
    code = "import os\nprint('{name} ran in', os.path.basename(os.getcwd()))"
    root = _project(tmp_path, {name: code.format(name=name) for name in ("alpha", "beta")})
    result = _build(root)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-3000:]
    assert "parallel_execution: running 2 notebooks in 2 processes" in log
    assert MYST_NB_EXECUTES not in log  # both came from the cache, keyed as myst-nb keys them
    for name in ("alpha", "beta"):
        page = (root / "_html" / "chapters" / f"{name}.html").read_text("utf-8")
        assert f"{name} ran in chapters" in page  # run in the notebook's own folder


def test_a_failing_notebook_is_left_to_myst_nb_which_reports_it(tmp_path):
    root = _project(tmp_path, {"fine": "print('fine')", "broken": "raise ValueError('no')"})
    result = _build(root)
    log = result.stdout + result.stderr
    assert "parallel_execution: running 2 notebooks" in log
    # Not stored as a success: myst-nb runs it again and warns as it always does.
    assert log.count(MYST_NB_EXECUTES) == 1
    assert "Executing notebook failed: CellExecutionError" in log
    assert "fine" in (root / "_html" / "chapters" / "fine.html").read_text("utf-8")
