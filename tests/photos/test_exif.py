"""EXIF reading: GPS, capture time and its zone, camera, JSON-safe tags, garbage tolerated."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import piexif
import pytest
from PIL import Image

from qlue_console.photos.decode import PhotoError
from qlue_console.photos.demo import exif_bytes, make_scene_photo
from qlue_console.photos.exif import JAKARTA, parse_exif_datetime

from .helpers import LAT, LON, read_exif, reencode


def _jpeg_with(exif: dict) -> bytes:
    block = piexif.dump({"0th": {}, "Exif": {}, "GPS": {}, "1st": {}, **exif})
    return reencode(Image.new("RGB", (32, 24), (90, 90, 90)), "JPEG", exif=block)


def test_gps_time_and_camera_round_trip():
    taken = datetime(2025, 3, 11, 14, 30, 5, tzinfo=JAKARTA)
    info = read_exif(make_scene_photo(1, lat=LAT, lon=LON, taken_at=taken, software="G998BXXU5"))
    assert info.gps_lat == pytest.approx(LAT, abs=1e-6)
    assert info.gps_lon == pytest.approx(LON, abs=1e-6)
    assert info.taken_at == taken and info.taken_at_offset_known
    assert (info.make, info.model, info.software) == ("Samsung", "SM-A515F", "G998BXXU5")
    json.dumps(info.tags)
    assert info.tags["Make"] == "Samsung" and info.tags["OffsetTimeOriginal"] == "+07:00"


def test_offset_in_exif_wins_and_missing_offset_means_jakarta():
    london = datetime(2025, 3, 11, 8, 0, tzinfo=UTC)
    info = read_exif(make_scene_photo(1, lat=None, lon=None, taken_at=london))
    assert info.taken_at == london and info.taken_at.utcoffset() == timedelta(0)
    block = exif_bytes(lat=None, lon=None, taken_at=datetime(2025, 3, 11, 15, 0), offset="")
    info = read_exif(reencode(Image.new("RGB", (8, 8)), "JPEG", exif=block))
    assert not info.taken_at_offset_known
    assert info.taken_at == datetime(2025, 3, 11, 8, 0, tzinfo=UTC)  # 15:00 WIB


def test_garbage_values_become_none():
    data = _jpeg_with(
        {
            "GPS": {
                piexif.GPSIFD.GPSLatitudeRef: b"S",
                piexif.GPSIFD.GPSLatitude: ((6, 0), (10, 1), (0, 1)),
                piexif.GPSIFD.GPSLongitudeRef: b"E",
                piexif.GPSIFD.GPSLongitude: ((106, 1), (49, 1), (0, 1)),
            },
            "Exif": {piexif.ExifIFD.DateTimeOriginal: b"0000:00:00 00:00:00"},
            "0th": {piexif.ImageIFD.Make: b"", piexif.ImageIFD.Model: b"\x00\x00"},
        }
    )
    info = read_exif(data)
    assert info.gps_lat is None and info.gps_lon is None  # zero denominator
    assert info.taken_at is None
    assert info.make is None and info.model is None
    json.dumps(info.tags)


def test_empty_gps_block_and_null_island():
    assert (
        read_exif(_jpeg_with({"GPS": {piexif.GPSIFD.GPSVersionID: (2, 2, 0, 0)}})).gps_lat is None
    )
    zero = _jpeg_with(
        {
            "GPS": {
                piexif.GPSIFD.GPSLatitudeRef: b"N",
                piexif.GPSIFD.GPSLatitude: ((0, 1), (0, 1), (0, 1)),
                piexif.GPSIFD.GPSLongitudeRef: b"E",
                piexif.GPSIFD.GPSLongitude: ((0, 1), (0, 1), (0, 1)),
            }
        }
    )
    assert read_exif(zero).gps_lat is None
    out_of_range = _jpeg_with(
        {
            "GPS": {
                piexif.GPSIFD.GPSLatitudeRef: b"N",
                piexif.GPSIFD.GPSLatitude: ((95, 1), (0, 1), (0, 1)),
                piexif.GPSIFD.GPSLongitudeRef: b"E",
                piexif.GPSIFD.GPSLongitude: ((10, 1), (0, 1), (0, 1)),
            }
        }
    )
    assert read_exif(out_of_range).gps_lat is None


def test_no_exif_at_all():
    info = read_exif(reencode(Image.new("RGB", (8, 8)), "PNG"))
    assert info.gps_lat is None and info.taken_at is None and info.tags == {}


def test_clock_in_1998_still_returned():
    info = read_exif(make_scene_photo(2, lat=LAT, lon=LON, taken_at=datetime(1998, 1, 1, 0, 0)))
    assert info.taken_at == datetime(1998, 1, 1, tzinfo=JAKARTA)


def test_bytes_tags_are_decoded_or_dropped():
    data = _jpeg_with(
        {
            "0th": {
                piexif.ImageIFD.Software: b"GIMP 2.10\x00junk",
                piexif.ImageIFD.Artist: b"\xff\xfe\x01",
            }
        }
    )
    info = read_exif(data)
    assert info.software == "GIMP 2.10"
    assert "Artist" not in info.tags  # not printable: dropped
    assert json.loads(json.dumps(info.tags))["Software"] == "GIMP 2.10"


@pytest.mark.parametrize(
    "value,offset,expected",
    [
        ("2025:03:11 14:30:00", "+07:00", datetime(2025, 3, 11, 7, 30, tzinfo=UTC)),
        ("2025:03:11 14:30:00", "-03:00", datetime(2025, 3, 11, 17, 30, tzinfo=UTC)),
        ("2025-03-11T14:30:00", None, datetime(2025, 3, 11, 7, 30, tzinfo=UTC)),
        ("2025:13:11 14:30:00", None, None),
        ("    :  :     :  :  ", None, None),
        (b"2025:03:11 14:30:00\x00", "garbage", datetime(2025, 3, 11, 7, 30, tzinfo=UTC)),
    ],
)
def test_parse_exif_datetime(value, offset, expected):
    assert parse_exif_datetime(value, offset)[0] == expected


def test_read_exif_refuses_non_images():
    with pytest.raises(PhotoError):
        read_exif(b"not an image")
