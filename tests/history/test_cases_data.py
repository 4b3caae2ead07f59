"""The historical case tables: sourced, dated, and the quiz counts equal what the data give."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from widgets import data
from widgets.common.dates import currency_date
from widgets.history.charts import case_spans

QUIZZES = Path(__file__).resolve().parents[2] / "book" / "alternative" / "quizzes"


def _urls(source: str) -> list[str]:
    return [part.strip() for part in source.split(" ; ") if part.strip()]


@pytest.mark.parametrize("resource", ["neutrality_cases", "ceasefire_cases"])
def test_every_case_names_sources_it_was_read_from(resource):
    cases = data.load_resource(resource)
    assert len(cases) > 0
    for row in cases.itertuples():
        urls = _urls(row.source)
        assert urls, row.case
        assert all(u.startswith("http") for u in urls), row.case


def test_ceasefires_are_dated_in_order_and_not_after_the_currency_date():
    cases = data.load_resource("ceasefire_cases")
    last_day = pd.Timestamp(currency_date())
    assert (cases["signed"] <= last_day).all()
    ended = cases.dropna(subset=["ended"])
    assert (ended["ended"] > ended["signed"]).all()
    assert (ended["ended"] <= last_day).all()


def test_each_ceasefire_is_read_both_ways():
    cases = data.load_resource("ceasefire_cases")
    assert (cases["for_the_essay"].str.len() > 0).all()
    assert (cases["against_the_essay"].str.len() > 0).all()


def _numeric_answer(quiz: str, start: str) -> float:
    questions = json.loads((QUIZZES / quiz).read_text(encoding="utf-8"))
    (question,) = [q for q in questions if q["question"].startswith(start)]
    (value,) = [a["value"] for a in question["answers"] if a.get("correct") and "value" in a]
    return value


def test_ceasefire_quiz_count_equals_the_data():
    cases = data.load_resource("ceasefire_cases")
    answer = _numeric_answer("durable_ceasefires.json", "Of the Russia-involved post-Soviet")
    assert answer == int(cases["ended"].notna().sum())


def test_neutrality_quiz_count_equals_the_chart():
    spans = case_spans(data.load_resource("neutrality_cases"))
    answer = _numeric_answer("neutrality_history.json", "How many of the arrangements")
    assert answer == int(spans["ongoing"].sum())
