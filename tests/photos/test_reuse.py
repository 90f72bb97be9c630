"""The band enumeration behind the reuse index (no database): sizes and the pigeonhole guarantee."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from qlue_console.photos.hashing import BAND_BITS, bands, hamming
from qlue_console.photos.reuse import band_neighbours, band_radius

u64 = st.integers(min_value=0, max_value=2**64 - 1)


def test_neighbour_counts():
    assert len(band_neighbours(0x1234, 0, 21)) == 1
    assert len(set(band_neighbours(0x1234, 1, 21))) == 22
    assert len(set(band_neighbours(0xBEEF, 2, 21))) == 232
    assert len(set(band_neighbours(0xBEEF, 2, 22))) == 254
    assert len(set(band_neighbours(0xBEEF, 3, 21))) == 1562
    assert all(0 <= v < 2**21 and hamming(v, 0xBEEF) <= 2 for v in band_neighbours(0xBEEF, 2, 21))


def test_radius():
    assert [band_radius(d) for d in (0, 2, 3, 8, 9, 10, 12)] == [0, 0, 1, 2, 3, 3, 4]


@given(u64, st.lists(st.integers(min_value=0, max_value=63), max_size=11, unique=True))
def test_every_hash_within_distance_shares_a_band_within_radius(h, flips):
    other = h
    for bit in flips:
        other ^= 1 << bit
    d = hamming(h, other)
    r = band_radius(d)
    assert any(
        b2 in band_neighbours(b1, r, bits)
        for b1, b2, bits in zip(bands(h), bands(other), BAND_BITS, strict=True)
    )
