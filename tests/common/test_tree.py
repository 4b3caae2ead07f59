"""The shared indented-tree layout: reading order, depths, tops and elbow connectors."""

from __future__ import annotations

import pandas as pd
import pytest

from widgets.common.tree import elbow_edges, layout_tree

# Given out of reading order on purpose: a root, two children, a grandchild under the first.
NODES = pd.DataFrame(
    {"id": ["b", "root", "a", "a1"], "parent": ["root", "", "root", "a"]},
)


def test_reading_order_depth_and_tops():
    laid = layout_tree(NODES, heights=[3, 1, 2, 1])  # heights follow the input rows
    assert laid["id"].tolist() == ["root", "b", "a", "a1"]  # children in the order given
    assert laid["depth"].tolist() == [0, 1, 1, 2]
    # root 1 line, b 3 lines, a 2 lines: tops 0, 1, 4, 6.
    assert laid["top"].tolist() == [0, 1, 4, 6]
    assert layout_tree(NODES)["top"].tolist() == [0, 1, 2, 3]


def test_elbows_go_down_the_parent_column_then_across():
    laid = layout_tree(NODES)
    edges = elbow_edges(laid)
    a1 = edges[edges["child"] == "a1"].to_dict("records")
    assert a1 == [
        {"x": 1, "y": 2, "x2": 1, "y2": 3, "child": "a1"},
        {"x": 1, "y": 3, "x2": 2, "y2": 3, "child": "a1"},
    ]
    assert len(edges) == 2 * (len(NODES) - 1)


@pytest.mark.parametrize("root", [None, float("nan"), ""])
def test_every_spelling_of_no_parent_is_the_root(root):
    nodes = pd.DataFrame({"id": ["r", "c"], "parent": [root, "r"]})
    assert layout_tree(nodes)["depth"].tolist() == [0, 1]


def test_a_cycle_is_named():
    nodes = pd.DataFrame({"id": ["r", "a", "b"], "parent": [None, "b", "a"]})
    with pytest.raises(ValueError, match="not connected to the root: a, b"):
        layout_tree(nodes)
