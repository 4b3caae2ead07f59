"""The instructor's printable handout pack, made from the same source as the book.

The confidential briefs and the debrief, results and rubric sections are taken from the
instructor edition's built HTML (so citations read as they do in the book); the red lines, the
draft framework, the packages and the delegations come from the data files. Each handout is a
small standalone HTML file; :func:`print_pdf` prints it with Debian chromium (headless).

Command line (after ``make instructor``)::

    python -m widgets.seminar.handouts INSTRUCTOR_HTML_DIR OUT_DIR [--no-pdf]
    python -m widgets.seminar.handouts --book HTML_DIR TOC PDF

The first writes ``OUT_DIR/html/*.html``, the pre-filled caucus scenario files in
``OUT_DIR/scenarios/`` and, unless ``--no-pdf``, ``OUT_DIR/pdf/*.pdf``. The second joins the
built pages of an edition (``HTML_DIR``) in the order of its ``_toc.yml`` into one page and
prints it to one PDF, letting its charts render first. (Sphinx's ``singlehtml`` builder fails on
myst-nb's folded code cells, so the pages are joined here.)
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import yaml
from bs4 import BeautifulSoup, Tag

from widgets.seminar import roleplay as rp
from widgets.seminar import scenarios as seminar_scenarios

CHROMIUM = "chromium"
#: Virtual time for the book's charts to render before printing.
BOOK_SCRIPT_MS = 30000

STYLE = """
@page { size: A4; margin: 16mm 15mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.35;
       color: #000; }
h1 { font-size: 17pt; margin: 0 0 4mm; } h2 { font-size: 13pt; margin: 6mm 0 2mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; }
th, td { border: 1px solid #555; padding: 1.5mm 2mm; vertical-align: top; text-align: left; }
th { background: #eee; }
.confidential { border: 2px solid #000; padding: 1mm 3mm; font-weight: bold;
                display: inline-block; }
.sheet { page-break-after: always; } .sheet:last-child { page-break-after: auto; }
.sources { font-size: 8.5pt; } .blank td { height: 11mm; }
.card { height: 120mm; display: flex; align-items: center; justify-content: center;
        font-size: 34pt; font-weight: bold; text-align: center; border-bottom: 1px dashed #999; }
.card.flip { transform: rotate(180deg); }
.note { font-size: 9pt; color: #333; }
"""


class HandoutError(ValueError):
    """The handouts cannot be made; the message says what is missing."""


@dataclass(frozen=True)
class Handout:
    name: str  # file stem
    title: str
    body: str  # HTML


def _page(handout: Handout) -> str:
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(handout.title)}</title><style>{STYLE}</style></head>"
        f"<body>{handout.body}</body></html>"
    )


def _soup(path: Path) -> BeautifulSoup:
    if not path.is_file():
        raise HandoutError(
            f"{path} not found: build the instructor edition first (make instructor)"
        )
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _plain(fragment: Tag) -> tuple[str, list[str]]:
    """The fragment's HTML with links made plain text, and the full references it cites."""
    sources = []
    for link in fragment.find_all("a"):
        title = link.get("title")
        if title and "bibtex-citation" in " ".join(link.parent.get("class", [])):
            if title not in sources:
                sources.append(title)
        link.unwrap()
    for button in fragment.select("button, .toggle-button, .headerlink"):
        button.decompose()
    return str(fragment), sources


def _sources_list(sources: list[str]) -> str:
    if not sources:
        return ""
    items = "".join(f"<li>{html.escape(s)}</li>" for s in sources)
    return f"<div class='sources'><h2>Sources cited</h2><ul>{items}</ul></div>"


def confidential_briefs(instructor_html: Path, game: rp.Game) -> dict[str, tuple[str, list[str]]]:
    """Delegation id -> (brief HTML, sources), from the built page of role briefs."""
    soup = _soup(instructor_html / "book" / "seminar" / "roleplay_roles.html")
    by_title = {}
    for block in soup.select("div.admonition"):
        title = block.find(class_="admonition-title")
        if title and title.get_text().startswith("CONFIDENTIAL"):
            by_title[title.get_text().split("—", 1)[1].strip()] = block
    briefs = {}
    for delegation in game.delegations["delegation"]:
        name = game.name(delegation).split(" (")[0]
        match = [block for title, block in by_title.items() if title.startswith(name)]
        if len(match) != 1:
            raise HandoutError(f"no single confidential brief titled {name!r} in the built page")
        block = match[0]
        block.find(class_="admonition-title").decompose()
        briefs[delegation] = _plain(block)
    return briefs


def _section(soup: BeautifulSoup, section_id: str, page: str) -> tuple[str, list[str]]:
    # The epilogue's id carries the currency date, so sections are matched by prefix.
    section = soup.find("section", id=lambda v: bool(v) and v.startswith(section_id))
    if section is None:
        raise HandoutError(f"no section {section_id!r} in the built {page}")
    # Sheets handed to students carry no instructor notes that happen to sit in the section.
    for note in section.select("div.instructor-only"):
        note.decompose()
    for heading in section.find_all(["h1", "h2", "h3"]):
        heading.name = "h1" if heading.parent is section else "h2"
    return _plain(section)


def _framework_table(game: rp.Game) -> str:
    rows = []
    for article in game.articles:
        options = game.framework[game.framework["article"] == article]
        title = options["article_title"].iloc[0]
        cells = "".join(
            f"<td><b>{o.option_id}</b> {html.escape(o.text)}</td>"
            for o in options.itertuples(index=False)
        )
        rows.append(f"<tr><th>{article}. {html.escape(title)}</th>{cells}</tr>")
    head = "<tr><th>article</th><th>option A</th><th>option B</th><th>option C</th></tr>"
    return (
        f"<table>{head}{''.join(rows)}</table><p class='note'>Invented for the exercise, drafted "
        "from real proposals (see the book's role-play page for the sources). 2A commits NATO "
        "as an alliance: every ally present must consent. 3A and 3B need guarantors.</p>"
    )


def _rules() -> str:
    return (
        "<ol><li>Adopted only if Ukraine and Russia both initial it.</li>"
        "<li>3A and 3B bind only the guarantors who initial them.</li>"
        "<li>Only an option that commits NATO as an alliance (2A) needs every ally's consent; "
        "a text silent on NATO (2C) commits no one.</li>"
        "<li>No framework: the fighting continues (the no-deal package).</li></ol>"
    )


def _red_lines_table(game: rp.Game, delegation: str) -> str:
    lines = [line for line in game.red_lines if line.delegation == delegation]
    if not lines:
        return "<p>None of your own on the substance.</p>"
    rows = "".join(
        f"<tr><td>{html.escape(line.text)}</td><td>{_condition_text(line)}</td></tr>"
        for line in lines
    )
    return f"<table><tr><th>red line</th><th>breached by</th></tr>{rows}</table>"


def _condition_text(line: rp.RedLine) -> str:
    if not line.conditions:
        return "no drafted option (binds wording proposed in play)"
    parts = [" or ".join(sorted(options)) for _, options in sorted(line.conditions.items())]
    return " together with ".join(parts)


def _scoring_sheet(game: rp.Game) -> str:
    rows = []
    for package in rp.caucus_packages(game):
        options = " ".join(package.options) if package.options else "no agreement"
        rows.append(
            f"<tr><td>{package.package_id} {html.escape(package.name)}<br>"
            f"<span class='note'>{options}</span></td>" + "<td></td>" * 5 + "</tr>"
        )
    rows.append("<tr><td>the text on the table</td>" + "<td></td>" * 5 + "</tr>")
    head = (
        "<tr><th>package</th><th>our score</th><th>rank</th><th>our risk estimate (%) and why"
        "</th><th>chance it is agreed (%) and why</th><th>would we initial it?</th></tr>"
    )
    return f"<table class='blank'>{head}{''.join(rows)}</table>"


def make_handouts(instructor_html: Path, game: rp.Game | None = None) -> list[Handout]:
    game = game or rp.load_game()
    briefs = confidential_briefs(instructor_html, game)
    roleplay = _soup(instructor_html / "book" / "seminar" / "roleplay.html")
    handouts = []
    for delegation in game.delegations["delegation"]:
        name = html.escape(game.name(delegation))
        brief, sources = briefs[delegation]
        body = (
            f"<div class='sheet'><p class='confidential'>CONFIDENTIAL: {name} only</p>"
            f"<h1>{name}: your role brief</h1>{brief}{_sources_list(sources)}</div>"
            f"<div class='sheet'><h1>{name}: your red lines</h1>"
            f"{_red_lines_table(game, delegation)}<h2>The rules of the session</h2>{_rules()}</div>"
            f"<div class='sheet'><h1>The draft framework</h1>{_framework_table(game)}</div>"
            f"<div class='sheet'><h1>{name}: scoring sheet</h1>{_scoring_sheet(game)}</div>"
        )
        handouts.append(Handout(f"delegation-{delegation}", f"{game.name(delegation)}", body))
    cards = "".join(
        f"<div class='sheet'><div class='card flip'>{html.escape(n)}</div>"
        f"<div class='card'>{html.escape(n)}</div></div>"
        for n in game.delegations["name"]
    )
    handouts.append(Handout("name-cards", "Name cards", cards))
    handouts.append(
        Handout(
            "draft-framework",
            "The draft framework",
            f"<h1>The draft framework (bracketed text)</h1>{_framework_table(game)}"
            f"<h2>The rules of the session</h2>{_rules()}",
        )
    )
    for stem, section_id, title in (
        ("debrief-sheet", "debrief-guide", "Debrief"),
        ("results-sheet", "results-sheet", "Results sheet"),
        ("participation-rubric", "participation-rubric", "Participation rubric"),
        ("epilogue", "epilogue", "Epilogue"),
    ):
        body, sources = _section(roleplay, section_id, "roleplay.html")
        if stem == "results-sheet":
            body += _results_table(game)
        handouts.append(Handout(stem, title, body + _sources_list(sources)))
    handouts.append(Handout("instructor-key", "Instructor key", _zone_key(game)))
    return handouts


def _results_table(game: rp.Game) -> str:
    rows = "".join(
        f"<tr><td>{html.escape(n)}</td>" + "<td></td>" * 7 + "</tr>"
        for n in game.delegations["name"]
    )
    head = (
        "<tr><th>delegation</th><th>1</th><th>2</th><th>3</th><th>4</th><th>5</th>"
        "<th>initials / walks away</th><th>one-sentence reason</th></tr>"
    )
    return f"<h2>For the board</h2><table class='blank'>{head}{rows}</table>"


def _zone_key(game: rp.Game) -> str:
    table = rp.zone_summary(game)
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(cell))}</td>" for cell in record) + "</tr>"
        for record in table.itertuples(index=False)
    )
    return (
        "<p class='confidential'>INSTRUCTOR ONLY</p><h1>Zone of agreement</h1>"
        "<table><tr><th>delegations at the table</th><th>packages</th><th>which</th></tr>"
        f"{rows}</table><p class='note'>Computed from data/roleplay_red_lines.csv.</p>"
    )


def write_html(handouts: list[Handout], out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for handout in handouts:
        path = out_dir / f"{handout.name}.html"
        path.write_text(_page(handout), encoding="utf-8")
        paths.append(path)
    return paths


def chromium() -> str:
    found = shutil.which(CHROMIUM)
    if not found:
        raise HandoutError("chromium not found: run `make browser-deps` (Debian chromium)")
    return found


def print_pdf(page: Path, pdf: Path, script_ms: int = 0, timeout: int = 600) -> Path:
    """Print an HTML file to PDF with headless chromium.

    ``script_ms`` > 0 lets the page's scripts (charts) run for that much virtual time first.
    """
    pdf.parent.mkdir(parents=True, exist_ok=True)
    command = [
        chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--no-first-run",
        "--no-pdf-header-footer",
        *([f"--virtual-time-budget={script_ms}"] if script_ms else []),
        f"--print-to-pdf={pdf}",
        page.resolve().as_uri(),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0 or not pdf.is_file():
        raise HandoutError(f"chromium could not print {page}: {result.stderr[-500:]}")
    return pdf


def toc_pages(toc_path: Path) -> list[str]:
    """The ``file`` entries of a Jupyter Book ``_toc.yml``, in reading order."""
    toc = yaml.safe_load(Path(toc_path).read_text(encoding="utf-8"))
    files = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                files.append(entry["file"])
            walk(entry.get("sections"))
            walk(entry.get("chapters"))

    walk(toc.get("parts"))
    walk(toc.get("chapters"))
    return files


_URL_ATTRIBUTES = {"script": "src", "img": "src", "link": "href", "source": "src"}
_NAVIGATION_RELS = {"prev", "next", "index", "search"}


def _absolute_urls(fragment: Tag, page: Path) -> None:
    """Make the fragment's asset URLs absolute, so they still load from the joined page."""
    for name, attribute in _URL_ATTRIBUTES.items():
        for tag in fragment.find_all(name):
            url = tag.get(attribute)
            if url and not re.match(r"^([a-z]+:|#|//)", url):
                tag[attribute] = urljoin(page.resolve().as_uri(), url)


def book_page(html_dir: Path, toc_path: Path, out: Path) -> Path:
    """One HTML page holding every page of the edition, in reading order."""
    html_dir = Path(html_dir)
    pages = [html_dir / f"{name}.html" for name in toc_pages(toc_path)]
    missing = [str(p) for p in pages if not p.is_file()]
    if missing:
        raise HandoutError(f"pages not built: {', '.join(missing[:3])}; build the edition first")
    head = _soup(pages[0]).head
    _absolute_urls(head, pages[0])
    for tag in head.find_all("link"):
        if _NAVIGATION_RELS & set(tag.get("rel") or []):
            tag.decompose()
    articles = []
    for page in pages:
        article = _soup(page).find("article")
        if article is None:
            raise HandoutError(f"{page} has no article element")
        _absolute_urls(article, page)
        for link in article.find_all("a", class_="headerlink"):
            link.decompose()
        articles.append(f"<section class='printed-page'>{article.decode_contents()}</section>")
    style = (
        "<style>@page { size: A4; margin: 15mm; } .printed-page { page-break-before: always; }"
        " .bd-header, .bd-sidebar-primary, .bd-sidebar-secondary, .header-article,"
        " .prev-next-area, footer { display: none !important; }</style>"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    head_html = head.decode_contents()
    out.write_text(
        f"<!DOCTYPE html><html lang='en'><head>{head_html}{style}</head><body>"
        f"<main class='bd-main'>{''.join(articles)}</main></body></html>",
        encoding="utf-8",
    )
    return out


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--book"]:
        if len(args) != 4:
            print(
                "usage: python -m widgets.seminar.handouts --book HTML_DIR TOC PDF", file=sys.stderr
            )
            return 2
        try:
            pdf = Path(args[3])
            page = book_page(Path(args[1]), Path(args[2]), pdf.with_suffix(".html"))
            print_pdf(page, pdf, script_ms=BOOK_SCRIPT_MS)
        except HandoutError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        print(f"book PDF: {args[3]}")
        return 0
    with_pdf = "--no-pdf" not in args
    args = [a for a in args if a != "--no-pdf"]
    if len(args) != 2:
        print(__doc__.split("Command line")[1], file=sys.stderr)
        return 2
    instructor_html, out_dir = Path(args[0]), Path(args[1])
    try:
        pages = write_html(make_handouts(instructor_html), out_dir / "html")
        seminar_scenarios.write_caucus_files(out_dir / "scenarios")
        if with_pdf:
            for page in pages:
                print_pdf(page, out_dir / "pdf" / f"{page.stem}.pdf")
    except (HandoutError, rp.RoleplayError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"{len(pages)} handouts in {out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
