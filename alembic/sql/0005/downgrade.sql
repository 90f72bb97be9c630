-- Revision 0005 undone.
DROP INDEX IF EXISTS photos_proof_phash_idx;
DROP INDEX IF EXISTS reports_closed_at_idx;
