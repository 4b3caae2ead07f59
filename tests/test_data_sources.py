"""The generated "Data sources" page lists every resource of the data package."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
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


def test_the_notebook_only_calls_the_module():
    notebook = nbformat.read(REPO_ROOT / "book" / "back" / "data_sources.ipynb", as_version=4)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert "render_package()" in code[-1].source
    assert "remove-input" in code[-1].metadata.get("tags", [])
    # Regenerated on every build (the execution cache is keyed on code, not on data), and
    # rendered as MyST so that the field tables are tables.
    assert notebook.metadata.get("mystnb", {}).get("execution_mode") == "force"
    assert notebook.metadata.get("mystnb", {}).get("render_markdown_format") == "myst"
