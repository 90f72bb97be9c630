"""Dispatch, re-dispatch, passing on and the follow-up flow through the 0003 functions and the
channel contract, on a real PostgreSQL: one transaction each, refused as a whole."""

from __future__ import annotations

import json
import select
import time
from datetime import datetime, timedelta

import psycopg2
import pytest
from sqlalchemy.engine import make_url

from qlue_console.db.errors import ClaimedError, ConflictError, ContractError
from qlue_console.dispatch import service
from qlue_console.dispatch.routing import suggest_mentions
from qlue_console.domain.sla import JAKARTA
from tests.dispatch.util import (
    clock_engine,
    event_kinds,
    execute,
    mention_states,
    rows,
    scalar,
    submit,
    version,
)
from tests.photo_factory import jpeg

WIB = JAKARTA


# -- routing suggestions ------------------------------------------------------------------


def _handles(engine, report_id):
    return [s.handle for s in suggest_mentions(engine, report_id)]


def test_routing_suggestions_for_real_categories_and_kelurahan(people_engine):
    e = people_engine
    garbage_at_monas = submit(e, category="sampah")
    assert _handles(e, garbage_at_monas) == ["lurah.gambir", "dlh", "ppsu.gambir"]
    flood_at_monas = submit(e, category="banjir")
    assert _handles(e, flood_at_monas) == ["lurah.gambir", "sda", "camat.gambir"]
    # Kota Tua: kelurahan Pinangsia, kecamatan Taman Sari, Jakarta Barat.
    water_at_kota_tua = submit(e, category="air_bersih", place=(-6.1352, 106.8133))
    assert _handles(e, water_at_kota_tua) == ["lurah.pinangsia", "pamjaya"]
    # Outside DKI Jakarta (Depok): no kelurahan, so only the agency.
    outside = submit(e, category="jalan_rusak", place=(-6.4025, 106.7942))
    assert _handles(e, outside) == ["binamarga"]


def test_suggestions_skip_inactive_accounts_and_flag_open_mentions(people_engine):
    e = people_engine
    rid = submit(e)
    execute(e, "UPDATE accounts SET active = false WHERE handle = 'ppsu.gambir'")
    service.dispatch(e, rid, version(e, rid), "Mohon ditangani @lurah.gambir")
    suggestions = suggest_mentions(e, rid)
    assert [(s.handle, s.already_open) for s in suggestions] == [
        ("lurah.gambir", True),
        ("dlh", False),
    ]
    assert suggestions[0].rule_level == "kelurahan" and suggestions[0].rule_kind == "lurah"


# -- dispatch -----------------------------------------------------------------------------


def test_dispatch_writes_event_mentions_and_state_together(people_engine):
    e = people_engine
    rid = submit(e)
    v = version(e, rid)
    result = service.dispatch(
        e, rid, v, "Sampah menumpuk, mohon diangkut @lurah.gambir @DLH @ppsu.gambir."
    )
    assert result.version == v + 1 and result.status == "dispatched"
    assert [m.handle for m in result.added] == ["lurah.gambir", "dlh", "ppsu.gambir"]
    assert result.already == ()
    assert mention_states(e, rid) == [
        ("lurah.gambir", "open"),
        ("dlh", "open"),
        ("ppsu.gambir", "open"),
    ]
    assert event_kinds(e, rid) == ["created", "dispatched"]
    payload = scalar(
        e, "SELECT payload FROM events WHERE report_id = :id AND kind = 'dispatched'", id=rid
    )
    assert payload["message"].startswith("Sampah menumpuk") and len(payload["mentions"]) == 3
    status, due, dispatched_at, event_links = rows(
        e,
        """
        SELECT r.status, r.due_at, r.dispatched_at,
               (SELECT count(*) FROM mentions m WHERE m.report_id = r.id AND m.event_id = :ev)
          FROM reports r WHERE r.id = :id""",
        id=rid,
        ev=result.event_id,
    )[0]
    assert status == "dispatched" and dispatched_at is not None and event_links == 3
    # sampah: 24 calendar hours.
    assert due - dispatched_at == timedelta(hours=24)
    assert all(m.due_at == due for m in result.added)


def test_a_dispatch_that_fails_halfway_leaves_nothing_behind(people_engine):
    e = people_engine
    rid = submit(e)
    v = version(e, rid)
    execute(e, "UPDATE accounts SET active = false WHERE handle = 'ppsu.gambir'")
    with pytest.raises(ContractError, match="ppsu.gambir.*inactive") as err:
        service.dispatch(e, rid, v, "@lurah.gambir @ppsu.gambir tolong")
    assert err.value.field == "handles"
    with pytest.raises(ContractError, match="no account is named @lurah.atlantis"):
        service.dispatch(e, rid, v, "@lurah.gambir @lurah.atlantis tolong")
    with pytest.raises(ContractError, match="message"):
        service.dispatch(e, rid, v, "   ", handles=["lurah.gambir"])
    with pytest.raises(ContractError, match="at least one"):
        service.dispatch(e, rid, v, "tanpa mention, kirim ke budi@jakarta.go.id")
    assert mention_states(e, rid) == []
    assert event_kinds(e, rid) == ["created"]
    assert version(e, rid) == v
    assert scalar(e, "SELECT status FROM reports WHERE id = :id", id=rid) == "new"


def test_re_dispatch_adds_mentions_and_never_duplicates(people_engine):
    e = people_engine
    rid = submit(e)
    first = service.dispatch(e, rid, version(e, rid), "@lurah.gambir cek lokasi")
    second = service.dispatch(e, rid, first.version, "@lurah.gambir @dlh mohon diangkut")
    assert [m.handle for m in second.added] == ["dlh"] and second.already == ("lurah.gambir",)
    with pytest.raises(ContractError, match="already have report .* open"):
        service.dispatch(e, rid, second.version, "@dlh @LURAH.GAMBIR lagi")
    assert mention_states(e, rid) == [("lurah.gambir", "open"), ("dlh", "open")]
    assert event_kinds(e, rid) == ["created", "dispatched", "dispatched"]


def test_a_stale_version_is_refused_with_who_changed_it(people_engine, login_url):
    e = people_engine
    rid = submit(e)
    andi_url, sari_url = login_url("qlue_operator"), login_url("qlue_operator")
    execute(
        e, "UPDATE accounts SET login = :l WHERE handle = 'op.andi'", l=make_url(andi_url).username
    )
    andi, sari = clock_engine(andi_url, ""), clock_engine(sari_url, "")
    try:
        opened_at = version(e, rid)
        service.dispatch(andi, rid, opened_at, "@lurah.gambir segera")
        with pytest.raises(ConflictError) as err:
            service.dispatch(sari, rid, opened_at, "@dlh segera")
        assert "op.andi" in str(err.value) and "dispatched" in str(err.value)
        assert err.value.details["actor"] == "op.andi" and err.value.details["kind"] == "dispatched"
        assert mention_states(e, rid) == [("lurah.gambir", "open")]
        # A report Andi claims cannot be dispatched by Sari, even at the right version.
        execute(
            e,
            "UPDATE reports SET claimed_by = :l, claim_expires_at = now() + interval '5 min' WHERE "
            "id = :id",
            l=make_url(andi_url).username,
            id=rid,
        )
        with pytest.raises(ClaimedError):
            service.dispatch(sari, rid, version(e, rid), "@dlh segera")
    finally:
        andi.dispose()
        sari.dispose()


def test_closed_reports_cannot_be_dispatched(people_engine):
    e = people_engine
    rid = submit(e)
    execute(e, "UPDATE reports SET status = 'rejected' WHERE id = :id", id=rid)
    with pytest.raises(ContractError, match="closed"):
        service.dispatch(e, rid, version(e, rid), "@lurah.gambir")


# -- due times in Jakarta time, through the dispatch function ------------------------------


@pytest.mark.parametrize(
    ("now", "category", "expected"),
    [
        # sampah, 24 calendar hours: across midnight and from Saturday into Sunday.
        ("2026-12-01 23:30+07", "sampah", "2026-12-02 23:30+07"),
        ("2026-12-05 22:00+07", "sampah", "2026-12-06 22:00+07"),
        # banjir, 6 calendar hours at 21:00 WIB = 14:00 UTC: due 03:00 WIB the next day.
        ("2026-12-01 14:00+00", "banjir", "2026-12-02 03:00+07"),
        # saluran_tersumbat, 3 working days: Friday 16:00 -> Wednesday 16:00 (the weekend skipped).
        ("2026-12-04 16:00+07", "saluran_tersumbat", "2026-12-09 16:00+07"),
        # Friday 23:30 WIB is still Friday in Jakarta (16:30 UTC): same rule.
        ("2026-12-04 16:30+00", "saluran_tersumbat", "2026-12-09 23:30+07"),
        # A Saturday start counts from Monday 00:00: Mon, Tue, Wed -> Thursday 00:00.
        ("2026-12-05 10:00+07", "saluran_tersumbat", "2026-12-10 00:00+07"),
        # Before Christmas: Thu 24 (cuti bersama) and Fri 25 are holidays; Wed 23 16:00 + 3 working
        # days = Mon 28, Tue 29, Wed 30 at 16:00.
        ("2026-12-23 16:00+07", "saluran_tersumbat", "2026-12-30 16:00+07"),
    ],
)
def test_due_times_across_midnight_weeks_and_holidays(
    people_engine, db_url, now, category, expected
):
    rid = submit(people_engine, category=category)
    engine = clock_engine(db_url, now)
    try:
        result = service.dispatch(
            engine, rid, version(people_engine, rid), "@lurah.gambir mohon dicek"
        )
    finally:
        engine.dispose()
    due = result.added[0].due_at
    assert due == datetime.fromisoformat(expected.replace("+07", "+07:00").replace("+00", "+00:00"))
    assert scalar(people_engine, "SELECT due_at FROM mentions WHERE report_id = :id", id=rid) == due
    mentioned = scalar(
        people_engine, "SELECT mentioned_at FROM mentions WHERE report_id = :id", id=rid
    )
    assert mentioned == datetime.fromisoformat(
        now.replace("+07", "+07:00").replace("+00", "+00:00")
    )
    assert due.astimezone(WIB).utcoffset() == timedelta(hours=7)


# -- passing on (Koordinasi) --------------------------------------------------------------


def test_passing_on_closes_old_mentions_as_forwarded_and_counts(people_engine):
    e = people_engine
    rid = submit(e, category="air_bersih", text_="Air PAM tidak mengalir tiga hari")
    v = service.dispatch(e, rid, version(e, rid), "@lurah.gambir @dlh mohon dicek").version
    with pytest.raises(ContractError, match="reason"):
        service.forward(e, rid, v, ["pamjaya"], "  ")
    result = service.forward(
        e, rid, v, ["@pamjaya"], "Pipa PAM bocor, bukan sampah", message="Mohon ditangani @pamjaya"
    )
    assert result.status == "coordination"
    assert set(result.forwarded) == {"lurah.gambir", "dlh"}
    assert [m.handle for m in result.added] == ["pamjaya"]
    assert mention_states(e, rid) == [
        ("lurah.gambir", "forwarded"),
        ("dlh", "forwarded"),
        ("pamjaya", "open"),
    ]
    assert scalar(e, "SELECT status FROM reports WHERE id = :id", id=rid) == "coordination"
    payload = scalar(
        e, "SELECT payload FROM events WHERE report_id = :id AND kind = 'forwarded'", id=rid
    )
    assert (
        payload["reason"] == "Pipa PAM bocor, bukan sampah"
        and payload["to"][0]["handle"] == "pamjaya"
    )
    # Only the mentions named in from_ close; passing on to someone who holds it is refused.
    v = service.forward(
        e,
        rid,
        result.version,
        ["telkom", "lurah.gambir"],
        "Kabel Telkom ikut rusak",
        from_=["pamjaya"],
    ).version
    assert mention_states(e, rid)[-3:] == [
        ("pamjaya", "forwarded"),
        ("telkom", "open"),
        ("lurah.gambir", "open"),
    ]
    with pytest.raises(ContractError, match="already has report"):
        service.forward(e, rid, v, ["telkom"], "lagi", from_=["lurah.gambir"])
    # The weekly report counts ping-pong from the events.
    assert (
        scalar(
            e, "SELECT count(*) FROM events WHERE report_id = :id AND kind = 'forwarded'", id=rid
        )
        == 2
    )
    # Dispatching again takes the report out of Koordinasi.
    service.dispatch(e, rid, v, "@dlh ikut cek")
    assert scalar(e, "SELECT status FROM reports WHERE id = :id", id=rid) == "dispatched"


def test_the_mentioned_official_passes_the_report_on_through_the_channel(people_engine, login_url):
    e = people_engine
    rid = submit(e)
    service.dispatch(e, rid, version(e, rid), "@lurah.gambir @dlh")
    channel = clock_engine(login_url("qlue_channel"), "")
    try:
        with channel.begin() as conn:
            from sqlalchemy import text

            with pytest.raises(Exception, match="has no open mention"):
                with conn.begin_nested():
                    conn.execute(
                        text(
                            "SELECT official_forward_report(:r, 'camat.gambir', ARRAY['pamjaya'], "
                            "'x')"
                        ),
                        {"r": rid},
                    )
            conn.execute(
                text("SELECT official_forward_report(:r, 'lurah.gambir', ARRAY['pamjaya'], :why)"),
                {"r": rid, "why": "Air, bukan sampah"},
            )
    finally:
        channel.dispose()
    assert mention_states(e, rid) == [
        ("lurah.gambir", "forwarded"),
        ("dlh", "open"),
        ("pamjaya", "open"),
    ]
    assert rows(
        e, "SELECT actor FROM events WHERE report_id = :id AND kind = 'forwarded'", id=rid
    ) == [("lurah.gambir",)]


# -- follow-up and re-report through the channel contract ---------------------------------


def test_follow_up_flow_end_to_end(people_engine):
    e = people_engine
    rid = submit(e, citizen="warga.monas")
    v = service.dispatch(e, rid, version(e, rid), "@lurah.gambir @dlh mohon diangkut").version
    with e.begin() as conn:
        from sqlalchemy import text

        follow_up = conn.execute(
            text("SELECT submit_follow_up(:r, '@lurah.gambir', 'Sudah diangkut', :p)"),
            {"r": rid, "p": jpeg(3)},
        ).scalar_one()
    assert follow_up > 0
    assert mention_states(e, rid) == [("lurah.gambir", "resolved"), ("dlh", "open")]
    status, followed_up_at, new_version = rows(
        e, "SELECT status, followed_up_at, version FROM reports WHERE id = :id", id=rid
    )[0]
    assert status == "followed_up" and followed_up_at is not None and new_version == v + 1
    assert rows(
        e, "SELECT verification, photo_id IS NOT NULL FROM follow_ups WHERE id = :id", id=follow_up
    ) == [("pending", True)]
    # The citizen is not satisfied: the report reopens and the last mentioned accounts are
    # mentioned again (DLH still holds its open mention, so only the lurah gets a new one).
    with e.begin() as conn:
        conn.execute(
            text("SELECT reopen_report(:r, 'warga.monas', 'Masih ada sampah')"), {"r": rid}
        )
    assert scalar(e, "SELECT status FROM reports WHERE id = :id", id=rid) == "reopened"
    assert mention_states(e, rid) == [
        ("lurah.gambir", "resolved"),
        ("dlh", "open"),
        ("lurah.gambir", "open"),
    ]
    assert event_kinds(e, rid) == ["created", "dispatched", "follow_up", "reopened"]
    # A reopened report can be dispatched again to more people.
    result = service.dispatch(e, rid, version(e, rid), "@ppsu.gambir bantu angkut")
    assert [m.handle for m in result.added] == ["ppsu.gambir"]


def test_mentions_notify_the_officials_channel(people_engine, db_url):
    e = people_engine
    rid = submit(e)
    listener = psycopg2.connect(make_url(db_url).render_as_string(hide_password=False))
    listener.autocommit = True
    listener.cursor().execute("LISTEN qlue_mentions")
    try:
        result = service.dispatch(e, rid, version(e, rid), "@lurah.gambir @dlh")
        received = []
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and len(received) < 2:
            if select.select([listener], [], [], 0.5)[0]:
                listener.poll()
                received.extend(listener.notifies)
                listener.notifies.clear()
    finally:
        listener.close()
    payloads = [json.loads(n.payload) for n in received]
    assert {p["mention"] for p in payloads} == {m.mention_id for m in result.added}
    assert {p["account"] for p in payloads} == {m.account_id for m in result.added}
    assert all(p["report"] == rid and p["due_at"] for p in payloads)
