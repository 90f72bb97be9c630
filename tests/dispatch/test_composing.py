"""The composer's typing helpers, decided by the one mention parser."""

from __future__ import annotations

import pytest

from qlue_console.dispatch.composing import (
    MentionQuery,
    canonical_handles,
    complete_mention,
    mention_query_at,
)
from qlue_console.domain.mentions import AccountRef


@pytest.mark.parametrize(
    ("text", "cursor", "expected"),
    [
        ("hi @lur", 7, MentionQuery(3, "lur")),
        ("@", 1, MentionQuery(0, "")),
        ("x @lurah.", 9, MentionQuery(2, "lurah.")),  # still typing: the dot stays
        ("@lurah.gambir tolong", 10, MentionQuery(0, "lurah.gam")),
        ("budi@jak", 8, None),  # an e-mail address
        ("@@x", 3, None),
        ("@.x", 3, None),
        ("@lurah gambir", 13, None),  # past a space
        ("@lurah\ngam", 10, None),
    ],
)
def test_mention_query_at(text, cursor, expected):
    assert mention_query_at(text, cursor) == expected


def test_complete_mention_replaces_the_typed_part_and_the_rest_of_the_handle():
    assert complete_mention("hi @lur", 7, "lurah.gambir") == ("hi @lurah.gambir ", 17)
    assert complete_mention("hi @lurah.gam dan", 9, "lurah.gambir") == ("hi @lurah.gambir dan", 17)
    assert complete_mention("hi ", 3, "dlh") == ("hi @dlh ", 8)


def test_canonical_handles_follow_the_directory():
    refs = [AccountRef("lurah.gambir", "Lurah Gambir"), AccountRef("dlh", "Dinas Lingkungan Hidup")]
    assert canonical_handles("@Lúrah.GAMBIR @dlh, @DLH dan @nobody.", refs) == [
        "lurah.gambir",
        "dlh",
        "nobody",
    ]
