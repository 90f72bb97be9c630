"""Reading the EXIF of a photo defensively: position, capture time, camera and software.

Real files carry garbage: GPS blocks without coordinates, zero denominators, ``0000:00:00``
dates, zero-length strings, maker notes that do not parse. Nothing here raises for such input;
a value that cannot be trusted becomes ``None``.

Capture time: ``DateTimeOriginal`` with ``OffsetTimeOriginal`` when present; without an offset
the clock is taken as Jakarta time (``Asia/Jakarta``, UTC+7), which is what a phone in the city
writes. A clock set to 1998 or to the future is still returned: the checks flag it.

Position: ``(0, 0)`` ("null island", written by devices without a fix) is treated as no
position, as are values out of range or not finite.
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from PIL import ExifTags, Image

from qlue_console.photos.decode import PhotoError, decode_pixels

logger = logging.getLogger(__name__)

JAKARTA = ZoneInfo("Asia/Jakarta")

_IFD_EXIF = 0x8769
_IFD_GPS = 0x8825

# Tags kept for storage (jsonb), by IFD: {tag id: stored name}.
_MAIN_TAGS = {
    0x010F: "Make",
    0x0110: "Model",
    0x0131: "Software",
    0x0112: "Orientation",
    0x0132: "DateTime",
    0x013B: "Artist",
    0xA002: "ExifImageWidth",
    0xA003: "ExifImageHeight",
}
_EXIF_TAGS = {
    0x9003: "DateTimeOriginal",
    0x9004: "DateTimeDigitized",
    0x9010: "OffsetTime",
    0x9011: "OffsetTimeOriginal",
    0x9012: "OffsetTimeDigitized",
    0x9291: "SubsecTimeOriginal",
    0x829A: "ExposureTime",
    0x829D: "FNumber",
    0x8827: "ISOSpeedRatings",
    0x920A: "FocalLength",
    0x9209: "Flash",
    0xA434: "LensModel",
    0xA433: "LensMake",
    0xA002: "ExifImageWidth",
    0xA003: "ExifImageHeight",
    0xA405: "FocalLengthIn35mmFilm",
}
_GPS_TAGS = {
    1: "GPSLatitudeRef",
    2: "GPSLatitude",
    3: "GPSLongitudeRef",
    4: "GPSLongitude",
    5: "GPSAltitudeRef",
    6: "GPSAltitude",
    7: "GPSTimeStamp",
    18: "GPSMapDatum",
    29: "GPSDateStamp",
    16: "GPSImgDirectionRef",
    17: "GPSImgDirection",
    31: "GPSHPositioningError",
}
_MAX_STRING = 200

_DATETIME_RE = re.compile(r"^\s*(\d{4})[:\-](\d{2})[:\-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_OFFSET_RE = re.compile(r"^\s*([+-])(\d{2}):?(\d{2})\s*$")


@dataclass(frozen=True)
class ExifInfo:
    """What the checks need from the EXIF, plus a JSON-safe copy of the main tags."""

    gps_lat: float | None = None
    gps_lon: float | None = None
    taken_at: datetime | None = None  # timezone-aware
    taken_at_offset_known: bool = False  # False: interpreted as Jakarta time
    make: str | None = None
    model: str | None = None
    software: str | None = None
    orientation: int | None = None
    tags: dict[str, Any] = field(default_factory=dict)


def _clean_string(value: Any) -> str | None:
    if isinstance(value, (bytes, bytearray)):
        raw = bytes(value).split(b"\x00", 1)[0]
        try:
            value = raw.decode("utf-8")
        except UnicodeDecodeError:
            value = raw.decode("latin-1")
    if not isinstance(value, str):
        return None
    value = value.split("\x00", 1)[0].strip()
    if not value or not value.isprintable():
        return None
    return value[:_MAX_STRING]


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return None
    return number if math.isfinite(number) else None


def _json_value(value: Any) -> Any:
    """A JSON-safe rendering of an EXIF value, or None to drop it."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value if -(2**53) < value < 2**53 else None
    if isinstance(value, (str, bytes, bytearray)):
        return _clean_string(value)
    if isinstance(value, (tuple, list)):
        items = [_json_value(v) for v in value[:16]]
        return items if items and all(i is not None for i in items) else None
    number = _number(value)  # IFDRational, Fraction, float
    if number is None:
        return None
    return int(number) if number.is_integer() and abs(number) < 2**53 else round(number, 8)


def _degrees(value: Any, ref: Any, positive: str, negative: str, limit: float) -> float | None:
    if isinstance(value, (tuple, list)):
        parts = [p for p in (_number(v) for v in value) if p is not None and p >= 0]
        if not 1 <= len(parts) == len(value) <= 3:
            return None
        d = (
            parts[0]
            + (parts[1] / 60 if len(parts) > 1 else 0)
            + (parts[2] / 3600 if len(parts) > 2 else 0)
        )
    else:
        number = _number(value)
        if number is None:
            return None
        d = number
    ref_text = (_clean_string(ref) or "").upper()[:1]
    if ref_text == negative:
        d = -abs(d)
    elif ref_text and ref_text != positive:
        return None
    if not math.isfinite(d) or abs(d) > limit:
        return None
    return d


def parse_exif_datetime(value: Any, offset: Any = None) -> tuple[datetime | None, bool]:
    """``YYYY:MM:DD HH:MM:SS`` (+ optional ``±HH:MM``) → aware datetime; Jakarta when no offset.

    Returns ``(datetime or None, offset_known)``.
    """
    text = _clean_string(value)
    if text is None:
        return None, False
    match = _DATETIME_RE.match(text)
    if match is None:
        return None, False
    try:
        year, month, day, hour, minute, second = (int(g) for g in match.groups())
        naive = datetime(year, month, day, hour, minute, second)
    except ValueError:  # 0000:00:00, month 13...
        return None, False
    offset_text = _clean_string(offset)
    if offset_text:
        m = _OFFSET_RE.match(offset_text)
        if m:
            hours, minutes = int(m.group(2)), int(m.group(3))
            if hours <= 14 and minutes < 60:
                delta = timedelta(hours=hours, minutes=minutes)
                return naive.replace(tzinfo=timezone(-delta if m.group(1) == "-" else delta)), True
    return naive.replace(tzinfo=JAKARTA), False


def exif_from_image(image: Image.Image) -> ExifInfo:
    """The EXIF of an opened (not necessarily decoded) Pillow image.

    A PNG's EXIF (its eXIf chunk) may follow the pixel data, and Pillow reads it by decoding the
    pixels: a PNG is therefore decoded first, strictly, and damaged pixels raise
    :class:`PhotoError` (``undecodable``) instead of being taken for a readable photo.
    """
    if image.format == "PNG":
        decode_pixels(image, "png")
    try:
        exif = image.getexif()
    except Exception as exc:  # noqa: BLE001 - a broken EXIF block means no EXIF
        logger.debug("EXIF unreadable: %s", exc)
        return ExifInfo()
    tags: dict[str, Any] = {}

    def collect(source: Any, names: dict[int, str]) -> dict[int, Any]:
        raw: dict[int, Any] = {}
        for tag, name in names.items():
            try:
                value = source.get(tag)
            except Exception:  # noqa: BLE001
                continue
            if value is None:
                continue
            raw[tag] = value
            safe = _json_value(value)
            if safe is not None:
                tags[name] = safe
        return raw

    def sub_ifd(tag: int) -> Any:
        try:
            return exif.get_ifd(tag)
        except Exception:  # noqa: BLE001
            return {}

    main = collect(exif, _MAIN_TAGS)
    sub = collect(sub_ifd(_IFD_EXIF), _EXIF_TAGS)
    gps = collect(sub_ifd(_IFD_GPS), _GPS_TAGS)

    lat = _degrees(gps.get(2), gps.get(1), "N", "S", 90.0) if 2 in gps else None
    lon = _degrees(gps.get(4), gps.get(3), "E", "W", 180.0) if 4 in gps else None
    if lat is None or lon is None or (lat == 0.0 and lon == 0.0):
        lat = lon = None
    taken_at, offset_known = parse_exif_datetime(
        sub.get(0x9003), sub.get(0x9011) or sub.get(0x9010)
    )
    orientation = _number(main.get(0x0112))
    return ExifInfo(
        gps_lat=lat,
        gps_lon=lon,
        taken_at=taken_at,
        taken_at_offset_known=offset_known,
        make=_clean_string(main.get(0x010F)),
        model=_clean_string(main.get(0x0110)),
        software=_clean_string(main.get(0x0131)),
        orientation=int(orientation) if orientation is not None and 1 <= orientation <= 8 else None,
        tags=tags,
    )


__all__ = [
    "ExifInfo",
    "JAKARTA",
    "exif_from_image",
    "parse_exif_datetime",
    "PhotoError",
]
# ExifTags is imported for readers who want names of other tags.
_ = ExifTags
