"""The contract refuses what only looks like input, in SQL (any channel's language) and in the
Python wrapper with the same field and message: text made only of blanks, NUL characters, and
photos over the size limit or whose bytes are no sound image. Each refusal is SQLSTATE 22023 and
writes nothing."""

from __future__ import annotations

import psycopg2
import pytest
from sqlalchemy import text

from qlue_console.db import contract
from qlue_console.db.errors import ContractError
from tests.photo_factory import jpeg

MONAS = (-6.1754, 106.8272)
COUNTS = (
    "SELECT (SELECT count(*) FROM reports), (SELECT count(*) FROM photos), (SELECT count(*) "
    "FROM events), (SELECT count(*) FROM follow_ups), (SELECT count(*) FROM mentions)"
)

# Each alone looks like nothing: tab, newline, no-break spaces, zero-width characters.
BLANKS = [
    "\t",
    "\n\r\n",
    "\u00a0",
    "\u202f",
    "\u2007",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    " \t\u00a0\u200b\ufeff\u3000 ",
]


def _counts(conn) -> tuple:
    return tuple(conn.execute(text(COUNTS)).one())


def _sql_refusal(conn, sql: str, params: dict) -> psycopg2.Error:
    """Runs ``sql`` expecting a refusal; returns the driver's error (its pgcode and diag)."""
    with pytest.raises(Exception) as err:
        conn.execute(text(sql), params)
    conn.rollback()
    return err.value.orig


REPORT_SQL = "SELECT submit_report('app', :ext, :citizen, :text, 'sampah', -6.1754, 106.8272)"


@pytest.fixture
def reopenable(db_engine):
    """A followed-up report of citizen 'warga_monas' (reopenable), and its official."""
    with db_engine.begin() as conn:
        report_id = conn.execute(
            text(REPORT_SQL), {"ext": "base", "citizen": "warga_monas", "text": "Sampah"}
        ).scalar_one()
        conn.execute(
            text(
                "INSERT INTO accounts (handle, display_name, kind, area_code) "
                "VALUES ('lurah.gambir', 'Lurah Gambir', 'lurah', '31.71.01.1001')"
            )
        )
        contract.submit_follow_up(
            conn, report_id=report_id, official="lurah.gambir", note="beres", photo=jpeg(3)
        )
    return report_id


@pytest.mark.parametrize("blank", BLANKS)
@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("external_id", "the channel's external_id is required"),
        ("citizen", "the citizen handle is required"),
        ("text", "the report text is required"),
    ],
)
def test_submit_report_refuses_blank_text_in_sql_and_in_the_wrapper(
    db_engine, blank, field, message
):
    values = {
        "external_id": "e-blank",
        "citizen": "warga_monas",
        "text": "Sampah menumpuk",
        field: blank,
    }
    with db_engine.connect() as conn:
        before = _counts(conn)
        error = _sql_refusal(
            conn,
            REPORT_SQL,
            {"ext": values["external_id"], "citizen": values["citizen"], "text": values["text"]},
        )
        assert (error.pgcode, error.diag.message_detail, error.diag.message_primary) == (
            "22023",
            field,
            message,
        )
        with pytest.raises(ContractError) as err:
            contract.submit_report(
                conn,
                channel="app",
                external_id=values["external_id"],
                citizen=values["citizen"],
                text_=values["text"],
                category="sampah",
                lat=MONAS[0],
                lon=MONAS[1],
            )
        conn.rollback()
        assert (err.value.sqlstate, err.value.field, err.value.message) == ("22023", field, message)
        assert _counts(conn) == before


@pytest.mark.parametrize("blank", ["\t\n", "\u00a0\u200b", "\ufeff\u2060"])
def test_reopen_and_follow_up_refuse_blank_text(db_engine, reopenable, blank):
    cases = [
        (
            "SELECT reopen_report(:r, 'warga_monas', :v)",
            "text",
            "say what was not handled right: the text is required",
            lambda conn: contract.reopen_report(
                conn, report_id=reopenable, citizen="warga_monas", text_=blank
            ),
        ),
        (
            "SELECT reopen_report(:r, :v, 'Belum beres')",
            "citizen",
            "the citizen handle is required",
            lambda conn: contract.reopen_report(
                conn, report_id=reopenable, citizen=blank, text_="Belum beres"
            ),
        ),
        (
            "SELECT submit_follow_up(:r, :v, 'n', :photo)",
            "official",
            "the official's handle is required",
            lambda conn: contract.submit_follow_up(
                conn, report_id=reopenable, official=blank, note="n", photo=jpeg(4)
            ),
        ),
    ]
    with db_engine.connect() as conn:
        before = _counts(conn)
        for sql, field, message, wrapper in cases:
            error = _sql_refusal(conn, sql, {"r": reopenable, "v": blank, "photo": jpeg(4)})
            assert (error.pgcode, error.diag.message_detail, error.diag.message_primary) == (
                "22023",
                field,
                message,
            )
            with pytest.raises(ContractError) as err:
                wrapper(conn)
            conn.rollback()
            assert (err.value.sqlstate, err.value.field, err.value.message) == (
                "22023",
                field,
                message,
            )
        assert _counts(conn) == before


def test_a_handle_with_blanks_around_it_is_stored_trimmed_and_can_reopen(db_engine, reopenable):
    with db_engine.begin() as conn:
        report_id = contract.submit_report(
            conn,
            channel="app",
            external_id="trim",
            citizen="\u00a0warga_b\u200b\t",
            text_="Jalan rusak",
            category="sampah",
            lat=MONAS[0],
            lon=MONAS[1],
        )
        row = conn.execute(
            text("SELECT citizen_handle, followers FROM reports WHERE id = :id"), {"id": report_id}
        ).one()
        assert row == ("warga_b", ["warga_b"])
        assert contract.reopen_report(
            conn, report_id=reopenable, citizen="\ufeffwarga_monas\u00a0", text_="Belum"
        )


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (
            lambda conn: contract.submit_report(
                conn,
                channel="app",
                external_id="n",
                citizen="w",
                text_="a\x00b",
                category="sampah",
                lat=MONAS[0],
                lon=MONAS[1],
            ),
            "text",
        ),
        (
            lambda conn: contract.submit_report(
                conn,
                channel="app",
                external_id="n\x00",
                citizen="w",
                text_="t",
                category="sampah",
                lat=MONAS[0],
                lon=MONAS[1],
            ),
            "external_id",
        ),
        (
            lambda conn: contract.submit_report(
                conn,
                channel="app",
                external_id="n",
                citizen="\x00",
                text_="t",
                category="sampah",
                lat=MONAS[0],
                lon=MONAS[1],
            ),
            "citizen",
        ),
        (
            lambda conn: contract.submit_follow_up(
                conn, report_id=1, official="lurah.gambir", note="n\x00", photo=jpeg(2)
            ),
            "note",
        ),
        (
            lambda conn: contract.submit_follow_up(
                conn,
                report_id=1,
                official="lurah.gambir",
                note="n",
                photo=jpeg(2),
                external_id="\x00",
            ),
            "external_id",
        ),
        (
            lambda conn: contract.reopen_report(
                conn, report_id=1, citizen="warga_monas", text_="\x00"
            ),
            "text",
        ),
    ],
)
def test_nul_characters_are_refused_as_bad_input_by_the_wrapper(db_engine, reopenable, call, field):
    with db_engine.connect() as conn:
        before = _counts(conn)
        with pytest.raises(ContractError) as err:
            call(conn)
        conn.rollback()
        assert (err.value.sqlstate, err.value.field) == ("22023", field)
        assert (
            err.value.message
            == f"{field} contains a NUL character (U+0000), which cannot be stored"
        )
        assert _counts(conn) == before


def test_nul_characters_the_server_refuses_before_the_contract_become_a_contract_error(db_engine):
    """A channel in another language can reach PostgreSQL with a NUL (a binary parameter, chr(0),
    a \\u0000 escape in the photo metadata): PostgreSQL refuses it before the function runs; the
    wrapper's error translation gives it one clear line."""
    from qlue_console.db.sql_errors import UNSTORABLE_MESSAGE, translated_errors

    attempts = [
        "SELECT submit_report('app', 'n', 'w', convert_from('\\x610062'::bytea, 'UTF8'), 'sampah', "
        "-6.17, 106.82)",
        "SELECT submit_report('app', 'n', 'w', 'a' || chr(0), 'sampah', -6.17, 106.82)",
        "SELECT submit_report('app', 'n', 'w', 't', 'sampah', -6.17, 106.82, NULL, "
        "'{\"mime\": \"\\u0000\"}'::jsonb)",
    ]
    with db_engine.connect() as conn:
        for sql in attempts:
            with pytest.raises(ContractError) as err, translated_errors():
                conn.execute(text(sql))
            conn.rollback()
            assert (err.value.sqlstate, err.value.message) == ("22023", UNSTORABLE_MESSAGE)
        assert _counts(conn) == (0, 0, 0, 0, 0)
