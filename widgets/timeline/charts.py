"""Altair charts for the timeline chapter: dated events and poll series.

Both charts work in the static book without a kernel: the category filter of the
timeline is a bound dropdown whose expression Vega evaluates in the browser.

- :func:`timeline_chart` draws ``data/timeline.csv``: one point per event on a time
  axis, a row and a colour per category, a rule and a label at the essay's date, and a
  dropdown ("Show category: ") that filters the points.
- :func:`polls_chart` draws ``data/polls.csv``: one line per *series* (one pollster
  asking one question), so different questions are never joined into one line.

Bad input raises :class:`ValueError` with a message that names the problem.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

CATEGORIES = ["agreement", "nato", "war", "negotiation", "proposal", "politics"]
CATEGORY_LABELS = {
    "agreement": "Agreement",
    "nato": "NATO decision",
    "war": "War",
    "negotiation": "Negotiation",
    "proposal": "Proposal",
    "politics": "Politics",
}
ALL = "all"
ESSAY_DATE = "2024-07-01"
ESSAY_LABEL = "The essay (mid-2024)"
FILTER_PARAM = "category_filter"

TIMELINE_COLUMNS = ["date", "event", "category", "source"]
POLL_COLUMNS = ["pollster", "fieldwork_end", "country", "question", "support_pct"]


def _check_frame(frame: pd.DataFrame, columns: list[str], what: str) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"{what}: expected a pandas DataFrame, got {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{what}: missing column(s) {', '.join(missing)}")
    if frame.empty:
        raise ValueError(f"{what}: no rows to draw")


def _essay_timestamp(essay_date: str) -> pd.Timestamp:
    try:
        stamp = pd.Timestamp(essay_date)
    except (ValueError, TypeError):
        raise ValueError(f"essay date {essay_date!r} is not a date (use YYYY-MM-DD)") from None
    if pd.isna(stamp):
        raise ValueError(f"essay date {essay_date!r} is not a date (use YYYY-MM-DD)")
    return stamp


def _year_start(stamp: pd.Timestamp) -> pd.Timestamp:
    return pd.Timestamp(year=stamp.year, month=1, day=1)


def _essay_marker(essay: pd.Timestamp, dy: int, baseline: str) -> tuple[alt.Chart, alt.Chart]:
    """A dashed rule at the essay's date and its label, for layering on a time chart."""
    essay_frame = pd.DataFrame({"date": [essay], "label": [ESSAY_LABEL]})
    rule = (
        alt.Chart(essay_frame)
        .mark_rule(color="black", strokeDash=[6, 4], strokeWidth=1.5)
        .encode(x="date:T")
    )
    label = (
        alt.Chart(essay_frame)
        .mark_text(align="right", dx=-6, dy=dy, fontWeight="bold", baseline=baseline)
        .encode(x="date:T", y=alt.value(0), text="label:N")
    )
    return rule, label


def timeline_rows(events: pd.DataFrame) -> pd.DataFrame:
    """The rows the timeline draws: checked, sorted, with display labels and a year."""
    _check_frame(events, TIMELINE_COLUMNS, "timeline")
    unknown = sorted(set(events["category"]) - set(CATEGORIES))
    if unknown:
        raise ValueError(
            f"timeline: unknown category {', '.join(map(repr, unknown))}; "
            f"expected one of {', '.join(CATEGORIES)}"
        )
    dates = pd.to_datetime(events["date"], errors="coerce")
    if dates.isna().any():
        bad = events.loc[dates.isna(), "date"].iloc[0]
        raise ValueError(f"timeline: {bad!r} is not a date (use YYYY-MM-DD)")
    rows = events.assign(date=dates).sort_values(["date", "category"]).reset_index(drop=True)
    rows["category_label"] = rows["category"].map(CATEGORY_LABELS)
    rows["day"] = rows["date"].dt.strftime("%d %b %Y")
    keep = ["date", "day", "event", "category", "category_label", "source"]
    if "period" in rows.columns:
        keep.append("period")
    return rows[keep]


def timeline_chart(
    events: pd.DataFrame, essay_date: str = ESSAY_DATE, width: int = 640
) -> alt.LayerChart:
    """Events on a time axis, coloured by category, filterable with a bound dropdown."""
    rows = timeline_rows(events)
    essay = _essay_timestamp(essay_date)
    if width < 200:
        raise ValueError(f"width {width} is too small (at least 200 pixels)")

    labels = [CATEGORY_LABELS[c] for c in CATEGORIES]
    choice = alt.param(
        name=FILTER_PARAM,
        value=ALL,
        bind=alt.binding_select(
            options=[ALL, *CATEGORIES],
            labels=["All categories", *labels],
            name="Show category: ",
        ),
    )
    colour = alt.Color(
        "category_label:N",
        title="Category",
        scale=alt.Scale(domain=labels, scheme="tableau10"),
        legend=alt.Legend(orient="bottom", columns=3),
    )
    x = alt.X(
        "date:T",
        title="Date (year)",
        axis=alt.Axis(format="%Y", tickCount=12, labelAngle=0),
        scale=alt.Scale(domain=[_year_start(rows["date"].min()), rows["date"].max()], nice=True),
    )
    points = (
        alt.Chart(rows)
        .mark_point(filled=True, size=90, opacity=0.85)
        .encode(
            x=x,
            y=alt.Y("category_label:N", title=None, sort=labels),
            color=colour,
            shape=alt.Shape("category_label:N", legend=None, sort=labels),
            tooltip=[
                alt.Tooltip("day:N", title="Date"),
                alt.Tooltip("event:N", title="Event"),
                alt.Tooltip("category_label:N", title="Category"),
                alt.Tooltip("source:N", title="Source"),
            ],
        )
        .add_params(choice)
        .transform_filter(f"{FILTER_PARAM} == '{ALL}' || datum.category == {FILTER_PARAM}")
    )
    return alt.layer(points, *_essay_marker(essay, dy=-6, baseline="bottom")).properties(
        width=width,
        height=260,
        title=alt.Title(
            "Events bearing on the essay, 1991 to the latest sourced date",
            subtitle="Hover over a point for the event and its source. Dashed line: the essay.",
        ),
        description=(
            f"Timeline of {len(rows)} dated events from {rows['date'].min():%Y} to "
            f"{rows['date'].max():%B %Y}, one row per category (agreements, NATO decisions, "
            "war, negotiations, proposals, politics). A dashed vertical line marks the essay "
            "in mid-2024; a dropdown shows one category at a time."
        ),
    )


def poll_series(polls: pd.DataFrame, country: str | None = "UKR") -> pd.DataFrame:
    """Poll rows with a ``series`` label: one series per pollster and question.

    Two rows belong to the same line only if pollster, question and country agree, so
    a chart never joins answers to different questions.
    """
    _check_frame(polls, POLL_COLUMNS, "polls")
    rows = polls.copy()
    if country is not None:
        rows = rows[rows["country"] == country]
        if rows.empty:
            known = ", ".join(sorted(set(polls["country"])))
            raise ValueError(f"polls: no rows for country {country!r}; the data has {known}")
    support = pd.to_numeric(rows["support_pct"], errors="coerce")
    if support.isna().any() or ((support < 0) | (support > 100)).any():
        raise ValueError("polls: support_pct must be a number between 0 and 100 in every row")
    rows["fieldwork_end"] = pd.to_datetime(rows["fieldwork_end"], errors="coerce")
    if rows["fieldwork_end"].isna().any():
        raise ValueError("polls: fieldwork_end must be a date (YYYY-MM-DD) in every row")
    questions = {q: i for i, q in enumerate(dict.fromkeys(rows["question"]), start=1)}
    rows["question_id"] = rows["question"].map(questions)
    rows["question_short"] = rows["question"].map(_short_question)
    rows["series"] = rows["pollster"].map(_short_pollster) + " · " + rows["question_short"]
    rows["day"] = rows["fieldwork_end"].dt.strftime("%d %b %Y")
    return rows.sort_values(["series", "fieldwork_end"]).reset_index(drop=True)


SHORT_POLLSTERS = {
    "Kyiv International Institute of Sociology (KIIS)": "KIIS",
    "Rating Sociological Group": "Rating",
    "Democratic Initiatives Foundation and Razumkov Centre": "DIF and Razumkov",
}


def _short_pollster(name: str) -> str:
    return SHORT_POLLSTERS.get(name, name)


def _short_question(question: str) -> str:
    text = question.lower()
    if "referendum" in text:
        return "referendum vote"
    if "best guarantees" in text:
        return "NATO as best security guarantee"
    return question.split("?")[0][:40]


def polls_chart(
    polls: pd.DataFrame, essay_date: str = ESSAY_DATE, country: str = "UKR", width: int = 640
) -> alt.LayerChart:
    """Support for membership over time: one line per pollster and question."""
    rows = poll_series(polls, country)
    essay = _essay_timestamp(essay_date)
    if width < 200:
        raise ValueError(f"width {width} is too small (at least 200 pixels)")
    series = sorted(rows["series"].unique())
    colour = alt.Color(
        "series:N",
        title="Pollster · question",
        scale=alt.Scale(domain=series, scheme="dark2"),
        legend=alt.Legend(orient="bottom", columns=1, labelLimit=400),
    )
    base = alt.Chart(rows).encode(
        x=alt.X("fieldwork_end:T", title="End of fieldwork (year)", axis=alt.Axis(format="%Y")),
        y=alt.Y(
            "support_pct:Q",
            title="Support for joining NATO (% of respondents)",
            scale=alt.Scale(domain=[0, 100]),
        ),
        color=colour,
        detail="series:N",
    )
    tooltip = [
        alt.Tooltip("pollster:N", title="Pollster"),
        alt.Tooltip("day:N", title="Fieldwork ended"),
        alt.Tooltip("question:N", title="Question"),
        alt.Tooltip("support_pct:Q", title="Support (%)"),
    ]
    tooltip += [
        alt.Tooltip(f"{column}:{kind}", title=title)
        for column, kind, title in [("oppose_pct", "Q", "Oppose (%)"), ("source", "N", "Source")]
        if column in rows.columns
    ]
    lines = base.mark_line(strokeWidth=1.5)
    points = base.mark_point(filled=True, size=60).encode(
        shape=alt.Shape("series:N", legend=None), tooltip=tooltip
    )
    return alt.layer(lines, points, *_essay_marker(essay, dy=4, baseline="top")).properties(
        width=width,
        height=300,
        title=alt.Title(
            "Ukrainian public support for NATO membership, by pollster and question",
            subtitle="Each line is one pollster asking one question; lines are not comparable.",
        ),
        description=(
            f"Line chart of {len(rows)} published poll results in {len(series)} series "
            "(one pollster asking one question), in percent of respondents supporting NATO "
            "membership. " + series_summary(rows) + " A dashed line marks the essay in mid-2024."
        ),
    )


def series_summary(rows: pd.DataFrame) -> str:
    """One sentence per series: first and last value with their years (for screen readers)."""
    parts = []
    for name, group in rows.groupby("series", sort=True):
        first, last = group.iloc[0], group.iloc[-1]
        if len(group) == 1:
            parts.append(
                f"{name}: {first['support_pct']:g}% ({first['fieldwork_end']:%Y}, one poll)"
            )
            continue
        parts.append(
            f"{name}: {first['support_pct']:g}% ({first['fieldwork_end']:%Y}) to "
            f"{last['support_pct']:g}% ({last['fieldwork_end']:%Y})"
        )
    return "; ".join(parts) + "."
