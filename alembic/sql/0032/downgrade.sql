-- Revision 0032 down: the handover notes and the handing of claims gone. A claim handed over
-- stays on its report's timeline as an internal comment (payload handed_over = true).
DROP FUNCTION hand_claims_to(bigint[], text, integer);
DROP FUNCTION claim_colleagues();
DROP FUNCTION qlue_may_claim(text);
DROP FUNCTION acknowledge_handover_note(bigint);
DROP FUNCTION pending_handover_note();
DROP FUNCTION handover_history(integer);
DROP FUNCTION write_handover_note(text, integer[], bigint[]);
DROP FUNCTION qlue_handover_check_team();
DROP FUNCTION qlue_handover_team();
DROP TABLE handover_notes;

UPDATE events SET kind = 'comment', payload = payload || jsonb_build_object('internal', true, 'handed_over', true)
 WHERE kind = 'handed_over';
ALTER TABLE events DROP CONSTRAINT events_kind_check;
ALTER TABLE events ADD CONSTRAINT events_kind_check CHECK (kind IN ('created', 'triaged', 'claimed', 'released', 'categorised', 'prioritised', 'dispatched', 'mentioned', 'forwarded', 'escalated', 'comment', 'follow_up', 'proof_approved', 'proof_rejected', 'reopened', 'merged', 'rejected', 'closed', 'undone', 'reply', 'recurrence', 'fix_came_back', 'recurrence_withdrawn'));
