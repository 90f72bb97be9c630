"""Decoding photo bytes safely: the format is sniffed from the bytes, the pixel count is checked
from the header before any pixel is decoded, and the EXIF orientation is applied.

One pipeline serves every consumer: the viewer, thumbnails, hashing and quality measures all go
through :func:`load_image`. Hashes stored at ingest and hashes computed at check time come from
the same call (:data:`qlue_console.photos.ingest.ANALYSIS_DRAFT`), so they agree.

Hostile or broken input never escapes as a Pillow exception: it becomes a :class:`PhotoError`
with a stable ``reason`` code:

``empty``               no bytes at all
``not_an_image``        the bytes are no image format we accept
``too_many_pixels``     the header announces more than ``max_pixels`` (decompression bomb);
                        refused before decoding, whatever Pillow's global limit says
``undecodable``         the header reads but the pixels do not (truncated, damaged)

A decode failure anywhere is a failure: the pixels are decoded (:func:`decode_pixels`) before
anything reads the EXIF, because Pillow reads a PNG's eXIf chunk, which follows the pixel data,
by decoding the pixels; an error swallowed there would leave a partial image (the damaged part
black) that a later ``load()`` returns as if whole. Truncated files are never completed with
grey or black (Pillow's ``LOAD_TRUNCATED_IMAGES`` is refused while decoding).

JPEGs can be decoded at 1/2, 1/4 or 1/8 scale by the DCT (``Image.draft``): a 12-megapixel
photo needed only for a 32×32 hash decodes about ten times faster.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from PIL import Image, ImageFile, ImageOps

logger = logging.getLogger(__name__)

MAX_PIXELS = 40_000_000

# Formats Pillow may use for our bytes; nothing else is ever tried (no EPS, no PSD, no ICNS...).
_PIL_FORMATS = {
    "jpeg": ("JPEG", "MPO"),
    "png": ("PNG",),
    "webp": ("WEBP",),
    "gif": ("GIF",),
    "heic": ("HEIF",),
    "avif": ("AVIF", "HEIF"),
    "tiff": ("TIFF",),
    "bmp": ("BMP",),
}

MIME_TYPES = {
    "jpeg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "gif": "image/gif",
    "heic": "image/heic",
    "avif": "image/avif",
    "tiff": "image/tiff",
    "bmp": "image/bmp",
}

_HEIF_BRANDS = {
    b"heic",
    b"heix",
    b"hevc",
    b"hevx",
    b"heim",
    b"heis",
    b"hevm",
    b"hevs",
    b"mif1",
    b"msf1",
}
_AVIF_BRANDS = {b"avif", b"avis"}

# Orientations 5–8 swap width and height when applied.
_SWAPPING_ORIENTATIONS = {5, 6, 7, 8}


class PhotoError(Exception):
    """A photo that cannot be used: ``reason`` is a stable code, ``message`` is for people."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(f"{reason}: {message}")
        self.reason = reason
        self.message = message


@dataclass(frozen=True)
class DecodedPhoto:
    """A decoded photo, upright (EXIF orientation applied) and in RGB.

    ``width``/``height`` are the full size of the upright photo as the header announces it,
    even when ``image`` was decoded at a reduced scale (``draft_size``).
    """

    image: Image.Image
    width: int
    height: int
    format: str
    mime: str
    orientation: int


_heif_registered = False


def _register_heif() -> None:
    global _heif_registered
    if _heif_registered:
        return
    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
    except ImportError:  # pragma: no cover - pillow-heif is a declared dependency
        logger.warning("pillow-heif is not installed: HEIC photos cannot be read")
    _heif_registered = True


def sniff_format(data: bytes) -> str | None:
    """The image format of ``data`` judged by its first bytes (never by a file name)."""
    head = bytes(data[:32])
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head[4:8] == b"ftyp":
        box_size = int.from_bytes(head[:4], "big")
        brands = {head[8:12]}
        compatible = bytes(data[16 : max(16, min(box_size, 64))])
        brands.update(compatible[i : i + 4] for i in range(0, len(compatible) - 3, 4))
        if head[8:12] in _AVIF_BRANDS:
            return "avif"
        if brands & _HEIF_BRANDS:
            return "heic"
        if brands & _AVIF_BRANDS:
            return "avif"
        return None
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if head.startswith(b"BM") and len(head) >= 26:
        return "bmp"
    return None


def open_header(data: bytes, *, max_pixels: int = MAX_PIXELS) -> tuple[Image.Image, str]:
    """Opens ``data`` lazily (header only) after sniffing it; checks the announced pixel count.

    Returns the lazy image and the sniffed format. Raises :class:`PhotoError`.
    """
    if not data:
        raise PhotoError("empty", "the photo is empty")
    fmt = sniff_format(data)
    if fmt is None:
        raise PhotoError("not_an_image", "the bytes are not a JPEG, PNG, WebP, HEIC or GIF image")
    if fmt in ("heic", "avif"):
        _register_heif()
    try:
        image = Image.open(io.BytesIO(data), formats=_PIL_FORMATS[fmt])
    except Image.DecompressionBombError as exc:
        raise PhotoError("too_many_pixels", str(exc)) from exc
    except Exception as exc:  # noqa: BLE001 - any parser failure means the bytes are not usable
        raise PhotoError(
            "not_an_image", f"the {fmt} header cannot be read ({type(exc).__name__})"
        ) from exc
    width, height = image.size
    if width <= 0 or height <= 0:
        raise PhotoError("not_an_image", f"the {fmt} header announces an empty image")
    if width * height > max_pixels:
        raise PhotoError(
            "too_many_pixels",
            f"{width}×{height} = {width * height} pixels is more than the limit of {max_pixels}",
        )
    return image, fmt


def decode_pixels(image: Image.Image, fmt: str) -> None:
    """Decodes all the pixels of a lazily opened image, strictly: any decoder error, truncation
    included, raises :class:`PhotoError` (``undecodable``). Does nothing once decoded."""
    if ImageFile.LOAD_TRUNCATED_IMAGES:
        raise PhotoError(
            "undecodable",
            "Pillow is set to accept truncated images (LOAD_TRUNCATED_IMAGES): "
            "refusing to decode photos that could be incomplete",
        )
    try:
        image.load()
    except Image.DecompressionBombError as exc:
        raise PhotoError("too_many_pixels", str(exc)) from exc
    except Exception as exc:  # noqa: BLE001 - truncated or damaged pixel data
        raise PhotoError(
            "undecodable", f"the {fmt} pixels cannot be decoded ({type(exc).__name__}: {exc})"
        ) from exc


def _orientation(image: Image.Image) -> int:
    """The EXIF orientation of an image whose pixels are decoded (:func:`decode_pixels`)."""
    try:
        value = image.getexif().get(0x0112, 1)
        value = int(value)
    except Exception:  # noqa: BLE001 - a damaged EXIF block only loses the orientation
        return 1
    return value if 1 <= value <= 8 else 1


def load_image(
    data: bytes, *, max_pixels: int = MAX_PIXELS, draft_size: tuple[int, int] | None = None
) -> DecodedPhoto:
    """Decodes ``data`` to an upright RGB image.

    ``draft_size`` lets a JPEG decode at the smallest DCT scale (1, 1/2, 1/4, 1/8) that still
    covers that size; other formats decode in full. Raises :class:`PhotoError`.
    """
    image, fmt = open_header(data, max_pixels=max_pixels)
    width, height = image.size
    try:
        if draft_size is not None and fmt == "jpeg":
            image.draft("RGB", draft_size)
        decode_pixels(image, fmt)
        orientation = _orientation(image)
        if getattr(image, "n_frames", 1) > 1:
            image.seek(0)
        upright = ImageOps.exif_transpose(image)
        if upright is None:  # pragma: no cover - only with in_place=True
            upright = image
        if upright.mode != "RGB":
            if upright.mode in ("RGBA", "LA", "PA") or (
                upright.mode == "P" and "transparency" in upright.info
            ):
                rgba = upright.convert("RGBA")
                background = Image.new("RGB", rgba.size, (255, 255, 255))
                background.paste(rgba, mask=rgba.getchannel("A"))
                upright = background
            else:
                upright = upright.convert("RGB")
    except PhotoError:
        raise
    except Exception as exc:  # noqa: BLE001 - truncated or damaged pixel data
        raise PhotoError(
            "undecodable", f"the {fmt} pixels cannot be decoded ({type(exc).__name__}: {exc})"
        ) from exc
    finally:
        image.close()
    if orientation in _SWAPPING_ORIENTATIONS:
        width, height = height, width
    return DecodedPhoto(
        image=upright,
        width=width,
        height=height,
        format=fmt,
        mime=MIME_TYPES[fmt],
        orientation=orientation,
    )
