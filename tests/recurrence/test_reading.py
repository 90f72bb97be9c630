"""What the console reads of revision 0030 (``qlue_console.data.recurrences``, the queue's
filters and the detail): the closed fix a report came back after, with the official whose proof
was approved, the supervisor who closed it and the proof photo; the routing suggestion; the
chronic spots list; the queue narrowed to recurrences or to one spot."""

from __future__ import annotations

from sqlalchemy import text

from qlue_console.data import recurrences
from qlue_console.data.queue import QueueFilter, fetch_count, fetch_queue_page
from qlue_console.data.report_detail import fetch_report_detail
from qlue_console.db.engine import make_engine
from qlue_console.domain.states import ALL_STATES
from qlue_console.verify.decisions import decide
from tests.recurrence.city import days_ago, north, submit
from tests.verify.city import LURAH, MONAS, build_city


def _approved_fix(engine):
    """A report of the verifiers' small city, dispatched to the lurah, its proof approved."""
    ids = build_city(engine)
    decide(engine, ids["good"], "approve")
    report = ids["report:good"]
    with engine.connect() as conn:
        where = conn.execute(text("SELECT lat, lon FROM reports WHERE id = :r"), {"r": report})
        lat, lon = where.one()
        proof = conn.execute(
            text("SELECT photo_id FROM follow_ups WHERE id = :f"), {"f": ids["good"]}
        ).scalar_one()
    return report, (lat, lon), proof


def test_the_detail_shows_the_fix_that_did_not_hold(db_engine):
    closed, where, proof = _approved_fix(db_engine)
    new = submit(db_engine, north(25, of=where))

    detail = fetch_report_detail(db_engine, new)

    fix = detail.came_back_after
    assert fix is not None and fix.report_id == closed
    assert fix.officials == (LURAH,) and fix.proof_photo_id == proof
    assert fix.closed_by and 24 < fix.distance_m < 26 and fix.came_back_times == 1
    assert recurrences.fetch_closers(db_engine, new) == (LURAH,)
    assert fetch_report_detail(db_engine, closed).came_back_after is None
    assert recurrences.fetch_closers(db_engine, closed) == ()


def test_the_queue_marks_and_filters_recurrences(db_engine):
    closed, where, _ = _approved_fix(db_engine)
    new = submit(db_engine, north(10, of=where))
    other = submit(db_engine, north(900, of=where))
    rows = {r.id: r for r in fetch_queue_page(db_engine, QueueFilter())}
    assert rows[new].recurrence_of == closed and rows[other].recurrence_of is None
    only = QueueFilter(states=tuple(ALL_STATES), recurrences_only=True)
    assert [r.id for r in fetch_queue_page(db_engine, only)] == [new]
    assert fetch_count(db_engine, only) == 1


def test_chronic_spots_are_listed_and_open_as_a_queue_filter(db_engine):
    members = [submit(db_engine, north(m), when=days_ago(d)) for m, d in ((0, 9), (15, 6), (30, 3))]
    members.append(submit(db_engine, north(45)))
    submit(db_engine, north(5), category="parkir_liar")
    (spot,) = recurrences.fetch_chronic_spots(db_engine)
    assert (spot.category_code, spot.reports, spot.recurrences, spot.open_reports) == (
        "sampah",
        4,
        0,
        4,
    )
    assert spot.kelurahan == "Gambir" and spot.kota and abs(spot.lat - MONAS[0]) < 0.001
    flt = QueueFilter(chronic_spot=spot.id)
    assert sorted(r.id for r in fetch_queue_page(db_engine, flt)) == sorted(members)
    assert recurrences.fetch_chronic_spots(db_engine, category="parkir_liar") == []
    assert QueueFilter.from_json(flt.to_json()) == flt


def test_the_verifier_sees_how_often_the_place_came_back(db_engine):
    closed, where, _ = _approved_fix(db_engine)
    first = submit(db_engine, north(10, of=where))
    second = submit(db_engine, north(20, of=where))
    with db_engine.connect() as conn:
        history = recurrences.spot_history(conn, second)
    assert [(h.closed_report_id, h.came_back_report_id) for h in history] == [
        (closed, second),
        (closed, first),
    ]


def test_the_staff_read_it_with_their_own_logins(db_engine, login_url):
    """The verifier's history, the spots and the detail's closed fix as an operator and an
    analyst read them (the functions they call are theirs to execute)."""
    closed, where, _ = _approved_fix(db_engine)
    new = submit(db_engine, north(10, of=where))
    for group in ("qlue_operator", "qlue_analyst", "qlue_supervisor"):
        engine = make_engine(login_url(group))
        try:
            with engine.connect() as conn:
                history = recurrences.spot_history(conn, new)
            assert [h.closed_report_id for h in history] == [closed]
            assert recurrences.fetch_chronic_spots(engine) == recurrences.fetch_chronic_spots(
                db_engine
            )
            assert recurrences.fetch_closed_fix(engine, new).report_id == closed
            assert recurrences.fetch_settings(engine).chronic_k == 4
        finally:
            engine.dispose()
