-- Revision 0005 undone.
DROP TRIGGER IF EXISTS events_kpi_insert ON events;
DROP TRIGGER IF EXISTS events_kpi_update ON events;
DROP TRIGGER IF EXISTS events_kpi_delete ON events;
DROP TRIGGER IF EXISTS reports_kpi_codes ON reports;
DROP FUNCTION IF EXISTS qlue_kpi_events_inserted();
DROP FUNCTION IF EXISTS qlue_kpi_events_updated();
DROP FUNCTION IF EXISTS qlue_kpi_events_deleted();
DROP FUNCTION IF EXISTS qlue_kpi_report_codes();
DROP FUNCTION IF EXISTS qlue_kpi_rebuild();
DROP FUNCTION IF EXISTS qlue_kpi_refresh(bigint[]);
DROP FUNCTION IF EXISTS qlue_kpi_state(text, jsonb);
DROP TABLE IF EXISTS kpi_state_spans;
DROP TABLE IF EXISTS kpi_report_facts;
DROP INDEX IF EXISTS photos_proof_phash_idx;
DROP INDEX IF EXISTS photos_proof_sha256_idx;
DROP INDEX IF EXISTS reports_closed_at_idx;   -- an earlier draft of 0005 created it
