"""Generated photos for the demo city and the tests: procedural street-like scenes, distinct
per seed, with EXIF GPS and capture time written by piexif — and the weak variants the proof
checks must catch (blurred, dark, screenshot, re-posted, reused with a date drawn on it)."""

from __future__ import annotations

import io
import random
from datetime import datetime
from fractions import Fraction

import piexif
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from qlue_console.photos.exif import JAKARTA


def _rational(value: float, precision: int = 10000) -> tuple[int, int]:
    f = Fraction(value).limit_denominator(precision)
    return f.numerator, f.denominator


def _dms(value: float) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]]:
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = (value - degrees - minutes / 60) * 3600
    return (degrees, 1), (minutes, 1), _rational(seconds, 1000)


def exif_bytes(*, lat: float | None, lon: float | None, taken_at: datetime | None, make: str | None,
               model: str | None, software: str | None = None) -> bytes:
    zeroth: dict = {}
    exif: dict = {}
    gps: dict = {}
    if make:
        zeroth[piexif.ImageIFD.Make] = make.encode()
    if model:
        zeroth[piexif.ImageIFD.Model] = model.encode()
    if software:
        zeroth[piexif.ImageIFD.Software] = software.encode()
    if taken_at is not None:
        local = taken_at.astimezone(JAKARTA) if taken_at.tzinfo else taken_at
        exif[piexif.ExifIFD.DateTimeOriginal] = local.strftime("%Y:%m:%d %H:%M:%S").encode()
        exif[piexif.ExifIFD.OffsetTimeOriginal] = b"+07:00"
    if lat is not None and lon is not None:
        gps[piexif.GPSIFD.GPSLatitudeRef] = b"S" if lat < 0 else b"N"
        gps[piexif.GPSIFD.GPSLatitude] = _dms(lat)
        gps[piexif.GPSIFD.GPSLongitudeRef] = b"W" if lon < 0 else b"E"
        gps[piexif.GPSIFD.GPSLongitude] = _dms(lon)
    return piexif.dump({"0th": zeroth, "Exif": exif, "GPS": gps, "1st": {}, "thumbnail": None})


def scene(seed: int, size: tuple[int, int] = (640, 480)) -> Image.Image:
    """A street-like picture: sky, road, buildings, a drain, debris — laid out by the seed."""
    rng = random.Random(seed)
    w, h = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    horizon = int(h * rng.uniform(0.3, 0.55))
    sky = (rng.randint(120, 200), rng.randint(160, 220), rng.randint(200, 255))
    for y in range(horizon):
        shade = y / max(1, horizon)
        draw.line([(0, y), (w, y)], fill=tuple(int(c * (1 - 0.3 * shade)) for c in sky))
    ground = (rng.randint(70, 130),) * 3
    draw.rectangle([0, horizon, w, h], fill=ground)
    for _ in range(rng.randint(3, 8)):                      # buildings
        bw, bh = rng.randint(w // 12, w // 4), rng.randint(h // 8, horizon)
        x = rng.randint(-bw // 2, w)
        colour = tuple(rng.randint(60, 230) for _ in range(3))
        draw.rectangle([x, horizon - bh, x + bw, horizon], fill=colour)
        for wy in range(horizon - bh + 8, horizon - 8, 18):
            draw.line([(x + 4, wy), (x + bw - 4, wy)], fill=tuple(max(0, c - 60) for c in colour), width=3)
    draw.polygon([(w * rng.uniform(0.3, 0.45), horizon), (w * rng.uniform(0.55, 0.7), horizon),
                  (w * rng.uniform(0.85, 1.2), h), (w * rng.uniform(-0.2, 0.15), h)], fill=(50, 50, 55))
    for _ in range(rng.randint(10, 40)):                    # debris, leaves, potholes
        x, y = rng.randint(0, w), rng.randint(horizon, h)
        r = rng.randint(3, max(4, w // 30))
        colour = tuple(rng.randint(20, 200) for _ in range(3))
        draw.ellipse([x - r, y - r // 2, x + r, y + r // 2], fill=colour)
    return image.filter(ImageFilter.SMOOTH)


def _encode(image: Image.Image, fmt: str, quality: int, exif: bytes | None) -> bytes:
    buf = io.BytesIO()
    if fmt.upper() == "JPEG":
        image.save(buf, "JPEG", quality=quality, exif=exif or b"")
    else:
        kwargs = {"exif": exif} if exif else {}
        image.save(buf, fmt.upper(), **kwargs)
    return buf.getvalue()


def make_scene_photo(seed: int, *, lat: float | None, lon: float | None, taken_at: datetime | None,
                     size: tuple[int, int] = (640, 480), make: str | None = "Samsung", model: str | None = "SM-A515F",
                     software: str | None = None, fmt: str = "JPEG", quality: int = 80) -> bytes:
    exif = exif_bytes(lat=lat, lon=lon, taken_at=taken_at, make=make, model=model, software=software)
    return _encode(scene(seed, size), fmt, quality, exif)


def _reencode(data: bytes, transform, quality: int = 80) -> bytes:
    with Image.open(io.BytesIO(data)) as source:
        exif = source.info.get("exif")
        image = transform(source.convert("RGB"))
    return _encode(image, "JPEG", quality, exif)


def blurred(data: bytes, radius: float = 6) -> bytes:
    return _reencode(data, lambda im: im.filter(ImageFilter.GaussianBlur(radius)))


def darkened(data: bytes, factor: float = 0.12) -> bytes:
    return _reencode(data, lambda im: im.point(lambda v: int(v * factor)))


def flipped(data: bytes) -> bytes:
    return _reencode(data, lambda im: im.transpose(Image.Transpose.FLIP_LEFT_RIGHT))


def recompress_resized(data: bytes, scale: float = 0.6, quality: int = 60) -> bytes:
    """The citizen's own photo re-posted: smaller, re-compressed, EXIF kept."""
    return _reencode(data, lambda im: im.resize((max(1, int(im.width * scale)), max(1, int(im.height * scale)))),
                     quality)


def with_text_overlay(data: bytes, text: str) -> bytes:
    """The JAKI case: the same picture with a date written on it, re-compressed."""
    def draw_text(im: Image.Image) -> Image.Image:
        draw = ImageDraw.Draw(im)
        font = ImageFont.load_default()
        draw.rectangle([8, im.height - 30, 16 + 8 * len(text), im.height - 8], fill=(0, 0, 0))
        draw.text((12, im.height - 27), text, fill=(255, 255, 0), font=font)
        return im
    return _reencode(data, draw_text, 85)


def strip_exif(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as source:
        image = source.convert("RGB")
    return _encode(image, "JPEG", 85, None)


def screenshot_png(seed: int, size: tuple[int, int] = (540, 1170)) -> bytes:
    """A phone screenshot: a screen-sized PNG with flat UI bars, no camera EXIF."""
    rng = random.Random(seed)
    image = Image.new("RGB", size, (245, 245, 245))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, size[0], 60], fill=(33, 150, 243))
    photo = scene(seed, (size[0] - 40, int((size[0] - 40) * 0.75)))
    image.paste(photo, (20, 100))
    for i in range(6):
        y = 140 + photo.height + i * 40
        draw.rectangle([20, y, 20 + rng.randint(150, size[0] - 60), y + 14], fill=(190, 190, 190))
    return _encode(image, "PNG", 0, None)
