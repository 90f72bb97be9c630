"""The map pane through the real page in an offscreen QWebEngineView: markers arrive in one
batch, an upsert changes one marker without reloading the page, a click comes back as
``report_clicked``, selecting pans and highlights, the choropleth shows and hides, calls made
before the page is ready are applied on ready, and citizens' texts run nothing."""

from __future__ import annotations

import json

import pytest

from qlue_console.gui.map.map_view import MapView
from qlue_console.gui.map.page import BOUNDARY_STYLE, CHOROPLETH_RAMP
from tests.gui.conftest import IMG_PAYLOAD, SCRIPT_PAYLOAD

RED, YELLOW, GREEN = "#d32f2f", "#f9a825", "#2e7d32"


def test_the_page_references_no_remote_address(map_view):
    html = map_view.page_file().read_text(encoding="utf-8")
    assert "http://" not in html and "https://" not in html
    assert map_view.view.url().isLocalFile()


def test_markers_arrive_in_one_batch(qtbot, map_view, marker, prepared, js, drawn):
    assert map_view.is_ready()
    markers = [
        marker(i, -6.2 + i * 1e-3, 106.8, state)
        for i, state in enumerate(
            ["Menunggu", "Proses", "Koordinasi", "Disposisi", "Selesai", "Ditolak", "Duplikat"], 1
        )
    ]
    drawn(map_view, lambda: map_view.set_markers(prepared(markers)))
    assert map_view.marker_count() == 7
    assert js(map_view, "QlueMap.count()") == 7
    colours = js(
        map_view,
        "JSON.stringify([1,2,3,4,5,6,7].map(i => QlueMap.markerStyle(i).fillColor))",
    )
    assert json.loads(colours) == [RED, YELLOW, YELLOW, YELLOW, GREEN, "#757575", "#757575"]
    # One canvas for all of them, not one DOM node or Leaflet layer per marker.
    assert js(map_view, "QlueMap.markerCanvas() instanceof HTMLCanvasElement") is True
    assert js(map_view, "QlueMap.markerCanvas().isConnected") is True
    assert js(map_view, "document.querySelectorAll('.leaflet-qlueMarkers-pane > *').length") == 1
    assert (
        js(
            map_view,
            "document.querySelectorAll("
            "'.leaflet-pane .leaflet-marker-icon, .leaflet-pane svg path').length",
        )
        == 0
    )
    layers = "(function () { var n = 0; QlueMap.map.eachLayer(() => { n += 1; }); return n; })()"
    with_seven = js(map_view, layers)

    drawn(map_view, lambda: map_view.set_markers(prepared(markers[:2])))
    assert map_view.marker_count() == 2 and js(map_view, "QlueMap.count()") == 2
    assert js(map_view, layers) == with_seven  # no Leaflet layer per marker


def rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def pixel(js, view: MapView, report_id: int, dx: float = 0, dy: float = 0) -> list[int]:
    """The marker canvas's RGBA at a report's centre (+dx, dy)."""
    return json.loads(js(view, f"JSON.stringify(QlueMap.markerPixel({report_id}, {dx}, {dy}))"))


def near(colour: list[int], expected: str, tolerance: int = 12) -> bool:
    """A drawn fill (88 % opaque on the transparent canvas) has the colour it was given."""
    return colour[3] > 200 and all(
        abs(c - e) <= tolerance for c, e in zip(colour, rgb(expected), strict=False)
    )


def on_top(colour: list[int], expected: str) -> bool:
    """Markers drawn over others: the one on top gives the pixel the nearest of the states'
    colours."""

    def distance(c: str) -> int:
        return sum((a - b) ** 2 for a, b in zip(colour, rgb(c), strict=False))

    return colour[3] > 200 and min((RED, YELLOW, GREEN, "#757575"), key=distance) == expected


def test_priority_and_overdue_show_in_size_and_outline(
    qtbot, map_view, marker, prepared, js, drawn
):
    drawn(
        map_view,
        lambda: map_view.set_markers(
            prepared([marker(1, priority=0), marker(2, priority=3, overdue=True)])
        ),
    )
    low = json.loads(js(map_view, "JSON.stringify(QlueMap.markerStyle(1))"))
    urgent = json.loads(js(map_view, "JSON.stringify(QlueMap.markerStyle(2))"))
    assert urgent["radius"] > low["radius"]
    assert urgent["color"] == "#1a1a1a" and urgent["weight"] > low["weight"]
    assert low["color"] == "#ffffff"


def test_markers_are_drawn_in_their_colours_sizes_and_outlines(
    qtbot, map_view, marker, prepared, js, drawn
):
    # Apart from each other (0.03° is ~40 px at zoom 11), all in the view.
    drawn(
        map_view,
        lambda: map_view.set_markers(
            prepared(
                [
                    marker(1, -6.20, 106.78, "Menunggu", priority=0),
                    marker(2, -6.20, 106.81, "Proses", priority=3, overdue=True),
                    marker(3, -6.20, 106.84, "Selesai"),
                    marker(4, -6.20, 106.87, "Duplikat"),
                ]
            )
        ),
    )
    assert near(pixel(js, map_view, 1), RED)
    assert near(pixel(js, map_view, 2), YELLOW)
    assert near(pixel(js, map_view, 3), GREEN)
    assert near(pixel(js, map_view, 4), "#757575")
    low_r = js(map_view, "QlueMap.markerRadius(1)")
    urgent_r = js(map_view, "QlueMap.markerRadius(2)")
    assert urgent_r > low_r
    # The urgent dot is filled where the low one is already outside its circle ...
    assert near(pixel(js, map_view, 2, low_r + 1.5), YELLOW)
    assert pixel(js, map_view, 1, low_r + 1.5)[3] < 60
    # ... and the overdue one has a dark outline on its edge, the other a white one.
    edge = pixel(js, map_view, 2, urgent_r)
    assert edge[3] > 200 and max(edge[:3]) < 90
    assert min(pixel(js, map_view, 3, js(map_view, "QlueMap.markerRadius(3)"))[:3]) > 150


def test_drawing_order_waiting_on_top_and_a_change_is_news(
    qtbot, map_view, marker, prepared, js, drawn
):
    # Same place: a done report beneath a waiting one, whatever order they come in.
    drawn(
        map_view,
        lambda: map_view.set_markers(
            prepared(
                [
                    marker(1, state="Menunggu"),
                    marker(2, state="Selesai"),
                    marker(3, -6.25, 106.80, "Proses"),
                ]
            )
        ),
    )
    assert on_top(pixel(js, map_view, 1), RED)
    # A change is news: the done report changed last is drawn on top (only its area is repainted).
    drawn(
        map_view,
        lambda: map_view.upsert_markers(prepared([marker(2, state="Selesai", priority=2)])),
    )
    assert on_top(pixel(js, map_view, 1), GREEN)
    assert on_top(pixel(js, map_view, 3), YELLOW)
    # Removed: what was beneath shows again; moved: the old place is empty.
    drawn(map_view, lambda: map_view.remove_markers([2]))
    assert on_top(pixel(js, map_view, 1), RED)
    before = json.loads(js(map_view, "JSON.stringify(QlueMap.markerPoint(3))"))
    drawn(
        map_view,
        lambda: map_view.upsert_markers(prepared([marker(3, -6.22, 106.86, "Proses")])),
    )
    assert near(pixel(js, map_view, 3), YELLOW)
    after = json.loads(js(map_view, "JSON.stringify(QlueMap.markerPoint(3))"))
    old_place = pixel(js, map_view, 3, before["x"] - after["x"], before["y"] - after["y"])
    assert old_place[3] == 0
    assert js(map_view, f"QlueMap.markerAt({before['x']}, {before['y']}) === null") is True
    assert js(map_view, f"QlueMap.markerAt({after['x']}, {after['y']})") == 3


CANVAS_DIGEST = """(function () {
  var c = QlueMap.markerCanvas(), d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  var h = 2166136261, painted = 0;
  for (var i = 0; i < d.length; i++) { h = Math.imul(h ^ d[i], 16777619) >>> 0; }
  for (i = 3; i < d.length; i += 4) { if (d[i]) { painted++; } }
  return JSON.stringify([h, painted]);
})()"""


def test_repainting_changed_spots_gives_the_pixels_of_a_whole_drawing(
    qtbot, map_view, marker, prepared, js, drawn
):
    # A dense pile (hundreds of markers overlapping) changed in place, moved, added and removed:
    # the repainted rectangles must leave exactly what drawing everything again leaves.
    import random

    rnd = random.Random(5)
    states = ["Menunggu", "Proses", "Selesai", "Koordinasi"]
    pile = [
        marker(
            i,
            rnd.uniform(-6.23, -6.17),
            rnd.uniform(106.80, 106.86),
            rnd.choice(states),
            rnd.randint(0, 3),
            rnd.random() < 0.2,
        )
        for i in range(1, 1201)
    ]
    drawn(map_view, lambda: map_view.set_markers(prepared(pile)))
    before = json.loads(js(map_view, "JSON.stringify(QlueMap.markers.stats)"))
    shown = set(range(1, 1201))
    for _round in range(6):
        changes = [
            marker(
                rnd.randint(1, 1300),
                rnd.uniform(-6.23, -6.17),
                rnd.uniform(106.80, 106.86),
                rnd.choice(states),
                rnd.randint(0, 3),
                rnd.random() < 0.2,
            )
            for _ in range(15)
        ]
        drawn(map_view, lambda changes=changes: map_view.upsert_markers(prepared(changes)))
        shown.update(m["id"] for m in changes)
        gone = rnd.choice(sorted(shown))
        shown.discard(gone)
        drawn(map_view, lambda gone=gone: map_view.remove_markers([gone]))
    after = json.loads(js(map_view, "JSON.stringify(QlueMap.markers.stats)"))
    assert after["repaints"] > before["repaints"] and after["redraws"] == before["redraws"]
    repainted, painted = json.loads(js(map_view, CANVAS_DIGEST))
    assert painted > 5000
    # The same state drawn whole: a moveend without a move places and draws the canvas again.
    js(map_view, "QlueMap.map.fire('moveend'), 1")
    assert (
        json.loads(js(map_view, "JSON.stringify(QlueMap.markers.stats)"))["redraws"]
        == after["redraws"] + 1
    )
    assert json.loads(js(map_view, CANVAS_DIGEST)) == [repainted, painted]


def test_after_a_zoom_and_a_pan_markers_are_drawn_and_hit_where_they_are(
    qtbot, map_view, marker, prepared, js, drawn
):
    drawn(
        map_view,
        lambda: map_view.set_markers(
            prepared([marker(1, -6.20, 106.83, "Selesai"), marker(2, -6.21, 106.85, "Menunggu")])
        ),
    )
    js(
        map_view,
        "window.__moves = 0; QlueMap.map.on('moveend', () => { window.__moves += 1; }), 1",
    )
    for n, script in enumerate(
        (
            "QlueMap.map.setZoom(14, {animate: true})",
            "QlueMap.map.panBy([120, -80], {animate: true})",
        ),
        1,
    ):
        js(map_view, script + ", 1")
        qtbot.waitUntil(
            lambda n=n: js(map_view, f"window.__moves >= {n} && !QlueMap.moving()") is True,
            timeout=5_000,
        )
        for report_id, colour in ((1, GREEN), (2, RED)):
            assert near(pixel(js, map_view, report_id), colour)
            point = json.loads(js(map_view, f"JSON.stringify(QlueMap.markerPoint({report_id}))"))
            assert js(map_view, f"QlueMap.markerAt({point['x']}, {point['y']})") == report_id
            assert (
                js(map_view, f"QlueMap.markerAt({point['x'] + 15}, {point['y']}) === null") is True
            )
    assert js(map_view, "QlueMap.map.getZoom()") == 14


def test_after_a_resize_the_canvas_covers_the_view_and_markers_are_drawn(
    qtbot, map_view, marker, prepared, js, drawn
):
    drawn(
        map_view,
        lambda: map_view.set_markers(prepared([marker(1, -6.20, 106.83, "Selesai")])),
    )
    map_view.resize(640, 480)
    covers = (
        "(function () { var c = QlueMap.markerCanvas().getBoundingClientRect(),"
        " m = QlueMap.map.getContainer().getBoundingClientRect();"
        " return m.width === 640 && c.left <= m.left && c.top <= m.top && c.right >= m.right"
        " && c.bottom >= m.bottom && c.width < 1.5 * m.width; })()"
    )
    qtbot.waitUntil(lambda: js(map_view, covers) is True, timeout=5_000)
    qtbot.waitUntil(lambda: near(pixel(js, map_view, 1), GREEN), timeout=5_000)


def test_an_upsert_changes_one_marker_without_reloading(
    qtbot, map_view, marker, prepared, js, drawn
):
    drawn(
        map_view,
        lambda: map_view.set_markers(prepared([marker(1), marker(2, -6.21, 106.84)])),
    )
    js(map_view, "window.__sentinel = 'still here'")
    loads = []
    map_view.view.loadFinished.connect(loads.append)

    drawn(
        map_view,
        lambda: map_view.upsert_markers(prepared([marker(2, -6.15, 106.9, "Selesai", 3)])),
    )
    assert json.loads(js(map_view, "JSON.stringify(QlueMap.markerLatLng(2))")) == {
        "lat": -6.15,
        "lng": 106.9,
    }
    assert js(map_view, "QlueMap.markerStyle(2).fillColor") == GREEN
    assert map_view.marker_count() == 2

    drawn(map_view, lambda: map_view.upsert_markers(prepared([marker(3)])))
    assert map_view.marker_count() == 3 and js(map_view, "QlueMap.count()") == 3
    drawn(map_view, lambda: map_view.remove_markers([1]))
    assert map_view.marker_count() == 2 and js(map_view, "QlueMap.markerStyle(1) === null") is True
    assert js(map_view, "QlueMap.markerLatLng(1) === null") is True

    assert js(map_view, "window.__sentinel") == "still here"
    assert loads == [] and map_view.load_count() == 1


def test_clicking_a_marker_reports_its_id(qtbot, map_view, marker, prepared, js, drawn):
    drawn(
        map_view,
        lambda: map_view.set_markers(prepared([marker(41), marker(42, -6.21, 106.84)])),
    )
    point = json.loads(js(map_view, "JSON.stringify(QlueMap.markerPoint(42))"))
    assert js(map_view, f"QlueMap.markerAt({point['x']}, {point['y']})") == 42
    # Mouse events at the marker's pixel, through the page's own event handling.
    with qtbot.waitSignal(map_view.report_clicked, timeout=5_000) as clicked:
        qtbot.waitUntil(lambda: js(map_view, "QlueMap.clickMarker(42)") is True, timeout=5_000)
    assert clicked.args == [42]
    assert js(map_view, "QlueMap.highlight !== null") is True
    assert js(map_view, "QlueMap.selectedId") == 42


def test_selecting_a_report_pans_to_it_and_highlights_it(
    qtbot, map_view, marker, prepared, js, drawn
):
    drawn(
        map_view,
        lambda: map_view.set_markers(prepared([marker(1), marker(2, -6.32, 106.95)])),
    )
    map_view.select_report(2)

    def centred() -> bool:
        c = json.loads(js(map_view, "JSON.stringify(QlueMap.map.getCenter())"))
        return abs(c["lat"] + 6.32) < 1e-3 and abs(c["lng"] - 106.95) < 1e-3

    qtbot.waitUntil(centred, timeout=5_000)
    ring = json.loads(js(map_view, "JSON.stringify(QlueMap.highlight.getLatLng())"))
    assert ring == {"lat": -6.32, "lng": 106.95}

    # The selected marker moves: its highlight follows.
    drawn(map_view, lambda: map_view.upsert_markers(prepared([marker(2, -6.30, 106.90)])))
    assert json.loads(js(map_view, "JSON.stringify(QlueMap.highlight.getLatLng())")) == {
        "lat": -6.30,
        "lng": 106.90,
    }
    map_view.select_report(None)
    qtbot.waitUntil(lambda: js(map_view, "QlueMap.highlight === null"), timeout=5_000)


FILLS = (
    "JSON.stringify(QlueMap.boundaries.getLayers()"
    ".map(l => [l.feature.properties.code, l.options.fillColor]))"
)
LEGEND = "QlueMap.choroLegend.getContainer()"


def test_the_choropleth_shows_and_hides(qtbot, map_view, js):
    map_view.set_choropleth({"31.71.01.1001": 12, "31.71.01.1002": 1}, "Open reports")
    qtbot.waitUntil(
        lambda: not js(map_view, LEGEND + ".classList.contains('qlue-hidden')"),
        timeout=5_000,
    )
    assert js(map_view, LEGEND + ".textContent").startswith("Open reports")
    fills = dict(json.loads(js(map_view, FILLS)))
    assert fills["31.71.01.1001"] == CHOROPLETH_RAMP[-1]
    assert fills["31.71.01.1002"] == CHOROPLETH_RAMP[0]
    assert fills["31.74.01.1001"] == BOUNDARY_STYLE["fillColor"]  # no reports: the base fill

    map_view.set_choropleth(None, "")
    qtbot.waitUntil(
        lambda: js(map_view, LEGEND + ".classList.contains('qlue-hidden')"), timeout=5_000
    )
    assert set(dict(json.loads(js(map_view, FILLS))).values()) == {BOUNDARY_STYLE["fillColor"]}


def test_calls_before_the_page_is_ready_are_applied_on_ready(
    qtbot, make_view, marker, prepared, js
):
    view = make_view()
    assert not view.is_ready()
    view.set_markers(prepared([marker(1), marker(2), marker(3, -6.3, 106.9)]))
    view.upsert_markers(prepared([marker(4)]))
    view.remove_markers([2])
    view.select_report(3)
    view.set_choropleth({"31.71.01.1001": 5}, "Overdue reports")
    with qtbot.waitSignal(view.ready, timeout=20_000):
        pass
    qtbot.waitUntil(lambda: view.marker_count() == 3, timeout=5_000)
    assert json.loads(js(view, "JSON.stringify([...QlueMap.records.keys()].sort())")) == [
        1,
        3,
        4,
    ]
    assert js(view, "QlueMap.selectedId") == 3
    qtbot.waitUntil(
        lambda: js(view, LEGEND + ".textContent").startswith("Overdue reports"),
        timeout=5_000,
    )


def assert_no_handler_ran(qtbot, view: MapView, js) -> None:
    """An image that fails to load, made as markup would make it, runs its onerror handler; once
    it has, one among the citizen's texts would have run too — none did."""
    js(
        view,
        "(function () { var d = document.createElement('div');"
        " d.innerHTML = '<img src=x onerror=\"window.__control=1\">'; return 1; })()",
    )
    qtbot.waitUntil(lambda: js(view, "window.__control") == 1, timeout=5_000)
    assert js(view, "typeof window.__xss") == "undefined"


@pytest.mark.parametrize("payload", [IMG_PAYLOAD, SCRIPT_PAYLOAD])
def test_citizen_text_shows_as_text_and_runs_nothing(
    qtbot, map_view, payload, marker, prepared, js, drawn
):
    drawn(
        map_view,
        lambda: map_view.set_markers(prepared([marker(9, text=payload, title=payload)])),
    )
    qtbot.waitUntil(lambda: js(map_view, "QlueMap.hoverMarker(9)") is True, timeout=5_000)
    tip = "QlueMap.tooltipElement()"
    qtbot.waitUntil(lambda: js(map_view, tip + " !== null"), timeout=5_000)
    assert js(map_view, "QlueMap.hoverId") == 9
    assert js(map_view, "QlueMap.map.getContainer().classList.contains('qlue-on-marker')") is True
    # The title is in the batch; the text comes over the channel when the tooltip opens.
    qtbot.waitUntil(lambda: js(map_view, tip + ".textContent").count(payload) == 2, timeout=5_000)
    assert js(map_view, tip + ".querySelectorAll('img, script').length") == 0
    assert_no_handler_ran(qtbot, map_view, js)


def test_over_a_kelurahan_the_marker_under_the_mouse_has_the_tooltip(
    qtbot, map_view, marker, prepared, js, drawn
):
    # In Gambir (106.80..106.82, -6.19..-6.17).
    drawn(
        map_view,
        lambda: map_view.set_markers(prepared([marker(5, -6.18, 106.81, title="Banjir")])),
    )
    open_tips = (
        "JSON.stringify([...document.querySelectorAll('.leaflet-tooltip')].map(t => t.textContent))"
    )
    point = json.loads(js(map_view, "JSON.stringify(QlueMap.markerPoint(5))"))
    # The mouse in Gambir, 11 px below the marker: the kelurahan's tooltip.
    qtbot.waitUntil(
        lambda: js(map_view, f"QlueMap.mouse({point['x']}, {point['y'] + 11}, ['mousemove'])"),
        timeout=5_000,
    )
    qtbot.waitUntil(
        lambda: any("Gambir" in t for t in json.loads(js(map_view, open_tips))),
        timeout=5_000,
    )

    def only(text: str, other: str):
        def check() -> bool:  # a closed tooltip fades out for 200 ms before it leaves the page
            tips = json.loads(js(map_view, open_tips))
            return len(tips) == 1 and text in tips[0] and other not in tips[0]

        return check

    # On the marker: its tooltip only, and the pointer cursor. The kelurahan canvas takes one
    # mousemove per 32 ms, so the mouse keeps moving onto the marker until the page shows it.
    qtbot.waitUntil(
        lambda: (
            js(map_view, "QlueMap.hoverMarker(5)") is True
            and js(map_view, "QlueMap.hoverId") == 5
            and only("Banjir", "Gambir")()
        ),
        timeout=5_000,
    )
    assert js(map_view, "QlueMap.hoverBoundary.isTooltipOpen()") is False
    assert js(map_view, "getComputedStyle(QlueMap.markerCanvas()).cursor") == "pointer"
    # Off the marker again: back to the kelurahan.
    qtbot.waitUntil(
        lambda: (
            js(map_view, f"QlueMap.mouse({point['x']}, {point['y'] + 11}, ['mousemove'])")
            and js(map_view, "QlueMap.hoverId === null") is True
            and only("Gambir", "Banjir")()
        ),
        timeout=5_000,
    )
    assert js(map_view, "QlueMap.map.getContainer().classList.contains('qlue-on-marker')") is False


def test_kelurahan_names_show_as_text(qtbot, map_view, js):
    script = (
        "(function () { var l = QlueMap.boundaries.getLayers()"
        ".find(l => l.feature.properties.code === '31.74.01.1001');"
        " l.openTooltip(l.getBounds().getCenter());"
        " return l.getTooltip().getElement().textContent; })()"
    )
    text = js(map_view, script)
    assert IMG_PAYLOAD in text and SCRIPT_PAYLOAD in text
    assert_no_handler_ran(qtbot, map_view, js)
    assert (
        js(
            map_view,
            "document.querySelectorAll('.leaflet-tooltip img, body > script:not([src])').length",
        )
        <= 1
    )  # the page's own inline script only
