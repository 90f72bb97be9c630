"""``qlue-console report weekly`` (report_main): files written, and one-line errors."""

from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from qlue_console.reports.cli import report_main
from qlue_console.reports.labels import COLUMNS, grouping_name, t
from qlue_console.reports.weeks import last_complete_week


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_an_empty_week_gives_a_valid_labelled_report(db_engine, db_url, tmp_path, capsys, fmt):
    out = tmp_path / f"week.{fmt}"
    code = report_main(["weekly", "--week", "2026-W10", "--by", "agency", "--format", fmt, "--lang", "id",
                        "--out", str(out), "--database-url", db_url])
    assert code == 0, capsys.readouterr().err
    assert out.is_file()
    if fmt == "csv":
        rows = list(csv.reader(out.open(encoding="utf-8-sig")))
        assert rows[0] == [c.label("id") for c in COLUMNS]
        assert len(rows) == 1 + 18                      # every agency, with zeros and no rank
        assert all(r[0] == "" and r[7] == "0" for r in rows[1:])
    elif fmt == "xlsx":
        wb = load_workbook(out)
        assert wb.sheetnames[:2] == [t("summary", "id"), grouping_name("agency", "id")]
        assert len(wb.sheetnames) == 6
        assert wb[t("summary", "id")]["B2"].value == "2026-W10"
        assert [c.value for c in wb[grouping_name("agency", "id")][1]] == [c.label("id") for c in COLUMNS]
    else:
        text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
        assert t("title", "id") in text and "2026-W10" in text and t("empty", "id") in text


def test_english_and_the_default_week(db_engine, db_url, tmp_path, capsys):
    out = tmp_path / "week.pdf"
    assert report_main(["weekly", "--by", "kota", "--lang", "en", "--out", str(out), "--database-url", db_url]) == 0
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert t("title", "en") in text and str(last_complete_week()) in text
    assert str(last_complete_week()) in capsys.readouterr().out


@pytest.mark.parametrize("week", ["2026-47", "W47", "2026-W54", "next week"])
def test_a_bad_week_is_one_line_and_non_zero(tmp_path, capsys, week):
    code = report_main(["weekly", "--week", week, "--out", str(tmp_path / "x.xlsx"),
                        "--database-url", "postgresql://nobody@127.0.0.1:1/none"])
    err = capsys.readouterr().err
    assert code != 0
    assert err.count("\n") == 1 and "week" in err
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.parametrize("where", ["missing-folder", "a-file-as-folder", "a-folder"])
def test_an_unwritable_path_is_one_line_and_non_zero(db_url, tmp_path, capsys, where):
    (tmp_path / "file.txt").write_text("x")
    out = {"missing-folder": tmp_path / "nope" / "week.xlsx", "a-file-as-folder": tmp_path / "file.txt" / "week.xlsx",
           "a-folder": tmp_path}[where]
    code = report_main(["weekly", "--week", "2026-W47", "--out", str(out), "--database-url", db_url])
    err = capsys.readouterr().err
    assert code != 0
    assert err.count("\n") == 1 and err.startswith("qlue-console report: cannot write the report")


def test_bad_arguments_and_an_unreachable_database(tmp_path, capsys):
    assert report_main(["weekly", "--by", "province", "--out", str(tmp_path / "x.csv")]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert report_main(["weekly", "--out", str(tmp_path / "x.csv"),
                        "--database-url", "postgresql://nobody@127.0.0.1:1/none"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("qlue-console report:")
    assert not list(tmp_path.iterdir())
