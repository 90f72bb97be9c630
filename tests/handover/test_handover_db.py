"""The shift handover in the database (revision 0032), each person with their own login: a note
waits for the next member of the writer's team until one of them acknowledges it, never for
another team; every note is kept; claims are handed to a colleague all or none, and the
database refuses a claim the caller does not hold and a colleague who cannot claim."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from qlue_console.data.queue import QueueFilter
from qlue_console.db.engine import make_engine
from qlue_console.db.sql_errors import ContractError, PermissionDeniedError, translated_errors
from qlue_console.triage import actions, handover
from qlue_console.triage.views import save_view
from tests.triage.util import submit


@pytest.fixture
def logins(login_url, people_engine):
    """Factory: (engine, login) of a new login in a group role; engines disposed after."""
    made = []

    def make(group: str):
        url = login_url(group)
        engine = make_engine(url)
        made.append(engine)
        return engine, make_url(url).username

    yield make
    for engine in made:
        engine.dispose()


def test_a_note_waits_for_the_next_of_the_team_until_acknowledged(logins, people_engine):
    andi, _ = logins("qlue_operator")
    budi, budi_login = logins("qlue_operator")
    sari, _ = logins("qlue_operator")
    boss, _ = logins("qlue_supervisor")
    analyst, _ = logins("qlue_analyst")
    rid = submit(people_engine, 1)
    view = save_view(andi, "Banjir Utara", QueueFilter(), shared=True)
    private = save_view(andi, "Mine only", QueueFilter(), shared=False)
    with pytest.raises(ContractError, match="private"):
        handover.write_note(andi, "x", [private])
    first = handover.write_note(andi, "Old news", [], [])
    note_id = handover.write_note(andi, "  Watch the floods  ", [view], [rid])
    assert handover.pending_note(andi) is None  # the author's own
    assert handover.pending_note(boss) is None  # another team
    with pytest.raises(PermissionDeniedError):
        handover.pending_note(analyst)  # in no team
    seen = handover.pending_note(budi)
    assert seen is not None and seen.id == note_id
    assert (seen.body, seen.views, seen.reports) == (
        "Watch the floods",
        ((view, "Banjir Utara"),),
        (rid,),
    )
    assert handover.pending_note(sari).id == note_id  # still waiting for the team
    with pytest.raises(ContractError):
        handover.acknowledge(andi, note_id)
    with pytest.raises(ContractError):
        handover.acknowledge(boss, note_id)  # not that team's note
    handover.acknowledge(budi, note_id)
    assert handover.pending_note(sari) is None and handover.pending_note(budi) is None
    notes = handover.history(sari)
    assert [n.id for n in notes] == [note_id, first]
    assert notes[0].acknowledged_at is not None and notes[0].acknowledged_by == budi_login
    assert notes[1].acknowledged_at is None
    assert handover.history(boss) == []
    with pytest.raises(PermissionDeniedError):
        handover.history(analyst)


def _holder(engine, rid):
    with engine.connect() as conn:
        return conn.execute(
            text("SELECT claimed_by FROM reports WHERE id = :r"), {"r": rid}
        ).scalar_one()


def test_claims_are_handed_to_a_colleague_all_or_none(logins, people_engine):
    andi, andi_login = logins("qlue_operator")
    budi, budi_login = logins("qlue_operator")
    _analyst, analyst_login = logins("qlue_analyst")
    r1, r2, r3 = (submit(people_engine, n) for n in (1, 2, 3))
    actions.claim(andi, r1)
    actions.claim(andi, r2)
    actions.claim(budi, r3)
    assert [c.report_id for c in handover.my_claims(andi)] == [r1, r2]
    names = {c.login for c in handover.colleagues(andi)}
    assert budi_login in names and andi_login not in names and analyst_login not in names
    with pytest.raises(PermissionDeniedError, match="cannot claim"):
        handover.hand_claims(andi, [r1, r2], analyst_login)
    with pytest.raises(PermissionDeniedError, match=f"report {r3}"):
        handover.hand_claims(andi, [r1, r3], budi_login)  # r3 is budi's: nothing is handed
    assert _holder(people_engine, r1) == andi_login
    assert handover.hand_claims(andi, [r1, r2], budi_login) == 2
    assert {_holder(people_engine, r) for r in (r1, r2, r3)} == {budi_login}
    assert handover.my_claims(andi) == []
    with people_engine.connect() as conn:
        payloads = conn.execute(
            text(
                "SELECT report_id, actor_login, payload FROM events "
                "WHERE kind = 'handed_over' ORDER BY report_id"
            )
        ).all()
    assert [(r, login, p["to"]) for r, login, p in payloads] == [
        (r1, andi_login, budi_login),
        (r2, andi_login, budi_login),
    ]
    with pytest.raises(PermissionDeniedError, match="do not hold"):
        handover.hand_claims(andi, [r1], budi_login)  # no longer andi's


def test_the_roles_are_refused_at_the_sql_level(logins, people_engine):
    andi, _ = logins("qlue_operator")
    _budi, budi_login = logins("qlue_operator")
    analyst, _ = logins("qlue_analyst")
    rid = submit(people_engine, 1)
    for sql in (
        "SELECT write_handover_note('x')",
        "SELECT * FROM pending_handover_note()",
        "SELECT hand_claims_to(ARRAY[1::bigint], 'x')",
        "SELECT * FROM handover_notes",
    ):
        with pytest.raises(PermissionDeniedError), analyst.connect() as conn:
            with translated_errors():
                conn.execute(text(sql))
    with pytest.raises(PermissionDeniedError), andi.connect() as conn:
        with translated_errors():
            conn.execute(text("UPDATE handover_notes SET body = 'x'"))
    # a report nobody claimed cannot be handed either
    with pytest.raises(PermissionDeniedError, match="do not hold"):
        handover.hand_claims(andi, [rid], budi_login)
