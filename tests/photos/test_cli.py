"""check-photo on the command line: JSON on stdout, user mistakes as one line and exit 2."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from qlue_console.photos.cli import check_photo_main
from qlue_console.photos.demo import recompress_resized

from .helpers import FOLLOWED_UP, LAT, LON, REPORTED, proof


def test_prints_the_report(tmp_path, capsys):
    citizen = tmp_path / "citizen.jpg"
    citizen.write_bytes(proof(5))
    photo = tmp_path / "proof.jpg"
    photo.write_bytes(recompress_resized(proof(5), 0.5, 60))
    code = check_photo_main(
        [
            str(photo),
            "--lat",
            str(LAT),
            "--lon",
            str(LON),
            "--reported-at",
            REPORTED.replace(tzinfo=None).isoformat(),
            "--followed-up-at",
            (FOLLOWED_UP + timedelta(hours=1)).isoformat(),
            "--report-photo",
            str(citizen),
        ]
    )
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


def _one_line_error(capsys, *needles):
    out = capsys.readouterr()
    assert out.out == "" and out.err.count("\n") == 1 and out.err.startswith("check-photo: ")
    assert "Traceback" not in out.err and "usage:" not in out.err
    for needle in needles:
        assert needle in out.err, out.err
    return out.err


@pytest.mark.parametrize(
    ("lat", "lon", "option"),
    [
        ("999", "106.8", "--lat"),
        ("-90.5", "106.8", "--lat"),
        ("-6.2", "181", "--lon"),
        ("nan", "106.8", "--lat"),
        ("-6.2", "inf", "--lon"),
    ],
)
def test_a_position_out_of_range_is_one_line(tmp_path, capsys, lat, lon, option):
    photo = tmp_path / "p.jpg"
    photo.write_bytes(proof(6))
    assert check_photo_main([str(photo), "--lat", lat, "--lon", lon]) == 2
    _one_line_error(capsys, option, "out of range")


@pytest.mark.parametrize("args", [["--lat", "abc", "--lon", "106.8"], ["--unknown"], []])
def test_bad_arguments_are_one_line(tmp_path, capsys, args):
    photo = tmp_path / "p.jpg"
    photo.write_bytes(proof(6))
    assert check_photo_main(([str(photo)] if args else []) + args) == 2
    _one_line_error(capsys)


@pytest.mark.parametrize("value", ["yesterday", "2026-13-45", "2026-11-30T25:00"])
def test_a_bad_reported_at_is_one_line(tmp_path, capsys, value):
    photo = tmp_path / "p.jpg"
    photo.write_bytes(proof(6))
    assert check_photo_main([str(photo), "--reported-at", value]) == 2
    _one_line_error(capsys, "--reported-at", value)


def test_a_missing_file_is_one_line_from_the_command(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "qlue_console",
            "check-photo",
            str(tmp_path / "nope.jpg"),
            "--lat",
            "999",
            "--lon",
            "0",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(root)},
        cwd=root,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("check-photo: "), done.stderr
