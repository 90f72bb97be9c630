"""Every change announces itself: a second connection LISTENing on 'qlue_events' hears it."""

from __future__ import annotations

import json
import select
import time

import psycopg2
from sqlalchemy.engine import make_url

from qlue_console.db import contract
from qlue_console.db.listen import EventListener
from tests.photo_factory import jpeg


def test_submit_report_notifies_a_second_connection(db_url, db_engine):
    listener = psycopg2.connect(make_url(db_url).render_as_string(hide_password=False))
    listener.autocommit = True
    listener.cursor().execute("LISTEN qlue_events")
    with db_engine.begin() as conn:
        report_id = contract.submit_report(
            conn,
            channel="web",
            external_id="n1",
            citizen="w",
            text_="Banjir",
            category="banjir",
            lat=-6.2,
            lon=106.85,
            photo=jpeg(4),
        )
    deadline = time.monotonic() + 5
    received = []
    while time.monotonic() < deadline and not received:
        if select.select([listener], [], [], 0.5)[0]:
            listener.poll()
            received.extend(listener.notifies)
    listener.close()
    assert received, "no notification arrived"
    payload = json.loads(received[0].payload)
    assert payload["report"] == report_id and payload["kind"] == "created" and payload["event"] > 0


def test_event_listener_yields_notifications_and_catches_up(db_url, db_engine):
    listener = EventListener(db_url)
    listener.connect()
    with db_engine.begin() as conn:
        first = contract.submit_report(
            conn,
            channel="sms",
            external_id="n2",
            citizen="w",
            text_="Pohon tumbang",
            category="pohon_tumbang",
            lat=-6.2,
            lon=106.85,
        )
    events = listener.wait(timeout=5)
    assert [(e.report_id, e.kind) for e in events] == [(first, "created")]
    last_seen = events[-1].event_id
    listener.close()
    with db_engine.begin() as conn:  # happens while the listener is away
        second = contract.submit_report(
            conn,
            channel="sms",
            external_id="n3",
            citizen="w",
            text_="Lampu mati",
            category="lampu_jalan",
            lat=-6.21,
            lon=106.84,
        )
    listener.connect()
    missed = listener.catch_up(last_seen)
    assert [(e.report_id, e.kind) for e in missed] == [(second, "created")]
    listener.close()
