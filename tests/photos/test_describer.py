"""Photos stored without their metadata (the Open311 gateway's uploads) and described after:
the describer writes what the contract's wrapper would have written on the request, records the
bytes that cannot be decoded instead of trying them for ever, shares its queue with a second
describer without describing a photo twice, and runs only for the gateway and administrators."""

from __future__ import annotations

import json
import threading
import time

import pytest
from sqlalchemy import text

from qlue_console.db import contract
from qlue_console.db.engine import make_engine
from qlue_console.db.errors import ContractError
from qlue_console.db.sql_errors import translated_errors
from qlue_console.photos import describer
from qlue_console.photos.ingest import describe_photo
from tests.photo_files import not_images, phone_formats

MONAS = (-6.1754, 106.8272)
GOOD = phone_formats()
BAD = not_images()
STORED = "SELECT phash, width, height, mime, exif, taken_at, gps_lat, gps_lon, describe_error "


def _submit(conn, photo: bytes, external_id: str, *, later: bool = True) -> int:
    return contract.submit_report(
        conn,
        channel="app",
        external_id=external_id,
        citizen="warga_monas",
        text_="Sampah menumpuk di trotoar",
        category="sampah",
        lat=MONAS[0],
        lon=MONAS[1],
        photo=photo,
        describe_later=later,
    )


def _stored(conn, report_id: int):
    return conn.execute(
        text(STORED + "FROM photos WHERE report_id = :r AND kind = 'report'"), {"r": report_id}
    ).one()


@pytest.mark.parametrize("name", GOOD)
def test_a_photo_described_later_gets_what_the_request_would_have_stored(db_engine, name):
    with db_engine.begin() as conn:
        later = _submit(conn, GOOD[name], "later")
        now = _submit(conn, GOOD[name], "now", later=False)
    with db_engine.connect() as conn:
        waiting = _stored(conn, later)
    assert waiting.phash is None and waiting.width is None and waiting.describe_error is None
    assert describer.waiting(db_engine) == 1

    done = describer.drain(db_engine)

    assert (done.described, done.unreadable) == (1, 0)
    assert describer.waiting(db_engine) == 0
    with db_engine.connect() as conn:
        assert _stored(conn, later) == _stored(conn, now)
        assert _stored(conn, later).phash == describe_photo(GOOD[name]).phash


@pytest.mark.parametrize("name", BAD)
def test_bytes_that_are_no_image_are_refused_at_once_or_recorded_unreadable(db_engine, name):
    """The request reads the header only: what it cannot tell is caught by the describer, which
    records why and does not try the photo again; the report itself is kept."""
    try:
        with db_engine.begin() as conn:
            report_id = _submit(conn, BAD[name], "bad")
    except ContractError as exc:
        assert exc.field == "photo"
        with db_engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM photos")).scalar_one() == 0
        return
    done = describer.drain(db_engine)
    assert (done.described, done.unreadable) == (0, 1)
    with db_engine.connect() as conn:
        stored = _stored(conn, report_id)
    assert stored.phash is None and stored.describe_error
    assert describer.drain(db_engine).total == 0  # not tried again


def test_two_describers_share_the_queue_and_describe_each_photo_once(db_engine, db_url):
    photo = GOOD[next(iter(GOOD))]
    with db_engine.begin() as conn:
        ids = [_submit(conn, photo, f"two-{i}") for i in range(24)]
    totals: list[describer.Described] = []
    stop = threading.Event()
    engines = [make_engine(db_url) for _ in range(2)]

    def run(engine) -> None:
        totals.append(describer.follow(engine, stop, batch=3, idle=0.05))

    threads = [threading.Thread(target=run, args=(engine,)) for engine in engines]
    for thread in threads:
        thread.start()
    try:
        for _ in range(400):
            if describer.waiting(db_engine) == 0:
                break
            time.sleep(0.05)
    finally:
        stop.set()
        for thread in threads:
            thread.join(30)
        for engine in engines:
            engine.dispose()
    assert sum(total.described for total in totals) == len(ids)
    assert all(total.described > 0 for total in totals), totals
    with db_engine.connect() as conn:
        described = conn.execute(
            text("SELECT count(*) FROM photos WHERE phash IS NOT NULL AND report_id = ANY(:ids)"),
            {"ids": ids},
        ).scalar_one()
    assert described == len(ids)


@pytest.mark.parametrize("group", ["qlue_operator", "qlue_supervisor", "qlue_analyst"])
def test_only_the_gateway_and_administrators_run_the_describer(db_engine, login_url, group):
    with db_engine.begin() as conn:
        _submit(conn, GOOD[next(iter(GOOD))], "perm")
    engine = make_engine(login_url(group))
    try:
        with pytest.raises(Exception, match="permission denied"):
            describer.describe_batch(engine)
    finally:
        engine.dispose()
    assert describer.waiting(db_engine) == 1
    gateway = make_engine(login_url("qlue_gateway"))
    try:
        assert describer.describe_batch(gateway).described == 1
    finally:
        gateway.dispose()


def test_a_describer_must_say_what_it_found(db_engine):
    with db_engine.begin() as conn:
        report_id = _submit(conn, GOOD[next(iter(GOOD))], "empty")
        photo_id = conn.execute(
            text("SELECT id FROM photos WHERE report_id = :r"), {"r": report_id}
        ).scalar_one()
    with pytest.raises(ContractError) as err, db_engine.begin() as conn, translated_errors():
        conn.execute(text("SELECT qlue_photo_described(:id, NULL, '  ')"), {"id": photo_id})
    assert err.value.field == "photo_meta"


def _sha256(conn, report_id: int):
    return conn.execute(
        text("SELECT sha256 FROM photos WHERE report_id = :r AND kind = 'report'"), {"r": report_id}
    ).scalar_one()


def test_a_photo_described_later_is_hashed_by_its_describer_not_on_the_request(db_engine):
    """Revision 0029: the request stores no SHA-256 (the server's sha256() cost half of an
    upload); the describer's hash is the one of the bytes stored, the same as the request's."""
    photo = GOOD[next(iter(GOOD))]
    with db_engine.begin() as conn:
        later = _submit(conn, photo, "later")
        now = _submit(conn, photo, "now", later=False)
    with db_engine.connect() as conn:
        assert _sha256(conn, later) is None
        hashed_now = _sha256(conn, now)

    describer.drain(db_engine)

    with db_engine.connect() as conn:
        assert _sha256(conn, later) == hashed_now == describe_photo(photo).sha256


@pytest.mark.parametrize("name", BAD)
def test_a_photo_that_cannot_be_read_is_still_hashed(db_engine, name):
    try:
        with db_engine.begin() as conn:
            report_id = _submit(conn, BAD[name], "bad")
    except ContractError:
        return
    describer.drain(db_engine)
    with db_engine.connect() as conn:
        stored = conn.execute(
            text(
                "SELECT sha256 = encode(sha256(data), 'hex') FROM photos"
                " WHERE report_id = :r AND kind = 'report'"
            ),
            {"r": report_id},
        ).scalar_one()
    assert stored is True


def test_metadata_with_a_malformed_hash_is_refused(db_engine):
    photo = GOOD[next(iter(GOOD))]
    with db_engine.begin() as conn:
        report_id = _submit(conn, photo, "later")
        photo_id = conn.execute(
            text("SELECT id FROM photos WHERE report_id = :r"), {"r": report_id}
        ).scalar_one()
    bad = dict(describe_photo(photo).to_json(), sha256="not-a-hash")
    with pytest.raises(ContractError) as caught, db_engine.begin() as conn, translated_errors():
        conn.execute(
            text("SELECT qlue_photo_described(:p, CAST(:m AS jsonb), NULL)"),
            {"p": photo_id, "m": json.dumps(bad)},
        )
    assert caught.value.field == "photo_meta"
    with db_engine.connect() as conn:
        assert _sha256(conn, report_id) is None


def test_a_retry_is_compared_by_the_photo_bytes_before_it_is_described(db_engine):
    """A channel's retry of the same submission finds the first report even while the photo
    has no SHA-256 yet; the same external id with another photo is refused as a conflict."""
    photos = list(GOOD.values())
    with db_engine.begin() as conn:
        first = _submit(conn, photos[0], "retry-1")
    with db_engine.begin() as conn:
        again = _submit(conn, photos[0], "retry-1")
    assert again == first
    with pytest.raises(ContractError), db_engine.begin() as conn:
        _submit(conn, photos[1], "retry-1")
    with db_engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM reports")).scalar_one() == 1
