"""Signing in with one's own login: the demo roles on the embedded server, a refused login
keeps what was typed, and the window shows only the workspaces the role may use."""

from __future__ import annotations

from qlue_console.access.demo_logins import ensure_demo_logins
from qlue_console.db.engine import describe
from qlue_console.gui.main_window import MainWindow
from qlue_console.gui.sign_in import SignIn
from qlue_console.gui.tasks import TaskRunner


def test_demo_roles_sign_in_and_see_their_workspaces(qtbot, people_engine, db_url, demo_cleanup):
    with people_engine.begin() as conn:
        ensure_demo_logins(conn)
    tasks = TaskRunner()
    sign_in = SignIn(db_url, True, tasks)
    qtbot.addWidget(sign_in.dialog)
    roles = sign_in._roles
    roles.setCurrentIndex(roles.findData("analyst"))
    with qtbot.waitSignal(sign_in.signed_in, timeout=15_000) as signal:
        sign_in._try()
    session = signal.args[0]
    assert session.identity.role == "analyst" and session.identity.login == "demo_analyst"
    window = MainWindow(
        session.engine, session.url, describe(session.url), "en", identity=session.identity
    )
    qtbot.addWidget(window)
    assert list(window._actions) == ["reports"] and window.current_workspace() == "reports"
    window.close()
    session.engine.dispose()

    roles.setCurrentIndex(roles.findData("supervisor"))
    with qtbot.waitSignal(sign_in.signed_in, timeout=15_000) as signal:
        sign_in._try()
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
    assert list(window._actions) == ["triage", "directory", "verify"]
    assert window.current_workspace() == "triage"  # reports is not a supervisor's workspace
    window.close()
    supervisor.engine.dispose()


def test_a_refused_login_keeps_what_was_typed(qtbot, db_url):
    tasks = TaskRunner()
    sign_in = SignIn(db_url, False, tasks)
    qtbot.addWidget(sign_in.dialog)
    sign_in._login.setText("nobody_here")
    sign_in._password.setText("secret")
    sign_in._try()
    qtbot.waitUntil(
        lambda: sign_in._buttons.isEnabled() and "nobody_here" in sign_in._error.text(),
        timeout=15_000,
    )
    assert sign_in._login.text() == "nobody_here" and sign_in._password.text() == "secret"


def test_the_central_server_is_checked_and_kept_without_its_password(qtbot, people_engine, db_url):
    from PySide6.QtCore import QSettings
    from sqlalchemy.engine import make_url

    from qlue_console.gui.sign_in import SERVER_SETTING, saved_server_url

    QSettings().remove(SERVER_SETTING)
    tasks = TaskRunner()
    sign_in = SignIn(db_url, False, tasks)
    qtbot.addWidget(sign_in.dialog)
    sign_in._server.setText("mysql://somewhere/db")
    sign_in._login.setText("postgres")
    sign_in._try()
    assert "PostgreSQL URL" in sign_in._error.text() and sign_in._login.text() == "postgres"
    assert saved_server_url() is None
    sign_in._server.setText(
        make_url(db_url).set(username=None).render_as_string(hide_password=False)
    )
    with qtbot.waitSignal(sign_in.signed_in, timeout=15_000) as signal:
        sign_in._try()
    signal.args[0].engine.dispose()
    saved = saved_server_url()
    assert saved is not None and make_url(saved).database == make_url(db_url).database
    assert make_url(saved).password is None and make_url(saved).username is None
    QSettings().remove(SERVER_SETTING)
    assert QSettings().value(SERVER_SETTING) is None


def _fields_fit(sign_in) -> bool:
    """Every field of the central sign-in at least as tall as it asks, the message fully shown."""
    edits = (sign_in._server, sign_in._login, sign_in._password)
    label = sign_in._error
    return all(
        e.height() >= e.minimumSizeHint().height() for e in edits
    ) and label.height() >= label.heightForWidth(label.width())


def test_a_long_error_grows_the_dialog_instead_of_squashing_the_fields(qtbot, db_url):
    tasks = TaskRunner()
    sign_in = SignIn("postgresql://127.0.0.1:9/qlue", False, tasks)
    qtbot.addWidget(sign_in.dialog)
    sign_in.dialog.show()
    qtbot.waitExposed(sign_in.dialog)
    before = sign_in.dialog.height()
    sign_in._login.setText("op.andi")
    sign_in._password.setText("s3cret")
    sign_in._try()
    qtbot.waitUntil(
        lambda: sign_in._buttons.isEnabled() and "Cannot reach" in sign_in._error.text(),
        timeout=20_000,
    )
    message = sign_in._error.text()
    assert "127.0.0.1:9/qlue" in message
    assert (
        "postgresql" not in message.split(":")[0]
        and "psycopg2" not in message
        and "s3cret" not in message
    )
    long = " ".join(
        ["The server refused the connection, and this sentence goes on to wrap over lines."] * 6
    )
    sign_in._failed(ValueError(long))
    qtbot.waitUntil(lambda: _fields_fit(sign_in), timeout=5_000)
    assert sign_in.dialog.height() > before
