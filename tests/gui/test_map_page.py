"""The map page in plain Python: only local scripts and styles, boundaries embedded without a
way out of the script, markers encoded as one compact batch, choropleth classes."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from qlue_console.data.map_data import MARKER_FIELDS, fetch_encoded_markers
from qlue_console.gui.map.page import (
    CHOROPLETH_RAMP,
    QWEBCHANNEL_JS,
    STATES,
    build_page,
    choropleth_classes,
    prepare_encoded,
    write_page,
)
from qlue_console.gui.workspaces.triage import MAP_LABELS
from tests.gui.conftest import EVERY_STATE

TILES = "https://tiles.example.org/{z}/{x}/{y}.png"


def square(x: float, y: float, d: float = 0.01) -> dict:
    return {
        "type": "Polygon",
        "coordinates": [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]],
    }


def boundaries(name: str = "Gambir") -> dict:
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {
                    "code": "31.71.01.1001",
                    "name": name,
                    "kecamatan": "Gambir",
                    "kota": "Kota Administrasi Jakarta Pusat",
                },
                "geometry": square(106.81, -6.18),
            },
        ],
    }


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("src"):
            self.refs.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.refs.append(attrs["href"])


def refs(html: str) -> list[str]:
    parser = _Refs()
    parser.feed(html)
    return parser.refs


def test_the_page_loads_only_local_files():
    html = build_page(boundaries=boundaries())
    found = refs(html)
    assert found, "the page links its scripts"
    assert "http://" not in html and "https://" not in html
    for ref in found:
        scheme = urlsplit(ref).scheme
        assert scheme in ("file", "qrc"), ref
        if scheme == "file":
            assert Path(unquote(urlsplit(ref).path)).is_file(), ref
    names = [Path(urlsplit(r).path).name for r in found]
    assert names.count("leaflet.js") == 1 and names.count("leaflet.css") == 1
    assert "map.js" in names and QWEBCHANNEL_JS in found
    for dropped in ("jquery", "bootstrap", "awesome", "fontawesome", "cdn"):
        assert dropped not in html.lower(), dropped


def test_a_configured_tile_layer_is_the_only_remote_address():
    html = build_page(
        boundaries=boundaries(), tile_url=TILES, tile_attribution="© <b>OSM</b> contributors"
    )
    assert all(urlsplit(r).scheme in ("file", "qrc") for r in refs(html))
    assert html.count("https://") == 1 and json.dumps(TILES) in html
    assert "http://" not in html
    assert "<b>OSM" not in html  # the attribution is text


def test_no_tile_layer_without_a_url():
    assert "L.tileLayer" not in build_page(boundaries=boundaries())


def test_a_boundary_name_cannot_close_the_script():
    evil = "</script><script>window.__xss=1</script>"
    html = build_page(boundaries=boundaries(evil))
    assert evil not in html and "</script><script>" not in html
    assert html.count("</script>") == html.count("<script")


def test_markers_are_one_compact_batch_the_page_reads_by_field_name(map_reports, marker):
    map_reports.put(
        [
            marker(1, -6.2, 106.8, "Menunggu", 3, True, "Sampah", "a"),
            marker(2, -6.21, 106.81, "Selesai", 0, False, "Banjir", "b"),
            marker(3, -6.22, 106.82, "Proses", 3, False, "Sampah", "</script>"),
            marker(4, -6.23, 106.83, "Duplikat", 0, False, "Banjir", "d"),
        ]
    )
    labels = {s: label for s, label in MAP_LABELS.items() if s != "duplicate"}  # 4: unknown
    found = fetch_encoded_markers(
        map_reports.engine, EVERY_STATE, language="id", label_of=labels, label_order=STATES
    )
    ready = prepare_encoded(found.titles, found.rows)
    batch = json.loads(ready.batch_json)
    rows = {
        r["id"]: r for r in (dict(zip(MARKER_FIELDS, row, strict=True)) for row in batch["rows"])
    }
    title = {i: batch["titles"][r["title"]] for i, r in rows.items()}
    assert title == {1: "Sampah", 2: "Banjir", 3: "Sampah", 4: "Banjir"}
    assert rows[1] == {
        "id": 1,
        "lat": -6.2,
        "lon": 106.8,
        "state": STATES.index("Menunggu"),
        "priority": 3,
        "overdue": 1,
        "title": rows[1]["title"],
    }
    assert (rows[2]["state"], rows[2]["priority"], rows[2]["overdue"]) == (
        STATES.index("Selesai"),
        0,
        0,
    )
    assert rows[4]["state"] == -1  # a state the page does not know: grey
    # Citizens' texts stay in Python: the page asks for one when its tooltip opens.
    assert "</script>" not in ready.batch_json
    assert ready.by_id[3][0] == "</script>"


def test_the_page_is_given_the_names_of_a_marker_rows_fields():
    html = build_page(boundaries=boundaries())
    call = re.search(r"QlueMap\.init\((.*?)\);", html, re.S)
    assert call is not None
    assert json.loads("[" + call.group(1) + "]")[-1] == list(MARKER_FIELDS)


def test_choropleth_classes_cover_the_counts_in_order():
    values = {f"k{i}": i for i in range(0, 40)}
    classes = choropleth_classes(values)
    assert len(classes) == len(CHOROPLETH_RAMP)
    assert classes[0]["lo"] == 1 and classes[-1]["hi"] == 39
    for a, b in zip(classes, classes[1:], strict=False):
        assert a["lo"] <= a["hi"] < b["lo"] == a["hi"] + 1
    assert [c["colour"] for c in classes] == list(CHOROPLETH_RAMP)


@pytest.mark.parametrize(
    "values, expected",
    [
        ({}, []),
        ({"a": 0}, []),
        ({"a": 4, "b": 4}, [(4, 4)]),
        ({"a": 1, "b": 10}, [(1, 1), (2, 10)]),
    ],
)
def test_choropleth_classes_with_few_counts(values, expected):
    classes = choropleth_classes(values)
    assert [(c["lo"], c["hi"]) for c in classes] == expected
    if classes:
        assert classes[-1]["colour"] == CHOROPLETH_RAMP[-1]


def test_the_page_file_is_named_by_its_content(tmp_path):
    first = write_page(tmp_path, "<html>a</html>")
    assert write_page(tmp_path, "<html>a</html>") == first
    second = write_page(tmp_path, "<html>b</html>")
    assert second != first and first.read_text() == "<html>a</html>"
