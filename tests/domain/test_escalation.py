"""Escalation: the next level of each kind, and the account that takes an overdue mention."""

from __future__ import annotations

import pytest

from qlue_console.domain.escalation import (
    EscalationAccount,
    ancestor_at,
    area_level,
    next_level,
    parent_code,
    pick_escalation_target,
)

A = EscalationAccount

# Gambir (31.71.01) and Tanah Abang (31.71.02) in Jakarta Pusat (31.71); Jakarta Utara (31.72).
DIRECTORY = [
    A("lurah.gambir", "lurah", "31.71.01.1001"),
    A("ppsu.gambir", "field_officer", "31.71.01.1001"),
    A("camat.gambir", "camat", "31.71.01"),
    A("camat.tanahabang", "camat", "31.71.02"),
    A("camat.gambir.lama", "camat", "31.71.01", active=False),
    A("walikota.jakpus", "walikota", "31.71"),
    A("walikota.jakut", "walikota", "31.72"),
    A("dlh.petugas1", "field_officer", agency="DLH"),
    A("dlh", "agency", agency="DLH", is_head=True),
    A("dishub", "agency", agency="DISHUB", is_head=True),
    A("pln", "external", agency="PLN", is_head=True),
]


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("field_officer", "camat"),
        ("lurah", "camat"),
        ("camat", "walikota"),
        ("walikota", None),
        ("agency", None),
        ("external", None),
        ("astronaut", None),
    ],
)
def test_next_level(kind: str, expected: str | None) -> None:
    assert next_level(kind) == expected


def test_next_level_of_agency_staff_and_heads() -> None:
    assert next_level("field_officer", agency="DLH") == "agency"
    assert next_level("agency", agency="DLH") == "agency"
    assert next_level("agency", agency="DLH", is_head=True) is None
    assert next_level("external", agency="PLN", is_head=True) is None


def test_area_codes() -> None:
    assert parent_code("31.71.01.1001") == "31.71.01"
    assert parent_code("31.71.01") == "31.71"
    assert parent_code("31.71") == "31"
    assert parent_code("31") is None
    assert area_level("31.71.01.1001") == "kelurahan"
    assert area_level("31.71") == "kota"
    assert ancestor_at("31.71.01.1001", "kota") == "31.71"
    assert ancestor_at("31.71.01", "kecamatan") == "31.71.01"
    assert ancestor_at("31.71", "kecamatan") is None
    with pytest.raises(ValueError):
        area_level("31.71.01.1001.9")


def by_handle(handle: str) -> EscalationAccount:
    return next(a for a in DIRECTORY if a.handle == handle)


def test_full_chain_from_a_lurah_to_the_top() -> None:
    chain = [by_handle("lurah.gambir")]
    while (target := pick_escalation_target(chain[-1], DIRECTORY)) is not None:
        chain.append(target)
    assert [a.handle for a in chain] == ["lurah.gambir", "camat.gambir", "walikota.jakpus"]


def test_field_officer_goes_to_the_camat_skipping_inactive_accounts() -> None:
    target = pick_escalation_target(by_handle("ppsu.gambir"), DIRECTORY)
    assert target is not None and target.handle == "camat.gambir"


def test_report_area_serves_an_account_without_an_area() -> None:
    roaming = A("ppsu.keliling", "field_officer")
    target = pick_escalation_target(roaming, DIRECTORY, area_code="31.71.02.1003")
    assert target is not None and target.handle == "camat.tanahabang"
    assert pick_escalation_target(roaming, DIRECTORY) is None  # no area known at all
    # The account's own area comes first: the lurah of Gambir answers to the camat of Gambir.
    target = pick_escalation_target(by_handle("lurah.gambir"), DIRECTORY, area_code="31.71.02.1003")
    assert target is not None and target.handle == "camat.gambir"


def test_agency_staff_goes_to_their_own_agency_head() -> None:
    target = pick_escalation_target(by_handle("dlh.petugas1"), DIRECTORY)
    assert target is not None and target.handle == "dlh"
    target = pick_escalation_target(A("dlh.staf", "agency", agency="DLH"), DIRECTORY)
    assert target is not None and target.handle == "dlh"
    assert pick_escalation_target(A("staf.x", "agency"), DIRECTORY) is None  # no agency
    no_head = [A("dlh.petugas2", "field_officer", agency="DLH"), A("dlh.staf", "agency", agency="DLH")]
    assert pick_escalation_target(by_handle("dlh.petugas1"), no_head) is None


def test_top_level_and_external_accounts_do_not_escalate() -> None:
    assert pick_escalation_target(by_handle("walikota.jakpus"), DIRECTORY) is None
    assert pick_escalation_target(by_handle("dlh"), DIRECTORY) is None
    assert pick_escalation_target(by_handle("pln"), DIRECTORY) is None


def test_vacant_post_gives_no_target_and_ties_are_stable() -> None:
    lurah = A("lurah.x", "lurah", "31.73.05.1001")
    assert pick_escalation_target(lurah, DIRECTORY) is None
    twins = [A("camat.b", "camat", "31.73.05"), A("camat.a", "camat", "31.73.05")]
    target = pick_escalation_target(lurah, twins)
    assert target is not None and target.handle == "camat.a"
