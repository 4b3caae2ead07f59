"""The role-play can be played: its zone of agreement, rules and timings, checked from the data.

The zone is recomputed here from the CSV files with a separate, plain implementation, and both are
compared with the instructor key written on the page.
"""

from __future__ import annotations

import csv
import itertools
import re

import pytest

from widgets.common.paths import REPO_ROOT
from widgets.seminar import roleplay as rp

DATA = REPO_ROOT / "data"
SEMINAR = REPO_ROOT / "book" / "seminar"
ROLEPLAY = SEMINAR / "roleplay.md"


def read_csv(name: str) -> list[dict[str, str]]:
    with open(DATA / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def plain_zone(present: list[str]) -> set[str]:
    """The zone of agreement, written out from the rules on the page without the model."""
    options = read_csv("roleplay_framework")
    delegations = {row["delegation"]: row for row in read_csv("roleplay_delegations")}
    lines = read_csv("roleplay_red_lines")
    by_article: dict[str, list[dict[str, str]]] = {}
    for row in options:
        by_article.setdefault(row["article"], []).append(row)
    zone = set()
    for combo in itertools.product(*(by_article[a] for a in sorted(by_article))):
        chosen = {row["option_id"] for row in combo}
        nato = any(row["commits_nato"] == "true" for row in combo)
        guarantors = any(row["needs_guarantors"] == "true" for row in combo)
        blocked = False
        for who in present:
            role = delegations[who]
            say = (
                role["party"] == "true"
                or (role["guarantor"] == "true" and guarantors)
                or (role["nato_ally"] == "true" and nato)
            )
            for line in lines:
                if line["delegation"] != who or not line["breached_when"]:
                    continue
                breached = True
                for condition in line["breached_when"].split(" & "):
                    article, letters = condition.split("=")
                    if not chosen & {article + letter for letter in letters.split("|")}:
                        breached = False
                if breached and say:
                    blocked = True
        if not blocked:
            zone.add("-".join(row["option_id"] for row in combo))
    return zone


@pytest.fixture(scope="module")
def game() -> rp.Game:
    return rp.load_game()


def key_table() -> dict[str, set[str]]:
    """The instructor key on the page: delegations at the table -> packages listed."""
    text = ROLEPLAY.read_text(encoding="utf-8")
    key = text[text.index("Instructor key: the zone of agreement") :]
    key = key[: key.index("**What each optional delegation does.**")]
    rows = {}
    for line in key.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 2 and cells[0] not in {"delegations at the table", "---"}:
            rows[cells[0]] = cells[1]
    return rows


def test_the_model_and_a_plain_enumeration_agree(game):
    core = game.core()
    tables = [core] + [[*core, o] for o in game.optional()] + [[*core, *game.optional()]]
    for present in tables:
        model = {rp.package_label(p) for p in game.zone(present)}
        assert model == plain_zone(present), present
    assert len(game.packages()) == 3**5


def test_the_core_game_has_at_least_two_feasible_packages(game):
    assert len(game.zone(game.core())) >= 2


def test_each_optional_delegation_makes_it_harder_not_impossible(game):
    core_zone = set(game.zone(game.core()))
    for optional in game.optional():
        zone = set(game.zone([*game.core(), optional]))
        assert zone <= core_zone, optional
        assert zone, f"adding {optional} leaves no deal, and the page does not say it is the point"
    assert game.zone([*game.core(), *game.optional()])


def test_the_instructor_key_on_the_page_matches_the_data(game):
    rows = key_table()
    core = game.core()
    core_zone = {rp.package_label(p) for p in game.zone(core)}
    listed = {
        label: set(re.findall(r"\d[ABC](?:-\d[ABC]){4}", text)) for label, text in rows.items()
    }
    assert listed["the six core delegations"] == core_zone
    for optional in game.optional():
        label = next(k for k in rows if game.name(optional).split(" (")[0] in k)
        zone = {rp.package_label(p) for p in game.zone([*core, optional])}
        expected = listed[label] or (core_zone if "same four" in rows[label] else set())
        assert expected == zone, label
    both = {rp.package_label(p) for p in game.zone([*core, *game.optional()])}
    assert listed["core + both optional delegations"] == both


def test_a_text_silent_on_nato_gives_no_ally_a_veto(game):
    hungary_vetoes = [
        p for p in game.packages() if "2C" in p and "hungary" in game.blockers(p, ["hungary"])
    ]
    assert not hungary_vetoes
    # ... but 2A commits NATO, so every ally present has a say over it.
    package = ("1C", "2A", "3C", "4B", "5B")
    assert game.has_say("hungary", package) and game.has_say("poland_baltics", package)


def test_ukraine_never_trades_the_nato_aim_for_monitoring_alone(game):
    for package in game.zone([*game.core(), *game.optional()]):
        assert not ({"2A", "2B"} & set(package) and "3C" in package), package


def test_every_red_line_names_options_that_exist_and_a_source():
    options = {row["option_id"] for row in read_csv("roleplay_framework")}
    for line in read_csv("roleplay_red_lines"):
        assert line["source"].strip(), line["red_line_id"]
        for condition in filter(None, line["breached_when"].split(" & ")):
            article, letters = condition.split("=")
            assert {article + x for x in letters.split("|")} <= options, line["red_line_id"]


def test_bad_conditions_get_a_clear_message():
    with pytest.raises(rp.RoleplayError, match="article=A"):
        rp.parse_condition("2A")
    with pytest.raises(rp.RoleplayError, match="twice"):
        rp.parse_condition("2=A & 2=B")
    with pytest.raises(rp.RoleplayError, match="unknown delegation 'narnia'"):
        rp.load_game().zone(["ukraine", "narnia"])


def test_the_framework_table_on_the_page_is_the_data():
    text = ROLEPLAY.read_text(encoding="utf-8")
    table = text[text.index("| article | option A |") :].split("\n\n", 1)[0]
    rows = [line for line in table.splitlines()[2:]]
    by_article = {int(r.split("|")[1].strip().split(".")[0]): r for r in rows}
    for option in read_csv("roleplay_framework"):
        cells = [c.strip() for c in by_article[int(option["article"])].strip("|").split("|")]
        cell = cells["ABC".index(option["option"]) + 1]
        assert cell.startswith(option["text"]), (option["option_id"], cell)


def test_each_brief_states_the_red_lines_of_its_delegation():
    """Every drafted option a red line rejects is named in its delegation's brief."""
    text = (SEMINAR / "roleplay_roles.md").read_text(encoding="utf-8")
    names = {row["delegation"]: row["name"] for row in read_csv("roleplay_delegations")}
    for line in read_csv("roleplay_red_lines"):
        if not line["breached_when"]:
            continue
        name = names[line["delegation"]].split(" (")[0]
        start = text.index(f"CONFIDENTIAL — {name}")
        brief = text[start : text.index("\n````", start)]
        for condition in line["breached_when"].split(" & "):
            article, letters = condition.split("=")
            for letter in letters.split("|"):
                assert f"{article}{letter}" in brief, (line["red_line_id"], f"{article}{letter}")


# --------------------------------------------------------------------------- timings

TIME_RANGE = re.compile(r"^\|\s*(\d+):(\d\d)\s*[–-]\s*(\d+):(\d\d)\s*\|")
TIMED_PAGES = ["roleplay.md", "controversy.md", "instructor_guide.md"]


def timing_tables(text: str) -> list[list[tuple[int, int]]]:
    tables, current = [], []
    for line in text.splitlines():
        match = TIME_RANGE.match(line.strip())
        if match:
            h1, m1, h2, m2 = map(int, match.groups())
            current.append((60 * h1 + m1, 60 * h2 + m2))
        elif current:
            tables.append(current)
            current = []
    if current:
        tables.append(current)
    return tables


@pytest.mark.parametrize("page", TIMED_PAGES)
def test_every_timing_table_is_contiguous_and_fills_its_session(page):
    tables = timing_tables((SEMINAR / page).read_text(encoding="utf-8"))
    assert tables, f"{page}: no timing table found"
    for rows in tables:
        assert rows[0][0] == 0, f"{page}: a table starts at {rows[0][0]}"
        for (start, end), (next_start, _) in zip(rows, rows[1:], strict=False):
            assert end > start and end == next_start, f"{page}: gap or overlap at {end}"
        assert rows[-1][1] == 90, f"{page}: a 90-minute table ends at {rows[-1][1]}"


def minutes_in(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"(?<![\d:])(\d+)(?![\d:%])", text)]


def test_the_controversy_variants_add_up():
    text = (SEMINAR / "controversy.md").read_text(encoding="utf-8")
    for total in (60, 35):
        variant = re.search(
            rf"\*\*{total}-minute variant(?::\*\*|\*\*(?: \([^)]*\))?:)(.*?)(?:;|\n\n|\()",
            text,
            re.S,
        )
        assert variant, f"no {total}-minute variant"
        assert sum(minutes_in(variant[1])) == total, variant[1]
    # The 35-minute variant must leave time to prepare the other side.
    short = re.search(r"\*\*35-minute variant\*\*[^:]*:(.*?);", text, re.S)[1]
    assert re.search(r"switch \d+", short), short


def test_session_plan_a_uses_the_same_35_minute_variant():
    guide = (SEMINAR / "instructor_guide.md").read_text(encoding="utf-8")
    row = next(line for line in guide.splitlines() if "35-minute variant" in line)
    assert sum(minutes_in(row.split(":", 2)[-1].split("Run the", 1)[1].split(":", 1)[1])) == 35


def test_debrief_questions_fit_the_debrief_slots():
    text = ROLEPLAY.read_text(encoding="utf-8")
    debrief = text[text.index("## Debrief guide") : text.index("(roleplay-epilogue)=")]
    one, two = 0, 0
    for line in debrief.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].isdigit():
            one, two = one + int(cells[2]), two + int(cells[3])
    slots = [end - start for rows in timing_tables(text) for start, end in rows]
    debrief_rows = [
        line for line in text.splitlines() if TIME_RANGE.match(line) and "Debrief" in line
    ]
    lengths = []
    for line in debrief_rows:
        h1, m1, h2, m2 = map(int, TIME_RANGE.match(line).groups())
        lengths.append(60 * h2 + m2 - 60 * h1 - m1)
    assert sorted(lengths) == sorted([one, two]), (lengths, one, two)
    assert slots


def test_the_caucus_packages_on_the_page_are_the_data(game):
    text = ROLEPLAY.read_text(encoding="utf-8")
    for package in rp.caucus_packages(game):
        row = next(
            line for line in text.splitlines() if line.startswith(f"| {package.package_id} ")
        )
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert package.name.lower() in cells[0].lower(), row
        if package.options is None:
            assert cells[1:6] == ["–"] * 5, row
        else:
            assert tuple(cells[1:6]) == package.options, row
