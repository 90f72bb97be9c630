"""Finding earlier proof photos with a close perceptual hash, through the band indexes.

Multi-index hashing. The 64-bit pHash is cut into three bands of 22, 21 and 21 bits
(:data:`~qlue_console.photos.hashing.BAND_BITS`), each indexed for proofs by an expression
index of revision 0034. If two hashes differ in at most ``d`` bits, those bits fall into three
bands, so at least one band differs in at most ``r = floor(d / 3)`` bits (were all three to
differ in ``r + 1`` or more, the total would be ``3r + 3 > d``). Hence: every photo within
distance ``d`` has, in some band ``i``, a value within Hamming radius ``r`` of the query's band
``i``. We enumerate those values (radius 2: 254 + 232 + 232; radius 3: 1,794 + 1,562 + 1,562),
select the proofs matching any of them through the three indexes, each an index-only scan that
also checks the exact distance (``bit_count((phash # :h)::bit(64))``), and merge. The search is
exact: it finds every proof within ``max_distance`` — no false negatives, and verified, no
false positives. (The simpler "one band equal" rule is only exact for ``d ≤ 2``.)

Why three bands: a band of ``b`` bits holds each value ``N / 2**b`` times among ``N`` proofs,
and every match is read; the work is least when ``b`` is near ``log2(N)`` (Norouzi, Punjani and
Fleet, "Fast exact search in Hamming space with multi-index hashing", 2014). Revision 0004's
four 16-bit bands suited 65,536 proofs; among 10,000,000 they read ~84,000 candidates for one
lookup within 8 bits, three bands ~3,500.

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
from sqlalchemy.types import BigInteger, Text

from qlue_console.photos.checks import ReuseHit
from qlue_console.photos.hashing import BAND_BITS, bands, to_signed

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


def band_neighbours(value: int, radius: int, bits: int) -> list[int]:
    """Every ``bits``-bit value within Hamming ``radius`` of ``value`` (``value`` included)."""
    return [value ^ m for m in _masks(bits, radius)]


def band_radius(max_distance: int) -> int:
    """Radius per band that guarantees finding every hash within ``max_distance``."""
    if max_distance < 0:
        raise ValueError("max_distance must be ≥ 0")
    return max_distance // len(BAND_BITS)


# One index-only scan per band over the covering proof indexes of revision 0034; each checks
# the exact distance to the nearest of the hashes as it reads, so only matches are merged.
_BAND_SCAN = """
    SELECT id, report_id, phash FROM photos
     WHERE kind = 'proof' AND {band} = ANY(:v{i})
       AND EXISTS (SELECT FROM unnest(CAST(:hashes AS bigint[])) q(h)
                    WHERE bit_count(CAST(phash # q.h AS bit(64))) <= :max_distance)"""


def _band_expressions() -> tuple[str, ...]:
    """Each band of :data:`BAND_BITS` as the SQL of its index (revision 0034): the same text the
    index was created with, so that the planner matches it."""
    expressions, shift = [], 64
    for bits in BAND_BITS:
        shift -= bits
        mask = (1 << bits) - 1
        expressions.append(f"((phash >> {shift}) & {mask})" if shift else f"(phash & {mask})")
    return tuple(expressions)


_BAND_EXPRESSIONS = _band_expressions()

LOOKUP = text(
    """
WITH q(transform, h) AS (
    SELECT * FROM unnest(CAST(:names AS text[]), CAST(:hashes AS bigint[]))
), banded AS ("""
    + "\n    UNION".join(
        _BAND_SCAN.format(band=band, i=i) for i, band in enumerate(_BAND_EXPRESSIONS)
    )
    + """
), candidates AS (
    SELECT b.id, b.report_id, b.phash FROM banded b
     WHERE (CAST(:exclude_report AS bigint) IS NULL OR b.report_id IS DISTINCT FROM :exclude_report)
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
"""
).bindparams(
    bindparam("names", type_=ARRAY(Text)),
    bindparam("hashes", type_=ARRAY(BigInteger)),
    *(bindparam(f"v{i}", type_=ARRAY(BigInteger)) for i in range(len(_BAND_EXPRESSIONS))),
)


def lookup_parameters(
    hashes: Mapping[str, int],
    *,
    max_distance: int,
    exclude_report_id: int | None,
    exclude_photo_id: int | None,
    limit: int,
) -> dict[str, object]:
    """The parameters of :data:`LOOKUP` for ``hashes``: the band values to probe."""
    radius = band_radius(max_distance)
    values: list[set[int]] = [set() for _ in BAND_BITS]
    names, signed = [], []
    for name, h in hashes.items():
        names.append(name)
        signed.append(to_signed(h))
        for i, (band, bits) in enumerate(zip(bands(h), BAND_BITS, strict=True)):
            values[i].update(band_neighbours(band, radius, bits))
    return {
        "names": names,
        "hashes": signed,
        **{f"v{i}": sorted(v) for i, v in enumerate(values)},
        "exclude_report": exclude_report_id,
        "exclude_photo": exclude_photo_id,
        "max_distance": max_distance,
        "limit": limit,
    }


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
    rows = conn.execute(
        LOOKUP,
        lookup_parameters(
            hashes,
            max_distance=max_distance,
            exclude_report_id=exclude_report_id,
            exclude_photo_id=exclude_photo_id,
            limit=limit,
        ),
    ).all()
    return [
        ReuseHit(photo_id=r.id, report_id=r.report_id, distance=r.distance, transform=r.transform)
        for r in rows
    ]
