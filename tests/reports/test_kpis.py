"""Each KPI of the hand-built week (tests/reports/conftest.py) asserted exactly, whatever the
database server's time zone."""

from __future__ import annotations

import csv
from dataclasses import replace
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from sqlalchemy import create_engine, text

from qlue_console.db.engine import make_engine
from qlue_console.reports.export_csv import write_csv
from qlue_console.reports.export_xlsx import write_xlsx
from qlue_console.reports.kpis import GROUPINGS, CancelledError, CancelToken, fetch_weekly_kpis
from qlue_console.reports.labels import COLUMNS
from qlue_console.reports.service import build_report
from qlue_console.reports.weeks import Week
from tests.reports.conftest import W46, W47, approx, assert_city_w47, at, city

H = 1.0


def by_key(kpis, grouping):
    return {r.key: r for r in kpis.groups[grouping]}


def test_city_kpis_of_the_hand_built_week(week_fixture):
    kpis = fetch_weekly_kpis(week_fixture.engine, W47)
    assert_city_w47(kpis.city)
    assert kpis.response_histogram == (0, 2, 1, 0, 0)  # 6 h and 12 h in 6-24 h, 48 h in 1-3 days
    daily = {(d.day.day, d.state): d.count for d in kpis.daily}
    assert daily == {
        (16, "verified"): 1,
        (17, "duplicate"): 1,
        (17, "rejected"): 1,
        (18, "coordination"): 1,
        (19, "followed_up"): 1,
        (22, "new"): 1,
    }


@pytest.mark.parametrize("zone", ["UTC", "America/New_York", "Pacific/Kiritimati"])
def test_weeks_are_jakarta_weeks_whatever_the_server_time_zone(week_fixture, db_url, zone):
    engine = create_engine(
        db_url.replace("postgresql://", "postgresql+psycopg2://", 1),
        connect_args={"options": f"-c TimeZone={zone}"},
    )
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SHOW TimeZone")).scalar() == zone
        kpis = fetch_weekly_kpis(engine, W47)
        assert_city_w47(kpis.city)
        before = fetch_weekly_kpis(engine, W46)
        after = fetch_weekly_kpis(engine, Week(2026, 48))
    finally:
        engine.dispose()
    # 23:59 Sunday and 00:01 Monday WIB land in different weeks at both ends of W47.
    assert before.city.received == 2  # R5 and R1 (Sun 15 Nov 23:59)
    assert after.city.received == 1  # R10 (Mon 23 Nov 00:01)
    assert {d.day.day for d in kpis.daily} == {16, 17, 18, 19, 22}
    assert after.city.triage_median_h == approx(6 / 60)  # R9: Sun 23:59 -> Mon 00:05


def test_the_week_before(week_fixture):
    city = fetch_weekly_kpis(week_fixture.engine, W46).city
    assert (city.received, city.dispatched, city.followed_up, city.verified) == (2, 1, 1, 1)
    assert (city.backlog, city.overdue) == (1, 0)  # R1 waits (created Sunday), R5 is verified
    assert city.response_median_h == approx(4.0)  # R5: 10:00 -> 14:00
    assert (city.sla_base, city.sla_met) == (1, 1)


def test_groups_by_agency_and_area(week_fixture):
    kpis = fetch_weekly_kpis(week_fixture.engine, W47, ("agency", "kota", "kelurahan"))
    a = week_fixture.areas
    agency = by_key(kpis, "agency")
    assert set(agency) >= {"DLH", "SDA", "DISHUB"}  # every agency, with zeros
    dlh, sda = agency["DLH"], agency["SDA"]  # sampah: R1 R2 R3 R7 R9; banjir: R4 R5 R6
    assert (dlh.received, dlh.duplicates, dlh.dispatched, dlh.followed_up, dlh.verified) == (
        3,
        1,
        3,
        3,
        2,
    )
    assert (dlh.backlog, dlh.overdue, dlh.reused_proofs, dlh.follow_ups) == (2, 0, 2, 4)
    assert (
        sda.received,
        sda.rejected,
        sda.reopened,
        sda.forwarded_multi,
        sda.backlog,
        sda.overdue,
    ) == (1, 1, 1, 1, 2, 2)
    assert sda.weighted_received == approx(2.0)
    assert agency["DISHUB"].received == 0 and not agency["DISHUB"].active
    kel = by_key(kpis, "kelurahan")
    assert len(kel) == 267
    gambir, senayan = kel[a["A"]["kel"]], kel[a["B"]["kel"]]
    assert (gambir.name, senayan.name) == (a["A"]["kel_name"], a["B"]["kel_name"])
    assert (gambir.received, gambir.duplicates, gambir.backlog, gambir.overdue) == (
        3,
        1,
        2,
        1,
    )  # R2 R6 R9
    assert (senayan.received, senayan.rejected, senayan.backlog, senayan.overdue) == (
        1,
        1,
        2,
        1,
    )  # R7 | R4
    assert gambir.response_median_h == approx(30.0)  # R1 12 h, R2 48 h
    assert senayan.reopen_rate is None  # reopened 1, verified 0
    kota = by_key(kpis, "kota")
    assert kota[a["A"]["kota"]].received + kota[a["B"]["kota"]].received == kpis.city.received


def test_officials_count_their_own_backlog(week_fixture):
    kpis = fetch_weekly_kpis(week_fixture.engine, W47, ("official",))
    rows = {int(r.key): r for r in kpis.groups["official"]}
    lurah_a, lurah_b, camat_a = (
        rows[week_fixture.accounts[k]] for k in ("lurahA", "lurahB", "camatA")
    )
    assert lurah_a.name.startswith("@lurah.") and camat_a.name.startswith("@camat.")
    assert (lurah_a.dispatched, lurah_a.followed_up, lurah_a.verified, lurah_a.backlog) == (
        3,
        2,
        2,
        0,
    )
    assert (lurah_a.sla_base, lurah_a.sla_met) == (2, 1)
    assert (lurah_b.backlog, lurah_b.overdue) == (
        2,
        2,
    )  # R5 reopened, R6 passed on to them; R7 answered
    assert (camat_a.backlog, camat_a.forwarded) == (0, 1)  # passed R6 on


def test_unknown_grouping_is_refused(db_engine):
    with pytest.raises(ValueError, match="unknown grouping"):
        fetch_weekly_kpis(db_engine, W47, ("province",))


def test_an_empty_database_gives_zeros(db_engine):
    kpis = fetch_weekly_kpis(db_engine, W47, GROUPINGS)
    assert kpis.city.received == 0 and kpis.city.response_median_h is None
    assert kpis.groups["official"] == ()
    assert len(kpis.groups["kota"]) == 6
    assert kpis.response_histogram == (0, 0, 0, 0, 0)


def test_a_cancelled_token_stops_before_the_query(week_fixture):
    token = CancelToken()
    token.cancel()
    with pytest.raises(CancelledError):
        fetch_weekly_kpis(week_fixture.engine, W47, cancel=token)


def test_cancel_stops_a_running_query(week_fixture, kpi_lock):
    import threading
    import time

    token, outcome = CancelToken(), {}

    def run():
        try:
            fetch_weekly_kpis(week_fixture.engine, W47, cancel=token)
        except Exception as exc:  # noqa: BLE001 - the outcome is asserted below
            outcome["error"] = exc

    kpi_lock.hold()
    worker = threading.Thread(target=run)
    started = time.perf_counter()
    worker.start()
    kpi_lock.wait_for_a_waiting_query()
    token.cancel()
    worker.join(10)
    assert not worker.is_alive()
    assert isinstance(outcome.get("error"), CancelledError)
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize("group", ["qlue_analyst", "qlue_operator"])
def test_an_analyst_login_gets_the_same_numbers(week_fixture, login_url, group):
    engine = make_engine(login_url(group))
    try:
        assert_city_w47(fetch_weekly_kpis(engine, W47, GROUPINGS).city)
    finally:
        engine.dispose()


def test_officials_are_listed_only_with_figures_of_their_own(week_fixture):
    """W48: R6 is still open (lurah B's mention), but lurah A and camat A passed it on in W47 —
    a report mentioning them is in the backlog, none of their own figures is."""
    acc = week_fixture.accounts
    rows = {
        int(r.key): r
        for r in fetch_weekly_kpis(week_fixture.engine, Week(2026, 48), ("official",)).groups[
            "official"
        ]
    }
    assert set(rows) == {acc["lurahB"]}
    assert (rows[acc["lurahB"]].backlog, rows[acc["lurahB"]].overdue) == (2, 2)  # R5 R6
    w47 = fetch_weekly_kpis(week_fixture.engine, W47, ("official",)).groups["official"]
    assert {int(r.key) for r in w47} == {acc["lurahA"], acc["lurahB"], acc["camatA"]}
    assert all(r.has_figures for r in w47)


def test_weights_are_summed_exactly(people_engine, tmp_path):
    """100 reports of weight 0.1, 50 of 0.2 and 10 of 1.3 make 33, not 32.99998."""
    fx = city(people_engine)
    with people_engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE categories SET weight = CASE code WHEN 'sampah' THEN 0.1 "
                "WHEN 'saluran_tersumbat' THEN 0.2 WHEN 'banjir' THEN 1.3 END "
                "WHERE code IN ('sampah', 'saluran_tersumbat', 'banjir')"
            )
        )
    for i, (area, category) in enumerate(
        [("A", "sampah")] * 100 + [("A", "saluran_tersumbat")] * 50 + [("B", "banjir")] * 10
    ):
        fx.report(f"W{i}", area, category, at(17, f"{8 + i // 60:02d}:{i % 60:02d}"))
    kpis = fetch_weekly_kpis(people_engine, W47, ("agency", "kelurahan"))
    assert kpis.city.weighted_received == Decimal("33") and isinstance(
        kpis.city.weighted_received, Decimal
    )
    agency = by_key(kpis, "agency")
    assert (agency["DLH"].weighted_received, agency["SDA"].weighted_received) == (
        Decimal("10"),
        Decimal("23"),
    )
    kel = by_key(kpis, "kelurahan")
    assert kel[fx.areas["A"]["kel"]].weighted_received == Decimal("20")
    assert kel[fx.areas["B"]["kel"]].weighted_received == Decimal("13")

    report = build_report(people_engine, W47, ("agency",), "agency")
    column = [c.code for c in COLUMNS].index("weighted_received")
    with write_csv(report, tmp_path / "w.csv", "en").open(encoding="utf-8-sig", newline="") as f:
        cells = {
            line[[c.code for c in COLUMNS].index("key")]: line[column]
            for line in list(csv.reader(f))[1:]
        }
    assert (cells["DLH"], cells["SDA"], cells["DISHUB"]) == ("10", "23", "0")
    sheet = load_workbook(write_xlsx(report, tmp_path / "w.xlsx", "en")).worksheets[1]
    by_code = {
        row[[c.code for c in COLUMNS].index("key")].value: row[column]
        for row in sheet.iter_rows(min_row=2)
    }
    assert by_code["SDA"].value == 23 and by_code["SDA"].number_format == "#,##0"


def test_a_kota_limited_login_gets_its_kotas_figures(week_fixture, kota_login):
    """The KPI tables of revision 0011 (mention intervals, reuse verdicts) follow the kota limit
    like the others: the city row of a login limited to kota A is kota A's row."""
    kota = week_fixture.areas["A"]["kota"]
    engine = make_engine(kota_login(kota))
    try:
        limited = fetch_weekly_kpis(engine, W47, ("kota",)).city
    finally:
        engine.dispose()
    full = by_key(fetch_weekly_kpis(week_fixture.engine, W47, ("kota",)), "kota")[kota]
    assert replace(limited, grouping="kota", key=kota, name=full.name, context=full.context) == full
    assert (full.backlog, full.overdue, full.reused_proofs) == (
        2,
        1,
        1,
    )  # R6 R9 | R6 | R2 (2nd proof)
