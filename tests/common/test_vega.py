"""The static book's charts: Vega-Lite compiled to Vega, drawn by Vega alone."""

from __future__ import annotations

import json
import re

import altair as alt

from widgets.common import vega

SPEC = alt.Chart(alt.Data(values=[{"x": 1, "y": "a"}])).mark_bar().encode(x="x:Q", y="y:N")


def _drawn_spec(html: str) -> dict:
    call = re.search(r"bookChart\(document\.currentScript\.previousElementSibling, (.*)\);", html)
    return json.loads(call.group(1).replace("<\\/", "</"))


def test_a_chart_is_written_as_a_vega_spec_with_its_data():
    spec = _drawn_spec(vega.chart_html(SPEC.to_dict()))
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega/")
    values = [row for d in spec["data"] for row in d.get("values", [])]
    assert {"x": 1, "y": "a"} in values


def test_the_same_chart_gets_the_same_id_and_another_chart_another():
    first, again = vega.chart_html(SPEC.to_dict()), vega.chart_html(SPEC.to_dict())
    other = vega.chart_html(SPEC.encode(color="y:N").to_dict())
    ids = [re.search(r'id="(altair-viz-[0-9a-f]{32})"', h).group(1) for h in (first, again, other)]
    assert ids[0] == ids[1] != ids[2]


def test_text_in_a_spec_cannot_end_the_script_element():
    chart = SPEC.properties(title="</script><script>alert(1)</script>")
    html = vega.chart_html(chart.to_dict())
    script = html.split("<script>", 1)[1]
    assert script.count("</script>") == 1 and script.endswith("</script>\n")
    assert _drawn_spec(html)["title"]["text"] == "</script><script>alert(1)</script>"


def test_the_bundle_holds_vega_and_the_drawing_function_but_no_vega_lite():
    source = vega.bundle_source()
    assert re.search(r"\.vega ?=", source) and re.search(r"window\.bookChart ?=", source)
    assert "vegaLite" not in source and "vegaEmbed" not in source
    assert 400_000 < len(source) < 600_000


def test_the_vendored_vega_is_the_version_the_compiler_targets():
    import vl_convert

    assert vega.vendored_vega_version() == vl_convert.get_vega_version()


def test_the_vendored_vega_carries_its_licence():
    licence = (vega.VENDORED_VEGA.parent / "vega.LICENSE").read_text(encoding="utf-8")
    assert "University of Washington Interactive Data Lab" in licence
    assert "Redistribution and use in source and binary forms" in licence
