"""Execute the book's notebooks in place, as the static build does, and keep them small.

    python -m widgets.common.execute book               # every notebook under book/
    python -m widgets.common.execute path/to/a.ipynb    # one notebook
    python -m widgets.common.execute --no-execute book  # only tidy the saved files
    python -m widgets.common.execute --check book       # run as Binder does; write nothing

Notebooks are committed with the outputs nbval compares, and nothing else: the book
executes every notebook itself when it builds, so a saved chart or table serves no reader.
After execution

- the outputs and execution count of every cell nbval does not compare are removed (nbval
  compares cells tagged ``nbval-check-output`` or holding ``# NBVAL_CHECK_OUTPUT``; a cell
  saved without an execution count is run, not compared);
- execution timestamps, saved widget state and other run-dependent metadata are removed;
- the random ids of charts (``altair-viz-<32 hex>``) and widget views in compared cells are
  replaced by ids
  derived from the notebook's own content,

so executing an unchanged notebook twice writes the same file, and a one-word change in a
chapter gives a one-line diff.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from widgets.common.notebook import STATIC_BUILD_ENV

CHECK_TAG = "nbval-check-output"
CHECK_COMMENT = re.compile(r"^\s*#\s*NBVAL_CHECK_OUTPUT\s*$", re.MULTILINE)
# Ids drawn at random on every run: Altair's output div and a widget view's model.
RANDOM_IDS = re.compile(r"(?<=altair-viz-)[0-9a-f]{32}|(?<=\"model_id\": \")[0-9a-f]{32}")
# Notebook metadata that records a run, not the notebook.
RUN_METADATA = ("widgets", "papermill", "execution")


def output_is_compared(cell) -> bool:
    """True for a code cell whose saved output nbval compares under ``--nbval-lax``."""
    if cell.cell_type != "code":
        return False
    return CHECK_TAG in cell.metadata.get("tags", []) or bool(CHECK_COMMENT.search(cell.source))


def _stable_chart_ids(notebook) -> None:
    """Replace each random id by one derived from the cell's source and position."""
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code" or not cell.get("outputs"):
            continue
        text = json.dumps(cell.outputs, sort_keys=True)
        found = list(dict.fromkeys(RANDOM_IDS.findall(text)))
        for number, old in enumerate(found):
            seed = f"{index}\0{number}\0{cell.source}".encode()
            text = text.replace(old, hashlib.sha256(seed).hexdigest()[:32])
        if found:
            cell.outputs = nbformat.from_dict(json.loads(text))


def tidy_notebook(notebook) -> None:
    """Keep only what nbval compares and what describes the notebook (in place)."""
    for key in RUN_METADATA:
        notebook.metadata.pop(key, None)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type != "code":
            continue
        if not output_is_compared(cell):
            cell.outputs = []
            cell.execution_count = None
    _stable_chart_ids(notebook)


def execute_notebook(
    path: Path, timeout: int = 300, execute: bool = True, write: bool = True
) -> None:
    """Run every cell of ``path`` (unless ``execute`` is false) and, with ``write``, save it
    tidied. Writing runs as the static build does; ``write=False`` runs as a reader's kernel
    would (Binder, JupyterLab) and saves nothing."""
    notebook = nbformat.read(path, as_version=4)
    if execute:
        # The kernel alone is told it runs as the static build: this process's environment
        # stays as it was (a later JupyterLab started from it must not inherit the flag).
        kernel_env = {k: v for k, v in os.environ.items() if k != STATIC_BUILD_ENV}
        if write:
            kernel_env[STATIC_BUILD_ENV] = "1"
        client = NotebookClient(
            notebook,
            timeout=timeout,
            kernel_name="python3",
            resources={"metadata": {"path": str(path.parent)}},
            store_widget_state=False,
        )
        client.execute(env=kernel_env)
    if write:
        tidy_notebook(notebook)
        nbformat.write(notebook, path)


def notebooks_under(target: Path) -> list[Path]:
    if target.suffix == ".ipynb":
        return [target]
    return sorted(p for p in target.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def run_notebooks(
    targets: list[Path], execute: bool = True, write: bool = True, timeout: int = 300
) -> list[str]:
    """Execute (or only tidy) every notebook under ``targets``; one line per failure."""
    failures = []
    paths = [p for target in targets for p in notebooks_under(target)]
    for path in paths:
        print(f"{'executing' if execute else 'tidying'} {path}", flush=True)
        try:
            execute_notebook(path, timeout=timeout, execute=execute, write=write)
        except Exception as error:  # report every notebook, then fail
            failures.append(f"{path}: {type(error).__name__}: {str(error)[-800:]}")
    print(f"{len(paths)} notebooks, {len(failures)} failed", flush=True)
    return failures


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m widgets.common.execute")
    parser.add_argument("targets", nargs="*", type=Path, default=[Path("book")])
    parser.add_argument("--no-execute", action="store_true", help="only tidy the saved notebooks")
    parser.add_argument(
        "--check", action="store_true", help="run as a reader's kernel does; write nothing"
    )
    args = parser.parse_args(argv)
    for target in args.targets:
        if not target.exists():
            parser.error(f"no such notebook or folder: {target}")
    failures = run_notebooks(
        args.targets,
        execute=not args.no_execute,
        write=not args.check,
        timeout=600 if args.check else 300,
    )
    if failures:
        print("\n".join(failures), file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
