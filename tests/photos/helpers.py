"""Photos made on the spot for the photo-layer tests (never read from ../shared)."""

from __future__ import annotations

import io
import struct
import zlib
from datetime import datetime

from qlue_console.photos.decode import open_header
from qlue_console.photos.demo import make_scene_photo
from qlue_console.photos.exif import JAKARTA, ExifInfo, exif_from_image

# Monas, and the moment the report was made.
LAT, LON = -6.1754, 106.8272
REPORTED = datetime(2025, 3, 10, 9, 0, tzinfo=JAKARTA)
FOLLOWED_UP = datetime(2025, 3, 11, 15, 0, tzinfo=JAKARTA)
TAKEN = datetime(2025, 3, 11, 14, 30, tzinfo=JAKARTA)


def proof(seed: int = 7, **kwargs) -> bytes:
    """A good proof photo: at the report's place, taken after the report, by a phone."""
    options = {"lat": LAT, "lon": LON, "taken_at": TAKEN}
    options.update(kwargs)
    return make_scene_photo(seed, **options)


def _chunk(kind: bytes, payload: bytes) -> bytes:
    return (
        struct.pack(">I", len(payload))
        + kind
        + payload
        + struct.pack(">I", zlib.crc32(kind + payload))
    )


def png_header_only(width: int, height: int) -> bytes:
    """A PNG claiming ``width``×``height`` RGB pixels with a few bytes of data (a bomb header)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")
    )


def reencode(image, fmt: str, **options) -> bytes:
    buf = io.BytesIO()
    image.save(buf, fmt, **options)
    return buf.getvalue()


def read_exif(data: bytes) -> ExifInfo:
    """The EXIF of photo bytes as the photo layer reads it while decoding (the header opened,
    then ``exif_from_image``); raises ``PhotoError`` like the layer does."""
    image, _ = open_header(data)
    try:
        return exif_from_image(image)
    finally:
        image.close()
