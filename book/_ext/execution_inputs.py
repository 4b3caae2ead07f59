"""Make the execution cache see what a notebook reads besides its own code.

Jupyter Book's execution cache (jupyter-cache) keys a notebook on the source of its code
cells and its ``kernelspec``. The chapters' code calls the ``widgets`` package, which reads
``data/``: edit a CSV file or a model and the cache would serve stale outputs, so the
build used ``--all`` and a page forced to re-execute. Here, as each notebook is read, a
digest of ``data/`` and of the package's source is written into its ``kernelspec`` (part
of the cache key, shown nowhere). The same digest is kept in a stamp file with the
doctrees, rewritten only when it changes, and each notebook page depends on that one file:
an incremental build re-reads and re-executes them exactly when the inputs change (one
dependency per page, not the hundred files behind it, which Sphinx would check one by one).

The files are those of the checkout the kernels import ``widgets`` from, not of the tree
being built: the student edition is built from a copy of ``book/`` alone, and its key must
match the instructor edition's for the two to share one cache.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from pathlib import Path


def _kernels_checkout() -> Path:
    try:
        from widgets.common.paths import REPO_ROOT as root
    except ImportError:  # the package is not installed: the tree this file sits in
        root = Path(__file__).resolve().parents[2]
    return root


REPO_ROOT = _kernels_checkout()
INPUT_DIRS = ("data", "widgets")
DATA_ENV = "NEUTRALITY_OR_NATO_DATA"  # widgets.common.paths reads the data from here if set
DIGEST_KEY = "book_inputs_digest"
STAMP_NAME = "book_inputs_digest.txt"


def notebook_inputs(root: Path = REPO_ROOT) -> list[Path]:
    """Every file a chapter's code can read: the data package and the package's source, and
    the data folder that ``$NEUTRALITY_OR_NATO_DATA`` points the kernels at, if it is set."""
    folders = [root / folder for folder in INPUT_DIRS]
    if os.environ.get(DATA_ENV):
        folders.append(Path(os.environ[DATA_ENV]).expanduser())
    files = []
    for folder in folders:
        files += [
            p
            for p in sorted(folder.rglob("*"))
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
        ]
    return files


@cache
def inputs_digest(root: Path = REPO_ROOT) -> str:
    digest = hashlib.sha256()
    for path in notebook_inputs(root):
        name = path.relative_to(root) if path.is_relative_to(root) else path
        digest.update(str(name).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def keyed_notebook(text: str, digest: str) -> str:
    """The notebook JSON with the inputs' digest in its kernelspec (the cache key)."""
    notebook = json.loads(text)
    kernelspec = notebook.setdefault("metadata", {}).setdefault("kernelspec", {})
    kernelspec[DIGEST_KEY] = digest
    return json.dumps(notebook, ensure_ascii=False)


def write_if_changed(target: Path, text: str) -> None:
    """Write ``text`` only if it differs from the file's: Sphinx takes a newer file (a
    dependency, a template) to mean that pages must be read or written again."""
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def _on_builder_inited(app) -> None:
    # Before Sphinx compares the pages' dependencies with the time it last read them.
    write_if_changed(Path(app.doctreedir) / STAMP_NAME, inputs_digest())


def _on_source_read(app, docname: str, source: list[str]) -> None:
    if not str(app.env.doc2path(docname)).endswith(".ipynb"):
        return
    source[0] = keyed_notebook(source[0], inputs_digest())
    app.env.note_dependency(str(Path(app.doctreedir) / STAMP_NAME))


def setup(app):
    app.connect("builder-inited", _on_builder_inited)
    app.connect("source-read", _on_source_read)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
