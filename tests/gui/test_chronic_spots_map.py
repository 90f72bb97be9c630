"""The map's chronic spots layer through the real page in an offscreen QWebEngineView: a circle
per spot sized by its reports and darker as more came back, shown and hidden, its tooltip's
texts as text (a category or kelurahan name runs nothing), a click inside a circle (not on a
marker) comes back as ``spot_clicked``, the spot the queue is narrowed to outlined, and spots
sent before the page is ready drawn on ready."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta

import pytest

from qlue_console.data.recurrences import ChronicSpot, fetch_chronic_spots
from qlue_console.db.engine import describe
from qlue_console.gui.main_window import MainWindow
from qlue_console.gui.map.spot_layer import (
    ACTIVE_SPOT_OUTLINE,
    SPOT_MAX_RADIUS,
    SPOT_RAMP,
    spot_colour,
    spot_radius,
)
from tests.gui.chronic_city import PLUIT, build_spot_city
from tests.gui.conftest import IMG_PAYLOAD, SCRIPT_PAYLOAD, run_js
from tests.gui.test_map_view import assert_no_handler_ran
from tests.recurrence.city import north, submit

NOW = datetime.now(UTC)


def js_value(qtbot, view, script: str):
    return run_js(qtbot, view, script)


def _spot(spot_id: int, reports: int, recurrences: int = 0, **named) -> ChronicSpot:
    values = {
        "id": spot_id,
        "category_code": "sampah",
        "category_id": "Sampah",
        "category_en": "Garbage",
        "lat": -6.20 + spot_id * 0.004,
        "lon": 106.83,
        "kelurahan": "Gambir",
        "kota": "Jakarta Pusat",
        "reports": reports,
        "recurrences": recurrences,
        "first_reported_at": NOW - timedelta(days=40),
        "last_reported_at": NOW - timedelta(hours=2),
    }
    values.update(named)
    return ChronicSpot(**values)


def _style(js, view, spot_id: int) -> dict:
    return json.loads(js(view, f"JSON.stringify(QlueMap.spotStyle({spot_id}))"))


def _show(qtbot, view, spots, **kwargs) -> None:
    with qtbot.waitSignal(view.spots_drawn, timeout=5_000) as drawn:
        view.set_chronic_spots(spots, **kwargs)
    assert drawn.args[0] == (-1 if spots is None else len(spots))


def test_the_circles_grow_with_the_reports_and_darken_as_more_came_back():
    assert spot_radius(4) < spot_radius(9) < spot_radius(25) <= SPOT_MAX_RADIUS
    assert spot_radius(10_000) == SPOT_MAX_RADIUS
    assert spot_colour(0) == SPOT_RAMP[0] and spot_colour(1) == SPOT_RAMP[1]
    assert spot_colour(3) == spot_colour(4) == SPOT_RAMP[3]
    assert spot_colour(5) == spot_colour(50) == SPOT_RAMP[-1]


def test_each_spot_is_a_circle_sized_by_its_reports(qtbot, map_view, js):
    spots = [_spot(1, 4), _spot(2, 16, recurrences=2), _spot(3, 40, recurrences=7)]
    _show(qtbot, map_view, spots)
    assert js(map_view, "QlueMap.spotCount()") == 3
    styles = {s.id: _style(js, map_view, s.id) for s in spots}
    assert [styles[i]["radius"] for i in (1, 2, 3)] == [spot_radius(n) for n in (4, 16, 40)]
    assert styles[1]["radius"] < styles[2]["radius"] < styles[3]["radius"]
    assert [styles[i]["fill"] for i in (1, 2, 3)] == [SPOT_RAMP[0], SPOT_RAMP[2], SPOT_RAMP[-1]]
    legend = js(map_view, "QlueMap.spotLegend.getContainer().textContent")
    assert legend.startswith("Chronic spots (3)")
    assert "5 or more came back" in legend


def test_a_thousand_spots_are_drawn_within_a_second(qtbot, map_view, js):
    """As many spots as the list reads (``fetch_chronic_spots``' limit), over the mainland."""
    spots = [
        _spot(i, 4 + i % 30, i % 7, lat=-6.35 + (i // 40) * 0.009, lon=106.70 + (i % 40) * 0.006)
        for i in range(1, 1001)
    ]
    t0 = time.perf_counter()
    _show(qtbot, map_view, spots)
    assert time.perf_counter() - t0 < 1.0
    assert js(map_view, "QlueMap.spotCount()") == 1000
    # The same spots again (a live refresh that changed nothing) are not sent again.
    with qtbot.assertNotEmitted(map_view.spots_drawn, wait=300):
        map_view.set_chronic_spots(list(spots))


def test_the_layer_hides_and_shows(qtbot, map_view, js):
    _show(qtbot, map_view, [_spot(1, 5), _spot(2, 6)])
    hidden = "QlueMap.spotLegend.getContainer().classList.contains('qlue-hidden')"
    assert js(map_view, hidden) is False
    _show(qtbot, map_view, None)
    assert js(map_view, "QlueMap.spotCount()") == -1
    assert js(map_view, "QlueMap.map.hasLayer(QlueMap.spots || L.layerGroup())") is False
    assert js(map_view, hidden) is True
    assert map_view.chronic_spots() is None
    _show(qtbot, map_view, [_spot(1, 5)])
    assert js(map_view, "QlueMap.spotCount()") == 1
    assert js(map_view, hidden) is False
    # On, with no spot in the city: the legend says so.
    _show(qtbot, map_view, [])
    assert js(map_view, "QlueMap.spotCount()") == 0
    assert js(map_view, hidden) is False
    assert "No chronic spots" in js(map_view, "QlueMap.spotLegend.getContainer().textContent")


def test_a_click_inside_a_circle_off_its_markers_reports_the_spot(
    qtbot, map_view, js, marker, prepared, drawn
):
    spot = _spot(2, 12, recurrences=1)
    drawn(map_view, lambda: map_view.set_markers(prepared([marker(7, spot.lat, spot.lon)])))
    _show(qtbot, map_view, [spot])
    with qtbot.waitSignal(map_view.spot_clicked, timeout=5_000) as clicked:
        qtbot.waitUntil(lambda: js(map_view, "QlueMap.clickSpot(2)") is True, timeout=5_000)
    assert clicked.args == [2]
    # The report's marker at the centre is still the marker's: a click there opens the report.
    with qtbot.waitSignal(map_view.report_clicked, timeout=5_000) as report:
        qtbot.waitUntil(lambda: js(map_view, "QlueMap.clickMarker(7)") is True, timeout=5_000)
    assert report.args == [7]


def test_the_tooltip_says_category_place_reports_and_came_back(qtbot, map_view, js):
    _show(qtbot, map_view, [_spot(4, 9, recurrences=3)], weeks=8, language="en")
    qtbot.waitUntil(lambda: js(map_view, "QlueMap.hoverSpot(4)") is True, timeout=5_000)
    qtbot.waitUntil(lambda: js(map_view, "QlueMap.tooltipElement() !== null"), timeout=5_000)
    tip = js(map_view, "QlueMap.tooltipElement().textContent")
    for part in ("Garbage", "Gambir, Jakarta Pusat", "9 reports in 8 weeks", "after closing: 3"):
        assert part in tip


@pytest.mark.parametrize("payload", [IMG_PAYLOAD, SCRIPT_PAYLOAD])
def test_category_and_kelurahan_names_show_as_text_and_run_nothing(qtbot, map_view, js, payload):
    spot = _spot(5, 6, category_id=payload, kelurahan=payload, kota=None)
    _show(qtbot, map_view, [spot], language="id")
    qtbot.waitUntil(lambda: js(map_view, "QlueMap.hoverSpot(5)") is True, timeout=5_000)
    qtbot.waitUntil(lambda: js(map_view, "QlueMap.tooltipElement() !== null"), timeout=5_000)
    tip = js(map_view, "QlueMap.tooltipElement().textContent")
    assert tip.count(payload) == 2
    assert js(map_view, "QlueMap.tooltipElement().querySelectorAll('img, script').length") == 0
    assert_no_handler_ran(qtbot, map_view, js)


def test_the_spot_the_queue_is_narrowed_to_is_outlined(qtbot, map_view, js):
    _show(qtbot, map_view, [_spot(1, 5), _spot(2, 7)])
    with qtbot.waitSignal(map_view.spots_drawn, timeout=5_000):
        map_view.set_active_spot(2)
    assert _style(js, map_view, 2)["outline"] == ACTIVE_SPOT_OUTLINE
    assert _style(js, map_view, 1)["outline"] != ACTIVE_SPOT_OUTLINE


def test_spots_sent_before_the_page_is_ready_are_drawn_on_ready(qtbot, make_view, js):
    view = make_view()
    assert not view.is_ready()
    view.set_chronic_spots([_spot(1, 5), _spot(2, 8)])
    with qtbot.waitSignal(view.spots_drawn, timeout=20_000) as drawn:
        pass
    assert drawn.args == [2]
    assert js(view, "QlueMap.spotCount()") == 2


# -- in the triage workspace, on a real database ------------------------------------------------


@pytest.fixture
def spot_city(db_engine):
    return build_spot_city(db_engine)


@pytest.fixture
def triage(qtbot, spot_city, db_engine, db_url):
    win = MainWindow(db_engine, db_url, describe(db_url), "en")
    qtbot.addWidget(win)
    win.resize(1500, 900)
    win.show()
    with qtbot.waitSignal(win.workspace_ready, timeout=60_000):
        pass
    yield win.triage
    win.close()


def _spots_on(qtbot, ws) -> float:
    """Turns the toggle on; the seconds until the page has drawn the city's spots."""
    t0 = time.perf_counter()
    with qtbot.waitSignal(ws.map.spots_drawn, timeout=10_000):
        ws.show_chronic_spots(True)
    return time.perf_counter() - t0


def test_the_toggle_draws_the_citys_spots_within_a_second(qtbot, triage, db_engine):
    ws = triage
    assert ws.map.chronic_spots() is None
    assert js_value(qtbot, ws.map, "QlueMap.spotCount()") == -1
    seconds = _spots_on(qtbot, ws)
    assert seconds < 1.0
    spots = {s.category_code: s for s in fetch_chronic_spots(db_engine)}
    assert js_value(qtbot, ws.map, "QlueMap.spotCount()") == len(spots) == 3
    radius = {
        code: json.loads(js_value(qtbot, ws.map, f"JSON.stringify(QlueMap.spotStyle({s.id}))"))[
            "radius"
        ]
        for code, s in spots.items()
    }
    assert radius["banjir"] == spot_radius(6) > radius["sampah"] == spot_radius(4)
    assert ws.spots.widget.isVisible()

    with qtbot.waitSignal(ws.map.spots_drawn, timeout=5_000) as off:
        ws.show_chronic_spots(False)
    assert off.args == [-1] and not ws.spots.widget.isVisible()


def test_clicking_a_spot_narrows_the_queue_and_the_map_to_its_reports(
    qtbot, triage, spot_city, db_engine
):
    ws = triage
    _spots_on(qtbot, ws)
    spot = next(s for s in fetch_chronic_spots(db_engine) if s.category_code == "sampah")
    expected = set(spot_city["sampah:open"])
    with qtbot.waitSignal(ws.queue.first_page_loaded, timeout=10_000):
        assert js_value(qtbot, ws.map, f"QlueMap.clickSpot({spot.id})") is True
    assert ws.queue.current_filter().chronic_spot == spot.id
    rows = {ws.queue.model.row_at(r).id for r in range(ws.queue.model.rowCount())}
    assert rows == expected
    qtbot.waitUntil(lambda: ws.map.report_ids() == expected, timeout=10_000)
    caption = ws.queue.spot_filter_caption()
    assert caption is not None and "Garbage" in caption and "(4 reports)" in caption
    assert (
        json.loads(js_value(qtbot, ws.map, f"JSON.stringify(QlueMap.spotStyle({spot.id}))"))[
            "outline"
        ]
        == ACTIVE_SPOT_OUTLINE
    )

    # The bridge's own slot (what the page calls) does the same for another spot.
    other = next(s for s in fetch_chronic_spots(db_engine) if s.category_code == "banjir")
    with qtbot.waitSignal(ws.queue.first_page_loaded, timeout=10_000):
        ws.map._bridge.spotClicked(other.id)
    rows = {ws.queue.model.row_at(r).id for r in range(ws.queue.model.rowCount())}
    assert rows == set(spot_city["banjir:open"])

    with qtbot.waitSignal(ws.queue.first_page_loaded, timeout=10_000):
        ws.queue.clear_chronic_spot()
    assert ws.queue.current_filter().chronic_spot is None
    assert ws.queue.spot_filter_caption() is None
    qtbot.waitUntil(lambda: len(ws.map.report_ids()) == 13, timeout=10_000)


def test_the_layer_follows_reports_as_they_arrive(qtbot, triage, db_engine):
    ws = triage
    _spots_on(qtbot, ws)
    before = {s.category_code: s.reports for s in ws.map.chronic_spots()}
    submit(db_engine, north(40, of=PLUIT), category="banjir")
    qtbot.waitUntil(
        lambda: (
            {s.category_code: s.reports for s in ws.map.chronic_spots()}
            == {**before, "banjir": before["banjir"] + 1}
        ),
        timeout=15_000,
    )


def test_a_spot_opened_from_its_list_is_brought_into_view(qtbot, map_view, js):
    """The list's spot may lie anywhere in the city: the map goes to it, close enough to tell
    its reports apart, and leaves a place already in view where it is."""
    far = _spot(1, 5, lat=-6.105, lon=106.90)  # by the bay, away from the opening view
    _show(qtbot, map_view, [far])
    map_view.show_place(far.lat, far.lon)
    qtbot.waitUntil(
        lambda: js(map_view, "QlueMap.map.getBounds().contains([-6.105, 106.90])"), timeout=5_000
    )
    assert js(map_view, "QlueMap.map.getZoom()") >= 16
    centre = json.loads(js(map_view, "JSON.stringify(QlueMap.map.getCenter())"))
    assert abs(centre["lat"] - far.lat) < 1e-3 and abs(centre["lng"] - far.lon) < 1e-3
