"""The band enumeration behind the reuse index (no database): sizes and the pigeonhole guarantee."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from qlue_console.photos.hashing import bands, hamming
from qlue_console.photos.reuse import band_neighbours, band_radius

u64 = st.integers(min_value=0, max_value=2**64 - 1)


def test_neighbour_counts():
    assert len(band_neighbours(0x1234, 0)) == 1
    assert len(set(band_neighbours(0x1234, 1))) == 17
    assert len(set(band_neighbours(0xBEEF, 2))) == 137
    assert len(set(band_neighbours(0xBEEF, 3))) == 697
    assert all(0 <= v < 65536 and hamming(v, 0xBEEF) <= 2 for v in band_neighbours(0xBEEF, 2))


def test_radius():
    assert [band_radius(d) for d in (0, 3, 4, 8, 10, 11, 12)] == [0, 0, 1, 2, 2, 2, 3]


@given(u64, st.lists(st.integers(min_value=0, max_value=63), max_size=11, unique=True))
def test_every_hash_within_distance_shares_a_band_within_radius(h, flips):
    other = h
    for bit in flips:
        other ^= 1 << bit
    d = hamming(h, other)
    r = band_radius(d)
    assert any(b2 in band_neighbours(b1, r) for b1, b2 in zip(bands(h), bands(other), strict=True))
