"""The package works outside a checkout: a copy of widgets/ alone, run from elsewhere,
finds its data through NEUTRALITY_OR_NATO_DATA, and a wrong value gets a clear message."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from widgets.common.paths import DATA_ENV, REPO_ROOT

PROBE = (
    "import widgets\n"
    "from widgets import data\n"
    "from widgets.common.dates import as_of\n"
    "print(widgets.__file__)\n"
    "print(len(data.load_regions()), as_of())\n"
)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """``widgets/`` copied alone into a site folder, as a non-editable install leaves it."""
    site = tmp_path_factory.mktemp("site")
    shutil.copytree(
        REPO_ROOT / "widgets", site / "widgets", ignore=shutil.ignore_patterns("__pycache__")
    )
    return site


def run(site: Path, cwd: Path, data_env: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", DATA_ENV)}
    env["PYTHONPATH"] = str(site)
    if data_env is not None:
        env[DATA_ENV] = data_env
    code = (
        "import sys\n"
        "from widgets.data import DataError\n"
        f"try:\n    exec({PROBE!r})\n"
        "except DataError as error:\n    sys.exit(f'DataError: {error}')\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True
    )


def test_the_copy_finds_the_data_through_the_environment_variable(installed, tmp_path):
    result = run(installed, tmp_path, str(REPO_ROOT / "data"))
    assert result.returncode == 0, result.stderr
    where, figures = result.stdout.splitlines()
    assert where.startswith(str(installed)), "the copy, not the checkout, was imported"
    assert figures.startswith("27 as of ")


def test_the_copy_finds_a_data_folder_above_the_working_directory(installed, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(REPO_ROOT / "data", project / "data")
    (project / "notes").mkdir()
    result = run(installed, project / "notes", None)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1].startswith("27 as of ")


@pytest.mark.parametrize("value", ["/no/such/folder", "."])
def test_a_wrong_environment_variable_gets_a_clear_message(installed, tmp_path, value):
    result = run(installed, tmp_path, value)
    assert result.returncode != 0
    message = result.stderr.strip()
    assert message.startswith("DataError: "), message
    assert DATA_ENV in message and "datapackage.json" in message
    assert "Traceback" not in message


def test_no_data_anywhere_says_what_to_set(installed, tmp_path):
    result = run(installed, tmp_path, None)
    assert result.returncode != 0
    assert f"set {DATA_ENV}" in result.stderr
