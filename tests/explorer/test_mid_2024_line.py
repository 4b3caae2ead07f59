"""The derived mid-2024 line is what its stated derivation gives (data/presets.csv).

Sourced units keep their sourced shares (Crimea, Sevastopol, Donetsk 61 %, Luhansk 95 %); the
other partly occupied units are interpolated between the two dated per-oblast sources and scaled
by one factor so that the total is the AFP/ISW area of 30 July 2024.
"""

from __future__ import annotations

import pandas as pd
import pytest

from widgets import data as d

PRESET = "line_2024_mid"
AT, START, END = "2024-07-30", "2023-11-30", "2025-01-01"
TOTAL_KM2 = 107_956  # AFP/ISW, 30 July 2024
SOURCED = {"UA-40": 100.0, "UA-43": 100.0, "UA-14": 61.0, "UA-09": 95.0}


def derived_line() -> tuple[float, dict[str, float]]:
    control = d.load_control()
    start = control[control["as_of"] == START].set_index("code")["russian_control_pct"]
    end = control[control["as_of"] == END].set_index("code")["russian_control_pct"]
    t = (pd.Timestamp(AT) - pd.Timestamp(START)) / (pd.Timestamp(END) - pd.Timestamp(START))
    interpolated = start + (end - start) * t
    areas = d.load_regions().set_index("code")["area_km2"]
    scaled = [c for c in interpolated.index if c not in SOURCED and interpolated[c] > 0]
    fixed_km2 = sum(areas[c] * v / 100 for c, v in SOURCED.items())
    factor = (TOTAL_KM2 - fixed_km2) / sum(areas[c] * interpolated[c] / 100 for c in scaled)
    shares = {c: 0.0 for c in interpolated.index} | SOURCED
    shares |= {c: interpolated[c] * factor for c in scaled}
    return factor, shares


def stored_line() -> pd.Series:
    shares = d.load_preset_shares()
    return shares[shares["preset_id"] == PRESET].set_index("code")["russian_control_pct"]


def test_stored_shares_follow_the_stated_derivation():
    factor, expected = derived_line()
    stored = stored_line()
    assert set(stored.index) == set(expected)
    for code, value in expected.items():
        assert stored[code] == pytest.approx(value, abs=0.05), code  # stored to one decimal
    description = d.load_presets().set_index("preset_id").loc[PRESET, "description"]
    assert f"{factor:.4f}" in description


def test_luhansk_keeps_its_sourced_share_and_is_not_scaled():
    stored = stored_line()
    assert stored["UA-09"] == SOURCED["UA-09"]
    notes = d.load_preset_shares().set_index(["preset_id", "code"]).loc[(PRESET, "UA-09")]
    assert "liga.net" in notes["source"] and "left out of the scaling" in notes["note"]


def test_total_matches_the_sourced_total():
    areas = d.load_regions().set_index("code")["area_km2"]
    assert (stored_line() * areas / 100).sum() == pytest.approx(TOTAL_KM2, abs=60)
