"""Real-browser fixtures: Debian chromium driven by Playwright, every non-local request
blocked and recorded. No browser is ever downloaded."""

from __future__ import annotations

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

    def started(self, request) -> None:
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


def wait_until_settled(page, record: PageRecord) -> None:
    """Wait until no request has been open for 500 ms; if that never happens, fail naming the
    requests still open, so that a hanging request is told apart from a slow page."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_load_state("networkidle", timeout=LOAD_TIMEOUT_MS)
    except PlaywrightTimeout:
        pytest.fail(
            f"the page never went quiet in {LOAD_TIMEOUT_MS // 1000} s; requests still open: "
            f"{sorted(record.in_flight) or 'none seen by the page'}"
        )
