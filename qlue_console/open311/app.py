"""The Open311 GeoReport v2 gateway as a Starlette ASGI app: discovery, services, a service
definition, requests and one request, each as ``.json`` and ``.xml``; the write side's routes
(``POST requests``, ``GET tokens``) come from :mod:`qlue_console.open311.post_routes`.

Bad input is always answered with the spec's array of ``{code, description}`` and a 400 or
404, never a 500. Endpoints are synchronous (Starlette runs them in its thread pool), each
taking one connection of the engine's pool for the time of its queries."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from qlue_console.open311 import documents, queries
from qlue_console.open311.documents import JAKARTA
from qlue_console.open311.errors import InputError
from qlue_console.open311.media import public_copy
from qlue_console.open311.post_routes import post_routes
from qlue_console.open311.ratelimit import RateLimiter
from qlue_console.open311.xml import render

JURISDICTION = "jakarta.go.id"
MAX_DAYS = 90
MAX_PAGE_SIZE = 1000
MAX_IDS = 1000
BIGINT_MAX = 2**63 - 1
DEFAULT_RATE = 20.0
DEFAULT_BURST = 40
FORMATS = {"json": "application/json; charset=utf-8", "xml": "text/xml; charset=utf-8"}


def _split(name: str) -> tuple[str, str]:
    """``'requests.json'`` -> ``('requests', 'json')``; an unknown format is a 404."""
    stem, dot, fmt = name.rpartition(".")
    if not dot or fmt not in FORMATS:
        raise InputError(404, f"unknown format in {name!r}: use .json or .xml")
    return stem, fmt


def _document(fmt: str, root: str, document: Any, status: int = 200, headers=None) -> Response:
    if fmt == "xml":
        body = render(root, document)
    else:
        body = json.dumps(document, ensure_ascii=False).encode("utf-8")
    return Response(body, status_code=status, media_type=FORMATS[fmt], headers=headers)


def _format_of(request: Request) -> str:
    name = request.url.path.rsplit("/", 1)[-1]
    return "xml" if name.endswith(".xml") else "json"


def _error(request: Request, code: int, description: str, headers=None) -> Response:
    body = documents.errors(code, description)
    return _document(_format_of(request), "errors", body, code, headers=headers)


def _check_jurisdiction(request: Request) -> None:
    jurisdiction = request.query_params.get("jurisdiction_id", "").strip()
    if jurisdiction and jurisdiction != JURISDICTION:
        raise InputError(404, f"jurisdiction_id {jurisdiction!r} not found: this is {JURISDICTION}")


def _base_url(request: Request) -> str:
    return str(request.base_url)


def _moment(name: str, value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise InputError(400, f"{name} is not an ISO 8601 date and time: {value!r}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=JAKARTA)
    return moment


def _int_param(request: Request, name: str, default: int, low: int, high: int) -> int:
    raw = request.query_params.get(name, "").strip()
    if not raw:
        return default
    if not raw.isascii() or not raw.isdigit() or not low <= int(raw) <= high:
        raise InputError(400, f"{name} must be a whole number from {low} to {high}")
    return int(raw)


def _list_param(request: Request, name: str) -> list[str]:
    return [part.strip() for part in request.query_params.get(name, "").split(",") if part.strip()]


def _request_filter(request: Request, service_codes: set[str]) -> queries.RequestFilter:
    raw_ids = _list_param(request, "service_request_id")
    if len(raw_ids) > MAX_IDS:
        raise InputError(400, f"at most {MAX_IDS} service_request_id at once")
    ids: list[int] = []
    for raw in raw_ids:
        if not raw.isascii() or not raw.isdigit() or int(raw) > BIGINT_MAX:
            raise InputError(400, f"service_request_id {raw!r} is not a request number")
        ids.append(int(raw))
    codes = _list_param(request, "service_code")
    for code in codes:
        if code not in service_codes:
            raise InputError(400, f"unknown service_code {code!r}")
    statuses = {s.lower() for s in _list_param(request, "status")}
    if statuses - {"open", "closed"}:
        raise InputError(400, "status must be open, closed or both (comma separated)")
    is_open = None if len(statuses) != 1 else statuses == {"open"}
    page_size = _int_param(request, "page_size", MAX_PAGE_SIZE, 1, MAX_PAGE_SIZE)
    page = _int_param(request, "page", 1, 1, 1_000_000)
    start = end = None
    raw_start = request.query_params.get("start_date", "").strip()
    raw_end = request.query_params.get("end_date", "").strip()
    if raw_start:
        start = _moment("start_date", raw_start)
    if raw_end:
        end = _moment("end_date", raw_end)
    if not ids:  # the spec: a list of ids ignores the other parameters' defaults
        window = timedelta(days=MAX_DAYS)
        if start is None and end is None:
            end = datetime.now(JAKARTA)
        if start is None and end is not None:
            start = end - window
        if end is None and start is not None:
            end = start + window
        assert start is not None and end is not None
        if end < start:
            raise InputError(400, "end_date is before start_date")
        if end - start > window:
            raise InputError(400, f"start_date and end_date are at most {MAX_DAYS} days apart")
    return queries.RequestFilter(
        ids=tuple(ids),
        service_codes=tuple(codes),
        start=start,
        end=end,
        is_open=is_open,
        limit=page_size,
        offset=(page - 1) * page_size,
    )


def create_app(engine: Engine, limiter: RateLimiter | None = None) -> Starlette:
    """The gateway over ``engine`` (its pool serves the requests); ``limiter`` is the per-key
    rate limit of ``POST requests`` (by default 20 a second, bursts of 40)."""

    def _service_codes() -> set[str]:
        with engine.connect() as conn:
            return {s.code for s in queries.services(conn)}

    def discovery(request: Request) -> Response:
        _, fmt = _split(request.path_params["name"])
        _check_jurisdiction(request)
        return _document(fmt, "discovery", documents.discovery(_base_url(request)))

    def services(request: Request) -> Response:
        _, fmt = _split(request.path_params["name"])
        _check_jurisdiction(request)
        with engine.connect() as conn:
            found = queries.services(conn)
        return _document(fmt, "services", documents.service_list(found))

    def service(request: Request) -> Response:
        code, fmt = _split(request.path_params["name"])
        _check_jurisdiction(request)
        with engine.connect() as conn:
            found = queries.service(conn, code) if "\x00" not in code else None
        if found is None:
            raise InputError(404, f"unknown service_code {code!r}")
        return _document(fmt, "service_definition", documents.service_definition(found))

    def requests(request: Request) -> Response:
        _, fmt = _split(request.path_params["name"])
        _check_jurisdiction(request)
        flt = _request_filter(request, _service_codes())
        base = _base_url(request)
        with engine.connect() as conn:
            found = queries.requests(conn, flt)
            timeline = queries.notes(conn, [r.id for r in found])
        body = [documents.service_request(r, timeline[r.id], base) for r in found]
        headers = {}
        if len(found) == flt.limit:
            page = flt.offset // flt.limit + 2
            headers["Link"] = f'<{request.url.include_query_params(page=page)}>; rel="next"'
        return _document(fmt, "service_requests", body, headers=headers)

    def one_request(request: Request) -> Response:
        raw, fmt = _split(request.path_params["name"])
        _check_jurisdiction(request)
        if not raw.isascii() or not raw.isdigit() or int(raw) > BIGINT_MAX:
            raise InputError(404, f"service request not found with id {raw!r}")
        with engine.connect() as conn:
            found = queries.request(conn, int(raw))
            timeline = queries.notes(conn, [found.id]) if found else {}
        if found is None:
            raise InputError(404, f"service request not found with id {raw!r}")
        body = [documents.service_request(found, timeline[found.id], _base_url(request))]
        return _document(fmt, "service_requests", body)

    def media(request: Request) -> Response:
        name = request.path_params["name"]
        stem, dot, ext = name.rpartition(".")
        if dot and ext == "jpg" and stem.isascii() and stem.isdigit() and int(stem) <= BIGINT_MAX:
            with engine.connect() as conn:
                data = queries.photo(conn, int(stem))
            if data is not None:
                try:
                    return Response(public_copy(data), media_type="image/jpeg")
                except (OSError, ValueError):
                    pass
        raise InputError(404, f"no media {name!r}")

    async def bad_request(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, InputError)
        return _error(request, exc.code, exc.description, exc.headers)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return _error(request, exc.status_code, exc.detail or "error")

    return Starlette(
        routes=[
            *post_routes(engine, limiter or RateLimiter(DEFAULT_RATE, DEFAULT_BURST), _document),
            Route("/{name:str}", _dispatch_root(discovery, services, requests)),
            Route("/services/{name:str}", service),
            Route("/requests/{name:str}", one_request),
            Route("/media/{name:str}", media),
        ],
        exception_handlers={InputError: bad_request, HTTPException: http_error},
    )


def _dispatch_root(discovery, services, requests):
    """``/discovery.*``, ``/services.*`` and ``/requests.*`` share the root's one path segment."""
    endpoints = {"discovery": discovery, "services": services, "requests": requests}

    def root(request: Request) -> Response:
        stem, _ = _split(request.path_params["name"])
        endpoint = endpoints.get(stem)
        if endpoint is None:
            raise InputError(404, f"no endpoint {request.url.path!r}")
        return endpoint(request)

    return root
