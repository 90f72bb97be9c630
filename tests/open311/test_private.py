"""A report the citizen marked private (``private=true`` in the POST, Jakarta's "rahasia"), over
HTTP to the real gateway: the public sees only its status, no photo, and no ``service_code``
list names it; the contract takes the flag and a retry with another one is other content."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft7Validator
from sqlalchemy import text

from qlue_console.db.errors import IdempotencyConflictError
from tests.open311.util import MONAS, shared_dir
from tests.photo_factory import jpeg

STATUS_ONLY = {"service_request_id", "status", "status_notes", "updated_datetime"}
SHOWN_ANYWAY = {"service_code", "requested_datetime", "notes"}  # the schema requires them


def _form(key: str, **extra: str) -> dict[str, str]:
    fields = {
        "api_key": key,
        "service_code": "parkir_liar",
        "lat": str(MONAS[0]),
        "long": str(MONAS[1]),
        "description": "Mobil parkir di depan rumah saya",
        "email": "warga@example.com",
    }
    fields.update(extra)
    return fields


def _post(http, key: str, **extra: str) -> int:
    photo = {"media": ("p.jpg", jpeg(7), "image/jpeg")}
    response = http.post("requests.json", data=_form(key, **extra), files=photo)
    assert response.status_code == 200, response.text
    return int(response.json()[0]["service_request_id"])


def _photo_url(engine, report_id: int) -> str:
    with engine.connect() as conn:
        photo = conn.execute(
            text("SELECT min(id) FROM photos WHERE report_id = :id"), {"id": report_id}
        ).scalar_one()
    return f"media/{photo}.jpg"


def _request_schema() -> Draft7Validator:
    schema = json.loads(
        (shared_dir() / "georeport_v2_schema" / "request.json").read_text(encoding="utf-8")
    )
    return Draft7Validator(schema)


def test_a_private_report_shows_only_its_status(poster, db_engine):
    http, channel = poster
    hidden = _post(http, channel.key, private="true")
    shown = _post(http, channel.key)
    with db_engine.connect() as conn:
        flags = dict(conn.execute(text("SELECT id, private FROM reports")).all())
    assert flags == {hidden: True, shown: False}

    [answer] = http.get(f"requests/{hidden}.json").json()
    given = {name for name, value in answer.items() if value not in (None, [])}
    assert given == STATUS_ONLY | (SHOWN_ANYWAY - {"notes"})
    assert answer["service_code"] != "parkir_liar" and answer["notes"] == []
    assert not list(_request_schema().iter_errors(answer))
    xml = http.get(f"requests/{hidden}.xml").text
    assert "Mobil" not in xml and "parkir" not in xml and str(MONAS[0]) not in xml
    assert http.get(_photo_url(db_engine, hidden)).status_code == 404

    [plain] = http.get(f"requests/{shown}.json").json()
    assert plain["service_code"] == "parkir_liar" and plain["description"].startswith("Mobil")
    assert plain["lat"] == MONAS[0] and plain["media_url"].endswith(".jpg")
    assert http.get(_photo_url(db_engine, shown)).status_code == 200

    listed = {r["service_request_id"] for r in http.get("requests.json").json()}
    assert listed == {str(hidden), str(shown)}
    by_code = http.get("requests.json", params={"service_code": "parkir_liar"}).json()
    assert [r["service_request_id"] for r in by_code] == [str(shown)]
    by_id = http.get("requests.json", params={"service_request_id": str(hidden)}).json()
    assert [r["status"] for r in by_id] == ["open"] and by_id[0]["description"] is None


@pytest.mark.parametrize("value", ["yes", "TRUE1", "2", ""])
def test_a_bad_private_value_is_400_and_writes_nothing(poster, db_engine, value):
    http, channel = poster
    response = http.post("requests.json", data=_form(channel.key, private=value))
    if value == "":  # an empty field is an absent one, as everywhere in the form
        assert response.status_code == 200
        return
    assert response.status_code == 400 and "private" in response.json()[0]["description"]
    with db_engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM reports")).scalar_one() == 0


def test_false_and_0_are_not_private_and_a_retry_must_repeat_the_flag(poster, db_engine):
    http, channel = poster
    off = {_post(http, channel.key, private=v) for v in ("false", "0", "FALSE")}
    on = _post(http, channel.key, private="1")
    with db_engine.connect() as conn:
        flags = dict(conn.execute(text("SELECT id, private FROM reports")).all())
    assert {flags[i] for i in off} == {False} and flags[on] is True

    headers = {"Idempotency-Key": "private-retry"}
    first = http.post("requests.json", data=_form(channel.key, private="1"), headers=headers)
    again = http.post("requests.json", data=_form(channel.key, private="1"), headers=headers)
    assert again.json() == first.json()
    other = http.post("requests.json", data=_form(channel.key, private="0"), headers=headers)
    assert other.status_code == 409 and "private" in other.json()[0]["description"]


def test_the_contract_takes_private_and_refuses_a_retry_with_another(submit, db_engine):
    same = {"external_id": "rahasia-1", "text_": "Sampah di depan rumah", "photo": jpeg(9)}
    report_id = submit(**same, private=True)
    assert submit(**same, private=True) == report_id
    with pytest.raises(IdempotencyConflictError) as caught:
        submit(**same, private=False)
    assert caught.value.differs == ("private",)
    with db_engine.connect() as conn:
        assert conn.execute(
            text("SELECT private FROM reports WHERE id = :id"), {"id": report_id}
        ).scalar_one()
