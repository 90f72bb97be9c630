"""A GeoReport v2 requests document (JSON array or XML ``<service_requests>``) read and mapped to
what the contract takes: each record becomes a :class:`Planned` report with its history (the
source's notes and its closing), or a :class:`Refused` record with the reason. Plain Python: no
database, no network."""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from defusedxml import ElementTree as SafeET

from qlue_console.domain.formatting import moment

MAX_TEXT = 5000
PRECISION = timedelta(seconds=1)  # of the sources' times


class DocumentError(Exception):
    """The document cannot be read at all (nothing is imported)."""


@dataclass(frozen=True)
class HistoryEvent:
    kind: str  # 'comment' or 'closed' (import_report_history)
    at: datetime
    summary: str


@dataclass(frozen=True)
class Planned:
    request_id: str
    external_id: str
    citizen: str
    text: str
    category: str
    lat: float
    lon: float
    reported_at: datetime
    history: tuple[HistoryEvent, ...]


@dataclass(frozen=True)
class Refused:
    request_id: str
    reason: str


def parse_document(data: bytes) -> list[dict[str, Any]]:
    """The records of a requests document: dicts of the spec's fields (text values as given,
    ``notes`` a list of dicts)."""
    head = data.lstrip()[:1]
    if head in (b"[", b"{"):
        return _parse_json(data)
    if head == b"<":
        return _parse_xml(data)
    raise DocumentError("not a GeoReport v2 requests document (neither JSON nor XML)")


def _parse_json(data: bytes) -> list[dict[str, Any]]:
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise DocumentError(f"the document is not UTF-8 text: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise DocumentError(
            f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from exc
    if isinstance(value, dict) and isinstance(value.get("service_requests"), list):
        value = value["service_requests"]
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise DocumentError("a JSON requests document is an array of request objects")
    return value


def _parse_xml(data: bytes) -> list[dict[str, Any]]:
    try:
        root = SafeET.fromstring(data)
    except SafeET.ParseError as exc:
        line, column = exc.position
        raise DocumentError(f"invalid XML at line {line}, column {column + 1}") from exc
    except Exception as exc:  # defusedxml's refusals (entities, DTDs)
        raise DocumentError(f"refused XML: {exc}") from exc
    if root.tag != "service_requests":
        raise DocumentError(f"an XML requests document is <service_requests>, not <{root.tag}>")
    records = []
    for request in root.findall("request"):
        record: dict[str, Any] = {}
        for child in request:
            if child.tag == "notes":
                record["notes"] = [
                    {field.tag: (field.text or "").strip() for field in note}
                    for note in child.findall("note")
                ]
            else:
                record[child.tag] = (child.text or "").strip()
        records.append(record)
    return records


def parse_service_map(data: bytes, name: str) -> dict[str, str]:
    """service_code -> category code, from a JSON object or a two-column CSV (a header row
    ``service_code,category`` is allowed)."""
    text = data.decode("utf-8-sig")
    if name.lower().endswith(".json") or text.lstrip().startswith("{"):
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DocumentError(
                f"{name}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
            ) from exc
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise DocumentError(f"{name}: a service map is an object of service_code: category")
        return {str(k): v for k, v in value.items()}
    mapping: dict[str, str] = {}
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not row or not "".join(row).strip():
            continue
        if len(row) != 2:
            raise DocumentError(f"{name}: line {number} has not two columns")
        code, category = row[0].strip(), row[1].strip()
        if number == 1 and code == "service_code":
            continue
        mapping[code] = category
    return mapping


def parse_time(value: object, assume_zone: tzinfo | None) -> datetime:
    """An ISO 8601 time with its zone (Z or an offset; fractions of a second accepted). A time
    without a zone is refused unless ``assume_zone`` says where it was taken."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError("no time")
    raw = value.strip()
    try:
        moment = datetime.fromisoformat(raw[:-1] + "+00:00" if raw[-1:] in "zZ" else raw)
    except ValueError as exc:
        raise ValueError(f"{raw!r} is not an ISO 8601 time") from exc
    if moment.tzinfo is None:
        if assume_zone is None:
            raise ValueError(
                f"{raw!r} has no time zone (give --assume-zone, e.g. Asia/Jakarta, if you know it)"
            )
        moment = moment.replace(tzinfo=assume_zone)
    return moment


def _number(value: object) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError("not a number")
    number = float(value)  # type: ignore[arg-type]
    if math.isnan(number) or math.isinf(number):
        raise ValueError("not a number")
    return number


def _text(value: object) -> str:
    if value is None:
        return ""
    return str(value).strip()


def plan(
    record: dict[str, Any],
    *,
    source: str,
    categories: frozenset[str],
    service_map: dict[str, str] | None,
    assume_zone: tzinfo | None,
    now: datetime | None = None,
) -> Planned | Refused:
    """One record mapped for the contract, or refused with the reason."""
    request_id = _text(record.get("service_request_id"))
    if not request_id:
        return Refused("?", "no service_request_id")
    code = _text(record.get("service_code"))
    category = service_map.get(code) if service_map is not None else None
    if category is None and code in categories:
        category = code
    if category is None or category not in categories:
        where = "the service map" if service_map is not None else "the categories"
        return Refused(request_id, f"service_code {code!r} is not mapped to a category in {where}")
    try:
        lat, lon = _number(record.get("lat")), _number(record.get("long"))
    except (TypeError, ValueError):
        return Refused(request_id, "lat/long are not numbers")
    if lat is None or lon is None:
        return Refused(request_id, "no lat/long (an address alone cannot be placed)")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return Refused(request_id, f"lat/long {lat}, {lon} are not a position on Earth")
    now = now or datetime.now(UTC)
    try:
        reported_at = parse_time(record.get("requested_datetime"), assume_zone)
        history = _history(record, reported_at, assume_zone)
    except ValueError as exc:
        return Refused(request_id, f"time: {exc}")
    if any(moment > now for moment in (reported_at, *(h.at for h in history))):
        return Refused(request_id, "a time is in the future")
    text = _text(record.get("description")) or _text(record.get("service_name")) or code
    address = _text(record.get("address"))
    if address:
        text = f"{text} ({address})"
    return Planned(
        request_id=request_id,
        external_id=f"{source}:{request_id}",
        citizen=f"open311:{source}",
        text=text[:MAX_TEXT],
        category=category,
        lat=lat,
        lon=lon,
        reported_at=reported_at,
        history=history,
    )


def _history(
    record: dict[str, Any], reported_at: datetime, assume_zone: tzinfo | None
) -> tuple[HistoryEvent, ...]:
    events = []
    notes = record.get("notes") or []
    if not isinstance(notes, list):
        raise ValueError("notes is not a list")
    for note in notes:
        if not isinstance(note, dict):
            raise ValueError("a note is not an object")
        summary = _text(note.get("summary")) or _text(note.get("description"))
        if summary:
            events.append(
                HistoryEvent(
                    "comment", parse_time(note.get("datetime"), assume_zone), summary[:MAX_TEXT]
                )
            )
    if _text(record.get("status")).lower() == "closed":
        updated = record.get("updated_datetime")
        at = parse_time(updated, assume_zone) if _text(updated) else reported_at
        events.append(HistoryEvent("closed", at, _text(record.get("status_notes"))[:MAX_TEXT]))
    kept = []
    for event in events:
        if event.at < reported_at - PRECISION:
            raise ValueError(f"{event.kind} at {moment(event.at, 'en')} is before the request")
        # a source that rounds its updates to the second may stamp one a fraction early
        kept.append(event if event.at >= reported_at else replace(event, at=reported_at))
    return tuple(sorted(kept, key=lambda e: (e.at, e.kind == "closed")))
