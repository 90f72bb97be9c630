"""An administrator sees the Open311 gateway's channels in the Directory (name, the key's last
use, reports and refusals today, revoked or live), read from the real database; anyone else does
not see them, and the database refuses them the list anyway."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QGroupBox, QLabel, QTableWidget

from qlue_console.access import channel_keys
from qlue_console.db.engine import describe, make_engine
from qlue_console.db.errors import PermissionDeniedError
from qlue_console.gui.dispatch.channels_view import ChannelsView
from qlue_console.gui.main_window import MainWindow
from qlue_console.gui.tasks import TaskRunner
from qlue_console.seed.demo_people import seed_people
from tests.access.conftest import drop_roles


@pytest.fixture
def channels(db_engine, db_url):
    """Two channels, one used by the gateway and one revoked; their logins dropped after."""
    names = [f"gui{os.getpid()}-app", f"gui{os.getpid()}-sms"]
    with db_engine.begin() as conn:
        seed_people(conn)
        app = channel_keys.add_channel(conn, names[0])
        channel_keys.add_channel(conn, names[1])
        assert channel_keys.receive(conn, app.key).login == app.login
        channel_keys.log_refusal(conn, app.login, "rate limit")
        channel_keys.revoke_channel(conn, names[1])
    yield names
    drop_roles(db_url, [f"channel.{n}" for n in names])


WORDS = {
    "en": ("never", "live", "revoked ", "2 channels · 1 with a live key"),
    "id": ("belum pernah", "aktif", "dicabut ", "2 kanal · 1 dengan kunci aktif"),
}


@pytest.fixture(params=["en", "id"])
def language(request, qapp):
    from qlue_console.gui.i18n import install_translations, uninstall_translations

    before = QLocale()
    install_translations(qapp, request.param)
    yield request.param
    uninstall_translations(qapp)
    QLocale.setDefault(before)


def test_the_admin_sees_the_channels_in_the_directory(qtbot, language, channels, login_url):
    never, live, revoked, status_line = WORDS[language]
    url = login_url("qlue_admin")
    engine = make_engine(url)
    window = MainWindow(engine, url, describe(url), language, workspace="directory")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.workspace_ready, timeout=60_000):
        window.show()
    directory = window.workspace("directory").widget
    table = directory.findChild(QTableWidget, "channelsTable")
    box = directory.findChild(QGroupBox, "channelsBox")
    qtbot.waitUntil(lambda: box.isVisible() and table.rowCount() == 2, timeout=10_000)
    rows = [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]
    app, sms = rows
    assert app[0] == channels[0] and app[1] != never and app[2:] == ["0", "1", live]
    assert sms[0] == channels[1] and sms[1] == never and sms[4].startswith(revoked)
    assert directory.findChild(QLabel, "channelsStatus").text() == status_line
    window.close()
    engine.dispose()


def test_an_operator_does_not_see_them(qtbot, qapp, channels, login_url):
    engine = make_engine(login_url("qlue_operator"))
    tasks = TaskRunner()
    view = ChannelsView(engine, tasks)
    qtbot.addWidget(view)
    view.show()
    view.reload()
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=10_000)
    assert view.table.rowCount() == 0 and view.status.text() == ""
    with engine.begin() as conn, pytest.raises(PermissionDeniedError):
        channel_keys.list_channels(conn)
    engine.dispose()
