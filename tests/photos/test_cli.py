"""check-photo on the command line: JSON on stdout, user mistakes as one line and exit 2."""

from __future__ import annotations

import json
from datetime import timedelta

from qlue_console.photos.cli import check_photo_main
from qlue_console.photos.demo import recompress_resized

from .helpers import FOLLOWED_UP, LAT, LON, REPORTED, proof


def test_prints_the_report(tmp_path, capsys):
    citizen = tmp_path / "citizen.jpg"
    citizen.write_bytes(proof(5))
    photo = tmp_path / "proof.jpg"
    photo.write_bytes(recompress_resized(proof(5), 0.5, 60))
    code = check_photo_main([str(photo), "--lat", str(LAT), "--lon", str(LON),
                             "--reported-at", REPORTED.replace(tzinfo=None).isoformat(),
                             "--followed-up-at", (FOLLOWED_UP + timedelta(hours=1)).isoformat(),
                             "--report-photo", str(citizen)])
    out = capsys.readouterr()
    assert code == 0 and out.err == ""
    report = json.loads(out.out)
    by_code = {r["code"]: r for r in report["results"]}
    assert by_code["same_as_citizen_photo"]["verdict"] == "fail"
    assert 0 <= report["risk"] <= 100
    assert out.out.startswith("{\n  ")  # indent 2


def test_good_photo(tmp_path, capsys):
    photo = tmp_path / "p.jpg"
    photo.write_bytes(proof(6))
    assert check_photo_main([str(photo), "--lat", str(LAT), "--lon", str(LON)]) == 0
    by_code = {r["code"]: r for r in json.loads(capsys.readouterr().out)["results"]}
    assert by_code["far_from_report"]["verdict"] == "pass"


def test_unreadable_photo_is_a_report_not_an_error(tmp_path, capsys):
    photo = tmp_path / "broken.jpg"
    photo.write_bytes(b"not a jpeg at all")
    assert check_photo_main([str(photo)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["risk"] == 100 and report["results"][0]["verdict"] == "fail"


def test_missing_file(tmp_path, capsys):
    code = check_photo_main([str(tmp_path / "nope.jpg")])
    out = capsys.readouterr()
    assert code == 2 and out.out == ""
    assert out.err.count("\n") == 1 and "not found" in out.err and "Traceback" not in out.err


def test_bad_time_and_half_a_position(tmp_path, capsys):
    photo = tmp_path / "p.jpg"
    photo.write_bytes(proof(6))
    assert check_photo_main([str(photo), "--reported-at", "yesterday"]) == 2
    assert "--reported-at" in capsys.readouterr().err
    assert check_photo_main([str(photo), "--lat", "1.0"]) == 2
    assert "--lon" in capsys.readouterr().err
