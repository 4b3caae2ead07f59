"""A Binder-like run: a fresh virtual environment made from requirements.txt alone, in a
fresh copy of the repository, executes every notebook in book/ headless.

requirements.txt is a complete lock, so it is installed without resolving (``--no-deps``,
wheels from pip's cache, which `make test`'s own install has filled) and ``pip check``
proves that nothing it needs is missing from the lock."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from widgets.common.paths import REPO_ROOT  # noqa: E402

# The project's one notebook runner, in the mode a Binder kernel runs in (writes nothing).
EXECUTE_ALL = ["-m", "widgets.common.execute", "--check", "book"]


def tracked_files() -> list[str]:
    result = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    return [name for name in result.stdout.split("\0") if name]


@pytest.mark.binder
def test_fresh_environment_from_requirements_runs_every_notebook(tmp_path):
    copy = tmp_path / "repo"
    for name in tracked_files():
        source = REPO_ROOT / name
        if source.is_file():
            target = copy / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    pip = [str(python), "-m", "pip", "--disable-pip-version-check"]
    install = subprocess.run(
        [*pip, "install", "--quiet", "--no-deps", "-r", "requirements.txt"],
        cwd=copy, capture_output=True, text=True,
    )  # fmt: skip
    assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]
    check = subprocess.run([*pip, "check"], cwd=copy, capture_output=True, text=True)
    assert check.returncode == 0, f"requirements.txt is not a complete lock:\n{check.stdout}"
    for test_tool in ("pytest", "nbval", "playwright", "ruff"):
        present = subprocess.run([*pip, "show", "--quiet", test_tool], capture_output=True)
        assert present.returncode != 0, f"{test_tool} belongs in requirements-test.txt"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    run = subprocess.run(
        [str(python), *EXECUTE_ALL], cwd=copy, capture_output=True, text=True, env=env
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-5000:]
    assert "0 failed" in run.stdout
