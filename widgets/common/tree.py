"""Indented-tree layout shared by every argument map (the essay's and the students').

A tree is a table with one row per node: an id column and a parent column (``None``,
NaN or ``""`` for the root). :func:`layout_tree` places it top to bottom in reading order
(depth first, children in the order given); :func:`elbow_edges` draws the connectors.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

__all__ = ["elbow_edges", "is_root", "layout_tree"]


def is_root(parent: object) -> bool:
    """True for the parent value of the root: ``None``, NaN or an empty text."""
    return parent is None or parent == "" or (not isinstance(parent, str) and pd.isna(parent))


def layout_tree(
    nodes: pd.DataFrame,
    id_column: str = "id",
    parent_column: str = "parent",
    heights: Sequence[int] | None = None,
    what: str = "the tree",
) -> pd.DataFrame:
    """A copy of ``nodes`` sorted in reading order, with ``depth`` (0 for the root),
    ``row`` (0, 1, 2, ...) and ``top`` (where the node starts when node ``k`` takes
    ``heights[k]`` lines; the row number if ``heights`` is ``None``).

    Raises ``ValueError`` if the table is empty, ids repeat, a parent is unknown, there is
    not exactly one root, or some node cannot be reached from the root (a cycle).
    """
    if nodes is None or len(nodes) == 0:
        raise ValueError(f"{what} has no nodes")
    ids = list(nodes[id_column])
    duplicates = sorted({str(i) for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"node ids repeat: {', '.join(duplicates)}")
    parents = {
        i: (None if is_root(p) else p) for i, p in zip(ids, nodes[parent_column], strict=True)
    }
    roots = [i for i, p in parents.items() if p is None]
    if len(roots) != 1:
        raise ValueError(f"{what} needs exactly one root, found {len(roots)}")
    unknown = sorted({str(p) for p in parents.values() if p is not None and p not in parents})
    if unknown:
        raise ValueError(f"unknown parent id(s): {', '.join(unknown)}")

    children: dict = {i: [] for i in ids}
    for i in ids:
        if parents[i] is not None:
            children[parents[i]].append(i)
    depth: dict = {}
    order: list = []
    stack = [(roots[0], 0)]
    while stack:
        node, d = stack.pop()
        depth[node] = d
        order.append(node)
        stack.extend((c, d + 1) for c in reversed(children[node]))
    unreachable = sorted(str(i) for i in set(ids) - set(order))
    if unreachable:
        raise ValueError(f"node(s) not connected to the root: {', '.join(unreachable)}")

    laid = nodes.copy()
    laid["depth"] = laid[id_column].map(depth).astype(int)
    laid["row"] = laid[id_column].map({n: r for r, n in enumerate(order)}).astype(int)
    laid = laid.sort_values("row").reset_index(drop=True)
    if heights is None:
        laid["top"] = laid["row"]
    else:
        by_id = dict(zip(ids, heights, strict=True))
        sizes = [int(by_id[i]) for i in laid[id_column]]
        laid["top"] = [sum(sizes[:k]) for k in range(len(sizes))]
    return laid


def elbow_edges(
    laid: pd.DataFrame,
    id_column: str = "id",
    parent_column: str = "parent",
    x: str = "depth",
    y: str = "top",
) -> pd.DataFrame:
    """Two segments per parent-child pair: down from the parent along its column, then
    across to the child, so no line crosses a label. Columns ``x``, ``y``, ``x2``, ``y2``
    (in the units of ``laid``'s ``x`` and ``y`` columns) and ``child`` (the child's id)."""
    by_id = laid.set_index(id_column)
    segments = []
    for child in laid.to_dict("records"):
        if is_root(child[parent_column]):
            continue
        parent = by_id.loc[child[parent_column]]
        px, py = int(parent[x]), int(parent[y])
        cx, cy = int(child[x]), int(child[y])
        segments.append({"x": px, "y": py, "x2": px, "y2": cy, "child": child[id_column]})
        segments.append({"x": px, "y": cy, "x2": cx, "y2": cy, "child": child[id_column]})
    return pd.DataFrame(segments, columns=["x", "y", "x2", "y2", "child"])
