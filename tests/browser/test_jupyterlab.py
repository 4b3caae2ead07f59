"""A live JupyterLab session, as a student in Binder uses it: open a notebook, run it,
move a slider with the keyboard, and see the widget's output change."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.browser.harness import free_port

pytestmark = pytest.mark.browser
from widgets.common.paths import REPO_ROOT  # noqa: E402

EXPLORER = "book/alternative/ceasefire_explorer.ipynb"
RUN_TIMEOUT_MS = 120_000
# Run-all is ignored until the notebook's kernel is connected and idle.
KERNEL_READY_JS = """() => {
  const widget = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const kernel = widget && widget.sessionContext && widget.sessionContext.session
    && widget.sessionContext.session.kernel;
  return !!kernel && kernel.connectionStatus === "connected" && kernel.status === "idle";
}"""


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab on 127.0.0.1 with a token, private settings and a copy of the book."""
    base = tmp_path_factory.mktemp("lab")
    root = base / "root"
    shutil.copytree(REPO_ROOT / "book", root / "book", ignore=shutil.ignore_patterns("_build"))
    port, token = free_port(), secrets.token_hex(16)
    env = dict(os.environ)
    for name in ("settings", "workspaces", "runtime", "config", "data"):
        (base / name).mkdir()
    env.update(
        JUPYTER_CONFIG_DIR=str(base / "config"),
        JUPYTER_RUNTIME_DIR=str(base / "runtime"),
        JUPYTERLAB_SETTINGS_DIR=str(base / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(base / "workspaces"),
    )
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
        "--LabApp.expose_app_in_browser=True", "--ServerApp.open_browser=False",
    ]  # fmt: skip
    log = (base / "lab.log").open("w")
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            request = urllib.request.Request(
                f"{url}/api/status", headers={"Authorization": f"token {token}"}
            )
            with urllib.request.urlopen(request, timeout=2) as response:
                json.load(response)
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail("JupyterLab did not start:\n" + (base / "lab.log").read_text()[-3000:])
            time.sleep(0.5)
    yield url, token
    try:
        request = urllib.request.Request(
            f"{url}/api/shutdown", method="POST", headers={"Authorization": f"token {token}"}
        )
        urllib.request.urlopen(request, timeout=5)
        server.wait(timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        server.kill()


def open_and_run(open_page, lab, notebook: str):
    url, token = lab
    page, record = open_page(f"{url}/lab/tree/{notebook}?token={token}&reset", "domcontentloaded")
    page.wait_for_function(KERNEL_READY_JS, timeout=RUN_TIMEOUT_MS)
    page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_selector(".widget-slider", state="attached", timeout=RUN_TIMEOUT_MS)
    page.wait_for_function(
        """() => ![...document.querySelectorAll('.jp-InputPrompt')]
                   .some(p => p.textContent.includes('*'))""",
        timeout=RUN_TIMEOUT_MS,
    )
    return page, record


def press_on_first_slider(page, selector: str = ".widget-slider .noUi-handle") -> None:
    handle = page.locator(f"{selector} >> visible=true").first
    handle.scroll_into_view_if_needed()
    handle.focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")


@pytest.mark.skipif(not (REPO_ROOT / EXPLORER).exists(), reason="the explorer notebook is missing")
def test_explorer_reacts_to_a_slider_in_jupyterlab(open_page, lab):
    page, record = open_and_run(open_page, lab, EXPLORER)
    summary = page.locator(".explorer-summary").first
    summary.wait_for(timeout=RUN_TIMEOUT_MS)
    charts = page.locator(".ceasefire-explorer .vega-embed svg.marks")
    charts.first.wait_for(timeout=RUN_TIMEOUT_MS)
    summary_before = summary.inner_text()
    charts_before = [chart.inner_html() for chart in charts.all()]
    # As a student does: open the weights tab, move the first weight (Ukraine's weight on
    # territory) with the keyboard, then go back to the results.
    page.locator(".ceasefire-explorer .lm-TabBar-tab", has_text="Weights").first.click()
    press_on_first_slider(page, ".ceasefire-explorer .widget-slider .noUi-handle")
    page.locator(".ceasefire-explorer .lm-TabBar-tab", has_text="Results").first.click()
    page.wait_for_function(
        "([el, text]) => el.innerText !== text",
        arg=[summary.element_handle(), summary_before],
        timeout=10_000,
    )
    page.wait_for_timeout(500)
    charts_after = [chart.inner_html() for chart in charts.all()]
    assert charts_after != charts_before, "no chart changed with the slider"
    assert not page.locator(".jp-OutputArea-output[data-mime-type*='error']").count()
    # The quiz library asks for MathJax when a live page has none; our questions carry no
    # math, so the blocked request changes nothing. Anything else would be a leak.
    leaks = [url for url in record.external_requests if "/mathjax@" not in url]
    assert leaks == []
