"""Keep test machinery out of what students read: nbval marks as cell tags, code folded.

    python -m widgets.common.notebook_tags book          # rewrite the notebooks under book/
    python -m widgets.common.notebook_tags --check book  # list what would change; exit 1 if any

For every notebook it edits only cell metadata and, where a cell starts with the old
``# NBVAL_CHECK_OUTPUT`` comment, that one line; it never runs a notebook or touches outputs.

- A ``# NBVAL_CHECK_OUTPUT`` comment becomes the ``nbval-check-output`` tag.
- A cell that renders a table a student reads (it calls one of :data:`TABLE_CALLS`) is
  tagged ``nbval-check-output`` too, so nbval compares the table with the committed one.
- In chapters where the reader is not learning to code (all but :data:`CODING_CHAPTERS`),
  visible code cells get ``hide-input``: folded by default, one click opens them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

from widgets.common.execute import notebooks_under

CHECK_TAG = "nbval-check-output"
FOLD_TAG = "hide-input"
OLD_MARKER = "# NBVAL_CHECK_OUTPUT"

#: Calls whose output is a table the reader reads (compared by nbval).
TABLE_CALLS = ("claims_table_html(", "comparison_html(", "claims_since_html(")

#: Folders of chapters where students write or edit code: their code stays open.
CODING_CHAPTERS = ("seminar/assignments",)

#: Tags that already hide the input (or the whole cell).
_HIDDEN = {"remove-cell", "remove-input", "hide-input", "hide-cell"}


def _add_tag(cell, tag: str) -> bool:
    tags = cell.setdefault("metadata", {}).setdefault("tags", [])
    if tag in tags:
        return False
    tags.append(tag)
    return True


def retag_cell(cell, fold: bool) -> list[str]:
    """Apply the rules to one cell; return what changed (empty if nothing)."""
    if cell.cell_type != "code":
        return []
    changes = []
    lines = cell.source.split("\n")
    if lines and lines[0].strip() == OLD_MARKER:
        cell.source = "\n".join(lines[1:])
        changes.append("marker comment -> tag")
        _add_tag(cell, CHECK_TAG)
    if any(call in cell.source for call in TABLE_CALLS) and _add_tag(cell, CHECK_TAG):
        changes.append(f"table -> {CHECK_TAG}")
    tags = set(cell.metadata.get("tags", []))
    if fold and not tags & _HIDDEN and _add_tag(cell, FOLD_TAG):
        changes.append(FOLD_TAG)
    return changes


def folds_code(path: Path) -> bool:
    """True unless the notebook is a chapter where students write code."""
    return not any(part in path.as_posix() for part in CODING_CHAPTERS)


def retag_notebook(path: Path, write: bool = True) -> list[str]:
    """Apply the rules to every cell of ``path``; return one line per changed cell."""
    notebook = nbformat.read(path, as_version=4)
    report = []
    fold = folds_code(path)
    for index, cell in enumerate(notebook.cells):
        changes = retag_cell(cell, fold)
        if changes:
            report.append(f"{path} cell {index}: {', '.join(changes)}")
    if report and write:
        nbformat.write(notebook, path)
    return report


def main(argv: list[str]) -> int:
    check = "--check" in argv
    targets = [Path(a) for a in argv if a != "--check"] or [Path("book")]
    report = [
        line
        for target in targets
        for path in notebooks_under(target)
        for line in retag_notebook(path, write=not check)
    ]
    print("\n".join(report) or "notebook tags: nothing to change")
    return 1 if check and report else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
