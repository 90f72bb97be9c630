-- Revision 0003 downgrade: the dispatch, forwarding, escalation and admin functions.
DROP FUNCTION IF EXISTS delete_routing_rule(integer);
DROP FUNCTION IF EXISTS set_routing_rule(text, text, text, integer);
DROP FUNCTION IF EXISTS delete_holiday(date);
DROP FUNCTION IF EXISTS set_holiday(date, text, text);
DROP FUNCTION IF EXISTS qlue_escalate_overdue();
DROP FUNCTION IF EXISTS qlue_escalation_target(accounts, reports);
DROP FUNCTION IF EXISTS official_forward_report(bigint, text, text[], text);
DROP FUNCTION IF EXISTS forward_report(bigint, integer, text[], text, text, text[]);
DROP FUNCTION IF EXISTS qlue_forward(reports, integer[], integer[], text, text, text);
DROP FUNCTION IF EXISTS dispatch_report(bigint, integer, text, text[]);
DROP FUNCTION IF EXISTS qlue_dispatch_due(reports, timestamptz);
DROP FUNCTION IF EXISTS qlue_dispatch_open_mentions(bigint, integer[], bigint, timestamptz, timestamptz);
DROP FUNCTION IF EXISTS qlue_dispatch_handles(integer[]);
DROP FUNCTION IF EXISTS qlue_dispatch_accounts(text[], text, boolean);
DROP FUNCTION IF EXISTS qlue_dispatch_lock(bigint, integer, boolean);
DROP FUNCTION IF EXISTS qlue_dispatch_actor();
DROP FUNCTION IF EXISTS qlue_dispatch_clock();
