"""Staged photo uploads (revision 0033): the gateway stores a POST's photo in a transaction of
its own and ``submit_report`` attaches it by its id. Over HTTP to the real gateway, and at the
SQL level as the gateway's and the channels' own logins: the photo's bytes arrive once, a
refused form or retry leaves no staged photo behind, another channel's staged photo cannot be
attached, an abandoned one goes after an hour, and a describer waits until it is attached."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from qlue_console.access.channel_keys import receive
from qlue_console.db import contract
from qlue_console.db.errors import ContractError, PermissionDeniedError
from qlue_console.photos.describer import drain, waiting
from tests.open311.test_post import form
from tests.open311.util import MONAS
from tests.photo_factory import jpeg


def staged_count(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(
            text("SELECT count(*) FROM photos WHERE staged_by IS NOT NULL")
        ).scalar_one()


def report_photos(engine, report_id: int) -> list[bytes]:
    with engine.connect() as conn:
        return [
            bytes(row.data)
            for row in conn.execute(
                text("SELECT data FROM photos WHERE report_id = :id ORDER BY id"), {"id": report_id}
            )
        ]


def test_a_posted_photo_is_attached_once_and_a_retry_leaves_nothing_staged(poster, db_engine):
    http, channel = poster
    photo_bytes = jpeg(11)
    files = {"media": ("p.jpg", photo_bytes, "image/jpeg")}
    headers = {"Idempotency-Key": "staged-1"}
    first = http.post("requests.json", data=form(channel.key), files=files, headers=headers)
    assert first.status_code == 200, first.text
    [answer] = first.json()
    assert answer["service_notice"] == "Received; waiting to be checked by the command center."
    report_id = int(answer["service_request_id"])
    assert report_photos(db_engine, report_id) == [photo_bytes]
    assert staged_count(db_engine) == 0

    again = http.post("requests.json", data=form(channel.key), files=files, headers=headers)
    assert again.json() == first.json()
    other_photo = {"media": ("q.jpg", jpeg(12), "image/jpeg")}
    conflict = http.post(
        "requests.json", data=form(channel.key), files=other_photo, headers=headers
    )
    assert conflict.status_code == 409 and "photo" in conflict.json()[0]["description"]
    assert report_photos(db_engine, report_id) == [photo_bytes]
    assert staged_count(db_engine) == 0


def test_a_refused_form_discards_its_staged_photo(poster, db_engine):
    http, channel = poster
    files = {"media": ("p.jpg", jpeg(13), "image/jpeg")}
    with db_engine.connect() as conn:
        before = conn.execute(text("SELECT count(*) FROM photos")).scalar_one()
    for extra in ({"service_code": "no_such_service"}, {"lat": "91"}, {"description": " "}):
        response = http.post("requests.json", data=form(channel.key, **extra), files=files)
        assert response.status_code == 400, (extra, response.text)
    bad_key = http.post(
        "requests.json",
        data=form(channel.key),
        files=files,
        headers={"Idempotency-Key": "has space"},
    )
    assert bad_key.status_code == 400
    with db_engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM photos")).scalar_one() == before


@pytest.fixture
def as_gateway(gateway_login):
    engine = create_engine(gateway_login)
    yield engine
    engine.dispose()


def _receive(engine, key: str, photo: bytes | None) -> tuple:
    with engine.begin() as conn:
        found = receive(conn, key, photo)
    return found.login, found.photo_id, found.problem


def _submit_as(engine, login: str, staged: int, n: int) -> int:
    with engine.begin() as conn:
        conn.execute(text("SELECT set_config('role', :login, true)"), {"login": login})
        return contract.submit_report(
            conn,
            channel="app",
            external_id=f"staged-sql-{n}",
            citizen="warga",
            text_="Sampah menumpuk",
            category="sampah",
            lat=MONAS[0],
            lon=MONAS[1],
            staged_photo=staged,
        )


def test_a_staged_photo_is_only_its_channels_and_attaches_once(as_gateway, new_channel):
    mine, theirs = new_channel(), new_channel()
    login, photo_id, problem = _receive(as_gateway, mine.key, jpeg(14))
    assert (login, problem) == (mine.login, None) and photo_id is not None
    with pytest.raises(ContractError) as refused:
        _submit_as(as_gateway, theirs.login, photo_id, 1)
    assert refused.value.field == "photo" and "not one this channel uploaded" in str(refused.value)
    report_id = _submit_as(as_gateway, mine.login, photo_id, 2)
    with pytest.raises(ContractError):  # attached already
        _submit_as(as_gateway, mine.login, photo_id, 3)
    with as_gateway.connect() as conn:
        owner = conn.execute(
            text("SELECT report_id FROM photos WHERE id = :id"), {"id": photo_id}
        ).scalar_one()
    assert owner == report_id


def test_unknown_keys_and_broken_photos_store_nothing(as_gateway, new_channel, db_engine):
    channel = new_channel()
    with db_engine.connect() as conn:
        before = conn.execute(text("SELECT count(*) FROM photos")).scalar_one()
    assert tuple(_receive(as_gateway, "not-a-key", jpeg(15))) == (None, None, None)
    login, photo_id, problem = _receive(as_gateway, channel.key, b"not a jpeg at all")
    assert login == channel.login and photo_id is None and "not an image" in problem
    assert tuple(_receive(as_gateway, channel.key, None)) == (channel.login, None, None)
    with db_engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM photos")).scalar_one() == before


def test_an_abandoned_staged_photo_goes_after_an_hour(as_gateway, new_channel, db_engine):
    channel = new_channel()
    _, old_id, _ = _receive(as_gateway, channel.key, jpeg(16))
    _, recent_id, _ = _receive(as_gateway, channel.key, jpeg(17))
    with db_engine.begin() as conn:
        conn.execute(
            text("UPDATE photos SET created_at = now() - interval '61 minutes' WHERE id = :id"),
            {"id": old_id},
        )
    _, newest_id, _ = _receive(as_gateway, channel.key, jpeg(18))
    with db_engine.connect() as conn:
        left = set(
            conn.execute(text("SELECT id FROM photos WHERE staged_by IS NOT NULL")).scalars()
        )
    assert left == {recent_id, newest_id}


def test_a_describer_waits_for_the_photo_to_be_attached(as_gateway, new_channel, db_engine):
    channel = new_channel()
    _, photo_id, _ = _receive(as_gateway, channel.key, jpeg(19))
    drain(as_gateway)
    assert waiting(as_gateway) == 0
    with db_engine.connect() as conn:
        phash = conn.execute(
            text("SELECT phash FROM photos WHERE id = :id"), {"id": photo_id}
        ).scalar_one()
    assert phash is None  # left alone while staged
    _submit_as(as_gateway, channel.login, photo_id, 4)
    assert waiting(as_gateway) == 1
    assert drain(as_gateway).described == 1
    with db_engine.connect() as conn:
        row = conn.execute(
            text("SELECT phash, sha256, width FROM photos WHERE id = :id"), {"id": photo_id}
        ).one()
    assert row.phash is not None and len(row.sha256) == 64 and row.width > 0


def test_the_gateway_login_alone_cannot_attach_a_photo(as_gateway, new_channel, gateway_login):
    """Without acting as the channel (SET ROLE), the gateway's own login is not the uploader."""
    channel = new_channel()
    _, photo_id, _ = _receive(as_gateway, channel.key, jpeg(20))
    assert make_url(gateway_login).username != channel.login
    with pytest.raises(PermissionDeniedError):
        with as_gateway.begin() as conn:
            contract.submit_report(
                conn,
                channel="app",
                external_id="staged-sql-5",
                citizen="warga",
                text_="Sampah",
                category="sampah",
                lat=MONAS[0],
                lon=MONAS[1],
                staged_photo=photo_id,
            )
    with as_gateway.connect() as conn:
        staged_by = conn.execute(
            text("SELECT staged_by FROM photos WHERE id = :id"), {"id": photo_id}
        ).scalar_one()
    assert staged_by == channel.login
