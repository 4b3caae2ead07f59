"""The fact-check of the essay's claims: load, summarise and render ``data/essay_claims.csv``.

Pure functions on a table (no charting); :mod:`widgets.essay.charts` draws the summary.
"""

from __future__ import annotations

import re

import pandas as pd

from widgets.common import html

VERDICTS = ["accurate", "imprecise", "contested", "wrong", "not verified here"]

PARTS = {
    "M1": "Myth 1: ending the war",
    "M2": "Myth 2: keeping the peace",
    "M3": "Myth 3: a realistic option",
    "P": "The proposal",
    "D": "Dating and context",
}

_CLAIM_ID = re.compile(r"(M1|M2|M3|P|D)-[0-9]+")

# Background colours for the verdict labels (the label text always names the verdict,
# so colour is never the only cue). Chosen for contrast with black text.
VERDICT_COLOURS = {
    "accurate": "#b7e1cd",
    "imprecise": "#fce8b2",
    "contested": "#d9d2e9",
    "wrong": "#f4c7c3",
    "not verified here": "#e0e0e0",
}

# Relative widths of the rendered columns: id, claim, verdict, explanation, source.
_COLUMN_WIDTHS = ["9%", "21%", "13%", "35%", "22%"]

COLUMNS = ["claim_id", "essay_claim", "verdict", "explanation", "source", "source_date"]


def load_claims() -> pd.DataFrame:
    """The fact-check table, validated against its descriptor in ``data/datapackage.json``."""
    from widgets.data import load_resource

    return load_resource("essay_claims")


def part_of(claim_id: str) -> str:
    """The part of the essay a claim belongs to, from its id (``"M1-2"`` -> Myth 1)."""
    if not isinstance(claim_id, str) or not _CLAIM_ID.fullmatch(claim_id):
        raise ValueError(
            f"{claim_id!r} is not a claim id: expected M1, M2, M3, P or D, a hyphen and a number"
        )
    return PARTS[claim_id.split("-")[0]]


def _check(claims: pd.DataFrame) -> None:
    if claims is None or len(claims) == 0:
        raise ValueError("the fact-check table is empty")
    missing = [c for c in ("claim_id", "verdict") if c not in claims.columns]
    if missing:
        raise ValueError(f"the fact-check table lacks the column(s): {', '.join(missing)}")
    unknown = sorted(set(claims["verdict"]) - set(VERDICTS))
    if unknown:
        raise ValueError(
            f"unknown verdict(s): {', '.join(map(repr, unknown))}; allowed: {', '.join(VERDICTS)}"
        )


def verdict_counts(claims: pd.DataFrame) -> pd.DataFrame:
    """How many claims got each verdict, in the fixed order of :data:`VERDICTS` (zeros kept)."""
    _check(claims)
    counts = claims["verdict"].value_counts()
    return pd.DataFrame({"verdict": VERDICTS, "claims": [int(counts.get(v, 0)) for v in VERDICTS]})


def verdicts_by_part(claims: pd.DataFrame) -> pd.DataFrame:
    """Counts of claims by part of the essay and verdict (only combinations that occur)."""
    _check(claims)
    table = claims.assign(part=claims["claim_id"].map(part_of))
    grouped = table.groupby(["part", "verdict"], sort=False).size().rename("claims").reset_index()
    grouped["part_order"] = grouped["part"].map({p: i for i, p in enumerate(PARTS.values())})
    grouped["verdict_order"] = grouped["verdict"].map({v: i for i, v in enumerate(VERDICTS)})
    return grouped.sort_values(["part_order", "verdict_order"]).reset_index(drop=True)


def summary_sentence(claims: pd.DataFrame) -> str:
    """One sentence stating the counts, e.g. for a screen-reader description or prose."""
    counts = verdict_counts(claims)
    parts = [f"{row.claims} {row.verdict}" for row in counts.itertuples() if row.claims]
    return f"{len(claims)} claims checked: " + ", ".join(parts) + "."


def claims_table_html(claims: pd.DataFrame, caption: str | None = None) -> str:
    """The fact-check as an accessible HTML table (deterministic markup, escaped text)."""
    _check(claims)
    missing = [c for c in COLUMNS if c not in claims.columns]
    if missing:
        raise ValueError(f"the fact-check table lacks the column(s): {', '.join(missing)}")
    esc = html.escape
    head = (
        "<thead><tr>"
        '<th scope="col">Id</th><th scope="col">The essay says</th>'
        '<th scope="col">Verdict</th><th scope="col">Why</th>'
        '<th scope="col">Source (date)</th>'
        "</tr></thead>"
    )
    rows = []
    for row in claims.itertuples(index=False):
        date = row.source_date
        date_text = date.strftime("%Y-%m-%d") if hasattr(date, "strftime") else str(date)
        colour = VERDICT_COLOURS[row.verdict]
        rows.append(
            "<tr>"
            f'<th scope="row" style="white-space:nowrap">{esc(row.claim_id)}</th>'
            f"<td>{esc(row.essay_claim)}</td>"
            f'<td><span class="essay-verdict" style="background:{colour};color:#000;'
            f'padding:0 0.3em;border-radius:3px;display:inline-block">'
            f"{esc(row.verdict)}</span></td>"
            f"<td>{esc(row.explanation)}</td>"
            f"<td>{esc(row.source)} ({esc(date_text)})</td>"
            "</tr>"
        )
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    cols = "".join(f'<col style="width:{w}">' for w in _COLUMN_WIDTHS)
    return (
        '<table class="table essay-factcheck" style="table-layout:fixed;width:100%;'
        'font-size:0.85em;overflow-wrap:anywhere">'
        + cap
        + f"<colgroup>{cols}</colgroup>"
        + head
        + "<tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )
