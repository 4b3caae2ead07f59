"""The build reads and writes on every core and makes the same pages as a serial build
(book/_ext/build_speed.py); a rebuild with nothing changed rewrites no page
(book/_ext/offline_assets.py writes its template only when it changes)."""

from __future__ import annotations

import gc
import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from widgets import REPO_ROOT

EXT = REPO_ROOT / "book" / "_ext"
sys.path.insert(0, str(EXT))
import build_speed  # noqa: E402
import execution_inputs  # noqa: E402

JUPYTER_BOOK = Path(sys.executable).with_name("jupyter-book")


def read_in_parallel(log: str) -> bool:
    """Sphinx reports a parallel read by chunk ("[ 50%] alpha .. delta"), a serial one by page."""
    return any("reading sources" in line and " .. " in line for line in log.splitlines())


PAGES = ("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta")  # more than 5


def test_auto_is_one_job_more_than_the_cores_and_a_bad_setting_is_refused():
    assert build_speed.job_count("auto", 2) == 3
    assert build_speed.job_count("auto", 1) == 1  # nothing to run side by side
    assert build_speed.job_count(3, 2) == 3
    for bad in (0, -1, "two", 1.5, True):
        with pytest.raises(ValueError, match="build_jobs"):
            build_speed.job_count(bad, 2)


def _extension(version, declared=None):
    return SimpleNamespace(module=SimpleNamespace(__version__=version), parallel_read_safe=declared)


def test_only_a_reviewed_version_is_declared_safe():
    name, version = next(iter(build_speed.REVIEWED.items()))
    extensions = {
        name: _extension(version),
        "sphinx_jupyterbook_latex": _extension("99.0"),  # not the version that was read
        "declared": _extension("1.0", declared=False),
    }
    assert build_speed.declare_reviewed(extensions) == ["sphinx_jupyterbook_latex"]
    assert extensions[name].parallel_read_safe is True
    assert extensions["sphinx_jupyterbook_latex"].parallel_read_safe is None
    assert extensions["declared"].parallel_read_safe is False


def test_the_collector_runs_less_often_during_a_build_and_as_before_after_it():
    before = gc.get_threshold()
    app = SimpleNamespace(add_config_value=lambda *a, **k: None, connect=lambda *a, **k: None)
    env = SimpleNamespace()
    try:
        build_speed.setup(app)
        assert gc.get_threshold() == build_speed.GC_THRESHOLDS
        build_speed._on_env_before_read_docs(app, env, [])
        assert gc.get_freeze_count() > 0
        build_speed._on_build_finished(app, None)
        assert gc.get_threshold() == before
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def test_names_defined_in_pages_read_by_different_processes_are_duplicates():
    read_by = {"a": 0, "b": 0, "c": 1}
    names = {"a": {("label", "x")}, "b": {("label", "x"), ("label", "y")}, "c": {("label", "y")}}
    # a and b were read by one process, which reported x itself.
    assert build_speed.duplicates_across(read_by, names) == [(("label", "y"), "c", "b")]


def _book(root: Path, jobs: object) -> Path:
    root.mkdir()
    for number, name in enumerate(PAGES):
        after = PAGES[(number + 1) % len(PAGES)]  # a reference to another page's section
        (root / f"{name}.md").write_text(
            f"# Page {name}\n\nSee {{ref}}`section-{after}`.\n\n"
            f"(section-{name})=\n## Part {number}\n\nA {{term}}`treaty` is named here.\n",
            encoding="utf-8",
        )
    (root / "intro.md").write_text(
        "# Intro\n\n```{glossary}\ntreaty\n  An agreement between states.\n```\n",
        encoding="utf-8",
    )
    chapters = "".join(f"  - file: {name}\n" for name in PAGES)
    (root / "_toc.yml").write_text(
        f"format: jb-book\nroot: intro\nparts:\n- caption: All\n  numbered: true\n"
        f"  chapters:\n{chapters}",
        encoding="utf-8",
    )
    (root / "_config.yml").write_text(
        "title: Small\nexecute:\n  execute_notebooks: 'off'\n"
        "sphinx:\n  local_extensions:\n"
        f"    offline_assets: {EXT}\n    build_speed: {EXT}\n"
        f"  config:\n    build_jobs: {jobs!r}\n",
        encoding="utf-8",
    )
    return root


def _run_build(root: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(JUPYTER_BOOK), "build", str(root), "-W", "--keep-going", *options],
        capture_output=True, text=True, cwd=root,
    )  # fmt: skip


def _build(root: Path, *options: str) -> str:
    result = _run_build(root, *options)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-3000:]
    return log


def _pages(root: Path) -> dict[str, bytes]:
    html = root / "_build" / "html"
    return {
        str(path.relative_to(html)): path.read_bytes()
        for path in sorted(html.rglob("*"))
        # .buildinfo hashes the config, and offline_assets adds this book's own paths to it.
        if path.is_file() and path.name != ".buildinfo"
    }


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    """The same small book built with two jobs and with one."""
    work = tmp_path_factory.mktemp("build_speed")
    parallel, serial = _book(work / "parallel", 2), _book(work / "serial", 1)
    return (parallel, _build(parallel, "--all")), (serial, _build(serial, "--all"))


def test_two_jobs_read_in_parallel_and_make_the_pages_one_job_makes(two_builds):
    (parallel, parallel_log), (serial, serial_log) = two_builds
    assert read_in_parallel(parallel_log)
    assert not read_in_parallel(serial_log)
    assert "does not declare" not in parallel_log
    parallel_pages, serial_pages = _pages(parallel), _pages(serial)
    assert parallel_pages.keys() == serial_pages.keys()
    differing = [name for name in serial_pages if parallel_pages[name] != serial_pages[name]]
    assert differing == []
    assert b"2. Page beta" in parallel_pages["beta.html"]  # numbered across the toc


def test_a_rebuild_with_nothing_changed_rewrites_no_page(two_builds):
    (parallel, _), _ = two_builds
    log = _build(parallel)
    assert "0 added, 0 changed, 0 removed" in log
    assert "no targets are out of date" in log


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_label_or_term_defined_twice_fails_the_strict_build_with_any_job_count(tmp_path, jobs):
    root = _book(tmp_path / "book", jobs)
    # alpha and zeta, beta and eta: read by different processes when there are two jobs.
    for name, addition in [
        ("alpha", "(twice)=\n## Here\n"),
        ("zeta", "(twice)=\n## There\n"),
        ("beta", "```{glossary}\nwar\n  One meaning.\n```\n"),
        ("eta", "```{glossary}\nwar\n  Another meaning.\n```\n"),
    ]:
        page = root / f"{name}.md"
        page.write_text(page.read_text(encoding="utf-8") + "\n" + addition, encoding="utf-8")
    result = _run_build(root, "--all")
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert read_in_parallel(log) == (jobs > 1)
    assert "duplicate label twice, other instance in" in log
    assert "duplicate term description of war, other instance in" in log


def test_the_search_index_stems_with_the_c_stemmer_and_gets_the_pure_python_stems():
    import Stemmer
    from snowballstemmer.porter_stemmer import PorterStemmer
    from sphinx.search.en import SearchEnglish

    assert isinstance(SearchEnglish({}).stemmer, Stemmer.Stemmer)
    text = " ".join(
        path.read_text(encoding="utf-8")
        for path in sorted((REPO_ROOT / "book").rglob("*"))
        if path.suffix in {".md", ".ipynb"}
    )
    words = sorted(set(re.findall(r"[a-z]+", text.lower())))
    assert len(words) > 3000
    fast, pure = Stemmer.Stemmer("porter"), PorterStemmer()
    assert [w for w in words if fast.stemWord(w) != pure.stemWord(w)] == []


def test_an_unchanged_file_is_not_rewritten(tmp_path):
    target = tmp_path / "templates" / "page.html"
    execution_inputs.write_if_changed(target, "<p>one</p>")
    os.utime(target, ns=(10**18, 10**18))  # a time no write could give it back
    execution_inputs.write_if_changed(target, "<p>one</p>")
    assert target.stat().st_mtime_ns == 10**18
    execution_inputs.write_if_changed(target, "<p>two</p>")
    assert target.read_text(encoding="utf-8") == "<p>two</p>"
