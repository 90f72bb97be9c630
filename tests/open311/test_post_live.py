"""The headline of the gateway: a report an Open311 client posts over HTTP, with its photo,
arrives live in a running console's queue and on its map (the same test database)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from qlue_console.db import contract
from qlue_console.db.engine import describe
from qlue_console.gui.main_window import MainWindow
from qlue_console.gui.queue_model import COL_CHANNEL
from qlue_console.seed.demo_people import seed_people
from tests.open311.util import MONAS
from tests.photo_factory import jpeg


@pytest.fixture
def console(qtbot, db_engine, db_url):
    with db_engine.begin() as conn:
        seed_people(conn)
        for i in range(3):
            contract.submit_report(
                conn,
                channel="web",
                external_id=f"before-{i}",
                citizen=f"warga{i}",
                text_=f"Sampah menumpuk nomor {i}",
                category="sampah",
                lat=MONAS[0] + i * 1e-3,
                lon=MONAS[1],
            )
    window = MainWindow(db_engine, db_url, describe(db_url), "en")
    qtbot.addWidget(window)
    window.resize(1400, 850)
    window.show()
    with qtbot.waitSignal(window.workspace_ready, timeout=60_000):
        pass
    yield window
    window.close()


def test_a_posted_report_arrives_live_in_the_queue_and_on_the_map(qtbot, console, poster):
    http, channel = poster
    queue, map_view = console.triage.queue, console.triage.map
    qtbot.waitUntil(lambda: len(map_view.report_ids()) == 3, timeout=15_000)
    response = http.post(
        "requests.json",
        data={
            "api_key": channel.key,
            "service_code": "parkir_liar",
            "lat": str(MONAS[0] - 0.002),
            "long": str(MONAS[1]),
            "description": "Mobil parkir di trotoar, dilaporkan lewat aplikasi",
            "phone": "+62 812 0000 1111",
        },
        files={"media": ("photo.jpg", jpeg(7), "image/jpeg")},
    )
    assert response.status_code == 200, response.text
    report_id = int(response.json()[0]["service_request_id"])
    qtbot.waitUntil(lambda: queue.model.position_of(report_id) is not None, timeout=5_000)
    qtbot.waitUntil(lambda: report_id in map_view.report_ids(), timeout=5_000)
    row = queue.model.row_at(queue.model.position_of(report_id))
    assert row.channel == "app" and "+62" not in row.excerpt


def test_the_queue_names_the_channel_a_report_was_posted_through(qtbot, console, poster):
    http, channel = poster
    model = console.triage.queue.model
    qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=15_000)
    response = http.post(
        "requests.json",
        data={
            "api_key": channel.key,
            "service_code": "sampah",
            "lat": str(MONAS[0] - 0.002),
            "long": str(MONAS[1]),
            "description": "Sampah di depan sekolah, dilaporkan lewat aplikasi",
        },
    )
    assert response.status_code == 200, response.text
    report_id = int(response.json()[0]["service_request_id"])
    qtbot.waitUntil(lambda: model.position_of(report_id) is not None, timeout=5_000)
    posted = model.index(model.position_of(report_id), COL_CHANNEL)
    assert model.data(posted) == f"App · {channel.name}"
    assert channel.name in model.data(posted, Qt.ItemDataRole.ToolTipRole)
    # the reports submitted through the contract directly name no channel
    for position in range(model.rowCount()):
        if model.row_at(position).id != report_id:
            assert model.data(model.index(position, COL_CHANNEL)) == "Web"
            assert (
                model.data(model.index(position, COL_CHANNEL), Qt.ItemDataRole.ToolTipRole) is None
            )
    # the detail pane's "Channel / citizen" line names it too
    triage = console.triage
    with qtbot.waitSignal(triage.detail.loaded, timeout=10_000):
        triage.open_report(report_id)
    line = triage.detail.widget.findChild(QLabel, "channelValue").text()
    assert line.startswith(f"App · {channel.name} · @")
