"""The essay's argument as a tree: its claim, premises, reasons, proposal and unstated assumptions.

Pure data and layout, no charting: :func:`argument_nodes` returns the map as a table
(one row per node, each pointing at its parent) and :func:`tree_layout` places the nodes
as an indented tree, one row per node, so that every label has a line of its own.
:mod:`widgets.essay.charts` draws the result.

The wording is the module team's paraphrase of the essay, not a quotation.
"""

from __future__ import annotations

import pandas as pd

from widgets.common.tree import elbow_edges, layout_tree

# Kinds of node, in the order the legend lists them.
KINDS = [
    "main claim",
    "premise",
    "reason",
    "evidence",
    "proposal",
    "proposal element",
    "unstated assumption",
]

# (id, parent, kind, label, fact-check rows in data/essay_claims.csv)
_ARGUMENT: list[tuple[str, str | None, str, str, str]] = [
    (
        "C",
        None,
        "main claim",
        "Ukraine should not seek NATO membership now; negotiated neutrality is its best option",
        "",
    ),
    ("M1", "C", "premise", "Myth 1 rejected: membership cannot end the war", ""),
    (
        "M1a",
        "M1",
        "reason",
        "Moscow will accept no endgame that puts Ukraine in NATO",
        "",
    ),
    (
        "M1b",
        "M1",
        "evidence",
        "Fear of Ukraine's drift toward NATO helped drive the war; warned of since 2008",
        "M1-1, M1-2, M1-3",
    ),
    (
        "M1c",
        "M1",
        "reason",
        "NATO will not admit a state at war with Russia",
        "M1-4, M1-5",
    ),
    (
        "M1d",
        "M1",
        "reason",
        "So pressing for membership gives Moscow a reason to keep fighting",
        "",
    ),
    (
        "M1e",
        "M1d",
        "unstated assumption",
        "Moscow must think membership could still come, though Myth 3 says it never will",
        "M3-2, M3-3",
    ),
    ("M2", "C", "premise", "Myth 2 rejected: membership would not reliably keep the peace", ""),
    (
        "M2a",
        "M2",
        "reason",
        "A US pledge to defend Ukraine would lack credibility",
        "M2-1, M2-2",
    ),
    (
        "M2b",
        "M2",
        "evidence",
        "Cold War credibility rested on US nuclear planning for Europe",
        "",
    ),
    (
        "M2c",
        "M2",
        "reason",
        "Moscow would find the new status quo intolerable, probe it and risk escalation",
        "",
    ),
    ("M3", "C", "premise", "Myth 3 rejected: membership is not politically possible", ""),
    (
        "M3a",
        "M3",
        "reason",
        "Accession needs the consensus of all 32 allies",
        "M3-3",
    ),
    (
        "M3b",
        "M3",
        "evidence",
        "The US president and several allies oppose it",
        "M3-1, M3-2",
    ),
    (
        "M3c",
        "M3",
        "reason",
        "A vague promise repeats Bucharest 2008: exposure without protection",
        "M1-1",
    ),
    ("P", "C", "proposal", "Proposal: trade neutrality, for now, for Russian concessions", ""),
    (
        "Pa",
        "P",
        "reason",
        "Russia's anxiety about NATO is leverage; it reportedly offered territory in 2022",
        "P-1",
    ),
    (
        "Pb",
        "P",
        "proposal element",
        "Likely terms: a ceasefire near current lines; Ukraine keeps most land and sea access",
        "",
    ),
    (
        "Pc",
        "P",
        "proposal element",
        "Support short of alliance: arms guarantees, reconstruction money, EU accession",
        "",
    ),
    (
        "Pd",
        "P",
        "evidence",
        "Neutrality need not be forever: Finland's path to NATO",
        "P-2",
    ),
    ("A", "C", "unstated assumption", "Unstated assumptions the argument needs", ""),
    (
        "Aa",
        "A",
        "unstated assumption",
        "Russia's aims are limited and can be met by Ukraine's neutrality",
        "",
    ),
    (
        "Ab",
        "A",
        "unstated assumption",
        "Russia would keep a deal, and neutrality can be verified",
        "",
    ),
    (
        "Ac",
        "A",
        "unstated assumption",
        "Guarantees short of Article 5, plus arms, would deter a new attack",
        "",
    ),
    (
        "Ad",
        "A",
        "unstated assumption",
        "Western arms, money and the EU path continue after a deal",
        "",
    ),
    (
        "Ae",
        "A",
        "unstated assumption",
        "Time favours Russia: a later deal would be worse for Ukraine",
        "",
    ),
]


# Pairs of nodes whose truth is not independent: (first node, second node, how they interact).
# The map draws a tree, which suggests separate lines of support; these links say where one
# premise leans on, or pulls against, another.
_TENSIONS: list[tuple[str, str, str]] = [
    (
        "M1d",
        "M3",
        "Myth 1 needs Moscow to fear that membership could still happen once the guns fall "
        "silent; Myth 3 says it will realistically never be granted. The more surely Myth 3 "
        "holds, the weaker the incentive Myth 1 describes, unless Moscow reads the alliance "
        "differently from the essay.",
    ),
    (
        "Pa",
        "M3",
        "The proposal's bargaining chip is worth something only while Moscow believes "
        "membership could happen. If Myth 3 is right and Moscow knows it, Ukraine would be "
        "offering to give up what Moscow already expects it never to get.",
    ),
    (
        "M2a",
        "Pc",
        "Myth 2 doubts a US promise to defend Ukraine; the proposal relies on Western promises "
        "of arms and money after a deal. Both are promises by the same governments, so doubt "
        "about one bears on the other.",
    ),
]


def premise_tensions(
    tensions: list[tuple[str, str, str]] | None = None, nodes: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Where the essay's premises depend on each other: columns ``first``, ``second``
    (node ids of :func:`argument_nodes`), ``first_label``, ``second_label`` and ``tension``.

    Defaults to the module's own reading; pass ``tensions`` (and ``nodes``) to check another.
    Raises ``ValueError`` naming any node id that is not in the map.
    """
    nodes = argument_nodes() if nodes is None else nodes
    labels = dict(zip(nodes["id"], nodes["label"], strict=True))
    rows = []
    for first, second, tension in _TENSIONS if tensions is None else tensions:
        missing = [n for n in (first, second) if n not in labels]
        if missing:
            raise ValueError(f"tension names unknown node(s): {', '.join(missing)}")
        rows.append(
            {
                "first": first,
                "second": second,
                "first_label": labels[first],
                "second_label": labels[second],
                "tension": tension,
            }
        )
    return pd.DataFrame(rows, columns=["first", "second", "first_label", "second_label", "tension"])


def argument_nodes() -> pd.DataFrame:
    """The argument map: columns ``id``, ``parent`` (``None`` for the root), ``kind``,
    ``label`` and ``claims`` (ids of the fact-check rows that bear on the node)."""
    return pd.DataFrame(
        [
            {"id": i, "parent": p, "kind": k, "label": label, "claims": c}
            for i, p, k, label, c in _ARGUMENT
        ]
    )


def tree_layout(nodes: pd.DataFrame) -> pd.DataFrame:
    """Place the nodes as an indented tree (:func:`widgets.common.tree.layout_tree`).

    Returns a copy of ``nodes`` with ``depth`` (0 for the root) and ``row`` (0, 1, 2, ...
    in depth-first order, children in the order given). Raises ``ValueError`` if the table
    is empty, ids repeat, a parent is unknown, there is not exactly one root, a kind is
    unknown, or some node cannot be reached from the root (a cycle).
    """
    if nodes is None or len(nodes) == 0:
        raise ValueError("the argument map has no nodes")
    missing = {"id", "parent", "kind", "label"} - set(nodes.columns)
    if missing:
        raise ValueError(f"the argument map lacks the column(s): {', '.join(sorted(missing))}")
    unknown_kinds = sorted(set(nodes["kind"]) - set(KINDS))
    if unknown_kinds:
        raise ValueError(f"unknown node kind(s): {', '.join(unknown_kinds)}")
    return layout_tree(nodes, what="the argument map").drop(columns="top")


def tree_edges(laid: pd.DataFrame) -> pd.DataFrame:
    """Elbow connectors for an indented tree laid out by :func:`tree_layout`.

    Two segments per parent-child pair (:func:`widgets.common.tree.elbow_edges`): columns
    ``x``, ``y``, ``x2``, ``y2`` (in depth and row units) and ``style`` (``assumption`` for
    links into the unstated-assumption branch, else ``support``).
    """
    edges = elbow_edges(laid, x="depth", y="row")
    kinds = dict(zip(laid["id"], laid["kind"], strict=True))
    edges["style"] = [
        "assumption" if kinds[c] == "unstated assumption" else "support" for c in edges["child"]
    ]
    return edges.drop(columns="child")


def outline(laid: pd.DataFrame) -> str:
    """The map as indented plain text (a text alternative to the chart)."""
    lines = []
    for node in laid.sort_values("row").itertuples():
        lines.append("    " * node.depth + f"- [{node.kind}] {node.label}")
    return "\n".join(lines)
