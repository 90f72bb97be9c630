"""Fixtures of the map tests: a map pane on the real page in an offscreen QWebEngineView, a
way to run JavaScript in it and to wait for a marker change to be drawn, and markers made the
way the console makes them: reports in the test's PostgreSQL, read and encoded by the map's own
statement (``data.map_data.fetch_marker_changes``) — PostgreSQL is the only encoder of a marker.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")

from collections.abc import Callable, Iterable, Mapping  # noqa: E402
from datetime import UTC, datetime, timedelta  # noqa: E402

import pytest  # noqa: E402

# QtWebEngine must be imported before the QApplication exists.
from PySide6 import QtWebEngineWidgets  # noqa: E402,F401
from PySide6.QtCore import QCoreApplication, QEvent  # noqa: E402
from sqlalchemy import text  # noqa: E402

from qlue_console.data.map_data import fetch_marker_changes  # noqa: E402
from qlue_console.data.queue import QueueFilter  # noqa: E402
from qlue_console.domain.states import LABEL_OF_STATE, State  # noqa: E402
from qlue_console.gui.map.map_view import MapView  # noqa: E402
from qlue_console.gui.map.page import STATES, PreparedMarkers, prepare_encoded  # noqa: E402
from qlue_console.gui.workspaces.triage import MAP_LABELS  # noqa: E402

IMG_PAYLOAD = "<img src=x onerror=window.__xss=1>"
SCRIPT_PAYLOAD = "</script><script>window.__xss=1</script>"


def _square(x: float, y: float, d: float = 0.02) -> dict:
    return {
        "type": "Polygon",
        "coordinates": [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]],
    }


BOUNDARIES = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {
                "code": "31.71.01.1001",
                "name": "Gambir",
                "kecamatan": "Gambir",
                "kota": "Kota Administrasi Jakarta Pusat",
            },
            "geometry": _square(106.80, -6.19),
        },
        {
            "type": "Feature",
            "properties": {
                "code": "31.71.01.1002",
                "name": "Kebon Kelapa",
                "kecamatan": "Gambir",
                "kota": "Kota Administrasi Jakarta Pusat",
            },
            "geometry": _square(106.82, -6.19),
        },
        {
            "type": "Feature",
            "properties": {
                "code": "31.74.01.1001",
                "name": IMG_PAYLOAD,
                "kecamatan": SCRIPT_PAYLOAD,
                "kota": "Kota Administrasi Jakarta Selatan",
            },
            "geometry": _square(106.80, -6.25),
        },
    ],
}

# A marker as a test describes it; what a key leaves out is this.
MARKER_DEFAULTS: dict = {
    "lat": -6.2,
    "lon": 106.83,
    "state": "Menunggu",  # a label: the report gets the first status with it
    "priority": 1,
    "overdue": False,
    "title": "Sampah",  # a category's Indonesian name (made when no category has it)
    "text": "Sampah menumpuk",
}
# Every state: the map shows whatever the test puts there.
EVERY_STATE = QueueFilter(states=tuple(s.value for s in State))
_STATUS_OF_LABEL = {}
for _state, _label in LABEL_OF_STATE.items():
    _STATUS_OF_LABEL.setdefault(_label.value, str(_state))


def _marker(report_id: int, *values, **named) -> dict:
    """(report_id, lat, lon, state, priority, overdue, title, text), by position or by name."""
    fields = list(MARKER_DEFAULTS)
    if len(values) > len(fields) or set(named) - set(fields):
        raise TypeError(f"a marker has the values {fields}")
    return {"id": report_id, **MARKER_DEFAULTS, **dict(zip(fields, values, strict=False)), **named}


@pytest.fixture
def marker() -> Callable[..., dict]:
    """``marker(report_id, state="Selesai", ...)``: a marker as a test describes it, the report's
    id and the values it differs in from ``MARKER_DEFAULTS``."""
    return _marker


class MapReports:
    """Reports in the test database that look like the markers a test describes; ``prepared``
    returns them as the console's live path does (the map's statement narrowed to their ids,
    encoded by PostgreSQL, prepared by ``page.prepare_encoded``)."""

    def __init__(self, engine) -> None:
        self.engine = engine
        self._categories: dict[str, str] = {}

    def _category(self, conn, title: str) -> str:
        if title not in self._categories:
            code = conn.execute(
                text("SELECT code FROM categories WHERE name_id = :t ORDER BY code LIMIT 1"),
                {"t": title},
            ).scalar()
            if code is None:
                code = f"test_{len(self._categories)}"
                conn.execute(
                    text(
                        "INSERT INTO categories (code, name_id, name_en, sla_hours) "
                        "VALUES (:c, :t, :t, 24)"
                    ),
                    {"c": code, "t": title},
                )
            self._categories[title] = code
        return self._categories[title]

    def put(self, markers: Iterable[Mapping]) -> list[int]:
        """Inserts or changes the reports; returns their ids."""
        now = datetime.now(UTC)
        rows = []
        with self.engine.begin() as conn:
            for m in markers:
                rows.append(
                    {
                        "id": int(m["id"]),
                        "e": f"map-test-{m['id']}",
                        "t": m["text"] or "-",
                        "cat": self._category(conn, m["title"]),
                        "lat": m["lat"],
                        "lon": m["lon"],
                        "st": _STATUS_OF_LABEL[m["state"]],
                        "p": m["priority"],
                        "at": now,
                        "due": now - timedelta(hours=1) if m["overdue"] else None,
                    }
                )
            if rows:
                conn.execute(
                    text("""
                    INSERT INTO reports (id, channel, external_id, citizen_handle, text,
                                         category_code, lat, lon, status, priority, reported_at,
                                         created_at, due_at, closed_at)
                    VALUES (:id, 'app', :e, 'warga', :t, :cat, :lat, :lon, :st, :p, :at, :at,
                            :due, CASE WHEN NOT qlue_report_is_open(:st)
                                       THEN CAST(:at AS timestamptz) END)
                    ON CONFLICT (id) DO UPDATE SET text = excluded.text,
                        category_code = excluded.category_code, lat = excluded.lat,
                        lon = excluded.lon, status = excluded.status,
                        priority = excluded.priority, due_at = excluded.due_at,
                        closed_at = excluded.closed_at"""),
                    rows,
                )
        return [r["id"] for r in rows]

    def prepared(self, markers: Iterable[Mapping]) -> PreparedMarkers:
        ids = self.put(markers)
        changes = fetch_marker_changes(
            self.engine, EVERY_STATE, ids, language="id", label_of=MAP_LABELS, label_order=STATES
        )
        assert not changes.gone, "every report put is on the map"
        return prepare_encoded(changes.markers.titles, changes.markers.rows)


@pytest.fixture
def map_reports(db_engine) -> MapReports:
    return MapReports(db_engine)


@pytest.fixture
def prepared(map_reports) -> Callable[[Iterable[Mapping]], PreparedMarkers]:
    """``prepared([marker(1), marker(2, state="Selesai")])``: those markers as the console
    prepares them for ``MapView.set_markers`` / ``upsert_markers``."""
    return map_reports.prepared


def run_js(qtbot, view: MapView, script: str):
    """Runs ``script`` (an expression) in the page and returns its value."""
    with qtbot.waitCallback(timeout=5_000) as callback:
        view.view.page().runJavaScript(script, 0, callback)
    return callback.args[0]


@pytest.fixture
def js(qtbot) -> Callable:
    """``js(view, script)``: the value of a JavaScript expression in the map's page."""
    return lambda view, script: run_js(qtbot, view, script)


@pytest.fixture
def drawn(qtbot) -> Callable:
    """``drawn(view, action)``: runs ``action`` and waits until the page has drawn the change."""

    def run(view: MapView, action: Callable[[], object]) -> None:
        with qtbot.waitSignal(view.markers_drawn, timeout=5_000):
            action()

    return run


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
    for view in made:  # delete the pages before the web engine profile goes
        view.close()
        view.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def map_view(qtbot, make_view) -> MapView:
    view = make_view()
    # Ready, and the (empty) first batch drawn: later markers_drawn signals are the test's own.
    with qtbot.waitSignals([view.ready, view.markers_drawn], timeout=20_000):
        pass
    qtbot.waitUntil(lambda: run_js(qtbot, view, "QlueMap.stateLegend !== null"), timeout=5_000)
    return view
