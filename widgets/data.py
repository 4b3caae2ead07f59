"""Load and validate the CSV files described by ``data/datapackage.json``.

One generic entry point, :func:`load_resource`, reads any resource of the Frictionless
Data Package and checks it against the resource's ``schema`` before anything else sees
it. Every problem raises :class:`DataError` whose message names the file, the row (the
line number in the CSV file; the header is line 1), the column and the offending value::

    data/regions.csv, row 7, column 'area_km2': 'abc' is not a number

What is checked, for every resource:

- the header: no missing, extra or misplaced columns (the schema's field order);
- each row has as many cells as the header;
- required values (a cell counts as missing when it is one of the schema's
  ``missingValues``, by default the empty string);
- types: ``integer``, ``number``, ``boolean``, ``date`` (ISO 8601, ``YYYY-MM-DD``),
  ``year``, ``string``;
- constraints: ``minimum``, ``maximum``, ``enum``, ``pattern`` (the whole value must
  match), ``minLength``, ``maxLength``, ``unique``;
- dates are not in the future (dates in the data are observations or publications);
- ``primaryKey`` values are unique, ``foreignKeys`` point at existing values.

The returned :class:`pandas.DataFrame` has these dtypes:

- ``integer``/``year``: ``int64``, or the nullable ``Int64`` when the column may be empty;
- ``number``: ``float64`` (empty cells are ``NaN``);
- ``boolean``: ``bool``, or the nullable ``boolean`` when the column may be empty;
- ``date``: ``datetime64`` (midnight of the day; empty cells are ``NaT``);
- ``string``: text; empty cells become the empty string ``""``.

The loader is plain ``csv`` + ``pandas`` (it runs on every notebook execution); the
tests also run the full ``frictionless validate`` as an independent check.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from widgets import DATA_DIR

DESCRIPTOR = "datapackage.json"

# How a foreign-key error names the thing it could not find, by referenced resource.
_REFERENCE_NOUNS = {"regions": "unit", "presets": "preset", "assets": "asset"}

N_UNITS = 27  # Ukraine's first-level units: 24 oblasts, Crimea, Kyiv city, Sevastopol.


class DataError(ValueError):
    """A data file or the descriptor does not match what the data package promises."""


# --------------------------------------------------------------------------- helpers


def _data_dir(data_dir: Path | str | None) -> Path:
    return Path(data_dir) if data_dir is not None else DATA_DIR


def _display_path(path: Path, data_dir: Path) -> str:
    """``data/regions.csv``: the folder's name and the file, as people refer to it."""
    try:
        return str(Path(data_dir.name) / path.relative_to(data_dir))
    except ValueError:
        return str(path)


def _where(file: str, row: int | None = None, column: str | None = None) -> str:
    parts = [file]
    if row is not None:
        parts.append(f"row {row}")
    if column is not None:
        parts.append(f"column {column!r}")
    return ", ".join(parts)


def read_descriptor(data_dir: Path | str | None = None) -> dict[str, Any]:
    """The parsed ``datapackage.json`` of ``data_dir`` (default: the book's ``data/``)."""
    folder = _data_dir(data_dir)
    path = folder / DESCRIPTOR
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"{_display_path(path, folder)}: file not found") from None
    try:
        descriptor = json.loads(text)
    except json.JSONDecodeError as error:
        raise DataError(
            f"{_display_path(path, folder)}, line {error.lineno}: not valid JSON ({error.msg})"
        ) from None
    if not isinstance(descriptor.get("resources"), list):
        raise DataError(f"{_display_path(path, folder)}: no 'resources' list")
    return descriptor


def resource_names(data_dir: Path | str | None = None) -> list[str]:
    """Names of every resource in the data package, in descriptor order."""
    return [r.get("name", "?") for r in read_descriptor(data_dir)["resources"]]


def get_resource(name: str, data_dir: Path | str | None = None) -> dict[str, Any]:
    """The descriptor of one resource; :class:`DataError` lists the known names."""
    descriptor = read_descriptor(data_dir)
    for resource in descriptor["resources"]:
        if resource.get("name") == name:
            return resource
    known = ", ".join(sorted(r.get("name", "?") for r in descriptor["resources"]))
    raise DataError(f"unknown resource {name!r}; the data package has: {known}")


# --------------------------------------------------------------------------- cell parsers

_INTEGER = re.compile(r"[+-]?\d+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TRUE = ["true", "True", "TRUE", "1"]
_FALSE = ["false", "False", "FALSE", "0"]


def _parse_integer(text: str, field: dict) -> int:
    if not _INTEGER.fullmatch(text):
        raise ValueError(f"{text!r} is not an integer")
    return int(text)


def _parse_number(text: str, field: dict) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a number") from None
    if math.isnan(value) or math.isinf(value):
        raise ValueError(f"{text!r} is not a finite number")
    return value


def _parse_year(text: str, field: dict) -> int:
    if not re.fullmatch(r"\d{4}", text):
        raise ValueError(f"{text!r} is not a year (YYYY)")
    return int(text)


def _parse_date(text: str, field: dict) -> dt.date:
    if not _DATE.fullmatch(text):
        raise ValueError(f"{text!r} is not an ISO 8601 date (YYYY-MM-DD)")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a valid date") from None


def _parse_boolean(text: str, field: dict) -> bool:
    if text in field.get("trueValues", _TRUE):
        return True
    if text in field.get("falseValues", _FALSE):
        return False
    raise ValueError(f"{text!r} is not a boolean (true or false)")


def _parse_string(text: str, field: dict) -> str:
    return text


_PARSERS: dict[str, Callable[[str, dict], Any]] = {
    "integer": _parse_integer,
    "number": _parse_number,
    "year": _parse_year,
    "date": _parse_date,
    "boolean": _parse_boolean,
    "string": _parse_string,
}


def _bound(field: dict, key: str) -> Any:
    """A minimum/maximum constraint in the field's own type."""
    value = field["constraints"][key]
    if field.get("type") == "date" and isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value


def _check_constraints(value: Any, text: str, field: dict) -> None:
    constraints = field.get("constraints", {})
    if "enum" in constraints:
        allowed = constraints["enum"]
        parsed_allowed = [
            _PARSERS[field.get("type", "string")](str(a), field) if isinstance(a, str) else a
            for a in allowed
        ]
        if value not in parsed_allowed:
            raise ValueError(
                f"{text!r} is not one of the allowed values: " + ", ".join(map(str, allowed))
            )
    if "pattern" in constraints and not re.fullmatch(constraints["pattern"], text):
        raise ValueError(f"{text!r} does not match the pattern {constraints['pattern']!r}")
    if "minLength" in constraints and len(text) < constraints["minLength"]:
        raise ValueError(f"{text!r} is shorter than {constraints['minLength']} characters")
    if "maxLength" in constraints and len(text) > constraints["maxLength"]:
        raise ValueError(f"{text!r} is longer than {constraints['maxLength']} characters")
    if "minimum" in constraints and value < _bound(field, "minimum"):
        raise ValueError(f"{text!r} is below the minimum {constraints['minimum']}")
    if "maximum" in constraints and value > _bound(field, "maximum"):
        raise ValueError(f"{text!r} is above the maximum {constraints['maximum']}")
    if field.get("type") == "date" and value > dt.date.today():
        raise ValueError(f"{text!r} is in the future (today is {dt.date.today().isoformat()})")


# --------------------------------------------------------------------------- reading


def _read_rows(path: Path, shown: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and ``(line number, cells)`` for every non-empty data row."""
    try:
        handle = path.open(encoding="utf-8", newline="")
    except FileNotFoundError:
        raise DataError(f"{shown}: file not found") from None
    with handle:
        reader = csv.reader(handle)
        try:
            header = next(reader)
        except StopIteration:
            raise DataError(f"{shown}: the file is empty (no header row)") from None
        except csv.Error as error:
            raise DataError(f"{_where(shown, reader.line_num)}: not valid CSV ({error})") from None
        rows = []
        start = reader.line_num + 1
        try:
            for cells in reader:
                if cells:  # skip blank lines
                    rows.append((start, cells))
                start = reader.line_num + 1
        except csv.Error as error:
            raise DataError(f"{_where(shown, reader.line_num)}: not valid CSV ({error})") from None
    if header and header[0].startswith("\ufeff"):
        header[0] = header[0][1:]
    return header, rows


def _check_header(header: list[str], names: list[str], shown: str) -> None:
    missing = [n for n in names if n not in header]
    if missing:
        listed = ", ".join(repr(n) for n in missing)
        raise DataError(
            f"{_where(shown, 1, missing[0])}: missing column{'s' if len(missing) > 1 else ''} "
            f"{listed} (the schema in {DESCRIPTOR} lists it)"
        )
    extra = [h for h in header if h not in names]
    if extra:
        listed = ", ".join(repr(n) for n in extra)
        raise DataError(
            f"{_where(shown, 1, extra[0])}: unexpected column{'s' if len(extra) > 1 else ''} "
            f"{listed} (not in the schema in {DESCRIPTOR})"
        )
    duplicated = sorted({h for h in header if header.count(h) > 1})
    if duplicated:
        raise DataError(f"{_where(shown, 1, duplicated[0])}: the column appears twice")
    if header != names:
        for position, (got, expected) in enumerate(zip(header, names, strict=True), start=1):
            if got != expected:
                raise DataError(
                    f"{_where(shown, 1, got)}: column {position} should be {expected!r} "
                    f"(the schema's order is: {', '.join(names)})"
                )


def _as_series(values: list[Any], field: dict, nullable: bool) -> pd.Series:
    kind = field.get("type", "string")
    if kind in {"integer", "year"}:
        return pd.Series(values, dtype="Int64" if nullable else "int64")
    if kind == "number":
        return pd.Series([math.nan if v is None else v for v in values], dtype="float64")
    if kind == "boolean":
        return pd.Series(values, dtype="boolean" if nullable else "bool")
    if kind == "date":
        return pd.to_datetime(pd.Series(values, dtype="object"))
    return pd.Series(["" if v is None else v for v in values], dtype="str")


def _check_unique(keys: Iterable[tuple[int, Any]], shown: str, columns: list[str]) -> None:
    seen: dict[Any, int] = {}
    for line, key in keys:
        if key in seen:
            shown_key = (
                repr(key[0])
                if len(columns) == 1
                else repr("+".join(getattr(v, "isoformat", lambda v=v: str(v))() for v in key))
            )
            label = "the key " + "+".join(columns) if len(columns) > 1 else "the value"
            raise DataError(
                f"{_where(shown, line, columns[0])}: {shown_key} repeats {label} "
                f"already used in row {seen[key]} (must be unique)"
            )
        seen[key] = line


def _foreign_keys(
    resource: dict, frame: pd.DataFrame, lines: list[int], shown: str, data_dir: Path, seen: set
) -> None:
    for foreign in resource.get("schema", {}).get("foreignKeys", []):
        fields = foreign["fields"]
        fields = [fields] if isinstance(fields, str) else list(fields)
        reference = foreign["reference"]
        ref_fields = reference["fields"]
        ref_fields = [ref_fields] if isinstance(ref_fields, str) else list(ref_fields)
        ref_name = reference.get("resource") or resource["name"]
        if ref_name == resource["name"]:
            target = frame
        else:
            if ref_name in seen:
                raise DataError(f"{DESCRIPTOR}: foreign keys form a cycle through {ref_name!r}")
            target = _load(ref_name, data_dir, seen | {resource["name"]})
        allowed = set(zip(*(target[f].tolist() for f in ref_fields), strict=True))
        ref_file = get_resource(ref_name, data_dir).get("path", ref_name)
        noun = _REFERENCE_NOUNS.get(ref_name, "value")
        values = zip(*(frame[f].tolist() for f in fields), strict=True)
        for line, key in zip(lines, values, strict=True):
            if any(pd.isna(k) or k == "" for k in key):
                continue  # an empty optional reference points nowhere
            if key not in allowed:
                shown_key = key[0] if len(key) == 1 else key
                raise DataError(
                    f"unknown {noun} {shown_key!r} in {_where(shown, line, fields[0])} "
                    f"(not a {'+'.join(ref_fields)!r} in {Path(data_dir.name) / ref_file})"
                )


def _load(name: str, data_dir: Path, seen: set) -> pd.DataFrame:
    resource = get_resource(name, data_dir)
    if "path" not in resource:
        raise DataError(f"{DESCRIPTOR}: resource {name!r} has no 'path'")
    path = data_dir / resource["path"]
    shown = _display_path(path, data_dir)
    schema = resource.get("schema")
    if not isinstance(schema, dict) or not schema.get("fields"):
        raise DataError(f"{DESCRIPTOR}: resource {name!r} has no schema with fields")
    fields = schema["fields"]
    names = [f["name"] for f in fields]
    missing_values = set(schema.get("missingValues", [""]))

    header, rows = _read_rows(path, shown)
    _check_header(header, names, shown)

    columns: list[list[Any]] = [[] for _ in fields]
    nullable = [False] * len(fields)
    lines: list[int] = []
    for line, cells in rows:
        if len(cells) != len(names):
            raise DataError(
                f"{_where(shown, line)}: {len(cells)} cells, but the header has {len(names)} "
                "columns (a missing comma or an unquoted comma?)"
            )
        lines.append(line)
        for index, (text, field) in enumerate(zip(cells, fields, strict=True)):
            column = field["name"]
            if text in missing_values or (text.strip() == "" and field.get("type") != "string"):
                if field.get("constraints", {}).get("required"):
                    raise DataError(f"{_where(shown, line, column)}: a value is required")
                columns[index].append(None)
                nullable[index] = True
                continue
            parser = _PARSERS.get(field.get("type", "string"))
            if parser is None:
                raise DataError(
                    f"{DESCRIPTOR}: field {column!r} of {name!r} has an unsupported type "
                    f"{field.get('type')!r}"
                )
            try:
                value = parser(text, field)
                _check_constraints(value, text, field)
            except ValueError as error:
                raise DataError(f"{_where(shown, line, column)}: {error}") from None
            columns[index].append(value)

    for index, field in enumerate(fields):
        if field.get("constraints", {}).get("unique"):
            present = [
                (line, (v,)) for line, v in zip(lines, columns[index], strict=True) if v is not None
            ]
            _check_unique(present, shown, [field["name"]])
    primary = schema.get("primaryKey")
    if primary:
        primary = [primary] if isinstance(primary, str) else list(primary)
        positions = [names.index(p) for p in primary]
        keys = zip(lines, zip(*(columns[p] for p in positions), strict=True), strict=True)
        _check_unique(keys, shown, primary)

    frame = pd.DataFrame(
        {
            field["name"]: _as_series(columns[i], field, nullable[i])
            for i, field in enumerate(fields)
        }
    )
    _foreign_keys(resource, frame, lines, shown, data_dir, seen)
    frame.attrs["lines"] = lines
    frame.attrs["path"] = shown
    frame.attrs["resource"] = name
    return frame


def load_resource(name: str, data_dir: Path | str | None = None) -> pd.DataFrame:
    """Read and validate one resource of the data package.

    ``name`` is the resource's ``name`` in ``datapackage.json``; ``data_dir`` the folder
    holding ``datapackage.json`` (default: the book's ``data/``). Returns a DataFrame
    with one column per schema field (dtypes: see the module docstring; dates are
    ``datetime64``). ``frame.attrs["lines"]`` holds each row's line number in the CSV.
    Raises :class:`DataError` naming the file, row, column and value of the first problem.
    """
    return _load(name, _data_dir(data_dir), set())


# --------------------------------------------------------------------------- the module's data


def _line(frame: pd.DataFrame, position: int) -> int:
    return frame.attrs["lines"][position]


def _check_units(frame: pd.DataFrame, codes: set[str], column: str = "code") -> None:
    for position, code in enumerate(frame[column].tolist()):
        if code not in codes:
            raise DataError(
                f"unknown unit {code!r} in "
                f"{_where(frame.attrs['path'], _line(frame, position), column)}"
            )


def load_regions(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Ukraine's 27 first-level units, one row each, with the tile-grid position."""
    regions = load_resource("regions", data_dir)
    shown = regions.attrs["path"]
    if len(regions) != N_UNITS:
        raise DataError(f"{shown}: {len(regions)} units, expected {N_UNITS}")
    cells: dict[tuple[int, int], str] = {}
    for position, row in enumerate(regions.itertuples()):
        cell = (row.grid_row, row.grid_col)
        if cell in cells:
            raise DataError(
                f"{_where(shown, _line(regions, position), 'grid_row')}: {row.code} takes the "
                f"tile ({row.grid_row}, {row.grid_col}) already used by {cells[cell]}"
            )
        cells[cell] = row.code
    return regions


def _region_codes(data_dir: Path | str | None) -> set[str]:
    return set(load_regions(data_dir)["code"])


def _check_complete(frame: pd.DataFrame, group: str, codes: set[str], what: str) -> None:
    """Every value of ``group`` has exactly one row per unit."""
    shown = frame.attrs["path"]
    for key, rows in frame.groupby(group, sort=False):
        label = key.date().isoformat() if isinstance(key, pd.Timestamp) else key
        count = len(rows)
        duplicated = rows["code"][rows["code"].duplicated()].tolist()
        if duplicated:
            position = int(rows.index[rows["code"].duplicated()][0])
            raise DataError(
                f"{_where(shown, _line(frame, position), 'code')}: {duplicated[0]!r} appears "
                f"twice for {what} {label}"
            )
        if count != len(codes):
            absent = sorted(codes - set(rows["code"]))
            raise DataError(
                f"{shown}: {what} {label} has {count} rows, expected {len(codes)} (one per "
                f"unit); missing: {', '.join(absent)}"
            )


def load_control(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Share of each unit's area under Russian control, at sourced dates (27 rows a date)."""
    control = load_resource("control", data_dir)
    codes = _region_codes(data_dir)
    _check_units(control, codes)
    _check_complete(control, "as_of", codes, "the date")
    return control


def load_presets(data_dir: Path | str | None = None) -> pd.DataFrame:
    """The settlement-line presets (id, label, description, date, source)."""
    return load_resource("presets", data_dir)


def load_preset_shares(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Per preset and unit, the share of the unit's area left under Russian control."""
    shares = load_resource("preset_shares", data_dir)
    codes = _region_codes(data_dir)
    _check_units(shares, codes)
    _check_complete(shares, "preset_id", codes, "the preset")
    presets = set(load_presets(data_dir)["preset_id"])
    without = sorted(presets - set(shares["preset_id"]))
    if without:
        raise DataError(f"{shares.attrs['path']}: no shares for the preset(s) {', '.join(without)}")
    return shares


def load_assets(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Ports and other critical assets, with the unit they are in."""
    assets = load_resource("assets", data_dir)
    _check_units(assets, _region_codes(data_dir))
    return assets


def load_preset_assets(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Whether each asset is under Russian control under each preset (every pair present)."""
    status = load_resource("preset_assets", data_dir)
    presets = load_presets(data_dir)["preset_id"].tolist()
    assets = load_assets(data_dir)["asset_id"].tolist()
    have = set(zip(status["preset_id"], status["asset_id"], strict=True))
    absent = [(p, a) for p in presets for a in assets if (p, a) not in have]
    if absent:
        listed = ", ".join(f"{p}/{a}" for p, a in absent[:5])
        more = f" and {len(absent) - 5} more" if len(absent) > 5 else ""
        raise DataError(
            f"{status.attrs['path']}: no status for {len(absent)} preset/asset pair(s): "
            f"{listed}{more}"
        )
    return status


def load_totals(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Country-level reference figures (e.g. Ukraine's official total area), sourced."""
    return load_resource("ukraine_totals", data_dir)


__all__ = [
    "N_UNITS",
    "DataError",
    "get_resource",
    "load_assets",
    "load_control",
    "load_preset_assets",
    "load_preset_shares",
    "load_presets",
    "load_regions",
    "load_resource",
    "load_totals",
    "read_descriptor",
    "resource_names",
]


def load_arrangements(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Security arrangements (the options of articles 2-4 and no agreement) and their terms."""
    arrangements = load_resource("arrangements", data_dir)
    if not (~arrangements["agreement"]).any():
        where = arrangements.attrs["path"]
        raise DataError(f"{where}: no row for the no-deal case (agreement false)")
    return arrangements
