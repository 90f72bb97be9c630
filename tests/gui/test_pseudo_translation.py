"""A pseudo-translation (every string of our .ts, Qt's own included, ~40 % longer and accented)
finds clipped layouts: every workspace, the status bar and the dialogs are opened in it and no
label, button, tab, group title or header section may need more room than it has.

Indonesian runs longer than English ("diterima hari ini"), so a layout that only fits the
English is a defect; the pseudo-translation shows it before a translator does."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSize, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from qlue_console.db.engine import describe
from qlue_console.gui.dispatch.routing_admin import RoutingAdminDialog
from qlue_console.gui.forms import load_form
from qlue_console.gui.main_window import MainWindow
from qlue_console.gui.sign_in import SignIn
from qlue_console.seed.demo_people import seed_people
from qlue_console.seed.demo_reports import seed_demo_reports
from tests.gui.clipping import clipped_in, pseudo, wait_until_laid_out, write_pseudo_qm

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import update_translations  # noqa: E402

# The screen each language must fit: Indonesian and English the console's own size (its
# screenshots, a laptop's full-HD screen less the desktop's panels), the pseudo-translation,
# where every string runs 40 % longer at once, a full-HD monitor.
SCREENS = {"id": QSize(1600, 940), "en": QSize(1600, 940), "pseudo": QSize(1920, 1080)}


def test_pseudo_text_keeps_placeholders_and_grows():
    assert pseudo("Cancel") == "Çáñçél~~"
    text = pseudo("%1 of %n account(s) · <b>%2</b>")
    assert "%1" in text and "%n" in text and "<b>%2</b>" in text
    assert len(pseudo("received today")) >= 1.4 * len("received today")
    assert all(line.endswith("~") for line in pseudo("Day\nNight").split("\n"))


@pytest.fixture(params=["pseudo", "id", "en"])
def language(request, qapp, tmp_path):
    """The console in the pseudo-translation, and in its two real languages."""
    from qlue_console.gui.i18n import install_translations, uninstall_translations

    before = QLocale()
    translator = QTranslator()
    if request.param == "pseudo":
        qm = write_pseudo_qm(
            update_translations.TS, tmp_path, update_translations._tool("pyside6-lrelease")
        )
        assert translator.load(str(qm))
        QCoreApplication.installTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    else:
        install_translations(qapp, request.param)
    yield request.param
    QCoreApplication.removeTranslator(translator)
    uninstall_translations(qapp)
    QLocale.setDefault(before)


@pytest.fixture
def demo_city(db_engine):
    with db_engine.begin() as conn:
        seed_people(conn)
    seed_demo_reports(db_engine, reports=160, weeks=2, processes=1)
    return db_engine


def _modal(qtbot, trigger) -> list:
    """Runs ``trigger`` (which opens a modal dialog), checks the dialog once shown, closes it."""
    found: list = []

    def inspect() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, inspect)
            return
        found.extend(clipped_in(dialog))
        found.append("checked")
        dialog.reject() if isinstance(dialog, QDialog) else dialog.close()

    QTimer.singleShot(0, inspect)
    trigger()
    qtbot.waitUntil(lambda: "checked" in found, timeout=10_000)
    return [c for c in found if c != "checked"]


@pytest.fixture
def screen(language) -> QSize:
    return SCREENS[language]


@pytest.fixture
def window(qtbot, language, screen, demo_city, db_url):
    win = MainWindow(
        demo_city, db_url, describe(db_url), "id" if language == "pseudo" else language
    )
    qtbot.addWidget(win)
    win.resize(screen)
    with qtbot.waitSignal(win.workspace_ready, timeout=60_000):
        win.show()
    yield win
    win.close()
    qtbot.wait(50)


def test_no_layout_clips_a_longer_translation(qtbot, window, screen, db_url):
    clipped: dict[str, list] = {}

    triage = window.triage
    with qtbot.waitSignal(triage.detail.loaded, timeout=20_000):
        triage.queue.select_report(triage.queue.model.row_at(0).id)
    qtbot.waitUntil(lambda: window.status.counters_text() != "", timeout=10_000)
    wait_until_laid_out(qtbot, window)  # the detail's layout settles
    clipped["triage"] = clipped_in(window, screen)

    for name in ("directory", "verify", "reports"):
        with qtbot.waitSignal(
            window.workspace_ready, timeout=60_000, check_params_cb=lambda n, name=name: n == name
        ):
            window.show_workspace(name)
        wait_until_laid_out(qtbot, window)  # the layout settles after the data arrived
        clipped[name] = clipped_in(window, screen)

    window.show_workspace("directory")
    admin = RoutingAdminDialog(window.workspace("directory")._ctx, window)
    admin.open()
    qtbot.waitExposed(admin.dialog)
    wait_until_laid_out(qtbot, admin.dialog)
    clipped["routing admin"] = clipped_in(admin.dialog)
    admin.dialog.reject()

    for embedded in (True, False):
        sign_in = SignIn(db_url, embedded, window.tasks, window)
        sign_in.start()
        qtbot.waitExposed(sign_in.dialog)
        wait_until_laid_out(qtbot, sign_in.dialog)
        clipped[f"sign-in (embedded={embedded})"] = clipped_in(sign_in.dialog)
        sign_in.dialog.reject()

    reject = load_form("reject_dialog", window)  # the form ask_reject_reason() runs
    reject.show()
    qtbot.waitExposed(reject)
    clipped["reject dialog"] = clipped_in(reject)
    reject.close()
    clipped["about"] = _modal(qtbot, window.about_action.trigger)
    clipped["message box"] = _modal(
        qtbot, lambda: QMessageBox.question(window, "?", pseudo("Share this view?"))
    )

    report = "\n".join(f"[{where}] {c}" for where, found in clipped.items() for c in found)
    assert not report, "clipped:\n" + report
