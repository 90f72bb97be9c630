"""describe_photo: what is stored with each photo, and hashes that agree across pipelines."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

import pytest

from qlue_console.photos.decode import PhotoError
from qlue_console.photos.demo import encode, exif_bytes, recompress_resized, scene_image
from qlue_console.photos.hashing import hamming
from qlue_console.photos.ingest import describe_photo

from .helpers import LAT, LON, TAKEN, proof


def test_describe_photo_fields_and_json():
    data = proof(3)
    meta = describe_photo(data)
    assert meta.sha256 == hashlib.sha256(data).hexdigest()
    assert (meta.width, meta.height, meta.mime, meta.format) == (640, 480, "image/jpeg", "jpeg")
    assert meta.taken_at == TAKEN
    assert meta.gps_lat == pytest.approx(LAT, abs=1e-6) and meta.gps_lon == pytest.approx(
        LON, abs=1e-6
    )
    as_json = json.loads(json.dumps(meta.to_json()))
    assert set(as_json) == {
        "sha256",
        "phash",
        "width",
        "height",
        "mime",
        "format",
        "exif",
        "taken_at",
        "gps_lat",
        "gps_lon",
    }
    assert datetime.fromisoformat(as_json["taken_at"]) == TAKEN
    assert as_json["phash"] == meta.phash and -(2**63) <= meta.phash < 2**63
    assert as_json["exif"]["Model"] == "SM-A515F"


def test_describe_photo_refuses_non_images():
    with pytest.raises(PhotoError):
        describe_photo(b"%PDF-1.7 not a photo")


def test_no_exif_gives_nulls():
    meta = describe_photo(encode(scene_image(4), "PNG"))
    assert meta.taken_at is None and meta.gps_lat is None and meta.exif == {}
    assert meta.to_json()["taken_at"] is None


def test_same_pixels_same_hash_across_formats_and_sizes():
    image = scene_image(6, (1600, 1200))
    exif = exif_bytes(lat=LAT, lon=LON, taken_at=TAKEN)
    jpeg = describe_photo(encode(image, "JPEG", exif=exif, quality=90))
    for fmt in ("PNG", "WEBP", "HEIF"):
        other = describe_photo(encode(image, fmt, exif=exif, quality=90))
        assert hamming(other.phash, jpeg.phash) <= 4, fmt
    small = describe_photo(recompress_resized(encode(image, "JPEG", exif=exif), 0.3, 50))
    assert hamming(small.phash, jpeg.phash) <= 4


def test_hash_is_deterministic():
    data = proof(8, size=(2400, 1800))
    assert describe_photo(data) == describe_photo(data)
