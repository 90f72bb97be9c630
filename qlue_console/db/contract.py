"""The channel contract from Python: thin wrappers over the SQL functions
``submit_report``, ``submit_follow_up`` and ``reopen_report``.

The SQL functions are the contract (any language can call them); these wrappers add what a
Python channel can do better before the call: decode the photo once to refuse a broken file
early and to compute its perceptual hash, size and EXIF, stored with the photo.
"""

from __future__ import annotations

import json
import math
from datetime import datetime

from sqlalchemy import Connection, text

from qlue_console.db.errors import ContractError
from qlue_console.db.sql_errors import translated_errors
from qlue_console.photos.decode import PhotoError
from qlue_console.photos.ingest import describe_photo

CHANNELS = ("app", "web", "sms", "social", "call_center")


def _photo_meta(photo: bytes | None) -> str | None:
    if photo is None:
        return None
    if not isinstance(photo, (bytes, bytearray, memoryview)):
        raise ContractError("photo", "the photo must be bytes")
    try:
        return json.dumps(describe_photo(bytes(photo)).to_json())
    except PhotoError as exc:
        raise ContractError("photo", f"the photo is not a readable image: {exc}") from exc


def _check_text(field: str, value: object, *, required: bool = True) -> None:
    if value is None and not required:
        return
    if not isinstance(value, str):
        raise ContractError(field, f"{field} must be text")
    if "\x00" in value:
        raise ContractError(field, f"{field} contains a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ContractError(field, f"{field} is not valid Unicode text") from exc


BIGINT_MAX = 2**63 - 1


def _check_id(field: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= BIGINT_MAX:
        raise ContractError(field, f"{field} must be a positive whole number")
    return value


def _check_moment(field: str, value: object) -> datetime | None:
    if value is not None and not isinstance(value, datetime):
        raise ContractError(field, f"{field} must be a date and time")
    return value


def _check_coordinate(field: str, value: object, limit: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ContractError(field, f"{field} must be a number")
    try:
        number = float(value)
    except OverflowError as exc:
        raise ContractError(field, f"{field} is not a number between -{limit:g} and {limit:g}") from exc
    if math.isnan(number) or not -limit <= number <= limit:
        raise ContractError(field, f"{field} {value} is not a number between -{limit:g} and {limit:g}")
    return number


def submit_report(conn: Connection, *, channel: str, external_id: str, citizen: str, text_: str,
                  category: str, lat: float, lon: float, photo: bytes | None = None,
                  reported_at: datetime | None = None) -> int:
    """Submits a citizen's report; returns its id (the same id again for a repeated external_id)."""
    for field, value in (("channel", channel), ("external_id", external_id), ("citizen", citizen),
                         ("text", text_), ("category", category)):
        _check_text(field, value)
    lat = _check_coordinate("lat", lat, 90)
    lon = _check_coordinate("lon", lon, 180)
    reported_at = _check_moment("reported_at", reported_at)
    meta = _photo_meta(photo)
    with translated_errors():
        return conn.execute(text(
            "SELECT submit_report(:channel, :external_id, :citizen, :text, :category, :lat, :lon, "
            ":photo, CAST(:meta AS jsonb), :reported_at)"),
            {"channel": channel, "external_id": external_id, "citizen": citizen, "text": text_,
             "category": category, "lat": lat, "lon": lon,
             "photo": bytes(photo) if photo is not None else None, "meta": meta,
             "reported_at": reported_at}).scalar_one()


def submit_follow_up(conn: Connection, *, report_id: int, official: str, note: str, photo: bytes,
                     external_id: str | None = None) -> int:
    """An official's follow-up with its proof photo; returns the follow-up id."""
    report_id = _check_id("report", report_id)
    _check_text("official", official)
    _check_text("note", note)
    _check_text("external_id", external_id, required=False)
    if photo is None:
        raise ContractError("photo", "a follow-up needs a proof photo")
    meta = _photo_meta(photo)
    with translated_errors():
        return conn.execute(text(
            "SELECT submit_follow_up(:report, :official, :note, :photo, CAST(:meta AS jsonb), :external_id)"),
            {"report": report_id, "official": official, "note": note, "photo": bytes(photo),
             "meta": meta, "external_id": external_id}).scalar_one()


def reopen_report(conn: Connection, *, report_id: int, citizen: str, text_: str,
                  photo: bytes | None = None) -> int:
    """A citizen's re-report; returns the id of the 'reopened' event."""
    report_id = _check_id("report", report_id)
    _check_text("citizen", citizen)
    _check_text("text", text_)
    meta = _photo_meta(photo)
    with translated_errors():
        return conn.execute(text(
            "SELECT reopen_report(:report, :citizen, :text, :photo, CAST(:meta AS jsonb))"),
            {"report": report_id, "citizen": citizen, "text": text_,
             "photo": bytes(photo) if photo is not None else None, "meta": meta}).scalar_one()
