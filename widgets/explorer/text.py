"""One renderer of a result: a JSON-ready summary, and the same summary as text or HTML.

The notebook prints :func:`render_text`, the widget shows :func:`render_html`, and the static page
reads :func:`summary` as JSON; all three say the same things in the same order.
"""

from __future__ import annotations

import html
from typing import Any

from widgets.explorer import sensitivity
from widgets.explorer.actors import Evaluation
from widgets.explorer.model import ACTORS, FEATURES, ExplorerData


def _fragility_sentence(data, evaluation, f) -> str:
    names = [p.name for p in evaluation.inputs.packages]
    label = data.criterion_label(f.criterion)
    if f.robust:
        return f"{label} (weight {f.current:g}): first place does not change for weights -10 to 10"
    parts = []
    if f.up is not None:
        parts.append(f"raised to {f.up.weight:.2f}, {names[f.up.new_leader]} takes first place")
    if f.down is not None:
        parts.append(
            f"lowered to {f.down.weight:.2f}, {names[f.down.new_leader]} takes first place"
        )
    return f"{label} (weight {f.current:g}): " + "; ".join(parts)


def summary(data: ExplorerData, evaluation: Evaluation, actor: str | None = None) -> dict:
    """Everything the result says, as plain JSON-ready values."""
    inputs = evaluation.inputs
    actor = actor or inputs.view_actor
    names = [p.name for p in inputs.packages]
    packages = []
    for i, p in enumerate(inputs.packages):
        line = evaluation.lines[i]
        packages.append(
            {
                "name": p.name,
                "line": data.presets[p.line.preset].label
                + (f" with {len(p.line.overrides)} unit(s) changed" if p.line.overrides else ""),
                "arrangement": data.arrangements[p.arrangement].label,
                "features": [FEATURES[f] for f in p.features],
                "risk_pct": evaluation.risks[i],
                "attain_pct": p.attain_pct,
                "territory_lost_pct": line.lost_pct,
                "scores": {
                    a: {
                        "score": evaluation.utility[a][i],
                        "expected": evaluation.value[a][i],
                        "gain": evaluation.gain[a][i],
                        "acceptable": evaluation.acceptable[a][i],
                        "rank": evaluation.ranks[a][i],
                    }
                    for a in evaluation.actors
                },
                "blockers": [ACTORS[a] for a in evaluation.blockers[i]],
            }
        )
    lead = sensitivity.leader(evaluation, actor)
    tied = [names[i] for i in range(len(names)) if evaluation.ranks[actor][i] == 1]
    fragile = sensitivity.fragility(evaluation, actor)
    return {
        "view_actor": ACTORS[actor],
        "chosen_actors": [ACTORS[a] for a in inputs.chosen_actors],
        "no_deal": {
            "line": data.presets[inputs.no_deal.preset].label,
            "scores": {a: evaluation.no_deal_utility[a] for a in evaluation.actors},
        },
        "packages": packages,
        "zone": [names[i] for i in evaluation.zone],
        "ranking": [names[i] for i in evaluation.ranking(actor)],
        "first": names[lead],
        "tied_first": tied,
        "fragility": [_fragility_sentence(data, evaluation, f) for f in fragile],
        "nearest_change": _nearest(fragile),
    }


def _nearest(fragile) -> float | None:
    gaps = [abs(c.weight - f.current) for f in fragile for c in (f.up, f.down) if c is not None]
    return min(gaps) if gaps else None


def zone_sentence(s: dict[str, Any]) -> str:
    who = " and ".join(s["chosen_actors"])
    if s["zone"]:
        return f"Zone of possible agreement for {who}: {', '.join(s['zone'])}."
    blocks = "; ".join(f"{p['name']}: blocked by {', '.join(p['blockers'])}" for p in s["packages"])
    return (
        f"No zone of possible agreement for {who}: every package leaves someone "
        f"no better than no deal ({blocks})."
    )


def first_place_sentence(s: dict[str, Any]) -> str:
    if len(s["tied_first"]) > 1:
        head = f"For {s['view_actor']}, {', '.join(s['tied_first'])} tie for first place"
    else:
        head = f"For {s['view_actor']}, {s['first']} is first"
    gap = s["nearest_change"]
    if gap is None:
        return head + "; no single weight in -10..10 changes that (robust to one weight at a time)."
    if gap < 1e-9:
        return head + ": fragile, any change in some weight changes first place."
    return head + f"; the nearest weight change that moves first place is {gap:.2f} away."


_MARK = {True: "&#10003;", False: "&#10007;"}


def _verdict(x: dict[str, Any]) -> str:
    return "better" if x["acceptable"] else "not better"


def render_text(s: dict[str, Any]) -> str:
    lines = [
        f"No deal ({s['no_deal']['line']}): "
        + ", ".join(
            f"{a} {s['no_deal']['scores'][k]:.3f}"
            for k, a in ACTORS.items()
            if k in s["no_deal"]["scores"]
        )
    ]
    for p in s["packages"]:
        scores = ", ".join(
            f"{ACTORS[a]} {x['score']:.3f} ({_verdict(x)} than no deal)"
            for a, x in p["scores"].items()
        )
        lines.append(f"{p['name']} [{p['line']}; {p['arrangement']}]: {scores}")
    lines.append(zone_sentence(s))
    lines.append(f"Ranking for {s['view_actor']}: " + " > ".join(s["ranking"]))
    lines.append(first_place_sentence(s))
    lines += ["  " + f for f in s["fragility"]]
    return "\n".join(lines)


def render_html(s: dict[str, Any]) -> str:
    e = html.escape
    actors = list(s["packages"][0]["scores"]) if s["packages"] else []
    head = "".join(f"<th scope='col'>{e(ACTORS[a])}</th>" for a in actors)
    nd = "".join(f"<td>{s['no_deal']['scores'][a]:.3f}</td>" for a in actors)
    rows = [f"<tr><th scope='row'>No deal ({e(s['no_deal']['line'])})</th>{nd}</tr>"]
    for p in s["packages"]:
        cells = "".join(
            f"<td>{x['score']:.3f} {_MARK[x['acceptable']]} {_verdict(x)}</td>"
            for x in p["scores"].values()
        )
        rows.append(f"<tr><th scope='row'>{e(p['name'])}</th>{cells}</tr>")
    fr = "".join(f"<li>{e(f)}</li>" for f in s["fragility"])
    return (
        "<div class='explorer-summary'>"
        f"<table><caption>Each actor's score (0-1 scale, signed weights) against no deal</caption>"
        f"<thead><tr><th scope='col'>package</th>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
        f"<p><b>{e(zone_sentence(s))}</b></p>"
        f"<p>Ranking for {e(s['view_actor'])} (by expected score, counting attainability): "
        f"{e(' > '.join(s['ranking']))}</p>"
        f"<p>{e(first_place_sentence(s))}</p><ul>{fr}</ul></div>"
    )


# --------------------------------------------------------------------------- tables (rows)


def weight_rows(data: ExplorerData, inputs) -> list[dict]:
    """One row per criterion that some actor weighs; one column per scored actor."""
    scored = [a for a in ACTORS if any(x != 0 for x in inputs.weights[a].values())]
    return [
        {"criterion": data.criterion_label(c), **{ACTORS[a]: inputs.weights[a][c] for a in scored}}
        for c in data.criteria
        if any(inputs.weights[a][c] != 0 for a in scored)
    ]


def score_rows(data: ExplorerData, evaluation: Evaluation) -> list[dict]:
    """One row per package and scored actor: score, no-deal score, gain, acceptable, rank."""
    rows = []
    for i, p in enumerate(evaluation.inputs.packages):
        for a in evaluation.actors:
            rows.append(
                {
                    "package": p.name,
                    "actor": ACTORS[a],
                    "score if agreed": round(evaluation.utility[a][i], 3),
                    "no deal": round(evaluation.no_deal_utility[a], 3),
                    "chance agreed (%)": p.attain_pct,
                    "expected score": round(evaluation.value[a][i], 3),
                    "better than no deal": "yes" if evaluation.acceptable[a][i] else "no",
                    "rank": evaluation.ranks[a][i],
                }
            )
    return rows


def fragility_rows(data: ExplorerData, evaluation: Evaluation, actor: str) -> list[dict]:
    """One row per criterion: the weight, and where first place changes above and below it."""
    names = [p.name for p in evaluation.inputs.packages]

    def cell(change):
        return (
            "none in -10..10"
            if change is None
            else f"{change.weight:.2f}: {names[change.new_leader]}"
        )

    return [
        {
            "criterion": data.criterion_label(f.criterion),
            "weight": f.current,
            "first place changes if raised to": cell(f.up),
            "first place changes if lowered to": cell(f.down),
        }
        for f in sensitivity.fragility(evaluation, actor)
    ]
