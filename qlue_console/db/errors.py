"""Errors the database layer raises, each with a message fit to show a user as one line."""

from __future__ import annotations


class QlueDatabaseError(Exception):
    """Base of the errors below; ``str(err)`` is a complete sentence for the user."""


class ConnectionFailedError(QlueDatabaseError):
    pass


class BadDatabaseUrlError(QlueDatabaseError):
    pass


class SchemaMismatchError(QlueDatabaseError):
    pass


class ContractError(QlueDatabaseError):
    """A channel's input was refused by the contract; nothing was written.

    ``sqlstate`` is the SQL function's code for the same refusal (22023, invalid_parameter_value),
    whether the wrapper refused before sending or the database refused.
    """

    sqlstate = "22023"

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class IdempotencyConflictError(ContractError):
    """An idempotency key (a channel's or an official's external_id) was used before with other
    content (SQLSTATE QC010): ``existing_id`` is what the first call made, ``differs`` names the
    fields whose content differs. Nothing was written; send new content under a new key."""

    sqlstate = "QC010"

    def __init__(
        self, message: str, existing_id: int | None = None, differs: tuple[str, ...] = ()
    ) -> None:
        super().__init__("external_id", message)
        self.existing_id = existing_id
        self.differs = differs


class ConflictError(QlueDatabaseError):
    """Another console changed the row first; ``details`` says what and by whom."""

    def __init__(self, message: str, details: dict | None = None) -> None:
        super().__init__(message)
        self.details = details or {}


class ClaimedError(ConflictError):
    """Someone else holds a live claim on the report; ``details`` has holder and expiry."""


class PermissionDeniedError(QlueDatabaseError):
    """PostgreSQL refused the action for this login's role."""
