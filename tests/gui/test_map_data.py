"""The map's data on a real PostgreSQL: the markers are the queue's reports under every filter,
each encoded once by PostgreSQL as the page's row (fields named in ``MARKER_FIELDS``); the live
question is the same statement narrowed to the changed reports; the choropleth counts open and
overdue reports per kelurahan from the one definition of a report (``console_reports``)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from qlue_console.data.map_data import (
    EXCERPT_CHARS,
    MARKER_FIELDS,
    fetch_choropleth,
    fetch_encoded_markers,
    fetch_marker_changes,
)
from qlue_console.data.queue import QueueFilter, fetch_queue_page
from qlue_console.domain.states import label_of
from qlue_console.gui.map.page import STATES
from qlue_console.gui.workspaces.triage import MAP_LABELS

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def _insert(conn, n, *, status="new", priority=1, category="sampah", lat=-6.1754, lon=106.8272,
            body="Sampah menumpuk", due=None, kel="31.71.01.1001"):  # fmt: skip
    kec, kota = kel.rsplit(".", 1)[0], kel.rsplit(".", 2)[0]
    return conn.execute(
        text("""
        INSERT INTO reports (channel, external_id, citizen_handle, text, category_code, lat, lon,
                             kelurahan_code, kecamatan_code, kota_code, status, priority,
                             reported_at, created_at, due_at)
        VALUES ('app', :e, :c, :t, :cat, :lat, :lon, :kel, :kec, :kota, :st, :p, :at, :at, :due)
        RETURNING id"""),
        {
            "e": f"m{n}",
            "c": f"w{n}",
            "t": body,
            "cat": category,
            "lat": lat,
            "lon": lon,
            "kel": kel,
            "kec": kec,
            "kota": kota,
            "st": status,
            "p": priority,
            "at": T0 + timedelta(minutes=n),
            "due": due,
        },
    ).scalar_one()


def _markers(engine, flt, language="id", **kw):
    return fetch_encoded_markers(
        engine, flt, language=language, label_of=MAP_LABELS, label_order=STATES, **kw
    )


def test_the_map_follows_the_filter_and_the_choropleth_counts_in_sql(db_engine):
    now = datetime.now(UTC)
    with db_engine.begin() as conn:
        a = _insert(conn, 1, due=now - timedelta(hours=1))
        _insert(conn, 2, kel="31.72.01.1001", category="banjir")
        _insert(conn, 3, status="verified", due=now - timedelta(hours=1))
    assert [r[0] for r in _markers(db_engine, QueueFilter(category="sampah")).rows] == [a]
    assert fetch_choropleth(db_engine, "open") == {"31.71.01.1001": 1, "31.72.01.1001": 1}
    assert fetch_choropleth(db_engine, "overdue") == {"31.71.01.1001": 1}


FILTERS = [
    QueueFilter(),
    QueueFilter(category="banjir"),
    QueueFilter.archive(),
    QueueFilter(min_priority=2, overdue_only=True),
    QueueFilter(area_code="31.72"),
    QueueFilter(search="kutip"),
]


@pytest.mark.parametrize("language", ["id", "en"])
def test_each_marker_is_its_report_encoded_by_postgres_as_the_pages_row(db_engine, language):
    now = datetime.now(UTC)
    statuses = [
        "new",
        "triaged",
        "dispatched",
        "followed_up",
        "verified",
        "rejected",
        "coordination",
    ]
    with db_engine.begin() as conn:
        for i in range(40):
            _insert(
                conn,
                i,
                status=statuses[i % len(statuses)],
                priority=i % 4,
                category=("sampah", "banjir")[i % 2],
                lat=-6.2 + i * 1.23456789e-4,
                lon=106.8 - i * 9.8765e-5,
                due=(None, now - timedelta(hours=1), now + timedelta(hours=5))[i % 3],
                body=f"Laporan {i} <b>&</b> \"kutip\" " + "x" * (i * 7),
                kel=("31.71.01.1001", "31.72.01.1001")[i % 3 == 0],
            )
        reports = {
            m["id"]: m
            for m in conn.execute(
                text("""SELECT r.id, r.lat, r.lon, r.status, r.priority, r.overdue, r.text,
                               r.category_name_id, r.category_name_en FROM console_reports r""")
            ).mappings()
        }
    for flt in FILTERS:
        found = _markers(db_engine, flt, language)
        queue = fetch_queue_page(db_engine, flt, limit=10_000)
        assert found.rows and [r[0] for r in found.rows] == sorted(
            (q.id for q in queue), reverse=True
        )
        for report_id, excerpt, encoded in found.rows:
            m = reports[report_id]
            row = dict(zip(MARKER_FIELDS, json.loads(encoded), strict=True))
            assert row["id"] == report_id and excerpt == m["text"][:EXCERPT_CHARS]
            assert abs(row["lat"] - m["lat"]) < 1e-6 and abs(row["lon"] - m["lon"]) < 1e-6
            assert row["state"] == STATES.index(label_of(m["status"]).value)
            assert row["priority"] == m["priority"] and row["overdue"] == int(m["overdue"])
            title = m["category_name_id"] if language == "id" else m["category_name_en"]
            assert found.titles[row["title"]] == title


def test_the_live_question_is_the_filters_question_narrowed_to_the_changed_reports(db_engine):
    with db_engine.begin() as conn:
        sampah = [_insert(conn, i) for i in range(3)]
        banjir = [_insert(conn, 10 + i, category="banjir", kel="31.72.01.1001") for i in range(2)]
        closed = _insert(conn, 20, status="rejected")
    asked = [*sampah[:2], *banjir, closed, 999_999]

    def changes(flt):
        found = fetch_marker_changes(
            db_engine, flt, asked, language="en", label_of=MAP_LABELS, label_order=STATES
        )
        return {r[0] for r in found.markers.rows}, set(found.gone)

    assert changes(QueueFilter(category="sampah")) == (
        set(sampah[:2]),
        {*banjir, closed, 999_999},
    )
    assert changes(QueueFilter(area_code="31.72")) == (set(banjir), {*sampah[:2], closed, 999_999})
    assert changes(QueueFilter(area_code="31.72", category="sampah")) == (set(), set(asked))
    assert changes(QueueFilter()) == ({*sampah[:2], *banjir}, {closed, 999_999})
    assert changes(QueueFilter.archive()) == ({closed}, {*sampah[:2], *banjir, 999_999})
    # The same rows as the whole question gives for those reports.
    whole = {r[0]: r for r in _markers(db_engine, QueueFilter(), "en").rows}
    live = fetch_marker_changes(
        db_engine, QueueFilter(), asked, language="en", label_of=MAP_LABELS, label_order=STATES
    )
    assert all(whole[r[0]] == r for r in live.markers.rows)
    assert live.markers.titles == _markers(db_engine, QueueFilter(), "en").titles
