"""The photos at ``media_url``: a resized copy with every bit of EXIF (GPS included) removed,
read over HTTP from the running gateway."""

from __future__ import annotations

import io
from pathlib import Path

import piexif
import pytest
from PIL import Image

from qlue_console.open311.media import MAX_SIDE, public_copy

PHONE_PHOTO = "exifsamples__iphone_hdr_NO.jpg"  # 3264x2448 with GPS, in ../shared/data/photos


def _generated_photo() -> bytes:
    """A 2000x1500 JPEG with a camera make and a GPS position in its EXIF."""
    image = Image.new("RGB", (2000, 1500), (90, 140, 60))
    exif = piexif.dump(
        {
            "0th": {piexif.ImageIFD.Make: b"QluePhone"},
            "GPS": {
                piexif.GPSIFD.GPSLatitudeRef: b"S",
                piexif.GPSIFD.GPSLatitude: ((6, 1), (10, 1), (3144, 100)),
                piexif.GPSIFD.GPSLongitudeRef: b"E",
                piexif.GPSIFD.GPSLongitude: ((106, 1), (49, 1), (3792, 100)),
            },
        }
    )
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def _photo_with_gps() -> bytes:
    """A real phone photo with GPS from ../shared when present, else one made here."""
    here = Path(__file__).resolve().parents[2]
    for shared in (here.parent / "shared", here.parent.parent / "shared"):
        path = shared / "data" / "photos" / PHONE_PHOTO
        if path.is_file():
            return path.read_bytes()
    return _generated_photo()


def _assert_clean(data: bytes) -> None:
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG"
        assert max(image.size) <= MAX_SIDE
        assert not image.getexif() and "exif" not in image.info
        assert "icc_profile" not in image.info and "xmp" not in image.info
    assert b"Exif\x00\x00" not in data and b"GPS" not in data


@pytest.mark.parametrize("make", [_photo_with_gps, _generated_photo])
def test_the_original_has_gps_and_the_copy_has_no_exif(make):
    original = make()
    with Image.open(io.BytesIO(original)) as image:
        assert image.getexif().get_ifd(0x8825)  # the GPS IFD is there to be removed
        assert max(image.size) > MAX_SIDE
    _assert_clean(public_copy(original))


def test_media_url_serves_the_clean_copy(client, submit):
    rid = submit(photo=_photo_with_gps())
    [body] = client.get(f"requests/{rid}.json").json()
    photo = client.get(body["media_url"])
    assert photo.status_code == 200 and photo.headers["content-type"] == "image/jpeg"
    _assert_clean(photo.content)


def test_unknown_media_is_a_404(client):
    for path in ("media/999999.jpg", "media/abc.jpg", "media/1.png"):
        response = client.get(path)
        assert response.status_code == 404 and response.json()[0]["code"] == 404
