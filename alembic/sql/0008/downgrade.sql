-- Revision 0008 undone: 0005's refresh and rebuild get their names back.
DROP TRIGGER IF EXISTS events_kpi_proofs_insert ON events;
DROP TRIGGER IF EXISTS events_kpi_proofs_update ON events;
DROP TRIGGER IF EXISTS events_kpi_proofs_delete ON events;
DROP TRIGGER IF EXISTS mentions_kpi_insert_delete ON mentions;
DROP TRIGGER IF EXISTS mentions_kpi_update ON mentions;
DROP TRIGGER IF EXISTS follow_ups_kpi_update ON follow_ups;
DROP FUNCTION IF EXISTS qlue_kpi_proof_events_inserted();
DROP FUNCTION IF EXISTS qlue_kpi_proof_events_changed();
DROP FUNCTION IF EXISTS qlue_kpi_mention_changed();
DROP FUNCTION IF EXISTS qlue_kpi_follow_up_changed();
DROP FUNCTION IF EXISTS qlue_kpi_refresh(bigint[]);
DROP FUNCTION IF EXISTS qlue_kpi_rebuild();
ALTER FUNCTION qlue_kpi_refresh_events(bigint[]) RENAME TO qlue_kpi_refresh;
ALTER FUNCTION qlue_kpi_rebuild_events() RENAME TO qlue_kpi_rebuild;
DROP FUNCTION IF EXISTS qlue_kpi_refresh_proofs(bigint[]);
DROP FUNCTION IF EXISTS qlue_kpi_refresh_mentions(bigint[]);
DROP FUNCTION IF EXISTS qlue_kpi_proof_reused(bigint, bigint, bigint);
DROP TABLE IF EXISTS kpi_proof_facts;
DROP POLICY IF EXISTS kpi_facts_visible ON kpi_report_facts;
DROP POLICY IF EXISTS kpi_spans_visible ON kpi_state_spans;
CREATE POLICY kpi_facts_visible ON kpi_report_facts FOR SELECT
    USING (EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id));
CREATE POLICY kpi_spans_visible ON kpi_state_spans FOR SELECT
    USING (EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id));
DROP INDEX IF EXISTS kpi_mentions_live_idx;
ALTER TABLE kpi_report_facts
    DROP COLUMN IF EXISTS second_forward_at,
    DROP COLUMN IF EXISTS first_dispatch_due_at,
    DROP COLUMN IF EXISTS mention_accounts,
    DROP COLUMN IF EXISTS mention_first_at;
