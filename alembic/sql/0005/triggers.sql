-- Revision 0005: the triggers that keep the pre-aggregation, the proof-hash indexes, the backfill,
-- grants and row-level security.

-- A report recategorised or moved to another area: its facts follow (under the facts row's
-- lock, so a concurrent refresh of the report reads the committed codes after it).
CREATE FUNCTION qlue_kpi_report_codes() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    UPDATE kpi_report_facts
       SET category_code = NEW.category_code, kelurahan_code = NEW.kelurahan_code,
           kecamatan_code = NEW.kecamatan_code, kota_code = NEW.kota_code
     WHERE report_id = NEW.id;
    RETURN NULL;
END $$;

CREATE TRIGGER reports_kpi_codes AFTER UPDATE OF category_code, kelurahan_code, kecamatan_code, kota_code ON reports
    FOR EACH ROW WHEN ((OLD.category_code, OLD.kelurahan_code, OLD.kecamatan_code, OLD.kota_code)
                       IS DISTINCT FROM (NEW.category_code, NEW.kelurahan_code, NEW.kecamatan_code, NEW.kota_code))
    EXECUTE FUNCTION qlue_kpi_report_codes();

CREATE TRIGGER events_kpi_insert AFTER INSERT ON events
    REFERENCING NEW TABLE AS kpi_new_events FOR EACH STATEMENT EXECUTE FUNCTION qlue_kpi_events_inserted();
CREATE TRIGGER events_kpi_update AFTER UPDATE ON events
    REFERENCING OLD TABLE AS kpi_old_events NEW TABLE AS kpi_new_events
    FOR EACH STATEMENT EXECUTE FUNCTION qlue_kpi_events_updated();
CREATE TRIGGER events_kpi_delete AFTER DELETE ON events
    REFERENCING OLD TABLE AS kpi_old_events FOR EACH STATEMENT EXECUTE FUNCTION qlue_kpi_events_deleted();

-- The reused-proof rate compares each proof posted in the week with the earlier proofs of
-- other reports by exact perceptual hash: one index probe instead of a band scan.
-- Both probes are answered from the index (covering: the earlier-photo test and the other
-- report), not the photos' heap.
CREATE INDEX IF NOT EXISTS photos_proof_phash_idx ON photos (phash, created_at, id) INCLUDE (report_id)
    WHERE kind = 'proof';
CREATE INDEX IF NOT EXISTS photos_proof_sha256_idx ON photos (sha256, created_at, id) INCLUDE (report_id)
    WHERE kind = 'proof';

SELECT qlue_kpi_rebuild();

REVOKE ALL ON FUNCTION qlue_kpi_state(text, jsonb), qlue_kpi_refresh(bigint[]), qlue_kpi_rebuild() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION qlue_kpi_state(text, jsonb) TO qlue_analyst, qlue_operator, qlue_admin;
GRANT EXECUTE ON FUNCTION qlue_kpi_refresh(bigint[]), qlue_kpi_rebuild() TO qlue_admin;
GRANT SELECT ON kpi_report_facts, kpi_state_spans TO qlue_analyst, qlue_operator;
GRANT ALL ON kpi_report_facts, kpi_state_spans TO qlue_admin;

-- A login sees the aggregate of the reports it may see (row-level security of reports).
ALTER TABLE kpi_report_facts ENABLE ROW LEVEL SECURITY;
ALTER TABLE kpi_state_spans ENABLE ROW LEVEL SECURITY;
CREATE POLICY kpi_facts_visible ON kpi_report_facts FOR SELECT
    USING (EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id));
CREATE POLICY kpi_spans_visible ON kpi_state_spans FOR SELECT
    USING (EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id));
