"""Issue #15: the recurrence rate of each group, the quality it lowers, and the week's top ten
chronic spots in every export and the CLI — on the hand-built week of conftest.py (whose reports
all stand at one place: R3 and R7 came back after R1, R9 and R10 after R2) plus two fixes that
came back elsewhere, in Senayan (kelurahan B), far from that place:

Y1  B sampah  at P2, created Mon 16 08:00, dispatched 08:30 to lurah B, follow-up 14:00,
              approved Tue 17 12:00.
Y2  B sampah  30 m from Y1, created Wed 18 09:00: came back after Y1; rejected (spam) at
              10:00, which withdraws the recurrence inside the week.
Y3  B banjir  at P3, created Wed 18 07:00, dispatched 07:30 to lurah B, follow-up 12:00,
              approved Thu 19 09:00.
Y4  B banjir  at P3, created Mon 23 Nov 00:01 — one minute after W47's end: came back after Y3
              in W48, not in W47.

The population of W47 (docs/kpis.md): reports with an approval in the 30 days to the week's end
(24 Oct 00:00 WIB to 23 Nov 00:00 WIB): R1, R2, R5 (approved Fri 13, W46), Y1, Y3. Came back,
standing at the week's end: R1 (R7; R3's was withdrawn at 10:30), R2 (R9). Not: R5 (reopened,
but no report came back near it), Y1 (withdrawn), Y3 (Y4 came after the end). So the city's
rate is 2/5; by agency DLH (sampah: R1 R2 Y1) 2/3, SDA (banjir: R5 Y3) 0/2; kelurahan Gambir
(R1 R2) 2/2, Senayan (R5 Y1 Y3) 0/3; lurah A 2/2, lurah B 0/3. In W48 (window from 31 Oct)
the same five reports, and Y3 has come back too: 3/5. In W46 only R5 had been approved: 0/1.
"""

from __future__ import annotations

import csv
from dataclasses import replace

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import text

from qlue_console.reports.chronic import fetch_top_spots
from qlue_console.reports.cli import report_main
from qlue_console.reports.export_csv import chronic_path, write_csv
from qlue_console.reports.export_pdf import write_pdf
from qlue_console.reports.export_xlsx import write_xlsx
from qlue_console.reports.kpis import GROUPINGS, fetch_weekly_kpis
from qlue_console.reports.labels import CHRONIC_COLUMNS, COLUMNS, fmt_value, t
from qlue_console.reports.ranking import components
from qlue_console.reports.service import build_report
from qlue_console.reports.weeks import Week
from tests.reports.conftest import W46, W47, at, build_week

W48 = Week(2026, 48)
P2 = (-6.2250, 106.8000)
P2_30M = (-6.2253, 106.8001)  # 35 m from P2
P3 = (-6.2400, 106.8100)


def came_back_elsewhere(fx) -> None:
    fx.report("Y1", "B", "sampah", at(16, "08:00"), lat=P2[0], lon=P2[1])
    fx.dispatch("Y1", "lurahB", at(16, "08:30"), at(17, "08:30"))
    fu = fx.follow_up("Y1", "lurahB", at(16, "14:00"), photo_seed="proof-y1", phash=0x0101)
    fx.decide("Y1", fu, True, at(17, "12:00"))
    fx.finish("Y1", "verified", at(17, "12:00"))
    fx.report("Y2", "B", "sampah", at(18, "09:00"), lat=P2_30M[0], lon=P2_30M[1])
    fx.event("Y2", "rejected", at(18, "10:00"), {"reason": "spam"})
    fx.finish("Y2", "rejected", at(18, "10:00"))
    fx.report("Y3", "B", "banjir", at(18, "07:00"), lat=P3[0], lon=P3[1])
    fx.dispatch("Y3", "lurahB", at(18, "07:30"), at(18, "13:30"))
    fu = fx.follow_up("Y3", "lurahB", at(18, "12:00"), photo_seed="proof-y3", phash=0x0303)
    fx.decide("Y3", fu, True, at(19, "09:00"))
    fx.finish("Y3", "verified", at(19, "09:00"))
    fx.report("Y4", "B", "banjir", at(23, "00:01"), lat=P3[0], lon=P3[1])


@pytest.fixture
def fx(people_engine):
    fixture = build_week(people_engine)
    came_back_elsewhere(fixture)
    return fixture


def counts(kpis, grouping: str) -> dict:
    """(closed in the window, came back) of every group of the grouping that closed any."""
    return {r.key: (r.closed_window, r.came_back) for r in kpis.groups[grouping] if r.closed_window}


def agencies(fx) -> dict[str, str]:
    with fx.engine.connect() as conn:
        return dict(
            conn.execute(
                text("SELECT code, agency_code FROM categories WHERE code IN ('sampah', 'banjir')")
            ).all()
        )


def test_the_recurrence_events_are_as_the_docstring_says(fx):
    with fx.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT n.id, c.id, x.withdrawn_at IS NOT NULL FROM recurrences x "
                "JOIN reports n ON n.id = x.report_id JOIN reports c ON c.id = x.closed_report_id"
            )
        ).all()
    names = {v: k for k, v in fx.reports.items()}
    assert {(names[n], names[c], w) for n, c, w in rows} == {
        ("R3", "R1", True),
        ("R7", "R1", False),
        ("R9", "R2", False),
        ("R10", "R2", False),
        ("Y2", "Y1", True),
        ("Y4", "Y3", False),
    }


def test_the_rate_per_group_has_the_known_answers(fx):
    kpis = fetch_weekly_kpis(fx.engine, W47, GROUPINGS)
    city = kpis.city
    assert (city.closed_window, city.came_back) == (5, 2)
    assert city.recurrence_rate == pytest.approx(0.4)
    agency = agencies(fx)
    assert counts(kpis, "agency") == {agency["sampah"]: (3, 2), agency["banjir"]: (2, 0)}
    a, b = fx.areas["A"], fx.areas["B"]
    assert counts(kpis, "kelurahan") == {a["kel"]: (2, 2), b["kel"]: (3, 0)}
    assert counts(kpis, "kecamatan") == {a["kec"]: (2, 2), b["kec"]: (3, 0)}
    assert counts(kpis, "kota") == {a["kota"]: (2, 2), b["kota"]: (3, 0)}
    lurah_a, lurah_b = str(fx.accounts["lurahA"]), str(fx.accounts["lurahB"])
    assert counts(kpis, "official") == {lurah_a: (2, 2), lurah_b: (3, 0)}
    by_key = {r.key: r for r in kpis.groups["official"]}
    assert by_key[lurah_a].recurrence_rate == 1.0 and by_key[lurah_b].recurrence_rate == 0.0
    camat = by_key[str(fx.accounts["camatA"])]  # on R6 only, which was never closed
    assert camat.closed_window == 0 and camat.recurrence_rate is None


def test_the_week_boundary(fx):
    """Y4 came back one minute after W47's end: it counts for W48, not W47; before R1 was
    approved (W46) only R5 was in the window."""
    w46, w48 = (fetch_weekly_kpis(fx.engine, w, ("kelurahan",)) for w in (W46, W48))
    assert (w46.city.closed_window, w46.city.came_back) == (1, 0)
    assert (w48.city.closed_window, w48.city.came_back) == (5, 3)
    b = fx.areas["B"]["kel"]
    assert counts(w48, "kelurahan")[b] == (3, 1)  # Y3 came back (Y4)


def test_a_finished_week_does_not_change_after_a_later_withdrawal(fx):
    """R7 and R9 rejected now (after W47 and W48 ended): their recurrences are withdrawn with
    events at now(), which a finished week does not read — R1 and R2 still came back in W47 and
    W48, and the week's chronic spot keeps its four reports (chronic_spots_at, which reads the
    current statuses, has lost it)."""
    before = {w: fetch_weekly_kpis(fx.engine, w, GROUPINGS) for w in (W47, W48)}
    spots_before = fetch_top_spots(fx.engine, W47)
    for name in ("R7", "R9"):
        fx.event(name, "rejected", "now", {"reason": "spam"})
        fx.finish(name, "rejected")  # the rule's events stay at now()
    with fx.engine.connect() as conn:
        withdrawn = conn.execute(
            text("SELECT count(*) FROM recurrences WHERE withdrawn_at IS NOT NULL")
        ).scalar_one()
        current = conn.execute(
            text("SELECT count(*) FROM chronic_spots_at(CAST(:e AS timestamptz))"),
            {"e": "2026-11-23 00:00:00+07"},
        ).scalar_one()
    assert withdrawn == 4  # R3, Y2, and now R7 and R9
    assert current == 0  # R1 R2 as they are now: below the four reports of a spot
    for week, kpis in before.items():
        again = fetch_weekly_kpis(fx.engine, week, GROUPINGS)
        assert again.city == kpis.city
        for grouping in GROUPINGS:
            assert counts(again, grouping) == counts(kpis, grouping)
    assert fetch_top_spots(fx.engine, W47) == spots_before


def test_undoing_the_rejection_inside_the_week_gives_the_recurrence_back(fx):
    """Y2's rejection undone on Wed 18 11:00: the rule writes 'recurrence' and 'fix_came_back'
    again (reinstated), so Y1 came back as of W47's end: the city's rate is 3/5."""
    fx.event("Y2", "undone", at(18, "11:00"), {"undid": "rejected"})
    fx.finish("Y2", "new", None, when=at(18, "11:00"))
    kpis = fetch_weekly_kpis(fx.engine, W47, ("kelurahan",))
    assert (kpis.city.closed_window, kpis.city.came_back) == (5, 3)
    assert counts(kpis, "kelurahan")[fx.areas["B"]["kel"]] == (3, 1)


def test_quality_takes_the_recurrence_rate(fx):
    """Q = 1 - (0.35 rejected + 0.25 reopened + 0.20 reused + 0.20 recurrence). Gambir's fixes
    all came back (2/2), Senayan's held (0/3). Against the same rows without a recurrence rate
    of their own (they would take the city's, 2/5), Gambir's Q is 0.20 x (1 - 0.4) = 0.12
    lower, Senayan's 0.20 x 0.4 = 0.08 higher."""
    kpis = fetch_weekly_kpis(fx.engine, W47, ("kelurahan",))
    rows = {r.key: r for r in kpis.groups["kelurahan"]}
    a, b = rows[fx.areas["A"]["kel"]], rows[fx.areas["B"]["kel"]]
    for row, rate in ((a, 1.0), (b, 0.0)):
        assert row.recurrence_rate == rate
        without = components(replace(row, closed_window=0, came_back=0), kpis.city)
        change = components(row, kpis.city).quality - without.quality
        assert change == pytest.approx(-0.20 * (rate - 0.4))


def test_the_top_ten_in_every_export(fx, tmp_path):
    report = build_report(fx.engine, W47, GROUPINGS, "kelurahan")
    assert [(s.kelurahan, s.reports, s.came_back) for s in report.chronic.spots] == [
        ("Gambir", 4, 2)
    ]
    spot = report.chronic.spots[0]
    assert spot.last_reported_at.isoformat() == "2026-11-22T23:59:00+07:00"
    category = {"id": spot.category_id, "en": spot.category_en}
    kota = fx.areas["A"]["kota_name"]  # Kota Administrasi Jakarta Pusat
    for lang in ("id", "en"):
        main = write_csv(report, tmp_path / f"week-{lang}.csv", lang)
        rows = list(csv.reader(chronic_path(main).open(encoding="utf-8-sig")))
        assert rows == [
            [c.label(lang) for c in CHRONIC_COLUMNS],
            [category[lang], "Gambir", kota, "4", "2", "2026-11-22T23:59:00+07:00"],
        ]
        header = next(csv.reader(main.open(encoding="utf-8-sig")))
        assert header == [c.label(lang) for c in COLUMNS]
        book = load_workbook(write_xlsx(report, tmp_path / f"week-{lang}.xlsx", lang))
        ws = book[t("chronic_sheet", lang)]
        assert [c.value for c in ws[2]] == [c.label(lang) for c in CHRONIC_COLUMNS]
        values = [c.value for c in ws[3]]
        assert values[:5] == [category[lang], "Gambir", kota, 4, 2]
        assert values[5].isoformat() == "2026-11-22T23:59:00"
        pdf = write_pdf(report, tmp_path / f"week-{lang}.pdf", lang)
        pdf_text = "\n".join(p.extract_text() for p in PdfReader(pdf).pages)
        assert t("chronic", lang) in pdf_text
        moment = fmt_value("moment", spot.last_reported_at, lang)
        assert " ".join([category[lang], "Gambir", kota, "4", "2", moment]) in (
            pdf_text.replace("\n", " ")
        )


def test_the_top_ten_in_the_cli_output(fx, db_url, tmp_path, capsys):
    out = tmp_path / "week.csv"
    code = report_main(
        [
            "weekly",
            "--week",
            "2026-W47",
            "--lang",
            "en",
            "--out",
            str(out),
            "--database-url",
            db_url,
        ]
    )
    assert code == 0, capsys.readouterr().err
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{out} (csv, agency, 2026-W47)"
    assert lines[1] == str(chronic_path(out)) and chronic_path(out).is_file()
    assert lines[2] == f"{t('chronic', 'en')} (2026-W47):"
    assert lines[3].split("  ")[0] == "Category" and lines[3].endswith("Last report")
    cells = [cell.strip() for cell in lines[4].split("  ") if cell.strip()]
    kota = fx.areas["A"]["kota_name"]
    assert cells[1:] == ["Gambir", kota, "4", "2", "22 Nov 2026 23:59 WIB"]
    assert len(lines) == 5  # one spot
    assert not list(tmp_path.glob(".qlue-report-*"))


def test_the_pdf_appendix_states_the_rule_as_it_is_set(fx, tmp_path):
    """The appendix defines the recurrence rate with the window and distance the database has
    set, not the defaults."""
    with fx.engine.begin() as conn:
        conn.execute(text("UPDATE recurrence_settings SET window_days = 21, distance_m = 150"))
    report = build_report(fx.engine, W47, GROUPINGS, "kelurahan")
    assert (report.chronic.window_days, report.chronic.distance_m) == (21, 150.0)
    expected = {
        "id": ("dalam 21 hari sampai akhir minggu", "dalam 150 m"),
        "en": ("in the 21 days to the week's end", "within 150 m"),
    }
    for lang in ("id", "en"):
        pdf = write_pdf(report, tmp_path / f"rule-{lang}.pdf", lang)
        pdf_text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
        for phrase in expected[lang]:
            assert phrase in pdf_text, (lang, phrase)
        assert "30 " + ("hari" if lang == "id" else "days") not in pdf_text
        assert "100 m" not in pdf_text
