"""Helpers for the seminar kit's assignment notebooks: pure functions, no UI, no charts.

- memos: :func:`word_count` and :func:`memo_report` (words per section against limits);
- argument maps: a map is plain data (a dict, see :func:`validate_argument_map`) that
  :func:`argument_map_rows` flattens into numbered nodes and :func:`argument_map_outline`
  prints as an indented outline;
- exported explorer scenarios: :func:`scenario_table`, :func:`weights_table` and
  :func:`flip_table` read a scenario imported with :mod:`widgets.explorer.scenario`, and
  :func:`collect_scenarios` reads a folder of handed-in files into one table.

Bad input raises :class:`SeminarError` (a ``ValueError``) with a message that says what to
fix; nothing here prints a traceback at a student.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from widgets.common.paths import REPO_ROOT
from widgets.explorer import legacy_model as m
from widgets.explorer import legacy_scenario as sc


class SeminarError(ValueError):
    """Input that an assignment helper cannot use; the message says what to fix."""


# --------------------------------------------------------------------------- memos

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*", re.UNICODE)


def word_count(text: Any) -> int:
    """Words in ``text``: runs of letters or digits, joined by apostrophes or hyphens.

    Markdown symbols (``#``, ``*``, ``|``) and citation brackets are not words;
    "Article-5-like" and "Ukraine's" count as one word each.
    """
    if not isinstance(text, str):
        raise SeminarError(f"expected text (a string), got {type(text).__name__}")
    return len(_WORD.findall(text))


def memo_report(
    sections: Mapping[str, Any],
    limits: Mapping[str, int] | None = None,
    total_limit: int | None = None,
) -> pd.DataFrame:
    """Words per memo section, against per-section limits and a total limit.

    Columns: ``section``, ``words``, ``limit`` (empty when none), ``status`` ("ok",
    "over by N", "empty"). The last row is the total.
    """
    if not isinstance(sections, Mapping) or not sections:
        raise SeminarError("the memo has no sections: give a dict {section title: text}")
    limits = dict(limits or {})
    unknown = [k for k in limits if k not in sections]
    if unknown:
        raise SeminarError(
            f"a limit is set for a section the memo does not have: {unknown[0]!r}; "
            f"the memo's sections are: {', '.join(map(repr, sections))}"
        )
    for name, limit in [*limits.items(), ("total", total_limit)]:
        if limit is None:
            continue
        if isinstance(limit, bool) or not isinstance(limit, int) or limit <= 0:
            raise SeminarError(f"the word limit for {name!r} must be a whole number above 0")
    rows = []
    for title, text in sections.items():
        if not isinstance(title, str) or not title.strip():
            raise SeminarError("every section needs a title (a non-empty string)")
        try:
            words = word_count(text)
        except SeminarError:
            raise SeminarError(
                f"section {title!r}: expected text, got {type(text).__name__}"
            ) from None
        rows.append(_memo_row(title, words, limits.get(title)))
    total = sum(r["words"] for r in rows)
    rows.append(_memo_row("total", total, total_limit))
    return pd.DataFrame(rows, columns=["section", "words", "limit", "status"])


def _memo_row(title: str, words: int, limit: int | None) -> dict[str, Any]:
    if words == 0:
        status = "empty"
    elif limit is not None and words > limit:
        status = f"over by {words - limit}"
    else:
        status = "ok"
    return {
        "section": title,
        "words": words,
        "limit": "" if limit is None else limit,
        "status": status,
    }


# --------------------------------------------------------------------------- argument maps

#: Labels used in the outline and the chart.
KIND_LABELS: dict[str, str] = {
    "claim": "Main claim",
    "reason": "Reason",
    "evidence": "Evidence",
    "assumption": "Unstated assumption",
    "objection": "Objection",
    "reply": "Reply",
}


def validate_argument_map(amap: Any) -> dict[str, Any]:
    """Check the shape of an argument map and return it.

    A map is ``{"claim": text, "reasons": [reason, ...]}``; a reason is
    ``{"text": text, "evidence": [text, ...], "assumptions": [text, ...],
    "objections": [objection, ...]}`` (the three lists optional); an objection is
    ``{"text": text, "replies": [text, ...]}`` (replies optional). Every text must be
    non-empty.
    """
    if not isinstance(amap, Mapping):
        raise SeminarError(
            f"an argument map must be a dict with 'claim' and 'reasons', got {type(amap).__name__}"
        )
    _only_keys(amap, ("claim", "reasons"), "the map")
    _text(amap.get("claim"), "the map's 'claim'")
    reasons = amap.get("reasons")
    if not isinstance(reasons, list) or not reasons:
        raise SeminarError("the map's 'reasons' must be a non-empty list of reasons")
    for i, reason in enumerate(reasons, start=1):
        where = f"reason {i}"
        if not isinstance(reason, Mapping):
            raise SeminarError(f"{where}: must be a dict with at least 'text'")
        _only_keys(reason, ("text", "evidence", "assumptions", "objections"), where)
        _text(reason.get("text"), f"{where}: 'text'")
        for key in ("evidence", "assumptions"):
            for j, item in enumerate(_list(reason, key, where), start=1):
                _text(item, f"{where}, {key} {j}")
        for j, objection in enumerate(_list(reason, "objections", where), start=1):
            owhere = f"{where}, objection {j}"
            if not isinstance(objection, Mapping):
                raise SeminarError(f"{owhere}: must be a dict with at least 'text'")
            _only_keys(objection, ("text", "replies"), owhere)
            _text(objection.get("text"), f"{owhere}: 'text'")
            for k, reply in enumerate(_list(objection, "replies", owhere), start=1):
                _text(reply, f"{owhere}, reply {k}")
    return dict(amap)


def _only_keys(obj: Mapping, allowed: Sequence[str], where: str) -> None:
    extra = [k for k in obj if k not in allowed]
    if extra:
        raise SeminarError(f"{where}: unexpected key {extra[0]!r}; allowed: {', '.join(allowed)}")


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise SeminarError(f"{where} must be a non-empty text")
    return value.strip()


def _list(obj: Mapping, key: str, where: str) -> list:
    value = obj.get(key, [])
    if not isinstance(value, list):
        raise SeminarError(f"{where}: {key!r} must be a list (use [] for none)")
    return value


def argument_map_rows(amap: Any) -> pd.DataFrame:
    """The map as numbered nodes, in reading order.

    Columns: ``node`` ("0" for the claim, then "1", "1.e1", "1.a1", "1.o1", "1.o1.r1"),
    ``kind``, ``text``, ``parent`` (node id, "" for the claim), ``depth``.
    """
    amap = validate_argument_map(amap)
    rows = [{"node": "0", "kind": "claim", "text": amap["claim"].strip(), "parent": "", "depth": 0}]
    for i, reason in enumerate(amap["reasons"], start=1):
        rid = str(i)
        rows.append(
            {
                "node": rid,
                "kind": "reason",
                "text": reason["text"].strip(),
                "parent": "0",
                "depth": 1,
            }
        )
        for prefix, key, kind in (
            ("e", "evidence", "evidence"),
            ("a", "assumptions", "assumption"),
        ):
            for j, item in enumerate(reason.get(key, []), start=1):
                rows.append(
                    {
                        "node": f"{rid}.{prefix}{j}",
                        "kind": kind,
                        "text": item.strip(),
                        "parent": rid,
                        "depth": 2,
                    }
                )
        for j, objection in enumerate(reason.get("objections", []), start=1):
            oid = f"{rid}.o{j}"
            rows.append(
                {
                    "node": oid,
                    "kind": "objection",
                    "text": objection["text"].strip(),
                    "parent": rid,
                    "depth": 2,
                }
            )
            for k, reply in enumerate(objection.get("replies", []), start=1):
                rows.append(
                    {
                        "node": f"{oid}.r{k}",
                        "kind": "reply",
                        "text": reply.strip(),
                        "parent": oid,
                        "depth": 3,
                    }
                )
    return pd.DataFrame(rows, columns=["node", "kind", "text", "parent", "depth"])


def argument_map_outline(amap: Any) -> str:
    """The map as an indented plain-text outline, one node a line."""
    rows = argument_map_rows(amap)
    lines = []
    for row in rows.itertuples(index=False):
        indent = "    " * int(row.depth)
        lines.append(f"{indent}[{row.node}] {KIND_LABELS[row.kind]}: {row.text}")
    return "\n".join(lines)


def argument_map_counts(amap: Any) -> dict[str, int]:
    """How many nodes of each kind the map has (every kind listed, zeros included)."""
    rows = argument_map_rows(amap)
    counts = rows["kind"].value_counts()
    return {kind: int(counts.get(kind, 0)) for kind in KIND_LABELS}


# --------------------------------------------------------------------------- scenarios


def scenario_results(scenario: sc.Scenario, data: m.ExplorerData) -> list[m.Result]:
    """Evaluate the scenario's own settlement and the ones it was compared with."""
    if not isinstance(scenario, sc.Scenario):
        raise SeminarError(
            "expected a scenario imported with widgets.explorer.scenario.import_json, "
            f"got {type(scenario).__name__}"
        )
    settlements = [scenario.settlement, *scenario.compared]
    try:
        return m.evaluate(data, settlements, scenario.weights, scenario.estimates)
    except m.ExplorerError as error:
        raise SeminarError(f"the scenario cannot be scored: {error}") from None


def scenario_table(scenario: sc.Scenario, data: m.ExplorerData) -> pd.DataFrame:
    """One row per settlement in the scenario (the student's own first), with the
    indicators a defence needs, the weighted score (0 to 1) and the rank (1 = best)."""
    rows = []
    for i, result in enumerate(scenario_results(scenario, data)):
        s, ind = result.settlement, result.indicators
        rows.append(
            {
                "settlement": s.name + (" (defended)" if i == 0 else ""),
                "arrangement": m.ARRANGEMENTS[s.arrangement],
                "features": ", ".join(m.FEATURES[f] for f in sorted(s.features)) or "none",
                "territory held (%)": round(ind.held_pct, 1),
                "people under occupation (%)": round(ind.people_occupied_pct, 1),
                "risk of renewed war (%)": round(ind.risk_pct, 1),
                "score": round(result.score, 3),
                "rank": result.rank,
            }
        )
    return pd.DataFrame(rows)


def weights_table(scenario: sc.Scenario) -> pd.DataFrame:
    """The student's weights, with each one's share of the total weight (percent)."""
    if not isinstance(scenario, sc.Scenario):
        raise SeminarError(f"expected a scenario, got {type(scenario).__name__}")
    weights = {k: float(scenario.weights.get(k, 0.0)) for k in m.CRITERIA}
    total = sum(weights.values())
    return pd.DataFrame(
        [
            {
                "criterion": m.CRITERIA[k],
                "weight": w,
                "share of total (%)": round(100 * w / total, 1) if total else 0.0,
            }
            for k, w in weights.items()
        ]
    )


def flip_table(scenario: sc.Scenario, data: m.ExplorerData) -> pd.DataFrame:
    """For each criterion, the nearest weight at which two settlements swap places.

    Empty ``flips at`` means no swap happens anywhere between 0 and the largest weight:
    the ranking does not depend on that weight alone.
    """
    results = scenario_results(scenario, data)
    nearest = m.nearest_flips(m.flip_points(results, scenario.weights))
    rows = []
    for k, label in m.CRITERIA.items():
        flip = nearest[k]
        rows.append(
            {
                "criterion": label,
                "your weight": float(scenario.weights.get(k, 0.0)),
                "flips at": "" if flip is None else round(flip.weight, 2),
                "ahead below": "" if flip is None else flip.a,
                "ahead above": "" if flip is None else flip.b,
            }
        )
    return pd.DataFrame(rows)


def load_scenario_file(path: Any, data: m.ExplorerData) -> sc.Scenario:
    """Read and import one exported scenario file (raises :class:`SeminarError`)."""
    path = Path(path)
    if not path.is_file():
        raise SeminarError(f"no scenario file at {str(path)!r}: check the name and the folder")
    try:
        return sc.import_json(path.read_bytes(), data)
    except sc.ScenarioError as error:
        raise SeminarError(f"{path.name}: {error}") from None


def collect_scenarios(folder: Any, data: m.ExplorerData) -> pd.DataFrame:
    """Every ``*.json`` file in ``folder``, one row each, sorted by file name.

    A file that cannot be imported gets a row with its error message instead of a score,
    so one bad file never stops the instructor's table.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise SeminarError(f"no folder at {str(folder)!r}")
    rows = []
    for path in sorted(folder.glob("*.json")):
        row = {
            "file": path.name,
            "settlement": "",
            "arrangement": "",
            "score": None,
            "rank": None,
            "problem": "",
        }
        try:
            scenario = load_scenario_file(path, data)
            own = scenario_results(scenario, data)[0]
        except SeminarError as error:
            row["problem"] = str(error)
        else:
            row.update(
                settlement=own.settlement.name,
                arrangement=m.ARRANGEMENTS[own.settlement.arrangement],
                score=round(own.score, 3),
                rank=own.rank,
            )
        rows.append(row)
    if not rows:
        raise SeminarError(f"no .json files in {str(folder)!r}")
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- example file

#: Where the seminar kit ships its example scenario (``defend_a_line.ipynb`` loads it).
EXAMPLE_SCENARIO_PATH = REPO_ROOT / ("book/seminar/assignments/example_scenario_v1.json")

EXAMPLE_NOTE = (
    "Example made for the seminar kit, not a recommendation. I defend a ceasefire on the "
    "latest line of contact with neutrality, guarantees short of Article 5, monitors, a "
    "third-party guarantee and a detailed agreement. My weights put the risk of renewed war "
    "first and territory and people next; my risk estimates are my own judgement, not "
    "research findings."
)


def example_scenario(data: m.ExplorerData) -> sc.Scenario:
    """The example scenario shipped with the kit: one defended line and three it is compared
    with (the role-play's packages P1 to P4). Weights and estimates are illustrative."""
    defended = m.preset_settlement(
        data,
        "line_latest",
        "neutrality_guarantees",
        ["monitors", "third_party_guarantee", "detailed_agreement"],
        name="P1 Freeze and guarantee",
    )
    compared = (
        m.preset_settlement(
            data,
            "us_draft_2025_11",
            "neutrality_guarantees",
            ["buffer_zone", "monitors"],
            name="P2 Donetsk for a ceasefire",
        ),
        m.preset_settlement(
            data, "line_latest", "nato_path", ["monitors"], name="P3 Door left open"
        ),
        m.preset_settlement(data, "line_latest", "frozen_conflict", [], name="P4 No deal"),
    )
    weights = {
        "territory": 2.0,
        "people": 2.0,
        "economy": 1.0,
        "sea": 1.0,
        "assets": 1.0,
        "risk": 3.0,
        "alignment": 0.5,
    }
    estimates = m.Estimates(
        base_risk_pct={
            "neutrality_guarantees": 35.0,
            "nato_path": 55.0,
            "armed_neutrality": 45.0,
            "frozen_conflict": 70.0,
        },
        feature_effect_pct={
            "buffer_zone": 10.0,
            "monitors": 15.0,
            "third_party_guarantee": 20.0,
            "detailed_agreement": 10.0,
        },
    )
    return sc.Scenario(defended, weights, estimates, compared, note=EXAMPLE_NOTE)


def write_example_scenario(path: Any = EXAMPLE_SCENARIO_PATH) -> Path:
    """(Re)write the shipped example file from the current data."""
    path = Path(path)
    text = sc.export_json(example_scenario(m.ExplorerData.load()))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":  # python -m widgets.seminar.model: refresh the example file
    print(f"wrote {write_example_scenario()}")
