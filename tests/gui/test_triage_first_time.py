"""The triage workspace right the first time, on a real database: counts from the first load
for every role, N takes the next waiting report and shows it selected, people instead of
logins, confirmations with Undo, citizens' and officials' text shown literally, a right pane
that keeps its width, and an empty state that says what to do."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import Qt, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget, QWidgetItem
from sqlalchemy import text

from qlue_console.db.engine import describe, make_engine
from qlue_console.gui.main_window import MainWindow
from qlue_console.gui.plain_text import plain_message, plain_tooltip
from qlue_console.gui.queue_model import COL_CLAIMED, COL_TEXT
from qlue_console.seed.demo_people import seed_people
from qlue_console.triage import actions
from tests.photo_factory import jpeg

MONAS = (-6.1754, 106.8272)
MARKUP = "<img src=x onerror=alert(1)> <b>bold</b> &amp;"


def shown(tooltip: str) -> str:
    """The characters Qt shows for a tooltip (rich text when Qt::mightBeRichText says so)."""
    if Qt.mightBeRichText(tooltip):
        doc = QTextDocument()
        doc.setHtml(tooltip)
        return doc.toPlainText()
    return tooltip


def _submit(
    conn, n, *, body="Sampah menumpuk", citizen=None, lat=MONAS[0], lon=MONAS[1], category="sampah"
):
    return conn.execute(
        text("SELECT submit_report('app', :e, :c, :t, :cat, :lat, :lon)"),
        {
            "e": f"ft{n}",
            "c": citizen or f"warga{n}",
            "t": body,
            "cat": category,
            "lat": lat,
            "lon": lon,
        },
    ).scalar_one()


@pytest.fixture
def city(db_engine):
    with db_engine.begin() as conn:
        seed_people(conn)
        ids = [
            _submit(
                conn,
                i,
                lat=MONAS[0] + i * 0.003,
                category=("sampah", "banjir")[i % 2],
                body=f"Laporan {i}",
            )
            for i in range(8)
        ]
    return db_engine, ids


def _open_window(qtbot, engine, url, language="en"):
    win = MainWindow(engine, url, describe(url), language)
    qtbot.addWidget(win)
    win.resize(1560, 920)
    win.show()
    with qtbot.waitSignal(win.workspace_ready, timeout=60_000):
        pass
    return win


@pytest.fixture
def window(qtbot, city, db_url, monkeypatch):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    win = _open_window(qtbot, city[0], db_url)
    yield win
    win.close()


def _select(qtbot, ws, report_id):
    with qtbot.waitSignal(ws.detail.loaded, timeout=10_000):
        ws.open_report(report_id)
    return ws.detail.detail


def _layout_pass() -> None:
    """Runs the layout requests posted so far (what a turn of the event loop would)."""
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    QApplication.processEvents()


def _kinds(engine, report_id):
    with engine.connect() as conn:
        return (
            conn.execute(
                text("SELECT kind FROM events WHERE report_id = :id ORDER BY id"), {"id": report_id}
            )
            .scalars()
            .all()
        )


# -- 1. counts from the first load --------------------------------------------------------


@pytest.mark.parametrize("role", ["qlue_operator", "qlue_supervisor", "qlue_admin"])
def test_state_tabs_show_counts_from_the_first_load(qtbot, city, login_url, role):
    url = login_url(role)
    engine = make_engine(url)
    win = MainWindow(engine, url, describe(url), "en")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: "triage" in win.workspaces, timeout=30_000)
    queue = win.triage.queue
    qtbot.waitUntil(
        lambda: queue.tab_texts()[0].endswith("(8)"), timeout=15_000
    )  # no action, no change
    assert queue.tab_texts()[1].endswith("(8)")  # Menunggu
    win.close()
    engine.dispose()


# -- 2. N ---------------------------------------------------------------------------------


def test_next_selects_the_claimed_report_and_never_reclaims_the_held_one(qtbot, window, city):
    engine, ids = city
    ws = window.triage
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE reports SET priority = 3 WHERE id = ANY(:ids)"), {"ids": [ids[5], ids[6]]}
        )
    _select(qtbot, ws, ids[0])  # a row clicked before
    assert ws.queue.selected_report() == ids[0]
    with qtbot.waitSignal(ws.actions.next_claimed, timeout=10_000) as first:
        ws.actions.next_report()
    assert first.args == [ids[5]]
    qtbot.waitUntil(lambda: ws.queue.selected_report() == ids[5], timeout=10_000)
    qtbot.waitUntil(
        lambda: (
            ws.detail.detail is not None
            and ws.detail.detail.id == ids[5]
            and ws.detail.detail.claimed_by is not None
        ),
        timeout=10_000,
    )
    with qtbot.waitSignal(ws.actions.next_claimed, timeout=10_000) as second:
        ws.actions.next_report()
    assert second.args == [ids[6]]  # not the one already held
    qtbot.waitUntil(lambda: ws.queue.selected_report() == ids[6], timeout=10_000)
    assert _kinds(engine, ids[5]).count("claimed") == 1
    assert _kinds(engine, ids[5])[-1] == "released"
    assert _kinds(engine, ids[6]).count("claimed") == 1


def test_next_clears_a_filter_that_hides_the_claimed_report(qtbot, window, city):
    from qlue_console.data.queue import QueueFilter

    engine, ids = city
    ws = window.triage
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE reports SET priority = 3 WHERE id = :id"), {"id": ids[1]}
        )  # banjir
    with qtbot.waitSignal(ws.queue.first_page_loaded, timeout=10_000):
        ws.queue.apply_filter_to_widgets(QueueFilter(category="sampah"))
    assert ws.queue.model.position_of(ids[1]) is None
    with qtbot.waitSignal(ws.queue.message, timeout=10_000) as said:
        ws.actions.next_report()
    assert f"#{ids[1]}" in said.args[0]
    qtbot.waitUntil(lambda: ws.queue.selected_report() == ids[1], timeout=10_000)
    assert ws.queue.current_filter().category is None


def test_an_action_that_does_nothing_says_why(qtbot, window, city):
    engine, ids = city
    ws = window.triage
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE reports SET status = 'dispatched' WHERE id = :id"), {"id": ids[2]}
        )
    _select(qtbot, ws, ids[2])
    with qtbot.waitSignal(ws.actions.message, timeout=2_000) as said:
        ws.actions.mark_triaged()
    assert f"#{ids[2]}" in said.args[0] and "Proses" in said.args[0]
    assert _kinds(engine, ids[2]) == ["created"]
    with qtbot.waitSignal(ws.actions.message, timeout=2_000) as said:
        ws.actions.set_priority(ws.detail.detail.priority)
    assert "already has priority" in said.args[0]


# -- 3. the person, not the login ---------------------------------------------------------


def test_a_claim_shows_the_person_everywhere(qtbot, window, city, login_url):
    engine, ids = city
    url = login_url("qlue_operator")
    other = make_engine(url)
    login = actions.whoami(other)
    with engine.begin() as conn:
        conn.execute(text("UPDATE accounts SET login = :l WHERE handle = 'op.andi'"), {"l": login})
    actions.claim(other, ids[3])
    ws = window.triage
    detail = _select(qtbot, ws, ids[3])
    assert detail.claimed_by == login
    assert "claimed by op.andi" in ws.detail.widget.findChild(QLabel, "stateLabel").text()
    assert "op.andi" in ws.actions.widget.findChild(QLabel, "claimBanner").text()
    assert login not in ws.detail.widget.findChild(QLabel, "stateLabel").text()
    row = ws.queue.model.position_of(ids[3])
    qtbot.waitUntil(
        lambda: ws.queue.model.index(row, COL_CLAIMED).data() == "op.andi", timeout=10_000
    )
    other.dispose()


def test_a_refused_action_names_the_person_holding_the_report(
    qtbot, city, db_url, login_url, monkeypatch
):
    engine, ids = city
    shown_boxes: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _p, title, body: shown_boxes.append(f"{title}: {body}")
    )
    win = _open_window(qtbot, engine, db_url)
    ws = win.triage
    _select(qtbot, ws, ids[4])
    url = login_url("qlue_operator")
    other = make_engine(url)
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE accounts SET login = :l WHERE handle = 'op.sari'"),
            {"l": actions.whoami(other)},
        )
    actions.claim(other, ids[4])  # after this console opened it
    ws.actions.set_priority(2)
    qtbot.waitUntil(lambda: bool(shown_boxes), timeout=10_000)
    assert "op.sari" in shown_boxes[0] and actions.whoami(other) not in shown_boxes[0]
    win.close()
    other.dispose()


# -- 4. confirmations and Undo ------------------------------------------------------------


def test_reject_is_confirmed_and_can_be_undone(qtbot, window, city, monkeypatch):
    engine, ids = city
    ws = window.triage
    monkeypatch.setattr(
        "qlue_console.gui.triage_actions.ask_reject_reason", lambda *_a: ("spam", None)
    )
    _select(qtbot, ws, ids[0])
    with qtbot.waitSignal(ws.actions.result_changed, timeout=10_000):
        ws.actions.reject()
    assert f"Report #{ids[0]} rejected (Spam)" in ws.actions.result_text()
    assert ws.actions.can_undo()
    with qtbot.waitSignal(ws.actions.result_changed, timeout=10_000):
        ws.actions.undo()
    assert "undone" in ws.actions.result_text()
    with engine.connect() as conn:
        assert (
            conn.execute(
                text("SELECT status FROM reports WHERE id = :id"), {"id": ids[0]}
            ).scalar_one()
            == "new"
        )
    assert _kinds(engine, ids[0])[-2:] == ["rejected", "undone"]
    qtbot.waitUntil(lambda: ws.detail.detail.status == "new", timeout=10_000)


def test_dispatch_is_confirmed_and_can_be_withdrawn(qtbot, window, city):
    engine, ids = city
    ws = window.triage
    _select(qtbot, ws, ids[0])
    ws.side_tabs.setCurrentIndex(2)
    panel = ws.dispatch
    qtbot.waitUntil(lambda: panel.context is not None and panel.composer.loaded, timeout=10_000)
    panel.composer.set_text("Mohon dicek @lurah.gambir")
    qtbot.waitUntil(
        lambda: panel.widget.findChild(QWidget, "sendButton").isEnabled(), timeout=5_000
    )
    with qtbot.waitSignal(ws.actions.result_changed, timeout=10_000):
        panel.send()
    assert f"Report #{ids[0]} dispatched to @lurah.gambir." == ws.actions.result_text()
    with qtbot.waitSignal(ws.actions.result_changed, timeout=10_000):
        ws.actions.undo()
    assert "withdrawn" in ws.actions.result_text()
    with engine.connect() as conn:
        assert (
            conn.execute(
                text("SELECT status FROM reports WHERE id = :id"), {"id": ids[0]}
            ).scalar_one()
            == "new"
        )
        assert (
            conn.execute(
                text("SELECT count(*) FROM mentions WHERE report_id = :id"), {"id": ids[0]}
            ).scalar_one()
            == 0
        )


# -- 5. plain text everywhere -------------------------------------------------------------


def test_plain_tooltip_keeps_every_character():
    for payload in (MARKUP, "a < b && c > d", "line one\nline two", "<p>x</p>"):
        assert shown(plain_tooltip(payload)) == payload
    assert plain_tooltip("") == ""
    assert plain_message("Report 7 was changed by op.andi") == "Report 7 was changed by op.andi"
    assert shown(plain_message(MARKUP)) == MARKUP


def test_citizen_and_official_text_is_shown_literally(qtbot, city, db_url, monkeypatch):
    engine, _ids = city
    with engine.begin() as conn:
        rid = _submit(conn, 50, body=MARKUP, lat=MONAS[0] + 0.0002)
        near = _submit(conn, 51, body=MARKUP + " lagi", citizen="warga_lain", lat=MONAS[0] + 0.0003)
        conn.execute(
            text("UPDATE accounts SET display_name = :n WHERE handle = 'lurah.gambir'"),
            {"n": MARKUP},
        )
    actions.comment(engine, rid, MARKUP)
    from qlue_console.dispatch import service

    with engine.connect() as conn:
        v = conn.execute(
            text("SELECT version FROM reports WHERE id = :id"), {"id": rid}
        ).scalar_one()
    service.dispatch(engine, rid, v, "Mohon dicek @lurah.gambir")
    with engine.begin() as conn:
        conn.execute(
            text("SELECT submit_follow_up(:r, 'lurah.gambir', :n, :p)"),
            {"r": rid, "n": MARKUP, "p": jpeg(2)},
        )
        conn.execute(text("SELECT reopen_report(:r, 'warga50', :t)"), {"r": rid, "t": MARKUP})
    win = _open_window(qtbot, engine, db_url)
    ws = win.triage
    # the queue: the cell and its tooltip
    qtbot.waitUntil(lambda: ws.queue.model.position_of(rid) is not None, timeout=10_000)
    cell = ws.queue.model.index(ws.queue.model.position_of(rid), COL_TEXT)
    assert cell.data() == MARKUP
    assert shown(cell.data(Qt.ItemDataRole.ToolTipRole)) == MARKUP
    # the detail: the text, the timeline's cells and tooltips (comment, follow-up note, reopen text)
    with qtbot.waitSignal(ws.related.loaded, timeout=10_000):
        _select(qtbot, ws, rid)
    assert ws.detail.widget.findChild(QWidget, "reportText").toPlainText() == MARKUP
    tree = ws.detail.widget.findChild(QWidget, "timelineTree")
    lines = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    with_markup = [item for item in lines if MARKUP in item.text(1)]
    assert len(with_markup) == 3  # comment, follow-up note, reopen text
    for item in with_markup:
        assert shown(item.toolTip(1)).endswith(": " + MARKUP)
    # the duplicates list
    duplicates = ws.related.widget.findChild(QWidget, "duplicateList")
    texts = [duplicates.item(i).text() for i in range(duplicates.count())]
    assert any((MARKUP + " lagi") in t for t in texts) and near in ws.related.candidate_ids()
    # the dispatch panel: the official's name in the mentions and its tooltip
    ws.side_tabs.setCurrentIndex(2)
    qtbot.waitUntil(
        lambda: ws.dispatch.context is not None and ws.dispatch.context.report_id == rid,
        timeout=10_000,
    )
    mentions = ws.dispatch.widget.findChild(QWidget, "mentionsTree")
    qtbot.waitUntil(lambda: mentions.topLevelItemCount() > 0, timeout=5_000)
    names = [mentions.topLevelItem(i) for i in range(mentions.topLevelItemCount())]
    assert any(MARKUP in item.text(0) for item in names)
    for item in names:
        assert shown(item.toolTip(0)) == MARKUP
    win.close()


# -- 6. the right pane keeps its width ----------------------------------------------------


def test_the_right_pane_and_the_window_keep_their_width(qtbot, city, db_url, monkeypatch):
    engine, _ids = city
    long_word = "x" * 400
    with engine.begin() as conn:
        long_ids = [
            _submit(
                conn,
                60 + i,
                body=f"{long_word} {'panjang ' * 200}",
                citizen="w" * 60,
                lat=MONAS[0] + 0.001 * i,
            )
            for i in range(4)
        ]
        conn.execute(
            text("UPDATE accounts SET display_name = :n WHERE handle = 'lurah.gambir'"),
            {"n": "N" * 300},
        )
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    win = _open_window(qtbot, engine, db_url)
    ws = win.triage
    pane = ws.widget.findChild(QWidget, "detailSlot")
    window_width, pane_width = win.width(), pane.width()
    # what the splitter and the window make room for: the pane's effective minimum width (its
    # size policy applied) and the window's minimum; growing past the window widens it
    pane_minimum = QWidgetItem(pane).minimumSize().width()

    def unchanged() -> None:
        assert (win.width(), pane.width()) == (window_width, pane_width)
        assert QWidgetItem(pane).minimumSize().width() == pane_minimum <= pane_width
        assert win.minimumSizeHint().width() <= window_width

    for rid in long_ids:
        _select(qtbot, ws, rid)
        _layout_pass()
        unchanged()
    ws.side_tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: ws.dispatch.context is not None, timeout=10_000)
    ws.dispatch.accept_suggestions()
    for rid in long_ids:
        _select(qtbot, ws, rid)
        qtbot.waitUntil(
            lambda r=rid: ws.dispatch.context is not None and ws.dispatch.context.report_id == r,
            timeout=10_000,
        )
        ws.dispatch.accept_suggestions()
        _layout_pass()
        unchanged()
    win.close()


# -- 7. the empty state -------------------------------------------------------------------


def test_with_no_report_open_the_right_pane_says_what_to_do(qtbot, window, city):
    ws = window.triage
    assert not ws.has_open_report()
    page = ws.widget.findChild(QWidget, "emptyPage")
    assert page.isVisible()
    texts = " ".join(label.text() for label in page.findChildren(QLabel))
    for key in ("N", "L", "T", "R", "C", "1–4", "K", "M"):
        assert key in [label.text() for label in page.findChildren(QLabel)]
    assert "Press N" in texts
    with qtbot.waitSignal(ws.actions.next_claimed, timeout=10_000):
        page.findChild(QWidget, "emptyNextButton").click()
    qtbot.waitUntil(ws.has_open_report, timeout=5_000)
    assert not page.isVisible()


def test_a_long_confirmation_shows_every_line(qtbot, window, city):
    ws = window.triage
    _select(qtbot, ws, city[1][0])
    ws.side_tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: ws.dispatch.context is not None, timeout=10_000)
    label = ws.actions.widget.findChild(QLabel, "resultLabel")
    ws.actions.show_result("Report #1 dispatched to @lurah.gambir.")
    qtbot.waitUntil(label.isVisible, timeout=5_000)
    qtbot.waitUntil(  # laid out with one line
        lambda: label.heightForWidth(label.width()) < 2 * label.fontMetrics().height(),
        timeout=5_000,
    )
    ws.actions.show_result(
        "Report #1 dispatched to " + ", ".join(f"@lurah.kelurahan{i}" for i in range(8)) + "."
    )
    qtbot.waitUntil(
        lambda: (
            label.isVisible()
            and label.heightForWidth(label.width()) > 3 * label.fontMetrics().height()
        ),
        timeout=5_000,
    )
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()), timeout=5_000)


# -- a position beyond the land border --------------------------------------------------------


def test_a_report_beyond_the_land_border_offers_the_nearest_kelurahan(qtbot, window, city):
    """108 m beyond the border with Depok: outside DKI, and the detail names the neighbour and the
    nearest kelurahan as the operator's suggestion."""
    engine, _ = city
    with engine.begin() as conn:
        outside = _submit(conn, 90, lat=-6.357226, lon=106.816688)
        inside = _submit(conn, 91)
    ws = window.workspace("triage")
    detail = _select(qtbot, ws, outside)
    assert detail.outside_jurisdiction and detail.across_border_with == "Kota Depok"
    assert detail.nearest_kelurahan == "Srengseng Sawah" and 50 < detail.nearest_distance_m < 200
    place = ws.detail.widget.findChild(QLabel, "placeValue").text()
    assert "Kota Depok" in place and "Srengseng Sawah" in place
    detail = _select(qtbot, ws, inside)
    assert detail.nearest_kelurahan is None and detail.across_border_with is None
