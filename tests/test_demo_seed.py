"""The demo city: positions, texts and the seeded history of reports on a real PostgreSQL."""

from __future__ import annotations

import collections
import io
import itertools
import os
import random
from datetime import UTC, datetime, timedelta

import psycopg2
import pytest
from PIL import Image, ImageFilter, ImageStat
from sqlalchemy import text
from sqlalchemy.engine import make_url

from qlue_console.db.engine import make_engine
from qlue_console.photos.checks import haversine_m
from qlue_console.photos.hashing import hamming
from qlue_console.photos.ingest import describe_photo
from qlue_console.seed import demo_text
from qlue_console.seed import geo_sampling as geo
from qlue_console.seed.demo_people import seed_people
from qlue_console.seed.demo_reports import PROOF_KINDS, WEAK_KINDS, seed_demo_reports

RULE_KINDS = {"recurrence", "fix_came_back", "recurrence_withdrawn"}

NOW = datetime(2025, 3, 19, 7, 30, tzinfo=UTC)  # a Wednesday, 14:30 WIB
STATUSES = {
    "new",
    "triaged",
    "dispatched",
    "coordination",
    "disposition",
    "followed_up",
    "verified",
    "reopened",
    "rejected",
    "duplicate",
}
LIFECYCLE_KINDS = {
    "created",
    "triaged",
    "claimed",
    "categorised",
    "prioritised",
    "dispatched",
    "mentioned",
    "forwarded",
    "escalated",
    "comment",
    "follow_up",
    "proof_approved",
    "proof_rejected",
    "reopened",
    "merged",
    "rejected",
    "closed",
}
_names = itertools.count()


def _admin(url: str):
    conn = psycopg2.connect(
        make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    )
    conn.autocommit = True
    return conn


def _clone(server_url: str, template_url: str) -> tuple[str, str]:
    name = f"qlue_demo{os.getpid()}_{next(_names)}"
    admin = _admin(server_url)
    with admin.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cur.execute(f'CREATE DATABASE "{name}" TEMPLATE "{make_url(template_url).database}"')
    admin.close()
    return name, make_url(server_url).set(database=name).render_as_string(hide_password=False)


def _drop(server_url: str, name: str) -> None:
    admin = _admin(server_url)
    with admin.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


@pytest.fixture(scope="module")
def fresh_city(pg_server_url, template_url):
    """Factory of fresh databases with the demo people, dropped at the end of the module."""
    made: list[tuple[str, object]] = []

    def make():
        name, url = _clone(pg_server_url, template_url)
        engine = make_engine(url)
        with engine.begin() as conn:
            seed_people(conn)
        made.append((name, engine))
        return engine

    yield make
    for name, engine in made:
        engine.dispose()
        _drop(pg_server_url, name)


@pytest.fixture(scope="module")
def seeded(fresh_city):
    engine = fresh_city()
    summary = seed_demo_reports(engine, reports=300, weeks=3, now=NOW, seed=11)
    return engine, summary


def rows(engine, sql: str, **params):
    with engine.connect() as conn:
        return conn.execute(text(sql), params).all()


def scalar(engine, sql: str, **params):
    with engine.connect() as conn:
        return conn.execute(text(sql), params).scalar_one()


# -- positions and texts -------------------------------------------------------------------------


def test_points_fall_inside_their_kelurahan_and_the_database_agrees(db_engine):
    rng = random.Random(3)
    points = [geo.random_point(rng) for _ in range(200)]
    assert all(geo.point_in_kelurahan(lat, lon, kel) for lat, lon, kel in points)
    with db_engine.connect() as conn:
        resolved = (
            conn.execute(
                text(
                    "SELECT qlue_resolve_kelurahan(lat, lon) FROM unnest(CAST(:lat AS float8[]), "
                    "CAST(:lon AS float8[])) WITH ORDINALITY u(lat, lon, n) ORDER BY n"
                ),
                {"lat": [p[0] for p in points], "lon": [p[1] for p in points]},
            )
            .scalars()
            .all()
        )
    agree = sum(code == kel.code for code, (_lat, _lon, kel) in zip(resolved, points, strict=True))
    assert agree >= 0.97 * len(points)  # boundary overlaps aside, the same kelurahan
    outside = [geo.random_outside_point(rng) for _ in range(30)]
    assert {town for _lat, _lon, town in outside} == {"Bekasi", "Depok", "Tangerang"}
    assert not any(
        geo.point_in_kelurahan(lat, lon, kelurahan)
        for lat, lon, _town in outside
        for kelurahan in geo.load_kelurahan()
    )


def test_ray_casting_on_a_square_with_a_hole():
    square = ((0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0), (0.0, 0.0))
    hole = ((1.0, 1.0), (3.0, 1.0), (3.0, 3.0), (1.0, 3.0), (1.0, 1.0))
    kel = geo.Kelurahan("x", "X", "", "", ((square, hole),), (0, 0, 4, 4), 12.0, 1.0)
    assert geo.point_in_kelurahan(0.5, 0.5, kel)
    assert not geo.point_in_kelurahan(2.0, 2.0, kel)  # in the hole
    assert not geo.point_in_kelurahan(5.0, 2.0, kel)


def test_positions_are_denser_in_the_centre_and_deterministic():
    draws = [geo.random_point(random.Random(9))[:2] for _ in range(2)]
    assert draws[0] == draws[1]
    rng = random.Random(5)
    per_kota = collections.Counter(geo.random_point(rng)[2].kota_code for _ in range(3000))
    area = collections.defaultdict(float)
    for kel in geo.load_kelurahan():
        area[kel.kota_code] += kel.area
    density = {k: per_kota[k] / area[k] for k in area}
    assert density["31.71"] > density["31.75"] > density["31.01"]
    assert per_kota["31.01"] < 0.01 * 3000


def test_texts_for_every_category_and_officials():
    rng = random.Random(1)
    for category in (
        "sampah",
        "saluran_tersumbat",
        "jalan_rusak",
        "banjir",
        "parkir_liar",
        "angkutan_ngetem",
        "pohon_tumbang",
        "pkl_liar",
        "lampu_jalan",
        "fasum_rusak",
        "air_bersih",
        "kabel_semrawut",
        "bangunan_liar",
        "sarang_nyamuk",
        "gelandangan",
    ):
        texts = {demo_text.report_text(category, rng, kelurahan="Gambir") for _ in range(20)}
        assert len(texts) > 5 and all(1 <= len(t) <= 5000 for t in texts)
        assert any("Jl. " in t or "Gang " in t for t in texts)
    note = demo_text.follow_up_note(
        "sampah", rng, official="ppsu.gambir", official_name="PPSU Gambir"
    )
    assert "PPSU Kelurahan Gambir" in note
    pool = demo_text.CitizenPool(random.Random(2), size=300)
    assert len(set(pool.handles)) == 300
    assert all(h.replace("_", "").replace(".", "").isalnum() for h in pool.handles)
    assert any("<img src=x onerror=alert(1)>" in t for t in demo_text.HOSTILE_TEXTS)


# -- the seeded history ---------------------------------------------------------------------------


def test_every_status_and_every_event_kind(seeded):
    engine, summary = seeded
    statuses = dict(rows(engine, "SELECT status, count(*) FROM reports GROUP BY status"))
    assert set(statuses) == STATUSES
    assert statuses == summary.statuses
    assert sum(statuses.values()) == summary.reports == 300
    kinds = dict(rows(engine, "SELECT kind, count(*) FROM events GROUP BY kind"))
    assert LIFECYCLE_KINDS <= set(kinds)
    # the recurrence rule's events are the database's own, written as the reports went in
    planned = {k: v for k, v in kinds.items() if k not in RULE_KINDS}
    assert planned == summary.event_kinds and sum(planned.values()) == summary.events
    assert kinds["recurrence"] == kinds["fix_came_back"] == summary.recurrences > 0
    assert scalar(engine, "SELECT count(*) FROM photos") == summary.photos
    assert scalar(engine, "SELECT count(*) FROM follow_ups") == summary.follow_ups
    assert set(summary.weak_proofs) == set(PROOF_KINDS) - {"good"}
    # Shares in the ranges the demo promises.
    assert 0.02 <= statuses["rejected"] / 300 <= 0.10
    assert 0.015 <= statuses["duplicate"] / 300 <= 0.08
    channels = dict(rows(engine, "SELECT channel, count(*) FROM reports GROUP BY channel"))
    assert set(channels) == {"app", "web", "sms", "social", "call_center"}
    assert channels["app"] == max(channels.values())


def test_the_places_reports_keep_coming_back_to(seeded):
    """The drain that floods every week and the parking corner (demo_plan_recurring): reports
    there come back after a closing, and the corner is a chronic spot at the end."""
    engine, summary = seeded
    came_back = rows(
        engine,
        "SELECT r.category_code, count(*) FROM recurrences x JOIN reports r ON r.id = x.report_id"
        " WHERE x.withdrawn_at IS NULL GROUP BY 1",
    )
    assert {"saluran_tersumbat", "parkir_liar"} <= {c for c, _ in came_back}
    spots = rows(engine, "SELECT category_code, reports FROM chronic_spots_at(:now)", now=NOW)
    assert ("parkir_liar" in {c for c, _ in spots}) and summary.chronic_spots == len(spots)
    assert all(n >= 4 for _, n in spots)


def test_timeline_invariants(seeded):
    engine, _ = seeded
    assert (
        scalar(
            engine,
            "SELECT count(*) FROM reports r WHERE NOT EXISTS (SELECT 1 FROM events e "
            "WHERE e.report_id = r.id AND e.kind = 'created' AND e.at = r.created_at)",
        )
        == 0
    )
    assert (
        scalar(
            engine,
            "SELECT count(*) FROM events e JOIN reports r ON r.id = e.report_id "
            "WHERE e.at < r.created_at OR e.at > :now",
            now=NOW,
        )
        == 0
    )
    # Events are numbered in time order, so a timeline by id reads the same as by time (the
    # recurrence rule's events are numbered as the database wrote them, after the plan's).
    assert (
        scalar(
            engine,
            "SELECT count(*) FROM (SELECT at, lag(at) OVER (ORDER BY id) AS prev FROM events"
            " WHERE kind NOT IN ('recurrence', 'fix_came_back', 'recurrence_withdrawn')) x "
            "WHERE at < prev",
        )
        == 0
    )
    assert (
        scalar(
            engine,
            "SELECT count(*) FROM reports r WHERE r.updated_at <> "
            "(SELECT max(at) FROM events e WHERE e.report_id = r.id"
            " AND e.kind NOT IN ('recurrence', 'fix_came_back', 'recurrence_withdrawn'))",
        )
        == 0
    )
    assert (
        scalar(
            engine,
            "SELECT count(*) FROM reports r WHERE r.version < (SELECT count(*) FROM events e "
            "WHERE e.report_id = r.id AND e.kind IN ('triaged', 'dispatched', 'follow_up', "
            "'rejected', 'merged', 'forwarded', 'escalated'))",
        )
        == 0
    )
    # The status is the one the last state-changing event says (the KPIs read it so).
    mismatched = rows(
        engine,
        """
        SELECT r.id, r.status, x.state FROM reports r CROSS JOIN LATERAL (
            SELECT CASE e.kind WHEN 'created' THEN 'new' WHEN 'triaged' THEN 'triaged'
                   WHEN 'dispatched' THEN CASE WHEN e.payload ? 'disposition' THEN 'disposition'
                       ELSE 'dispatched' END
                   WHEN 'forwarded' THEN 'coordination' WHEN 'follow_up' THEN 'followed_up'
                   WHEN 'proof_approved' THEN 'verified' WHEN 'closed' THEN 'verified'
                   WHEN 'proof_rejected' THEN 'reopened' WHEN 'reopened' THEN 'reopened'
                       WHEN 'rejected' THEN 'rejected'
                   WHEN 'merged' THEN CASE WHEN e.payload ? 'into' THEN 'duplicate' END END AS state
              FROM events e WHERE e.report_id = r.id
                  AND e.kind NOT IN ('escalated', 'mentioned', 'comment', 'claimed',
                                     'categorised', 'prioritised', 'recurrence', 'fix_came_back',
                                     'recurrence_withdrawn')
               AND NOT (e.kind = 'merged' AND e.payload ? 'duplicate')
             ORDER BY e.id DESC LIMIT 1) x
         WHERE x.state IS DISTINCT FROM r.status""",
    )
    assert mismatched == []
    # Stamps follow the states.
    assert (
        scalar(
            engine,
            "SELECT count(*) FROM reports WHERE status = 'verified' AND (closed_at IS NULL "
            "OR NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.report_id = reports.id "
            "AND f.verification = 'approved'))",
        )
        == 0
    )
    assert (
        scalar(
            engine,
            "SELECT count(*) FROM reports WHERE status IN ('new', 'triaged', 'dispatched', "
            "'coordination', 'disposition', 'followed_up', 'reopened') AND closed_at IS NOT NULL",
        )
        == 0
    )
    assert (
        scalar(
            engine,
            "SELECT count(*) FROM reports WHERE status NOT IN ('new') AND triaged_at IS NULL",
        )
        == 0
    )
    assert (
        scalar(
            engine,
            "SELECT count(*) FROM reports WHERE (dispatched_at IS NOT NULL) <> EXISTS "
            "(SELECT 1 FROM events e WHERE e.report_id = reports.id AND e.kind = 'dispatched')",
        )
        == 0
    )
    assert (
        scalar(
            engine,
            "SELECT count(*) FROM reports WHERE status = 'followed_up' AND NOT EXISTS (SELECT 1 "
            "FROM follow_ups f WHERE f.report_id = reports.id AND f.verification = 'pending')",
        )
        == 0
    )
    assert (
        scalar(
            engine,
            "SELECT count(*) FROM reports r WHERE status = 'rejected' AND (reject_reason IS NULL "
            "OR closed_at IS NULL)",
        )
        == 0
    )
    assert {
        r[0]
        for r in rows(
            engine, "SELECT DISTINCT reject_reason FROM reports WHERE status = 'rejected'"
        )
    } == {"spam", "out_of_scope", "incomplete", "outside_dki"}


def test_areas_duplicates_and_mentions(seeded):
    engine, _ = seeded
    # Areas as submit_report resolves them; outside points have no codes.
    assert (
        scalar(
            engine,
            "SELECT count(*) FROM reports WHERE kelurahan_code IS DISTINCT FROM "
            "qlue_resolve_kelurahan(lat, lon)",
        )
        == 0
    )
    assert (
        scalar(
            engine,
            "SELECT count(*) FROM reports r JOIN areas kel ON kel.code = r.kelurahan_code "
            "WHERE kel.parent_code <> r.kecamatan_code OR r.kota_code <> "
            "(SELECT parent_code FROM areas WHERE code = r.kecamatan_code)",
        )
        == 0
    )
    outside = rows(
        engine,
        "SELECT kelurahan_code, kecamatan_code, kota_code, status FROM reports "
        "WHERE outside_jurisdiction",
    )
    assert outside and all(r[:3] == (None, None, None) for r in outside)
    assert (
        scalar(
            engine,
            "SELECT count(*) FROM reports WHERE outside_jurisdiction <> (kelurahan_code IS NULL)",
        )
        == 0
    )
    # Duplicates point at an earlier, nearby report of the same category that follows their citizen.
    dups = rows(
        engine,
        """
        SELECT d.id, o.id, d.category_code = o.category_code, o.created_at < d.created_at,
               d.citizen_handle = ANY (o.followers), o.status NOT IN ('rejected', 'duplicate'),
               abs(d.lat - o.lat) < 0.002 AND abs(d.lon - o.lon) < 0.002
          FROM reports d JOIN reports o ON o.id = d.duplicate_of WHERE d.status = 'duplicate'""",
    )
    assert dups and all(all(r[2:]) for r in dups)
    assert (
        scalar(
            engine,
            "SELECT count(*) FROM reports WHERE (status = 'duplicate') <> (duplicate_of IS NOT "
            "NULL)",
        )
        == 0
    )
    # Due times are the database's own rule, and the report's is its earliest open mention.
    assert (
        scalar(
            engine,
            "SELECT count(*) FROM mentions m JOIN reports r ON r.id = m.report_id "
            "JOIN categories c ON c.code = r.category_code "
            "WHERE m.due_at <> qlue_due_at(m.mentioned_at, c.sla_hours, c.sla_mode)",
        )
        == 0
    )
    assert (
        scalar(
            engine,
            "SELECT count(*) FROM reports r WHERE r.due_at IS DISTINCT FROM "
            "(SELECT min(due_at) FROM mentions m WHERE m.report_id = r.id AND m.state = 'open')",
        )
        == 0
    )
    assert (
        scalar(
            engine,
            "SELECT count(*) FROM events e CROSS JOIN jsonb_array_elements(e.payload->'mentions') "
            "x JOIN mentions m ON m.event_id = e.id AND m.account_id = (x->>'account')::int "
            "WHERE e.kind = 'dispatched' AND m.due_at <> (x->>'due_at')::timestamptz",
        )
        == 0
    )
    # Routing: every dispatch mentions the lurah of the kelurahan and the category's agency head.
    assert (
        scalar(
            engine,
            """
        SELECT count(*) FROM events e JOIN reports r ON r.id = e.report_id
         WHERE e.kind = 'dispatched' AND NOT e.payload ? 'disposition' AND NOT (
               EXISTS (SELECT 1 FROM mentions m JOIN accounts a ON a.id = m.account_id
                        WHERE m.event_id = e.id AND a.kind = 'lurah'
                            AND a.area_code = r.kelurahan_code)
           AND EXISTS (SELECT 1 FROM mentions m JOIN accounts a ON a.id = m.account_id
               JOIN categories c
                         ON c.code = r.category_code WHERE m.event_id = e.id AND a.is_head
                             AND a.agency_code = c.agency_code))
        """,
        )
        == 0
    )
    assert (
        scalar(
            engine,
            "SELECT count(*) FROM events e JOIN reports r ON r.id = e.report_id "
            "WHERE e.kind = 'dispatched' AND r.category_code = 'banjir' "
            "AND NOT e.payload ? 'disposition' AND NOT EXISTS (SELECT 1 FROM mentions m "
            "JOIN accounts a ON a.id = m.account_id WHERE m.event_id = e.id AND a.kind = 'camat')",
        )
        == 0
    )
    states = {r[0] for r in rows(engine, "SELECT DISTINCT state FROM mentions")}
    assert states == {"open", "resolved", "forwarded", "escalated", "closed"}
    # Escalation: the overdue mention is 'escalated', its event names the next level.
    assert (
        scalar(
            engine,
            "SELECT count(*) FROM mentions m WHERE m.state = 'escalated' AND NOT EXISTS (SELECT 1 "
            "FROM events e WHERE e.kind = 'escalated' AND (e.payload->>'mention')::bigint = m.id "
            "AND e.at > m.due_at)",
        )
        == 0
    )
    levels = {
        r[0]
        for r in rows(
            engine, "SELECT DISTINCT payload->>'level' FROM events WHERE kind = 'escalated'"
        )
    }
    assert {"camat", "walikota"} <= levels
    assert (
        scalar(
            engine,
            "SELECT count(*) FROM (SELECT report_id FROM events WHERE kind = 'forwarded' "
            "GROUP BY report_id HAVING count(*) > 1) x",
        )
        >= 1
    )
    targets = {
        r[0]
        for r in rows(
            engine,
            "SELECT a.kind FROM events e CROSS JOIN jsonb_array_elements(e.payload->'to') t "
            "JOIN accounts a ON a.handle = t->>'handle' WHERE e.kind = 'forwarded'",
        )
    }
    assert targets & {"lurah", "agency", "external"}
    # Reopened by citizens, with a fresh mention.
    assert (
        scalar(
            engine,
            "SELECT count(*) FROM events WHERE kind = 'reopened' AND actor LIKE 'citizen:%' "
            "AND payload->>'by' = 'citizen'",
        )
        >= 1
    )
    assert (
        scalar(
            engine,
            "SELECT count(*) FROM reports r WHERE status = 'reopened' AND NOT EXISTS (SELECT 1 "
            "FROM mentions m WHERE m.report_id = r.id AND m.state = 'open')",
        )
        == 0
    )


def test_recent_reports_keep_every_queue_busy(seeded):
    engine, _ = seeded
    recent = dict(
        rows(
            engine,
            "SELECT status, count(*) FROM reports WHERE created_at > :since GROUP BY status",
            since=NOW - timedelta(days=3),
        )
    )
    assert {"new", "triaged", "dispatched", "followed_up"} <= set(recent)
    assert (
        scalar(
            engine,
            "SELECT count(*) FROM reports WHERE status = 'new' AND created_at < :since",
            since=NOW - timedelta(days=4),
        )
        == 0
    )
    assert scalar(engine, "SELECT count(*) FROM follow_ups WHERE verification = 'pending'") >= 1
    assert (
        scalar(
            engine, "SELECT count(*) FROM mentions WHERE state = 'open' AND due_at < :now", now=NOW
        )
        >= 1
    )
    assert (
        scalar(
            engine, "SELECT count(*) FROM mentions WHERE state = 'open' AND due_at > :now", now=NOW
        )
        >= 1
    )
    # Timestamps follow the daily rhythm: most reports arrive 07-22 WIB.
    hours = rows(
        engine,
        "SELECT extract(hour FROM created_at AT TIME ZONE 'Asia/Jakarta')::int, count(*) "
        "FROM reports GROUP BY 1",
    )
    busy = sum(n for h, n in hours if 7 <= h < 22)
    assert busy > 0.75 * 300


def test_photos_point_at_their_follow_ups_and_carry_the_contract_metadata(seeded):
    engine, _ = seeded
    assert (
        scalar(
            engine,
            "SELECT count(*) FROM follow_ups f LEFT JOIN photos p ON p.id = f.photo_id "
            "WHERE p.id IS NULL OR p.follow_up_id <> f.id OR p.kind <> 'proof' "
            "OR p.report_id <> f.report_id",
        )
        == 0
    )
    assert (
        scalar(
            engine,
            "SELECT count(*) FROM photos WHERE kind = 'proof' AND NOT EXISTS "
            "(SELECT 1 FROM follow_ups f WHERE f.photo_id = photos.id)",
        )
        == 0
    )
    assert (
        scalar(
            engine,
            "SELECT count(*) FROM reports r WHERE NOT EXISTS (SELECT 1 FROM photos p "
            "WHERE p.report_id = r.id AND p.kind = 'report' AND p.created_at = r.created_at)",
        )
        == 0
    )
    assert (
        scalar(engine, "SELECT count(*) FROM photos WHERE sha256 <> encode(sha256(data), 'hex')")
        == 0
    )
    sample = rows(
        engine,
        "SELECT data, phash, width, height, mime, gps_lat, gps_lon, taken_at FROM photos "
        "ORDER BY id LIMIT 25",
    )
    for data, phash, width, height, mime, lat, lon, taken in sample:
        meta = describe_photo(bytes(data))
        assert (meta.phash, meta.width, meta.height, meta.mime) == (phash, width, height, mime)
        assert (meta.gps_lat, meta.gps_lon, meta.taken_at) == (lat, lon, taken)
    # Citizens' photos are taken minutes before the report, near the place.
    far = rows(
        engine,
        "SELECT count(*) FROM photos p JOIN reports r ON r.id = p.report_id "
        "WHERE p.kind = 'report' AND p.created_at = r.created_at AND (p.taken_at > r.created_at "
        "OR p.taken_at < r.created_at - interval '1 hour' OR abs(p.gps_lat - r.lat) > 0.001)",
    )
    assert far[0][0] == 0


def _distance(a_lat, a_lon, b_lat, b_lon) -> float:
    return haversine_m(a_lat, a_lon, b_lat, b_lon)  # as the verifier's far-from-report check


def test_weak_proofs_of_every_kind(seeded):
    engine, _ = seeded
    proofs = rows(
        engine,
        """
        SELECT f.id, f.report_id, p.sha256, p.phash, p.mime, p.gps_lat, p.gps_lon, p.taken_at,
               p.exif, p.data, r.lat, r.lon, r.created_at, f.submitted_at, f.verification, f.reason
          FROM follow_ups f JOIN photos p ON p.id = f.photo_id
          JOIN reports r ON r.id = f.report_id""",
    )
    citizen = {
        r[0]: (r[1], r[2])
        for r in rows(
            engine,
            "SELECT DISTINCT ON (report_id) report_id, sha256, phash "
            "FROM photos WHERE kind = 'report' ORDER BY report_id, id",
        )
    }
    with_gps = [p for p in proofs if p[5] is not None]
    good = [
        p
        for p in with_gps
        if _distance(p[5], p[6], p[10], p[11]) <= 60
        and timedelta(0) <= p[13] - p[7] <= timedelta(hours=1)
    ]
    assert len(good) > 0.6 * len(proofs)  # most proofs are good
    assert any(_distance(p[5], p[6], p[10], p[11]) > 500 for p in with_gps)  # far from the report
    assert any(
        p[7] < p[12] and p[13] - p[7] < timedelta(days=5) for p in with_gps
    )  # taken before the report
    assert any(p[13] - p[7] > timedelta(days=14) for p in with_gps)  # stale
    assert any(p[4] == "image/png" for p in proofs)  # a screenshot
    assert any(p[4] == "image/jpeg" and p[5] is None and p[7] is None for p in proofs)  # no EXIF
    # The citizen's own photo re-posted: close to the report's photo by pHash, other bytes.
    assert any(p[2] != citizen[p[1]][0] and hamming(p[3], citizen[p[1]][1]) <= 8 for p in proofs)
    # The same proof for two reports, and (the JAKI case) a copy with a date drawn on it.
    by_sha = collections.defaultdict(set)
    for p in proofs:
        by_sha[p[2]].add(p[1])
    assert any(len(reports) >= 2 for reports in by_sha.values())
    located = [p for p in proofs if p[5] is not None and p[4] == "image/jpeg"]
    assert any(
        a[1] != b[1]
        and a[2] != b[2]
        and hamming(a[3], b[3]) <= 10
        and (a[5], a[6], a[7]) == (b[5], b[6], b[7])  # the copy kept the EXIF
        for a, b in itertools.combinations(located, 2)
    )

    # Poor quality: a dark one and a blurred one.
    def brightness(data: bytes) -> float:
        return ImageStat.Stat(Image.open(io.BytesIO(data)).convert("L")).mean[0]

    def sharpness(data: bytes) -> float:
        image = Image.open(io.BytesIO(data)).convert("L")
        return ImageStat.Stat(image.filter(ImageFilter.FIND_EDGES)).mean[0]

    jpegs = [bytes(p[9]) for p in proofs if p[4] == "image/jpeg"]
    assert any(brightness(d) < 30 for d in jpegs)
    typical = sorted(sharpness(d) for d in jpegs[:40])[20]
    assert any(sharpness(d) < typical / 3 and brightness(d) > 60 for d in jpegs)
    # Self-resolved: the official who followed up reports as the citizen.
    assert (
        scalar(
            engine,
            "SELECT count(*) FROM follow_ups f JOIN reports r ON r.id = f.report_id "
            "JOIN accounts a ON a.id = f.account_id WHERE r.citizen_handle = ANY "
            "(a.citizen_handles)",
        )
        >= 1
    )
    # Weak proofs are mostly rejected with a reason code, which reopens and re-mentions.
    reasons = {p[15] for p in proofs if p[14] == "rejected"}
    assert {"wrong_place", "old_photo", "reused_photo", "unreadable", "other"} <= reasons
    assert (
        scalar(
            engine,
            "SELECT count(*) FROM events e WHERE e.kind = 'proof_rejected' AND NOT EXISTS "
            "(SELECT 1 FROM mentions m WHERE m.event_id = e.id)",
        )
        == 0
    )
    assert set(WEAK_KINDS) < set(PROOF_KINDS)


def test_citizens_texts_with_markup_are_kept_as_they_were_written(seeded):
    engine, _ = seeded
    texts = {r[0] for r in rows(engine, "SELECT text FROM reports WHERE text LIKE '%<%'")}
    assert any("<img src=x onerror=alert(1)>" in t for t in texts)
    assert any("<script>" in t for t in texts)


def test_seeding_is_deterministic_and_a_second_run_adds_more(fresh_city):
    def dump(engine):
        return (
            rows(
                engine,
                "SELECT id, channel, external_id, citizen_handle, text, category_code, lat, lon, "
                "status, priority, created_at, closed_at, due_at, duplicate_of, followers, version "
                "FROM reports ORDER BY id",
            ),
            rows(engine, "SELECT id, report_id, at, actor, kind, payload FROM events ORDER BY id"),
            rows(
                engine,
                "SELECT id, report_id, account_id, event_id, due_at, state FROM mentions "
                "ORDER BY id",
            ),
            rows(
                engine, "SELECT id, report_id, follow_up_id, sha256, phash FROM photos ORDER BY id"
            ),
            rows(
                engine,
                "SELECT id, report_id, account_id, note, verification, reason FROM follow_ups "
                "ORDER BY id",
            ),
        )

    a, b = fresh_city(), fresh_city()
    first = seed_demo_reports(a, reports=120, weeks=2, now=NOW, seed=5)
    second = seed_demo_reports(b, reports=120, weeks=2, now=NOW, seed=5)
    assert first.statuses == second.statuses and first.run_id == second.run_id == "demo1"
    assert dump(a) == dump(b)
    again = seed_demo_reports(a, reports=50, weeks=2, now=NOW, seed=5)
    assert again.run_id == "demo2"
    assert scalar(a, "SELECT count(*) FROM reports") == 170
    assert scalar(a, "SELECT count(DISTINCT external_id) FROM reports") == 170
    assert scalar(a, "SELECT count(*) FROM reports WHERE external_id LIKE 'demo2-%'") == 50
    other = {r[4] for r in rows(a, "SELECT * FROM reports WHERE external_id LIKE 'demo2-%'")}
    assert other != {
        r[4] for r in rows(a, "SELECT * FROM reports WHERE external_id LIKE 'demo1-%' LIMIT 50")
    }


def test_seeding_needs_the_people(db_engine):
    with pytest.raises(RuntimeError, match="people"):
        seed_demo_reports(db_engine, reports=10, weeks=1, now=NOW)
