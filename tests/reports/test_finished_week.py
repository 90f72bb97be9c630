"""A finished week's figures depend only on what happened before its end: export the week,
act on its reports afterwards through the console's own paths (approve and reject proofs,
reopen, dispatch again, pass on, add mentions, merge, recategorise, reject reports, escalate,
close, record the verifier's checks), export again — every grouping's figures, CSV and XLSX
are the same, apart from the generated-at time.

The hand-built week of conftest.py (2026-W47) plus four reports of its last days:

X1  A sampah   created Fri 20 09:00, dispatched 09:30 to lurah A (due Sat 21 09:30): overdue at
               the week's end; escalated to camat A afterwards, who answers; approved.
X2  B banjir   created Sat 21 10:00, dispatched 10:30 to lurah B, follow-up 12:00 waiting for
               verification at the week's end; afterwards the verifier's checks find its proof
               reused, it is rejected, lurah B posts again, approved.
X3  A sampah   created Sun 22 20:00, dispatched 20:30 to lurah A (due Mon 23 20:30): open, not
               overdue at the week's end; merged into R9 afterwards (its mention closes).
X4  B sampah   created Thu 19 13:00, triaged 13:30; afterwards passed on to lurah B, camat A
               mentioned too, then rejected.

And afterwards: R7's waiting proof approved; R6 (lurah B's mention open and overdue at the
week's end) dispatched again to camat A, who posts a proof that is approved — lurah B's mention
closes with the report, the issue's case; R1 reopened by its citizen, then rejected; R5 (its
reopening's mention open and overdue) rejected; R9 recategorised (sampah to banjir: another
agency) and dispatched.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from openpyxl import load_workbook
from sqlalchemy import text

from qlue_console.db import contract
from qlue_console.dispatch.service import dispatch, escalate_overdue, forward
from qlue_console.reports.export_csv import write_csv
from qlue_console.reports.export_xlsx import write_xlsx
from qlue_console.reports.kpis import GROUPINGS, fetch_weekly_kpis
from qlue_console.reports.service import build_report
from qlue_console.reports.weeks import Week
from qlue_console.triage.actions import merge, reject, set_category
from qlue_console.verify.decisions import decide
from tests.photo_factory import jpeg
from tests.reports.conftest import W46, W47, at, build_week

W48 = Week(2026, 48)
WEEKS = (W46, W47, W48)


def the_last_days(fx) -> None:
    fx.report("X1", "A", "sampah", at(20, "09:00"))
    fx.dispatch("X1", "lurahA", at(20, "09:30"), at(21, "09:30"))
    fx.finish("X1", "dispatched")
    fx.report("X2", "B", "banjir", at(21, "10:00"))
    fx.dispatch("X2", "lurahB", at(21, "10:30"), at(21, "16:30"))
    fx.follow_up(
        "X2", "lurahB", at(21, "12:00"), photo_seed="proof-x2", phash=0x0202_0000_0000_0002
    )
    fx.finish("X2", "followed_up")
    fx.report("X3", "A", "sampah", at(22, "20:00"))
    fx.dispatch("X3", "lurahA", at(22, "20:30"), at(23, "20:30"))
    fx.finish("X3", "dispatched")
    fx.report("X4", "B", "sampah", at(19, "13:00"))
    fx.event("X4", "triaged", at(19, "13:30"))
    fx.finish("X4", "triaged")


def exported(engine, tmp_path, tag: str) -> dict:
    """Everything the reports show of the finished weeks: the KPI rows of every grouping (and
    the city, the charts), the CSV of W47 by each grouping, and its XLSX without the
    generated-at time."""
    out: dict = {week: fetch_weekly_kpis(engine, week, GROUPINGS) for week in WEEKS}
    report = build_report(engine, W47, GROUPINGS, "official")
    for grouping in GROUPINGS:
        path = write_csv(
            replace(report, grouping=grouping), tmp_path / f"{tag}-{grouping}.csv", "id"
        )
        out[grouping] = path.read_text(encoding="utf-8-sig")
    book = load_workbook(write_xlsx(report, tmp_path / f"{tag}.xlsx", "en"))
    cells = {}
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                cells[(sheet.title, cell.coordinate)] = cell.value
    generated = [key for key, value in cells.items() if value == "Generated"]
    assert len(generated) == 1
    sheet, coordinate = generated[0]
    del cells[(sheet, "B" + coordinate[1:])]
    out["xlsx"] = cells
    return out


def act_after_the_week(fx) -> None:
    engine, h = fx.engine, fx.handles
    assert datetime.now(UTC) > W48.end  # the database's now() is after every week read
    # the verifier's checks recorded on X2's proof (posted in the week): its reuse check fails
    with engine.begin() as conn:
        conn.execute(
            text("SELECT qlue_record_checks(:f, CAST(:c AS jsonb), 90)"),
            {
                "f": fx.pending_follow_up("X2"),
                "c": '{"risk": 90, "results": [{"code": "reused_proof", "verdict": "fail"}]}',
            },
        )
    # proofs approved and rejected
    decide(engine, fx.pending_follow_up("R7"), "approve")
    decide(engine, fx.pending_follow_up("X2"), "reject", "wrong_place")
    with engine.begin() as conn:
        contract.submit_follow_up(
            conn, report_id=fx.reports["X2"], official=h["lurahB"], note="sudah", photo=jpeg(21)
        )
    decide(engine, fx.pending_follow_up("X2"), "approve")
    # R6: dispatched again; the new official's proof approved closes lurah B's open mention
    dispatch(engine, fx.reports["R6"], None, f"@{h['camatA']} mohon dicek", [h["camatA"]])
    with engine.begin() as conn:
        contract.submit_follow_up(
            conn, report_id=fx.reports["R6"], official=h["camatA"], note="beres", photo=jpeg(6)
        )
    decide(engine, fx.pending_follow_up("R6"), "approve")
    # reopened by the citizen, then rejected; rejected with its mention open
    with engine.begin() as conn:
        contract.reopen_report(
            conn, report_id=fx.reports["R1"], citizen="warga.r1", text_="Sampah datang lagi"
        )
    reject(engine, fx.reports["R1"], fx.version("R1"), "other", "laporan ganda di kanal lain")
    reject(engine, fx.reports["R5"], fx.version("R5"), "out_of_scope")
    # merged with its mention open; dispatched; passed on, another mention added, rejected
    merge(engine, fx.reports["X3"], fx.version("X3"), fx.reports["R9"])
    set_category(engine, fx.reports["R9"], fx.version("R9"), "banjir")  # DLH's until now: SDA's
    dispatch(engine, fx.reports["R9"], None, f"@{h['lurahA']} tolong", [h["lurahA"]])
    forward(engine, fx.reports["X4"], None, [h["lurahB"]], "wilayah Senayan")
    dispatch(engine, fx.reports["X4"], None, f"@{h['camatA']} ikut pantau", [h["camatA"]])
    reject(engine, fx.reports["X4"], fx.version("X4"), "spam")
    # escalated (X1's overdue mention of lurah A goes to camat A), answered and closed
    escalated = escalate_overdue(engine)
    assert fx.reports["X1"] in {e.report_id for e in escalated}
    with engine.begin() as conn:
        contract.submit_follow_up(
            conn, report_id=fx.reports["X1"], official=h["camatA"], note="ok", photo=jpeg(11)
        )
    decide(engine, fx.pending_follow_up("X1"), "approve")


def test_a_finished_weeks_figures_never_change_afterwards(people_engine, tmp_path):
    fx = build_week(people_engine)
    the_last_days(fx)
    before = exported(people_engine, tmp_path, "before")
    # what the week's end saw: lurah B held R5's and R6's mentions open and overdue, lurah A
    # X1's (overdue) and X3's; the city's overdue backlog is R5, R6 and X1
    officials = {int(r.key): r for r in before[W47].groups["official"]}
    lurah_a, lurah_b = officials[fx.accounts["lurahA"]], officials[fx.accounts["lurahB"]]
    assert (lurah_b.backlog, lurah_b.overdue) == (2, 2)
    assert (lurah_a.backlog, lurah_a.overdue) == (2, 1)
    assert (before[W47].city.backlog, before[W47].city.overdue) == (
        8,
        3,
    )  # R5-7 R9 X1-X4 | R5 R6 X1

    act_after_the_week(fx)
    after = exported(people_engine, tmp_path, "after")

    changed = {
        (str(week), grouping): [
            (b.key, a)
            for b, a in zip(
                before[week].groups[grouping], after[week].groups[grouping], strict=True
            )
            if a != b
        ]
        or "rows added or gone"
        for week in WEEKS
        for grouping in GROUPINGS
        if after[week].groups[grouping] != before[week].groups[grouping]
    }
    assert changed == {}
    changed_csv = [grouping for grouping in GROUPINGS if after[grouping] != before[grouping]]
    assert changed_csv == []
    for week in WEEKS:
        assert after[week] == before[week], week  # the city row and the charts too
    assert after["xlsx"] == before["xlsx"]
    # and the actions did happen, on every report of the week
    with people_engine.connect() as conn:
        status = dict(conn.execute(text("SELECT id, status FROM reports")).all())
        mentions = dict(
            conn.execute(text("SELECT state, count(*) FROM mentions GROUP BY state")).all()
        )
    assert {
        name: status[fx.reports[name]] for name in ("R1", "R5", "R6", "R7", "X1", "X2", "X3", "X4")
    } == {
        "R1": "rejected",
        "R5": "rejected",
        "R6": "verified",
        "R7": "verified",
        "X1": "verified",
        "X2": "verified",
        "X3": "duplicate",
        "X4": "rejected",
    }
    assert mentions.get("closed", 0) >= 4 and mentions.get("escalated", 0) >= 1
