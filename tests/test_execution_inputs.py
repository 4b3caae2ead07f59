"""A notebook page is read again exactly when the files its kernel reads change
(book/_ext/execution_inputs.py: one stamp file holds their digest)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat

from widgets import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "book" / "_ext"))
import execution_inputs  # noqa: E402


def _project(root: Path, inputs: Path) -> Path:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    notebook.cells = [nbformat.v4.new_markdown_cell("# Note"), nbformat.v4.new_code_cell("1")]
    root.mkdir()
    nbformat.write(notebook, root / "note.ipynb")
    (root / "index.md").write_text("# Book\n\n```{toctree}\nnote\n```\n", encoding="utf-8")
    (root / "conf.py").write_text(
        "import functools, sys\nfrom pathlib import Path\n"
        f"sys.path.insert(0, {str(REPO_ROOT / 'book' / '_ext')!r})\n"
        "import execution_inputs\n"
        "# The inputs of this test, not the book's data/ and widgets/.\n"
        "execution_inputs.inputs_digest = functools.partial(\n"
        f"    execution_inputs.inputs_digest.__wrapped__, Path({str(inputs)!r}))\n"
        "extensions = ['myst_nb', 'execution_inputs']\n"
        "nb_execution_mode = 'off'\n",
        encoding="utf-8",
    )
    return root


def _read_pages(root: Path) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", str(root), str(root.parent / "html")],
        capture_output=True, text=True, cwd=root,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    lines = [line for line in result.stdout.splitlines() if "reading sources" in line]
    return [name for name in ("index", "note") if any(name in line for line in lines)]


def test_a_notebook_is_read_again_when_and_only_when_its_inputs_change(tmp_path):
    inputs = tmp_path / "inputs"
    (inputs / "data").mkdir(parents=True)
    (inputs / "widgets").mkdir()
    (inputs / "data" / "a.csv").write_text("x\n1\n", encoding="utf-8")
    (inputs / "widgets" / "model.py").write_text("A = 1\n", encoding="utf-8")
    root = _project(tmp_path / "project", inputs)
    assert _read_pages(root) == ["index", "note"]
    assert _read_pages(root) == []
    (inputs / "data" / "a.csv").write_text("x\n2\n", encoding="utf-8")
    assert _read_pages(root) == ["note"]
    assert _read_pages(root) == []
    (inputs / "widgets" / "model.py").write_text("A = 2\n", encoding="utf-8")
    assert _read_pages(root) == ["note"]


def test_the_stamp_is_rewritten_only_when_the_digest_changes(tmp_path):
    stamp = tmp_path / "doctrees" / execution_inputs.STAMP_NAME
    execution_inputs.write_if_changed(stamp, "abc")
    os.utime(stamp, ns=(10**18, 10**18))  # a time no write could give it back
    execution_inputs.write_if_changed(stamp, "abc")
    assert stamp.stat().st_mtime_ns == 10**18
    execution_inputs.write_if_changed(stamp, "def")
    assert stamp.read_text(encoding="utf-8") == "def"


def test_a_data_folder_named_by_the_environment_is_part_of_the_digest(tmp_path, monkeypatch):
    outside = tmp_path / "other-data"
    outside.mkdir()
    (outside / "b.csv").write_text("y\n1\n", encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "widgets").mkdir()
    digest = execution_inputs.inputs_digest.__wrapped__
    without = digest(tmp_path)
    monkeypatch.setenv(execution_inputs.DATA_ENV, str(outside))
    first = digest(tmp_path)
    (outside / "b.csv").write_text("y\n2\n", encoding="utf-8")
    assert len({without, first, digest(tmp_path)}) == 3
