"""The server as a person reads it (``qlue_console.db.engine.describe``): ``host:port/db``,
"embedded demo", never a password, the login or the driver; one function for the status bar,
the About box and every message."""

from __future__ import annotations

import pytest

from qlue_console.db.engine import EMBEDDED_DEMO, describe, make_engine
from qlue_console.db.errors import BadDatabaseUrlError


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://op:s3cret@db.pemprov.go.id:6432/qlue", "db.pemprov.go.id:6432/qlue"),
        ("postgresql+psycopg2://op:s3cret@db.example/qlue", "db.example/qlue"),
        ("postgresql://op@[2001:db8::5]:5433/qlue", "[2001:db8::5]:5433/qlue"),
        # the embedded server's form: a socket directory, URL-encoded in the query
        (
            "postgresql://demo_operator@/qlue?host=%2Ftmp%2Fqlue-x%2Frun",
            "socket /tmp/qlue-x/run/qlue",
        ),
        ("postgresql:///qlue?host=/run/postgresql&port=5433", "socket /run/postgresql/qlue"),
        # libpq multi-host, in the authority (SQLAlchemy cannot parse it) and in the query
        ("postgresql://op:s3cret@pg1:5432,pg2:5433/qlue", "pg1:5432,pg2:5433/qlue"),
        ("postgresql://op:s3cret@/qlue?host=pg1:5432&host=pg2:5433", "pg1:5432,pg2:5433/qlue"),
        (
            "postgresql://op:s3cret@/qlue?host=pg1&host=pg2&port=5432&port=5433",
            "pg1:5432,pg2:5433/qlue",
        ),
        ("postgresql://op:p%40ss%3Aword@db.example:5432/qlue", "db.example:5432/qlue"),
    ],
)
def test_a_server_is_host_port_and_database(url, shown):
    text = describe(url)
    assert text == shown
    for secret in ("s3cret", "p%40ss", "p@ss", "op@", "op:", "postgresql:", "psycopg2", "%2F"):
        assert secret not in text


def test_the_embedded_server_is_the_embedded_demo():
    assert (
        describe("postgresql://demo_admin@/qlue?host=%2Fhome%2Fx%2Frun", embedded=True)
        == EMBEDDED_DEMO
    )


def test_an_unreadable_url_is_said_so_without_echoing_a_password():
    assert describe("not a url") == "<unreadable URL>"
    with pytest.raises(BadDatabaseUrlError) as refused:
        make_engine("postgresql://op:s3cret@pg1:5432,pg2:x/qlue")
    assert "s3cret" not in str(refused.value) and "pg1:5432,pg2:x/qlue" in str(refused.value)
    with pytest.raises(BadDatabaseUrlError, match="'notaurl' is not valid"):
        make_engine("notaurl")


def test_libpq_multi_host_forms_are_shown_one_server_after_the_other():
    both = "127.0.0.1:5432,127.0.0.1:5433/qlue"
    assert describe("postgresql://op@/qlue?host=127.0.0.1,127.0.0.1&port=5432,5433") == both
    assert describe("postgresql://op:s3cret@127.0.0.1:5432,127.0.0.1:5433/qlue") == both
    assert describe("postgresql://op@/qlue?host=db1,db2&port=,5433") == "db1,db2:5433/qlue"
    engine = make_engine("postgresql://op:s3cret@db1:5432,db2:5433/qlue")
    try:  # the primary is the one that accepts writes; the password never shows
        assert engine.url.query["target_session_attrs"] == "read-write"
        assert describe(str(engine.url)) == "db1:5432,db2:5433/qlue"
    finally:
        engine.dispose()
