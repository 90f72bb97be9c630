-- Back to the four stored 16-bit bands of revisions 0001 and 0004 (this rewrites photos).
ALTER TABLE photos
    ADD COLUMN phash_b0 integer GENERATED ALWAYS AS (((phash >> 48) & 65535)::integer) STORED,
    ADD COLUMN phash_b1 integer GENERATED ALWAYS AS (((phash >> 32) & 65535)::integer) STORED,
    ADD COLUMN phash_b2 integer GENERATED ALWAYS AS (((phash >> 16) & 65535)::integer) STORED,
    ADD COLUMN phash_b3 integer GENERATED ALWAYS AS ((phash & 65535)::integer) STORED;
CREATE INDEX photos_b0_idx ON photos (phash_b0);
CREATE INDEX photos_b1_idx ON photos (phash_b1);
CREATE INDEX photos_b2_idx ON photos (phash_b2);
CREATE INDEX photos_b3_idx ON photos (phash_b3);
CREATE INDEX photos_proof_b0_idx ON photos (phash_b0) INCLUDE (id, report_id, phash) WHERE kind = 'proof';
CREATE INDEX photos_proof_b1_idx ON photos (phash_b1) INCLUDE (id, report_id, phash) WHERE kind = 'proof';
CREATE INDEX photos_proof_b2_idx ON photos (phash_b2) INCLUDE (id, report_id, phash) WHERE kind = 'proof';
CREATE INDEX photos_proof_b3_idx ON photos (phash_b3) INCLUDE (id, report_id, phash) WHERE kind = 'proof';
DROP STATISTICS photos_phash_bands_stat;
DROP INDEX photos_proof_t0_idx, photos_proof_t1_idx, photos_proof_t2_idx;
