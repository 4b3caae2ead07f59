"""Pages that a build without ``--all`` must write again although Sphinx did not re-read them.

Sphinx writes only the pages it re-read (and the pages whose table of contents they
changed). Two kinds of page would then go stale:

- Pages with index entries (the glossary's terms). Sphinx reloads the previous search
  index without its index entries (``IndexBuilder.load`` in ``sphinx/search``), so a page
  keeps its entries in the index only if it is written again.
- Pages that cite a work. A citation's text (author, year) and its tooltip are formatted
  from the bibliography when the page is written. When a ``.bib`` file changes, only the
  page with the bibliography directive is read again, and the pages that cite would keep
  the old text.

Both kinds are written again: the first on every build, the second when a page with a
bibliography was read in this build.
"""

from __future__ import annotations


def pages_with_index_entries(env) -> set[str]:
    entries = env.domaindata.get("index", {}).get("entries", {})
    return {docname for docname, found in entries.items() if found}


def citing_pages(env) -> set[str]:
    domain = env.get_domain("cite")
    return {reference.docname for reference in domain.citation_refs}


def bibliography_pages(env) -> set[str]:
    domain = env.get_domain("cite")
    return {key.docname for key in domain.bibliographies}


def _on_env_before_read_docs(app, env, docnames) -> None:
    env.book_pages_read = set(docnames)


def _on_env_get_updated(app, env) -> list[str]:
    pages = pages_with_index_entries(env)
    if bibliography_pages(env) & getattr(env, "book_pages_read", set()):
        pages |= citing_pages(env)
    return sorted(pages & env.found_docs)


def setup(app):
    app.setup_extension("sphinxcontrib.bibtex")
    app.connect("env-before-read-docs", _on_env_before_read_docs)
    app.connect("env-get-updated", _on_env_get_updated)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
