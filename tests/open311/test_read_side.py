"""The read side of the Open311 gateway, over HTTP against the real server: discovery,
services, a service definition, requests with their filters and paging, one request, the
status mapping and the notes, the errors, and privacy."""

from __future__ import annotations

from datetime import datetime, timedelta
from xml.etree import ElementTree as ET

import pytest

from qlue_console.dispatch import service
from qlue_console.triage import actions
from tests.open311.util import version


def _is_error(response, code: int) -> None:
    assert response.status_code == code, response.text
    body = response.json()
    assert isinstance(body, list) and len(body) == 1
    assert body[0]["code"] == code and body[0]["description"]


def test_discovery_lists_the_endpoint_and_formats(client):
    body = client.get("discovery.json").json()
    assert body["endpoints"][0]["formats"] == ["text/xml", "application/json"]
    root = ET.fromstring(client.get("discovery.xml").content)
    assert root.tag == "discovery"
    assert [f.text for f in root.iter("format")] == ["text/xml", "application/json"]


def test_services_are_the_categories(client):
    services = client.get("services.json").json()
    codes = {s["service_code"] for s in services}
    assert {"parkir_liar", "sampah", "banjir"} <= codes
    parking = next(s for s in services if s["service_code"] == "parkir_liar")
    assert parking["service_name"] == "Illegal parking" and parking["metadata"] is True
    xml = client.get("services.xml")
    assert xml.headers["content-type"].startswith("text/xml")
    root = ET.fromstring(xml.content)
    assert root.tag == "services" and len(root.findall("service")) == len(services)


def test_the_definition_of_illegal_parking_asks_the_kind_of_vehicle(client):
    body = client.get("services/parkir_liar.json").json()
    vehicle = next(a for a in body["attributes"] if a["code"] == "vehicle")
    assert vehicle["datatype"] == "singlevaluelist"
    assert {"car", "motorcycle"} <= {v["key"] for v in vehicle["values"]}
    root = ET.fromstring(client.get("services/parkir_liar.xml").content)
    assert root.tag == "service_definition"
    assert root.find("attributes/attribute/values/value/key") is not None


def test_an_unknown_service_is_a_404_with_the_error_array(client):
    _is_error(client.get("services/nothing.json"), 404)
    response = client.get("services/nothing.xml")
    assert response.status_code == 404
    root = ET.fromstring(response.content)
    assert root.tag == "errors" and root.find("error/code").text == "404"


def test_a_request_reads_back_with_its_zone_and_status(client, submit):
    rid = submit(text_="Mobil parkir di trotoar Monas")
    [body] = client.get(f"requests/{rid}.json").json()
    assert body["service_request_id"] == str(rid)
    assert body["status"] == "open" and body["service_code"] == "parkir_liar"
    assert body["description"] == "Mobil parkir di trotoar Monas"
    assert body["requested_datetime"].endswith("+07:00")
    assert datetime.fromisoformat(body["requested_datetime"]).utcoffset() == timedelta(hours=7)
    assert body["agency_responsible"] == "Dinas Perhubungan"
    assert body["service_notice"] is None and body["expected_datetime"] is None  # not sent yet
    assert body["status_notes"]
    assert body["media_url"].endswith(".jpg")
    assert [n["type"] for n in body["notes"]] == ["created"]
    root = ET.fromstring(client.get(f"requests/{rid}.xml").content)
    assert root.tag == "service_requests"
    assert root.find("request/service_request_id").text == str(rid)
    assert root.find("request/notes/note/type").text == "created"


def test_a_dispatched_report_shows_the_agency_and_its_due_time_not_who(
    client, submit, people_engine
):
    rid = submit()
    service.dispatch(people_engine, rid, version(people_engine, rid), "Tolong segera @dishub")
    [body] = client.get(f"requests/{rid}.json").json()
    assert body["status"] == "open"
    assert body["agency_responsible"] == "Dinas Perhubungan"
    assert body["expected_datetime"].endswith("+07:00")
    assert body["expected_datetime"] in body["service_notice"]
    dispatched = body["notes"][-1]
    assert dispatched["type"] == "dispatched" and "Dinas Perhubungan" in dispatched["summary"]
    page = client.get(f"requests/{rid}.json").text
    assert "@dishub" not in page and "Tolong segera" not in page


def test_a_rejected_report_is_closed(client, submit, db_engine):
    rid = submit()
    actions.reject(db_engine, rid, version(db_engine, rid), "spam")
    [body] = client.get(f"requests/{rid}.json").json()
    assert body["status"] == "closed" and body["service_notice"] is None
    assert [n["type"] for n in body["notes"]] == ["created", "rejected"]


def test_the_public_never_sees_the_citizen_nor_internal_comments(client, submit, db_engine):
    rid = submit(citizen="budi.santoso_0812")
    actions.comment(db_engine, rid, "catatan internal: penelepon marah")
    for path in (f"requests/{rid}.json", f"requests/{rid}.xml", "requests.json", "requests.xml"):
        page = client.get(path).text
        assert "budi.santoso" not in page and "catatan internal" not in page
    with db_engine.connect() as conn:
        actor = conn.exec_driver_sql("SELECT session_user").scalar_one()
    [body] = client.get(f"requests/{rid}.json").json()
    assert "comment" not in [n["type"] for n in body["notes"]]
    assert actor not in client.get(f"requests/{rid}.json").text


def test_requests_filter_by_id_code_and_status(client, submit, db_engine):
    parking, garbage, closed = submit(), submit(category="sampah"), submit()
    actions.reject(db_engine, closed, version(db_engine, closed), "spam")

    def ids(**params) -> set[str]:
        response = client.get("requests.json", params=params)
        assert response.status_code == 200, response.text
        return {r["service_request_id"] for r in response.json()}

    assert ids() == {str(parking), str(garbage), str(closed)}
    assert ids(service_request_id=f"{parking},{garbage}") == {str(parking), str(garbage)}
    assert ids(service_code="sampah") == {str(garbage)}
    assert ids(service_code="sampah,parkir_liar") == {str(parking), str(garbage), str(closed)}
    assert ids(status="open") == {str(parking), str(garbage)}
    assert ids(status="closed") == {str(closed)}
    assert ids(jurisdiction_id="") == ids(jurisdiction_id="jakarta.go.id") == ids()


def test_dates_default_to_the_last_90_days(client, submit):
    now = datetime.now().astimezone()
    recent = submit(reported_at=now - timedelta(days=2))
    old = submit(reported_at=now - timedelta(days=120))
    got = {r["service_request_id"] for r in client.get("requests.json").json()}
    assert got == {str(recent)}
    window = {
        "start_date": (now - timedelta(days=130)).isoformat(),
        "end_date": (now - timedelta(days=100)).isoformat(timespec="milliseconds"),
    }
    got = {r["service_request_id"] for r in client.get("requests.json", params=window).json()}
    assert got == {str(old)}


def test_paging_beyond_a_page(client, submit):
    made = {str(submit()) for _ in range(5)}
    first = client.get("requests.json", params={"page_size": 2})
    assert len(first.json()) == 2 and 'rel="next"' in first.headers["link"]
    seen: list[str] = []
    for page in (1, 2, 3):
        rows = client.get("requests.json", params={"page_size": 2, "page": page}).json()
        seen += [r["service_request_id"] for r in rows]
    assert sorted(seen) == sorted(made)


@pytest.mark.parametrize(
    ("path", "params", "code"),
    [
        ("requests.json", {"start_date": "yesterday"}, 400),
        ("requests.json", {"end_date": "2026-13-45"}, 400),
        ("requests.json", {"start_date": "2026-01-01", "end_date": "2026-06-01"}, 400),
        ("requests.json", {"start_date": "2026-06-01", "end_date": "2026-05-01"}, 400),
        ("requests.json", {"service_code": "unknown"}, 400),
        ("requests.json", {"status": "pending"}, 400),
        ("requests.json", {"service_request_id": "12,abc"}, 400),
        ("requests.json", {"page_size": "0"}, 400),
        ("requests.json", {"page": "-1"}, 400),
        ("requests.json", {"jurisdiction_id": "sf.gov"}, 404),
        ("requests/abc.json", {}, 404),
        ("requests/99999999999999999999999.json", {}, 404),
        ("requests/123.json", {}, 404),
        ("requests.csv", {}, 404),
        ("nowhere.json", {}, 404),
        ("a/b/c", {}, 404),
    ],
)
def test_bad_input_is_answered_with_the_error_array(client, path, params, code):
    _is_error(client.get(path, params=params), code)


def test_another_method_is_a_405_with_the_error_array(client):
    _is_error(client.delete("requests.json"), 405)
    assert client.head("services.json").status_code == 200
