"""Turns PostgreSQL errors raised by the contract and action functions into the console's
errors, with the database's own one-line message."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import psycopg2
from sqlalchemy.exc import DBAPIError

from qlue_console.db.errors import (
    ClaimedError,
    ConflictError,
    ContractError,
    IdempotencyConflictError,
    PermissionDeniedError,
)

# Raised by PostgreSQL before a function runs, for text it cannot hold: a NUL character (22021 in
# a binary parameter, 54000 from chr(0), 22P05 from a \u0000 escape) or bytes that are not UTF-8.
UNSTORABLE_TEXT = ("22021", "22P05", "54000")
UNSTORABLE_MESSAGE = (
    "the input contains a NUL character (U+0000) or bytes that are not UTF-8 text, "
    "which cannot be stored"
)


def _details(diag) -> dict:
    try:
        return json.loads(diag.message_detail or "{}")
    except ValueError:
        return {}


@contextmanager
def translated_errors() -> Iterator[None]:
    try:
        yield
    except DBAPIError as exc:
        orig = exc.orig
        if isinstance(orig, psycopg2.Error):
            code = orig.pgcode
        elif isinstance(orig, psycopg.Error):  # the Open311 gateway's driver
            code = orig.sqlstate
        else:
            raise
        message = orig.diag.message_primary or str(orig).strip()
        if code == "22023":
            raise ContractError(orig.diag.message_detail or "input", message) from exc
        if code in UNSTORABLE_TEXT:
            raise ContractError("input", UNSTORABLE_MESSAGE) from exc
        if code == "QC010":
            details = _details(orig.diag)
            raise IdempotencyConflictError(
                message, details.get("id"), tuple(details.get("differs") or ())
            ) from exc
        if code == "QC001":
            raise ConflictError(message, _details(orig.diag)) from exc
        if code == "QC002":
            raise ClaimedError(message, _details(orig.diag)) from exc
        if code == "42501":
            raise PermissionDeniedError(message) from exc
        raise
        message = orig.diag.message_primary or str(orig).strip()
        if orig.pgcode == "22023":
            raise ContractError(orig.diag.message_detail or "input", message) from exc
        if orig.pgcode in UNSTORABLE_TEXT:
            raise ContractError("input", UNSTORABLE_MESSAGE) from exc
        if orig.pgcode == "QC010":
            details = _details(orig.diag)
            raise IdempotencyConflictError(
                message, details.get("id"), tuple(details.get("differs") or ())
            ) from exc
        if orig.pgcode == "QC001":
            raise ConflictError(message, _details(orig.diag)) from exc
        if orig.pgcode == "QC002":
            raise ClaimedError(message, _details(orig.diag)) from exc
        if orig.pgcode == "42501":
            raise PermissionDeniedError(message) from exc
        raise
