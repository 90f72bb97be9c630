"""Finding earlier proof photos with a close perceptual hash, through the band indexes.

Multi-index hashing. The table ``photos`` keeps the 64-bit pHash and four generated 16-bit
bands ``phash_b0..phash_b3`` (b0 = highest bits), each with a btree index. If two hashes differ
in at most ``d`` bits, those bits fall into four bands, so at least one band differs in at most
``r = floor(d / 4)`` bits (were all four to differ in ``r + 1`` or more, the total would be
``4r + 4 > d``). Hence: every photo within distance ``d`` has, in some band ``i``, a value
within Hamming radius ``r`` of the query's band ``i``. We enumerate those values (radius 0: 1,
radius 1: 17, radius 2: 137, radius 3: 697 per band), select rows matching any of them through
the four indexes (a BitmapOr), and verify the exact distance in SQL with
``bit_count((phash # :h)::bit(64))``. The search is exact: it finds every proof within
``max_distance`` — no false negatives, and verified, no false positives. (The simpler "one
band equal" rule is only exact for ``d ≤ 3``.)

Several hashes can be looked up at once (:func:`find_reuse`): the eight flips/rotations of a
proof (see :mod:`qlue_console.photos.hashing`); each photo is reported once, with its smallest
distance and the transform that gave it.

The tests and the benchmark check it against a brute-force scan of every proof
(``tests/photos/reuse_baseline.py``).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from functools import lru_cache
from itertools import combinations

from sqlalchemy import bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Connection
from sqlalchemy.types import BigInteger, Integer, Text

from qlue_console.photos.checks import ReuseHit
from qlue_console.photos.hashing import bands, to_signed

logger = logging.getLogger(__name__)


@lru_cache(maxsize=8)
def _masks(bits: int, radius: int) -> tuple[int, ...]:
    """All ``bits``-bit masks with at most ``radius`` bits set."""
    masks = []
    for k in range(radius + 1):
        for chosen in combinations(range(bits), k):
            m = 0
            for b in chosen:
                m |= 1 << b
            masks.append(m)
    return tuple(masks)


def band_neighbours(value: int, radius: int) -> list[int]:
    """Every 16-bit value within Hamming ``radius`` of ``value`` (``value`` included)."""
    return [value ^ m for m in _masks(16, radius)]


def band_radius(max_distance: int) -> int:
    """Radius per band that guarantees finding every hash within ``max_distance``."""
    if max_distance < 0:
        raise ValueError("max_distance must be ≥ 0")
    return max_distance // 4


_LOOKUP = text("""
WITH q(transform, h) AS (
    SELECT * FROM unnest(CAST(:names AS text[]), CAST(:hashes AS bigint[]))
), banded AS (
    -- one index-only scan per band over the covering proof indexes of revision 0004
    SELECT id, report_id, phash FROM photos WHERE kind = 'proof' AND phash_b0 = ANY(:v0)
    UNION SELECT id, report_id, phash FROM photos WHERE kind = 'proof' AND phash_b1 = ANY(:v1)
    UNION SELECT id, report_id, phash FROM photos WHERE kind = 'proof' AND phash_b2 = ANY(:v2)
    UNION SELECT id, report_id, phash FROM photos WHERE kind = 'proof' AND phash_b3 = ANY(:v3)
), candidates AS (
    SELECT b.id, b.report_id, b.phash FROM banded b
     WHERE b.phash IS NOT NULL
       AND (CAST(:exclude_report AS bigint) IS NULL OR b.report_id IS DISTINCT FROM :exclude_report)
       AND (CAST(:exclude_photo AS bigint) IS NULL OR b.id <> :exclude_photo)
), scored AS (
    SELECT DISTINCT ON (c.id) c.id, c.report_id,
           bit_count(CAST(c.phash # q.h AS bit(64))) AS distance, q.transform
      FROM candidates c CROSS JOIN q
     ORDER BY c.id, bit_count(CAST(c.phash # q.h AS bit(64))), q.transform
)
SELECT id, report_id, distance, transform FROM scored
 WHERE distance <= :max_distance
 ORDER BY distance, id
 LIMIT :limit
""").bindparams(
    bindparam("names", type_=ARRAY(Text)),
    bindparam("hashes", type_=ARRAY(BigInteger)),
    bindparam("v0", type_=ARRAY(Integer)),
    bindparam("v1", type_=ARRAY(Integer)),
    bindparam("v2", type_=ARRAY(Integer)),
    bindparam("v3", type_=ARRAY(Integer)),
)


def find_reuse(
    conn: Connection,
    hashes: Mapping[str, int],
    *,
    max_distance: int = 8,
    exclude_report_id: int | None = None,
    exclude_photo_id: int | None = None,
    limit: int = 20,
) -> list[ReuseHit]:
    """Proof photos within ``max_distance`` of any of ``hashes`` (name → signed or unsigned
    pHash, e.g. ``PhotoAnalysis.variant_hashes``), closest first, each photo once."""
    if not hashes:
        return []
    radius = band_radius(max_distance)
    values: list[set[int]] = [set(), set(), set(), set()]
    names, signed = [], []
    for name, h in hashes.items():
        names.append(name)
        signed.append(to_signed(h))
        for i, band in enumerate(bands(h)):
            values[i].update(band_neighbours(band, radius))
    rows = conn.execute(
        _LOOKUP,
        {
            "names": names,
            "hashes": signed,
            "v0": sorted(values[0]),
            "v1": sorted(values[1]),
            "v2": sorted(values[2]),
            "v3": sorted(values[3]),
            "exclude_report": exclude_report_id,
            "exclude_photo": exclude_photo_id,
            "max_distance": max_distance,
            "limit": limit,
        },
    ).all()
    return [
        ReuseHit(photo_id=r.id, report_id=r.report_id, distance=r.distance, transform=r.transform)
        for r in rows
    ]
