"""Render the book's "Data sources" page from ``data/datapackage.json``.

The page is generated, not written: every resource in the data package (including
ones added later) appears with its title, description, file, number of rows, licence,
sources (as links), the range of each date column, and its fields with types and units.

The book's ``data-sources`` directive (``book/_ext/data_sources_page.py``) renders it
at build time, without a kernel; in a notebook ``Markdown(render_package())`` shows it.

The output is MyST Markdown. Free text from the descriptor is escaped so that a ``$``
or ``|`` in a description cannot turn into maths or break a table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from widgets import DATA_DIR
from widgets.data import DataError, load_resource, read_descriptor

# Characters that MyST/CommonMark (with dollarmath) may interpret in running text.
_SPECIAL = re.compile(r"([\\`*_\[\]<>$|{}#])")

UNIT_LABELS = {"km2": "km²", "%": "%", "persons": "persons", "year": "year"}


def escape(text: Any) -> str:
    """Plain text, safe inside a Markdown paragraph or table cell (one line)."""
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return ""
    flat = " ".join(str(text).split())
    return _SPECIAL.sub(r"\\\1", flat)


def link(title: str | None, url: str | None) -> str:
    """``[title](url)``, or the escaped title alone when there is no URL."""
    label = escape(title or url or "")
    if not url:
        return label
    return f"[{label}](<{url}>)"


def format_unit(unit: str | None) -> str:
    if not unit:
        return "–"
    return escape(UNIT_LABELS.get(unit, unit))


def date_ranges(resource: dict, frame: pd.DataFrame | None) -> list[tuple[str, str, str]]:
    """``(field, earliest, latest)`` for every date field with at least one value."""
    if frame is None:
        return []
    ranges = []
    for field in resource.get("schema", {}).get("fields", []):
        if field.get("type") != "date" or field["name"] not in frame:
            continue
        values = pd.to_datetime(frame[field["name"]]).dropna()
        if values.empty:
            continue
        ranges.append(
            (field["name"], values.min().date().isoformat(), values.max().date().isoformat())
        )
    return ranges


def _licences(items: Iterable[dict]) -> str:
    parts = [link(item.get("title") or item.get("name"), item.get("path")) for item in items]
    return ", ".join(p for p in parts if p) or "not stated"


def _constraints(field: dict) -> str:
    c = field.get("constraints", {})
    notes = []
    if c.get("required"):
        notes.append("required")
    if c.get("unique"):
        notes.append("unique")
    if "minimum" in c and "maximum" in c:
        notes.append(f"{c['minimum']}–{c['maximum']}")
    elif "minimum" in c:
        notes.append(f"≥ {c['minimum']}")
    elif "maximum" in c:
        notes.append(f"≤ {c['maximum']}")
    if "enum" in c:
        notes.append("one of: " + ", ".join(str(v) for v in c["enum"]))
    return escape("; ".join(notes))


def render_fields(resource: dict) -> str:
    rows = [
        "| Field | Type | Unit | Description | Constraints |",
        "| --- | --- | --- | --- | --- |",
    ]
    for field in resource.get("schema", {}).get("fields", []):
        title = field.get("title")
        description = field.get("description", "")
        text = f"{title}: {description}" if title and description else (title or description)
        rows.append(
            f"| `{field['name']}` | {escape(field.get('type', 'string'))} | "
            f"{format_unit(field.get('unit'))} | {escape(text)} | {_constraints(field)} |"
        )
    return "\n".join(rows)


def render_resource(resource: dict, data_dir: Path, heading: str = "##") -> str:
    """The Markdown section for one resource."""
    name = resource.get("name", "?")
    title = resource.get("title") or name
    lines = [f"{heading} {escape(title)}", ""]
    if resource.get("description"):
        lines += [escape(resource["description"]), ""]
    frame = None
    problem = None
    try:
        frame = load_resource(name, data_dir)
    except DataError as error:
        problem = str(error)
    facts = [f"**File:** `data/{resource.get('path', '?')}` (resource `{name}`)"]
    if frame is not None:
        facts.append(f"**Rows:** {len(frame)}")
    facts.append(f"**Licence:** {_licences(resource.get('licenses', []))}")
    for field, first, last in date_ranges(resource, frame):
        span = first if first == last else f"{first} to {last}"
        facts.append(f"**Dates (`{field}`):** {span}")
    lines += [f"- {fact}" for fact in facts]
    if problem:
        lines += ["", f"**This file does not validate at present:** {escape(problem)}"]
    sources = resource.get("sources", [])
    lines += ["", "**Sources:**" if sources else "**Sources:** given row by row in the file."]
    lines += [f"- {link(s.get('title'), s.get('path'))}" for s in sources]
    lines += ["", render_fields(resource), ""]
    return "\n".join(lines)


def render_package(data_dir: Path | str | None = None) -> str:
    """The Markdown for the whole "Data sources" page body (without the page title)."""
    folder = Path(data_dir) if data_dir is not None else DATA_DIR
    package = read_descriptor(folder)
    resources = package.get("resources", [])
    lines = [
        f"The data package **{escape(package.get('title') or package.get('name', ''))}** holds "
        f"{len(resources)} resources. Licence of the package: "
        f"{_licences(package.get('licenses', []))}.",
        "",
    ]
    if package.get("sources"):
        lines += ["Main sources across the package:", ""]
        lines += [f"- {link(s.get('title'), s.get('path'))}" for s in package["sources"]]
        lines.append("")
    lines += ["Resources on this page:", ""]
    lines += [f"- {escape(r.get('title') or r.get('name'))}" for r in resources]
    lines.append("")
    for resource in resources:
        lines.append(render_resource(resource, folder))
    return "\n".join(lines)


__all__ = ["date_ranges", "escape", "link", "render_fields", "render_package", "render_resource"]
