DROP INDEX IF EXISTS photos_proof_b0_idx, photos_proof_b1_idx, photos_proof_b2_idx, photos_proof_b3_idx;
-- Revision 0004 undone: the verifier's functions (the follow_ups columns belong to 0001).
DROP FUNCTION IF EXISTS decide_follow_up(bigint, text, text, text);
DROP FUNCTION IF EXISTS qlue_record_checks(bigint, jsonb, real, jsonb);
DROP FUNCTION IF EXISTS qlue_verify_is_supervisor();
DROP FUNCTION IF EXISTS qlue_verify_actor();
