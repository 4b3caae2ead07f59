"""The generated "Data sources" page lists every resource of the data package."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from widgets import DATA_DIR, REPO_ROOT
from widgets import data_sources as page
from widgets.data import read_descriptor


@pytest.fixture
def data_copy(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.fixture(scope="module")
def rendered() -> str:
    return page.render_package()


def test_every_resource_has_a_section(rendered):
    for resource in read_descriptor()["resources"]:
        title = page.escape(resource.get("title") or resource["name"])
        assert f"## {title}" in rendered
        assert f"`data/{resource['path']}`" in rendered


def test_sources_are_links(rendered):
    for resource in read_descriptor()["resources"]:
        for source in resource.get("sources", []):
            if source.get("path"):
                assert f"(<{source['path']}>)" in rendered


def test_units_and_fields_are_listed(rendered):
    assert "| `area_km2` | number | km² |" in rendered
    assert "| `russian_control_pct` | number | % |" in rendered
    assert "| `population` | integer | persons |" in rendered


def test_date_ranges_come_from_the_data(rendered):
    assert "**Dates (`as_of`):** 2022-02-23 to 2026-01-01" in rendered


def test_licence_is_shown(rendered):
    assert "[Creative Commons Attribution 4.0 International]" in rendered


def test_a_new_resource_appears_automatically(data_copy):
    (data_copy / "things.csv").write_text(
        "thing,when,source\nlamp,2020-05-01,https://example.org/a\n", encoding="utf-8"
    )
    descriptor = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"].append(
        {
            "name": "things",
            "path": "things.csv",
            "title": "Things $5 | cheap",
            "description": "A test resource with *stars* and a {role}`x`.",
            "licenses": [{"name": "CC0-1.0", "title": "CC0", "path": "https://example.org/cc0"}],
            "sources": [{"title": "Example", "path": "https://example.org/a"}],
            "schema": {
                "fields": [
                    {"name": "thing", "type": "string", "title": "Thing"},
                    {"name": "when", "type": "date", "title": "When", "unit": "day"},
                    {"name": "source", "type": "string"},
                ]
            },
        }
    )
    (data_copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    text = page.render_package(data_copy)
    assert r"## Things \$5 \| cheap" in text
    assert r"A test resource with \*stars\* and a \{role\}\`x\`." in text
    assert "**Dates (`when`):** 2020-05-01" in text
    assert "[Example](<https://example.org/a>)" in text
    assert "**Rows:** 1" in text
    assert "| `when` | date | day |" in text


def test_a_broken_resource_is_reported_not_hidden(data_copy):
    (data_copy / "presets.csv").write_text("preset_id\nx\n", encoding="utf-8")
    text = page.render_package(data_copy)
    assert "does not validate at present" in text
    assert "missing column" in text


def test_escape_neutralises_markdown():
    assert page.escape("a $x$ | b") == r"a \$x\$ \| b"
    assert page.escape("two\nlines") == "two lines"
    assert page.escape(None) == ""


def test_link_without_url_is_plain_text():
    assert page.link("Only a title", None) == "Only a title"
    assert page.link("T", "https://x.org/(a)") == "[T](<https://x.org/(a)>)"


def test_the_output_is_valid_commonmark_with_tables(rendered):
    tokens = MarkdownIt("commonmark").enable("table").parse(rendered)
    tables = [t for t in tokens if t.type == "table_open"]
    assert len(tables) == len(read_descriptor()["resources"])


def test_the_page_only_calls_the_directive():
    page_source = (REPO_ROOT / "book" / "back" / "data_sources.md").read_text(encoding="utf-8")
    assert "```{data-sources}" in page_source
    assert not (REPO_ROOT / "book" / "back" / "data_sources.ipynb").exists()


class _TableReader(HTMLParser):
    """Every table of a page as rows of cell texts (header row first)."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in {"td", "th"}:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in {"td", "th"} and self._cell is not None:
            self.tables[-1][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


@pytest.fixture(scope="module")
def rendered_tables(tmp_path_factory) -> list[list[list[str]]]:
    """The page built by Sphinx with the book's directive (MyST, no kernel)."""
    source = tmp_path_factory.mktemp("page")
    shutil.copy(REPO_ROOT / "book" / "back" / "data_sources.md", source / "index.md")
    (source / "conf.py").write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(REPO_ROOT / 'book' / '_ext')!r})\n"
        "extensions = ['myst_parser', 'data_sources_page']\n",
        encoding="utf-8",
    )
    out = source / "_html"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", str(source), str(out)],
        capture_output=True, text=True, cwd=REPO_ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    reader = _TableReader()
    reader.feed((out / "index.html").read_text(encoding="utf-8"))
    return reader.tables


def test_the_rendered_page_has_one_field_table_per_resource(rendered_tables):
    assert len(rendered_tables) == len(read_descriptor()["resources"])
    for table in rendered_tables:
        assert table[0] == ["Field", "Type", "Unit", "Description", "Constraints"]


def test_each_rendered_row_puts_name_type_and_unit_in_their_columns(rendered_tables):
    # Compared with the descriptor itself, so a table whose columns are swapped fails.
    units = {"km2": "km²"}
    for resource, table in zip(read_descriptor()["resources"], rendered_tables, strict=True):
        fields = resource["schema"]["fields"]
        assert len(table) - 1 == len(fields), resource["name"]
        for field, row in zip(fields, table[1:], strict=True):
            unit = field.get("unit")
            expected = [field["name"], field.get("type", "string"), units.get(unit, unit or "–")]
            assert row[:3] == expected, f"{resource['name']}: {row}"
