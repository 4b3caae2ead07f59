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
from typing import Any

import pandas as pd


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
