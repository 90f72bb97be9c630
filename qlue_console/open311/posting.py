"""``POST requests`` against the database: the key's check, the channel's rate limit, the
photo's upload, the form's check, then the contract's ``submit_report`` run as the channel
(``SET LOCAL ROLE`` to the login the key named, through ``set_config``) — the only write path.
A refusal that names a channel (403 of a key it had, 400, 409, 429) is logged with
``log_refusal``.

Two transactions (revision 0033): ``qlue_gateway_receive`` checks the key and stores the photo
as a staged upload of the key's channel, committed on its own; ``submit_report`` then attaches
it to the new report by its id. The photo's bytes are never in the commit that notifies the
consoles, which PostgreSQL serialises. A staged photo whose form is refused is discarded at
once (and one that is never attached goes after an hour).

Idempotency: the ``Idempotency-Key`` header becomes the contract's external_id, namespaced by
the channel's login (``open311:<login>:<key>``), so a retry returns the first report's id and
other content under the same key is a 409; without the header each POST gets a new id."""

from __future__ import annotations

import math
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, text

from qlue_console.access.channel_keys import log_refusal, receive
from qlue_console.db import contract
from qlue_console.db.errors import ContractError, IdempotencyConflictError, PermissionDeniedError
from qlue_console.db.sql_errors import translated_errors
from qlue_console.open311 import documents, queries
from qlue_console.open311.errors import InputError
from qlue_console.open311.post_form import read_request
from qlue_console.open311.ratelimit import RateLimiter

CHANNEL_KIND = "app"  # reports.channel of every gateway report; the channel itself is its login
MAX_IDEMPOTENCY_KEY = 200
SERVICE_NOTICE = documents.STATUS_NOTES["new"]  # what GET says of it until it is checked
SERVICE_CACHE_SECONDS = 60.0  # a known service_code is not asked again for this long


@dataclass(frozen=True)
class Posted:
    report_id: int
    service_notice: str


def _idempotency_key(header: str | None) -> str | None:
    """The header's key, checked; None without one."""
    if header is None:
        return None
    key = header.strip()
    if not 0 < len(key) <= MAX_IDEMPOTENCY_KEY or not all(" " < c <= "~" for c in key):
        raise InputError(
            400,
            f"Idempotency-Key must be 1 to {MAX_IDEMPOTENCY_KEY} visible ASCII characters",
        )
    return key


def _external_id(login: str, idempotency_key: str | None) -> str:
    if idempotency_key is None:
        return f"open311:{login}:auto:{uuid.uuid4().hex}"
    return f"open311:{login}:{idempotency_key}"


@dataclass(frozen=True)
class _Accepted:
    """A live key's channel login and the photo staged for its request."""

    login: str
    photo_id: int | None


class Poster:
    """Posts requests for the gateway over ``engine`` (its login is a member of
    ``qlue_gateway``), with the per-key ``limiter``."""

    def __init__(self, engine: Engine, limiter: RateLimiter) -> None:
        self.engine = engine
        self.limiter = limiter
        self._services: dict[str, float] = {}  # service_code -> when it was last found active

    def _refuse_login(self, login: str | None, error: InputError) -> InputError:
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
            raise self._refuse_login(self.limiter.refusal_to_log(key), error)

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
        received = self._receive(key, photo)
        try:
            suffix = _idempotency_key(idempotency_key)
            external_id = _external_id(received.login, suffix)
            with self.engine.begin() as conn:
                report_id = self._submit(conn, received, fields, external_id)
        except InputError as exc:
            raise self._refuse(received, exc) from None
        except IdempotencyConflictError as exc:
            differs = ", ".join(exc.differs) or "the content"
            error = InputError(
                409,
                f"this Idempotency-Key was used for request {exc.existing_id} with other "
                f"content ({differs}); send new content under a new key",
            )
            raise self._refuse(received, error) from None
        except ContractError as exc:
            error = InputError(400, f"{exc.field}: {exc.message}")
            raise self._refuse(received, error) from None
        except PermissionDeniedError:
            error = InputError(403, "the api_key was revoked")
            raise self._refuse(received, error) from None
        except BaseException:
            self._discard(received)
            raise
        return Posted(report_id, SERVICE_NOTICE)

    def _receive(self, key: str, photo: bytes | None) -> _Accepted:
        """The key's check and the photo's upload, one statement committed on its own."""
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            found = receive(conn, key, photo)
        if found.login is None:
            error = InputError(403, "the api_key is unknown or revoked")
            raise self._refuse_login(self.limiter.login_of(key), error)
        self.limiter.remember(key, found.login)
        if found.problem is not None:
            raise self._refuse_login(found.login, InputError(400, f"photo: {found.problem}"))
        return _Accepted(found.login, found.photo_id)

    def _discard(self, received: _Accepted) -> None:
        if received.photo_id is None:
            return
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            with translated_errors():
                conn.execute(
                    text("SELECT qlue_gateway_discard(:login, :photo)"),
                    {"login": received.login, "photo": received.photo_id},
                )

    def _refuse(self, received: _Accepted, error: InputError) -> InputError:
        self._discard(received)
        return self._refuse_login(received.login, error)

    def _service_exists(self, conn: Connection, code: str) -> bool:
        now = time.monotonic()
        if now - self._services.get(code, -SERVICE_CACHE_SECONDS) < SERVICE_CACHE_SECONDS:
            return True  # submit_report still refuses a category deactivated since
        if queries.service(conn, code) is None:
            return False
        self._services[code] = now
        return True

    def _submit(
        self,
        conn: Connection,
        received: _Accepted,
        fields: Mapping[str, Sequence[str]],
        external_id: str,
    ) -> int:
        request = read_request(
            fields,
            None,
            service_exists=lambda code: self._service_exists(conn, code),
            attributes_of=lambda code: documents.ATTRIBUTES.get(code, []),
            channel_login=received.login,
            external_id=external_id,
        )
        with translated_errors():  # SET LOCAL ROLE: back to the gateway's at the commit
            conn.execute(text("SELECT set_config('role', :login, true)"), {"login": received.login})
        return contract.submit_report(
            conn,
            channel=CHANNEL_KIND,
            external_id=external_id,
            citizen=request.citizen,
            text_=request.text,
            category=request.service_code,
            lat=request.lat,
            lon=request.lon,
            staged_photo=received.photo_id,
            private=request.private,
        )
