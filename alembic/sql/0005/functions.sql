-- Revision 0005: the functions that keep the pre-aggregation (revision 0008 replaces them; its
-- downgrade runs this file again to put them back).

-- Recomputes the facts and spans of the given reports from their events. Concurrent writers
-- of the same report serialise on its facts row; each statement after the lock sees every
-- committed event (READ COMMITTED), so the last one to commit wrote from all of them.
CREATE OR REPLACE FUNCTION qlue_kpi_refresh(p_reports bigint[]) RETURNS void
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
CREATE OR REPLACE FUNCTION qlue_kpi_rebuild() RETURNS void
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
CREATE OR REPLACE FUNCTION qlue_kpi_events_inserted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM qlue_kpi_refresh(ARRAY(
        SELECT DISTINCT report_id FROM kpi_new_events
         WHERE kind IN ('created', 'triaged', 'dispatched', 'forwarded', 'follow_up', 'proof_approved', 'closed',
                        'proof_rejected', 'reopened', 'rejected', 'merged')));
    RETURN NULL;
END $$;

-- Events are append-only; an admin's correction still keeps the aggregate exact.
CREATE OR REPLACE FUNCTION qlue_kpi_events_updated() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM qlue_kpi_refresh(ARRAY(SELECT report_id FROM kpi_old_events UNION SELECT report_id FROM kpi_new_events));
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION qlue_kpi_events_deleted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM qlue_kpi_refresh(ARRAY(SELECT DISTINCT report_id FROM kpi_old_events));
    RETURN NULL;
END $$;
