"""Writing a demo plan's rows, as the database owner in the caller's transaction.

Ids come from the tables' own sequences, handed out in the order of time; reports, events,
mentions (due times computed by the database's ``qlue_due_at``, a warning where they differ
from the plan's) and follow-ups go in with ``execute_values``; the photos go in with COPY, in
chunks, as the worker processes of ``demo_photos`` deliver them (they start drawing before
the first row is written); then the follow-ups are linked to their proof photos and each
report gets the earliest due time of its open mentions.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any, TypeVar

from psycopg2.extras import execute_values
from sqlalchemy import Connection

from qlue_console.seed.demo_model import Photo, Row
from qlue_console.seed.demo_photos import rendered_photos
from qlue_console.seed.demo_plan import Planner

AnyRow = TypeVar("AnyRow", bound=Row)

log = logging.getLogger(__name__)

# Events that leave a report's version as it was.
BUMPLESS = frozenset({"created", "claimed", "released", "comment"})


def _json(value: Any) -> str:
    def default(o: Any) -> Any:
        if isinstance(o, Row):
            return o.id
        if isinstance(o, datetime):
            return o.isoformat()
        if isinstance(o, date):
            return o.isoformat()
        raise TypeError(f"cannot store {type(o).__name__} in a payload")

    return json.dumps(value, default=default, ensure_ascii=False)


def _id(row: Row) -> int:
    """A row's id, given by ``_allocate`` before anything is written."""
    assert row.id is not None
    return row.id


def _allocate(cur, table: str, rows: Iterable[AnyRow]) -> None:
    rows = list(rows)
    if not rows:
        return
    cur.execute(
        f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, %s)",
        (len(rows),),
    )
    for row, (new_id,) in zip(rows, sorted(cur.fetchall()), strict=True):
        row.id = new_id


def write_plan(
    conn: Connection,
    p: Planner,
    processes: int,
    progress: Callable[[int, int], None] | None,
    total: int,
) -> None:
    # Start drawing photos first: the workers draw while the rows are written.
    photos_by_job: dict[tuple, list[Photo]] = defaultdict(list)
    for photo in p.photos:
        photos_by_job[photo.job].append(photo)
    rendered = rendered_photos(list(photos_by_job), processes)
    try:
        _write_rows(conn, p, photos_by_job, rendered, progress, total)
    finally:
        rendered.close()


@contextmanager
def _timed(label: str) -> Iterator[None]:
    started = time.monotonic()
    yield
    log.debug("demo seed: %s in %.2f s", label, time.monotonic() - started)


def _write_rows(
    conn: Connection,
    p: Planner,
    photos_by_job: dict[tuple, list[Photo]],
    rendered: Iterator[tuple[tuple, bytes, dict]],
    progress: Callable[[int, int], None] | None,
    total: int,
) -> None:
    driver = conn.connection.driver_connection
    if driver is None:
        raise RuntimeError("the demo seed's connection is closed")
    cur = driver.cursor()
    with _timed("ids"):
        _allocate(cur, "reports", p.reports)
        _allocate(cur, "events", sorted(p.events, key=lambda e: (e.at, e.seq)))
        _allocate(cur, "mentions", sorted(p.mentions, key=lambda m: (m.mentioned_at, m.seq)))
        _allocate(cur, "follow_ups", sorted(p.follow_ups, key=lambda f: (f.submitted_at, f.seq)))
        _allocate(cur, "photos", sorted(p.photos, key=lambda ph: (ph.created_at, ph.seq)))
    with _timed("reports"):
        report_rows = []
        for r in p.reports:
            bumps = sum(1 for e in r.events if e.kind not in BUMPLESS)
            report_rows.append(
                (
                    r.id,
                    r.channel,
                    r.external_id,
                    r.citizen,
                    r.text,
                    r.category,
                    r.lat,
                    r.lon,
                    r.kel,
                    r.kec,
                    r.kota,
                    r.outside,
                    r.status,
                    r.priority,
                    r.reported_at,
                    r.created_at,
                    max(e.at for e in r.events),
                    r.triaged_at,
                    r.dispatched_at,
                    r.followed_up_at,
                    r.closed_at,
                    r.duplicate_of.id if r.duplicate_of else None,
                    r.followers,
                    r.reject_reason,
                    1 + bumps,
                )
            )
        execute_values(
            cur,
            (
                "INSERT INTO reports (id, channel, external_id, citizen_handle, text, "
                "category_code, lat, lon, kelurahan_code, kecamatan_code, kota_code, "
                "outside_jurisdiction, status, priority, reported_at, created_at, updated_at, "
                "triaged_at, dispatched_at, followed_up_at, closed_at, duplicate_of, followers, "
                "reject_reason, version) VALUES %s"
            ),
            report_rows,
            page_size=1000,
        )
    with _timed("events"):
        execute_values(
            cur,
            "INSERT INTO events (id, report_id, at, actor, kind, payload) VALUES %s",
            [
                (e.id, e.report.id, e.at, e.actor, e.kind, _json(e.payload))
                for e in sorted(p.events, key=_id)
            ],
            template="(%s, %s, %s, %s, %s, CAST(%s AS jsonb))",
            page_size=2000,
        )
    with _timed("mentions"):
        categories = p.city.categories
        execute_values(
            cur,
            (
                "INSERT INTO mentions (id, report_id, account_id, event_id, mentioned_at, due_at, "
                "resolved_at, state) VALUES %s"
            ),
            [
                (
                    m.id,
                    m.report.id,
                    m.account.id,
                    m.event.id if m.event else None,
                    m.mentioned_at,
                    m.mentioned_at,
                    categories[m.report.category].sla_hours,
                    categories[m.report.category].sla_mode,
                    m.resolved_at,
                    m.state,
                )
                for m in p.mentions
            ],
            template="(%s, %s, %s, %s, %s, qlue_due_at(%s, %s, %s), %s, %s)",
            page_size=2000,
        )
    with _timed("follow-ups"):
        execute_values(
            cur,
            (
                "INSERT INTO follow_ups (id, report_id, account_id, external_id, note, "
                "submitted_at, verification, verifier, verified_at, reason, reason_note) VALUES %s"
            ),
            [
                (
                    f.id,
                    f.report.id,
                    f.account.id,
                    f.external_id,
                    f.note,
                    f.submitted_at,
                    f.verification,
                    f.verifier,
                    f.verified_at,
                    f.reason,
                    f.reason_note,
                )
                for f in p.follow_ups
            ],
            page_size=2000,
        )
    with _timed("photos"):
        _copy_photos(cur, photos_by_job, rendered, progress, len(p.reports), total)
    with _timed("links and due times"):
        execute_values(
            cur,
            "UPDATE follow_ups f SET photo_id = v.photo FROM (VALUES %s) AS v(id, photo) "
            "WHERE f.id = v.id",
            [(f.id, f.photo.id) for f in p.follow_ups if f.photo],
            template="(%s::bigint, %s::bigint)",
            page_size=5000,
        )
        cur.execute(
            "UPDATE reports r SET due_at = (SELECT min(m.due_at) FROM mentions m "
            "WHERE m.report_id = r.id AND m.state = 'open') WHERE r.id = ANY(%s)",
            ([r.id for r in p.reports],),
        )
        planned = {m.id: m.due_at for m in p.mentions}
        cur.execute("SELECT id, due_at FROM mentions WHERE id = ANY(%s)", (list(planned),))
        drift = sum(1 for mid, due in cur.fetchall() if due != planned[mid])
        if drift:
            log.warning("%d mention due times differ between the plan and qlue_due_at", drift)


def _copy_field(value: Any) -> str:
    """A value in COPY's text format."""
    if value is None:
        return "\\N"
    if isinstance(value, (bytes, bytearray)):
        return "\\\\x" + value.hex()
    if isinstance(value, datetime):
        return value.isoformat()
    text_value = str(value)
    return (
        text_value.replace("\\", "\\\\")
        .replace("\t", "\\t")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
    )


def _copy_photos(
    cur,
    photos_by_job: dict[tuple, list[Photo]],
    rendered: Iterator[tuple[tuple, bytes, dict]],
    progress: Callable[[int, int], None] | None,
    done: int,
    total: int,
) -> None:
    """Photos go in with COPY, in chunks, as the workers deliver them."""
    columns = (
        "id, report_id, follow_up_id, kind, data, mime, sha256, phash, width, height, exif, "
        "taken_at, gps_lat, gps_lon, created_at"
    )
    lines: list[str] = []

    def flush() -> None:
        if lines:
            cur.copy_expert(f"COPY photos ({columns}) FROM STDIN", io.StringIO("".join(lines)))
            lines.clear()
            if progress:
                progress(done, total)

    for job, data, meta in rendered:
        sha = hashlib.sha256(data).hexdigest()
        exif = (
            json.dumps(meta["exif"], ensure_ascii=False) if meta.get("exif") is not None else None
        )
        for ph in photos_by_job[job]:
            row = (
                ph.id,
                ph.report.id,
                ph.follow_up.id if ph.follow_up else None,
                ph.kind,
                data,
                meta.get("mime"),
                sha,
                meta.get("phash"),
                meta.get("width"),
                meta.get("height"),
                exif,
                meta.get("taken_at"),
                meta.get("gps_lat"),
                meta.get("gps_lon"),
                ph.created_at,
            )
            lines.append("\t".join(_copy_field(v) for v in row) + "\n")
            done += 1
        if len(lines) >= 400:
            flush()
    flush()
