"""Who takes an overdue mention: ``qlue_escalation_target`` (revision 0003), the only copy of the
rule, asked directly for each kind of account."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

# Gambir (31.71.01) and Sawah Besar (31.71.02) in Jakarta Pusat (31.71); Jakarta Utara (31.72).
DIRECTORY = [
    ("lurah.gambir", "lurah", "31.71.01.1001", None, False, True),
    ("ppsu.gambir", "field_officer", "31.71.01.1001", None, False, True),
    ("camat.gambir.lama", "camat", "31.71.01", None, False, False),
    ("camat.gambir", "camat", "31.71.01", None, False, True),
    ("camat.sawahbesar", "camat", "31.71.02", None, False, True),
    ("walikota.jakpus", "walikota", "31.71", None, False, True),
    ("walikota.jakut", "walikota", "31.72", None, False, True),
    ("dlh.petugas1", "field_officer", None, "DLH", False, True),
    ("dlh.staf", "agency", None, "DLH", False, True),
    ("dlh", "agency", None, "DLH", True, True),
    ("dishub.petugas", "field_officer", None, "DISHUB", False, True),
    ("staf.x", "agency", None, None, False, True),
    ("ppsu.keliling", "field_officer", None, None, False, True),
    ("pln", "external", None, "PLN", True, True),
    ("lurah.kebonjeruk", "lurah", "31.73.05.1001", None, False, True),
]


@pytest.fixture
def directory(db_engine):
    with db_engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO accounts (handle, display_name, kind, area_code, agency_code, "
                "is_head, active) "
                "VALUES (:h, :h, :k, :a, :g, :head, :active)"
            ),
            [
                {"h": h, "k": k, "a": a, "g": g, "head": head, "active": active}
                for h, k, a, g, head, active in DIRECTORY
            ],
        )
    return db_engine


def target(engine, handle: str, report_area: dict | None = None) -> str | None:
    """The handle that takes an overdue mention of ``handle`` on a report in ``report_area``."""
    with engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT (qlue_escalation_target(a, jsonb_populate_record(NULL::reports, CAST(:r AS "
                "jsonb)))).handle "
                "FROM accounts a WHERE a.handle = :h"
            ),
            {"h": handle, "r": json.dumps(report_area or {})},
        ).scalar_one()


def test_the_chain_from_a_lurah_to_the_top(directory):
    chain = ["lurah.gambir"]
    while (nxt := target(directory, chain[-1])) is not None:
        chain.append(nxt)
    assert chain == ["lurah.gambir", "camat.gambir", "walikota.jakpus"]


def test_a_field_officer_goes_to_the_camat_skipping_inactive_accounts(directory):
    assert target(directory, "ppsu.gambir") == "camat.gambir"


def test_the_report_area_serves_an_account_without_an_area(directory):
    sawah_besar = {"kecamatan_code": "31.71.02", "kota_code": "31.71"}
    assert target(directory, "ppsu.keliling", sawah_besar) == "camat.sawahbesar"
    assert target(directory, "ppsu.keliling") is None  # no area known at all
    # the account's own area comes first: the lurah of Gambir answers to the camat of Gambir
    assert target(directory, "lurah.gambir", sawah_besar) == "camat.gambir"


def test_agency_staff_go_to_their_own_agency_head(directory):
    assert target(directory, "dlh.petugas1") == "dlh"
    assert target(directory, "dlh.staf") == "dlh"
    assert target(directory, "staf.x") is None  # no agency
    assert target(directory, "dishub.petugas") is None  # the agency has no head account


def test_top_level_and_external_accounts_do_not_escalate(directory):
    assert target(directory, "walikota.jakpus") is None
    assert target(directory, "dlh") is None
    assert target(directory, "pln") is None


def test_a_vacant_post_gives_no_target_and_ties_are_stable(directory):
    assert target(directory, "lurah.kebonjeruk") is None
    with directory.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO accounts (handle, display_name, kind, area_code) VALUES "
                "('camat.b', 'B', 'camat', '31.73.05'), ('camat.a', 'A', 'camat', '31.73.05')"
            )
        )
    assert target(directory, "lurah.kebonjeruk") == "camat.a"
