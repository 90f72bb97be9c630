"""Autocomplete ranking of the officials directory for the @-composer."""

from __future__ import annotations

from qlue_console.domain.directory_search import AccountCandidate, rank_accounts

C = AccountCandidate

GAMBIR_AREAS = {"31.71.01.1001", "31.71.01", "31.71"}

DIRECTORY = [
    C("sutiyoso.dlh", "Sutiyoso", "agency"),
    C("lurah.gambir", "Lurah Gambir", "lurah", "31.71.01.1001"),
    C("lurah.gelora", "Lurah Gelora", "lurah", "31.71.02.1001"),
    C("camat.gambir", "Camat Gambir", "camat", "31.71.01"),
    C("walikota.jakpus", "Wali Kota Jakarta Pusat", "walikota", "31.71"),
    C("jose.dishub", "José Manurung", "agency"),
    C("siti_nurhaliza", "Siti Nurhaliza", "field_officer", "31.71.01.1001"),
    C("pensiun.gambir", "Lurah Gambir (lama)", "lurah", "31.71.01.1001", active=False),
    C("agambir.staff", "Staf Umum", "agency"),
]


def handles(result: list[AccountCandidate]) -> list[str]:
    return [c.handle for c in result]


def test_accent_and_case_insensitive_prefix_on_display_name() -> None:
    assert handles(rank_accounts("sutiyo", DIRECTORY)) == ["sutiyoso.dlh"]
    assert handles(rank_accounts("JOSE", DIRECTORY)) == ["jose.dishub"]
    assert handles(rank_accounts("josé", DIRECTORY)) == ["jose.dishub"]
    assert handles(rank_accounts("manurung", DIRECTORY)) == ["jose.dishub"]  # a later word


def test_leading_at_sign_is_ignored() -> None:
    assert handles(rank_accounts("@siti", DIRECTORY)) == ["siti_nurhaliza"]


def test_prefix_matches_come_before_substring_matches() -> None:
    # "gambir" starts a word of "Lurah Gambir"/"Camat Gambir" and is a substring of
    # "agambir.staff" only; no area or suggestion is given.
    result = handles(rank_accounts("gambir", DIRECTORY))
    assert result == ["camat.gambir", "lurah.gambir", "agambir.staff"]


def test_suggested_then_area_then_rest() -> None:
    result = handles(
        rank_accounts(
            "",
            DIRECTORY,
            suggested={"Walikota.JakPus"},
            area_codes=GAMBIR_AREAS,
        )
    )
    assert result == [
        "walikota.jakpus",  # suggested
        "camat.gambir",  # in the report's area, by handle
        "lurah.gambir",
        "siti_nurhaliza",
        "agambir.staff",  # the rest, by handle
        "jose.dishub",
        "lurah.gelora",
        "sutiyoso.dlh",
    ]


def test_group_outranks_match_quality() -> None:
    # A suggested substring match stays above a prefix match from outside the area.
    result = handles(rank_accounts("gambir", DIRECTORY, suggested={"agambir.staff"}))
    assert result[0] == "agambir.staff"


def test_inactive_accounts_are_left_out_unless_asked_for_then_last() -> None:
    assert "pensiun.gambir" not in handles(rank_accounts("gambir", DIRECTORY))
    with_inactive = rank_accounts(
        "gambir", DIRECTORY, area_codes=GAMBIR_AREAS, include_inactive=True
    )
    assert handles(with_inactive)[-1] == "pensiun.gambir"
    assert with_inactive[-1].active is False


def test_limit_and_no_match() -> None:
    assert len(rank_accounts("", DIRECTORY, limit=3)) == 3
    assert rank_accounts("", DIRECTORY, limit=0) == []
    assert rank_accounts("zzz", DIRECTORY) == []


def test_ranking_is_stable_whatever_the_input_order() -> None:
    forward = rank_accounts("a", DIRECTORY, area_codes=GAMBIR_AREAS)
    backward = rank_accounts("a", list(reversed(DIRECTORY)), area_codes=GAMBIR_AREAS)
    assert forward == backward
