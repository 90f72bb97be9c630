"""Where a sign-in password is kept: the system keyring when one is usable, otherwise
nowhere — the console asks each time. A password is never written to disk by the console
itself (not to QSettings, not to a file), and keyring backends that would do so in clear
text (``keyrings.alt``) are treated as unusable.

    store = CredentialStore()
    if store.remembers:          # a real keyring: offer "remember the password"
        store.save(key, password)
    password = store.get(key)    # None: ask the person
"""

from __future__ import annotations

import logging

import keyring
import keyring.backend
import keyring.errors
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

log = logging.getLogger(__name__)

SERVICE = "qlue-console"

# Backends that keep nothing (fail, null) or keep files of their own (keyrings.alt's
# plaintext and "encrypted" files, the latter prompting on a terminal).
_REFUSED_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


def _priority(backend) -> float:
    try:
        return float(backend.priority)
    except Exception:  # noqa: BLE001 - a backend's viability check may raise anything
        return 0.0


def _acceptable(backend) -> bool:
    module = type(backend).__module__
    if any(module == m or module.startswith(m + ".") for m in _REFUSED_MODULES):
        return False
    return _priority(backend) > 0


def backend_usable(backend) -> bool:
    """True when ``backend`` is a keyring that keeps secrets safely (a chain of such)."""
    if backend is None:
        return False
    try:
        from keyring.backends.chainer import ChainerBackend

        if isinstance(backend, ChainerBackend):
            chained = list(backend.backends)
            return bool(chained) and all(_acceptable(b) for b in chained)
    except Exception:  # noqa: BLE001
        return False
    return _acceptable(backend)


def account_key(url: str) -> str:
    """The keyring entry for a database URL: ``login@host:port/database`` (never the password)."""
    try:
        u = make_url(url)
    except ArgumentError:
        return url
    host = u.host or (u.query.get("host") if u.query else None) or "localhost"
    if isinstance(host, tuple):
        host = host[0]
    return f"{u.username or ''}@{host}:{u.port or 5432}/{u.database or ''}"


class CredentialStore:
    """Passwords in the system keyring, or an explicit "ask each time" when there is none.

    Any keyring failure (locked, no D-Bus, a backend error) switches the store to asking,
    with the reason in :attr:`reason`; it never raises to the caller.
    """

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self._backend: keyring.backend.KeyringBackend | None
        try:
            self._backend = backend if backend is not None else keyring.get_keyring()
        except Exception as exc:  # noqa: BLE001
            self._backend = None
            self._reason = f"the system keyring is not available ({exc})"
            return
        if backend_usable(self._backend):
            self._reason = ""
        else:
            self._reason = "no system keyring is available on this computer"

    @property
    def remembers(self) -> bool:
        """True when a password can be remembered; False means the console asks each time."""
        return not self._reason

    @property
    def reason(self) -> str:
        """Why passwords are asked each time ('' when the keyring is used)."""
        return self._reason

    def describe(self) -> str:
        if self.remembers:
            return f"passwords are kept in the system keyring ({type(self._backend).__name__})"
        return f"{self._reason}: the password is asked at each sign-in and never stored"

    def _usable_backend(self) -> keyring.backend.KeyringBackend | None:
        return self._backend if self.remembers else None

    def _failed(self, action: str, exc: Exception) -> None:
        log.warning("keyring %s failed, asking each time from now on: %s", action, exc)
        self._reason = f"the system keyring failed ({type(exc).__name__})"

    def get(self, key: str) -> str | None:
        """The remembered password, or None: ask the person."""
        backend = self._usable_backend()
        if backend is None:
            return None
        try:
            return backend.get_password(SERVICE, key)
        except Exception as exc:  # noqa: BLE001 - keyring.errors.KeyringError, D-Bus errors, …
            self._failed("read", exc)
            return None

    def save(self, key: str, password: str) -> bool:
        """Remembers the password; False when it was not (the person will be asked next time)."""
        backend = self._usable_backend()
        if backend is None:
            return False
        try:
            backend.set_password(SERVICE, key, password)
            return True
        except Exception as exc:  # noqa: BLE001
            self._failed("write", exc)
            return False

    def forget(self, key: str) -> None:
        """Removes a remembered password (after a failed sign-in, or on request)."""
        backend = self._usable_backend()
        if backend is None:
            return
        try:
            backend.delete_password(SERVICE, key)
        except keyring.errors.PasswordDeleteError:
            pass  # nothing was remembered
        except Exception as exc:  # noqa: BLE001
            self._failed("delete", exc)
