"""Over HTTP: the center's replies to the citizen (revision 0026) are notes of the request in
their own words, in JSON and XML; internal comments never appear; a private report shows none."""

from __future__ import annotations

from qlue_console.replies.service import reply_to_citizen
from qlue_console.triage import actions


def test_a_reply_is_a_note_and_a_comment_is_not(client, submit, db_engine):
    rid = submit()
    actions.comment(db_engine, rid, "catatan internal: cek ulang besok")
    reply_to_citizen(db_engine, rid, "Terima kasih, petugas Dishub menuju lokasi.", "id")
    [body] = client.get(f"requests/{rid}.json").json()
    notes = [(n["type"], n["summary"]) for n in body["notes"]]
    assert notes == [
        ("created", "Report received"),
        ("note", "Terima kasih, petugas Dishub menuju lokasi."),
    ]
    assert body["notes"][1]["datetime"].endswith("+07:00")
    xml = client.get(f"requests/{rid}.xml").text
    assert "Terima kasih, petugas Dishub menuju lokasi." in xml
    for path in (f"requests/{rid}.json", f"requests/{rid}.xml", "requests.json"):
        assert "catatan internal" not in client.get(path).text


def test_a_private_report_shows_no_reply(client, submit, db_engine):
    rid = submit(private=True)
    reply_to_citizen(db_engine, rid, "Balasan untuk pelapor", "id")
    [body] = client.get(f"requests/{rid}.json").json()
    assert body["notes"] == [] and "Balasan" not in client.get(f"requests/{rid}.xml").text
