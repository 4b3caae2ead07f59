"""The browser harness itself: its wait for a quiet page can tell a busy page from a done one."""

from __future__ import annotations

import pytest

from tests.browser.conftest import wait_until_settled
from tests.browser.harness import serve

pytestmark = pytest.mark.browser

BUSY = "<title>busy</title><script>setInterval(() => fetch('ping.txt?' + Date.now()), 150)</script>"
DONE = "<title>done</title><script>fetch('ping.txt')</script>"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("site")
    (folder / "busy.html").write_text(BUSY)
    (folder / "done.html").write_text(DONE)
    (folder / "ping.txt").write_text("pong")
    with serve(folder) as url:
        yield url


def test_a_page_that_keeps_asking_never_settles(open_page, site):
    page, record = open_page(f"{site}/busy.html")
    with pytest.raises(pytest.fail.Exception, match="never went quiet"):
        wait_until_settled(page, record, timeout_ms=3_000)
    assert record.requests_seen > 5


def test_a_page_whose_requests_have_ended_settles(open_page, site):
    page, record = open_page(f"{site}/done.html")
    wait_until_settled(page, record, timeout_ms=10_000)
    assert record.in_flight == {}
    assert record.failed_local == []
