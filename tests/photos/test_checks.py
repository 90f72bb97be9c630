"""The checks of docs/photo-checks.md, one generated photo per weakness, and the risk score."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from qlue_console.photos.checks import (
    CHECK_CODES,
    CheckContext,
    CheckResult,
    ReuseHit,
    haversine_m,
    risk_score,
    run_checks,
)
from qlue_console.photos.demo import (
    blurred,
    darkened,
    exif_bytes,
    make_scene_photo,
    mirrored,
    recompress_resized,
    screenshot_png,
    strip_exif,
    with_text_overlay,
)
from qlue_console.photos.exif import JAKARTA
from qlue_console.photos.hashing import hamming
from qlue_console.photos.ingest import analyse_photo, describe_photo

from .helpers import FOLLOWED_UP, LAT, LON, REPORTED, TAKEN, png_header_only, proof


def ctx(**kwargs) -> CheckContext:
    base = {
        "report_lat": LAT,
        "report_lon": LON,
        "report_created_at": REPORTED,
        "submitted_at": FOLLOWED_UP,
        "now": FOLLOWED_UP + timedelta(hours=1),
    }
    base.update(kwargs)
    return CheckContext(**base)


def verdicts(report) -> dict[str, str]:
    return {r.code: r.verdict for r in report.results}


def test_good_proof_passes_everything_checkable():
    report = run_checks(
        proof(), ctx(report_phash=describe_photo(proof(99)).phash, self_resolved=False)
    )
    assert [r.code for r in report.results] == list(CHECK_CODES)
    assert set(verdicts(report).values()) == {"pass"}
    assert report.risk == 0
    json.dumps(report.to_json())


def test_far_from_report_with_distance_evidence():
    near = run_checks(proof(lat=LAT + 0.001, lon=LON), ctx())  # ~111 m
    assert near["far_from_report"].verdict == "pass"
    assert 100 < near["far_from_report"].evidence["distance_m"] < 120
    far = run_checks(proof(lat=LAT + 0.01, lon=LON + 0.01), ctx())  # ~1.57 km
    assert far["far_from_report"].verdict == "fail"
    assert far["far_from_report"].evidence["distance_m"] == pytest.approx(1570, rel=0.02)
    assert far.risk >= 60


def test_no_location_and_no_capture_time():
    report = run_checks(proof(lat=None, lon=None, taken_at=None), ctx())
    assert report["no_location"].verdict == "warn"
    assert report["no_capture_time"].verdict == "warn"
    assert report["far_from_report"].skipped and report["stale"].skipped
    assert report["taken_before_report"].skipped


def test_taken_before_the_report():
    report = run_checks(proof(taken_at=REPORTED - timedelta(days=1)), ctx())
    assert report["taken_before_report"].verdict == "fail"
    assert report["taken_before_report"].evidence["seconds_before"] == 86400
    # Five minutes of clock skew are tolerated.
    assert (
        run_checks(proof(taken_at=REPORTED - timedelta(minutes=5)), ctx())[
            "taken_before_report"
        ].verdict
        == "pass"
    )


def test_taken_before_report_uses_jakarta_time_without_offset():
    # 08:30 written with no offset = 08:30 WIB, half an hour before the 09:00 WIB report.
    block = exif_bytes(lat=LAT, lon=LON, taken_at=datetime(2025, 3, 10, 8, 30), offset="")
    from qlue_console.photos.demo import encode, scene_image

    data = encode(scene_image(1), "JPEG", exif=block)
    assert run_checks(data, ctx())["taken_before_report"].verdict == "fail"
    # The same wall time in UTC (+00:00) is 15:30 WIB: after the report.
    block = exif_bytes(lat=LAT, lon=LON, taken_at=datetime(2025, 3, 10, 8, 30), offset="+00:00")
    assert (
        run_checks(encode(scene_image(1), "JPEG", exif=block), ctx())["taken_before_report"].verdict
        == "pass"
    )


def test_stale():
    old = ctx(report_created_at=REPORTED - timedelta(days=30))
    assert (
        run_checks(proof(taken_at=FOLLOWED_UP - timedelta(days=10)), old)["stale"].verdict == "fail"
    )
    assert (
        run_checks(proof(taken_at=FOLLOWED_UP - timedelta(days=3)), old)["stale"].verdict == "warn"
    )
    assert (
        run_checks(proof(taken_at=FOLLOWED_UP - timedelta(hours=2)), old)["stale"].verdict == "pass"
    )


def test_clock_in_1998_and_in_the_future():
    report = run_checks(proof(taken_at=datetime(1998, 6, 1, 12, 0, tzinfo=JAKARTA)), ctx())
    assert report["clock_implausible"].verdict == "fail"
    # An implausible clock makes the time checks meaningless rather than failed twice.
    assert report["taken_before_report"].skipped and report["stale"].skipped
    future = run_checks(proof(taken_at=FOLLOWED_UP + timedelta(days=40)), ctx())
    assert future["clock_implausible"].verdict == "fail"


def test_citizen_photo_reposted_resized_and_recompressed():
    citizen = make_scene_photo(
        21, lat=LAT, lon=LON, taken_at=REPORTED - timedelta(minutes=3), size=(1280, 960)
    )
    reposted = recompress_resized(citizen, 0.4, 55)
    report = run_checks(reposted, ctx(report_phash=describe_photo(citizen).phash))
    assert report["same_as_citizen_photo"].verdict == "fail"
    assert report["same_as_citizen_photo"].evidence["distance"] <= 4
    # Re-posting strips the EXIF too.
    assert report["no_location"].verdict == "warn"


def test_a_different_photo_of_the_same_report_is_not_the_citizens():
    citizen = make_scene_photo(21, lat=LAT, lon=LON, taken_at=REPORTED)
    report = run_checks(proof(22), ctx(report_phash=describe_photo(citizen).phash))
    assert report["same_as_citizen_photo"].verdict == "pass"


def test_reused_proof_with_a_new_date_drawn_on_it_the_jaki_case():
    first = proof(31, taken_at=datetime(2025, 3, 3, 10, 0, tzinfo=JAKARTA))
    stored = describe_photo(first)
    new_exif = exif_bytes(lat=LAT, lon=LON, taken_at=TAKEN)
    copy = with_text_overlay(first, "11/03/2025 14:30", exif=new_exif, quality=70)
    checked = analyse_photo(copy)
    assert checked.meta.sha256 != stored.sha256
    # The caller finds hits through the index with every variant hash; here, by brute force.
    distance, transform = min(
        (hamming(h, stored.phash), n) for n, h in checked.variant_hashes.items()
    )
    assert distance <= 8 and transform == "identity"
    report = run_checks(checked, ctx(reuse_hits=(ReuseHit(101, 55, distance, transform),)))
    assert report["reused_proof"].verdict == "fail"
    assert report["reused_proof"].evidence["hits"][0]["report_id"] == 55
    assert "report 55" in report["reused_proof"].message
    # The date, place and camera all look right: only the hash gives it away.
    assert {verdicts(report)[c] for c in ("far_from_report", "taken_before_report", "stale")} == {
        "pass"
    }
    assert report.risk >= 90


def test_flipped_reuse_caught_through_the_variants():
    first = describe_photo(proof(32))
    flipped = analyse_photo(mirrored(proof(32)))
    distance, transform = min(
        (hamming(h, first.phash), n) for n, h in flipped.variant_hashes.items()
    )
    assert transform == "mirror" and distance <= 4
    report = run_checks(flipped, ctx(report_phash=first.phash))  # also against the citizen's photo
    assert report["same_as_citizen_photo"].verdict == "fail"
    assert report["same_as_citizen_photo"].evidence["transform"] == "mirror"


def test_reuse_hits_far_away_pass_and_borderline_warn():
    assert (
        run_checks(proof(), ctx(reuse_hits=(ReuseHit(1, 2, 20),)))["reused_proof"].verdict == "pass"
    )
    assert (
        run_checks(proof(), ctx(reuse_hits=(ReuseHit(1, 2, 10),)))["reused_proof"].verdict == "warn"
    )
    assert run_checks(proof(), ctx())["reused_proof"].verdict == "pass"


def test_self_resolved():
    report = run_checks(
        proof(), ctx(self_resolved=True, self_resolved_evidence={"link": "same phone number"})
    )
    assert report["self_resolved"].verdict == "fail"
    assert report["self_resolved"].evidence == {"link": "same phone number"}
    assert run_checks(proof(), ctx())["self_resolved"].skipped


def test_blurred_and_dark_proofs_are_poor_quality():
    soft = run_checks(blurred(proof()), ctx())
    assert (
        soft["poor_quality"].verdict == "fail"
        and "blurred" in soft["poor_quality"].evidence["issues"]
    )
    dark = run_checks(darkened(proof()), ctx())
    assert (
        dark["poor_quality"].verdict == "fail"
        and "too_dark" in dark["poor_quality"].evidence["issues"]
    )


def test_png_screenshot():
    report = run_checks(screenshot_png(4), ctx())
    assert report["screenshot_or_edited"].verdict == "fail"
    assert len(report["screenshot_or_edited"].evidence["signals"]) == 3
    assert report["no_location"].verdict == "warn"


def test_editing_software_tag():
    for software in ("Adobe Photoshop 25.0", "GIMP 2.10.34", "Snapseed 2.0", "PicsArt", "Canva"):
        report = run_checks(proof(software=software), ctx())
        assert report["screenshot_or_edited"].verdict == "fail", software
    assert (
        run_checks(proof(software="G998BXXU5CWA1"), ctx())["screenshot_or_edited"].verdict == "pass"
    )


def test_stripped_exif_warns_on_camera():
    report = run_checks(strip_exif(proof()), ctx())
    assert report["screenshot_or_edited"].verdict == "warn"
    assert report["no_location"].verdict == "warn" and report["no_capture_time"].verdict == "warn"


@pytest.mark.parametrize(
    "data,reason",
    [
        (b"this is not an image", "not_an_image"),
        (b"", "empty"),
        (png_header_only(60000, 60000), "too_many_pixels"),
    ],
)
def test_unreadable_never_raises(data, reason):
    report = run_checks(data, ctx(self_resolved=True))
    assert report["unreadable"].verdict == "fail"
    assert report["unreadable"].evidence["reason"] == reason
    assert report.risk == 100
    assert all(r.skipped for r in report.results if r.code not in ("unreadable", "self_resolved"))
    assert report["self_resolved"].verdict == "fail"  # known without the photo
    json.dumps(report.to_json())


def test_truncated_photo_unreadable():
    data = proof(size=(1280, 960))
    report = run_checks(data[: len(data) * 2 // 3], ctx())
    assert report["unreadable"].verdict == "fail"
    assert report["unreadable"].evidence["reason"] == "undecodable"


def test_risk_noisy_or():
    fail = CheckResult("reused_proof", "fail", "")
    warn = CheckResult("no_location", "warn", "")
    skipped = CheckResult("stale", "warn", "", skipped=True)
    assert risk_score([]) == 0
    assert risk_score([fail]) == 90
    assert risk_score([warn]) == 10
    assert risk_score([fail, warn]) == 91
    assert risk_score([skipped]) == 0
    assert risk_score([CheckResult(c, "fail", "") for c in CHECK_CODES]) == 100


def test_haversine():
    assert haversine_m(LAT, LON, LAT, LON) == 0
    # One degree of latitude ≈ 111.2 km.
    assert haversine_m(0, 0, 1, 0) == pytest.approx(111_195, rel=1e-3)
