"""Real-browser fixtures: Debian chromium driven by Playwright, every non-local request
blocked and recorded. No browser is ever downloaded."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.browser.harness import BrowserMissing, block_external, launch_chromium, serve


@pytest.fixture(scope="session")
def book_url(book_html: Path):
    """The built book served on 127.0.0.1, as a student's browser would see it."""
    with serve(book_html) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    try:
        with launch_chromium() as chromium:
            yield chromium
    except BrowserMissing as missing:
        pytest.fail(str(missing))


@dataclass
class PageRecord:
    """What happened while a page was open: requests blocked, errors raised."""

    external_requests: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_local: list[str] = field(default_factory=list)
    in_flight: dict[str, int] = field(default_factory=dict)
    requests_seen: int = 0

    def started(self, request) -> None:
        self.requests_seen += 1
        self.in_flight[request.url] = self.in_flight.get(request.url, 0) + 1

    def ended(self, request) -> None:
        if self.in_flight.get(request.url, 0) > 1:
            self.in_flight[request.url] -= 1
        else:
            self.in_flight.pop(request.url, None)


@pytest.fixture
def open_page(browser):
    """Open a URL in a fresh context; returns (page, record)."""
    contexts = []

    def _open(url: str, wait_until: str = "load"):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        record = PageRecord()
        block_external(context, record.external_requests)
        page = context.new_page()
        page.on("pageerror", lambda error: record.page_errors.append(str(error)))
        page.on("request", record.started)
        page.on("requestfinished", record.ended)
        page.on("requestfailed", record.ended)
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


# A page's load on a 2-core machine that runs the notebooks beside the browser can be slow.
LOAD_TIMEOUT_MS = 90_000


def wait_until_settled(
    page, record: PageRecord, quiet_ms: int = 500, timeout_ms: int = LOAD_TIMEOUT_MS
) -> None:
    """Wait until every request the page has made has ended and none has started for
    ``quiet_ms``; if that never happens, fail naming the requests still open.

    The page's own events are counted rather than Chromium's "networkidle" signal, which
    under load was seen never to fire on a page with no request open."""
    deadline = time.monotonic() + timeout_ms / 1000
    quiet_since, seen = None, -1
    while True:
        page.wait_for_timeout(100)  # Playwright delivers the page's events meanwhile
        now = time.monotonic()
        if record.in_flight or record.requests_seen != seen:
            quiet_since, seen = None, record.requests_seen
        elif quiet_since is None:
            quiet_since = now
        elif now - quiet_since >= quiet_ms / 1000:
            return
        if now > deadline:
            pytest.fail(
                f"the page never went quiet in {timeout_ms / 1000:g} s; requests still "
                f"open: {sorted(record.in_flight)}"
            )
