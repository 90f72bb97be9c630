"""Revision 0030's chronic spots on a real PostgreSQL: k reports of one category within the
distance over the last weeks make a spot, kept current as reports arrive; rejected and merged
reports do not count; a spot's history of fixes that came back is there for the verifier."""

from __future__ import annotations

import threading

from sqlalchemy import text

from qlue_console.db.engine import make_engine
from qlue_console.triage import actions
from tests.recurrence.city import MONAS, closed_report, days_ago, east, north, submit
from tests.triage.util import version


def _spots(engine):
    with engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT spot_id, category_code, reports, recurrences FROM chronic_spots_at() "
                "ORDER BY reports DESC"
            )
        ).all()


def _members(engine, spot_id):
    with engine.connect() as conn:
        return set(
            conn.execute(
                text("SELECT id FROM console_reports WHERE chronic_spot_id = :s"), {"s": spot_id}
            ).scalars()
        )


def test_four_reports_within_the_distance_make_a_spot_and_a_fifth_joins(db_engine):
    places = ((0, 40), (30, 30), (60, 20))
    first = [submit(db_engine, north(m), when=days_ago(d)) for m, d in places]
    assert _spots(db_engine) == []
    fourth = submit(db_engine, north(-20), when=days_ago(10))
    ((spot, category, count, came_back),) = _spots(db_engine)
    assert (category, count, came_back) == ("sampah", 4, 0)
    assert _members(db_engine, spot) == {*first, fourth}
    fifth = submit(db_engine, east(50))
    assert _spots(db_engine)[0][2] == 5 and fifth in _members(db_engine, spot)


def test_a_report_beyond_the_distance_or_of_another_category_stays_out(db_engine):
    for m in (0, 20, 40):
        submit(db_engine, north(m), when=days_ago(5))
    submit(db_engine, north(220), when=days_ago(4))  # 220 m from the centre
    submit(db_engine, north(10), when=days_ago(3), category="parkir_liar")
    assert _spots(db_engine) == []


def test_only_the_last_eight_weeks_count(db_engine):
    old = submit(db_engine, north(5), when=days_ago(60))  # 8 weeks and 4 days ago
    for m, d in ((0, 50), (10, 40), (20, 30)):
        submit(db_engine, north(m), when=days_ago(d))
    # When the fourth came, 30 days ago, the old one was within its eight weeks: a spot then;
    # today only three of them are in the last eight weeks, so it is not shown.
    assert _spots(db_engine) == []
    submit(db_engine, north(15), when=days_ago(2))
    ((spot, _, count, _),) = _spots(db_engine)
    assert count == 4 and old in _members(db_engine, spot)


def test_rejected_and_merged_reports_do_not_count(db_engine):
    reports = [submit(db_engine, north(m), when=days_ago(9 - m / 10)) for m in (0, 10, 20, 30)]
    assert _spots(db_engine)[0][2] == 4
    actions.reject(db_engine, reports[0], version(db_engine, reports[0]), "spam")
    assert _spots(db_engine) == []  # three left: no longer chronic
    actions.merge(db_engine, reports[1], version(db_engine, reports[1]), reports[2])
    submit(db_engine, north(5))
    assert _spots(db_engine) == []
    submit(db_engine, north(6))
    assert _spots(db_engine)[0][2] == 4


def test_a_spot_counts_its_recurrences_and_the_verifier_sees_its_history(db_engine):
    closed = closed_report(db_engine, closed=days_ago(20))
    came_back = [submit(db_engine, north(m), when=days_ago(d)) for m, d in ((10, 15), (20, 10))]
    came_back.append(submit(db_engine, north(30), when=days_ago(5)))
    ((spot, _, count, recurrences),) = _spots(db_engine)
    assert (count, recurrences) == (4, 3)
    with db_engine.connect() as conn:
        history = conn.execute(
            text("SELECT closed_report_id, came_back_report_id FROM recurrence_history(:r)"),
            {"r": came_back[0]},
        ).all()
    assert history == [(closed, r) for r in reversed(came_back)]


def test_reports_at_once_start_one_spot(db_url, db_engine):
    """Two channels submitting the fourth and fifth report at the same moment: one spot."""
    for m in (0, 10, 20):
        submit(db_engine, north(m), when=days_ago(3))
    engines = [make_engine(db_url) for _ in range(2)]
    barrier = threading.Barrier(2)

    def post(engine, metres):
        barrier.wait()
        submit(engine, east(metres))

    pairs = zip(engines, (5, 15), strict=True)
    threads = [threading.Thread(target=post, args=pair) for pair in pairs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for e in engines:
        e.dispose()
    with db_engine.connect() as conn:
        spots = conn.execute(text("SELECT count(*) FROM chronic_spots")).scalar_one()
        members = conn.execute(text("SELECT count(*) FROM chronic_spot_reports")).scalar_one()
    assert (spots, members) == (1, 5)


def test_the_backfill_decides_what_was_there_before(db_engine):
    """A city that existed before revision 0030 (its reports made with the trigger off) gets
    its recurrences and spots from qlue_recurrence_backfill, the same as if they had arrived."""
    with db_engine.begin() as conn:
        conn.execute(text("ALTER TABLE events DISABLE TRIGGER events_recurrence"))
    try:
        closed = closed_report(db_engine, closed=days_ago(20))
        places = ((5, 9), (9, 8), (12, 7))
        later = [submit(db_engine, north(m), when=days_ago(d)) for m, d in places]
    finally:
        with db_engine.begin() as conn:
            conn.execute(text("ALTER TABLE events ENABLE TRIGGER events_recurrence"))
    assert _spots(db_engine) == []
    with db_engine.begin() as conn:
        assert conn.execute(text("SELECT qlue_recurrence_backfill()")).scalar_one() == 3
        assert conn.execute(text("SELECT qlue_recurrence_backfill()")).scalar_one() == 0
    ((spot, _, count, recurrences),) = _spots(db_engine)
    assert (count, recurrences) == (4, 3)
    assert _members(db_engine, spot) == {closed, *later}
    assert MONAS


def test_a_report_at_a_quiet_spot_joins_it(db_engine):
    """A spot's place keeps its history: a report there after weeks without one joins the spot
    (it is shown again once k reports are in the last weeks), it does not start another."""
    old = [submit(db_engine, north(m), when=days_ago(d)) for m, d in ((0, 100), (10, 95), (20, 90))]
    old.append(submit(db_engine, north(30), when=days_ago(85)))
    with db_engine.connect() as conn:
        (spot,) = conn.execute(text("SELECT id FROM chronic_spots")).scalars()
    assert _spots(db_engine) == []  # quiet: none in the last 8 weeks
    new = submit(db_engine, north(15))
    assert new in _members(db_engine, spot)
    with db_engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM chronic_spots")).scalar_one() == 1
