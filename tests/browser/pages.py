"""The pages of the book, read from _toc.yml so tests can be collected before the build."""

from __future__ import annotations

from pathlib import Path

from widgets.common.paths import REPO_ROOT
from widgets.seminar.handouts import toc_pages as toc_pages_of


def toc_files(toc_path: Path = REPO_ROOT / "_toc.yml") -> list[str]:
    return toc_pages_of(toc_path)


def toc_pages() -> list[str]:
    """HTML paths (relative to the built book's root) of every page in the table of contents."""
    return [f"{Path(f).with_suffix('')}.html" for f in toc_files()]


def source_of(toc_file: str) -> Path:
    for suffix in (".ipynb", ".md"):
        candidate = REPO_ROOT / f"{toc_file}{suffix}"
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"no source for {toc_file} in _toc.yml")


def pages_whose_source_has(marker: str) -> list[str]:
    """Pages whose source file contains `marker` (e.g. a quiz call or a solution directive)."""
    return [
        f"{Path(f).with_suffix('')}.html"
        for f in toc_files()
        if marker in source_of(f).read_text(encoding="utf-8")
    ]
