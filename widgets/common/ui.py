"""Plumbing shared by the ipywidgets apps: named controls, set from Python in one go.

The one way to change several widgets without a redraw for each is :meth:`ControlPanel.batch`;
handlers registered with :meth:`ControlPanel.redraw_on_change` skip redraws inside it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


class ControlPanel:
    """An app whose inputs are ``self.controls`` (name -> widget) and whose ``update()``
    redraws the output. Subclasses set ``self.controls`` and call ``super().__init__()``."""

    controls: dict

    def __init__(self) -> None:
        self._suspended = False

    def redraw_on_change(self, *widgets) -> None:
        """Redraw when one of ``widgets`` (default: every control) changes, except in a batch."""
        for widget in widgets or tuple(self.controls.values()):
            widget.observe(self._redraw, names="value")

    def _redraw(self, _change=None) -> None:
        if not self._suspended:
            self.update()

    @property
    def suspended(self) -> bool:
        """True inside :meth:`batch` (handlers that do more than redraw check it)."""
        return self._suspended

    def values(self) -> dict:
        """The controls' values, as the model expects them."""
        return {name: control.value for name, control in self.controls.items()}

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Change several widgets without redrawing for each; redraw once at the end."""
        self._suspended = True
        try:
            yield
        finally:
            self._suspended = False
        self.update()

    def set(self, **values) -> None:
        """Set several controls from Python (e.g. in tests or exercises) and update once."""
        unknown = set(values) - set(self.controls)
        if unknown:
            raise KeyError(
                f"No control named {sorted(unknown)}; choose from {sorted(self.controls)}."
            )
        with self.batch():
            for name, value in values.items():
                self.controls[name].value = value
            self.after_set()

    def after_set(self) -> None:
        """Hook run inside ``set`` after the values change (default: nothing)."""

    def update(self) -> None:
        raise NotImplementedError
