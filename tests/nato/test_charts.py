"""The consensus chart's in-browser logic (Vega expressions) against the Python model.

vl-convert renders the chart with Vega itself; the tiles it marks 'blocks' and its summary
line must match :func:`widgets.nato.model.invitation_consensus` for every period, every
ready-made yes rule, and what-if flips in both directions.
"""

from __future__ import annotations

import json
import re

import pytest

from widgets.nato.charts import consensus_chart
from widgets.nato.model import YES_RULES, invitation_consensus
from widgets.nato.positions import PERIODS, members_with_positions, positions_for

vl_convert = pytest.importorskip("vl_convert")


@pytest.fixture(scope="module")
def members():
    return members_with_positions()


@pytest.fixture(scope="module")
def spec(members):
    return consensus_chart(members).to_dict()


def render(spec: dict, **values: str) -> tuple[dict[str, str], str]:
    """Set the chart's controls, draw it with Vega; return {iso3: 'yes'|'blocks'}, summary."""
    chosen = json.loads(json.dumps(spec))
    for param in chosen["params"]:
        if param["name"] in values:
            param["value"] = values[param["name"]]
    svg = vl_convert.vegalite_to_svg(json.dumps(chosen))
    groups = dict(re.findall(r'<g class="mark-text role-mark ([^"]*)"[^>]*>(.*?)</g>', svg, re.S))
    texts = {name: re.findall(r"<text[^>]*>([^<]*)</text>", body) for name, body in groups.items()}
    codes, marks = texts["concat_0_layer_1_marks"], texts["concat_0_layer_2_marks"]
    (summary,) = texts["concat_1_marks"]
    return dict(zip(codes, marks, strict=True)), summary


def expected(members, period: str, rule: str, flips: dict[str, str] | None = None):
    result = invitation_consensus(positions_for(members, period), YES_RULES[rule], flips)
    iso3 = dict(zip(members["country"], members["iso3"], strict=True))
    return {iso3[c] for c in result.blockers}, result


def check(members, spec, period, rule, flip_member=None, flip_to=None):
    flips = {flip_member: flip_to} if flip_member else None
    controls = {"period": period, "yes_rule": rule}
    if flip_member:
        controls |= {"flip_member": flip_member, "flip_to": flip_to}
    shown, summary = render(spec, **controls)
    blockers, result = expected(members, period, rule, flips)
    assert {code for code, mark in shown.items() if mark == "blocks"} == blockers
    assert len(shown) == result.n_members
    if result.consensus:
        assert summary.startswith(f"Consensus: all {result.n_members} members")
    else:
        assert summary.startswith(f"No consensus: {result.n_blockers} of {result.n_members}")


@pytest.mark.parametrize("rule", list(YES_RULES))
@pytest.mark.parametrize("period", PERIODS)
def test_browser_consensus_matches_the_model(members, spec, period, rule):
    check(members, spec, period, rule)


def test_a_what_if_flip_in_the_browser_matches_the_model(members, spec):
    positions = positions_for(members, "essay")
    _, result = expected(members, "essay", "in_principle")
    if result.blockers:
        # A blocker brought round, and a supporter turned against.
        check(members, spec, "essay", "in_principle", result.blockers[0], "supports_membership_now")
    supporter = next(c for c, p in positions.items() if p in YES_RULES["strict"])
    check(members, spec, "essay", "strict", supporter, "opposes_or_blocks")
