"""Fill the ``{{ currency_date }}`` and ``{{ as_of }}`` substitutions from the data.

The dates come from :mod:`widgets.common.dates`, so prose, charts and tables share one
currency date and no page types it by hand.
"""

from __future__ import annotations


def _on_config_inited(app, config) -> None:
    from widgets.common.dates import as_of, currency_date, long_date

    substitutions = dict(getattr(config, "myst_substitutions", {}) or {})
    substitutions.setdefault("currency_date", long_date(currency_date()))
    substitutions.setdefault("as_of", as_of())
    config.myst_substitutions = substitutions


def setup(app):
    app.connect("config-inited", _on_config_inited)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
