"""What is stored with every photo, computed once from its bytes: hashes, size, MIME, EXIF.

:func:`analyse_photo` is the single pipeline: it decodes the photo once (JPEG at reduced DCT
scale, :data:`ANALYSIS_DRAFT`), and from that one image derives the pHash, the hashes of its
flips/rotations and the quality measures. :func:`describe_photo` (what the channel contract
stores) and the checks (:mod:`qlue_console.photos.checks`) both call it, so a hash stored at
ingest and a hash computed at check time always come out of the same code.

``PhotoMeta.to_json()`` matches the ``photos`` columns read by ``qlue_store_photo``:
sha256 (hex), phash (signed bigint), width, height, mime, exif (jsonb), taken_at (ISO 8601
with offset), gps_lat, gps_lon; plus ``format``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from qlue_console.photos.decode import MAX_PIXELS, PhotoError, load_image, open_header
from qlue_console.photos.exif import ExifInfo, exif_from_image
from qlue_console.photos.hashing import dihedral_hashes, sha256_hex
from qlue_console.photos.quality import QualityMetrics, measure

logger = logging.getLogger(__name__)

# JPEGs decode at the largest DCT reduction keeping both sides ≥ this (≥ 256 px for the hash,
# ≥ 512 on the longer side for quality on a 4:3 photo of 2 MP or more).
ANALYSIS_DRAFT = (512, 384)


@dataclass(frozen=True)
class PhotoMeta:
    """Metadata stored with a photo (see the module docstring for the columns)."""

    sha256: str
    phash: int
    width: int
    height: int
    mime: str
    format: str
    exif: dict[str, Any] = field(default_factory=dict)
    taken_at: datetime | None = None
    gps_lat: float | None = None
    gps_lon: float | None = None

    def to_json(self) -> dict[str, Any]:
        """JSON-safe dict (datetimes as ISO 8601 with offset)."""
        return {
            "sha256": self.sha256,
            "phash": self.phash,
            "width": self.width,
            "height": self.height,
            "mime": self.mime,
            "format": self.format,
            "exif": dict(self.exif),
            "taken_at": self.taken_at.isoformat() if self.taken_at is not None else None,
            "gps_lat": self.gps_lat,
            "gps_lon": self.gps_lon,
        }


@dataclass(frozen=True)
class PhotoAnalysis:
    """Everything the checks need from one photo, from a single decode."""

    meta: PhotoMeta
    exif: ExifInfo
    quality: QualityMetrics
    variant_hashes: dict[str, int]  # pHash of each flip/rotation; "identity" == meta.phash


def analyse_photo(data: bytes, *, max_pixels: int = MAX_PIXELS) -> PhotoAnalysis:
    """Decodes ``data`` once and measures it. Raises :class:`PhotoError` for non-images."""
    data = bytes(data)
    header, _ = open_header(data, max_pixels=max_pixels)
    try:
        exif = exif_from_image(header)
    finally:
        header.close()
    decoded = load_image(data, max_pixels=max_pixels, draft_size=ANALYSIS_DRAFT)
    variants = dihedral_hashes(decoded.image)
    quality = measure(decoded.image, decoded.width, decoded.height)
    meta = PhotoMeta(
        sha256=sha256_hex(data),
        phash=variants["identity"],
        width=decoded.width,
        height=decoded.height,
        mime=decoded.mime,
        format=decoded.format,
        exif=exif.tags,
        taken_at=exif.taken_at,
        gps_lat=exif.gps_lat,
        gps_lon=exif.gps_lon,
    )
    logger.debug(
        "analysed photo %s: %s %dx%d", meta.sha256[:12], meta.format, meta.width, meta.height
    )
    return PhotoAnalysis(meta=meta, exif=exif, quality=quality, variant_hashes=variants)


def describe_photo(data: bytes) -> PhotoMeta:
    """Metadata to store with a photo. Raises :class:`PhotoError` for non-images."""
    return analyse_photo(data).meta


__all__ = [
    "ANALYSIS_DRAFT",
    "PhotoAnalysis",
    "PhotoError",
    "PhotoMeta",
    "analyse_photo",
    "describe_photo",
]
