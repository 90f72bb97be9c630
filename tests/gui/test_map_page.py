"""The map page in plain Python: only local scripts and styles, boundaries embedded without a
way out of the script, markers encoded as one compact batch, choropleth classes."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from qlue_console.gui.map.page import (
    CHOROPLETH_RAMP,
    QWEBCHANNEL_JS,
    STATES,
    MapMarker,
    build_page,
    choropleth_classes,
    write_page,
)
from tests.map_markers import prepared

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


def test_markers_are_one_compact_batch():
    markers = [
        MapMarker(1, -6.2, 106.8, "Menunggu", 3, True, "Sampah", "a"),
        MapMarker(2, -6.21, 106.81, "Selesai", 0, False, "Banjir", "b"),
        MapMarker(3, -6.22, 106.82, "Proses", 9, False, "Sampah", "</script>"),
        MapMarker(4, -6.23, 106.83, "Unknown", -1, False, "Banjir", ""),
    ]
    ready = prepared(markers)
    batch = json.loads(ready.batch_json)
    assert batch["titles"] == ["Sampah", "Banjir"]
    assert batch["rows"][0] == [1, -6.2, 106.8, STATES.index("Menunggu"), 3, 1, 0]
    assert batch["rows"][1][3:7] == [STATES.index("Selesai"), 0, 0, 1]
    assert batch["rows"][2][4] == 3  # priority clamped
    assert batch["rows"][3][3:5] == [-1, 0]  # unknown state: grey
    # Citizens' texts stay in Python: the page asks for one when its tooltip opens.
    assert "</script>" not in ready.batch_json
    assert ready.by_id[3][7] == "</script>"


def test_choropleth_classes_cover_the_counts_in_order():
    values = {f"k{i}": i for i in range(0, 40)}
    classes = choropleth_classes(values)
    assert len(classes) == len(CHOROPLETH_RAMP)
    assert classes[0]["lo"] == 1 and classes[-1]["hi"] == 39
    for a, b in zip(classes, classes[1:]):
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
