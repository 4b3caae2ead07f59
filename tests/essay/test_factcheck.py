"""The fact-check of the essay's claims: the data file and the functions that render it."""

from __future__ import annotations

import pandas as pd
import pytest

from widgets.essay import charts as essay_charts
from widgets.essay import factcheck as essay_factcheck


@pytest.fixture(scope="module")
def claims():
    return essay_factcheck.load_claims()


def test_the_data_file_loads_and_validates(claims):
    assert list(claims.columns) == essay_factcheck.COLUMNS
    assert len(claims) >= 10
    assert set(claims["verdict"]) <= set(essay_factcheck.VERDICTS)
    assert claims["claim_id"].is_unique
    # Every row names a source and explains its verdict in more than a word or two.
    assert (claims["source"].str.len() > 10).all()
    assert (claims["explanation"].str.split().str.len() >= 15).all()


def test_the_brief_s_key_claims_are_checked(claims):
    text = " ".join(claims["essay_claim"]).lower()
    for needle in [
        "membership action plan",
        "brightest",
        "sacred",
        "world war iii",
        "nato-ization",
        "32-member",
        "conquered territory",
        "75-year",
        "state at war",
    ]:
        assert needle in text, needle


def test_the_bucharest_claim_is_rated_wrong(claims):
    row = claims.set_index("claim_id").loc["M1-1"]
    assert row.verdict == "wrong"
    assert "2008" in row.source


def test_verdict_counts_by_hand():
    table = pd.DataFrame(
        {"claim_id": ["M1-1", "M1-2", "P-1"], "verdict": ["wrong", "accurate", "accurate"]}
    )
    counts = essay_factcheck.verdict_counts(table)
    assert list(counts["verdict"]) == essay_factcheck.VERDICTS
    assert list(counts["claims"]) == [2, 0, 0, 1, 0]
    assert essay_factcheck.summary_sentence(table) == "3 claims checked: 2 accurate, 1 wrong."


def test_verdicts_by_part_orders_parts_and_verdicts():
    table = pd.DataFrame(
        {
            "claim_id": ["P-1", "M1-1", "M1-2", "M1-3"],
            "verdict": ["imprecise", "wrong", "accurate", "wrong"],
        }
    )
    by_part = essay_factcheck.verdicts_by_part(table)
    assert list(by_part["part"]) == [
        "Myth 1: ending the war",
        "Myth 1: ending the war",
        "The proposal",
    ]
    assert list(by_part["verdict"]) == ["accurate", "wrong", "imprecise"]
    assert list(by_part["claims"]) == [1, 2, 1]


@pytest.mark.parametrize("bad", ["M4-1", "X-1", "M1", "m1-1", "", None, 3])
def test_part_of_rejects_bad_ids(bad):
    with pytest.raises(ValueError, match="not a claim id"):
        essay_factcheck.part_of(bad)


def test_empty_and_unknown_verdicts_give_clear_messages():
    with pytest.raises(ValueError, match="empty"):
        essay_factcheck.verdict_counts(pd.DataFrame(columns=["claim_id", "verdict"]))
    with pytest.raises(ValueError, match="unknown verdict"):
        essay_factcheck.verdict_counts(pd.DataFrame({"claim_id": ["M1-1"], "verdict": ["true"]}))
    with pytest.raises(ValueError, match="lacks the column"):
        essay_factcheck.verdict_counts(pd.DataFrame({"claim_id": ["M1-1"]}))


def test_html_table_escapes_text_and_labels_verdicts_in_words(claims):
    html = essay_factcheck.claims_table_html(claims, caption="Checked <claims>")
    assert html.startswith('<table class="table essay-factcheck"')
    assert html.count("<col ") == 5
    assert "<caption>Checked &lt;claims&gt;</caption>" in html
    assert html.count("<tr>") == len(claims) + 1
    assert "&#x27;" in html  # apostrophes in the claims are escaped
    for verdict in set(claims["verdict"]):
        assert f">{verdict}</span>" in html
    # Deterministic: the same input gives the same markup.
    assert html == essay_factcheck.claims_table_html(claims, caption="Checked <claims>")


def test_html_table_needs_every_column():
    table = pd.DataFrame({"claim_id": ["M1-1"], "verdict": ["wrong"]})
    with pytest.raises(ValueError, match="essay_claim"):
        essay_factcheck.claims_table_html(table)


def test_verdict_chart_is_described(claims):
    spec = essay_charts.verdict_chart(essay_factcheck.verdicts_by_part(claims)).to_dict()
    assert "Stacked horizontal bar chart" in spec["description"]
    assert spec["encoding"]["x"]["title"] == "Factual claims checked (count)"
    with pytest.raises(ValueError, match="no verdicts"):
        essay_charts.verdict_chart(pd.DataFrame(columns=["part"]))
