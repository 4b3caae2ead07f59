"""axe-core over every page: no serious or critical accessibility violation."""

from __future__ import annotations

import pytest

from tests.browser.conftest import wait_until_settled
from tests.browser.pages import toc_pages
from tests.browser.test_static_pages import wait_for_charts

pytestmark = pytest.mark.browser
BLOCKING_IMPACTS = {"serious", "critical"}


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def describe(violation: dict) -> str:
    targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
    return f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}"


@pytest.mark.parametrize("path", toc_pages())
def test_no_serious_accessibility_violations(open_page, book_url, axe, path):
    page, record = open_page(f"{book_url}/{path}")
    wait_for_charts(page)
    wait_until_settled(page, record)
    violations = axe.run(page).response["violations"]
    blocking = [describe(v) for v in violations if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, "\n".join(blocking)
