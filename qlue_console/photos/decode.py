"""Decoding the photos phones send — JPEG, HEIC/HEIF, WebP, PNG — decided by the bytes, not
the name, with EXIF orientation applied. Hostile input (not an image, truncated, a header
claiming a huge pixel count) raises ``PhotoError`` with a reason code; nothing else escapes."""

from __future__ import annotations

import io
import logging
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

log = logging.getLogger(__name__)

MAX_PIXELS = 40_000_000          # a 40 MP phone photo is the largest we accept
_heif_registered = False


class PhotoError(Exception):
    """A photo that cannot be used. ``reason``: not_an_image, unsupported, too_large, truncated, corrupt."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class DecodedPhoto:
    image: Image.Image        # oriented, RGB
    format: str               # jpeg, png, webp, heic
    width: int                # stored size, before orientation
    height: int


def _register_heif() -> None:
    global _heif_registered
    if not _heif_registered:
        from pillow_heif import register_heif_opener
        register_heif_opener()
        _heif_registered = True


def sniff_format(data: bytes) -> str | None:
    """The image format from the first bytes, or None when it is none we take."""
    if data[:3] == b"\xff\xd8\xff":
        return "jpeg"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data[4:8] == b"ftyp" and data[8:12] in (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis",
                                               b"mif1", b"msf1", b"avif"):
        return "heic"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    return None


def open_image(data: bytes, *, max_pixels: int = MAX_PIXELS) -> tuple[Image.Image, str]:
    """Opens (lazily) and checks the header: format and pixel count, before any decoding."""
    if not isinstance(data, (bytes, bytearray, memoryview)) or len(data) < 12:
        raise PhotoError("not_an_image", "not an image: too short")
    fmt = sniff_format(bytes(data[:16]))
    if fmt is None:
        raise PhotoError("not_an_image", "not an image (JPEG, PNG, WebP or HEIC expected)")
    if fmt == "gif":
        raise PhotoError("unsupported", "GIF is not a photo format we accept")
    if fmt == "heic":
        _register_heif()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            image = Image.open(io.BytesIO(bytes(data)))
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise PhotoError("corrupt", f"unreadable image: {exc}") from exc
    except Image.DecompressionBombError as exc:
        raise PhotoError("too_large", str(exc)) from exc
    width, height = image.size
    if width <= 0 or height <= 0 or width * height > max_pixels:
        raise PhotoError("too_large", f"{width}×{height} pixels is more than a photo can have ({max_pixels:,} max)")
    return image, fmt


def load_image(data: bytes, *, max_pixels: int = MAX_PIXELS,
               draft_size: tuple[int, int] | None = None) -> DecodedPhoto:
    """Decodes to RGB with EXIF orientation applied. ``draft_size`` lets a JPEG decode at a
    reduced scale (DCT scaling) when only a hash, a check or a preview of that size is needed."""
    image, fmt = open_image(data, max_pixels=max_pixels)
    width, height = image.size
    try:
        if draft_size is not None and fmt == "jpeg":
            image.draft("RGB", draft_size)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            image.load()
            oriented = ImageOps.exif_transpose(image)
            rgb = oriented.convert("RGB")
    except Image.DecompressionBombError as exc:
        raise PhotoError("too_large", str(exc)) from exc
    except (OSError, ValueError, SyntaxError, SystemError) as exc:
        reason = "truncated" if "truncated" in str(exc).lower() else "corrupt"
        raise PhotoError(reason, f"the image cannot be decoded: {exc}") from exc
    return DecodedPhoto(rgb, fmt, width, height)
