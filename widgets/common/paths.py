"""Where the repository and its data folder are, found once.

In a checkout (editable install, Binder, the tests) the data folder sits beside the
package. In a non-editable install it does not: set ``NEUTRALITY_OR_NATO_DATA`` to the
folder that holds ``datapackage.json``, or run from a directory inside a checkout.
"""

from __future__ import annotations

import os
from pathlib import Path

#: Environment variable that points at the data folder (overrides everything else).
DATA_ENV = "NEUTRALITY_OR_NATO_DATA"

_PACKAGE_DIR = Path(__file__).resolve().parent.parent
REPO_ROOT = _PACKAGE_DIR.parent


def find_data_dir(start: Path | None = None) -> Path:
    """The data folder: ``$NEUTRALITY_OR_NATO_DATA``, the folder beside the package, or the
    first ``data/`` with a ``datapackage.json`` in ``start`` (default: the working
    directory) or one of its parents. Raises ``FileNotFoundError`` naming what was tried."""
    override = os.environ.get(DATA_ENV)
    if override:
        folder = Path(override).expanduser()
        if not (folder / "datapackage.json").is_file():
            raise FileNotFoundError(
                f"{DATA_ENV}={override!r} does not name a folder with a datapackage.json"
            )
        return folder
    tried = [REPO_ROOT / "data"]
    here = (start or Path.cwd()).resolve()
    tried += [parent / "data" for parent in (here, *here.parents)]
    for folder in tried:
        if (folder / "datapackage.json").is_file():
            return folder
    raise FileNotFoundError(
        "no data folder found (looked beside the package and above the working directory); "
        f"set {DATA_ENV} to the folder that holds datapackage.json"
    )


def _default_data_dir() -> Path:
    try:
        return find_data_dir()
    except FileNotFoundError:
        # Reported with its reason by the loader on first use, not at import.
        return REPO_ROOT / "data"


DATA_DIR = _default_data_dir()
