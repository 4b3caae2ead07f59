"""Run the notebooks that the execution cache lacks side by side, before Sphinx reads them.

Jupyter Book reads the pages one after another, and in ``cache`` mode each notebook missing
from the cache is executed as it is read: on a clean build the second core waits while one
kernel after another starts, imports the package and runs. Here, once Sphinx knows which
pages it will read, every notebook among them that the cache cannot serve is executed in a
pool of worker processes (one per core), and each success is stored in the cache exactly as
myst-nb would store it (same key: the notebook as Sphinx will read it, with the inputs'
digest from ``execution_inputs``; same working directory, timeout and error setting). myst-nb
then finds the outputs in the cache.

A notebook that fails here is not stored: myst-nb runs it again as it reads it and reports
the failure as it always does, so this changes how fast a build is, never what it shows.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from contextlib import suppress
from pathlib import Path, PurePosixPath

from build_speed import available_cores
from sphinx.util import logging

logger = logging.getLogger(__name__)


def _execute(notebook, cwd: str, allow_errors: bool, timeout: int | None):
    """In a worker process: the executed notebook and its run time, or None on failure."""
    from jupyter_cache.executors.utils import single_nb_execution

    result = single_nb_execution(
        notebook, cwd=cwd, allow_errors=allow_errors, timeout=timeout, meta_override=True
    )
    return (None, 0.0) if result.err is not None else (notebook, result.time)


def _missing(cache, notebooks: dict[Path, object]) -> dict[Path, object]:
    missing = {}
    for path, notebook in notebooks.items():
        try:
            cache.match_cache_notebook(notebook)
        except KeyError:
            missing[path] = notebook
    return missing


def _on_env_before_read_docs(app, env, docnames) -> None:
    config = getattr(env, "mystnb_config", None)
    if config is None or config.execution_mode != "cache" or config.execution_in_temp:
        return  # only the case this mirrors: cache mode, each notebook run in its folder
    import execution_inputs
    import nbformat
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    digest = execution_inputs.inputs_digest()
    notebooks = {}
    for docname in docnames:
        path = Path(env.doc2path(docname))
        excluded = any(
            PurePosixPath(path.as_posix()).match(pattern)
            for pattern in config.execution_excludepatterns
        )
        if path.suffix == ".ipynb" and not excluded:
            text = execution_inputs.keyed_notebook(path.read_text(encoding="utf-8"), digest)
            notebooks[path] = nbformat.reads(text, as_version=4)
    cache = get_cache(config.execution_cache_path or ".jupyter_cache")
    missing = _missing(cache, notebooks)
    workers = min(len(missing), available_cores())
    if workers < 2:
        return  # nothing to gain: myst-nb runs it as it reads it
    logger.info("parallel_execution: running %d notebooks in %d processes", len(missing), workers)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        runs = {
            path: pool.submit(
                _execute,
                notebook,
                str(path.parent),
                config.execution_allow_errors,
                config.execution_timeout,
            )
            for path, notebook in missing.items()
        }
        for path, run in runs.items():
            notebook, seconds = run.result()
            if notebook is None:
                continue
            with suppress(Exception):  # a cache write that fails only costs a second run
                record = cache.add_nb_to_project(str(path))
                cache.cache_notebook_bundle(
                    CacheBundleIn(notebook, record.uri, data={"execution_seconds": seconds}),
                    check_validity=False,
                    overwrite=True,
                )


def setup(app):
    app.setup_extension("execution_inputs")
    app.connect("env-before-read-docs", _on_env_before_read_docs)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
