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
