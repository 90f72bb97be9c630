"""``qlue-console report weekly`` (report_main): files written, and one-line errors."""

from __future__ import annotations

import csv
from datetime import UTC

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from qlue_console.reports.cli import report_main
from qlue_console.reports.labels import COLUMNS, grouping_name, t
from qlue_console.reports.weeks import last_complete_week


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_an_empty_week_gives_a_valid_labelled_report(db_engine, db_url, tmp_path, capsys, fmt):
    out = tmp_path / f"week.{fmt}"
    code = report_main(
        [
            "weekly",
            "--week",
            "2026-W10",
            "--by",
            "agency",
            "--format",
            fmt,
            "--lang",
            "id",
            "--out",
            str(out),
            "--database-url",
            db_url,
        ]
    )
    assert code == 0, capsys.readouterr().err
    assert out.is_file()
    if fmt == "csv":
        rows = list(csv.reader(out.open(encoding="utf-8-sig")))
        assert rows[0] == [c.label("id") for c in COLUMNS]
        assert len(rows) == 1 + 18  # every agency, with zeros and no rank
        assert all(r[0] == "" and r[7] == "0" for r in rows[1:])
    elif fmt == "xlsx":
        wb = load_workbook(out)
        assert wb.sheetnames[:2] == [t("summary", "id"), grouping_name("agency", "id")]
        assert len(wb.sheetnames) == 7  # summary, five groupings, chronic spots
        assert wb.sheetnames[-1] == t("chronic_sheet", "id")
        assert wb[t("chronic_sheet", "id")]["A3"].value == t("no_chronic", "id")
        assert wb[t("summary", "id")]["B2"].value == "2026-W10"
        assert [c.value for c in wb[grouping_name("agency", "id")][1]] == [
            c.label("id") for c in COLUMNS
        ]
    else:
        text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
        assert t("title", "id") in text and "2026-W10" in text and t("empty", "id") in text


def test_english_and_the_default_week(db_engine, db_url, tmp_path, capsys):
    out = tmp_path / "week.pdf"
    assert (
        report_main(
            ["weekly", "--by", "kota", "--lang", "en", "--out", str(out), "--database-url", db_url]
        )
        == 0
    )
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert t("title", "en") in text and str(last_complete_week()) in text
    assert str(last_complete_week()) in capsys.readouterr().out


@pytest.mark.parametrize("week", ["2026-47", "W47", "2026-W54", "next week"])
def test_a_bad_week_is_one_line_and_non_zero(tmp_path, capsys, week):
    code = report_main(
        [
            "weekly",
            "--week",
            week,
            "--out",
            str(tmp_path / "x.xlsx"),
            "--database-url",
            "postgresql://nobody@127.0.0.1:1/none",
        ]
    )
    err = capsys.readouterr().err
    assert code != 0
    assert err.count("\n") == 1 and "week" in err
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.parametrize("where", ["missing-folder", "a-file-as-folder", "a-folder"])
def test_an_unwritable_path_is_one_line_and_non_zero(db_url, tmp_path, capsys, where):
    (tmp_path / "file.txt").write_text("x")
    out = {
        "missing-folder": tmp_path / "nope" / "week.xlsx",
        "a-file-as-folder": tmp_path / "file.txt" / "week.xlsx",
        "a-folder": tmp_path,
    }[where]
    code = report_main(
        ["weekly", "--week", "2026-W47", "--out", str(out), "--database-url", db_url]
    )
    err = capsys.readouterr().err
    assert code != 0
    assert err.count("\n") == 1 and err.startswith("qlue-console report: cannot write the report")


def test_bad_arguments_and_an_unreachable_database(tmp_path, capsys):
    assert report_main(["weekly", "--by", "province", "--out", str(tmp_path / "x.csv")]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert (
        report_main(
            [
                "weekly",
                "--out",
                str(tmp_path / "x.csv"),
                "--database-url",
                "postgresql://nobody@127.0.0.1:1/none",
            ]
        )
        == 1
    )
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("qlue-console report:")
    assert not list(tmp_path.iterdir())


UNREACHABLE = "postgresql://nobody@127.0.0.1:1/none"


def _one_line(capsys, *needles):
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("qlue-console report: "), err
    for needle in needles:
        assert needle in err, err
    return err


@pytest.mark.parametrize("week", ["2027-W10", "this"])
def test_a_week_that_has_not_ended_is_refused(tmp_path, capsys, week):
    from qlue_console.reports.weeks import Week, jakarta_now

    if week == "this":
        week = str(Week.containing(jakarta_now().date()))
    out = tmp_path / "week.xlsx"
    assert (
        report_main(["weekly", "--week", week, "--out", str(out), "--database-url", UNREACHABLE])
        == 2
    )
    _one_line(capsys, week, "has not ended yet", str(last_complete_week()))
    assert not out.exists()


def test_a_week_ends_at_monday_midnight_in_jakarta():
    from datetime import datetime

    from qlue_console.reports.weeks import BadWeekError, Week, require_finished

    week = Week(2026, 48)  # Monday 23 to Sunday 29 November 2026
    just_after = datetime(2026, 11, 29, 17, 0, tzinfo=UTC)  # Monday 00:00 WIB
    assert require_finished(week, just_after) == week
    with pytest.raises(BadWeekError, match="has not ended yet"):
        require_finished(week, datetime(2026, 11, 29, 16, 59, tzinfo=UTC))  # Sunday 23:59 WIB


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (["--out", "x.docx"], ("x.docx", ".docx", "unknown extension")),
        (["--out", "x.docx", "--format", "xlsx"], ("x.docx", ".docx", "xlsx")),
        (["--out", "x.pdf", "--format", "csv"], ("x.pdf", ".pdf", "csv")),
        (["--out", "report"], ("report", "no extension")),
    ],
)
def test_an_extension_that_does_not_match_the_format_is_refused(
    tmp_path, capsys, monkeypatch, args, needles
):
    monkeypatch.chdir(tmp_path)
    assert report_main(["weekly", "--week", "2026-W47", *args, "--database-url", UNREACHABLE]) == 2
    _one_line(capsys, *needles)
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize(
    ("name", "fmt", "expected"),
    [
        ("w.PDF", None, "pdf"),
        ("w.csv", None, "csv"),
        ("w.xlsx", "xlsx", "xlsx"),
        ("w", "csv", "csv"),
    ],
)
def test_the_format_follows_the_extension(name, fmt, expected):
    from pathlib import Path

    from qlue_console.reports.cli import output_format

    assert output_format(Path(name), fmt) == expected


def test_the_command_line_says_it_in_one_line(tmp_path):
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
            "report",
            "weekly",
            "--week",
            "2027-W10",
            "--out",
            str(tmp_path / "w.xlsx"),
            "--database-url",
            UNREACHABLE,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    assert (
        done.returncode == 2 and done.stderr.count("\n") == 1 and "has not ended yet" in done.stderr
    )
    assert not list(tmp_path.iterdir())
