"""Execute the book's notebooks in place, as the static build does.

    python -m widgets.common.execute book            # every notebook under book/
    python -m widgets.common.execute path/to/a.ipynb # one notebook

Notebooks are committed with their outputs so nbval can compare the cells
marked ``# NBVAL_CHECK_OUTPUT``. Running them with the static-build setting keeps
the saved charts small (HTML that the book's local bundle draws) instead of
embedding the chart library in every notebook.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from widgets.common.notebook import STATIC_BUILD_ENV


def execute_notebook(path: Path, timeout: int = 300) -> None:
    notebook = nbformat.read(path, as_version=4)
    os.environ[STATIC_BUILD_ENV] = "1"
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        store_widget_state=False,
    )
    client.execute()
    notebook.metadata.pop("widgets", None)
    nbformat.write(notebook, path)


def notebooks_under(target: Path) -> list[Path]:
    if target.suffix == ".ipynb":
        return [target]
    return sorted(p for p in target.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def main(argv: list[str]) -> int:
    targets = [Path(a) for a in argv] or [Path("book")]
    for target in targets:
        for path in notebooks_under(target):
            print(f"executing {path}", flush=True)
            execute_notebook(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
