"""Photo files for the contract tests: real files shipped in tests/data/photos (see its README),
a damaged copy of one, and images Pillow writes in every format a phone sends."""

from __future__ import annotations

import io
import struct
import zlib
from datetime import datetime
from pathlib import Path

import pillow_heif

from qlue_console.photos.demo import make_scene_photo, scene_image
from qlue_console.photos.exif import JAKARTA

DATA = Path(__file__).parent / "data" / "photos"


def real(name: str) -> bytes:
    return (DATA / name).read_bytes()


def png_chunks(data: bytes) -> list[tuple[bytes, int, int]]:
    """(type, offset of the chunk, length of its data) of each chunk of a PNG."""
    chunks, i = [], 8
    while i < len(data):
        (length,) = struct.unpack(">I", data[i : i + 4])
        chunks.append((data[i + 4 : i + 8], i, length))
        i += 12 + length
    return chunks


def damaged_png() -> bytes:
    """Pillow's exif.png with the data of its fourth IDAT chunk scrambled and the chunk's CRC
    recomputed: the structure is sound, the header and the EXIF read, the pixels do not decode
    (a partial decode would leave the lower part of the image black)."""
    data = bytearray(real("pillow__exif.png"))
    idats = [
        (offset, length) for kind, offset, length in png_chunks(bytes(data)) if kind == b"IDAT"
    ]
    offset, length = idats[3]
    for k in range(offset + 8 + 100, offset + 8 + length, 7):
        data[k] ^= 0x5A
    crc = zlib.crc32(bytes(data[offset + 4 : offset + 8 + length]))
    data[offset + 8 + length : offset + 12 + length] = struct.pack(">I", crc)
    return bytes(data)


def encoded(fmt: str, **options) -> bytes:
    image = scene_image(5, (160, 120))
    if fmt == "HEIF":
        pillow_heif.register_heif_opener()
    buf = io.BytesIO()
    image.save(buf, fmt, **options)
    return buf.getvalue()


def _with_junk_after_app0(jpeg: bytes) -> bytes:
    end = 4 + struct.unpack(">H", jpeg[4:6])[0]  # SOI + the APP0 segment
    return jpeg[:end] + b"\x00\x00junk" + jpeg[end:]


def phone_formats() -> dict[str, bytes]:
    """One image in each format and variant the contract accepts."""
    return {
        "jpeg": encoded("JPEG", quality=85),
        "jpeg progressive": encoded("JPEG", quality=85, progressive=True),
        "jpeg with EXIF GPS and time": make_scene_photo(
            2, lat=-6.1754, lon=106.8272, taken_at=datetime(2026, 3, 1, 9, 30, tzinfo=JAKARTA)
        ),
        "real jpeg (Pillow's hopper)": real("pillow__hopper.jpg"),
        "jpeg with a trailer after EOI": encoded("JPEG") + b"motion-photo trailer" * 10,
        "jpeg with extraneous bytes between segments": _with_junk_after_app0(encoded("JPEG")),
        "png": encoded("PNG"),
        "png, eXIf after the pixels": real("pillow__exif.png"),
        "webp lossy": encoded("WEBP", quality=80),
        "webp lossless": encoded("WEBP", lossless=True),
        "heic": encoded("HEIF", quality=70),
        "avif": encoded("AVIF", quality=60),
    }


def not_images() -> dict[str, bytes]:
    """Bytes with an image signature that are no image, each caught by its structure."""
    jpeg, png = encoded("JPEG"), encoded("PNG")
    webp, heic = encoded("WEBP", quality=80), encoded("HEIF", quality=70)
    sos = jpeg.index(b"\xff\xda")
    return {
        "jpeg signature then garbage": b"\xff\xd8\xff" + b"\x13" * 500,
        "jpeg signature then zeros": jpeg[:20] + b"\x00" * 4000,
        "jpeg cut in its image data": jpeg[: sos + (len(jpeg) - sos) // 2],
        "jpeg cut in its header": jpeg[: sos - 40],
        "real truncated jpeg": real("pillow__truncated_jpeg.jpg"),
        "real broken png": real("pillow__broken.png"),
        "png cut before IEND": png[: len(png) * 2 // 3],
        "png without IDAT": png[:33] + png[-12:],
        "png signature then garbage": png[:8] + b"garbage!" * 30,
        "webp cut short": webp[: len(webp) // 2],
        "webp without image data": b"RIFF"
        + struct.pack("<I", 16)
        + b"WEBPJUNK"
        + struct.pack("<I", 4)
        + b"abcd",
        "heic cut short": heic[: len(heic) // 2],
        "heic signature then garbage": heic[:24] + b"\x7f" * 300,
    }
