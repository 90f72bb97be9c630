"""EXIF read defensively: GPS position, capture time (OffsetTimeOriginal when present,
Asia/Jakarta otherwise), camera make/model, editing software, orientation. Garbage values,
an empty GPS block or a damaged maker note give None for that field, never an exception."""

from __future__ import annotations

import logging
import math
import warnings
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from PIL import ExifTags, Image

from qlue_console.photos.decode import PhotoError, open_image

log = logging.getLogger(__name__)

JAKARTA = ZoneInfo("Asia/Jakarta")
_GPS_IFD = 0x8825
_EXIF_IFD = 0x8769
_KEEP = ("Make", "Model", "Software", "Orientation", "DateTimeOriginal", "DateTime", "OffsetTimeOriginal",
         "OffsetTime", "ExifImageWidth", "ExifImageHeight", "LensModel")


@dataclass(frozen=True)
class ExifInfo:
    lat: float | None = None
    lon: float | None = None
    taken_at: datetime | None = None
    taken_at_offset_known: bool = False
    make: str | None = None
    model: str | None = None
    software: str | None = None
    orientation: int | None = None
    tags: dict = field(default_factory=dict)       # JSON-safe subset for storage


def _text(value) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if value is None:
        return None
    text = str(value).replace("\x00", "").strip()
    return text or None


def _number(value) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    return number if math.isfinite(number) else None


def _coordinate(parts, ref) -> float | None:
    try:
        degrees, minutes, seconds = (_number(p) for p in parts)
    except (TypeError, ValueError):
        return None
    if degrees is None or minutes is None or seconds is None:
        return None
    value = degrees + minutes / 60 + seconds / 3600
    if _text(ref) in ("S", "W"):
        value = -value
    return value


def _offset(text: str | None) -> timezone | None:
    if not text or len(text) < 6 or text[0] not in "+-":
        return None
    try:
        hours, minutes = int(text[1:3]), int(text[4:6])
    except ValueError:
        return None
    delta = timedelta(hours=hours, minutes=minutes)
    return timezone(delta if text[0] == "+" else -delta)


def _moment(stamp: str | None, offset: str | None) -> tuple[datetime | None, bool]:
    if not stamp:
        return None, False
    try:
        naive = datetime.strptime(stamp[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None, False
    tz = _offset(offset)
    return (naive.replace(tzinfo=tz), True) if tz else (naive.replace(tzinfo=JAKARTA), False)


def _json_safe(value):
    if isinstance(value, (str, int, bool)) or value is None:
        return _text(value) if isinstance(value, str) else value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, bytes):
        return None
    if isinstance(value, tuple):
        return [_json_safe(v) for v in value]
    number = _number(value)   # IFDRational
    return number


def read_exif_from(image: Image.Image) -> ExifInfo:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            exif = image.getexif()
            main = {ExifTags.TAGS.get(k, str(k)): v for k, v in exif.items()}
            try:
                main.update({ExifTags.TAGS.get(k, str(k)): v for k, v in exif.get_ifd(_EXIF_IFD).items()})
            except (KeyError, ValueError, TypeError, OSError, SyntaxError):
                pass
            try:
                gps = {ExifTags.GPSTAGS.get(k, str(k)): v for k, v in exif.get_ifd(_GPS_IFD).items()}
            except (KeyError, ValueError, TypeError, OSError, SyntaxError):
                gps = {}
    except Exception as exc:  # Pillow raises many kinds on damaged EXIF blocks
        log.debug("unreadable EXIF: %s", exc)
        return ExifInfo()
    lat = lon = None
    if "GPSLatitude" in gps and "GPSLongitude" in gps:
        lat = _coordinate(gps.get("GPSLatitude"), gps.get("GPSLatitudeRef"))
        lon = _coordinate(gps.get("GPSLongitude"), gps.get("GPSLongitudeRef"))
        if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
            lat = lon = None
    taken_at, known = _moment(_text(main.get("DateTimeOriginal")), _text(main.get("OffsetTimeOriginal")))
    orientation = main.get("Orientation")
    tags = {k: _json_safe(main[k]) for k in _KEEP if k in main}
    if lat is not None:
        tags["GPSLatitude"], tags["GPSLongitude"] = lat, lon
    return ExifInfo(lat=lat, lon=lon, taken_at=taken_at, taken_at_offset_known=known,
                    make=_text(main.get("Make")), model=_text(main.get("Model")),
                    software=_text(main.get("Software")),
                    orientation=orientation if isinstance(orientation, int) else None, tags=tags)


def read_exif(data: bytes) -> ExifInfo:
    try:
        image, _fmt = open_image(data)
    except PhotoError:
        return ExifInfo()
    return read_exif_from(image)
