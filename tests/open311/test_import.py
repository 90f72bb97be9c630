"""``qlue-console import open311``: GeoReport v2 documents (written here, and the spec's and
SF311's from ../shared when present) imported into the real database with their timeline."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from qlue_console.cli import main
from tests.open311.util import MONAS, shared_dir

KOTA_TUA = (-6.1352, 106.8133)


def _request(rid: str, **overrides) -> dict:
    record = {
        "service_request_id": rid,
        "status": "open",
        "status_notes": None,
        "service_name": "Illegal parking",
        "service_code": "parkir_liar",
        "description": f"Cars on the pavement {rid}",
        "agency_responsible": None,
        "requested_datetime": "2026-11-02T08:15:00.250+07:00",
        "updated_datetime": "2026-11-02T08:15:00+07:00",
        "expected_datetime": None,
        "address": "Jl. Medan Merdeka",
        "lat": MONAS[0],
        "long": MONAS[1],
        "media_url": None,
    }
    record.update(overrides)
    return record


def _run(db_url, path, *extra) -> int:
    return main(["import", "open311", str(path), "--database-url", db_url, *extra])


def _write(tmp_path, records, name="dump.json"):
    path = tmp_path / name
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


def _reports(engine):
    with engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT external_id, status, reported_at, closed_at, outside_jurisdiction, "
                "category_code FROM reports ORDER BY external_id"
            )
        ).all()


def _events(engine, external_id):
    with engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT e.kind, e.at, e.payload->>'summary' FROM events e "
                "JOIN reports r ON r.id = e.report_id WHERE r.external_id = :x "
                "ORDER BY e.at, e.id"
            ),
            {"x": external_id},
        ).all()


def test_a_json_dump_imports_with_its_notes_and_closing(db_url, db_engine, tmp_path, capsys):
    closed = _request(
        "A-1",
        status="closed",
        status_notes="Towed away.",
        updated_datetime="2026-11-03T10:00:00Z",
        notes=[{"datetime": "2026-11-02T09:00:00+07:00", "summary": "Officer sent"}],
    )
    path = _write(tmp_path, [closed, _request("A-2", lat=KOTA_TUA[0], long=KOTA_TUA[1])])
    assert _run(db_url, path, "--source", "demo311") == 0
    out = capsys.readouterr().out
    assert "imported 2, already there 0, refused 0" in out
    rows = _reports(db_engine)
    assert [(r.external_id, r.status) for r in rows] == [
        ("demo311:A-1", "verified"),
        ("demo311:A-2", "new"),
    ]
    assert (
        rows[0].reported_at.isoformat(timespec="milliseconds").startswith("2026-11-02T01:15:00.250")
    )
    assert rows[0].closed_at.isoformat() == "2026-11-03T10:00:00+00:00"
    kinds = [
        (kind, at.isoformat(), summary) for kind, at, summary in _events(db_engine, "demo311:A-1")
    ]
    assert kinds == [
        ("created", "2026-11-02T01:15:00.250000+00:00", None),
        ("comment", "2026-11-02T02:00:00+00:00", "Officer sent"),
        ("closed", "2026-11-03T10:00:00+00:00", "Towed away."),
    ]
    with db_engine.connect() as conn:  # the KPI facts count the source's own times
        created_at = conn.execute(
            text(
                "SELECT f.created_at FROM kpi_report_facts f JOIN reports r ON r.id = f.report_id "
                "WHERE r.external_id = 'demo311:A-1'"
            )
        ).scalar_one()
        spans = conn.execute(
            text(
                "SELECT s.state, s.from_at, s.to_at FROM kpi_state_spans s "
                "JOIN reports r ON r.id = s.report_id WHERE r.external_id = 'demo311:A-1' "
                "ORDER BY s.from_at"
            )
        ).all()
    assert created_at == rows[0].reported_at
    assert [(state, to_at is None) for state, _, to_at in spans] == [
        ("new", False),
        ("verified", True),
    ]
    assert spans[0].to_at == spans[1].from_at == rows[0].closed_at


def test_importing_twice_says_already_there_and_adds_nothing(db_url, db_engine, tmp_path, capsys):
    closed = _request("B-1", status="closed", updated_datetime="2026-11-03T10:00:00Z")
    path = _write(tmp_path, [closed, _request("B-2")])
    assert _run(db_url, path) == 0
    before = _reports(db_engine), _events(db_engine, "open311:B-1")
    capsys.readouterr()
    assert _run(db_url, path) == 0
    out = capsys.readouterr().out
    assert "imported 0, already there 2, refused 0" in out
    assert "already there: B-1, B-2" in out
    assert (_reports(db_engine), _events(db_engine, "open311:B-1")) == before


def test_bad_records_are_refused_with_reasons_and_the_others_imported(
    db_url, db_engine, tmp_path, capsys
):
    records = [
        _request("C-1"),
        _request("C-2", requested_datetime="2026-11-02 08:15:00"),
        _request("C-3", lat=None, long=None),
        _request("C-4", service_code="999"),
        _request("C-5", notes=[{"datetime": "2026-11-02T08:30:00", "summary": "seen"}]),
    ]
    assert _run(db_url, _write(tmp_path, records)) == 1
    out = capsys.readouterr().out
    assert "imported 1, already there 0, refused 4" in out
    assert "refused C-2: time: '2026-11-02 08:15:00' has no time zone" in out
    assert "refused C-3: no lat/long (an address alone cannot be placed)" in out
    assert "refused C-4: service_code '999' is not mapped to a category" in out
    assert "refused C-5: time: '2026-11-02T08:30:00' has no time zone" in out
    assert [r.external_id for r in _reports(db_engine)] == ["open311:C-1"]


def test_a_zone_may_be_assumed_for_zoneless_times(db_url, db_engine, tmp_path):
    path = _write(tmp_path, [_request("D-1", requested_datetime="2026-11-02T08:15:00")])
    assert _run(db_url, path, "--assume-zone", "Asia/Jakarta") == 0
    [row] = _reports(db_engine)
    assert row.reported_at.isoformat() == "2026-11-02T01:15:00+00:00"


def test_an_unknown_zone_is_one_line(db_url, tmp_path, capsys):
    path = _write(tmp_path, [_request("D-2")])
    assert _run(db_url, path, "--assume-zone", "Mars/Olympus") == 1
    assert capsys.readouterr().err.strip() == (
        "qlue-console import: unknown time zone 'Mars/Olympus'"
    )


@pytest.mark.parametrize("kind", ["json", "csv"])
def test_a_service_map_maps_codes_to_categories(kind, db_url, db_engine, tmp_path):
    if kind == "json":
        mapping = tmp_path / "map.json"
        mapping.write_text(json.dumps({"PK01": "parkir_liar"}), encoding="utf-8")
    else:
        mapping = tmp_path / "map.csv"
        mapping.write_text("service_code,category\nPK01,parkir_liar\n", encoding="utf-8")
    path = _write(tmp_path, [_request("E-1", service_code="PK01")])
    assert _run(db_url, path, "--service-map", str(mapping)) == 0
    assert [r.category_code for r in _reports(db_engine)] == ["parkir_liar"]


def test_an_xml_dump_imports_and_a_far_position_is_flagged(db_url, db_engine, tmp_path, capsys):
    path = tmp_path / "dump.xml"
    path.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<service_requests>
  <request>
    <service_request_id>X-1</service_request_id>
    <status>closed</status>
    <status_notes>Cleared</status_notes>
    <service_code>sampah</service_code>
    <description>Rubbish on the corner</description>
    <requested_datetime>2026-10-01T07:00:00+07:00</requested_datetime>
    <updated_datetime>2026-10-02T07:00:00+07:00</updated_datetime>
    <lat>-6.1754</lat><long>106.8272</long>
    <notes><note>
      <datetime>2026-10-01T12:00:00+07:00</datetime><summary>Crew on the way</summary>
    </note></notes>
  </request>
  <request>
    <service_request_id>X-2</service_request_id>
    <status>open</status>
    <service_code>sampah</service_code>
    <description>Far away</description>
    <requested_datetime>2026-10-01T07:00:00Z</requested_datetime>
    <lat>-7.2575</lat><long>112.7521</long>
  </request>
</service_requests>""",
        encoding="utf-8",
    )
    assert _run(db_url, path) == 0
    out = capsys.readouterr().out
    assert "outside DKI Jakarta (flagged, kept): X-2" in out
    rows = {r.external_id: r for r in _reports(db_engine)}
    assert rows["open311:X-1"].status == "verified"
    assert not rows["open311:X-1"].outside_jurisdiction
    assert rows["open311:X-2"].outside_jurisdiction
    assert [k for k, _, _ in _events(db_engine, "open311:X-1")] == ["created", "comment", "closed"]


def test_invalid_json_is_one_line_naming_the_place_and_writes_nothing(
    db_url, db_engine, tmp_path, capsys
):
    path = tmp_path / "bad.json"
    path.write_text('[\n  {"service_request_id": 1,\n   "service_code":001}\n]', encoding="utf-8")
    assert _run(db_url, path) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("qlue-console import: invalid JSON at line 3, column 20")
    assert "\n" not in err
    assert _reports(db_engine) == []


def test_an_unreachable_url_is_one_line(db_url, capsys):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert _run(db_url, f"http://127.0.0.1:{port}/requests.json") == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"qlue-console import: cannot fetch http://127.0.0.1:{port}/")
    assert "\n" not in err


@pytest.fixture
def served(tmp_path):
    """Factory: the URL of a file served over HTTP from ``tmp_path`` on 127.0.0.1."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format, *args):  # noqa: A002 - the base class's name
            pass  # keeps the command's stderr to its own lines

    handler = functools.partial(Quiet, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="dump-server", daemon=True)
    thread.start()
    yield lambda name: f"http://127.0.0.1:{server.server_address[1]}/{name}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


def test_a_url_dump_imports_and_its_timeline_shows_in_the_gateway(
    db_url, db_engine, client, served, tmp_path
):
    closed = _request(
        "G-1",
        status="closed",
        updated_datetime="2026-11-03T10:00:00Z",
        notes=[{"datetime": "2026-11-02T09:00:00+07:00", "summary": "Officer sent"}],
    )
    _write(tmp_path, [closed], name="requests.json")
    assert _run(db_url, served("requests.json")) == 0
    with db_engine.connect() as conn:
        rid = conn.execute(
            text("SELECT id FROM reports WHERE external_id = 'open311:G-1'")
        ).scalar_one()
    [body] = client.get(f"requests/{rid}.json").json()
    assert body["status"] == "closed"
    assert body["requested_datetime"].startswith("2026-11-02T08:15:00")
    notes = [(n["type"], n["datetime"][:19], n["summary"]) for n in body["notes"]]
    # the source's notes were public there: the timeline shows them in their own words
    assert [(kind, at) for kind, at, _ in notes] == [
        ("created", "2026-11-02T08:15:00"),
        ("note", "2026-11-02T09:00:00"),
        ("closed", "2026-11-03T17:00:00"),
    ]
    assert notes[1][2] == "Officer sent"


def test_an_admin_login_may_import(login_url, tmp_path, db_engine, capsys):
    path = _write(tmp_path, [_request("H-1", status="closed")])
    url = login_url("qlue_admin")
    assert main(["import", "open311", str(path), "--database-url", url]) == 0
    assert [r.status for r in _reports(db_engine)] == ["verified"]


def test_the_spec_json_example_is_refused_as_invalid_json(db_url, db_engine, capsys):
    example = shared_dir() / "georeport_v2_spec_examples" / "json-service-requests.json"
    assert _run(db_url, example) == 1
    err = capsys.readouterr().err
    assert "invalid JSON at line 7, column" in err
    assert _reports(db_engine) == []


@pytest.mark.parametrize(
    "relative",
    [
        "georeport_v2_spec_examples/xml-service-requests.xml",
        "codeforamerica_open311_fixtures/service_requests.xml",
    ],
)
def test_the_shared_xml_dumps_import_flagged_outside_dki(
    relative, db_url, db_engine, tmp_path, capsys
):
    dump = shared_dir() / relative
    mapping = tmp_path / "map.csv"
    mapping.write_text("006,jalan_rusak\n", encoding="utf-8")
    assert _run(db_url, dump, "--service-map", str(mapping), "--source", "sf311") == 0
    out = capsys.readouterr().out
    rows = _reports(db_engine)
    assert rows and all(r.outside_jurisdiction for r in rows)  # San Francisco
    assert f"imported {len(rows)}, already there 0, refused 0" in out
    assert "outside DKI Jakarta (flagged, kept)" in out
    assert {r.status for r in rows} == {"verified", "new"}


def test_a_url_that_answers_an_error_is_one_line(db_url, db_engine, served, capsys):
    assert _run(db_url, served("missing.json")) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"qlue-console import: {served('missing.json')} answered HTTP 404 File not found"
    assert _reports(db_engine) == []
