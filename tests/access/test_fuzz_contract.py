"""A bounded hypothesis run over the channel contract, through the Python wrappers and through
the raw SQL functions (as a channel login): hostile strings (unicode, NULs, huge texts),
numbers (NaN, infinities, huge), wrong types and random bytes as photos. Each call succeeds
with valid input or is refused clearly, and the database never holds a partial write.
The long campaign is bench/fuzz_contract.py."""

from __future__ import annotations

import itertools

import psycopg2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qlue_console.db import contract
from qlue_console.db.engine import make_engine
from qlue_console.db.errors import ContractError, IdempotencyConflictError
from tests.access import fuzzing as fz
from tests.access.conftest import connect

CI = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)


@pytest.fixture
def fuzz_db(people_engine, db_url, login_url):
    """A fuzz target: the channel contract as a channel login, the owner counting."""
    channel_url = login_url("qlue_channel")
    su = connect(db_url)
    target = fz.prepare(
        fz.Target(
            engine=make_engine(channel_url),
            raw=connect(channel_url, autocommit=False),
            cursor=su.cursor(),
        )
    )
    yield target
    fz.assert_consistent(target.cursor)
    if sum(target.outcomes.values()) >= 50:  # a hypothesis run: both paths were exercised
        assert target.outcomes["accepted"] > 0 and target.outcomes["refused"] > 0, target.outcomes
    target.raw.close()
    target.engine.dispose()
    su.close()


@CI
@given(args=fz.wrapper_reports)
def test_submit_report_through_the_wrapper(fuzz_db, args):
    fz.submit_report_wrapper(fuzz_db, args)


@CI
@given(args=fz.raw_reports)
def test_submit_report_through_sql(fuzz_db, args):
    fz.submit_report_sql(fuzz_db, args)


@CI
@given(data=st.data())
def test_submit_follow_up_through_the_wrapper_and_sql(fuzz_db, data):
    fz.follow_up(fuzz_db, data)


@CI
@given(data=st.data())
def test_reopen_report_through_the_wrapper_and_sql(fuzz_db, data):
    fz.reopen(fuzz_db, data)


# --- wrong argument types -------------------------------------------------------------------------
# Inputs the fuzzing found escaping as driver or Python errors before the wrappers checked ids
# (ints within bigint, not bool), reported_at (a datetime), huge numbers and text that is not
# encodable as UTF-8 (lone surrogates): each is now a clear ContractError and writes nothing.


def _report(**overrides):
    args = dict(
        channel="app",
        external_id="gap",
        citizen=fz.CITIZEN,
        text_="t",
        category="sampah",
        lat=-6.17,
        lon=106.82,
    )
    args.update(overrides)
    return lambda conn: contract.submit_report(conn, **args)


GAPS = {
    "lat beyond float": _report(lat=10**400),
    "reported_at text": _report(reported_at="kemarin"),
    "reported_at number": _report(reported_at=1700000000),
    "text with a lone surrogate": _report(text_="a\udcffb"),
    "follow-up report id text": lambda conn: contract.submit_follow_up(
        conn, report_id="abc", official=fz.OFFICIAL, note="n", photo=fz.real_jpeg(1)
    ),
    "follow-up report id float": lambda conn: contract.submit_follow_up(
        conn, report_id=1.5, official=fz.OFFICIAL, note="n", photo=fz.real_jpeg(1)
    ),
    "follow-up report id beyond bigint": lambda conn: contract.submit_follow_up(
        conn, report_id=2**70, official=fz.OFFICIAL, note="n", photo=fz.real_jpeg(1)
    ),
    "reopen report id list": lambda conn: contract.reopen_report(
        conn, report_id=[1], citizen=fz.CITIZEN, text_="t"
    ),
}


@pytest.mark.parametrize("gap", GAPS)
def test_wrong_argument_types_are_refused_clearly(gap, fuzz_db):
    before = fz.snapshot(fuzz_db.cursor)
    try:
        with fuzz_db.engine.begin() as conn, pytest.raises(ContractError):
            GAPS[gap](conn)
    finally:
        assert fz.snapshot(fuzz_db.cursor) == before  # whatever escapes, nothing was written


# --- what never reaches the functions ----------------------------------------------------------


def test_nul_characters_and_wrong_sql_types_write_nothing(fuzz_db):
    raw, cursor, targets = fuzz_db.raw, fuzz_db.cursor, {"reports": fuzz_db.reports}
    before = fz.snapshot(cursor)
    attempts = [
        (
            "SELECT submit_report('app', 'nul', 'w', 'a' || chr(0) || 'b', 'sampah', -6.17, "
            "106.82)",
            (),
        ),
        ("SELECT submit_report('app', 'nul', 'w', E'a\\u0000b', 'sampah', -6.17, 106.82)", ()),
        ("SELECT submit_report('app', 'types', 'w', 't', 'sampah', 'north', 106.82)", ()),
        ("SELECT submit_report('app', 'types', 'w', 't', 'sampah', '1e400', 106.82)", ()),
        (
            "SELECT submit_report('app', 'types', 'w', 't', 'sampah', -6.17, 106.82, "
            "'not bytes'::text)",
            (),
        ),
        (
            "SELECT submit_report('app', 'types', 'w', 't', 'sampah', -6.17, 106.82, NULL, "
            "'{broken')",
            (),
        ),
        (
            "SELECT submit_report('app', 'types', 'w', 't', 'sampah', -6.17, 106.82, NULL, NULL, "
            "'someday')",
            (),
        ),
        ("SELECT submit_follow_up('12abc', 'lurah.gambir', 'n', '\\xffd8ff00'::bytea)", ()),
        (
            "SELECT submit_follow_up(99999999999999999999, 'lurah.gambir', 'n', "
            "'\\xffd8ff00'::bytea)",
            (),
        ),
        ("SELECT reopen_report(%s, ARRAY['warga'], 'lagi')", (targets["reports"][1],)),
    ]
    for sql, params in attempts:
        with raw.cursor() as cur, pytest.raises(psycopg2.Error) as err:
            cur.execute(sql, params)
        raw.rollback()
        assert err.value.pgcode[:2] in ("22", "42", "54"), (sql, err.value.pgcode)
    with raw.cursor() as cur, pytest.raises(ValueError, match="NUL"):
        cur.execute(
            "SELECT submit_report('app', 'nul2', 'w', %s, 'sampah', -6.17, 106.82)", ("a\x00b",)
        )
    raw.rollback()
    assert fz.snapshot(cursor) == before
    fz.assert_consistent(cursor)


# --- blanks and idempotency keys (revision 0010) -----------------------------------------------

_keys = itertools.count()  # one database serves all examples: each example its own key
BLANK_TEXTS = st.text(alphabet=st.sampled_from(contract.BLANKS), max_size=12)
SMALL = settings(CI, max_examples=40)


@SMALL
@given(blank=BLANK_TEXTS, field=st.sampled_from(["external_id", "citizen", "text_"]))
def test_text_made_of_blanks_is_refused_through_both_paths(fuzz_db, blank, field):
    key = f"blank-{next(_keys)}"
    args = {
        "channel": "app",
        "external_id": key,
        "citizen": fz.CITIZEN,
        "text_": "Sampah",
        "category": "sampah",
        "lat": -6.17,
        "lon": 106.82,
        "photo": None,
        "reported_at": None,
    }
    args[field] = blank
    assert isinstance(
        fz.through_wrapper(fuzz_db, lambda conn: contract.submit_report(conn, **args)),
        ContractError,
    )
    raw = tuple(args[k] if k != "meta" else None for k in fz._RAW_ORDER)
    error = fz.through_sql(fuzz_db, fz.RAW_SUBMIT, raw)
    assert error.pgcode == "22023" and error.diag.message_detail == field.rstrip("_")
    args[field] = blank + key + blank  # blanks around something: accepted
    assert isinstance(
        fz.through_wrapper(fuzz_db, lambda conn: contract.submit_report(conn, **args)), int
    )


CHANGES = {
    "text_": st.text(min_size=1, max_size=40).filter(
        lambda s: s.strip(contract.BLANKS) and "\x00" not in s
    ),
    "category": st.sampled_from(fz.CATEGORIES),
    "lat": fz.jakarta_lat,
    "lon": fz.jakarta_lon,
    "photo": st.one_of(st.none(), st.integers(0, 5).map(fz.real_jpeg)),
}


@SMALL
@given(data=st.data())
def test_a_key_returns_its_id_for_the_same_content_and_refuses_other_content(fuzz_db, data):
    args = {
        "channel": "web",
        "external_id": f"key-{next(_keys)}",
        "citizen": fz.CITIZEN,
        "reported_at": None,
        **{k: data.draw(v) for k, v in CHANGES.items()},
    }
    first = fz.through_wrapper(fuzz_db, lambda conn: contract.submit_report(conn, **args))
    assert isinstance(first, int)
    assert fz.through_wrapper(fuzz_db, lambda conn: contract.submit_report(conn, **args)) == first
    raw = tuple(
        psycopg2.Binary(args["photo"]) if k == "photo" and args["photo"] else args.get(k)
        for k in fz._RAW_ORDER
    )
    assert fz.through_sql(fuzz_db, fz.RAW_SUBMIT, raw) == first
    changed = dict(args)
    for key in data.draw(st.lists(st.sampled_from(sorted(CHANGES)), min_size=1, unique=True)):
        changed[key] = data.draw(CHANGES[key])
    differs = args != changed
    result = fz.through_wrapper(fuzz_db, lambda conn: contract.submit_report(conn, **changed))
    if differs:
        assert (
            isinstance(result, IdempotencyConflictError)
            and result.existing_id == first
            and result.differs
        )
    else:
        assert result == first
