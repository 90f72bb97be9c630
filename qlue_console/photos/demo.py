"""Generated photos for the demo city and the tests: street-like scenes with real EXIF.

:func:`make_scene_photo` draws a procedural scene — a random low-frequency background (so the
perceptual hashes of two seeds are as unrelated as two real photos), buildings, a road, blobs
and sensor noise — and writes EXIF GPS, ``DateTimeOriginal`` and ``OffsetTimeOriginal`` with
piexif. The helpers derive the weak proofs the checks must catch: blurred, darkened, a PNG
screenshot, the citizen's photo re-posted smaller, a copy with a date drawn on it (the JAKI
case), EXIF stripped. A 640×480 scene takes a few milliseconds.
"""

from __future__ import annotations

import io
import logging
from datetime import datetime
from fractions import Fraction
from functools import lru_cache

import numpy as np
import piexif
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageFont

from qlue_console.photos.exif import JAKARTA

logger = logging.getLogger(__name__)

_FORMAT_NAMES = {
    "JPEG": "JPEG",
    "JPG": "JPEG",
    "PNG": "PNG",
    "WEBP": "WEBP",
    "HEIF": "HEIF",
    "HEIC": "HEIF",
}


def _rational(value: float, denominator: int = 1_000_000) -> tuple[int, int]:
    f = Fraction(value).limit_denominator(denominator)
    return f.numerator, f.denominator


def _dms(value: float) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]]:
    value = abs(value)
    degrees = int(value)
    minutes_full = (value - degrees) * 60
    minutes = int(minutes_full)
    seconds = (minutes_full - minutes) * 60
    return (degrees, 1), (minutes, 1), (int(round(seconds * 10_000)), 10_000)


def exif_bytes(
    *,
    lat: float | None,
    lon: float | None,
    taken_at: datetime | None,
    make: str | None = "Samsung",
    model: str | None = "SM-A515F",
    software: str | None = None,
    orientation: int | None = None,
    offset: str | None = None,
) -> bytes:
    """An EXIF block (piexif) with GPS, capture time and camera; ``None`` leaves a tag out.

    ``taken_at`` is written in its own offset (Jakarta when naive) with ``OffsetTimeOriginal``;
    pass ``offset=""`` to write no offset tag.
    """
    zeroth: dict[int, object] = {}
    exif: dict[int, object] = {}
    gps: dict[int, object] = {}
    if make is not None:
        zeroth[piexif.ImageIFD.Make] = make.encode()
    if model is not None:
        zeroth[piexif.ImageIFD.Model] = model.encode()
    if software is not None:
        zeroth[piexif.ImageIFD.Software] = software.encode()
    if orientation is not None:
        zeroth[piexif.ImageIFD.Orientation] = orientation
    if taken_at is not None:
        local = taken_at if taken_at.tzinfo is not None else taken_at.replace(tzinfo=JAKARTA)
        exif[piexif.ExifIFD.DateTimeOriginal] = local.strftime("%Y:%m:%d %H:%M:%S").encode()
        exif[piexif.ExifIFD.DateTimeDigitized] = exif[piexif.ExifIFD.DateTimeOriginal]
        if offset is None:
            utc_offset = local.utcoffset()
            assert utc_offset is not None
            minutes = int(utc_offset.total_seconds() // 60)
            sign = "-" if minutes < 0 else "+"
            offset = f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
        if offset:
            exif[piexif.ExifIFD.OffsetTimeOriginal] = offset.encode()
    if lat is not None and lon is not None:
        gps[piexif.GPSIFD.GPSVersionID] = (2, 3, 0, 0)
        gps[piexif.GPSIFD.GPSLatitudeRef] = b"S" if lat < 0 else b"N"
        gps[piexif.GPSIFD.GPSLatitude] = _dms(lat)
        gps[piexif.GPSIFD.GPSLongitudeRef] = b"W" if lon < 0 else b"E"
        gps[piexif.GPSIFD.GPSLongitude] = _dms(lon)
    return piexif.dump({"0th": zeroth, "Exif": exif, "GPS": gps, "1st": {}, "thumbnail": None})


@lru_cache(maxsize=8)
def _noise(size: tuple[int, int]) -> Image.Image:
    rng = np.random.default_rng(12345)
    return Image.fromarray(rng.integers(0, 24, (size[1], size[0], 3), dtype=np.uint8), "RGB")


def scene_image(seed: int, size: tuple[int, int] = (640, 480)) -> Image.Image:
    """The pixels of a procedural street scene, distinct per seed."""
    rng = np.random.default_rng(seed)
    w, h = size
    # A random low-frequency field decides the pHash: every seed gets its own.
    field = rng.integers(20, 236, (7, 9, 3), dtype=np.uint8)
    # Smooth at a quarter of the size, then enlarged by pixel repetition (Pillow's smooth
    # enlargement of a tiny image costs more than the whole rest of the scene).
    coarse = (max(1, w // 4), max(1, h // 4))
    image = (
        Image.fromarray(field, "RGB")
        .resize(coarse, Image.Resampling.BILINEAR)
        .resize(size, Image.Resampling.NEAREST)
    )
    draw = ImageDraw.Draw(image)
    horizon = int(h * rng.uniform(0.3, 0.75))
    for _ in range(int(rng.integers(4, 9))):  # buildings
        x0 = int(rng.uniform(-0.1, 0.9) * w)
        bw = int(rng.uniform(0.06, 0.25) * w)
        top = int(horizon - rng.uniform(0.1, 0.45) * h)
        colour = tuple(int(c) for c in rng.integers(30, 230, 3))
        draw.rectangle([x0, top, x0 + bw, horizon], fill=colour)
        for wy in range(top + 8, horizon - 8, max(12, h // 30)):  # windows
            draw.line(
                [(x0 + 4, wy), (x0 + bw - 4, wy)],
                fill=tuple(max(0, c - 60) for c in colour),
                width=2,
            )
    road = tuple(int(c) for c in rng.integers(40, 220, 3))
    vx = int(rng.uniform(0.2, 0.8) * w)
    draw.polygon(
        [(vx - w // 30, horizon), (vx + w // 30, horizon), (int(w * 1.1), h), (int(-w * 0.1), h)],
        fill=road,
    )
    draw.line(
        [(vx, horizon), (w // 2 + int(rng.uniform(-0.3, 0.3) * w), h)],
        fill=(230, 230, 210),
        width=max(2, w // 160),
    )
    for _ in range(int(rng.integers(3, 8))):  # blobs: trees, cars, puddles, rubbish
        cx, cy = rng.uniform(0, w), rng.uniform(horizon * 0.8, h)
        r = rng.uniform(0.02, 0.09) * w
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        draw.ellipse(
            [cx - r, cy - r * 0.6, cx + r, cy + r * 0.6], fill=colour, outline=(20, 20, 20)
        )
    return Image.blend(image, _noise(size), 0.12) if size[0] * size[1] <= 4_000_000 else image


def encode(
    image: Image.Image, fmt: str = "JPEG", *, quality: int = 80, exif: bytes | None = None
) -> bytes:
    """Encodes a Pillow image in ``fmt`` (JPEG, PNG, WEBP, HEIF) with an optional EXIF block."""
    name = _FORMAT_NAMES[fmt.upper()]
    if name == "HEIF":
        import pillow_heif

        pillow_heif.register_heif_opener()
    buf = io.BytesIO()
    options: dict[str, object] = {}
    if exif:
        options["exif"] = exif
    if name in ("JPEG", "WEBP", "HEIF"):
        options["quality"] = quality
    if name == "PNG":
        options["compress_level"] = 1
    image.save(buf, name, **options)
    return buf.getvalue()


def make_scene_photo(
    seed: int,
    *,
    lat: float | None,
    lon: float | None,
    taken_at: datetime | None,
    size: tuple[int, int] = (640, 480),
    make: str | None = "Samsung",
    model: str | None = "SM-A515F",
    software: str | None = None,
    fmt: str = "JPEG",
    quality: int = 80,
    orientation: int | None = None,
) -> bytes:
    """A phone photo of a street scene with EXIF GPS and capture time (Jakarta time if naive)."""
    exif = exif_bytes(
        lat=lat,
        lon=lon,
        taken_at=taken_at,
        make=make,
        model=model,
        software=software,
        orientation=orientation,
    )
    return encode(scene_image(seed, size), fmt, quality=quality, exif=exif)


def _reopen(data: bytes) -> tuple[Image.Image, bytes | None, str]:
    image = Image.open(io.BytesIO(data))
    exif = image.info.get("exif")
    fmt = image.format or "JPEG"
    image.load()
    return image.convert("RGB"), exif, ("HEIF" if fmt == "HEIF" else fmt)


def blurred(data: bytes, radius: float = 6.0) -> bytes:
    """The same photo out of focus (EXIF kept)."""
    image, exif, fmt = _reopen(data)
    return encode(image.filter(ImageFilter.GaussianBlur(radius)), fmt, exif=exif)


def darkened(data: bytes, factor: float = 0.12) -> bytes:
    """The same photo taken at night without light (EXIF kept)."""
    image, exif, fmt = _reopen(data)
    return encode(ImageEnhance.Brightness(image).enhance(factor), fmt, exif=exif)


def screenshot_png(seed: int, size: tuple[int, int] = (1080, 2340)) -> bytes:
    """A phone screenshot: PNG, screen size, a status bar and a photo inside an app, no EXIF."""
    screen = Image.new("RGB", size, (250, 250, 250))
    draw = ImageDraw.Draw(screen)
    w, h = size
    draw.rectangle([0, 0, w, h // 30], fill=(20, 20, 20))
    draw.rectangle([0, h // 30, w, h // 12], fill=(0, 120, 200))
    photo = scene_image(seed, (w, w * 3 // 4))
    screen.paste(photo, (0, h // 8))
    for i in range(6):
        y = h // 8 + w * 3 // 4 + 40 + i * 60
        draw.rectangle([40, y, w - 40 - (i * 37) % 200, y + 24], fill=(200, 200, 200))
    return encode(screen, "PNG")


def recompress_resized(data: bytes, scale: float = 0.5, quality: int = 60) -> bytes:
    """The photo re-posted through a chat app: smaller, re-compressed, EXIF gone."""
    image, _, _ = _reopen(data)
    size = (max(1, int(image.width * scale)), max(1, int(image.height * scale)))
    return encode(image.resize(size, Image.Resampling.BILINEAR), "JPEG", quality=quality)


def with_text_overlay(
    data: bytes, text: str, *, exif: bytes | None = None, quality: int = 85
) -> bytes:
    """A copy with ``text`` (a date, typically) drawn in a corner and re-compressed.

    The JAKI case: one follow-up photo closing two reports, only the date stamp changed. ``exif``
    replaces the metadata (e.g. a fresh time and place); by default the original EXIF is kept.
    """
    image, original_exif, _ = _reopen(data)
    draw = ImageDraw.Draw(image)
    font_size = max(12, image.height // 16)
    try:
        font = ImageFont.load_default(size=font_size)
    except TypeError:  # pragma: no cover - Pillow without FreeType
        font = ImageFont.load_default()
    x, y = image.width // 20, image.height - image.height // 8
    box = draw.textbbox((x, y), text, font=font)
    draw.rectangle([box[0] - 4, box[1] - 4, box[2] + 4, box[3] + 4], fill=(0, 0, 0))
    draw.text((x, y), text, fill=(255, 200, 0), font=font)
    return encode(image, "JPEG", quality=quality, exif=exif if exif is not None else original_exif)


def strip_exif(data: bytes) -> bytes:
    """The same pixels without any metadata (re-encoded losslessly for PNG, q95 for JPEG)."""
    image, _, fmt = _reopen(data)
    return encode(image, fmt if fmt in ("PNG", "WEBP") else "JPEG", quality=95)


def mirrored(data: bytes) -> bytes:
    """The photo flipped left-right and re-compressed, EXIF kept (an attempt to hide a re-use)."""
    image, exif, _ = _reopen(data)
    return encode(image.transpose(Image.Transpose.FLIP_LEFT_RIGHT), "JPEG", exif=exif)
