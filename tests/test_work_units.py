"""How `make test` shares the tests between its two workers (tests/conftest.py)."""

from __future__ import annotations

from tests.conftest import work_unit


def test_every_cell_of_a_notebook_is_one_unit_and_notebooks_are_separate():
    first = work_unit("book/myths/myth1_end_the_war.ipynb::Cell 0")
    assert first == work_unit("book/myths/myth1_end_the_war.ipynb::Cell 6")
    assert first != work_unit("book/myths/myth2_keep_the_peace.ipynb::Cell 0")


def test_everything_that_needs_the_built_book_is_one_unit():
    units = {
        work_unit("tests/test_book.py::test_book_builds_without_warnings"),
        work_unit("tests/test_editions.py::test_the_student_edition_builds_strictly"),
        work_unit("tests/seminar/test_handouts.py::test_the_shared_sheets_exist_and_open"),
        work_unit("tests/browser/test_static_pages.py::test_every_chart_draws[book/intro.html]"),
        work_unit(
            "tests/browser/test_jupyterlab.py::test_explorer_reacts_to_a_slider_in_jupyterlab"
        ),
    }
    assert len(units) == 1


def test_other_tests_are_shared_out_one_by_one():
    a = work_unit("tests/explorer/test_model.py::test_a")
    b = work_unit("tests/explorer/test_model.py::test_b")
    assert a != b
    assert work_unit("tests/test_binder_like.py::test_x") == work_unit(
        "tests/test_binder_like.py::test_y"
    )
