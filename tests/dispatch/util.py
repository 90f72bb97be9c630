"""Helpers of the dispatch tests: reports at known places, a clock set for a connection, and
small queries."""

from __future__ import annotations

import itertools

from sqlalchemy import event, text

from qlue_console.db.engine import make_engine

MONAS = (-6.1754, 106.8272)  # kelurahan Gambir, kecamatan Gambir, Jakarta Pusat
_ids = itertools.count(1)


def submit(
    engine, *, category="sampah", place=MONAS, citizen="warga1", text_="Sampah menumpuk di trotoar"
):
    with engine.begin() as conn:
        return conn.execute(
            text("SELECT submit_report('app', :e, :c, :t, :cat, :lat, :lon)"),
            {
                "e": f"d{next(_ids)}",
                "c": citizen,
                "t": text_,
                "cat": category,
                "lat": place[0],
                "lon": place[1],
            },
        ).scalar_one()


def version(engine, report_id: int) -> int:
    return scalar(engine, "SELECT version FROM reports WHERE id = :id", id=report_id)


def scalar(engine, sql: str, **params):
    with engine.connect() as conn:
        return conn.execute(text(sql), params).scalar()


def rows(engine, sql: str, **params):
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql), params)]


def execute(engine, sql: str, **params) -> None:
    with engine.begin() as conn:
        conn.execute(text(sql), params)


def mention_states(engine, report_id: int) -> list[tuple[str, str]]:
    return rows(
        engine,
        "SELECT a.handle, m.state FROM mentions m JOIN accounts a ON a.id = m.account_id "
        "WHERE m.report_id = :id ORDER BY m.id",
        id=report_id,
    )


def event_kinds(engine, report_id: int) -> list[str]:
    return [
        r[0]
        for r in rows(
            engine, "SELECT kind FROM events WHERE report_id = :id ORDER BY id", id=report_id
        )
    ]


def clock_engine(url: str, moment: str):
    """An engine whose every connection runs dispatch and escalation at ``moment`` (the
    'qlue.now' setting, honoured for a superuser's session only)."""
    engine = make_engine(url)

    @event.listens_for(engine, "connect")
    def _set_clock(dbapi_connection, _record):
        with dbapi_connection.cursor() as cur:
            cur.execute("SELECT set_config('qlue.now', %s, false)", (moment,))
        dbapi_connection.commit()

    return engine
