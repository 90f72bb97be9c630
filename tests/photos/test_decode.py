"""Decoding: sniffing by bytes, hostile input refused with a reason, orientation, draft."""

from __future__ import annotations

import io

import piexif
import pillow_heif
import pytest
from PIL import Image

from qlue_console.photos.decode import PhotoError, load_image, sniff_format
from qlue_console.photos.demo import encode, exif_bytes, scene_image

from .helpers import png_header_only, proof, reencode


def test_sniff_by_bytes_not_names():
    image = scene_image(1, (64, 48))
    assert sniff_format(reencode(image, "JPEG")) == "jpeg"
    assert sniff_format(reencode(image, "PNG")) == "png"
    assert sniff_format(reencode(image, "WEBP")) == "webp"
    assert sniff_format(reencode(image, "GIF")) == "gif"
    assert sniff_format(encode(image, "HEIF")) == "heic"
    assert sniff_format(b"\x00\x00\x00\x18ftypmif1\x00\x00\x00\x00mif1heic") == "heic"
    assert sniff_format(b"\x00\x00\x00\x18ftypisom\x00\x00\x00\x00isommp41") is None  # an MP4
    assert sniff_format(b"<html>not a photo</html>") is None
    assert sniff_format(b"") is None


def test_not_an_image_and_empty():
    with pytest.raises(PhotoError) as err:
        load_image(b"PK\x03\x04 this is a zip file, not a photo")
    assert err.value.reason == "not_an_image"
    with pytest.raises(PhotoError) as err:
        load_image(b"")
    assert err.value.reason == "empty"
    # A JPEG signature followed by garbage.
    with pytest.raises(PhotoError) as err:
        load_image(b"\xff\xd8\xff" + b"\x13" * 500)
    assert err.value.reason in ("not_an_image", "undecodable")


def test_truncated_jpeg_is_undecodable():
    data = proof()
    with pytest.raises(PhotoError) as err:
        load_image(data[: len(data) // 2])
    assert err.value.reason == "undecodable"


def test_decompression_bomb_refused_from_the_header():
    # 60000×60000 claimed in 100-odd bytes: Pillow's own limit fires first; either way it is ours.
    bomb = png_header_only(60000, 60000)
    assert len(bomb) < 200
    with pytest.raises(PhotoError) as err:
        load_image(bomb)
    assert err.value.reason == "too_many_pixels"
    # Under Pillow's global limit (89 MP) but over ours (40 MP): refused before decoding.
    with pytest.raises(PhotoError) as err:
        load_image(png_header_only(7000, 7000))
    assert err.value.reason == "too_many_pixels"
    with pytest.raises(PhotoError) as err:
        load_image(png_header_only(300, 300), max_pixels=50_000)
    assert err.value.reason == "too_many_pixels"


def test_exif_orientation_6_is_applied():
    # Stored landscape 80×40, left half red; orientation 6 means "rotate 90° clockwise to view".
    image = Image.new("RGB", (80, 40), (0, 0, 255))
    image.paste((255, 0, 0), (0, 0, 40, 40))
    exif = piexif.dump({"0th": {piexif.ImageIFD.Orientation: 6}, "Exif": {}, "GPS": {}, "1st": {}})
    photo = load_image(reencode(image, "JPEG", quality=95, exif=exif))
    assert (photo.width, photo.height) == (40, 80)
    assert photo.image.size == (40, 80)
    assert photo.orientation == 6
    top = photo.image.getpixel((20, 10))
    bottom = photo.image.getpixel((20, 70))
    assert top[0] > 200 and top[2] < 60  # the red half is now on top
    assert bottom[2] > 200 and bottom[0] < 60


def test_heic_and_webp_decode():
    pillow_heif.register_heif_opener()
    image = scene_image(3, (320, 240))
    heic = encode(image, "HEIF", exif=exif_bytes(lat=-6.2, lon=106.8, taken_at=None))
    photo = load_image(heic)
    assert (photo.format, photo.mime, photo.width, photo.height) == ("heic", "image/heic", 320, 240)
    assert photo.image.mode == "RGB"
    webp = load_image(reencode(image, "WEBP", quality=80))
    assert (webp.format, webp.mime, webp.image.size) == ("webp", "image/webp", (320, 240))


def test_draft_decodes_big_jpeg_small_but_keeps_full_size():
    data = proof(size=(2000, 1500))
    full = load_image(data)
    small = load_image(data, draft_size=(256, 256))
    assert full.image.size == (2000, 1500)
    assert (small.width, small.height) == (2000, 1500)
    assert small.image.size[0] <= 500 and small.image.size[0] >= 256


def test_transparent_png_becomes_rgb_on_white():
    image = Image.new("RGBA", (20, 20), (0, 0, 0, 0))
    photo = load_image(reencode(image, "PNG"))
    assert photo.image.mode == "RGB"
    assert photo.image.getpixel((5, 5)) == (255, 255, 255)


def test_gif_first_frame():
    frames = [Image.new("RGB", (16, 16), c) for c in ((255, 0, 0), (0, 255, 0))]
    buf = io.BytesIO()
    frames[0].save(buf, "GIF", save_all=True, append_images=frames[1:])
    photo = load_image(buf.getvalue())
    assert photo.format == "gif" and photo.image.getpixel((8, 8))[0] > 200
