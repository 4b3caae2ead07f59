"""The environments are locked, split by purpose, and the citation names the release."""

from __future__ import annotations

import re
import tomllib

from widgets import REPO_ROOT

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==\S+")
TEST_TOOLS = {"pytest", "pytest-xdist", "nbval", "hypothesis", "playwright", "ruff"}


def _pins(name: str) -> dict[str, str]:
    pins = {}
    for line in (REPO_ROOT / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if not line or line.startswith("-e "):
            continue
        match = PIN.match(line)
        assert match, f"{name}: not pinned: {line!r}"
        pins[match.group(1).lower().replace("_", "-")] = line.split("==")[1].strip()
    return pins


def test_every_installed_package_is_pinned_and_the_package_installed_editable():
    for name in ("requirements.txt", "requirements-test.txt"):
        text = (REPO_ROOT / name).read_text(encoding="utf-8")
        assert re.search(r"^-e \.", text, re.MULTILINE), f"{name} must install the package"
        assert len(_pins(name)) > 100, f"{name} does not pin the transitive packages"


def test_the_reader_environment_has_no_test_tools_and_the_locks_agree():
    runtime, test = _pins("requirements.txt"), _pins("requirements-test.txt")
    assert not TEST_TOOLS & set(runtime)
    assert TEST_TOOLS <= set(test)
    disagree = {k: (v, test[k]) for k, v in runtime.items() if test.get(k) != v}
    assert not disagree, f"the locks pin different versions: {disagree}"


def test_declared_dependencies_are_in_the_locks():
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    name = re.compile(r"^[A-Za-z0-9._-]+")
    runtime, test = _pins("requirements.txt"), _pins("requirements-test.txt")
    for requirement in project["dependencies"]:
        assert name.match(requirement).group(0).lower() in runtime, requirement
    for requirement in project["optional-dependencies"]["test"]:
        assert name.match(requirement).group(0).lower() in test, requirement


def test_the_citation_names_the_packaged_version():
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    citation = (REPO_ROOT / "CITATION.cff").read_text(encoding="utf-8")
    version = re.search(r'^version:\s*"?([^"\n]+)"?', citation, re.MULTILINE)
    assert version, "CITATION.cff has no version"
    assert version.group(1) == project["version"]
    assert re.search(r"^cff-version: 1\.2\.0", citation, re.MULTILINE)
