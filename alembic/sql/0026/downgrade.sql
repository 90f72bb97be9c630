-- Revision 0026 down: the templates and the reply functions gone. A reply already written
-- stays on its report's timeline as a comment marked public (payload reply = true), which the
-- gateway of 0019 does not show: nothing said to the citizen is lost, nothing internal leaks.
REVOKE EXECUTE ON FUNCTION qlue_trim(text), qlue_is_blank(text) FROM qlue_operator;
DROP FUNCTION channel_replies(bigint, integer);
DROP FUNCTION reply_to_citizen(bigint, text, text);
DROP FUNCTION delete_message_template(bigint);
DROP FUNCTION save_message_template(bigint, integer, text, text, text, text, text, text, text, integer);
DROP TABLE message_templates;
DROP FUNCTION qlue_template_unknown_placeholder(text);

UPDATE events SET kind = 'comment', payload = payload || jsonb_build_object('internal', false, 'reply', true)
 WHERE kind = 'reply';
ALTER TABLE events DROP CONSTRAINT events_kind_check;
ALTER TABLE events ADD CONSTRAINT events_kind_check CHECK (kind IN ('created', 'triaged', 'claimed', 'released', 'categorised', 'prioritised', 'dispatched', 'mentioned', 'forwarded', 'escalated', 'comment', 'follow_up', 'proof_approved', 'proof_rejected', 'reopened', 'merged', 'rejected', 'closed', 'undone'));
