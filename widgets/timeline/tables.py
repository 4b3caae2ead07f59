"""Tables a reader of Part IV reads: the essay's claims checked against later events."""

from __future__ import annotations

import pandas as pd

from widgets.common import html, validate

#: Column of ``data/claims_since.csv`` -> heading on the page, in the order shown.
CLAIMS_SINCE_HEADINGS: dict[str, str] = {
    "claim": "Claim (our words)",
    "assessment": "Assessment",
    "evidence": "Evidence",
    "evidence_date": "Date",
    "source": "Source",
}


def _source_cell(source: str) -> str:
    # The column holds URLs separated by spaces (one link each) or a full reference (text).
    parts = str(source).split()
    if parts and all(p.startswith(("https://", "http://")) for p in parts):
        return ", ".join(
            f'<a href="{html.escape(url)}">source {i}</a>' for i, url in enumerate(parts, start=1)
        )
    return html.escape(" ".join(parts))


def claims_since_html(claims: pd.DataFrame) -> str:
    """The since-the-essay table as HTML: one row per claim, every cell escaped."""
    validate.table(claims, "claims_since", list(CLAIMS_SINCE_HEADINGS))
    head = "".join(f'<th scope="col">{html.escape(t)}</th>' for t in CLAIMS_SINCE_HEADINGS.values())
    rows = []
    for row in claims.itertuples(index=False):
        date = row.evidence_date
        day = date.strftime("%d %b %Y") if hasattr(date, "strftime") else str(date)
        rows.append(
            "<tr>"
            f"<td>{html.escape(row.claim)}</td>"
            f"<td>{html.escape(row.assessment)}</td>"
            f"<td>{html.escape(row.evidence)}</td>"
            f'<td style="white-space:nowrap">{html.escape(day)}</td>'
            f"<td>{_source_cell(row.source)}</td>"
            "</tr>"
        )
    return (
        '<table class="table claims-since">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
