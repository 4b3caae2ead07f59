"""The package's layers stay apart: models are pure, topics stand alone."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from widgets.common.paths import REPO_ROOT

PACKAGE = REPO_ROOT / "widgets"
TOPICS = sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists())
TOPICS.remove("common")

#: A topic may import another only where its chapter builds on the other's.
BUILDS_ON: dict[str, set[str]] = {
    # The seminar kit reads and tabulates the explorer's scenario files.
    "seminar": {"explorer"},
}

#: What a pure layer must never load.
HEAVY = ("altair", "ipywidgets", "anywidget", "vl_convert")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def loaded_after_import(module: str) -> set[str]:
    code = f"import sys, {module}; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO_ROOT
    )
    return set(out.stdout.split())


def test_every_topic_has_the_layer_files():
    assert TOPICS, "no topic sub-packages found"
    for topic in TOPICS:
        layers = {p.stem for p in (PACKAGE / topic).glob("*.py")}
        assert layers & {"model", "charts"}, f"widgets/{topic} has neither model.py nor charts.py"


def test_import_widgets_loads_no_chart_or_ui_library():
    loaded = loaded_after_import("widgets")
    assert not {m.split(".")[0] for m in loaded} & set(HEAVY)


MODELS = sorted(str(p.relative_to(REPO_ROOT)) for p in PACKAGE.glob("*/model.py"))


@pytest.mark.parametrize("path", MODELS)
def test_models_import_no_chart_or_ui_code(path):
    module = path.removesuffix(".py").replace("/", ".")
    names = imported_modules(REPO_ROOT / path)
    layer_leaks = {n for n in names if n.split(".")[-1] in {"charts", "ui", "static"}}
    assert not layer_leaks, f"{module} imports {sorted(layer_leaks)}"
    loaded = {m.split(".")[0] for m in loaded_after_import(module)}
    assert not loaded & set(HEAVY), f"{module} loads {sorted(loaded & set(HEAVY))}"


@pytest.mark.parametrize("topic", TOPICS)
def test_topics_import_only_the_topics_they_build_on(topic):
    allowed = BUILDS_ON.get(topic, set()) | {topic}
    for path in (PACKAGE / topic).glob("*.py"):
        for name in imported_modules(path):
            parts = name.split(".")
            if parts[0] == "widgets" and len(parts) > 1 and parts[1] in TOPICS:
                assert parts[1] in allowed, f"{path.relative_to(REPO_ROOT)} imports {name}"
