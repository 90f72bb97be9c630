"""The write side's routes: ``POST requests.json|xml`` (form-encoded, or multipart with a
``media`` file) and ``GET tokens/{token}``.

Every request is created at once, so the answer gives its ``service_request_id`` and no token;
``GET tokens/{token}`` still answers for clients that always follow one: a request's id is its
own token."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from qlue_console.open311 import queries
from qlue_console.open311.errors import InputError
from qlue_console.open311.posting import Poster
from qlue_console.open311.ratelimit import RateLimiter

JURISDICTION = "jakarta.go.id"
MAX_MEDIA_BYTES = 64 * 1024 * 1024  # read at most this much; the contract's own limit is lower
MAX_FIELDS = 200
MAX_FIELD_BYTES = 64 * 1024
BIGINT_MAX = 2**63 - 1

Document = Callable[..., Response]


async def _read_form(request: Request) -> tuple[dict[str, list[str]], bytes | None]:
    form = await request.form(max_files=1, max_fields=MAX_FIELDS, max_part_size=MAX_FIELD_BYTES)
    fields: dict[str, list[str]] = {}
    photo: bytes | None = None
    try:
        for name, value in form.multi_items():
            if isinstance(value, UploadFile):
                if name != "media":
                    raise InputError(400, f"only the media field may be a file, not {name[:60]!r}")
                photo = await value.read(MAX_MEDIA_BYTES + 1)
                if len(photo) > MAX_MEDIA_BYTES:
                    raise InputError(400, f"media is larger than {MAX_MEDIA_BYTES} bytes")
                photo = photo or None  # an empty file part: no photo
            elif name == "media":
                raise InputError(400, "media must be a file (multipart/form-data)")
            else:
                fields.setdefault(name, []).append(value)
    finally:
        await form.close()
    return fields, photo


def _one(fields: dict[str, list[str]], request: Request, name: str) -> str | None:
    values = fields.pop(name, None) or request.query_params.getlist(name)
    if len(values) > 1:
        raise InputError(400, f"{name} is given {len(values)} times; send it once")
    return values[0].strip() if values and values[0].strip() else None


def post_routes(engine: Engine, limiter: RateLimiter, document: Document) -> list[Route]:
    """The routes, answering with ``document(fmt, root, body)`` as the read side does."""
    poster = Poster(engine, limiter)

    async def post_request(request: Request) -> Response:
        fmt = request.url.path.rsplit(".", 1)[-1]
        fields, photo = await _read_form(request)
        jurisdiction = _one(fields, request, "jurisdiction_id")
        if jurisdiction is not None and jurisdiction != JURISDICTION:
            raise InputError(404, f"jurisdiction_id {jurisdiction[:60]!r} not found")
        key = _one(fields, request, "api_key")
        idempotency_key = request.headers.get("idempotency-key")
        posted = await run_in_threadpool(poster.post, key, fields, photo, idempotency_key)
        body: list[dict[str, Any]] = [
            {
                "service_request_id": str(posted.report_id),
                "service_notice": posted.service_notice,
                "account_id": None,
            }
        ]
        return document(fmt, "service_requests", body)

    def token(request: Request) -> Response:
        name = request.path_params["name"]
        raw, dot, fmt = name.rpartition(".")
        if not dot or fmt not in ("json", "xml"):
            raise InputError(404, f"unknown format in {name[:60]!r}: use .json or .xml")
        found = None
        if raw.isascii() and raw.isdigit() and int(raw) <= BIGINT_MAX:
            with engine.connect() as conn:
                found = queries.request(conn, int(raw))
        if found is None:
            raise InputError(404, f"no request for token {raw[:60]!r}")
        body = [{"service_request_id": str(found.id), "token": raw}]
        return document(fmt, "service_requests", body)

    return [
        Route("/requests.json", post_request, methods=["POST"]),
        Route("/requests.xml", post_request, methods=["POST"]),
        Route("/tokens/{name:str}", token),
    ]
