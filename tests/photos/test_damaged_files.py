"""A decode failure anywhere is a failure: real damaged files (tests/data/photos) are refused by
every consumer, decoding, EXIF, the stored metadata and the checks, instead of being reported
readable with a partly black image."""

from __future__ import annotations

import pytest
from PIL import ImageFile

from qlue_console.photos.checks import run_checks
from qlue_console.photos.decode import PhotoError, load_image
from qlue_console.photos.ingest import analyse_photo, describe_photo
from tests.photo_files import damaged_png, real
from tests.photos.helpers import read_exif

CONSUMERS = {
    "load_image": load_image,
    "load_image at draft size": lambda data: load_image(data, draft_size=(64, 64)),
    "read_exif": read_exif,
    "analyse_photo": analyse_photo,
    "describe_photo": describe_photo,
}


@pytest.mark.parametrize("consumer", CONSUMERS)
def test_a_png_with_damaged_pixel_data_is_undecodable_everywhere(consumer):
    with pytest.raises(PhotoError) as err:
        CONSUMERS[consumer](damaged_png())
    assert err.value.reason == "undecodable"


def test_the_checks_report_a_damaged_png_unreadable():
    report = run_checks(damaged_png())
    assert report["unreadable"].verdict == "fail"
    assert report["unreadable"].evidence == {"reason": "undecodable"}


def test_the_undamaged_original_decodes_whole_with_its_exif():
    data = real("pillow__exif.png")
    photo = load_image(data)
    assert (photo.width, photo.height, photo.format) == (512, 512, "png")
    assert photo.image.getpixel((256, 500)) != (0, 0, 0)  # the lower part is there
    assert read_exif(data).tags  # the eXIf chunk after the pixels
    assert run_checks(data)["unreadable"].verdict == "pass"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("pillow__truncated_jpeg.jpg", "undecodable"),
        ("pillow__broken.png", "not_an_image"),
    ],
)
def test_real_broken_files_are_refused_with_their_reason(name, reason):
    for consumer in CONSUMERS.values():
        if consumer is read_exif and reason == "undecodable":
            continue  # a JPEG's EXIF is read without its pixels
        with pytest.raises(PhotoError) as err:
            consumer(real(name))
        assert err.value.reason == reason
    assert run_checks(real(name))["unreadable"].verdict == "fail"


def test_truncated_images_are_never_completed_even_if_pillow_is_told_to(monkeypatch):
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    with pytest.raises(PhotoError) as err:
        load_image(real("pillow__truncated_jpeg.jpg"))
    assert err.value.reason == "undecodable"
    with pytest.raises(PhotoError):
        analyse_photo(damaged_png())
