"""Photos through the contract: a size limit an administrator sets (contract_settings), and
bytes that must be a sound image. SQL checks the size and the container structure (any
channel's language); the Python wrapper also decodes the pixels fully. Every refusal is 22023
on the field 'photo' and writes nothing."""

from __future__ import annotations

import psycopg2
import pytest
from sqlalchemy import text

from qlue_console.db import contract
from qlue_console.db.errors import ContractError
from tests.access.conftest import connect
from tests.photo_factory import jpeg
from tests.photo_files import damaged_png, not_images, phone_formats

MONAS = (-6.1754, 106.8272)
COUNTS = (
    "SELECT (SELECT count(*) FROM reports), (SELECT count(*) FROM photos), "
    "(SELECT count(*) FROM events)"
)
DEFAULT_LIMIT = 15 * 1024 * 1024
GOOD = phone_formats()
BAD = not_images()


def _report(conn, photo, external_id="p1"):
    return contract.submit_report(
        conn,
        channel="app",
        external_id=external_id,
        citizen="warga_monas",
        text_="Sampah menumpuk",
        category="sampah",
        lat=MONAS[0],
        lon=MONAS[1],
        photo=photo,
    )


def _sql_report(conn, photo, external_id="p1"):
    return conn.execute(
        text(
            "SELECT submit_report('app', :e, 'warga_monas', 'Sampah', 'sampah', -6.1754, 106.8272, "
            ":photo)"
        ),
        {"e": external_id, "photo": photo},
    ).scalar_one()


def _refused_in_sql(conn, call) -> psycopg2.Error:
    with pytest.raises(Exception) as err:
        call()
    conn.rollback()
    return err.value.orig


@pytest.mark.parametrize("name", GOOD)
def test_images_a_phone_sends_pass_both_checks_and_are_stored_whole(db_engine, name):
    with db_engine.begin() as conn:
        assert (
            conn.execute(text("SELECT qlue_image_problem(:p)"), {"p": GOOD[name]}).scalar_one()
            is None
        )
        report_id = _sql_report(conn, GOOD[name])
        stored = conn.execute(
            text("SELECT data FROM photos WHERE report_id = :r"), {"r": report_id}
        ).scalar_one()
        assert bytes(stored) == GOOD[name]
        through_wrapper = _report(conn, GOOD[name], "p2")  # decoded fully, metadata stored
        assert (
            conn.execute(
                text("SELECT width > 0 AND phash IS NOT NULL FROM photos WHERE report_id = :r"),
                {"r": through_wrapper},
            ).scalar_one()
            is True
        )


@pytest.mark.parametrize("name", BAD)
def test_a_signature_without_an_image_behind_it_is_refused_in_sql(db_engine, name):
    with db_engine.connect() as conn:
        assert (
            conn.execute(text("SELECT qlue_is_image(:p)"), {"p": BAD[name]}).scalar_one() is False
        )
        error = _refused_in_sql(conn, lambda: _sql_report(conn, BAD[name]))
        assert (error.pgcode, error.diag.message_detail) == ("22023", "photo")
        assert error.diag.message_primary.startswith(
            "the photo is not an image (JPEG, PNG, WebP or HEIC): "
        )
        assert "\n" not in error.diag.message_primary
        with pytest.raises(ContractError) as err:
            _report(conn, BAD[name])
        conn.rollback()
        assert (err.value.sqlstate, err.value.field) == ("22023", "photo")
        assert tuple(conn.execute(text(COUNTS)).one()) == (0, 0, 0)


def test_follow_up_and_reopen_check_their_photos_in_sql_too(db_engine):
    with db_engine.begin() as conn:
        report_id = _sql_report(conn, None, "base")
        conn.execute(
            text(
                "INSERT INTO accounts (handle, display_name, kind, area_code) "
                "VALUES ('lurah.gambir', 'Lurah Gambir', 'lurah', '31.71.01.1001')"
            )
        )
    garbage = BAD["jpeg signature then garbage"]
    with db_engine.connect() as conn:
        before = tuple(conn.execute(text(COUNTS + ", (SELECT count(*) FROM follow_ups)")).one())
        error = _refused_in_sql(
            conn,
            lambda: conn.execute(
                text("SELECT submit_follow_up(:r, 'lurah.gambir', 'beres', :p)"),
                {"r": report_id, "p": garbage},
            ),
        )
        assert (error.pgcode, error.diag.message_detail) == ("22023", "photo")
        assert error.diag.message_primary.startswith("the proof photo is not an image")
        conn.execute(
            text("SELECT submit_follow_up(:r, 'lurah.gambir', 'beres', :p)"),
            {"r": report_id, "p": jpeg(2)},
        )
        conn.commit()
        before = tuple(conn.execute(text(COUNTS + ", (SELECT count(*) FROM follow_ups)")).one())
        error = _refused_in_sql(
            conn,
            lambda: conn.execute(
                text("SELECT reopen_report(:r, 'warga_monas', 'belum', :p)"),
                {"r": report_id, "p": garbage},
            ),
        )
        assert (error.pgcode, error.diag.message_detail) == ("22023", "photo")
        assert (
            tuple(conn.execute(text(COUNTS + ", (SELECT count(*) FROM follow_ups)")).one())
            == before
        )
        assert (
            conn.execute(
                text("SELECT status FROM reports WHERE id = :r"), {"r": report_id}
            ).scalar_one()
            == "followed_up"
        )


def test_a_photo_over_the_default_limit_is_refused_in_sql_before_anything_is_written(db_engine):
    big = jpeg(1)
    big += b"\x00" * (DEFAULT_LIMIT + 1 - len(big))  # a valid JPEG, padded after its EOI
    with db_engine.connect() as conn:
        assert conn.execute(text("SELECT qlue_photo_max_bytes()")).scalar_one() == DEFAULT_LIMIT
        error = _refused_in_sql(conn, lambda: _sql_report(conn, big))
        assert (error.pgcode, error.diag.message_detail) == ("22023", "photo")
        assert error.diag.message_primary == (
            f"the photo is {DEFAULT_LIMIT + 1} bytes, more than the limit of {DEFAULT_LIMIT} bytes"
        )
        assert tuple(conn.execute(text(COUNTS)).one()) == (0, 0, 0)
        # exactly at the limit: stored whole
        at_limit = big[:DEFAULT_LIMIT]
        report_id = _sql_report(conn, at_limit)
        assert (
            conn.execute(
                text("SELECT length(data) FROM photos WHERE report_id = :r"), {"r": report_id}
            ).scalar_one()
            == DEFAULT_LIMIT
        )


def test_the_limit_is_an_administrators_setting_and_the_wrapper_applies_the_same_one(
    db_engine, login_url
):
    admin = connect(login_url("qlue_admin"))
    with admin.cursor() as cur:
        cur.execute("UPDATE contract_settings SET photo_max_bytes = 100000")
        assert cur.rowcount == 1
    admin.close()
    operator = connect(login_url("qlue_operator"))
    with operator.cursor() as cur, pytest.raises(psycopg2.errors.InsufficientPrivilege):
        cur.execute("UPDATE contract_settings SET photo_max_bytes = 200000000")
    operator.close()
    photo = GOOD["png, eXIf after the pixels"]  # 179336 bytes, a sound PNG
    message = "the photo is 179336 bytes, more than the limit of 100000 bytes"
    with db_engine.connect() as conn:
        error = _refused_in_sql(conn, lambda: _sql_report(conn, photo))
        assert (error.pgcode, error.diag.message_detail, error.diag.message_primary) == (
            "22023",
            "photo",
            message,
        )
        with pytest.raises(ContractError) as err:
            _report(conn, photo)
        conn.rollback()
        assert (err.value.sqlstate, err.value.field, err.value.message) == (
            "22023",
            "photo",
            message,
        )
        assert tuple(conn.execute(text(COUNTS)).one()) == (0, 0, 0)
        assert _report(conn, GOOD["jpeg"])  # a small photo still goes through


def test_the_limit_cannot_be_set_to_nonsense(db_engine):
    with db_engine.connect() as conn:
        for value in (0, -1, 1000):
            with pytest.raises(Exception) as err:
                conn.execute(
                    text("UPDATE contract_settings SET photo_max_bytes = :v"), {"v": value}
                )
            conn.rollback()
            assert err.value.orig.pgcode == "23514"
        with pytest.raises(Exception) as err:
            conn.execute(text("INSERT INTO contract_settings (singleton) VALUES (false)"))
        assert err.value.orig.pgcode == "23514"


def test_a_png_with_damaged_pixels_passes_the_structure_check_but_not_the_wrapper(db_engine):
    """The pixels are compressed: SQL cannot decode them, the Python wrapper does."""
    damaged = damaged_png()
    with db_engine.connect() as conn:
        assert (
            conn.execute(text("SELECT qlue_image_problem(:p)"), {"p": damaged}).scalar_one() is None
        )
        with pytest.raises(ContractError) as err:
            _report(conn, damaged)
        conn.rollback()
        assert (err.value.sqlstate, err.value.field) == ("22023", "photo")
        assert "pixels cannot be decoded" in err.value.message
        assert tuple(conn.execute(text(COUNTS)).one()) == (0, 0, 0)
