"""The role-play's draft framework, red lines and zone of agreement, computed from the data.

A *package* is one option per article of the draft framework (``data/roleplay_framework.csv``):
3 options in each of 5 articles, 243 packages. A delegation *has a say* over a package when the
session's rules (book/seminar/roleplay.md) let it stop that package:

- rule 1: the parties (Ukraine and Russia) must initial any framework;
- rule 2: an option that needs guarantors binds only the guarantors who initial it, so they have
  a say over packages that contain one;
- rule 3: an option that commits NATO as an alliance needs the consent of every ally present.
  A text silent on NATO commits no one, so allies have no say through it.

A package is *in the zone of agreement* for a set of delegations when no delegation of the set
that has a say over it has a red line (``data/roleplay_red_lines.csv``) the package breaches.
Delegations without a say may still walk away; that is reported, not counted as a block.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from widgets import data as d


class RoleplayError(ValueError):
    """Role-play data or a request that does not fit it; the message says what is wrong."""


Package = tuple[str, ...]  # one option id per article, in article order, e.g. ("1C", "2B", ...)


@dataclass(frozen=True)
class RedLine:
    red_line_id: str
    delegation: str
    text: str
    conditions: Mapping[int, frozenset[str]]  # article -> option ids that together breach it

    def breached_by(self, package: Package) -> bool:
        if not self.conditions:
            return False
        return all(package[article - 1] in options for article, options in self.conditions.items())


def parse_condition(text: str, where: str = "breached_when") -> dict[int, frozenset[str]]:
    """``'2=A|B & 3=C'`` -> ``{2: {'2A', '2B'}, 3: {'3C'}}``; empty text -> ``{}``."""
    conditions: dict[int, frozenset[str]] = {}
    if not text.strip():
        return conditions
    for part in text.split("&"):
        article_text, sep, options = part.strip().partition("=")
        if not sep or not article_text.strip().isdigit() or not options.strip():
            raise RoleplayError(f"{where}: {part.strip()!r} is not of the form article=A|B")
        article = int(article_text)
        if article in conditions:
            raise RoleplayError(f"{where}: article {article} appears twice")
        conditions[article] = frozenset(f"{article}{o.strip()}" for o in options.split("|"))
    return conditions


@dataclass(frozen=True)
class Game:
    framework: pd.DataFrame
    delegations: pd.DataFrame
    red_lines: tuple[RedLine, ...]

    def __post_init__(self) -> None:
        # Plain look-ups, built once: the zone is computed over every package.
        options = self.framework.set_index("option_id")
        roles = self.delegations.set_index("delegation")
        object.__setattr__(self, "_nato", frozenset(options.index[options["commits_nato"]]))
        object.__setattr__(
            self, "_guarantee", frozenset(options.index[options["needs_guarantors"]])
        )
        object.__setattr__(self, "_roles", roles.to_dict(orient="index"))

    @property
    def articles(self) -> list[int]:
        return sorted(self.framework["article"].unique().tolist())

    def options(self, article: int) -> list[str]:
        rows = self.framework[self.framework["article"] == article]
        return rows["option_id"].tolist()

    def packages(self) -> list[Package]:
        return list(itertools.product(*(self.options(a) for a in self.articles)))

    def core(self) -> list[str]:
        return self.delegations.loc[self.delegations["core"], "delegation"].tolist()

    def optional(self) -> list[str]:
        return self.delegations.loc[~self.delegations["core"], "delegation"].tolist()

    def name(self, delegation: str) -> str:
        return self._role(delegation)["name"]

    def _role(self, delegation: str) -> dict:
        if delegation not in self._roles:
            known = ", ".join(self._roles)
            raise RoleplayError(f"unknown delegation {delegation!r}; known: {known}")
        return self._roles[delegation]

    def has_say(self, delegation: str, package: Package) -> bool:
        role = self._role(delegation)
        if role["party"]:
            return True
        if role["guarantor"] and self._guarantee.intersection(package):
            return True
        return bool(role["nato_ally"] and self._nato.intersection(package))

    def breaches(self, delegation: str, package: Package) -> list[RedLine]:
        self._role(delegation)
        return [
            line
            for line in self.red_lines
            if line.delegation == delegation and line.breached_by(package)
        ]

    def blockers(self, package: Package, present: Iterable[str]) -> list[str]:
        """Delegations present that have a say over ``package`` and a red line it breaches."""
        return [
            who for who in present if self.breaches(who, package) and self.has_say(who, package)
        ]

    def zone(self, present: Iterable[str]) -> list[Package]:
        present = list(present)
        for who in present:
            self._role(who)
        return [p for p in self.packages() if not self.blockers(p, present)]


def load_game() -> Game:
    framework = d.load_resource("roleplay_framework")
    delegations = d.load_resource("roleplay_delegations")
    red_lines = []
    for row in d.load_resource("roleplay_red_lines").itertuples(index=False):
        conditions = parse_condition(row.breached_when, f"red line {row.red_line_id}")
        for article, options in conditions.items():
            unknown = options - set(framework["option_id"])
            if unknown:
                raise RoleplayError(
                    f"red line {row.red_line_id}: no option {sorted(unknown)[0]} in article "
                    f"{article} of the draft framework"
                )
        red_lines.append(RedLine(row.red_line_id, row.delegation, row.text, conditions))
    return Game(framework, delegations, tuple(red_lines))


def package_label(package: Sequence[str]) -> str:
    return "-".join(package)


def zone_summary(game: Game) -> pd.DataFrame:
    """One row per table: the core game, core plus each optional delegation, core plus all."""
    core = game.core()
    tables = [("core delegations", core)]
    tables += [(f"core + {game.name(o)}", [*core, o]) for o in game.optional()]
    if len(game.optional()) > 1:
        tables.append(("core + all optional", [*core, *game.optional()]))
    rows = []
    for label, present in tables:
        zone = game.zone(present)
        rows.append(
            {
                "table": label,
                "packages in the zone": len(zone),
                "the packages": ", ".join(package_label(p) for p in zone) or "none",
            }
        )
    return pd.DataFrame(rows)


def walkaways(game: Game, package: Package, present: Iterable[str]) -> list[str]:
    """Delegations whose red line ``package`` breaches but who cannot stop it."""
    return [
        who for who in present if game.breaches(who, package) and not game.has_say(who, package)
    ]


@dataclass(frozen=True)
class CaucusPackage:
    package_id: str
    name: str
    options: Package | None  # None: the no-deal case
    drawn_from: str


def caucus_packages(game: Game) -> list[CaucusPackage]:
    """The packages every delegation scores in the caucus (``data/roleplay_packages.csv``)."""
    known = set(game.framework["option_id"])
    packages = []
    for row in d.load_resource("roleplay_packages").itertuples(index=False):
        options = tuple(row.options.split()) if row.options.strip() else None
        if options is not None and not set(options) <= known:
            raise RoleplayError(f"package {row.package_id}: unknown option in {row.options!r}")
        packages.append(CaucusPackage(row.package_id, row.name, options, row.drawn_from))
    return packages
