"""The channel contract from Python: thin wrappers over the SQL functions
``submit_report``, ``submit_follow_up`` and ``reopen_report``.

The SQL functions are the contract (any language can call them); these wrappers add what a
Python channel can do better before the call: decode the photo once to refuse a broken file
early and to compute its perceptual hash, size and EXIF, stored with the photo.

The wrappers refuse what the SQL functions refuse with the same field and the same message
(text made only of blanks, a photo over ``contract_settings.photo_max_bytes``), and also what
PostgreSQL could not receive at all (a NUL character), as a :class:`ContractError` whose
``sqlstate`` is 22023. A key reused with other content is an
:class:`~qlue_console.db.errors.IdempotencyConflictError` (SQLSTATE QC010).
"""

from __future__ import annotations

import json
import math
from datetime import datetime

from sqlalchemy import Connection, text

from qlue_console.db.errors import ContractError
from qlue_console.db.sql_errors import translated_errors
from qlue_console.photos.decode import PhotoError, open_header
from qlue_console.photos.ingest import describe_photo

CHANNELS = ("app", "web", "sms", "social", "call_center")


# The characters that show nothing, as qlue_trim in alembic/sql/0010/upgrade.sql: the ASCII
# blanks, NEL, the no-break spaces, the Unicode spaces and separators, the zero-width characters.
BLANKS = (
    "\t\n\v\f\r \u0085\u00a0\u1680\u180e"
    + "".join(chr(c) for c in range(0x2000, 0x200E))
    + "\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
)


def is_blank(value: str) -> bool:
    """True when ``value`` is empty or made only of :data:`BLANKS`."""
    return not value.strip(BLANKS)


def _photo_limit(conn: Connection) -> int:
    with translated_errors():
        return int(conn.execute(text("SELECT qlue_photo_max_bytes()")).scalar_one())


def _photo_meta(
    conn: Connection, photo: bytes | None, what: str = "the photo", *, describe: bool = True
) -> str | None:
    """The photo's metadata as JSON for the SQL function, after refusing what is too large or
    not an image. ``describe=False`` reads only the image's header (a fraction of a
    millisecond) and leaves the metadata to a describer (:mod:`qlue_console.photos.describer`)."""
    if photo is None:
        return None
    if not isinstance(photo, (bytes, bytearray, memoryview)):
        raise ContractError("photo", "the photo must be bytes")
    size, limit = len(photo), _photo_limit(conn)
    if size > limit:
        raise ContractError(
            "photo", f"{what} is {size} bytes, more than the limit of {limit} bytes"
        )
    try:
        if not describe:
            open_header(bytes(photo))[0].close()
            return None
        return json.dumps(describe_photo(bytes(photo)).to_json())
    except PhotoError as exc:
        raise ContractError("photo", f"{what} is not a readable image: {exc}") from exc


def _check_text(
    field: str, value: object, *, required: str | None = None, optional: bool = False
) -> None:
    """Refuses what is not text, text PostgreSQL cannot hold and, when ``required`` (the SQL
    function's message) is given, text made only of blanks."""
    if value is None and optional:
        return
    if not isinstance(value, str):
        raise ContractError(field, f"{field} must be text")
    if "\x00" in value:
        raise ContractError(
            field, f"{field} contains a NUL character (U+0000), which cannot be stored"
        )
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ContractError(field, f"{field} is not valid Unicode text") from exc
    if required is not None and is_blank(value):
        raise ContractError(field, required)


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
        raise ContractError(
            field, f"{field} is not a number between -{limit:g} and {limit:g}"
        ) from exc
    if math.isnan(number) or not -limit <= number <= limit:
        raise ContractError(
            field, f"{field} {value} is not a number between -{limit:g} and {limit:g}"
        )
    return number


def submit_report(
    conn: Connection,
    *,
    channel: str,
    external_id: str,
    citizen: str,
    text_: str,
    category: str,
    lat: float,
    lon: float,
    photo: bytes | None = None,
    reported_at: datetime | None = None,
    private: bool = False,
    describe_later: bool = False,
    staged_photo: int | None = None,
) -> int:
    """Submits a citizen's report; returns its id (the same id again for a retry of the same
    content). ``private``: the citizen asked that the public see only the report's status (a
    retry with another value is other content). ``describe_later``: the photo is stored
    after a check of its header only, and a describer adds its hashes and EXIF afterwards (the
    Open311 gateway answers an upload without decoding it). ``staged_photo``: instead of
    ``photo``, the id of a photo the gateway staged for this channel (``qlue_gateway_receive``),
    attached to the new report without its bytes travelling again. Raises
    :class:`~qlue_console.db.errors.IdempotencyConflictError` when ``external_id`` was used
    before with other content."""
    _check_text("channel", channel)
    _check_text("external_id", external_id, required="the channel's external_id is required")
    _check_text("citizen", citizen, required="the citizen handle is required")
    _check_text("text", text_, required="the report text is required")
    _check_text("category", category)
    lat = _check_coordinate("lat", lat, 90)
    lon = _check_coordinate("lon", lon, 180)
    reported_at = _check_moment("reported_at", reported_at)
    if staged_photo is not None:
        staged_photo = _check_id("staged_photo", staged_photo)
    meta = _photo_meta(conn, photo, describe=not describe_later)
    with translated_errors():
        return conn.execute(
            text(
                "SELECT submit_report(:channel, :external_id, :citizen, :text, :category, :lat, "
                ":lon, :photo, CAST(:meta AS jsonb), :reported_at, :private, :staged)"
            ),
            {
                "channel": channel,
                "external_id": external_id,
                "citizen": citizen,
                "text": text_,
                "category": category,
                "lat": lat,
                "lon": lon,
                "photo": bytes(photo) if photo is not None else None,
                "meta": meta,
                "reported_at": reported_at,
                "private": bool(private),
                "staged": staged_photo,
            },
        ).scalar_one()


def submit_follow_up(
    conn: Connection,
    *,
    report_id: int,
    official: str,
    note: str,
    photo: bytes,
    external_id: str | None = None,
) -> int:
    """An official's follow-up with its proof photo; returns the follow-up id (the same id again
    for a retry under the same ``external_id`` with the same report, note and photo)."""
    report_id = _check_id("report", report_id)
    _check_text("official", official, required="the official's handle is required")
    _check_text("note", note)
    _check_text("external_id", external_id, optional=True)
    if photo is None:
        raise ContractError("photo", "a follow-up needs a proof photo")
    meta = _photo_meta(conn, photo, "the proof photo")
    with translated_errors():
        return conn.execute(
            text(
                "SELECT submit_follow_up(:report, :official, :note, :photo, CAST(:meta AS jsonb), "
                ":external_id)"
            ),
            {
                "report": report_id,
                "official": official,
                "note": note,
                "photo": bytes(photo),
                "meta": meta,
                "external_id": external_id,
            },
        ).scalar_one()


def reopen_report(
    conn: Connection, *, report_id: int, citizen: str, text_: str, photo: bytes | None = None
) -> int:
    """A citizen's re-report; returns the id of the 'reopened' event."""
    report_id = _check_id("report", report_id)
    _check_text("text", text_, required="say what was not handled right: the text is required")
    _check_text("citizen", citizen, required="the citizen handle is required")
    meta = _photo_meta(conn, photo)
    with translated_errors():
        return conn.execute(
            text("SELECT reopen_report(:report, :citizen, :text, :photo, CAST(:meta AS jsonb))"),
            {
                "report": report_id,
                "citizen": citizen,
                "text": text_,
                "photo": bytes(photo) if photo is not None else None,
                "meta": meta,
            },
        ).scalar_one()
