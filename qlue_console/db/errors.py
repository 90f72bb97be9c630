"""Errors the database layer raises, each with a message fit to show a user as one line."""

from __future__ import annotations


class QlueDatabaseError(Exception):
    """Base of the errors below; ``str(err)`` is a complete sentence for the user."""


class ConnectionFailed(QlueDatabaseError):
    pass


class BadDatabaseUrl(QlueDatabaseError):
    pass


class SchemaMismatch(QlueDatabaseError):
    pass


class ContractError(QlueDatabaseError):
    """A channel's input was refused by the contract; nothing was written."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class Conflict(QlueDatabaseError):
    """Another console changed the row first; ``details`` says what and by whom."""

    def __init__(self, message: str, details: dict | None = None) -> None:
        super().__init__(message)
        self.details = details or {}


class Claimed(Conflict):
    """Someone else holds a live claim on the report; ``details`` has holder and expiry."""


class PermissionDenied(QlueDatabaseError):
    """PostgreSQL refused the action for this login's role."""
