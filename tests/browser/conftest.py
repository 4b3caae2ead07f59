"""Real-browser fixtures: Debian chromium driven by Playwright, every non-local request
blocked and recorded. No browser is ever downloaded."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest

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


def chromium_path() -> str:
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    found = shutil.which("chromium")
    if found:
        return found
    pytest.fail(
        "Debian chromium is not installed: `make test` installs it (apt-get install chromium)"
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="session")
def book_url(book_html: Path):
    """The built book served on 127.0.0.1, as a student's browser would see it."""
    port = free_port()
    handler = functools.partial(_QuietHandler, directory=str(book_html))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class PageRecord:
    """What happened while a page was open: requests blocked, errors raised."""

    external_requests: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_local: list[str] = field(default_factory=list)


@pytest.fixture
def open_page(browser):
    """Open a URL in a fresh context; returns (page, record)."""
    contexts = []

    def _open(url: str, wait_until: str = "load"):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        record = PageRecord()

        def route(route_request):
            url_ = route_request.request.url
            if url_.startswith(LOCAL_PREFIXES):
                route_request.continue_()
            else:
                record.external_requests.append(url_)
                route_request.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("pageerror", lambda error: record.page_errors.append(str(error)))
        page.on(
            "response",
            lambda response: (
                record.failed_local.append(f"{response.status} {response.url}")
                if response.status >= 400
                else None
            ),
        )
        page.goto(url, wait_until=wait_until)
        return page, record

    yield _open
    for context in contexts:
        context.close()


def built_pages(book_html: Path) -> list[str]:
    """Every content page of the built book, relative to its root."""
    skip = {"genindex.html", "search.html"}
    return sorted(
        str(p.relative_to(book_html))
        for p in book_html.rglob("*.html")
        if p.name not in skip and "_static" not in p.parts and "_sources" not in p.parts
    )
