"""Read an HTML table back as rows of {heading: cell text}, independently of the code
that wrote it (the standard library's HTML parser, nothing of the package)."""

from __future__ import annotations

from html.parser import HTMLParser


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self.links: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            self._cell = []
        elif tag == "a":
            self.links.append(dict(attrs).get("href", ""))

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def read_tables(markup: str) -> list[list[dict[str, str]]]:
    """Every table in ``markup`` as a list of rows keyed by the first row's headings."""
    parser = _Tables()
    parser.feed(markup)
    out = []
    for table in parser.tables:
        rows = [r for r in table if r]
        head, body = rows[0], rows[1:]
        assert all(len(r) == len(head) for r in body), "a row has more or fewer cells than headings"
        out.append([dict(zip(head, r, strict=True)) for r in body])
    return out


def links(markup: str) -> list[str]:
    """The ``href`` of every link, in order."""
    parser = _Tables()
    parser.feed(markup)
    return parser.links


def raw_rows(path) -> list[dict[str, str]]:
    """A CSV file's rows as text, read with the standard library (not the package's loader)."""
    import csv

    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def squash(text: str) -> str:
    """Whitespace collapsed, as a browser shows it."""
    return " ".join(text.split())
