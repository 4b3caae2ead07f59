"""The essay's argument map: its structure and the indented-tree layout."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.essay import charts as essay_charts
from widgets.essay import model as essay_map


def _nodes(rows):
    return pd.DataFrame(rows, columns=["id", "parent", "kind", "label"])


def test_map_has_one_root_three_myths_a_proposal_and_assumptions():
    nodes = essay_map.argument_nodes()
    assert list(nodes.loc[nodes["parent"].isna(), "id"]) == ["C"]
    top = nodes.loc[nodes["parent"] == "C"]
    assert list(top["id"]) == ["M1", "M2", "M3", "P", "A"]
    assert (nodes.loc[nodes["parent"] == "A", "kind"] == "unstated assumption").sum() == 5
    assert set(nodes["kind"]) <= set(essay_map.KINDS)


def test_fact_check_references_point_at_existing_rows():
    from widgets.essay.factcheck import load_claims

    ids = set(load_claims()["claim_id"])
    for refs in essay_map.argument_nodes()["claims"]:
        for ref in filter(None, (r.strip() for r in refs.split(","))):
            assert ref in ids, ref


def test_layout_of_a_small_tree_by_hand():
    nodes = _nodes(
        [
            ("r", None, "main claim", "root"),
            ("a", "r", "premise", "A"),
            ("a1", "a", "reason", "A1"),
            ("b", "r", "premise", "B"),
        ]
    )
    laid = essay_map.tree_layout(nodes)
    assert list(laid["id"]) == ["r", "a", "a1", "b"]
    assert list(laid["depth"]) == [0, 1, 2, 1]
    assert list(laid["row"]) == [0, 1, 2, 3]
    edges = essay_map.tree_edges(laid)
    # Two segments per child: down the parent's column, then across.
    assert len(edges) == 6
    down_to_b, across_to_b = edges.iloc[4], edges.iloc[5]
    assert (down_to_b.x, down_to_b.y, down_to_b.x2, down_to_b.y2) == (0, 0, 0, 3)
    assert (across_to_b.x, across_to_b.y, across_to_b.x2, across_to_b.y2) == (0, 3, 1, 3)
    assert set(edges["style"]) == {"support"}


def test_assumption_links_are_marked():
    laid = essay_map.tree_layout(essay_map.argument_nodes())
    edges = essay_map.tree_edges(laid)
    # The branch node, its 5 leaves and the assumption that links Myth 1 to Myth 3.
    assert (edges["style"] == "assumption").sum() == 2 * 7


def test_the_map_does_not_present_myth_1_and_myth_3_as_independent():
    nodes = essay_map.argument_nodes().set_index("id")
    # Myth 1's incentive argument carries the hidden premise that ties it to Myth 3.
    link = nodes.loc["M1e"]
    assert link["parent"] == "M1d"
    assert link["kind"] == "unstated assumption"
    assert "Myth 3" in link["label"]
    tensions = essay_map.premise_tensions()
    pairs = set(zip(tensions["first"], tensions["second"], strict=True))
    assert {("M1d", "M3"), ("Pa", "M3")} <= pairs
    assert set(tensions["first"]) | set(tensions["second"]) <= set(nodes.index)
    assert (tensions["tension"].str.split().str.len() >= 20).all()


def test_a_tension_with_an_unknown_node_is_named():
    with pytest.raises(ValueError, match="unknown node.*M9"):
        essay_map.premise_tensions([("M1d", "M9", "no such node")])


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([], "no nodes"),
        ([("r", None, "main claim", "x"), ("r", None, "premise", "y")], "repeat: r"),
        ([("r", None, "main claim", "x"), ("a", "zz", "premise", "y")], "unknown parent id"),
        ([("r", None, "main claim", "x"), ("a", None, "premise", "y")], "exactly one root"),
        ([("r", None, "headline", "x")], "unknown node kind"),
        (
            [("r", None, "main claim", "x"), ("a", "b", "premise", "y"), ("b", "a", "reason", "z")],
            "not connected to the root: a, b",
        ),
    ],
)
def test_bad_maps_are_rejected_with_a_clear_message(rows, message):
    with pytest.raises(ValueError, match=message):
        essay_map.tree_layout(_nodes(rows))


def test_missing_columns_are_named():
    with pytest.raises(ValueError, match="kind, label"):
        essay_map.tree_layout(pd.DataFrame({"id": ["r"], "parent": [None]}))


@st.composite
def random_trees(draw):
    n = draw(st.integers(min_value=1, max_value=30))
    parents = [None] + [draw(st.integers(min_value=0, max_value=i - 1)) for i in range(1, n)]
    rows = [
        (f"n{i}", None if p is None else f"n{p}", "main claim" if p is None else "reason", f"L{i}")
        for i, p in enumerate(parents)
    ]
    return _nodes(rows)


@settings(deadline=None)  # timing varies on a shared machine; the property does not
@given(random_trees())
def test_layout_properties(nodes):
    laid = essay_map.tree_layout(nodes)
    # Every node gets its own row, and rows are 0..n-1.
    assert sorted(laid["row"]) == list(range(len(nodes)))
    by_id = laid.set_index("id")
    for node in laid.itertuples():
        if pd.notna(node.parent):
            parent = by_id.loc[node.parent]
            # A child sits one level deeper than its parent, and below it.
            assert node.depth == parent["depth"] + 1
            assert node.row > parent["row"]
    assert len(essay_map.tree_edges(laid)) == 2 * (len(nodes) - 1)


def test_outline_indents_by_depth():
    laid = essay_map.tree_layout(essay_map.argument_nodes())
    lines = essay_map.outline(laid).splitlines()
    assert len(lines) == len(laid)
    assert lines[0].startswith("- [main claim]")
    assert lines[1].startswith("    - [premise] Myth 1")


def test_map_chart_is_described_and_has_a_legend_selection():
    laid = essay_map.tree_layout(essay_map.argument_nodes())
    spec = essay_charts.argument_map_chart(laid, essay_map.tree_edges(laid)).to_dict()
    assert "Indented tree diagram" in spec["description"]
    params = spec.get("params", []) + [p for lyr in spec["layer"] for p in lyr.get("params", [])]
    assert any(p.get("bind") == "legend" for p in params)
    assert spec["height"] == essay_charts.ROW_PX * len(laid)


def test_map_chart_rejects_an_empty_map():
    with pytest.raises(ValueError, match="no nodes"):
        essay_charts.argument_map_chart(pd.DataFrame(columns=["row"]), pd.DataFrame())
