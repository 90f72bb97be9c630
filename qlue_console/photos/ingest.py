"""What the contract stores with each photo: fingerprints, size, format and EXIF, computed in
one pass when the photo arrives."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from qlue_console.photos.decode import load_image, open_image
from qlue_console.photos.exif import read_exif_from
from qlue_console.photos.hashing import HASH_DRAFT, phash64, sha256_hex

MIME = {"jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp", "heic": "image/heic"}


@dataclass(frozen=True)
class PhotoMeta:
    sha256: str
    phash: int
    width: int
    height: int
    format: str
    mime: str
    exif: dict
    taken_at: datetime | None
    gps_lat: float | None
    gps_lon: float | None

    def to_json(self) -> dict:
        return {"sha256": self.sha256, "phash": self.phash, "width": self.width, "height": self.height,
                "format": self.format, "mime": self.mime, "exif": self.exif,
                "taken_at": self.taken_at.isoformat() if self.taken_at else None,
                "gps_lat": self.gps_lat, "gps_lon": self.gps_lon}


def describe_photo(data: bytes) -> PhotoMeta:
    """Raises PhotoError for anything that is not a usable image."""
    header, fmt = open_image(data)
    exif = read_exif_from(header)
    decoded = load_image(data, draft_size=HASH_DRAFT)
    return PhotoMeta(sha256=sha256_hex(bytes(data)), phash=phash64(decoded.image), width=decoded.width,
                     height=decoded.height, format=fmt, mime=MIME[fmt], exif=exif.tags, taken_at=exif.taken_at,
                     gps_lat=exif.lat, gps_lon=exif.lon)
