"""Revision 0030's recurrence rule on a real PostgreSQL, at its edges: 99 m and 101 m, 29 and
31 days after the closing; the same category or one marked related; the nearest closed report;
decided for every channel through the contract; withdrawn by a rejection or a merge and given
back by undoing the rejection."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from qlue_console.db.engine import make_engine
from qlue_console.db.errors import ContractError, PermissionDeniedError
from qlue_console.db.sql_errors import translated_errors
from qlue_console.triage import actions
from tests.recurrence.city import (
    MONAS,
    closed_report,
    days_ago,
    east,
    kinds,
    north,
    payloads,
    recurrence_of,
    submit,
)
from tests.triage.util import version


@pytest.mark.parametrize(("metres", "recurs"), [(0, True), (99, True), (101, False)])
def test_the_distance_edge(db_engine, metres, recurs):
    closed = closed_report(db_engine, closed=days_ago(10))
    new = submit(db_engine, north(metres))
    assert recurrence_of(db_engine, new) == (closed if recurs else None)


def test_the_distance_edge_along_a_parallel(db_engine):
    closed = closed_report(db_engine, closed=days_ago(10))
    near, far = submit(db_engine, east(99)), submit(db_engine, east(101))
    assert (recurrence_of(db_engine, near), recurrence_of(db_engine, far)) == (closed, None)


@pytest.mark.parametrize(("days_after", "recurs"), [(1, True), (29, True), (31, False)])
def test_the_time_edge(db_engine, days_after, recurs):
    closed = closed_report(db_engine, closed=days_ago(40))
    new = submit(db_engine, north(20), when=days_ago(40 - days_after))
    assert recurrence_of(db_engine, new) == (closed if recurs else None)


def test_a_report_made_before_the_closing_is_no_recurrence(db_engine):
    closed = closed_report(db_engine, closed=days_ago(5))
    earlier = submit(db_engine, north(10), when=days_ago(6))
    assert recurrence_of(db_engine, earlier) is None
    assert recurrence_of(db_engine, closed) is None


def test_both_timelines_say_it(db_engine):
    closed = closed_report(db_engine, closed=days_ago(3))
    new = submit(db_engine, north(40))
    assert kinds(db_engine, new)[:2] == ["created", "recurrence"]
    assert kinds(db_engine, closed)[-1] == "fix_came_back"
    (came_back,) = payloads(db_engine, new, "recurrence")
    assert came_back["closed_report"] == closed and 39.5 < came_back["distance_m"] < 40.5
    (fix,) = payloads(db_engine, closed, "fix_came_back")
    assert fix["report"] == new


def test_another_category_is_no_recurrence_until_an_admin_relates_them(db_engine):
    closed = closed_report(db_engine, closed=days_ago(3), category="saluran_tersumbat")
    flooded = submit(db_engine, north(30), category="banjir")
    assert recurrence_of(db_engine, flooded) is None
    with db_engine.begin() as conn:
        conn.execute(text("SELECT set_category_relation('banjir', 'saluran_tersumbat', true)"))
    again = submit(db_engine, north(30), category="banjir")
    assert recurrence_of(db_engine, again) == closed
    with db_engine.begin() as conn:
        conn.execute(text("SELECT set_category_relation('saluran_tersumbat', 'banjir', false)"))
    third = submit(db_engine, north(30), category="banjir")
    assert recurrence_of(db_engine, third) is None


def test_the_nearest_closed_report_is_the_one_that_came_back(db_engine):
    closed_report(db_engine, north(80), closed=days_ago(2))
    nearest = closed_report(db_engine, north(-30), closed=days_ago(20))
    new = submit(db_engine, MONAS)
    assert recurrence_of(db_engine, new) == nearest


def test_an_open_report_nearby_is_no_closed_fix(db_engine):
    submit(db_engine, north(10), when=days_ago(3))
    new = submit(db_engine, MONAS)
    assert recurrence_of(db_engine, new) is None


def test_a_channel_login_decides_it_through_the_contract(db_engine, login_url):
    closed = closed_report(db_engine, closed=days_ago(3))
    channel = make_engine(login_url("qlue_channel"))
    try:
        new = submit(channel, north(50))
    finally:
        channel.dispose()
    assert recurrence_of(db_engine, new) == closed


def test_a_rejection_withdraws_it_and_undoing_gives_it_back(db_engine):
    closed = closed_report(db_engine, closed=days_ago(3))
    new = submit(db_engine, north(10))
    v = actions.reject(db_engine, new, version(db_engine, new), "spam")
    assert recurrence_of(db_engine, new) is None
    assert kinds(db_engine, closed)[-1] == "recurrence_withdrawn"
    assert payloads(db_engine, new, "recurrence_withdrawn")[0]["because"] == "rejected"
    actions.undo_reject(db_engine, new, v)
    assert recurrence_of(db_engine, new) == closed
    assert [p["reinstated"] for p in payloads(db_engine, new, "recurrence")] == [False, True]


def test_a_report_merged_as_a_duplicate_is_no_recurrence(db_engine):
    closed = closed_report(db_engine, closed=days_ago(3))
    original = submit(db_engine, north(10))
    duplicate = submit(db_engine, north(12))
    assert recurrence_of(db_engine, duplicate) == closed
    actions.merge(db_engine, duplicate, version(db_engine, duplicate), original)
    assert recurrence_of(db_engine, duplicate) is None
    assert recurrence_of(db_engine, original) == closed
    with db_engine.connect() as conn:
        came_back = conn.execute(
            text(
                "SELECT count(*) FROM recurrences"
                " WHERE closed_report_id = :c AND withdrawn_at IS NULL"
            ),
            {"c": closed},
        ).scalar_one()
    assert came_back == 1


def test_a_rejected_closed_candidate_is_never_a_fix(db_engine):
    rejected = submit(db_engine, north(5), when=days_ago(5))
    actions.reject(db_engine, rejected, version(db_engine, rejected), "spam")
    new = submit(db_engine, MONAS)
    assert recurrence_of(db_engine, new) is None


def test_the_settings_change_the_rule(db_engine):
    closed = closed_report(db_engine, closed=days_ago(3))
    with db_engine.begin() as conn:
        conn.execute(text("SELECT set_recurrence_settings(150, 7, NULL, NULL)"))
    assert recurrence_of(db_engine, submit(db_engine, north(140))) == closed
    with db_engine.begin() as conn:
        conn.execute(text("SELECT set_recurrence_settings(NULL, 2, NULL, NULL)"))
    assert recurrence_of(db_engine, submit(db_engine, north(10))) is None


@pytest.mark.parametrize(
    ("args", "field"),
    [
        ("0, NULL, NULL, NULL", "distance_m"),
        ("NULL, 400, NULL, NULL", "window_days"),
        ("NULL, NULL, 1, NULL", "chronic_k"),
        ("NULL, NULL, NULL, 0", "chronic_weeks"),
    ],
)
def test_bad_settings_are_refused(db_engine, args, field):
    with pytest.raises(ContractError) as caught, db_engine.begin() as conn, translated_errors():
        conn.execute(text(f"SELECT set_recurrence_settings({args})"))
    assert caught.value.field == field


def test_only_an_admin_sets_the_rule(db_engine, login_url):
    operator = make_engine(login_url("qlue_operator"))
    try:
        for sql in (
            "SELECT set_recurrence_settings(500, NULL, NULL, NULL)",
            "SELECT set_category_relation('banjir', 'sampah', true)",
        ):
            with pytest.raises(PermissionDeniedError), translated_errors():
                with operator.begin() as conn:
                    conn.execute(text(sql))
    finally:
        operator.dispose()


def test_an_imported_report_takes_its_history_after_a_recurrence(db_engine):
    """0016's import refuses history for a report the console worked on; the rule's own events
    are no work of a person."""
    closed = closed_report(db_engine, closed=days_ago(3))
    new = submit(db_engine, north(10), when=days_ago(1))
    assert recurrence_of(db_engine, new) == closed
    with db_engine.begin() as conn:
        conn.execute(
            text("SELECT import_report_history(:r, 'comment', now(), 'dicek petugas')"),
            {"r": closed},
        )
        conn.execute(
            text("SELECT import_report_history(:r, 'closed', now(), 'selesai lagi')"), {"r": new}
        )
