"""Two editions from one source: the student edition is the book minus instructor-only content.

The source marks instructor-only content in three ways, all visible to a test:

- a MyST directive whose ``:class:`` option includes ``instructor-only`` (usually a folded
  admonition, ``:class: dropdown instructor-only``), or a ``{div}`` whose argument is
  ``instructor-only`` (``:::{div} instructor-only``);
- a notebook cell tagged ``instructor-only``;
- a whole page: a notebook whose metadata has ``"instructor_only": true``, or a Markdown page
  whose front matter has ``instructor_only: true``. The page is dropped from the student tree and
  its entry from ``_toc.yml``;
- a whole folder of files (model-answer scenario files, demonstration data): a file named
  ``.instructor-only`` in it. The folder is left out of the student tree.

:func:`write_student_tree` copies the files the book is built from into a new folder with that
content removed, so the student edition's pages, search index, ``_sources`` copies and
downloadable notebooks never contain it (Sphinx's ``only`` directive and ``remove-cell`` tags
hide text from the page but leave it in ``_sources`` and in the notebooks). The instructor
edition is built from the repository as it is.

Command line::

    python -m widgets.common.editions student OUT_DIR [--cache DIR]

``--cache`` points the student tree's notebook execution cache at ``DIR`` (an absolute path),
so both editions share one cache and a notebook is executed once for both.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from widgets.common.paths import REPO_ROOT

MARKER = "instructor-only"
PAGE_FLAG = "instructor_only"
FOLDER_FLAG = ".instructor-only"

#: Files and folders at the repository root that a book build reads.
BOOK_INPUTS = ("_config.yml", "_toc.yml", "references.bib", "book")

# A fence line: indentation, a run of backticks, tildes or colons, then the rest of the line.
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,}|:{3,})(?P<rest>.*)$")
_DIRECTIVE = re.compile(r"^\{(?P<name>[^}]+)\}\s*(?P<argument>.*)$")
_OPTION = re.compile(r"^[ \t]*:(?P<key>[\w-]+):\s*(?P<value>.*)$")
_FRONT_MATTER = re.compile(r"\A---\n(?P<yaml>.*?)\n---\n", re.S)


class EditionError(ValueError):
    """Source that cannot be split into editions; the message names the file and line."""


@dataclass(frozen=True)
class Block:
    """An instructor-only block found in a text: where it starts and what it says."""

    line: int
    text: str


def _is_instructor_only(argument: str, option_lines: list[str]) -> bool:
    if MARKER in argument.split():
        return True
    for line in option_lines:
        option = _OPTION.match(line)
        if option and option["key"] == "class" and MARKER in option["value"].split():
            return True
    return False


def _closes(line: str, fence: str) -> bool:
    """A closing fence: the same character, at least as long, nothing after it."""
    match = _FENCE.match(line)
    return bool(
        match
        and match["fence"][0] == fence[0]
        and len(match["fence"]) >= len(fence)
        and not match["rest"].strip()
    )


def split_markdown(text: str, where: str = "text") -> tuple[str, list[Block]]:
    """Return ``text`` without its instructor-only directives, and the blocks removed.

    Fences nest: a block ends at the first closing fence of its own character and length that
    is not the close of a fence opened inside it. An unclosed instructor-only block is an error
    (dropping the rest of the page silently would hide the mistake).
    """
    lines = text.splitlines(keepends=True)
    kept: list[str] = []
    removed: list[Block] = []
    i = 0
    while i < len(lines):
        match = _FENCE.match(lines[i].rstrip("\n"))
        directive = match and _DIRECTIVE.match(match["rest"].strip())
        if not directive:
            kept.append(lines[i])
            i += 1
            continue
        options = []
        j = i + 1
        while j < len(lines) and _OPTION.match(lines[j].rstrip("\n")):
            options.append(lines[j])
            j += 1
        if not _is_instructor_only(directive["argument"], options):
            kept.append(lines[i])
            i += 1
            continue
        end = _block_end(lines, i, match["fence"], where)
        removed.append(Block(line=i + 1, text="".join(lines[i : end + 1])))
        i = end + 1
    return "".join(kept), removed


def _block_end(lines: list[str], start: int, fence: str, where: str) -> int:
    open_fences = [fence]
    for k in range(start + 1, len(lines)):
        line = lines[k].rstrip("\n")
        if _closes(line, open_fences[-1]):
            open_fences.pop()
            if not open_fences:
                return k
            continue
        inner = _FENCE.match(line)
        if inner and inner["rest"].strip():
            open_fences.append(inner["fence"])
    raise EditionError(f"{where}, line {start + 1}: instructor-only block is never closed")


def markdown_page_is_instructor_only(text: str) -> bool:
    front = _FRONT_MATTER.match(text)
    if not front:
        return False
    meta = yaml.safe_load(front["yaml"]) or {}
    return bool(isinstance(meta, dict) and meta.get(PAGE_FLAG))


def notebook_is_instructor_only(notebook: dict[str, Any]) -> bool:
    return bool(notebook.get("metadata", {}).get(PAGE_FLAG))


def _cell_text(cell: dict[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def split_notebook(notebook: dict[str, Any], where: str = "notebook") -> tuple[dict, list[Block]]:
    """A copy of ``notebook`` without instructor-only cells and blocks, and what was removed."""
    kept_cells = []
    removed: list[Block] = []
    for number, cell in enumerate(notebook.get("cells", []), start=1):
        text = _cell_text(cell)
        if MARKER in cell.get("metadata", {}).get("tags", []):
            removed.append(Block(line=number, text=text))
            continue
        if cell.get("cell_type") == "markdown":
            new_text, blocks = split_markdown(text, f"{where}, cell {number}")
            removed += blocks
            if blocks:
                cell = {**cell, "source": new_text.splitlines(keepends=True)}
        kept_cells.append(cell)
    return {**notebook, "cells": kept_cells}, removed


def _toc_without(toc: Any, dropped: set[str]) -> Any:
    """``_toc.yml`` data without the entries whose ``file`` is in ``dropped``."""
    if isinstance(toc, list):
        return [_toc_without(entry, dropped) for entry in toc if not _dropped(entry, dropped)]
    if isinstance(toc, dict):
        return {key: _toc_without(value, dropped) for key, value in toc.items()}
    return toc


def _dropped(entry: Any, dropped: set[str]) -> bool:
    return isinstance(entry, dict) and str(entry.get("file", "")) in dropped


@dataclass(frozen=True)
class StudentTree:
    root: Path
    removed: dict[str, list[Block]]
    dropped_pages: tuple[str, ...]
    dropped_folders: tuple[str, ...] = ()


def instructor_only_content(source_root: Path = REPO_ROOT) -> StudentTree:
    """What the student edition leaves out, without writing anything."""
    removed: dict[str, list[Block]] = {}
    dropped: list[str] = []
    folders = sorted(
        flag.parent.relative_to(source_root).as_posix()
        for flag in (source_root / "book").rglob(FOLDER_FLAG)
    )
    for path in sorted((source_root / "book").rglob("*")):
        relative = path.relative_to(source_root).as_posix()
        if any(relative.startswith(folder + "/") for folder in folders):
            continue
        if path.suffix == ".md":
            text = path.read_text(encoding="utf-8")
            if markdown_page_is_instructor_only(text):
                dropped.append(relative)
                removed[relative] = [Block(1, text)]
                continue
            _, blocks = split_markdown(text, relative)
        elif path.suffix == ".ipynb" and ".ipynb_checkpoints" not in path.parts:
            notebook = json.loads(path.read_text(encoding="utf-8"))
            if notebook_is_instructor_only(notebook):
                dropped.append(relative)
                text = "\n\n".join(_cell_text(c) for c in notebook["cells"])
                removed[relative] = [Block(1, text)]
                continue
            _, blocks = split_notebook(notebook, relative)
        else:
            continue
        if blocks:
            removed[relative] = blocks
    return StudentTree(source_root, removed, tuple(dropped), tuple(folders))


def write_student_tree(
    out_dir: Path, source_root: Path = REPO_ROOT, cache_dir: Path | None = None
) -> StudentTree:
    """Write the student edition's sources to ``out_dir`` (emptied first)."""
    out_dir = Path(out_dir).resolve()
    book = (source_root / "book").resolve()
    if out_dir == source_root.resolve() or out_dir == book or book in out_dir.parents:
        raise EditionError(f"refusing to write the student tree over the source: {out_dir}")
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    content = instructor_only_content(source_root)
    for name in BOOK_INPUTS:
        source = source_root / name
        if source.is_dir():
            shutil.copytree(
                source, out_dir / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints")
            )
        else:
            shutil.copy2(source, out_dir / name)
    for bib in (source_root / "book" / "back" / "bib").glob("*.bib"):
        shutil.copy2(bib, out_dir / bib.relative_to(source_root))
    for relative in content.dropped_pages:
        (out_dir / relative).unlink()
    for relative in content.dropped_folders:
        shutil.rmtree(out_dir / relative)
    for relative in content.removed:
        if relative in content.dropped_pages:
            continue
        target = out_dir / relative
        if target.suffix == ".md":
            text, _ = split_markdown(target.read_text(encoding="utf-8"), relative)
            target.write_text(text, encoding="utf-8")
        else:
            notebook, _ = split_notebook(json.loads(target.read_text(encoding="utf-8")), relative)
            target.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", "utf-8")
    if cache_dir is not None:
        config_path = out_dir / "_config.yml"
        config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
        config.setdefault("execute", {})["cache"] = str(Path(cache_dir).resolve())
        config_path.write_text(
            "# Student edition: written by widgets.common.editions; do not edit.\n"
            + yaml.safe_dump(config, sort_keys=False, allow_unicode=True),
            encoding="utf-8",
        )
    dropped = {str(Path(p).with_suffix("")) for p in content.dropped_pages}
    toc_path = out_dir / "_toc.yml"
    toc = yaml.safe_load(toc_path.read_text(encoding="utf-8"))
    toc_path.write_text(
        "# Student edition: written by widgets.common.editions; do not edit.\n"
        + yaml.safe_dump(_toc_without(toc, dropped), sort_keys=False, allow_unicode=True),
        encoding="utf-8",
    )
    return StudentTree(out_dir, content.removed, content.dropped_pages, content.dropped_folders)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    cache = None
    if len(args) == 4 and args[2] == "--cache":
        cache, args = Path(args[3]), args[:2]
    if len(args) != 2 or args[0] != "student":
        print(
            "usage: python -m widgets.common.editions student OUT_DIR [--cache DIR]",
            file=sys.stderr,
        )
        return 2
    try:
        tree = write_student_tree(Path(args[1]), cache_dir=cache)
    except EditionError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    blocks = sum(len(b) for b in tree.removed.values())
    pages = ", ".join(tree.dropped_pages) or "none"
    folders = ", ".join(tree.dropped_folders) or "none"
    print(
        f"student edition sources in {tree.root}: {blocks} instructor-only blocks removed "
        f"from {len(tree.removed)} files; pages left out: {pages}; folders left out: {folders}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
