"""Passwords go to the system keyring when one is usable, otherwise nowhere: the console asks
each time. Fake backends stand in for the system's."""

from __future__ import annotations

import keyring.backend
import keyring.backends.fail
import keyring.errors
import pytest

from qlue_console.access.credentials import SERVICE, CredentialStore, account_key, backend_usable


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 5

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        if (service, username) not in self.secrets:
            raise keyring.errors.PasswordDeleteError("not there")
        del self.secrets[(service, username)]


class LockedKeyring(MemoryKeyring):
    def get_password(self, service, username):
        raise keyring.errors.KeyringLocked("locked")

    def set_password(self, service, username, password):
        raise keyring.errors.PasswordSetError("locked")


class BrokenBus(MemoryKeyring):
    def set_password(self, service, username, password):
        raise RuntimeError("org.freedesktop.DBus.Error.ServiceUnknown")


class PlaintextFileKeyring(MemoryKeyring):
    """Looks like keyrings.alt's plaintext file backend."""


PlaintextFileKeyring.__module__ = "keyrings.alt.file"


class NotViable(MemoryKeyring):
    priority = 0  # keyring's way of saying "present but not usable here"


KEY = account_key("postgresql://op.andi:secret@db.jsc.example:5433/qlue")


def test_the_key_names_the_login_and_server_never_the_password():
    assert KEY == "op.andi@db.jsc.example:5433/qlue"
    assert "secret" not in KEY
    assert (
        account_key("postgresql://demo_operator@/qlue?host=/run/pg")
        == "demo_operator@/run/pg:5432/qlue"
    )


def test_a_usable_keyring_remembers_and_forgets():
    backend = MemoryKeyring()
    store = CredentialStore(backend)
    assert store.remembers and store.reason == "" and "system keyring" in store.describe()
    assert store.get(KEY) is None
    assert store.save(KEY, "kata-sandi") is True
    assert backend.secrets == {(SERVICE, KEY): "kata-sandi"}
    assert store.get(KEY) == "kata-sandi"
    store.forget(KEY)
    store.forget(KEY)  # forgetting twice is fine
    assert store.get(KEY) is None


@pytest.mark.parametrize(
    "backend",
    [keyring.backends.fail.Keyring(), PlaintextFileKeyring(), NotViable()],
    ids=["fail", "keyrings.alt", "not-viable"],
)
def test_without_a_safe_keyring_the_console_asks_each_time(backend):
    store = CredentialStore(backend)
    assert not store.remembers and not backend_usable(backend)
    assert "asked at each sign-in" in store.describe()
    assert store.save(KEY, "kata-sandi") is False
    assert store.get(KEY) is None
    store.forget(KEY)
    if isinstance(backend, MemoryKeyring):
        assert backend.secrets == {}  # nothing was written, not even to a file backend


@pytest.mark.parametrize("backend_type", [LockedKeyring, BrokenBus])
def test_a_failing_keyring_switches_to_asking(backend_type):
    store = CredentialStore(backend_type())
    assert store.remembers
    if backend_type is LockedKeyring:
        assert store.get(KEY) is None
    else:
        assert store.save(KEY, "kata-sandi") is False
    assert not store.remembers and "failed" in store.reason
    assert store.save(KEY, "kata-sandi") is False and store.get(KEY) is None


def test_the_default_backend_here_is_detected(monkeypatch):
    monkeypatch.setattr(keyring, "get_keyring", lambda: keyring.backends.fail.Keyring())
    assert not CredentialStore().remembers

    def broken():
        raise keyring.errors.InitError("no backend")

    monkeypatch.setattr(keyring, "get_keyring", broken)
    store = CredentialStore()
    assert not store.remembers and "not available" in store.reason


def test_a_chain_is_usable_only_when_every_link_is_safe(monkeypatch):
    from keyring.backends.chainer import ChainerBackend

    monkeypatch.setattr(ChainerBackend, "backends", [MemoryKeyring()])
    assert backend_usable(ChainerBackend())
    monkeypatch.setattr(ChainerBackend, "backends", [MemoryKeyring(), PlaintextFileKeyring()])
    assert not backend_usable(ChainerBackend())
    monkeypatch.setattr(ChainerBackend, "backends", [])
    assert not backend_usable(ChainerBackend())
