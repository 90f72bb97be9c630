"""The pre-aggregation of revision 0005 (kpi_report_facts, kpi_state_spans) is exactly what
a full recomputation from the events gives, however the events arrive."""

from __future__ import annotations

from sqlalchemy import text

from qlue_console.reports.kpis import fetch_weekly_kpis

from tests.reports.conftest import W47, at
from tests.reports.test_kpis import assert_city_w47

FACTS = "SELECT * FROM kpi_report_facts ORDER BY report_id"
SPANS = "SELECT report_id, event_id, state, from_at, to_at FROM kpi_state_spans ORDER BY report_id, event_id"


def snapshot(engine):
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(FACTS))], [tuple(r) for r in conn.execute(text(SPANS))]


def rebuilt(engine):
    with engine.begin() as conn:
        conn.execute(text("SELECT qlue_kpi_rebuild()"))
    return snapshot(engine)


def test_triggers_keep_what_a_rebuild_computes(week_fixture):
    engine = week_fixture.engine
    kept = snapshot(engine)
    assert len(kept[0]) == 9 and kept == rebuilt(engine)
    with engine.connect() as conn:
        spans = conn.execute(text("SELECT state, to_at IS NULL FROM kpi_state_spans WHERE report_id = :r "
                                  "ORDER BY from_at, event_id"), {"r": week_fixture.reports["R2"]}).all()
    # R2's own history; the 'merged' event it got as the original changes nothing.
    assert [s for s, _ in spans] == ["new", "triaged", "dispatched", "followed_up", "reopened", "followed_up",
                                     "verified"]
    assert spans[-1][1] is True


def test_an_event_written_late_with_an_earlier_time(week_fixture):
    engine = week_fixture.engine
    # R9 (created Sunday 22 Nov 23:59) turns out to have been rejected at 23:59:30 that night.
    week_fixture.event("R9", "rejected", "2026-11-22 23:59:30+07", {"reason": "spam"})
    assert snapshot(engine) == rebuilt(engine)
    city = fetch_weekly_kpis(engine, W47).city
    assert (city.received, city.rejected, city.backlog) == (3, 2, 3)


def test_an_admin_correction_is_followed(week_fixture):
    engine = week_fixture.engine
    with engine.begin() as conn:   # the late follow-up of R2 was in fact posted a day earlier
        conn.execute(text("UPDATE events SET at = :at WHERE report_id = :r AND kind = 'follow_up' "
                          "AND at = :was"), {"at": at(17, "01:00"), "was": at(18, "01:01"),
                                             "r": week_fixture.reports["R2"]})
    assert snapshot(engine) == rebuilt(engine)
    city = fetch_weekly_kpis(engine, W47).city
    assert (city.sla_base, city.sla_met) == (3, 3)
    with engine.begin() as conn:   # and R5's reopening was a mistake
        conn.execute(text("DELETE FROM mentions WHERE event_id IN (SELECT id FROM events WHERE report_id = :r "
                          "AND kind = 'reopened')"), {"r": week_fixture.reports["R5"]})
        conn.execute(text("DELETE FROM events WHERE report_id = :r AND kind = 'reopened'"),
                     {"r": week_fixture.reports["R5"]})
    assert snapshot(engine) == rebuilt(engine)
    assert fetch_weekly_kpis(engine, W47).city.reopened == 0


def test_comments_and_claims_do_not_touch_the_aggregate(week_fixture):
    engine = week_fixture.engine
    before = snapshot(engine)
    week_fixture.event("R6", "comment", at(20, "09:00"), {"text": "cek lagi"})
    week_fixture.event("R6", "claimed", at(20, "09:01"), {"minutes": 10})
    assert snapshot(engine) == before
    assert_city_w47(fetch_weekly_kpis(engine, W47).city)
