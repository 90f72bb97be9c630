"""The queue's data layer: keyset paging is exact across pages (ties included) in both orders,
every filter selects what it says, counts per state, duplicate suggestions on a crafted
neighbourhood, the repeat reporter, shared views under row-level security (the map's data:
tests/gui/test_map_data.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from qlue_console.data.queue import (
    QueueFilter,
    fetch_count,
    fetch_queue_changes,
    fetch_queue_page,
    fetch_state_counts,
)
from qlue_console.db.engine import make_engine
from qlue_console.triage.duplicates import earlier_reports_by_citizen, suggest_duplicates
from qlue_console.triage.views import list_views, save_view

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def _insert(
    conn,
    n,
    *,
    created=T0,
    status="new",
    priority=1,
    category="sampah",
    lat=-6.1754,
    lon=106.8272,
    channel="app",
    citizen=None,
    body="Sampah menumpuk",
    due=None,
    outside=False,
    kel="31.71.01.1001",
):
    kec, kota = (None, None) if kel is None else (kel.rsplit(".", 1)[0], kel.rsplit(".", 2)[0])
    return conn.execute(
        text("""
        INSERT INTO reports (channel, external_id, citizen_handle, text, category_code, lat, lon,
                             kelurahan_code, kecamatan_code, kota_code, outside_jurisdiction,
                             status, priority, reported_at, created_at, due_at)
        VALUES (:ch, :e, :c, :t, :cat, :lat, :lon, :kel, :kec, :kota, :out, :st, :p, :at, :at,
                :due) RETURNING id"""),
        {
            "ch": channel,
            "e": f"q{n}",
            "c": citizen or f"w{n}",
            "t": body,
            "cat": category,
            "lat": lat,
            "lon": lon,
            "kel": kel,
            "kec": kec,
            "kota": kota,
            "out": outside,
            "st": status,
            "p": priority,
            "at": created,
            "due": due,
        },
    ).scalar_one()


def _all_pages(engine, flt, page=7):
    rows, after = [], None
    while True:
        batch = fetch_queue_page(engine, flt, after, page)
        rows.extend(batch)
        if len(batch) < page:
            return rows
        after = batch[-1].key


@pytest.mark.parametrize("sort", ["newest", "priority"])
def test_keyset_pages_are_exact_with_ties(db_engine, sort):
    with db_engine.begin() as conn:
        ids = [
            _insert(conn, i, created=T0 + timedelta(minutes=i // 4), priority=i % 3)
            for i in range(50)
        ]
    flt = QueueFilter(sort=sort)
    paged = [r.id for r in _all_pages(db_engine, flt)]
    everything = [r.id for r in fetch_queue_page(db_engine, flt, None, 1000)]
    assert paged == everything and sorted(paged) == sorted(ids) and len(set(paged)) == 50
    rows = fetch_queue_changes(db_engine, flt, paged)
    by_id = {r.id: r for r in rows}
    keys = [
        (-by_id[i].priority, by_id[i].created_at, i)
        if sort == "priority"
        else (-by_id[i].created_at.timestamp(), -i)
        for i in paged
    ]
    assert keys == sorted(keys)


def test_every_filter(db_engine):
    now = datetime.now(UTC)
    with db_engine.begin() as conn:
        a = _insert(
            conn,
            1,
            created=now - timedelta(minutes=30),
            category="banjir",
            channel="sms",
            priority=3,
            body="Banjir setinggi lutut",
            due=now - timedelta(hours=1),
        )
        b = _insert(conn, 2, created=now - timedelta(days=2), kel="31.72.01.1001", channel="web")
        c = _insert(conn, 3, created=now - timedelta(days=5), status="verified")
        d = _insert(
            conn, 4, created=now - timedelta(hours=3), kel=None, outside=True, lat=-6.9, lon=107.6
        )
        conn.execute(
            text(
                "UPDATE reports SET claimed_by = session_user,"
                " claim_expires_at = now() + interval '5 min' WHERE id = :id"
            ),
            {"id": b},
        )
        me = conn.execute(text("SELECT session_user::text")).scalar_one()

    def ids(**kw):
        return sorted(r.id for r in fetch_queue_page(db_engine, QueueFilter(**kw), None, 100))

    assert ids() == sorted([a, b, d])
    assert ids(states=("verified",)) == [c]
    assert ids(category="banjir") == [a]
    assert ids(area_code="31.72") == [b]  # kota
    assert ids(area_code="31.71.01") == [a]  # kecamatan
    assert ids(area_code="31.72.01.1001") == [b]  # kelurahan
    assert ids(channel="sms") == [a]
    assert ids(min_priority=2) == [a]
    assert ids(max_age_hours=1) == [a]
    assert ids(min_age_hours=24) == [b]
    assert ids(search="lutut") == [a]
    assert ids(search="100%_x") == []  # LIKE wildcards are literal
    assert ids(mine=True) == [b]
    assert ids(outside_only=True) == [d]
    assert ids(overdue_only=True) == [a]
    counts = fetch_state_counts(db_engine, QueueFilter(), ("new", "verified"))
    assert counts == {"new": 3, "verified": 1}
    assert fetch_count(db_engine, QueueFilter(overdue_only=True)) == 1
    assert fetch_count(db_engine, QueueFilter.archive()) == 1

    def changed(flt, *report_ids):
        return [r.id for r in fetch_queue_changes(db_engine, flt, report_ids)]

    # a live batch asks the page's statement narrowed to the changed ids
    assert changed(QueueFilter(mine=True), a, b, c, d) == [b]
    assert changed(QueueFilter(area_code="31.72"), a, b) == [b]
    assert changed(QueueFilter(area_code="31.71"), b) == []
    assert changed(QueueFilter.archive(), a, c) == [c]
    assert changed(QueueFilter(), d, a, b) == [a, d, b]  # in the filter's order
    assert changed(QueueFilter()) == []
    assert me


def test_a_live_change_searches_the_whole_text_as_the_page_does(db_engine):
    """The live answer is the page's statement: a word beyond the excerpt matches both."""
    long_text = "Sampah menumpuk " + "di pinggir jalan " * 12 + "dekat jembatan Kalibaru"
    with db_engine.begin() as conn:
        report = _insert(conn, 1, body=long_text)
    flt = QueueFilter(search="Kalibaru")
    (shown,) = fetch_queue_page(db_engine, flt, None, 10)
    assert "Kalibaru" not in shown.excerpt
    assert fetch_queue_changes(db_engine, flt, [report]) == [shown]


def test_injection_through_search_is_just_text(db_engine):
    with db_engine.begin() as conn:
        _insert(conn, 1, body="normal")
    rows = fetch_queue_page(db_engine, QueueFilter(search="'; DROP TABLE reports; --"), None, 10)
    assert rows == []
    with db_engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM reports")).scalar_one() == 1


def test_duplicate_suggestions_on_a_crafted_neighbourhood(db_engine):
    with db_engine.begin() as conn:
        target = _insert(conn, 1, body="Sampah menumpuk di depan pasar", created=T0)
        near_same = _insert(
            conn,
            2,
            body="Sampah menumpuk depan pasar",
            lat=-6.1755,
            created=T0 - timedelta(hours=5),
        )
        near_related = _insert(
            conn,
            3,
            body="Tumpukan sampah",
            category="sampah",
            lat=-6.1760,
            created=T0 - timedelta(days=1),
        )
        far = _insert(
            conn, 4, body="Sampah menumpuk di depan pasar", lat=-6.1800, created=T0
        )  # ~510 m
        old = _insert(
            conn, 5, body="Sampah menumpuk di depan pasar", created=T0 - timedelta(days=40)
        )
        other_agency = _insert(conn, 6, body="Sampah menumpuk", category="jalan_rusak", created=T0)
        rejected = _insert(
            conn, 7, body="Sampah menumpuk di depan pasar", status="rejected", created=T0
        )
    found = suggest_duplicates(db_engine, target)
    assert [c.report_id for c in found] == [near_same, near_related]
    assert found[0].distance_m < 20 and found[0].similarity > found[1].similarity
    assert {far, old, other_agency, rejected}.isdisjoint(c.report_id for c in found)


def test_repeat_reporter(db_engine):
    with db_engine.begin() as conn:
        first = _insert(conn, 1, citizen="warga_x", created=T0 - timedelta(days=3))
        _insert(conn, 2, citizen="warga_x", created=T0 - timedelta(days=2), category="banjir")
        again = _insert(conn, 3, citizen="warga_x", created=T0)
    rows = {r.id: r for r in fetch_queue_changes(db_engine, QueueFilter(), [first, again])}
    assert rows[again].repeat and not rows[first].repeat
    assert [e.report_id for e in earlier_reports_by_citizen(db_engine, again)] == [first]


def test_views_private_and_shared_under_row_level_security(db_engine, login_url):
    alice = make_engine(login_url("qlue_operator"))
    bob = make_engine(login_url("qlue_operator"))
    save_view(alice, "Mine only", QueueFilter(mine=True), shared=False)
    save_view(alice, "Sampah Jakut", QueueFilter(category="sampah", area_code="31.72"), shared=True)
    assert [v.name for v in list_views(bob)] == ["Sampah Jakut"]
    assert [v.name for v in list_views(alice)] == ["Mine only", "Sampah Jakut"]
    shared = list_views(bob)[0]
    with bob.begin() as conn:  # bob cannot change or delete alice's view
        assert (
            conn.execute(text("DELETE FROM saved_views WHERE id = :id"), {"id": shared.id}).rowcount
            == 0
        )
    alice.dispose()
    bob.dispose()
