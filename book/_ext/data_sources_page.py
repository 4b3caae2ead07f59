"""The ``{data-sources}`` directive: the "Data sources" page, generated at build time.

    ```{data-sources}
    ```

renders :func:`widgets.data_sources.render_package` (MyST Markdown) in place, without a
kernel. Each data file and the renderer are recorded as dependencies of the page, so an
incremental build re-reads the page whenever the data package changes (the execution cache
of a notebook could not see that).
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective


class DataSourcesDirective(SphinxDirective):
    has_content = False
    required_arguments = 0
    optional_arguments = 0

    def run(self) -> list[nodes.Node]:
        from widgets import DATA_DIR, data_sources

        for path in sorted(Path(DATA_DIR).iterdir()):
            if path.is_file():
                self.env.note_dependency(str(path))
        self.env.note_dependency(data_sources.__file__)
        text = data_sources.render_package()
        renderer = getattr(self.state, "_renderer", None)
        if renderer is None:
            raise self.error("the data-sources directive is for MyST Markdown pages")
        # Rendered into the enclosing section (as MyST's own include does), so the
        # resources' headings become sections of the page and appear in its contents.
        renderer.nested_render_text(text, self.lineno)
        return []


def setup(app):
    app.add_directive("data-sources", DataSourcesDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
