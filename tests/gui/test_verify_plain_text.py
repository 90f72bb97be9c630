"""The verifier's texts from citizens and officials (report text, official's note and name,
photo metadata) shown literally, never as markup."""

from __future__ import annotations

from PySide6.QtGui import Qt, QTextDocument
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox
from sqlalchemy import text

from qlue_console.gui.tasks import TaskRunner
from qlue_console.gui.verify.queue_model import COL_OFFICIAL
from qlue_console.gui.workspaces.base import WorkspaceContext
from qlue_console.gui.workspaces.verify import VerifyWorkspace
from qlue_console.verify.checking import check_pending
from tests.verify.city import build_city

MARKUP = "<img src=x onerror=alert(1)> <b>bold</b> &amp;"


def _shown(value: str, rich: bool) -> str:
    if rich:
        doc = QTextDocument()
        doc.setHtml(value)
        return doc.toPlainText()
    return value


def test_verify_shows_citizens_and_officials_text_literally(qtbot, db_engine, db_url, monkeypatch):
    build_city(db_engine)
    with db_engine.begin() as conn:
        conn.execute(text("UPDATE follow_ups SET note = :m"), {"m": MARKUP})
        conn.execute(text("UPDATE reports SET text = :m"), {"m": MARKUP})
        conn.execute(
            text(
                "UPDATE accounts SET display_name = :m WHERE id IN (SELECT account_id "
                "FROM follow_ups)"
            ),
            {"m": MARKUP},
        )
    check_pending(db_engine, limit=100)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    window = QMainWindow()
    qtbot.addWidget(window)
    tasks = TaskRunner(window)
    ws = VerifyWorkspace(WorkspaceContext(db_engine, tasks, "en", None, db_url), window)
    window.setCentralWidget(ws.widget)
    window.resize(1600, 900)
    with qtbot.waitSignal(ws.item_shown, timeout=20_000):
        window.show()
    report_text = ws.widget.findChild(QLabel, "reportText")
    assert report_text.textFormat() == Qt.TextFormat.PlainText
    assert report_text.text().count(MARKUP) == 2  # the citizen's text and the official's note
    title = ws.widget.findChild(QLabel, "itemTitle")
    rich = title.textFormat() == Qt.TextFormat.RichText or Qt.mightBeRichText(title.text())
    assert f"({MARKUP})" in _shown(title.text(), rich)  # the official's name
    tip = ws.model.index(0, COL_OFFICIAL).data(Qt.ItemDataRole.ToolTipRole)
    assert _shown(tip, Qt.mightBeRichText(tip)) == MARKUP
    tasks.wait_idle()
    window.close()
