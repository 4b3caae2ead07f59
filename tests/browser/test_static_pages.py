"""Every page of the static book, opened in Debian chromium with the network cut off."""

from __future__ import annotations

import pytest

from tests.browser.conftest import LOAD_TIMEOUT_MS, wait_until_settled
from tests.browser.pages import pages_whose_source_has, toc_pages

pytestmark = pytest.mark.browser
PAGES = toc_pages()
CHART_TIMEOUT_MS = 10_000
BINDING_NAME_JS = (
    "e => (e.closest('.vega-bind') || e).querySelector('.vega-bind-name')?.textContent || ''"
)


def chart_count(page) -> int:
    return page.locator("div[id^='altair-viz']").count()


def wait_for_charts(page) -> int:
    charts = chart_count(page)
    if charts:
        page.wait_for_function(
            """n => [...document.querySelectorAll("div[id^='altair-viz']")]
                   .filter(d => d.querySelector('svg.marks, canvas.marks')).length === n""",
            arg=charts,
            timeout=CHART_TIMEOUT_MS,
        )
    return charts


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_offline_without_errors(open_page, book_url, path):
    page, record = open_page(f"{book_url}/{path}")
    wait_until_settled(page, record)
    assert page.locator("main h1").count() >= 1, "the page has no title"
    assert record.external_requests == [], "the page asked the network"
    assert record.page_errors == [], "the page raised script errors"
    assert record.failed_local == [], "a local file is missing"


def test_the_search_page_finds_a_word_of_the_book(open_page, book_url):
    page, record = open_page(f"{book_url}/search.html?q=neutrality")
    results = page.locator("#search-results li")
    results.first.wait_for(timeout=LOAD_TIMEOUT_MS)
    assert results.count() >= 3
    assert record.page_errors == []


@pytest.mark.parametrize("path", PAGES)
def test_every_chart_draws(open_page, book_url, path):
    page, record = open_page(f"{book_url}/{path}")
    charts = wait_for_charts(page)
    if not charts:
        pytest.skip("no chart on this page")
    errors = page.locator("div[id^='altair-viz'] .error").all_inner_texts()
    assert errors == []
    # Every chart carries a text description for screen readers.
    for index in range(charts):
        chart = page.locator("div[id^='altair-viz']").nth(index)
        label = chart.get_attribute("aria-label") or ""
        assert label.strip(), f"chart {index + 1} has no text description"
    assert record.page_errors == []


def _bound_inputs(page):
    return page.locator(".vega-bindings input, .vega-bindings select")


def _change_input(page, element) -> str:
    """Change one bound control the way a keyboard user would; return its kind."""
    kind = element.evaluate("e => e.tagName === 'SELECT' ? 'select' : e.type")
    if kind == "range":
        element.focus()
        value = element.input_value()
        for key in ("ArrowRight", "ArrowLeft"):
            for _ in range(5):
                page.keyboard.press(key)
            if element.input_value() != value:
                break
    elif kind == "select":
        options = element.evaluate("e => [...e.options].map(o => o.value)")
        current = element.input_value()
        element.select_option(next(o for o in options if o != current))
    elif kind in {"checkbox", "radio"}:
        if kind == "radio" and element.is_checked():
            return kind  # a radio already chosen changes nothing; its siblings are tried
        element.focus()
        page.keyboard.press("Space")
    else:
        element.fill("1")
    return kind


@pytest.mark.parametrize("path", PAGES)
def test_bound_controls_redraw_their_chart(open_page, book_url, path):
    """On every page with in-browser controls, changing any control changes its chart."""
    page, record = open_page(f"{book_url}/{path}")
    wait_for_charts(page)
    inputs = _bound_inputs(page)
    if not inputs.count():
        pytest.skip("no in-browser controls on this page")
    for index in range(inputs.count()):
        element = inputs.nth(index)
        chart = element.locator("xpath=ancestor::div[starts-with(@id, 'altair-viz')]")
        before = chart.locator("svg.marks").inner_html()
        kind = _change_input(page, element)
        if (
            kind == "radio"
            and element.is_checked()
            and before == chart.locator("svg.marks").inner_html()
        ):
            continue
        page.wait_for_timeout(150)
        after = chart.locator("svg.marks").inner_html()
        name = element.evaluate(BINDING_NAME_JS)
        assert after != before, f"moving the {kind} control {name!r} did not change the chart"
        assert name.strip(), f"a {kind} control has no visible name"
    assert record.page_errors == []


@pytest.mark.parametrize("path", pages_whose_source_has("display_quiz"))
def test_quizzes_answer(open_page, book_url, path):
    """Every question of every quiz gives feedback when answered, with no kernel."""
    page, record = open_page(f"{book_url}/{path}")
    page.locator(".Quiz").first.wait_for(timeout=5000)
    questions = page.locator(".Quiz")
    assert questions.count() > 0
    for question in questions.all():
        choices = question.locator(".MCButton")
        if choices.count():
            choices.first.click()
        else:
            box = question.locator("input.Input-text")
            box.fill("0")
            box.press("Enter")
        feedback = question.locator(".Feedback").first
        assert feedback.inner_text().strip(), "an answered question gave no feedback"
    assert record.page_errors == []


@pytest.mark.parametrize("path", pages_whose_source_has("{solution}"))
def test_hidden_solutions_open(open_page, book_url, path):
    page, record = open_page(f"{book_url}/{path}")
    solutions = page.locator("div.solution.dropdown")
    assert solutions.count() > 0, "the source has solutions but the page shows none"
    for index in range(solutions.count()):
        solution = solutions.nth(index)
        body = solution.locator("section").first
        assert not body.is_visible(), "a solution is visible before it is opened"
        solution.locator(".admonition-title").click()
        body.wait_for(state="visible", timeout=2000)
    assert record.page_errors == []
