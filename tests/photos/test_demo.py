"""Generated demo photos: EXIF as asked, distinct hashes, every format, quick."""

from __future__ import annotations

import time
from datetime import datetime

import pytest

from qlue_console.photos.demo import make_scene_photo, screenshot_png, strip_exif, with_text_overlay
from qlue_console.photos.exif import JAKARTA
from qlue_console.photos.ingest import describe_photo

from .helpers import LAT, LON, TAKEN, read_exif


@pytest.mark.parametrize(
    "fmt,mime",
    [("JPEG", "image/jpeg"), ("PNG", "image/png"), ("WEBP", "image/webp"), ("HEIF", "image/heic")],
)
def test_formats_carry_exif(fmt, mime):
    meta = describe_photo(
        make_scene_photo(1, lat=LAT, lon=LON, taken_at=TAKEN, fmt=fmt, size=(320, 240))
    )
    assert meta.mime == mime
    assert meta.taken_at == TAKEN
    assert meta.gps_lat == pytest.approx(LAT, abs=1e-6)


def test_naive_time_is_jakarta():
    meta = describe_photo(
        make_scene_photo(1, lat=LAT, lon=LON, taken_at=datetime(2025, 1, 2, 3, 4, 5))
    )
    assert meta.taken_at == datetime(2025, 1, 2, 3, 4, 5, tzinfo=JAKARTA)


def test_same_seed_same_pixels_different_seed_different_scene():
    a = make_scene_photo(5, lat=LAT, lon=LON, taken_at=TAKEN)
    assert a == make_scene_photo(5, lat=LAT, lon=LON, taken_at=TAKEN)
    assert (
        describe_photo(a).phash
        != describe_photo(make_scene_photo(6, lat=LAT, lon=LON, taken_at=TAKEN)).phash
    )


def test_screenshot_and_stripped():
    meta = describe_photo(screenshot_png(1))
    assert (meta.format, meta.width, meta.height, meta.exif) == ("png", 1080, 2340, {})
    assert read_exif(strip_exif(make_scene_photo(1, lat=LAT, lon=LON, taken_at=TAKEN))).tags == {}


def test_text_overlay_keeps_exif_by_default():
    data = make_scene_photo(1, lat=LAT, lon=LON, taken_at=TAKEN)
    assert read_exif(with_text_overlay(data, "12/03/2025")).taken_at == TAKEN


def test_fast_enough_for_seeding():
    make_scene_photo(0, lat=LAT, lon=LON, taken_at=TAKEN)
    start = time.perf_counter()
    for seed in range(50):
        make_scene_photo(seed, lat=LAT, lon=LON, taken_at=TAKEN)
    per_photo = (time.perf_counter() - start) / 50
    assert per_photo < 0.05  # ~5 ms on a quiet machine; generous for loaded CI
