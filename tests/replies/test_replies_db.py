"""Replies to the citizen (revision 0026): a public 'reply' event on the timeline, written by
the center's roles, read by the channel that submitted the report — never an internal comment,
never another channel's report."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from qlue_console.db.engine import make_engine
from qlue_console.db.errors import ContractError, PermissionDeniedError
from qlue_console.db.sql_errors import translated_errors
from qlue_console.replies.service import load_reply_context, reply_to_citizen
from qlue_console.triage import actions
from tests.triage.util import events, submit, version


@pytest.fixture
def engine_of(login_url):
    made = []

    def make(group: str):
        engine = make_engine(login_url(group))
        made.append(engine)
        return engine

    yield make
    for engine in made:
        engine.dispose()


def _replies(engine, after: int = 0):
    with translated_errors(), engine.connect() as conn:
        return [
            tuple(row)
            for row in conn.execute(
                text(
                    "SELECT report_id, external_id, text, lang FROM channel_replies(:a) "
                    "ORDER BY event_id"
                ),
                {"a": after},
            )
        ]


def test_a_reply_is_its_own_public_event_beside_internal_comments(engine_of, db_engine):
    operator = engine_of("qlue_operator")
    rid = submit(db_engine, 1)
    before = version(db_engine, rid)
    actions.comment(operator, rid, "penelepon marah, hati-hati")
    event_id = reply_to_citizen(operator, rid, "  Terima kasih, laporan #1 diterima.  ", "id")
    assert events(db_engine, rid)[-2:] == ["comment", "reply"]
    with db_engine.connect() as conn:
        payload, login = conn.execute(
            text("SELECT payload, actor_login FROM events WHERE id = :id"), {"id": event_id}
        ).one()
    assert payload == {"text": "Terima kasih, laporan #1 diterima.", "lang": "id"}
    assert login.startswith("t_qlue_operator")
    # a reply changes nothing of the report itself: no other console's action goes stale
    assert version(db_engine, rid) == before


@pytest.mark.parametrize(
    ("body", "lang", "field"),
    [
        ("", "id", "text"),
        (" \u200b\n", "id", "text"),
        ("x" * 2001, "id", "text"),
        ("ok", "fr", "lang"),
    ],
)
def test_a_bad_reply_is_refused_and_nothing_is_written(db_engine, body, lang, field):
    rid = submit(db_engine, 1)
    with pytest.raises(ContractError) as raised:
        reply_to_citizen(db_engine, rid, body, lang)
    assert raised.value.field == field
    assert "reply" not in events(db_engine, rid)


def test_a_reply_to_an_unknown_report_is_refused(db_engine):
    with pytest.raises(ContractError, match="unknown report 999"):
        reply_to_citizen(db_engine, 999, "Halo")


def test_an_analyst_may_not_reply(engine_of, db_engine):
    rid = submit(db_engine, 1)
    with pytest.raises(PermissionDeniedError):
        reply_to_citizen(engine_of("qlue_analyst"), rid, "Halo")


def test_the_channel_reads_the_replies_to_its_own_reports_only(engine_of, db_engine):
    mine, theirs = engine_of("qlue_channel"), engine_of("qlue_channel")
    own = submit(mine, 1)
    other = submit(theirs, 2)
    operator = engine_of("qlue_operator")
    actions.comment(operator, own, "catatan internal")
    reply_to_citizen(operator, own, "Laporan Anda diteruskan ke Lurah.", "id")
    reply_to_citizen(operator, other, "Your report was sent on.", "en")
    reply_to_citizen(operator, own, "Sudah selesai.", "id")
    got = _replies(mine)
    assert [(r[0], r[2], r[3]) for r in got] == [
        (own, "Laporan Anda diteruskan ke Lurah.", "id"),
        (own, "Sudah selesai.", "id"),
    ]
    assert got[0][1] == "t1"  # the channel's own external id, to find its citizen
    assert [r[2] for r in _replies(theirs)] == ["Your report was sent on."]
    # polling after the last reply seen gives only what is new
    with mine.connect() as conn:
        first = conn.execute(text("SELECT min(event_id) FROM channel_replies(0)")).scalar_one()
    assert [r[2] for r in _replies(mine, first)] == ["Sudah selesai."]


def test_only_a_channel_reads_channel_replies(engine_of):
    with pytest.raises(PermissionDeniedError):
        _replies(engine_of("qlue_operator"))


def test_the_context_names_the_agencies_asked_not_people(people_engine):
    from qlue_console.dispatch import service

    rid = submit(people_engine, 1, category="sampah")
    ctx = service.load_dispatch_context(people_engine, rid)
    assert ctx is not None and ctx.suggestions
    handles = [s.handle for s in ctx.suggestions]
    service.dispatch(
        people_engine, rid, ctx.version, "Mohon " + " ".join("@" + h for h in handles), handles
    )
    reply = load_reply_context(people_engine, rid)
    assert reply is not None
    assert reply.status == "dispatched" and reply.due_at is not None
    assert reply.kelurahan and reply.officials
    assert not any(o.startswith("@") or o in handles for o in reply.officials)
