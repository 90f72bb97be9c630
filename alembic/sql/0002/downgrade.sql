-- Revision 0002 downgrade.
DROP FUNCTION IF EXISTS comment_report(bigint, text);
DROP FUNCTION IF EXISTS merge_report(bigint, integer, bigint);
DROP FUNCTION IF EXISTS reject_report(bigint, integer, text, text);
DROP FUNCTION IF EXISTS mark_report_triaged(bigint, integer);
DROP FUNCTION IF EXISTS set_report_priority(bigint, integer, integer);
DROP FUNCTION IF EXISTS set_report_category(bigint, integer, text);
DROP FUNCTION IF EXISTS release_claim(bigint);
DROP FUNCTION IF EXISTS claim_report(bigint, integer);
DROP FUNCTION IF EXISTS claim_next_report(integer);
DROP FUNCTION IF EXISTS qlue_touch(bigint, text, jsonb);
DROP FUNCTION IF EXISTS qlue_lock_for_action(bigint, integer);
DROP FUNCTION IF EXISTS qlue_is_supervisor();
DROP FUNCTION IF EXISTS qlue_actor();
DROP TABLE IF EXISTS saved_views;
DROP INDEX IF EXISTS reports_due_open_idx, reports_outside_idx, reports_channel_created_idx, reports_claim_idx,
    reports_status_created_idx, reports_open_created_idx, reports_open_priority_idx, reports_point_idx;
