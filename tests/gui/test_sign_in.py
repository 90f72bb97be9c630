"""Signing in with one's own login: the demo roles on the embedded server, a refused login
keeps what was typed, and the window shows only the workspaces the role may use.

The dialog is driven as a person drives it: fields found by their names, text typed into them,
OK pressed (or Enter), and the red line under the fields read."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QLineEdit, QToolBar
from sqlalchemy.engine import make_url

from qlue_console.access.demo_logins import ensure_demo_logins
from qlue_console.db.engine import describe
from qlue_console.gui.main_window import MainWindow
from qlue_console.gui.sign_in import SERVER_SETTING, SignIn, saved_server_url
from qlue_console.gui.tasks import TaskRunner
from qlue_console.gui.workspaces.registry import WORKSPACES


def opened(qtbot, base_url: str, embedded: bool) -> SignIn:
    """The sign-in dialog on the screen, as the console opens it."""
    sign_in = SignIn(base_url, embedded, TaskRunner())
    qtbot.addWidget(sign_in.dialog)
    sign_in.start()
    qtbot.waitExposed(sign_in.dialog)
    return sign_in


def edit(sign_in: SignIn, name: str) -> QLineEdit:
    field = sign_in.dialog.findChild(QLineEdit, name)
    assert field is not None, name
    return field


def error_line(sign_in: SignIn) -> QLabel:
    label = sign_in.dialog.findChild(QLabel, "errorLabel")
    assert label is not None
    return label


def buttons(sign_in: SignIn) -> QDialogButtonBox:
    box = sign_in.dialog.findChild(QDialogButtonBox, "buttons")
    assert box is not None
    return box


def type_into(qtbot, field: QLineEdit, text: str) -> None:
    """What was in the field selected and typed over."""
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def press_ok(qtbot, sign_in: SignIn) -> None:
    ok = buttons(sign_in).button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def choose_role(sign_in: SignIn, role: str) -> None:
    roles = sign_in.dialog.findChild(QComboBox, "demoRoleBox")
    assert roles is not None and roles.isVisible()
    roles.setCurrentIndex(roles.findData(role))


def toolbar_workspaces(window: MainWindow) -> list[str]:
    """The workspaces the window's toolbar offers, in order."""
    name_of = {spec.title(): spec.name for spec in WORKSPACES}
    toolbar = window.findChild(QToolBar, "workspaceToolbar")
    assert toolbar is not None
    return [name_of[a.text()] for a in toolbar.actions()]


def test_demo_roles_sign_in_and_see_their_workspaces(qtbot, people_engine, db_url, demo_cleanup):
    with people_engine.begin() as conn:
        ensure_demo_logins(conn)
    sign_in = opened(qtbot, db_url, True)
    choose_role(sign_in, "analyst")
    with qtbot.waitSignal(sign_in.signed_in, timeout=15_000) as signal:
        press_ok(qtbot, sign_in)
    session = signal.args[0]
    assert session.identity.role == "analyst" and session.identity.login == "demo_analyst"
    assert not sign_in.dialog.isVisible()
    window = MainWindow(
        session.engine, session.url, describe(session.url), "en", identity=session.identity
    )
    qtbot.addWidget(window)
    assert toolbar_workspaces(window) == ["reports"] and window.current_workspace() == "reports"
    window.close()
    session.engine.dispose()

    sign_in = opened(qtbot, db_url, True)  # signed out: the console asks again
    choose_role(sign_in, "supervisor")
    with qtbot.waitSignal(sign_in.signed_in, timeout=15_000) as signal:
        press_ok(qtbot, sign_in)
    supervisor = signal.args[0]
    window = MainWindow(
        supervisor.engine,
        supervisor.url,
        describe(supervisor.url),
        "en",
        identity=supervisor.identity,
        workspace="reports",
    )
    qtbot.addWidget(window)
    assert toolbar_workspaces(window) == ["triage", "directory", "verify"]
    assert window.current_workspace() == "triage"  # reports is not a supervisor's workspace
    window.close()
    supervisor.engine.dispose()


def test_a_refused_login_keeps_what_was_typed(qtbot, db_url):
    sign_in = opened(qtbot, db_url, False)
    login, password = edit(sign_in, "loginEdit"), edit(sign_in, "passwordEdit")
    type_into(qtbot, login, "nobody_here")
    type_into(qtbot, password, "secret")
    qtbot.keyClick(password, Qt.Key.Key_Return)  # Enter signs in, as OK does
    qtbot.waitUntil(
        lambda: buttons(sign_in).isEnabled() and "nobody_here" in error_line(sign_in).text(),
        timeout=15_000,
    )
    assert sign_in.dialog.isVisible()
    assert login.text() == "nobody_here" and password.text() == "secret"


def test_the_central_server_is_checked_and_kept_without_its_password(qtbot, people_engine, db_url):
    QSettings().remove(SERVER_SETTING)
    sign_in = opened(qtbot, db_url, False)
    server, login = edit(sign_in, "serverEdit"), edit(sign_in, "loginEdit")
    type_into(qtbot, server, "mysql://somewhere/db")
    type_into(qtbot, login, "postgres")
    press_ok(qtbot, sign_in)
    qtbot.waitUntil(lambda: "PostgreSQL URL" in error_line(sign_in).text(), timeout=5_000)
    assert buttons(sign_in).isEnabled() and login.text() == "postgres"
    assert saved_server_url() is None
    type_into(
        qtbot, server, make_url(db_url).set(username=None).render_as_string(hide_password=False)
    )
    with qtbot.waitSignal(sign_in.signed_in, timeout=15_000) as signal:
        press_ok(qtbot, sign_in)
    signal.args[0].engine.dispose()
    saved = saved_server_url()
    assert saved is not None and make_url(saved).database == make_url(db_url).database
    assert make_url(saved).password is None and make_url(saved).username is None
    QSettings().remove(SERVER_SETTING)
    assert QSettings().value(SERVER_SETTING) is None


def fields_fit(sign_in: SignIn) -> bool:
    """Every field of the central sign-in at least as tall as it asks, the message fully shown."""
    edits = [edit(sign_in, name) for name in ("serverEdit", "loginEdit", "passwordEdit")]
    label = error_line(sign_in)
    return all(
        e.height() >= e.minimumSizeHint().height() for e in edits
    ) and label.height() >= label.heightForWidth(label.width())


def test_a_long_error_grows_the_dialog_instead_of_squashing_the_fields(qtbot):
    sign_in = opened(qtbot, "postgresql://127.0.0.1:9/qlue", False)
    before = sign_in.dialog.height()
    type_into(qtbot, edit(sign_in, "loginEdit"), "op.andi")
    type_into(qtbot, edit(sign_in, "passwordEdit"), "s3cret")
    press_ok(qtbot, sign_in)
    qtbot.waitUntil(
        lambda: buttons(sign_in).isEnabled() and "Cannot reach" in error_line(sign_in).text(),
        timeout=20_000,
    )
    message = error_line(sign_in).text()
    assert "127.0.0.1:9/qlue" in message
    assert (
        "postgresql" not in message.split(":")[0]
        and "psycopg2" not in message
        and "s3cret" not in message
    )
    qtbot.waitUntil(lambda: fields_fit(sign_in), timeout=5_000)
    short = sign_in.dialog.height()
    # a server whose name runs on: the message about it wraps over many lines
    database = " ".join(["the city's reports, and this name goes on to wrap over lines"] * 6)
    type_into(qtbot, edit(sign_in, "serverEdit"), f"postgresql://127.0.0.1:9/{database}")
    press_ok(qtbot, sign_in)
    qtbot.waitUntil(
        lambda: buttons(sign_in).isEnabled() and database in error_line(sign_in).text(),
        timeout=20_000,
    )
    qtbot.waitUntil(lambda: fields_fit(sign_in), timeout=5_000)
    assert sign_in.dialog.height() > short > before
