"""``POST requests`` against the database: the key's check, the channel's rate limit, the
form's check, then the contract's ``submit_report`` run as the channel (``SET LOCAL ROLE`` to
the login the key named, through ``set_config``) — the only write path. A refusal that names a
channel (403 of a key it had, 400, 409, 429) is logged with ``log_refusal``.

Idempotency: the ``Idempotency-Key`` header becomes the contract's external_id, namespaced by
the channel's login (``open311:<login>:<key>``), so a retry returns the first report's id and
other content under the same key is a 409; without the header each POST gets a new id."""

from __future__ import annotations

import math
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, text

from qlue_console.access.channel_keys import check_key, log_refusal
from qlue_console.db import contract
from qlue_console.db.errors import ContractError, IdempotencyConflictError, PermissionDeniedError
from qlue_console.db.sql_errors import translated_errors
from qlue_console.open311 import documents, queries
from qlue_console.open311.errors import InputError
from qlue_console.open311.post_form import read_request
from qlue_console.open311.ratelimit import RateLimiter

CHANNEL_KIND = "app"  # reports.channel of every gateway report; the channel itself is its login
MAX_IDEMPOTENCY_KEY = 200
SERVICE_NOTICE = "Received; waiting to be checked by the command center."


@dataclass(frozen=True)
class Posted:
    report_id: int
    service_notice: str


def _external_id(login: str, idempotency_key: str | None) -> str:
    if idempotency_key is None:
        return f"open311:{login}:auto:{uuid.uuid4().hex}"
    key = idempotency_key.strip()
    if not 0 < len(key) <= MAX_IDEMPOTENCY_KEY or not all(" " < c <= "~" for c in key):
        raise InputError(
            400,
            f"Idempotency-Key must be 1 to {MAX_IDEMPOTENCY_KEY} visible ASCII characters",
        )
    return f"open311:{login}:{key}"


class _UnknownKeyError(Exception):
    """The api_key names no live channel (the transaction is rolled back, then refused)."""


class Poster:
    """Posts requests for the gateway over ``engine`` (its login is a member of
    ``qlue_gateway``), with the per-key ``limiter``."""

    def __init__(self, engine: Engine, limiter: RateLimiter) -> None:
        self.engine = engine
        self.limiter = limiter

    def _refuse(self, login: str | None, error: InputError) -> InputError:
        if login is not None:
            with self.engine.begin() as conn:
                log_refusal(conn, login, f"{error.code}: {error.description}"[:200])
        return error

    def _take_token(self, key: str) -> None:
        wait = self.limiter.take(key)
        if wait:
            error = InputError(
                429,
                f"too many requests for this api_key: at most {self.limiter.rate:g} a second "
                f"(bursts of {self.limiter.burst}); retry later",
                {"Retry-After": str(max(1, math.ceil(wait)))},
            )
            raise self._refuse(self.limiter.refusal_to_log(key), error)

    def post(
        self,
        key: str | None,
        fields: Mapping[str, Sequence[str]],
        photo: bytes | None,
        idempotency_key: str | None,
    ) -> Posted:
        if not key:
            raise InputError(403, "api_key is required: each channel has its own")
        self._take_token(key)
        login: str | None = None
        try:
            # One transaction: the key's check, the form's check and the submission (a post
            # is one round of pool checkout and commit, not two).
            with self.engine.begin() as conn:
                login = check_key(conn, key)
                if login is None:
                    raise _UnknownKeyError
                self.limiter.remember(key, login)
                external_id = _external_id(login, idempotency_key)
                report_id = self._submit(conn, login, fields, photo, external_id)
        except _UnknownKeyError:
            error = InputError(403, "the api_key is unknown or revoked")
            raise self._refuse(self.limiter.login_of(key), error) from None
        except InputError as exc:
            raise self._refuse(login, exc) from None
        except IdempotencyConflictError as exc:
            differs = ", ".join(exc.differs) or "the content"
            error = InputError(
                409,
                f"this Idempotency-Key was used for request {exc.existing_id} with other "
                f"content ({differs}); send new content under a new key",
            )
            raise self._refuse(login, error) from None
        except ContractError as exc:
            raise self._refuse(login, InputError(400, f"{exc.field}: {exc.message}")) from None
        except PermissionDeniedError:
            raise self._refuse(login, InputError(403, "the api_key was revoked")) from None
        return Posted(report_id, SERVICE_NOTICE)

    def _submit(
        self,
        conn: Connection,
        login: str,
        fields: Mapping[str, Sequence[str]],
        photo: bytes | None,
        external_id: str,
    ) -> int:
        request = read_request(
            fields,
            photo,
            service_exists=lambda code: queries.service(conn, code) is not None,
            attributes_of=lambda code: documents.ATTRIBUTES.get(code, []),
            channel_login=login,
            external_id=external_id,
        )
        with translated_errors():  # SET LOCAL ROLE: back to the gateway's at the commit
            conn.execute(text("SELECT set_config('role', :login, true)"), {"login": login})
        return contract.submit_report(
            conn,
            channel=CHANNEL_KIND,
            external_id=external_id,
            citizen=request.citizen,
            text_=request.text,
            category=request.service_code,
            lat=request.lat,
            lon=request.lon,
            photo=request.photo,
            private=request.private,
            describe_later=True,  # a describer beside the server adds hashes and EXIF
        )
