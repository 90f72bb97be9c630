"""The shared @mention parser: what is a mention, where it is, and how it is validated."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qlue_console.domain.mentions import (
    AccountRef,
    Mention,
    normalize_handle,
    parse_mentions,
    unique_handles,
    validate_mentions,
)


def handles(text: str) -> list[str]:
    return [m.handle for m in parse_mentions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tolong @siti_nurhaliza cek", ["siti_nurhaliza"]),
        ("cc @Dinas.LH segera", ["Dinas.LH"]),
        ("@wàlikota-jakpus mohon arahan", ["wàlikota-jakpus"]),
        ("sampah menumpuk (@lurah.gambir)", ["lurah.gambir"]),
        ("sudah lapor ke @lurah.gambir.", ["lurah.gambir"]),
        ("@lurah.gambir... dan @camat-gambir--", ["lurah.gambir", "camat-gambir"]),
        ("@a, @b: @c; @d! @e? @f)", ["a", "b", "c", "d", "e", "f"]),
        ("kirim ke budi@jakarta.go.id saja", []),
        ("kirim ke budi.santoso@jakarta.go.id", []),
        ("@@x", []),
        ("@", []),
        ("@ lurah", []),
        ("", []),
        ("harga 5@10 ribu", []),
        ("@budi_", ["budi_"]),
        ("@-x @.x", []),
        ("@_x", ["_x"]),
        ("@a@b.id", []),
        ("«@lurah.menteng» dan [@camat]", ["lurah.menteng", "camat"]),
        ("baris baru\n@lurah.cikini\tselesai", ["lurah.cikini"]),
        ("@Сергей и @山田", ["Сергей", "山田"]),
    ],
)
def test_handles_found(text: str, expected: list[str]) -> None:
    assert handles(text) == expected


def test_spans_point_at_the_mention_including_start_and_end_of_text() -> None:
    text = "@lurah.gambir cek got, lalu @camat.gambir"
    mentions = parse_mentions(text)
    assert mentions == [
        Mention("lurah.gambir", 0, 13),
        Mention("camat.gambir", 28, len(text)),
    ]
    for m in mentions:
        assert text[m.start : m.end] == "@" + m.handle


def test_trailing_period_is_outside_the_span() -> None:
    text = "mohon dicek @lurah.gambir."
    (m,) = parse_mentions(text)
    assert text[m.end :] == "."


def test_every_occurrence_is_returned_in_order() -> None:
    text = "@budi lalu @Budi lalu @siti lalu @budi"
    mentions = parse_mentions(text)
    assert [m.handle for m in mentions] == ["budi", "Budi", "siti", "budi"]
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


def test_unique_handles_dedupes_case_and_accent_insensitively_keeping_first_spelling() -> None:
    text = "@José @siti @jose @JOSÉ @Siti @andi"
    assert unique_handles(text) == ["José", "siti", "andi"]


def test_decomposed_accent_stays_inside_the_handle() -> None:
    text = "@wa\u0300likota lapor"
    (m,) = parse_mentions(text)
    assert m.handle == "wa\u0300likota"
    assert m.key == "walikota"


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("Dinas.LH", "dinas.lh"),
        ("wàlikota-JakPus", "walikota-jakpus"),
        ("José", "jose"),
        ("Straße", "strasse"),
        ("ｂｕｄｉ", "budi"),  # full-width letters fold to ASCII
    ],
)
def test_normalize_handle(raw: str, normal: str) -> None:
    assert normalize_handle(raw) == normal


DIRECTORY = {
    "lurah.gambir": AccountRef("lurah.gambir", "Lurah Gambir", True),
    "Wàlikota-JakPus": AccountRef("Wàlikota-JakPus", "Wali Kota Jakarta Pusat", True),
    "camat.lama": AccountRef("camat.lama", "Camat (pensiun)", False),
}


def test_validate_accepts_known_active_accounts_in_any_case_or_accent() -> None:
    assert validate_mentions("@LURAH.gambir dan @walikota-jakpus", DIRECTORY) == []


def test_validate_reports_unknown_and_inactive_with_codes_and_spans() -> None:
    text = "@lurah.gambir @hantu, @camat.lama dan @hantu."
    problems = validate_mentions(text, DIRECTORY)
    assert [(p.code, p.handle) for p in problems] == [
        ("unknown", "hantu"),
        ("inactive", "camat.lama"),
        ("unknown", "hantu"),
    ]
    for p in problems:
        assert text[p.start : p.end] == "@" + p.handle
    inactive = problems[1]
    assert inactive.account == DIRECTORY["camat.lama"]
    assert "inactive" in inactive.message and "Camat (pensiun)" in inactive.message
    assert problems[0].account is None and "@hantu" in problems[0].message


def test_validate_ignores_email_addresses() -> None:
    assert validate_mentions("surat ke hantu@jakarta.go.id", DIRECTORY) == []


_ALPHABET = st.sampled_from(
    list("ab@.-_ ,:;!?()\n") + ["é", "e\u0301", "Ж", "山", "1", "@@", "ß", "ｂ"]
)


@settings(max_examples=400)
@given(st.one_of(st.text(), st.lists(_ALPHABET).map("".join)))
def test_parser_properties(text: str) -> None:
    mentions = parse_mentions(text)
    previous_end = 0
    for m in mentions:
        assert text[m.start : m.end] == "@" + m.handle
        assert m.handle and m.handle[-1] not in ".-"
        assert m.handle[0].isalnum() or m.handle[0] == "_"
        assert m.start >= previous_end
        previous_end = m.end
        if m.start > 0:
            before = text[m.start - 1]
            assert before != "@" and not before.isalnum() and before != "_"
            assert not unicodedata.category(before).startswith("M")
    assert len(unique_handles(text)) <= len(mentions)


@given(st.text())
def test_validate_never_crashes_and_reports_only_parsed_mentions(text: str) -> None:
    problems = validate_mentions(text, DIRECTORY)
    spans = {(m.start, m.end) for m in parse_mentions(text)}
    assert {(p.start, p.end) for p in problems} <= spans
