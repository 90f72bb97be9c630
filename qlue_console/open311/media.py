"""The photos the gateway serves at ``media_url``: a resized copy (at most 1024 px on its
longer side) re-encoded as JPEG, so none of the original's metadata survives — no EXIF, GPS
included, no XMP, no ICC profile, no comment."""

from __future__ import annotations

import io

from PIL import Image, ImageOps

MAX_SIDE = 1024


def public_copy(data: bytes, max_side: int = MAX_SIDE) -> bytes:
    """A JPEG of ``data`` at most ``max_side`` px, upright (the EXIF orientation applied before
    it is dropped), without any metadata. Raises ``OSError``/``ValueError`` for an unreadable
    image."""
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        upright = ImageOps.exif_transpose(image)
        upright.thumbnail((max_side, max_side))
        clean = Image.new("RGB", upright.size)
        clean.paste(upright.convert("RGB"))
    out = io.BytesIO()
    clean.save(out, format="JPEG", quality=85)
    return out.getvalue()
