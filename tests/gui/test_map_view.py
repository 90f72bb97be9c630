"""The map pane through the real page in an offscreen QWebEngineView: markers arrive in one
batch, an upsert changes one marker without reloading the page, a click comes back as
``report_clicked``, selecting pans and highlights, the choropleth shows and hides, calls made
before the page is ready are applied on ready, and citizens' texts run nothing."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")

import json  # noqa: E402

import pytest  # noqa: E402

# QtWebEngine must be imported before the QApplication exists.
from PySide6 import QtWebEngineWidgets  # noqa: E402,F401
from PySide6.QtCore import QCoreApplication, QEvent  # noqa: E402

from qlue_console.gui.map.map_view import MapView  # noqa: E402
from qlue_console.gui.map.page import BOUNDARY_STYLE, CHOROPLETH_RAMP, MapMarker  # noqa: E402

IMG_PAYLOAD = "<img src=x onerror=window.__xss=1>"
SCRIPT_PAYLOAD = "</script><script>window.__xss=1</script>"
RED, YELLOW, GREEN = "#d32f2f", "#f9a825", "#2e7d32"


def square(x: float, y: float, d: float = 0.02) -> dict:
    return {"type": "Polygon", "coordinates": [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]]}


BOUNDARIES = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"code": "31.71.01.1001", "name": "Gambir", "kecamatan": "Gambir",
                                       "kota": "Kota Administrasi Jakarta Pusat"}, "geometry": square(106.80, -6.19)},
    {"type": "Feature", "properties": {"code": "31.71.01.1002", "name": "Kebon Kelapa", "kecamatan": "Gambir",
                                       "kota": "Kota Administrasi Jakarta Pusat"}, "geometry": square(106.82, -6.19)},
    {"type": "Feature", "properties": {"code": "31.74.01.1001", "name": IMG_PAYLOAD, "kecamatan": SCRIPT_PAYLOAD,
                                       "kota": "Kota Administrasi Jakarta Selatan"}, "geometry": square(106.80, -6.25)},
]}


def marker(report_id: int, lat: float = -6.2, lon: float = 106.83, state: str = "Menunggu", priority: int = 1,
           overdue: bool = False, title: str = "Sampah", text: str = "Sampah menumpuk") -> MapMarker:
    return MapMarker(report_id, lat, lon, state, priority, overdue, title, text)


def js(qtbot, view: MapView, script: str):
    """Runs ``script`` (an expression) in the page and returns its value."""
    with qtbot.waitCallback(timeout=5_000) as callback:
        view.view.page().runJavaScript(script, 0, callback)
    return callback.args[0]


def drawn(qtbot, view: MapView, action) -> None:
    with qtbot.waitSignal(view.markers_drawn, timeout=5_000):
        action()


@pytest.fixture
def make_view(qtbot):
    made: list[MapView] = []

    def make(**kwargs) -> MapView:
        view = MapView(boundaries=kwargs.pop("boundaries", BOUNDARIES), **kwargs)
        qtbot.addWidget(view)
        view.resize(800, 600)
        view.show()
        made.append(view)
        return view
    yield make
    for view in made:   # delete the pages before the web engine profile goes
        view.close()
        view.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def map_view(qtbot, make_view) -> MapView:
    view = make_view()
    # Ready, and the (empty) first batch drawn: later markers_drawn signals are the test's own.
    with qtbot.waitSignals([view.ready, view.markers_drawn], timeout=20_000):
        pass
    qtbot.waitUntil(lambda: js(qtbot, view, "QlueMap.stateLegend !== null"), timeout=5_000)
    return view


def test_the_page_references_no_remote_address(map_view):
    html = map_view.page_file().read_text(encoding="utf-8")
    assert "http://" not in html and "https://" not in html
    assert map_view.view.url().isLocalFile()


def test_markers_arrive_in_one_batch(qtbot, map_view):
    assert map_view.is_ready()
    markers = [marker(i, -6.2 + i * 1e-3, 106.8, state) for i, state in
               enumerate(["Menunggu", "Proses", "Koordinasi", "Disposisi", "Selesai", "Ditolak", "Duplikat"], 1)]
    drawn(qtbot, map_view, lambda: map_view.set_markers(markers))
    assert map_view.marker_count() == 7
    assert js(qtbot, map_view, "QlueMap.count()") == 7
    colours = js(qtbot, map_view, "JSON.stringify([1,2,3,4,5,6,7].map(i => QlueMap.layerOf(i).options.fillColor))")
    assert json.loads(colours) == [RED, YELLOW, YELLOW, YELLOW, GREEN, "#757575", "#757575"]
    # Canvas, not one DOM node per marker.
    assert js(qtbot, map_view, "QlueMap.layerOf(1)._renderer instanceof L.Canvas") is True
    assert js(qtbot, map_view, "document.querySelectorAll('.leaflet-pane .leaflet-marker-icon, .leaflet-pane svg path').length") == 0

    drawn(qtbot, map_view, lambda: map_view.set_markers(markers[:2]))
    assert map_view.marker_count() == 2 and js(qtbot, map_view, "QlueMap.count()") == 2


def test_priority_and_overdue_show_in_size_and_outline(qtbot, map_view):
    drawn(qtbot, map_view, lambda: map_view.set_markers([marker(1, priority=0), marker(2, priority=3, overdue=True)]))
    low = json.loads(js(qtbot, map_view, "JSON.stringify(QlueMap.layerOf(1).options)"))
    urgent = json.loads(js(qtbot, map_view, "JSON.stringify(QlueMap.layerOf(2).options)"))
    assert urgent["radius"] > low["radius"]
    assert urgent["color"] == "#1a1a1a" and urgent["weight"] > low["weight"]


def test_an_upsert_changes_one_marker_without_reloading(qtbot, map_view):
    drawn(qtbot, map_view, lambda: map_view.set_markers([marker(1), marker(2, -6.21, 106.84)]))
    js(qtbot, map_view, "window.__sentinel = 'still here'")
    loads = []
    map_view.view.loadFinished.connect(loads.append)

    drawn(qtbot, map_view, lambda: map_view.upsert_marker(marker(2, -6.15, 106.9, "Selesai", 3)))
    assert json.loads(js(qtbot, map_view, "JSON.stringify(QlueMap.layerOf(2).getLatLng())")) == {
        "lat": -6.15, "lng": 106.9}
    assert js(qtbot, map_view, "QlueMap.layerOf(2).options.fillColor") == GREEN
    assert map_view.marker_count() == 2

    drawn(qtbot, map_view, lambda: map_view.upsert_marker(marker(3)))
    assert map_view.marker_count() == 3 and js(qtbot, map_view, "QlueMap.count()") == 3
    drawn(qtbot, map_view, lambda: map_view.remove_marker(1))
    assert map_view.marker_count() == 2 and js(qtbot, map_view, "QlueMap.layerOf(1) === null") is True

    assert js(qtbot, map_view, "window.__sentinel") == "still here"
    assert loads == [] and map_view.load_count() == 1


def test_clicking_a_marker_reports_its_id(qtbot, map_view):
    drawn(qtbot, map_view, lambda: map_view.set_markers([marker(41), marker(42, -6.21, 106.84)]))
    with qtbot.waitSignal(map_view.report_clicked, timeout=5_000) as clicked:
        js(qtbot, map_view, "QlueMap.layerOf(42).fire('click', {latlng: QlueMap.layerOf(42).getLatLng()}, true), 1")
    assert clicked.args == [42]
    assert js(qtbot, map_view, "QlueMap.highlight !== null") is True


def test_selecting_a_report_pans_to_it_and_highlights_it(qtbot, map_view):
    drawn(qtbot, map_view, lambda: map_view.set_markers([marker(1), marker(2, -6.32, 106.95)]))
    map_view.select_report(2)

    def centred() -> bool:
        c = json.loads(js(qtbot, map_view, "JSON.stringify(QlueMap.map.getCenter())"))
        return abs(c["lat"] + 6.32) < 1e-3 and abs(c["lng"] - 106.95) < 1e-3
    qtbot.waitUntil(centred, timeout=5_000)
    ring = json.loads(js(qtbot, map_view, "JSON.stringify(QlueMap.highlight.getLatLng())"))
    assert ring == {"lat": -6.32, "lng": 106.95}

    # The selected marker moves: its highlight follows.
    drawn(qtbot, map_view, lambda: map_view.upsert_marker(marker(2, -6.30, 106.90)))
    assert json.loads(js(qtbot, map_view, "JSON.stringify(QlueMap.highlight.getLatLng())")) == {
        "lat": -6.30, "lng": 106.90}
    map_view.select_report(None)
    qtbot.waitUntil(lambda: js(qtbot, map_view, "QlueMap.highlight === null"), timeout=5_000)


FILLS = "JSON.stringify(QlueMap.boundaries.getLayers().map(l => [l.feature.properties.code, l.options.fillColor]))"
LEGEND = "QlueMap.choroLegend.getContainer()"


def test_the_choropleth_shows_and_hides(qtbot, map_view):
    map_view.set_choropleth({"31.71.01.1001": 12, "31.71.01.1002": 1}, "Open reports")
    qtbot.waitUntil(lambda: not js(qtbot, map_view, LEGEND + ".classList.contains('qlue-hidden')"), timeout=5_000)
    assert js(qtbot, map_view, LEGEND + ".textContent").startswith("Open reports")
    fills = dict(json.loads(js(qtbot, map_view, FILLS)))
    assert fills["31.71.01.1001"] == CHOROPLETH_RAMP[-1]
    assert fills["31.71.01.1002"] == CHOROPLETH_RAMP[0]
    assert fills["31.74.01.1001"] == BOUNDARY_STYLE["fillColor"]     # no reports: the base fill

    map_view.set_choropleth(None, "")
    qtbot.waitUntil(lambda: js(qtbot, map_view, LEGEND + ".classList.contains('qlue-hidden')"), timeout=5_000)
    assert set(dict(json.loads(js(qtbot, map_view, FILLS))).values()) == {BOUNDARY_STYLE["fillColor"]}


def test_calls_before_the_page_is_ready_are_applied_on_ready(qtbot, make_view):
    view = make_view()
    assert not view.is_ready()
    view.set_markers([marker(1), marker(2), marker(3, -6.3, 106.9)])
    view.upsert_marker(marker(4))
    view.remove_marker(2)
    view.select_report(3)
    view.set_choropleth({"31.71.01.1001": 5}, "Overdue reports")
    with qtbot.waitSignal(view.ready, timeout=20_000):
        pass
    qtbot.waitUntil(lambda: view.marker_count() == 3, timeout=5_000)
    assert json.loads(js(qtbot, view, "JSON.stringify([...QlueMap.records.keys()].sort())")) == [1, 3, 4]
    assert js(qtbot, view, "QlueMap.selectedId") == 3
    qtbot.waitUntil(lambda: js(qtbot, view, LEGEND + ".textContent").startswith("Overdue reports"), timeout=5_000)


@pytest.mark.parametrize("payload", [IMG_PAYLOAD, SCRIPT_PAYLOAD])
def test_citizen_text_shows_as_text_and_runs_nothing(qtbot, map_view, payload):
    drawn(qtbot, map_view, lambda: map_view.set_markers([marker(9, text=payload, title=payload)]))
    js(qtbot, map_view, "QlueMap.layerOf(9).fire('mouseover', {}, true), 1")
    tip = "QlueMap.tooltipElement()"
    qtbot.waitUntil(lambda: js(qtbot, map_view, tip + " !== null"), timeout=5_000)
    # The title is in the batch; the text comes over the channel when the tooltip opens.
    qtbot.waitUntil(lambda: js(qtbot, map_view, tip + ".textContent").count(payload) == 2, timeout=5_000)
    assert js(qtbot, map_view, tip + ".querySelectorAll('img, script').length") == 0
    qtbot.wait(200)   # an onerror handler would have run by now
    assert js(qtbot, map_view, "typeof window.__xss") == "undefined"


def test_kelurahan_names_show_as_text(qtbot, map_view):
    script = ("(function () { var l = QlueMap.boundaries.getLayers()"
              ".find(l => l.feature.properties.code === '31.74.01.1001');"
              " l.openTooltip(l.getBounds().getCenter()); return l.getTooltip().getElement().textContent; })()")
    text = js(qtbot, map_view, script)
    assert IMG_PAYLOAD in text and SCRIPT_PAYLOAD in text
    qtbot.wait(200)
    assert js(qtbot, map_view, "typeof window.__xss") == "undefined"
    assert js(qtbot, map_view, "document.querySelectorAll('.leaflet-tooltip img, body > script:not([src])').length") \
        <= 1   # the page's own inline script only
