"""The reuse index in PostgreSQL agrees with a brute-force scan (needs the ``db_engine``
fixture)."""

from __future__ import annotations

import random

from sqlalchemy import text

from qlue_console.db import contract
from qlue_console.photos.demo import mirrored, with_text_overlay
from qlue_console.photos.hashing import bands, hamming, to_signed
from qlue_console.photos.ingest import analyse_photo, describe_photo
from qlue_console.photos.reuse import LOOKUP, find_reuse, lookup_parameters
from tests.photos.reuse_baseline import find_similar_proofs, linear_scan

from .helpers import proof

N_ROWS = 5000


def _near(rng: random.Random, h: int, distance: int) -> int:
    for bit in rng.sample(range(64), distance):
        h ^= 1 << bit
    return h


def _insert(conn, hashes: list[int], kind: str = "proof") -> list[int]:
    rows = conn.execute(
        text(
            "INSERT INTO photos (kind, phash, sha256) SELECT :kind, h, 'test' || ord "
            "FROM unnest(CAST(:hs AS bigint[])) WITH ORDINALITY AS t(h, ord) RETURNING id"
        ),
        {"kind": kind, "hs": [to_signed(h) for h in hashes]},
    )
    return [r.id for r in rows]


def test_band_expressions_of_the_indexes_equal_python_bands(db_engine):
    rng = random.Random(1)
    hashes = [rng.getrandbits(64) for _ in range(200)] + [0, 2**64 - 1, 2**63, 2**63 - 1]
    with db_engine.begin() as conn:
        ids = _insert(conn, hashes)
        rows = conn.execute(
            text(
                "SELECT phash, ((phash >> 42) & 4194303) AS t0, ((phash >> 21) & 2097151) AS t1, "
                "(phash & 2097151) AS t2 FROM photos WHERE id = ANY(:ids)"
            ),
            {"ids": ids},
        ).all()
        indexed = conn.execute(
            text(
                "SELECT indexname, indexdef FROM pg_indexes "
                "WHERE tablename = 'photos' AND indexname LIKE 'photos_proof_t%' ORDER BY 1"
            )
        ).all()
    assert len(rows) == len(hashes)
    for row in rows:
        assert (row.t0, row.t1, row.t2) == bands(row.phash)
    assert [r.indexname for r in indexed] == [f"photos_proof_t{i}_idx" for i in range(3)]
    expressions = ("(phash >> 42) & ", "(phash >> 21) & ", "phash & ")
    for r, expression in zip(indexed, expressions, strict=True):
        assert expression in r.indexdef and "WHERE (kind = 'proof'::text)" in r.indexdef


def test_index_agrees_with_brute_force(db_engine):
    rng = random.Random(20250310)
    queries = [rng.getrandbits(64) for _ in range(25)]
    hashes = [rng.getrandbits(64) for _ in range(N_ROWS)]
    # Plant neighbours of every query at distances 0..12 so that there is something to find.
    for q in queries:
        hashes += [_near(rng, q, d) for d in range(13)]
    with db_engine.begin() as conn:
        ids = _insert(conn, hashes)
        _insert(conn, [queries[0]], kind="report")  # citizens' photos are not proofs
        conn.execute(text("ANALYZE photos"))
        by_id = dict(zip(ids, hashes, strict=True))
        for max_distance in (3, 8, 10):
            for q in queries:
                found = find_similar_proofs(conn, q, max_distance=max_distance, limit=1000)
                scanned = linear_scan(conn, q, max_distance=max_distance, limit=1000)
                expected = sorted(
                    (hamming(q, h), i) for i, h in by_id.items() if hamming(q, h) <= max_distance
                )
                assert [(hit.distance, hit.photo_id) for hit in found] == expected
                assert [(hit.distance, hit.photo_id) for hit in scanned] == expected
                assert len(expected) >= max_distance + 1


def test_variants_exclusions_and_limit(db_engine):
    first = proof(41)
    stored = describe_photo(first)
    with db_engine.begin() as conn:
        # The citizen's report, its photo stored through the channel contract (describe_photo).
        report_id = contract.submit_report(
            conn,
            channel="app",
            external_id="reuse-1",
            citizen="warga",
            text_="Jalan berlubang",
            category="sampah",
            lat=-6.1754,
            lon=106.8272,
            photo=proof(40),
        )
        stored_report_phash = conn.execute(
            text("SELECT phash FROM photos WHERE report_id = :r AND kind = 'report'"),
            {"r": report_id},
        ).scalar_one()
        assert stored_report_phash == describe_photo(proof(40)).phash
        photo_id = conn.execute(
            text(
                "INSERT INTO photos (kind, phash, sha256, report_id) VALUES ('proof', :h, :s, :r) "
                "RETURNING id"
            ),
            {"h": stored.phash, "s": stored.sha256, "r": report_id},
        ).scalar_one()
        _insert(conn, [random.Random(2).getrandbits(64) for _ in range(300)])
        # The JAKI case: the same photo with a new date drawn on it.
        stamped = analyse_photo(with_text_overlay(first, "11/03/2025 14:30"))
        hits = find_reuse(conn, stamped.variant_hashes, max_distance=10)
        assert hits and hits[0].photo_id == photo_id and hits[0].distance <= 8
        assert hits[0].report_id == report_id
        # A mirrored copy: found through its mirror variant only.
        flipped = analyse_photo(mirrored(first))
        assert not find_similar_proofs(conn, flipped.meta.phash, max_distance=10)
        hits = find_reuse(conn, flipped.variant_hashes, max_distance=10)
        assert [(h.photo_id, h.transform) for h in hits] == [(photo_id, "mirror")]
        # A proof of the same report, or the photo itself, is not a re-use.
        assert not find_reuse(conn, stamped.variant_hashes, exclude_report_id=report_id)
        assert find_reuse(conn, stamped.variant_hashes, exclude_report_id=report_id + 1)
        # The citizen's own photo (kind 'report') is never a reused proof.
        assert not find_reuse(conn, analyse_photo(proof(40)).variant_hashes)
        assert not find_reuse(conn, stamped.variant_hashes, exclude_photo_id=photo_id)
        many = _insert(conn, [stored.phash] * 30)
        assert len(find_similar_proofs(conn, stored.phash, limit=5)) == 5
        assert len(many) == 30


def test_lookup_reads_the_band_indexes_only(db_engine):
    rng = random.Random(3)
    with db_engine.begin() as conn:
        _insert(conn, [rng.getrandbits(64) for _ in range(N_ROWS)])
        conn.execute(text("ANALYZE photos"))
        params = lookup_parameters(
            {"identity": rng.getrandbits(64)},
            max_distance=8,
            exclude_report_id=None,
            exclude_photo_id=None,
            limit=20,
        )
        plan = "\n".join(r[0] for r in conn.execute(text("EXPLAIN " + LOOKUP.text), params))
    for i in range(3):
        assert f"photos_proof_t{i}_idx" in plan
    assert "Seq Scan on photos" not in plan
