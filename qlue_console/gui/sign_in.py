"""Signing in: each person uses their own PostgreSQL login. On the embedded demo a demo role
is chosen (no password: the private server accepts only its own socket); on a central server
the login and password are asked, and the password is kept only in the system keyring when the
person asks for it — never on disk. The last login and demo role live in QSettings.

The central server's URL (without its password) is kept in QSettings as well: a plain
``qlue-console`` on a workstation that once signed in to the central server goes there again.

The check itself (connect, ``qlue_whoami()``) runs on the TaskRunner; the dialog stays open
with the error when it fails, and what was typed stays in it.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from sqlalchemy import Engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from qlue_console.access.credentials import CredentialStore, account_key
from qlue_console.access.demo_logins import DEMO_LOGINS, demo_url
from qlue_console.access.roles import Identity, whoami
from qlue_console.db import migrate
from qlue_console.db.engine import check_connection, describe, make_engine
from qlue_console.gui.forms import child, load_dialog
from qlue_console.gui.i18n import fill
from qlue_console.gui.tasks import TaskRunner

SERVER_SETTING = "connection/url"


def saved_server_url() -> str | None:
    """The central server the console signed in to last, if any (no password in it)."""
    value = QSettings().value(SERVER_SETTING, "")
    return str(value) if value else None


def server_without_secrets(url: str) -> str:
    try:
        u = make_url(url)
    except ArgumentError:
        return url  # shown as typed; the check on OK says what is wrong with it
    return URL.create(
        u.drivername, host=u.host, port=u.port, database=u.database, query=u.query
    ).render_as_string(hide_password=True)


def role_name(role: str | None) -> str:
    """A role as the console names it to a person, translated."""
    names = {
        "operator": QCoreApplication.translate("SignIn", "Operator"),
        "supervisor": QCoreApplication.translate("SignIn", "Supervisor"),
        "analyst": QCoreApplication.translate("SignIn", "Analyst"),
        "admin": QCoreApplication.translate("SignIn", "Administrator"),
        "channel": QCoreApplication.translate("SignIn", "Channel"),
    }
    return names.get(role or "", role or "")


@dataclass(frozen=True)
class Session:
    url: str
    engine: Engine
    identity: Identity
    embedded: bool = False

    @property
    def server(self) -> str:
        """The server as a person reads it (``host:port/db``, ``embedded demo``)."""
        return describe(self.url, embedded=self.embedded)


def open_session(url: str, embedded: bool = False) -> Session:
    """Worker: connects with the given login, checks the schema revision and asks the database
    who that is."""
    engine = make_engine(url)
    try:
        check_connection(engine)
        migrate.ensure_current(engine)
        identity = whoami(engine)
    except Exception:
        engine.dispose()
        raise
    return Session(url, engine, identity, embedded)


def with_login(url: str, login: str, password: str | None) -> str:
    u = make_url(url)
    return URL.create(
        u.drivername,
        username=login,
        password=password or None,
        host=u.host,
        port=u.port,
        database=u.database,
        query=u.query,
    ).render_as_string(hide_password=False)


class SignIn(QObject):
    """Runs the dialog; ``signed_in(Session)`` once a login works, ``cancelled()`` otherwise."""

    signed_in = Signal(object)
    cancelled = Signal()

    def __init__(
        self, base_url: str, embedded: bool, tasks: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._base_url, self._embedded, self._tasks = base_url, embedded, tasks
        self._settings = QSettings()
        self._keyring = CredentialStore()
        self.dialog = load_dialog("sign_in_dialog", parent)
        d = self.dialog
        self._roles = child(d, QComboBox, "demoRoleBox")
        self._login = child(d, QLineEdit, "loginEdit")
        self._server = child(d, QLineEdit, "serverEdit")
        self._password = child(d, QLineEdit, "passwordEdit")
        self._remember = child(d, QCheckBox, "rememberCheck")
        self._error = child(d, QLabel, "errorLabel")
        self._buttons = child(d, QDialogButtonBox, "buttons")
        child(d, QWidget, "demoBox").setVisible(embedded)
        child(d, QWidget, "loginBox").setVisible(not embedded)
        note = child(d, QLabel, "noteLabel")
        server = child(d, QLabel, "serverLabel")
        if embedded:
            server.setText(self.tr("Demo city on the embedded PostgreSQL of this computer."))
            for demo in DEMO_LOGINS:
                self._roles.addItem(
                    f"{role_name(demo.role)} — {demo.display_name} (@{demo.handle})", demo.role
                )
            last = str(self._settings.value("signin/demo_role", "operator"))
            self._roles.setCurrentIndex(max(0, self._roles.findData(last)))
            note.setText(
                self.tr("Each role sees the workspaces it may use; PostgreSQL refuses the rest.")
            )
        else:
            server.setText(self.tr("Central PostgreSQL of the operations center."))
            self._server.setText(server_without_secrets(base_url))
            self._login.setText(
                make_url(base_url).username or str(self._settings.value("signin/login", ""))
            )
            self._remember.setEnabled(self._keyring.remembers)
            note.setText(
                self.tr("Passwords are kept in the system keyring when you ask for it.")
                if self._keyring.remembers
                else self.tr(
                    "No system keyring here: the password is asked at each sign-in and never "
                    "stored."
                )
            )
            remembered = self._keyring.get(account_key(self._url_for(self._login.text())))
            if remembered:
                self._password.setText(remembered)
                self._remember.setChecked(True)
        self._buttons.accepted.connect(self._try)
        self._buttons.rejected.connect(self._cancel)

    def _url_for(self, login: str, password: str | None = None) -> str:
        return with_login(self._base_url, login, password)

    def _server_typed(self) -> bool:
        """Takes the server field; False (with the reason shown) when it is not a PostgreSQL URL."""
        text = self._server.text().strip()
        try:
            url = make_url(text)
        except ArgumentError:
            url = None
        if url is None or url.get_backend_name() != "postgresql" or not url.database:
            self._failed(
                ValueError(
                    self.tr(
                        "The server must be a PostgreSQL URL such as postgresql://host:5432/qlue"
                    )
                )
            )
            return False
        self._base_url = text
        return True

    def start(self) -> None:
        self.dialog.show()

    def sign_in_as_demo(self, role: str) -> None:
        """Without the dialog (the screenshot mode): the demo login of ``role``."""
        self._tasks.run(
            open_session,
            demo_url(self._base_url, role),
            True,
            on_done=self.signed_in.emit,
            on_error=lambda e: self._failed(e, silent=True),
        )

    def _try(self) -> None:
        self._show_message(self.tr("Signing in…"))
        self._buttons.setEnabled(False)
        if self._embedded:
            role = self._roles.currentData()
            self._settings.setValue("signin/demo_role", role)
            url = demo_url(self._base_url, role)
        else:
            if not self._server_typed():
                return
            login = self._login.text().strip()
            if not login:
                self._failed(ValueError(self.tr("Enter your login.")))
                return
            url = self._url_for(login, self._password.text() or None)
        self._tasks.run(
            open_session, url, self._embedded, on_done=self._done, on_error=self._failed
        )

    def _done(self, session: Session) -> None:
        if not self._embedded:
            login = self._login.text().strip()
            self._settings.setValue("signin/login", login)
            self._settings.setValue(SERVER_SETTING, server_without_secrets(self._base_url))
            key = account_key(self._url_for(login))
            if self._remember.isChecked() and self._password.text():
                self._keyring.save(key, self._password.text())
            elif not self._remember.isChecked():
                self._keyring.forget(key)
        if session.identity.role is None:
            session.engine.dispose()
            self._failed(
                ValueError(
                    fill(
                        self.tr("The login %1 has no Qlue role; ask an administrator."),
                        session.identity.login,
                    )
                )
            )
            return
        self.dialog.accept()
        self.signed_in.emit(session)

    def _show_message(self, text: str) -> None:
        """The red line under the fields; the dialog grows so that nothing above it is squashed."""
        self._error.setText(text)
        self.fit_to_contents()

    def fit_to_contents(self) -> None:
        d = self.dialog
        layout = d.layout()
        assert layout is not None  # the form's top-level layout
        layout.invalidate()
        layout.activate()
        width = max(d.width(), layout.totalMinimumSize().width())
        needed = (
            layout.totalHeightForWidth(width)
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        needed = max(needed, layout.totalMinimumSize().height())
        d.setMinimumHeight(needed)
        if d.height() < needed or d.width() < width:
            d.resize(width, max(d.height(), needed))

    def _failed(self, error: Exception, silent: bool = False) -> None:
        self._buttons.setEnabled(True)
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        self._show_message(message)
        if silent:
            print(f"qlue-console: {message}", file=sys.stderr)
            self.cancelled.emit()

    def _cancel(self) -> None:
        self.dialog.reject()
        self.cancelled.emit()
