"""The map's first view and its controls through the real page: it opens on the mainland fitted
to the pane (also when the pane is resized before the user moves the map), Kepulauan Seribu is
one click away and back, the legend is compact and folds away (remembered), and the
attribution stays beside the one-line scale bar, never over it."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QSettings

from qlue_console.gui.map.map_view import LEGEND_FOLDED_KEY
from qlue_console.gui.map.page import view_bounds
from tests.gui.conftest import BOUNDARIES

ISLAND = {
    "type": "Feature",
    "properties": {
        "code": "31.01.01.1001",
        "name": "Pulau Panggang",
        "kecamatan": "Kepulauan Seribu Utara",
        "kota": "Kabupaten Administrasi Kepulauan Seribu",
    },
    "geometry": {
        "type": "Polygon",
        "coordinates": [
            [[106.55, -5.75], [106.56, -5.75], [106.56, -5.74], [106.55, -5.74], [106.55, -5.75]]
        ],
    },
}
CITY_AND_ISLANDS = {"type": "FeatureCollection", "features": [*BOUNDARIES["features"], ISLAND]}
LEGEND = "document.querySelector('.leaflet-bottom.leaflet-right .qlue-legend')"
TOGGLE = "document.querySelector('.qlue-view-toggle')"


@pytest.fixture
def settings():
    QSettings().remove(LEGEND_FOLDED_KEY)
    yield QSettings()
    QSettings().remove(LEGEND_FOLDED_KEY)


def _ready(qtbot, view):
    with qtbot.waitSignal(view.ready, timeout=20_000):
        pass
    return view


def _fits(js, view, name: str) -> dict:
    return json.loads(js(view, f"JSON.stringify(QlueMap.fits({json.dumps(name)}))"))


def _fitted(js, view, name: str) -> bool:
    f = _fits(js, view, name)
    return f["contains"] and abs(f["zoom"] - f["fitZoom"]) < 0.26  # zoom snaps to quarter levels


def test_the_home_views_are_the_mainland_and_the_islands():
    views = {
        name: [[round(v, 6) for v in corner] for corner in box]
        for name, box in view_bounds(CITY_AND_ISLANDS).items()
    }
    assert views["mainland"] == [[-6.25, 106.80], [-6.17, 106.84]]
    assert views["islands"] == [[-5.75, 106.55], [-5.74, 106.56]]
    assert set(view_bounds(BOUNDARIES)) == {"mainland"}


def test_it_opens_on_the_mainland_and_the_islands_are_one_click_away(
    qtbot, make_view, settings, js
):
    view = _ready(qtbot, make_view(boundaries=CITY_AND_ISLANDS))
    qtbot.waitUntil(lambda: _fitted(js, view, "mainland"), timeout=5_000)
    assert _fits(js, view, "islands")["contains"] is False
    assert js(view, TOGGLE + ".textContent") == "Kepulauan Seribu"
    js(view, TOGGLE + ".click()")
    qtbot.waitUntil(lambda: _fitted(js, view, "islands"), timeout=5_000)
    assert js(view, TOGGLE + ".textContent") == "Jakarta"
    js(view, TOGGLE + ".click()")
    qtbot.waitUntil(lambda: _fitted(js, view, "mainland"), timeout=5_000)


def test_the_home_view_follows_the_pane_until_the_user_moves_the_map(
    qtbot, make_view, settings, js
):
    view = _ready(qtbot, make_view(boundaries=CITY_AND_ISLANDS))
    qtbot.waitUntil(lambda: _fitted(js, view, "mainland"), timeout=5_000)
    wide = _fits(js, view, "mainland")["zoom"]
    view.resize(200, 700)  # the pane laid out narrower after the page loaded
    qtbot.waitUntil(
        lambda: _fitted(js, view, "mainland") and _fits(js, view, "mainland")["zoom"] < wide,
        timeout=5_000,
    )
    js(view, "QlueMap.map.setView([-6.2, 106.82], 16)")  # the user zooms in
    view.resize(800, 600)
    qtbot.waitUntil(lambda: js(view, "window.innerWidth") == 800, timeout=5_000)
    assert js(view, "QlueMap.map.getZoom()") == 16


def test_the_legend_is_compact_and_folds_away_remembered(qtbot, make_view, settings, js):
    view = _ready(qtbot, make_view())
    qtbot.waitUntil(lambda: js(view, LEGEND + " !== null"), timeout=5_000)
    area = (
        "(function (e) { var r = e.getBoundingClientRect(); return r.width * r.height / "
        "(window.innerWidth * window.innerHeight); })(" + LEGEND + ")"
    )
    assert js(view, area) < 0.08  # unfolded: under a twelfth of an 800 × 600 map
    assert "Menunggu" in js(view, LEGEND + ".textContent")
    assert view.legend_folded() is False
    js(view, LEGEND + ".querySelector('.qlue-legend-toggle').click()")
    qtbot.waitUntil(lambda: view.legend_folded() is True, timeout=5_000)
    assert "Menunggu" not in js(view, LEGEND + ".textContent")
    assert js(view, area) < 0.01  # folded: its title only

    again = _ready(qtbot, make_view())  # a console opened later: still folded
    qtbot.waitUntil(
        lambda: js(again, LEGEND + " !== null && " + LEGEND + ".classList.contains('qlue-folded')"),
        timeout=5_000,
    )
    js(again, LEGEND + ".querySelector('.qlue-legend-toggle').click()")
    qtbot.waitUntil(lambda: again.legend_folded() is False, timeout=5_000)
    assert "Menunggu" in js(again, LEGEND + ".textContent")


@pytest.mark.parametrize("width", [800, 420])
def test_the_attribution_stays_beside_the_scale_bar(qtbot, make_view, settings, width, js):
    view = _ready(qtbot, make_view())
    view.resize(width, 600)
    qtbot.waitUntil(lambda: js(view, "window.innerWidth") == width, timeout=5_000)
    boxes = json.loads(
        js(
            view,
            """JSON.stringify(['.leaflet-control-attribution', '.leaflet-control-scale']
        .map(function (s) { var r = document.querySelector(s).getBoundingClientRect();
                            return [r.left, r.top, r.right, r.bottom]; }))""",
        )
    )
    (al, at, ar, ab), (sl, st, sr, sb) = boxes
    assert ar <= width and ab <= 600 and sb <= 600
    assert ar <= sl or sr <= al or ab <= st or sb <= at, (
        f"attribution {boxes[0]} over the scale bar {boxes[1]}"
    )
    assert ab - at < 20  # one line
    assert "OCHA/BPS" in js(view, "document.querySelector('.leaflet-control-attribution').title")
    assert (
        js(view, "document.querySelectorAll('.leaflet-control-scale-line').length") == 1
    )  # metric only


def test_the_pages_own_words_are_translated(qtbot, make_view, settings, js):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from qlue_console.paths import resource

    translator = QTranslator()
    assert translator.load(str(resource("translations", "qlue_id.qm")))
    QCoreApplication.installTranslator(translator)
    try:
        view = _ready(qtbot, make_view(boundaries=CITY_AND_ISLANDS))
        qtbot.waitUntil(lambda: js(view, LEGEND + " !== null"), timeout=5_000)
        words = json.loads(
            js(
                view,
                """JSON.stringify({
            legend: document.querySelector('.qlue-legend-toggle').textContent,
            fold: document.querySelector('.qlue-legend-toggle').title,
            zoomIn: document.querySelector('.leaflet-control-zoom-in').title,
            zoomOut: document.querySelector('.leaflet-control-zoom-out').title,
            islands: document.querySelector('.qlue-view-toggle').title,
            attribution: document.querySelector('.leaflet-control-attribution').textContent})""",
            )
        )
    finally:
        QCoreApplication.removeTranslator(translator)
    assert words["legend"].startswith("Laporan")
    assert (words["fold"], words["zoomIn"], words["zoomOut"]) == (
        "Sembunyikan legenda",
        "Perbesar",
        "Perkecil",
    )
    assert words["islands"] == "Tampilkan Kepulauan Seribu"
    assert "Batas wilayah" in words["attribution"]
