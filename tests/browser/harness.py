"""The one browser harness, for the browser tests and the benchmarks alike.

Debian chromium driven by Playwright (no browser is ever downloaded), a static folder
served on 127.0.0.1, and every non-local request blocked and recorded. Plain functions,
no pytest: ``tests/browser/conftest.py`` wraps them in fixtures, ``benchmarks/run.py``
calls them directly.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_PREFIXES = (
    "http://127.0.0.1",
    "http://localhost",
    "ws://127.0.0.1",
    "data:",
    "blob:",
    "about:",
)


class BrowserMissing(RuntimeError):
    """Debian chromium is not installed."""


def chromium_path() -> str:
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    found = shutil.which("chromium")
    if found:
        return found
    raise BrowserMissing(
        "Debian chromium is not installed: `make test` installs it (apt-get install chromium)"
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test and benchmark output readable
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A page closed while a file was still being sent (a test moving on): not an error.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 (a free port); yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _QuietServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def launch_chromium() -> Iterator:
    """A headless Debian chromium under Playwright."""
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def block_external(context, blocked: list[str]) -> None:
    """Let local requests through; abort every other one and append its URL to ``blocked``."""

    def route(route_request):
        url = route_request.request.url
        if url.startswith(LOCAL_PREFIXES):
            route_request.continue_()
        else:
            blocked.append(url)
            route_request.abort()

    context.route("**/*", route)


def built_pages(book_html: Path) -> list[str]:
    """Every content page of the built book, relative to its root."""
    skip = {"genindex.html", "search.html"}
    return sorted(
        str(p.relative_to(book_html))
        for p in book_html.rglob("*.html")
        if p.name not in skip and "_static" not in p.parts and "_sources" not in p.parts
    )
