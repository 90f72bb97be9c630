-- The proofs' reuse index in three bands instead of four (qlue_console/photos/reuse.py).
--
-- Multi-index hashing is cheapest when a band has about log2(N) bits, N the number of stored
-- proofs: each probed band value then matches about one proof. Four 16-bit bands suit 65,536
-- proofs; at a million proofs each value matched ~15 and at ten million ~150, so a lookup
-- within 8 bits read 8,400 or 84,000 candidates. Three bands of 22, 21 and 21 bits match ~2.4
-- (10M: ~4.8) proofs a value, at the price of more values to probe (radius 2: 254 + 232 + 232).
--
-- The bands are expressions of phash, indexed directly (no stored columns: creating these
-- indexes rewrites nothing, and each keeps id, report_id and phash for index-only scans).
CREATE INDEX photos_proof_t0_idx ON photos (((phash >> 42) & 4194303))
    INCLUDE (id, report_id, phash) WHERE kind = 'proof';
CREATE INDEX photos_proof_t1_idx ON photos (((phash >> 21) & 2097151))
    INCLUDE (id, report_id, phash) WHERE kind = 'proof';
CREATE INDEX photos_proof_t2_idx ON photos ((phash & 2097151))
    INCLUDE (id, report_id, phash) WHERE kind = 'proof';

-- The planner ignores the statistics of a partial index's expressions, and without them it
-- guesses that a band value matches 0.5 % of the proofs (50,000 of 10,000,000) and plans a
-- parallel sort of millions of rows; statistics on the expressions give it ~2 a value.
CREATE STATISTICS photos_phash_bands_stat
    ON ((phash >> 42) & 4194303), ((phash >> 21) & 2097151), (phash & 2097151) FROM photos;

-- The 16-bit bands go, with their indexes: those of every photo (revision 0001) were only
-- ever read for proofs, and each cost every photo insert four index entries.
DROP INDEX photos_proof_b0_idx, photos_proof_b1_idx, photos_proof_b2_idx, photos_proof_b3_idx;
DROP INDEX photos_b0_idx, photos_b1_idx, photos_b2_idx, photos_b3_idx;
ALTER TABLE photos DROP COLUMN phash_b0, DROP COLUMN phash_b1, DROP COLUMN phash_b2,
    DROP COLUMN phash_b3;

ANALYZE photos;
