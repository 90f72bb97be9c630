"""Hostile input for the channel contract, shared by the bounded CI run
(tests/access/test_fuzz_contract.py) and the long campaign (bench/fuzz_contract.py).

Every call either succeeds with valid input or is refused with a ContractError (through the
Python wrappers) or a SQLSTATE the wrappers turn into one (through the raw SQL functions);
after every call the database must hold no partial write: every report has exactly one
'created' event, every photo belongs to a report, every follow-up has its proof photo, and a
refused call changed no count.
"""

from __future__ import annotations

import functools
import io
import json
from dataclasses import dataclass, field
from datetime import UTC, timedelta, timezone

import psycopg2
from hypothesis import strategies as st

from qlue_console.db import contract
from qlue_console.db.errors import ContractError

CHANNELS = ("app", "web", "sms", "social", "call_center")
CATEGORIES = ("sampah", "jalan_rusak", "banjir", "pohon_tumbang")
# What translated_errors makes a ContractError; QC010: an external_id used before with other
# content.
CONTRACT_SQLSTATES = frozenset({"22023", "22021", "22P05", "54000", "QC010"})
CITIZEN = "warga_fuzz"
OFFICIAL = "lurah.gambir"

# --- photos ----------------------------------------------------------------------------------


@functools.cache
def real_jpeg(seed: int) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (96, 64), ((seed * 40) % 256, (seed * 90) % 256, 120))
    ImageDraw.Draw(image).rectangle([seed % 50, 5, seed % 50 + 30, 40], fill=(250, 200, 10))
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=80)
    return buf.getvalue()


MAGIC = (
    b"\xff\xd8\xff",
    b"\x89PNG\r\n\x1a\n",
    b"RIFF\x00\x00\x00\x00WEBP",
    b"\x00\x00\x00\x18ftypheic",
    b"GIF89a",
)


@st.composite
def damaged_image(draw) -> bytes:
    """A real JPEG cut, flipped or with a foreign header: sniffs as an image, decodes badly."""
    data = bytearray(real_jpeg(draw(st.integers(0, 5))))
    how = draw(st.sampled_from(["cut", "flip", "magic", "zeros"]))
    if how == "cut":
        return bytes(data[: draw(st.integers(0, len(data)))])
    if how == "flip":
        for _ in range(draw(st.integers(1, 20))):
            i = draw(st.integers(0, len(data) - 1))
            data[i] = draw(st.integers(0, 255))
        return bytes(data)
    if how == "magic":
        return draw(st.sampled_from(MAGIC)) + draw(st.binary(max_size=400))
    return bytes(data[:20]) + b"\x00" * draw(st.integers(0, 5000))


photos = st.one_of(
    st.none(),
    st.binary(max_size=600),
    damaged_image(),
    st.integers(0, 5).map(real_jpeg),
)
wrong_photos = st.one_of(
    st.text(max_size=20),
    st.integers(),
    st.lists(st.integers(0, 255), max_size=5),
    st.floats(allow_nan=True),
)

# --- text and numbers ------------------------------------------------------------------------

huge_texts = st.builds(
    lambda ch, n: ch * n,
    st.characters(exclude_categories=["Cs"]),
    st.sampled_from([4999, 5000, 5001, 20_000, 300_000]),
)
texts = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "a\x00b",
            "\t\n",
            "'; DROP TABLE reports; --",
            "\\",
            "%",
            "\u202e",
            "🙂" * 3,
            "\ufeff",
            "\udcff".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
        ]
    ),
    huge_texts,
)
sql_texts = texts.filter(lambda s: "\x00" not in s)  # libpq cannot send a NUL in a text parameter
wrong_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**200), 2**200),
    st.floats(allow_nan=True),
    st.binary(max_size=8),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
coordinates = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(-6.37, -6.08),
    st.floats(106.68, 106.98),  # inside Jakarta: these succeed
    st.integers(-(10**300), 10**300),
    st.sampled_from([90, -90, 180, -180, 90.0000001, 1e308, -0.0, 5e-324]),
)
jakarta_lat, jakarta_lon = st.floats(-6.25, -6.12), st.floats(106.75, 106.92)

times = st.one_of(
    st.none(),
    st.datetimes(
        timezones=st.one_of(
            st.none(),
            st.just(UTC),
            st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m))),
        )
    ),
)

json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**20), 10**20),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=20),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
META_KEYS = ("mime", "phash", "width", "height", "exif", "taken_at", "gps_lat", "gps_lon")
photo_meta = st.one_of(
    st.none(),
    st.dictionaries(
        st.sampled_from(META_KEYS),
        st.one_of(
            json_values,
            st.sampled_from(
                [
                    "abc",
                    "1e30",
                    "9223372036854775808",
                    "2020-13-45",
                    "99999-01-01",
                    "now",
                    "infinity",
                    "NaN",
                    "\u0000",
                    "2020-01-01 Mars/Olympus",
                ]
            ),
        ),
        max_size=5,
    ),
    json_values,
).map(lambda v: None if v is None else json.dumps(v))

# --- the state of the database -----------------------------------------------------------------

COUNTS = """SELECT (SELECT count(*) FROM reports), (SELECT count(*) FROM photos),
                   (SELECT count(*) FROM events), (SELECT count(*) FROM follow_ups),
                   (SELECT count(*) FROM mentions)"""
BROKEN = {
    "reports without exactly one 'created' event": (
        "SELECT count(*) FROM reports r WHERE (SELECT count(*) FROM events e "
        "WHERE e.report_id = r.id AND e.kind = 'created') <> 1"
    ),
    "photos without a report": "SELECT count(*) FROM photos p WHERE p.report_id IS NULL "
    "OR NOT EXISTS (SELECT 1 FROM reports r WHERE r.id = p.report_id)",
    "follow-ups without their proof photo": (
        "SELECT count(*) FROM follow_ups f WHERE NOT EXISTS (SELECT 1 FROM photos p "
        "WHERE p.id = f.photo_id AND p.follow_up_id = f.id AND p.kind = 'proof')"
    ),
    "proof photos without a follow-up": "SELECT count(*) FROM photos p WHERE p.kind = 'proof' "
    "AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.id = p.follow_up_id)",
    "reports whose text breaks the contract": (
        "SELECT count(*) FROM reports WHERE length(text) NOT BETWEEN 1 AND 5000 "
        "OR btrim(text) = '' OR lat = 'NaN' OR lon = 'NaN'"
    ),
}


@dataclass(frozen=True)
class Snapshot:
    reports: int
    photos: int
    events: int
    follow_ups: int
    mentions: int


def snapshot(cursor) -> Snapshot:
    cursor.execute(COUNTS)
    return Snapshot(*cursor.fetchone())


def assert_consistent(cursor) -> None:
    problems = []
    for what, sql in BROKEN.items():
        cursor.execute(sql)
        if (n := cursor.fetchone()[0]) != 0:
            problems.append(f"{n} {what}")
    assert not problems, "; ".join(problems)


@dataclass
class Target:
    """A database with the demo people: ``engine`` and ``raw`` are signed in as a channel,
    ``cursor`` is the owner's (autocommit) for the counts."""

    engine: object
    raw: object
    cursor: object
    reports: list[int] = field(default_factory=list)
    outcomes: dict[str, int] = field(default_factory=lambda: {"accepted": 0, "refused": 0})


def prepare(target: Target) -> Target:
    """Reports to aim follow-ups and reopenings at: one new, one followed up (reopenable)."""
    cur = target.cursor
    cur.execute(
        "SELECT submit_report('app', 'fuzz-base-1', %s, 'Sampah', 'sampah', -6.1754, 106.8272)",
        (CITIZEN,),
    )
    first = cur.fetchone()[0]
    cur.execute(
        "SELECT submit_report('app', 'fuzz-base-2', %s, 'Banjir', 'banjir', -6.1588, 106.9056)",
        (CITIZEN,),
    )
    second = cur.fetchone()[0]
    cur.execute("SELECT submit_follow_up(%s, %s, 'beres', %s)", (second, OFFICIAL, real_jpeg(1)))
    target.reports = [first, second]
    return target


# --- one call, checked ---------------------------------------------------------------------------


def through_wrapper(t: Target, call) -> object:
    """Runs a wrapper call in its own transaction: an int back, or a ContractError and nothing
    written."""
    before = snapshot(t.cursor)
    try:
        with t.engine.begin() as conn:
            result = call(conn)
    except ContractError as exc:
        assert exc.field and str(exc) and "\n" not in exc.field
        assert snapshot(t.cursor) == before, f"refused ({exc}) but something was written"
        assert_consistent(t.cursor)
        t.outcomes["refused"] += 1
        return exc
    assert isinstance(result, int) and not isinstance(result, bool)
    assert_consistent(t.cursor)
    t.outcomes["accepted"] += 1
    return result


def through_sql(t: Target, sql: str, params) -> object:
    """Runs a raw SQL call: an int back, or a contract SQLSTATE and nothing written."""
    before = snapshot(t.cursor)
    try:
        with t.raw.cursor() as cur:
            cur.execute(sql, params)
            result = cur.fetchone()[0]
        t.raw.commit()
    except psycopg2.Error as exc:
        t.raw.rollback()
        assert exc.pgcode in CONTRACT_SQLSTATES, f"{exc.pgcode}: {exc}"
        assert snapshot(t.cursor) == before, f"refused ({exc.pgcode}) but something was written"
        assert_consistent(t.cursor)
        t.outcomes["refused"] += 1
        return exc
    assert isinstance(result, int)
    assert_consistent(t.cursor)
    t.outcomes["accepted"] += 1
    return result


# --- the four campaigns ------------------------------------------------------------------------
# Argument types kept to what the wrappers check (see test_wrong_argument_types_the_wrappers_miss).

_VALID_REPORT = {
    "channel": st.sampled_from(CHANNELS),
    "external_id": st.uuids().map(str),
    "citizen": st.just(CITIZEN),
    "text_": st.one_of(
        st.just("Jalan berlubang besar"), st.text(min_size=1, max_size=80).filter(str.strip)
    ),
    "category": st.sampled_from(CATEGORIES),
    "lat": jakarta_lat,
    "lon": jakarta_lon,
    "photo": st.one_of(st.none(), st.integers(0, 5).map(real_jpeg)),
    "reported_at": times,
}
_HOSTILE_REPORT = {
    "channel": st.one_of(texts, wrong_scalars),
    "external_id": st.one_of(texts, wrong_scalars),
    "citizen": st.one_of(texts, wrong_scalars),
    "text_": st.one_of(texts, wrong_scalars),
    "category": st.one_of(texts, wrong_scalars),
    "lat": st.one_of(coordinates, wrong_scalars),
    "lon": st.one_of(coordinates, wrong_scalars),
    "photo": st.one_of(photos, wrong_photos),
    "reported_at": times,
}


@st.composite
def _reports(draw, valid: dict, hostile: dict):
    """A valid report with none, one or several fields made hostile (so both paths are common)."""
    args = {k: draw(v) for k, v in valid.items()}
    for key in draw(st.lists(st.sampled_from(sorted(hostile)), max_size=len(hostile), unique=True)):
        args[key] = draw(hostile[key])
    return args


wrapper_reports = _reports(_VALID_REPORT, _HOSTILE_REPORT)


def submit_report_wrapper(t: Target, args: dict) -> None:
    before = snapshot(t.cursor)
    result = through_wrapper(t, lambda conn: contract.submit_report(conn, **args))
    if isinstance(result, int):
        after = snapshot(t.cursor)
        new = after.reports - before.reports
        assert new in (0, 1) and after.events - before.events == new
        assert after.photos - before.photos == (new if args["photo"] is not None else 0)


_RAW_ORDER = (
    "channel",
    "external_id",
    "citizen",
    "text_",
    "category",
    "lat",
    "lon",
    "photo",
    "meta",
    "reported_at",
)
_RAW_HOSTILE = {
    "channel": st.one_of(sql_texts, st.none()),
    "external_id": st.one_of(sql_texts, st.none()),
    "citizen": st.one_of(sql_texts, st.none()),
    "text_": st.one_of(sql_texts, st.none()),
    "category": st.one_of(sql_texts, st.none()),
    "lat": st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.none()),
    "lon": st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.none()),
    "photo": photos,
    "meta": photo_meta,
    "reported_at": times,
}
raw_reports = _reports({**_VALID_REPORT, "meta": st.none()}, _RAW_HOSTILE).map(
    lambda a: tuple(
        psycopg2.Binary(a[k]) if k == "photo" and a[k] is not None else a[k] for k in _RAW_ORDER
    )
)
# Parenthesised parameters: psycopg2 inlines them, and -9223372036854775808::bigint would
# parse as -(9223372036854775808::bigint).
RAW_SUBMIT = (
    "SELECT submit_report((%s)::text, (%s)::text, (%s)::text, (%s)::text, (%s)::text, "
    "(%s)::float8, (%s)::float8, (%s)::bytea, (%s)::jsonb, (%s)::timestamptz)"
)
RAW_FOLLOW_UP = (
    "SELECT submit_follow_up((%s)::bigint, (%s)::text, (%s)::text, (%s)::bytea, (%s)::jsonb, "
    "(%s)::text)"
)
RAW_REOPEN = "SELECT reopen_report((%s)::bigint, (%s)::text, (%s)::text, (%s)::bytea, (%s)::jsonb)"


def submit_report_sql(t: Target, args: tuple) -> None:
    through_sql(t, RAW_SUBMIT, args)


def _report_ids(t: Target):
    return st.one_of(st.sampled_from(t.reports), st.integers(-(2**63), 2**63 - 1), st.none())


def _binary(photo):
    return None if photo is None else psycopg2.Binary(photo)


def follow_up(t: Target, data) -> None:
    official = data.draw(
        st.one_of(st.sampled_from([OFFICIAL, "@" + OFFICIAL, "ppsu.gambir"]), texts)
    )
    note = data.draw(st.one_of(st.just("Sudah dibersihkan"), texts))
    photo = data.draw(st.one_of(st.integers(0, 5).map(real_jpeg), photos))
    external_id = data.draw(st.one_of(st.none(), st.uuids().map(str), texts))
    report_id = data.draw(_report_ids(t))
    through_wrapper(
        t,
        lambda conn: contract.submit_follow_up(
            conn,
            report_id=report_id,
            official=official,
            note=note,
            photo=photo,
            external_id=external_id,
        ),
    )
    if all("\x00" not in s for s in (official, note, external_id or "")):
        through_sql(
            t,
            RAW_FOLLOW_UP,
            (report_id, official, note, _binary(photo), data.draw(photo_meta), external_id),
        )


def reopen(t: Target, data) -> None:
    if data.draw(st.booleans()):  # keep a reopenable report around
        t.cursor.execute(
            "SELECT submit_follow_up(%s, %s, 'beres lagi', %s)",
            (t.reports[1], OFFICIAL, real_jpeg(2)),
        )
    report_id = data.draw(_report_ids(t))
    citizen = data.draw(st.one_of(st.just(CITIZEN), texts))
    body = data.draw(st.one_of(st.just("Belum beres, masih menumpuk"), texts))
    photo = data.draw(photos)
    through_wrapper(
        t,
        lambda conn: contract.reopen_report(
            conn, report_id=report_id, citizen=citizen, text_=body, photo=photo
        ),
    )
    if "\x00" not in citizen + body:
        through_sql(
            t, RAW_REOPEN, (report_id, citizen, body, _binary(photo), data.draw(photo_meta))
        )
