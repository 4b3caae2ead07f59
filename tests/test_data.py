"""The data package: schema validation, invariants, and clear errors for broken files."""

from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
from pathlib import Path

import frictionless
import pandas as pd
import pytest

from widgets import DATA_DIR
from widgets import data as d

DESCRIPTOR = DATA_DIR / "datapackage.json"
RESOURCES = d.resource_names()


# --------------------------------------------------------------------------- helpers


def read_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def set_cell(path: Path, line: int, column: str, value: str) -> None:
    """Put ``value`` in ``column`` on CSV line ``line`` (header = line 1)."""
    rows = read_rows(path)
    rows[line - 1][rows[0].index(column)] = value
    write_rows(path, rows)


def drop_column(path: Path, column: str) -> None:
    rows = read_rows(path)
    index = rows[0].index(column)
    write_rows(path, [row[:index] + row[index + 1 :] for row in rows])


def drop_line(path: Path, line: int) -> None:
    rows = read_rows(path)
    del rows[line - 1]
    write_rows(path, rows)


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A private copy of ``data/`` (named ``data`` so messages read ``data/<file>``)."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


# --------------------------------------------------------------------------- frictionless


def test_frictionless_validates_the_package():
    report = frictionless.validate(str(DESCRIPTOR))
    problems = [
        f"{task.name}: row {getattr(error, 'row_number', '-')}, "
        f"field {getattr(error, 'field_name', '-')}: {error.message}"
        for task in report.tasks
        for error in task.errors
    ]
    problems += [error.message for error in report.errors]
    assert report.valid, "frictionless found problems:\n" + "\n".join(problems[:40])


# --------------------------------------------------------------------------- invariants


@pytest.fixture(scope="module")
def regions() -> pd.DataFrame:
    return d.load_regions()


@pytest.mark.parametrize("name", RESOURCES)
def test_every_resource_loads_with_its_schema(name):
    frame = d.load_resource(name)
    schema = d.get_resource(name)["schema"]
    assert list(frame.columns) == [f["name"] for f in schema["fields"]]
    assert len(frame) > 0


@pytest.mark.parametrize("name", RESOURCES)
def test_every_row_has_a_source(name):
    frame = d.load_resource(name)
    source_columns = [c for c in frame.columns if "source" in c]
    assert source_columns, f"{name} has no column whose name contains 'source'"
    filled = frame[source_columns].apply(lambda col: col.astype(str).str.strip() != "")
    empty = [frame.attrs["lines"][i] for i, ok in enumerate(filled.any(axis=1)) if not ok]
    assert not empty, f"{frame.attrs['path']}: rows without a source: {empty}"


@pytest.mark.parametrize("name", RESOURCES)
def test_dates_are_iso_and_not_in_the_future(name):
    resource = d.get_resource(name)
    date_fields = [f["name"] for f in resource["schema"]["fields"] if f.get("type") == "date"]
    if not date_fields:
        pytest.skip(f"{name} has no date column")
    raw = read_rows(DATA_DIR / resource["path"])
    header = raw[0]
    for field in date_fields:
        for line, row in enumerate(raw[1:], start=2):
            text = row[header.index(field)]
            if text == "":
                continue
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", text), (name, line, field, text)
            assert dt.date.fromisoformat(text) <= dt.date.today(), (name, line, field, text)


def test_27_units_with_unique_iso_codes(regions):
    assert len(regions) == 27
    assert regions["code"].is_unique
    assert regions["code"].str.fullmatch(r"UA-\d{2}").all()
    assert (regions["unit_type"] == "oblast").sum() == 24
    assert set(regions.loc[regions["unit_type"] != "oblast", "name_en"]) == {
        "Kyiv",
        "Sevastopol",
        "Autonomous Republic of Crimea",
    }


def test_areas_sum_to_the_sourced_total(regions):
    totals = d.load_totals().set_index("quantity")
    official = totals.loc["area_km2", "value"]
    assert totals.loc["area_km2", "source"].strip()
    assert abs(regions["area_km2"].sum() - official) / official < 0.01


def test_tile_grid_has_one_square_per_unit(regions):
    cells = list(zip(regions["grid_row"], regions["grid_col"], strict=True))
    assert len(set(cells)) == 27


def test_population_is_a_positive_integer(regions):
    assert str(regions["population"].dtype) == "int64"
    assert (regions["population"] > 0).all()


@pytest.mark.parametrize("name", ["control", "preset_shares"])
def test_shares_are_percentages(name):
    shares = d.load_resource(name)["russian_control_pct"]
    assert shares.between(0, 100).all()


def test_every_control_date_has_27_rows():
    control = d.load_control()
    counts = control.groupby("as_of").size()
    assert (counts == 27).all(), counts
    assert len(counts) >= 2


def test_control_has_a_point_near_the_essay_and_a_recent_one():
    dates = set(d.load_control()["as_of"].dt.year)
    assert dates & {2024, 2025}
    assert max(dates) >= 2025


def test_crimea_and_sevastopol_are_under_russian_control_at_every_date():
    control = d.load_control()
    crimea = control[control["code"].isin(["UA-43", "UA-40"])]
    assert (crimea["russian_control_pct"] == 100).all()


def test_each_preset_has_27_shares():
    shares = d.load_preset_shares()
    presets = d.load_presets()
    counts = shares.groupby("preset_id").size()
    assert set(counts.index) == set(presets["preset_id"])
    assert (counts == 27).all(), counts


def test_required_presets_exist():
    presets = set(d.load_presets()["preset_id"])
    assert {"line_2024_mid", "line_latest", "line_2022_02_23", "borders_1991"} <= presets


def test_borders_1991_leaves_nothing_to_russia():
    shares = d.load_preset_shares()
    assert (shares.loc[shares["preset_id"] == "borders_1991", "russian_control_pct"] == 0).all()


def test_line_presets_match_control():
    shares = d.load_preset_shares().set_index(["preset_id", "code"])["russian_control_pct"]
    control = d.load_control()
    latest = control[control["as_of"] == control["as_of"].max()].set_index("code")
    for code, row in latest.iterrows():
        assert shares[("line_latest", code)] == row["russian_control_pct"], code


def test_every_asset_has_a_status_under_every_preset():
    status = d.load_preset_assets()
    assert len(status) == len(d.load_presets()) * len(d.load_assets())
    assert str(status["russian_control"].dtype) == "bool"


def test_arrangements_hold_one_option_of_each_article():
    arrangements = d.load_arrangements()
    article_terms = {
        "article_2": ["nato_aim_renounced", "non_aligned_fixed_term", "nato_aim_kept"],
        "article_3": ["binding_guarantee", "us_led_monitoring", "monitoring_only"],
    }
    deals = arrangements[arrangements["agreement"]]
    assert len(deals) == 27
    for column, terms in article_terms.items():
        assert (deals[terms].sum(axis=1) == 1).all(), column
    no_deal = arrangements[~arrangements["agreement"]]
    assert len(no_deal) == 1
    terms = [c for c in arrangements.columns if c.startswith(("nato", "non_", "binding", "us_"))]
    assert (no_deal[terms] == 0).all().all()


def test_destroyed_assets_have_date_and_source_and_ports_a_weight_or_a_reason():
    assets = d.load_assets()
    destroyed = assets[assets["status"] == "destroyed"]
    assert set(destroyed["asset_id"]) == {"kakhovka_dam", "azovstal"}
    assert destroyed["status_date"].notna().all()
    assert (destroyed["status_source"].str.len() > 0).all()
    ports = assets[assets["kind"] == "port"]
    for row in ports.to_dict("records"):
        has_weight = row["throughput_mt"] == row["throughput_mt"]  # not NaN
        assert has_weight or row["throughput_note"], row["asset_id"]
        if has_weight:
            assert row["throughput_source"] and row["throughput_year"] >= 2018, row["asset_id"]


def test_mid_2024_line_is_derived_from_its_sourced_total():
    shares = d.load_preset_shares()
    mid = shares[shares["preset_id"] == "line_2024_mid"].set_index("code")["russian_control_pct"]
    areas = d.load_regions().set_index("code")["area_km2"]
    assert (mid * areas / 100).sum() == pytest.approx(107_956, abs=60)
    assert mid["UA-14"] == 61.0
    presets = d.load_presets().set_index("preset_id")
    assert str(presets.loc["line_2024_mid", "as_of"].date()) == "2024-07-30"
    assert "derived" in presets.loc["line_2024_mid", "description"]


def test_dates_are_returned_as_datetime64():
    assert pd.api.types.is_datetime64_any_dtype(d.load_control()["as_of"])


# --------------------------------------------------------------------------- broken files


BREAKS = [
    # (file, how, line, column, value, resource, expected message fragment)
    ("regions.csv", "drop", 1, "area_km2", None, "regions", "missing column"),
    ("regions.csv", "set", 7, "area_km2", "abc", "regions", "'abc' is not a number"),
    ("regions.csv", "set", 4, "population", "12.5", "regions", "is not an integer"),
    ("regions.csv", "set", 9, "code", "UA-5", "regions", "does not match the pattern"),
    ("regions.csv", "set", 3, "code", "UA-05", "regions", "must be unique"),
    ("regions.csv", "set", 5, "coast", "pacific", "regions", "not one of the allowed values"),
    ("regions.csv", "set", 6, "name_en", "", "regions", "a value is required"),
    ("control.csv", "set", 5, "russian_control_pct", "140", "control", "above the maximum"),
    ("control.csv", "set", 8, "russian_control_pct", "-3", "control", "below the minimum"),
    ("control.csv", "set", 5, "code", "UA-99", "control", "unknown unit 'UA-99'"),
    ("control.csv", "set", 4, "as_of", "2999-01-01", "control", "in the future"),
    ("control.csv", "set", 6, "as_of", "2024-13-01", "control", "not a valid date"),
    ("control.csv", "set", 6, "as_of", "01/06/2024", "control", "not an ISO 8601 date"),
    ("control.csv", "set", 10, "source", "", "control", "a value is required"),
    ("presets.csv", "set", 3, "label", "", "presets", "a value is required"),
    ("preset_shares.csv", "set", 12, "code", "UA-99", "preset_shares", "unknown unit 'UA-99'"),
    ("preset_shares.csv", "set", 2, "preset_id", "no_such", "preset_shares", "unknown preset"),
    (
        "preset_shares.csv",
        "set",
        20,
        "russian_control_pct",
        "140",
        "preset_shares",
        "above the max",
    ),
    ("assets.csv", "set", 2, "code", "UA-99", "assets", "unknown unit 'UA-99'"),
    ("assets.csv", "set", 3, "kind", "castle", "assets", "not one of the allowed values"),
    ("preset_assets.csv", "set", 2, "russian_control", "maybe", "preset_assets", "not a boolean"),
    ("preset_assets.csv", "set", 5, "asset_id", "port_atlantis", "preset_assets", "unknown asset"),
    ("assets.csv", "set", 4, "status", "ruined", "assets", "not one of the allowed values"),
    ("assets.csv", "set", 5, "russian_held_at_pct", "0", "assets", "below the minimum"),
    ("assets.csv", "set", 6, "throughput_mt", "-1", "assets", "below the minimum"),
    ("arrangements.csv", "set", 3, "binding_guarantee", "2", "arrangements", "above the maximum"),
    ("arrangements.csv", "set", 4, "agreement", "perhaps", "arrangements", "not a boolean"),
    ("arrangements.csv", "set", 5, "article_2", "2D", "arrangements", "not one of the allowed"),
]


@pytest.mark.parametrize(
    ("file", "how", "line", "column", "value", "resource", "fragment"),
    BREAKS,
    ids=[f"{b[0]}-{b[3]}-{b[4]}" for b in BREAKS],
)
def test_a_broken_file_gives_a_clear_error(
    data_copy, file, how, line, column, value, resource, fragment
):
    path = data_copy / file
    if how == "drop":
        drop_column(path, column)
    else:
        set_cell(path, line, column, value)
    with pytest.raises(d.DataError) as caught:
        d.load_resource(resource, data_copy)
    message = str(caught.value)
    assert f"data/{file}" in message
    assert f"row {line}" in message
    assert f"column '{column}'" in message
    assert fragment in message
    if value:
        assert repr(value) in message


def test_unknown_unit_message_reads_naturally(data_copy):
    set_cell(data_copy / "control.csv", 5, "code", "UA-99")
    with pytest.raises(d.DataError, match=r"^unknown unit 'UA-99' in data/control\.csv, row 5, "):
        d.load_control(data_copy)


def test_unknown_resource_lists_the_known_ones():
    with pytest.raises(d.DataError) as caught:
        d.load_resource("no_such_resource")
    message = str(caught.value)
    assert "'no_such_resource'" in message
    for name in ("regions", "control", "presets"):
        assert name in message


def test_a_missing_file_is_named(data_copy):
    (data_copy / "assets.csv").unlink()
    with pytest.raises(d.DataError, match=r"data/assets\.csv: file not found"):
        d.load_resource("assets", data_copy)


def test_an_extra_column_is_named(data_copy):
    path = data_copy / "presets.csv"
    rows = read_rows(path)
    write_rows(path, [row + ["x"] for row in rows])
    with pytest.raises(
        d.DataError, match=r"data/presets\.csv, row 1, column 'x': unexpected column"
    ):
        d.load_resource("presets", data_copy)


def test_a_short_row_is_named(data_copy):
    path = data_copy / "presets.csv"
    rows = read_rows(path)
    rows[3] = rows[3][:-1]
    write_rows(path, rows)
    with pytest.raises(d.DataError, match=r"data/presets\.csv, row 4: 4 cells"):
        d.load_resource("presets", data_copy)


def test_a_duplicate_primary_key_is_named(data_copy):
    path = data_copy / "control.csv"
    rows = read_rows(path)
    write_rows(path, rows + [rows[2]])
    with pytest.raises(d.DataError, match=r"row \d+, column 'code'.*repeats the key code\+as_of"):
        d.load_resource("control", data_copy)


def test_a_preset_with_26_shares_is_reported(data_copy):
    drop_line(data_copy / "preset_shares.csv", 2)
    with pytest.raises(d.DataError, match=r"preset borders_1991 has 26 rows, expected 27"):
        d.load_preset_shares(data_copy)


def test_a_control_date_with_26_rows_is_reported(data_copy):
    drop_line(data_copy / "control.csv", 2)
    with pytest.raises(d.DataError, match=r"the date 2022-02-23 has 26 rows, expected 27"):
        d.load_control(data_copy)


def test_overlapping_tiles_are_reported(data_copy):
    rows = read_rows(data_copy / "regions.csv")
    header = rows[0]
    set_cell(data_copy / "regions.csv", 3, "grid_row", rows[1][header.index("grid_row")])
    set_cell(data_copy / "regions.csv", 3, "grid_col", rows[1][header.index("grid_col")])
    with pytest.raises(d.DataError, match=r"data/regions\.csv, row 3, column 'grid_row'.*tile"):
        d.load_regions(data_copy)


def test_a_missing_asset_status_is_reported(data_copy):
    drop_line(data_copy / "preset_assets.csv", 2)
    with pytest.raises(d.DataError, match=r"no status for 1 preset/asset pair"):
        d.load_preset_assets(data_copy)


def test_invalid_json_descriptor_is_reported(data_copy):
    (data_copy / "datapackage.json").write_text("{ not json", encoding="utf-8")
    with pytest.raises(d.DataError, match=r"datapackage\.json, line 1: not valid JSON"):
        d.load_resource("regions", data_copy)


def test_optional_empty_cells_load_as_missing():
    regions = d.load_regions()
    assert str(regions["gdp_share_pct"].dtype) == "float64"
    assert str(regions["gdp_year"].dtype) == "Int64"
    assert regions["source_gdp"].map(type).eq(str).all()
    without_gdp = regions["gdp_share_pct"].isna()
    assert regions.loc[without_gdp, "gdp_year"].isna().all()
