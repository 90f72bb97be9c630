"""POST requests over HTTP to the real gateway, signed in as a gateway login and acting as a
channel made with add_channel: a report with its photo goes in through the contract and reads
back; retries never duplicate; keys, rate limit and bad input are refused with the error array
and write nothing."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

import httpx
from sqlalchemy import text

from qlue_console.access.channel_keys import list_channels, revoke_channel
from tests.open311.util import MONAS
from tests.photo_factory import jpeg

FORM = {"content-type": "application/x-www-form-urlencoded"}


def form(key: str, **extra) -> dict[str, str]:
    fields = {
        "api_key": key,
        "service_code": "parkir_liar",
        "lat": str(MONAS[0]),
        "long": str(MONAS[1]),
        "description": "Mobil parkir di trotoar depan halte",
        "email": "warga@example.com",
    }
    fields.update(extra)
    return fields


def report_count(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM reports")).scalar_one()


def channel_row(engine, name: str):
    with engine.connect() as conn:
        return next(row for row in list_channels(conn) if row.name == name)


def test_a_post_with_a_photo_is_a_report_of_its_channel(poster, db_engine):
    http, channel = poster
    data = form(channel.key, **{"attribute[vehicle]": "car", "attribute[plate]": "B 1234 XYZ"})
    response = http.post(
        "requests.json", data=data, files={"media": ("p.jpg", jpeg(3), "image/jpeg")}
    )
    assert response.status_code == 200, response.text
    [answer] = response.json()
    assert set(answer) == {"service_request_id", "service_notice", "account_id"}
    report_id = int(answer["service_request_id"])
    with db_engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT r.channel, r.citizen_handle, r.text, e.actor_login,"
                " (SELECT count(*) FROM photos p WHERE p.report_id = r.id) AS photos"
                " FROM reports r JOIN events e ON e.report_id = r.id AND e.kind = 'created'"
                " WHERE r.id = :id"
            ),
            {"id": report_id},
        ).one()
    assert row.actor_login == channel.login and row.channel == "app" and row.photos == 1
    assert "warga@example.com" not in row.citizen_handle
    assert row.text.endswith("(vehicle: car; plate: B 1234 XYZ)")
    assert channel_row(db_engine, channel.name).reports_today == 1

    [shown] = http.get(f"requests/{report_id}.json").json()
    assert shown["service_code"] == "parkir_liar" and shown["status"] == "open"
    assert shown["media_url"].endswith(".jpg")
    assert "warga" not in http.get(f"requests/{report_id}.json").text
    assert http.get(shown["media_url"]).headers["content-type"] == "image/jpeg"
    [token] = http.get(f"tokens/{report_id}.json").json()
    assert token["service_request_id"] == str(report_id)


def test_the_xml_answer_and_a_form_without_a_photo(poster):
    http, channel = poster
    response = http.post("requests.xml", data=form(channel.key))
    assert response.status_code == 200, response.text
    assert b"<service_request_id>" in response.content


def test_a_retry_with_the_same_idempotency_key_gives_the_first_answer(poster, db_engine):
    http, channel = poster
    headers = {"Idempotency-Key": "phone-42-attempt"}
    photo = {"media": ("p.jpg", jpeg(5), "image/jpeg")}
    first = http.post("requests.json", data=form(channel.key), files=photo, headers=headers)
    before = report_count(db_engine)
    again = http.post("requests.json", data=form(channel.key), files=photo, headers=headers)
    assert (first.status_code, again.status_code) == (200, 200)
    assert again.json() == first.json()
    assert report_count(db_engine) == before

    other = http.post(
        "requests.json", data=form(channel.key, description="Lain"), files=photo, headers=headers
    )
    assert other.status_code == 409
    [error] = other.json()
    assert error["code"] == 409 and first.json()[0]["service_request_id"] in error["description"]
    assert report_count(db_engine) == before

    fresh = http.post("requests.json", data=form(channel.key), files=photo)  # no header: a new one
    assert fresh.json()[0]["service_request_id"] != first.json()[0]["service_request_id"]


def test_unknown_and_revoked_keys_are_refused_and_counted(poster, db_engine):
    http, channel = poster
    before = report_count(db_engine)
    unknown = http.post("requests.json", data=form("not-a-key"))
    assert unknown.status_code == 403 and unknown.json()[0]["code"] == 403
    assert http.post("requests.json", data=form(channel.key)).status_code == 200
    with db_engine.begin() as conn:
        revoke_channel(conn, channel.name)
    revoked = http.post("requests.json", data=form(channel.key))
    assert revoked.status_code == 403 and revoked.json()[0]["code"] == 403
    assert report_count(db_engine) == before + 1
    assert channel_row(db_engine, channel.name).refusals_today == 1
    missing = http.post("requests.json", data={k: v for k, v in form("").items() if k != "api_key"})
    assert missing.status_code == 403


def test_the_rate_limit_answers_429_after_the_burst(start_gateway, new_channel, db_engine):
    channel = new_channel()
    with httpx.Client(base_url=start_gateway(rate=0.01, burst=3), timeout=30) as http:
        codes = [http.post("requests.json", data=form(channel.key)).status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        limited = http.post("requests.json", data=form(channel.key))
    assert limited.status_code == 429 and limited.json()[0]["code"] == 429
    assert int(limited.headers["Retry-After"]) >= 1
    assert report_count(db_engine) == 3
    assert channel_row(db_engine, channel.name).refusals_today == 1  # at most one a second


def test_an_address_only_request_is_refused_clearly(poster, db_engine):
    http, channel = poster
    data = form(channel.key, address_string="Jl. Medan Merdeka Barat 1")
    del data["lat"], data["long"]
    response = http.post("requests.json", data=data)
    assert response.status_code == 400
    [error] = response.json()
    assert "lat and long are required" in error["description"]
    assert report_count(db_engine) == 0
    assert channel_row(db_engine, channel.name).refusals_today == 1


def test_bad_fields_are_400_and_write_nothing(poster, db_engine):
    http, channel = poster
    bad = [
        {"service_code": "no_such_service"},
        {"service_code": "sampah", "attribute[volume]": "ocean"},
        {"attribute[colour]": "red"},
        {"lat": "north"},
        {"long": "200"},
        {"description": "  "},
    ]
    for extra in bad:
        response = http.post("requests.json", data=form(channel.key, **extra))
        assert response.status_code == 400, (extra, response.text)
        assert response.json()[0]["code"] == 400
    two_files = {
        "media": ("a.jpg", jpeg(1), "image/jpeg"),
        "other": ("b.jpg", jpeg(2), "image/jpeg"),
    }
    for files in (two_files, {"other": ("b.jpg", jpeg(2), "image/jpeg")}):
        response = http.post("requests.json", data=form(channel.key), files=files)
        assert response.status_code == 400 and response.json()[0]["code"] == 400
    as_text = http.post("requests.json", data=form(channel.key, media="photo.jpg"))
    assert as_text.status_code == 400 and "file" in as_text.json()[0]["description"]
    broken = {"media": ("p.jpg", b"not a jpeg at all", "image/jpeg")}
    response = http.post("requests.json", data=form(channel.key), files=broken)
    assert response.status_code == 400 and "photo" in response.json()[0]["description"]
    assert report_count(db_engine) == 0


def test_a_multivalue_attribute(poster, db_engine):
    http, channel = poster
    data = form(channel.key, service_code="jalan_rusak")
    data = list(data.items()) + [
        ("attribute[damage][]", "pothole"),
        ("attribute[damage][]", "crack"),
    ]
    response = http.post("requests.json", content=urlencode(data), headers=FORM)
    assert response.status_code == 200, response.text
    with db_engine.connect() as conn:
        body = conn.execute(text("SELECT text FROM reports")).scalar_one()
    assert body.endswith("(damage: pothole, crack)")


def test_concurrent_retries_under_one_key_make_one_report(poster, db_engine):
    http, channel = poster
    headers = {"Idempotency-Key": "burst-of-retries"}

    def post(_: int) -> httpx.Response:
        return http.post("requests.json", data=form(channel.key), headers=headers)

    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(post, range(6)))
    assert {a.status_code for a in answers} == {200}
    assert len({a.json()[0]["service_request_id"] for a in answers}) == 1
    assert report_count(db_engine) == 1
