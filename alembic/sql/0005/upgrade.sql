-- Revision 0005: what the weekly KPIs (qlue_console/reports/kpis.py) need at a city's volume.
--
-- An exact pre-aggregation of the events, kept by triggers on events: per report its first
-- created / triage / dispatch / follow-up times (kpi_report_facts) and the history of its
-- states as spans between state-changing events (kpi_state_spans). Both are a pure function
-- of the report's events, recomputed from all of them whenever one is written, so they never
-- drift; qlue_kpi_rebuild() recomputes everything (after a bulk load with triggers disabled).

CREATE TABLE kpi_report_facts (
    report_id           bigint PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
    created_at          timestamptz,     -- the 'created' event
    first_triage_at     timestamptz,     -- first triaged / dispatched / forwarded / rejected / merged into another
    first_dispatch_at   timestamptz,
    first_follow_up_at  timestamptz,
    -- The report's own codes, so the groupings never re-read reports (kept by a trigger on
    -- reports when a report is recategorised or moved).
    category_code       text,
    kelurahan_code      text,
    kecamatan_code      text,
    kota_code           text
);
CREATE INDEX kpi_facts_created_idx ON kpi_report_facts (created_at);

-- A report is in 'state' from from_at (the event's time) until to_at (the next state-changing
-- event's time; NULL: still). Event ties are ordered by id, as in the timeline.
CREATE TABLE kpi_state_spans (
    report_id   bigint NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    event_id    bigint NOT NULL,
    state       text NOT NULL,
    from_at     timestamptz NOT NULL,
    to_at       timestamptz,
    PRIMARY KEY (report_id, event_id)
);
-- The open backlog at a week's end: open spans still current, or ended at or after it.
CREATE INDEX kpi_spans_open_idx ON kpi_state_spans (to_at, from_at) INCLUDE (report_id, state)
    WHERE state IN ('new', 'triaged', 'dispatched', 'coordination', 'disposition', 'followed_up', 'reopened');

-- A report's state at an instant: its last span starting before it, from the index alone.
CREATE INDEX kpi_spans_report_at_idx ON kpi_state_spans (report_id, from_at DESC, event_id DESC) INCLUDE (state, to_at);

-- The state a report is in after an event (NULL: the event does not change it). A 'merged'
-- event moves only the duplicate (payload 'into'), not the original it was merged into.
CREATE FUNCTION qlue_kpi_state(p_kind text, p_payload jsonb) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE p_kind
        WHEN 'created' THEN 'new' WHEN 'triaged' THEN 'triaged' WHEN 'dispatched' THEN 'dispatched'
        WHEN 'forwarded' THEN 'coordination' WHEN 'follow_up' THEN 'followed_up'
        WHEN 'proof_approved' THEN 'verified' WHEN 'closed' THEN 'verified'
        WHEN 'proof_rejected' THEN 'reopened' WHEN 'reopened' THEN 'reopened'
        WHEN 'rejected' THEN 'rejected'
        WHEN 'merged' THEN CASE WHEN p_payload->>'into' IS NOT NULL THEN 'duplicate' END
    END
$$;

-- Recomputes the facts and spans of the given reports from their events. Concurrent writers
-- of the same report serialise on its facts row; each statement after the lock sees every
-- committed event (READ COMMITTED), so the last one to commit wrote from all of them.
CREATE FUNCTION qlue_kpi_refresh(p_reports bigint[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF p_reports IS NULL OR cardinality(p_reports) = 0 THEN
        RETURN;
    END IF;
    INSERT INTO kpi_report_facts (report_id)
    SELECT DISTINCT r FROM unnest(p_reports) r ORDER BY r
    ON CONFLICT (report_id) DO NOTHING;
    PERFORM 1 FROM kpi_report_facts WHERE report_id = ANY (p_reports) ORDER BY report_id FOR UPDATE;
    UPDATE kpi_report_facts f
       SET created_at = x.created_at, first_triage_at = x.first_triage_at,
           first_dispatch_at = x.first_dispatch_at, first_follow_up_at = x.first_follow_up_at,
           category_code = r.category_code, kelurahan_code = r.kelurahan_code,
           kecamatan_code = r.kecamatan_code, kota_code = r.kota_code
      FROM reports r, (SELECT ev.report_id,
                   min(ev.at) FILTER (WHERE ev.kind = 'created') AS created_at,
                   min(ev.at) FILTER (WHERE ev.kind IN ('triaged', 'dispatched', 'forwarded', 'rejected')
                                         OR (ev.kind = 'merged' AND ev.payload->>'into' IS NOT NULL)) AS first_triage_at,
                   min(ev.at) FILTER (WHERE ev.kind = 'dispatched') AS first_dispatch_at,
                   min(ev.at) FILTER (WHERE ev.kind = 'follow_up') AS first_follow_up_at
              FROM events ev WHERE ev.report_id = ANY (p_reports) GROUP BY ev.report_id) x
     WHERE f.report_id = x.report_id AND r.id = x.report_id;
    DELETE FROM kpi_state_spans WHERE report_id = ANY (p_reports);
    INSERT INTO kpi_state_spans (report_id, event_id, state, from_at, to_at)
    SELECT report_id, id, state, at, lead(at) OVER (PARTITION BY report_id ORDER BY at, id)
      FROM (SELECT ev.report_id, ev.id, ev.at, qlue_kpi_state(ev.kind, ev.payload) AS state
              FROM events ev WHERE ev.report_id = ANY (p_reports)) x
     WHERE state IS NOT NULL;
END $$;

-- Recomputes everything (the migration's backfill; bulk loaders that disabled the triggers).
CREATE FUNCTION qlue_kpi_rebuild() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    LOCK TABLE kpi_report_facts, kpi_state_spans IN EXCLUSIVE MODE;
    TRUNCATE kpi_report_facts, kpi_state_spans;
    INSERT INTO kpi_report_facts (report_id, created_at, first_triage_at, first_dispatch_at, first_follow_up_at,
                                  category_code, kelurahan_code, kecamatan_code, kota_code)
    SELECT x.report_id, x.created_at, x.first_triage_at, x.first_dispatch_at, x.first_follow_up_at,
           r.category_code, r.kelurahan_code, r.kecamatan_code, r.kota_code
      FROM (SELECT ev.report_id,
                   min(ev.at) FILTER (WHERE ev.kind = 'created') AS created_at,
                   min(ev.at) FILTER (WHERE ev.kind IN ('triaged', 'dispatched', 'forwarded', 'rejected')
                                         OR (ev.kind = 'merged' AND ev.payload->>'into' IS NOT NULL)) AS first_triage_at,
                   min(ev.at) FILTER (WHERE ev.kind = 'dispatched') AS first_dispatch_at,
                   min(ev.at) FILTER (WHERE ev.kind = 'follow_up') AS first_follow_up_at
              FROM events ev GROUP BY ev.report_id) x
      JOIN reports r ON r.id = x.report_id;
    INSERT INTO kpi_state_spans (report_id, event_id, state, from_at, to_at)
    SELECT report_id, id, state, at, lead(at) OVER (PARTITION BY report_id ORDER BY at, id)
      FROM (SELECT ev.report_id, ev.id, ev.at, qlue_kpi_state(ev.kind, ev.payload) AS state FROM events ev) x
     WHERE state IS NOT NULL;
END $$;

-- The kinds that move a fact or a state; claims, comments and the like leave them alone.
CREATE FUNCTION qlue_kpi_events_inserted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM qlue_kpi_refresh(ARRAY(
        SELECT DISTINCT report_id FROM kpi_new_events
         WHERE kind IN ('created', 'triaged', 'dispatched', 'forwarded', 'follow_up', 'proof_approved', 'closed',
                        'proof_rejected', 'reopened', 'rejected', 'merged')));
    RETURN NULL;
END $$;

-- Events are append-only; an admin's correction still keeps the aggregate exact.
CREATE FUNCTION qlue_kpi_events_updated() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM qlue_kpi_refresh(ARRAY(SELECT report_id FROM kpi_old_events UNION SELECT report_id FROM kpi_new_events));
    RETURN NULL;
END $$;

CREATE FUNCTION qlue_kpi_events_deleted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM qlue_kpi_refresh(ARRAY(SELECT DISTINCT report_id FROM kpi_old_events));
    RETURN NULL;
END $$;

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
