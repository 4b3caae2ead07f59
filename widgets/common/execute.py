"""Execute the book's notebooks: the one notebook runner of the project.

    python -m widgets.common.execute book              # every notebook under book/, in place
    python -m widgets.common.execute path/to/a.ipynb   # one notebook
    python -m widgets.common.execute --check book      # run as Binder does; write nothing

Notebooks are committed with their outputs so nbval can compare the cells tagged
``nbval-check-output``. Writing runs them with the static-build setting, which keeps the
saved charts small (HTML that the book's local bundle draws) instead of embedding the
chart library in every notebook. ``--check`` runs them as a reader's kernel would (Binder,
JupyterLab), reports every failing notebook and exits 1 if any failed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from widgets.common.notebook import STATIC_BUILD_ENV


def execute_notebook(path: Path, timeout: int = 300, write: bool = True) -> None:
    """Run every cell of ``path``; with ``write``, as the static build does, saving outputs."""
    notebook = nbformat.read(path, as_version=4)
    if write:
        os.environ[STATIC_BUILD_ENV] = "1"
    else:
        os.environ.pop(STATIC_BUILD_ENV, None)
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        store_widget_state=False,
    )
    client.execute()
    if write:
        notebook.metadata.pop("widgets", None)
        nbformat.write(notebook, path)


def notebooks_under(target: Path) -> list[Path]:
    if target.suffix == ".ipynb":
        return [target]
    return sorted(p for p in target.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def run_notebooks(targets: list[Path], write: bool = True, timeout: int = 300) -> list[str]:
    """Execute every notebook under ``targets``; return one line per failing notebook."""
    failures = []
    paths = [p for target in targets for p in notebooks_under(target)]
    for path in paths:
        print(f"executing {path}", flush=True)
        try:
            execute_notebook(path, timeout=timeout, write=write)
        except Exception as error:  # report every notebook, then fail
            failures.append(f"{path}: {type(error).__name__}: {str(error)[-800:]}")
    print(f"executed {len(paths)} notebooks, {len(failures)} failed", flush=True)
    return failures


def main(argv: list[str]) -> int:
    check = "--check" in argv
    targets = [Path(a) for a in argv if a != "--check"] or [Path("book")]
    failures = run_notebooks(targets, write=not check, timeout=600 if check else 300)
    if failures:
        print("\n".join(failures), file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
