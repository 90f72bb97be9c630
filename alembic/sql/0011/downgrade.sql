-- Revision 0011 undone: the mention intervals and the log of reuse verdicts go, 0008's
-- refreshes of the proof and mention facts, its rebuild, its indexes and 0005's event trigger
-- function come back as they were, and the weights are single precision again.
DROP TRIGGER IF EXISTS mentions_kpi_state ON mentions;
DROP TRIGGER IF EXISTS follow_ups_kpi_checks_insert ON follow_ups;
DROP TRIGGER IF EXISTS follow_ups_kpi_checks_update ON follow_ups;
DROP TRIGGER IF EXISTS photos_kpi_hashes ON photos;

CREATE OR REPLACE FUNCTION qlue_kpi_refresh_proofs(p_events bigint[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF p_events IS NULL OR cardinality(p_events) = 0 THEN
        RETURN;
    END IF;
    DELETE FROM kpi_proof_facts WHERE event_id = ANY (p_events);
    INSERT INTO kpi_proof_facts (event_id, report_id, at, reused)
    SELECT ev.id, ev.report_id, ev.at,
           qlue_kpi_proof_reused(ev.report_id, CAST(ev.payload->>'follow_up' AS bigint), CAST(ev.payload->>'photo' AS bigint))
      FROM events ev
     WHERE ev.id = ANY (p_events) AND ev.kind = 'follow_up';
END $$;

CREATE OR REPLACE FUNCTION qlue_kpi_events_inserted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM qlue_kpi_refresh(ARRAY(
        SELECT DISTINCT report_id FROM kpi_new_events
         WHERE kind IN ('created', 'triaged', 'dispatched', 'forwarded', 'follow_up', 'proof_approved', 'closed',
                        'proof_rejected', 'reopened', 'rejected', 'merged')));
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION qlue_kpi_refresh_mentions(p_reports bigint[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF p_reports IS NULL OR cardinality(p_reports) = 0 THEN
        RETURN;
    END IF;
    PERFORM 1 FROM kpi_report_facts WHERE report_id = ANY (p_reports) ORDER BY report_id FOR UPDATE;
    UPDATE kpi_report_facts f
       SET first_dispatch_due_at = (SELECT min(mn.due_at) FROM mentions mn
                                     WHERE mn.report_id = f.report_id AND mn.mentioned_at <= f.first_dispatch_at),
           mention_accounts = coalesce(a.accounts, '{}'), mention_first_at = coalesce(a.firsts, '{}')
      FROM unnest(p_reports) AS r(report_id)
      LEFT JOIN LATERAL (
            SELECT array_agg(x.account_id ORDER BY x.account_id) AS accounts,
                   array_agg(x.first_at ORDER BY x.account_id) AS firsts
              FROM (SELECT mn.account_id, min(mn.mentioned_at) AS first_at FROM mentions mn
                     WHERE mn.report_id = r.report_id GROUP BY mn.account_id) x) a ON true
     WHERE f.report_id = r.report_id;
END $$;

CREATE OR REPLACE FUNCTION qlue_kpi_rebuild() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    LOCK TABLE kpi_proof_facts IN EXCLUSIVE MODE;
    PERFORM qlue_kpi_rebuild_events();
    UPDATE kpi_report_facts f
       SET second_forward_at = x.second_at
      FROM (SELECT ev.report_id, (array_agg(ev.at ORDER BY ev.at, ev.id))[2] AS second_at
              FROM events ev WHERE ev.kind = 'forwarded' GROUP BY ev.report_id HAVING count(*) >= 2) x
     WHERE f.report_id = x.report_id;
    UPDATE kpi_report_facts f
       SET first_dispatch_due_at = m.due, mention_accounts = m.accounts, mention_first_at = m.firsts
      FROM (SELECT x.report_id,
                   min(x.first_due) AS due,
                   array_agg(x.account_id ORDER BY x.account_id) AS accounts,
                   array_agg(x.first_at ORDER BY x.account_id) AS firsts
              FROM (SELECT mn.report_id, mn.account_id, min(mn.mentioned_at) AS first_at,
                           min(mn.due_at) FILTER (WHERE mn.mentioned_at <= fa.first_dispatch_at) AS first_due
                      FROM mentions mn JOIN kpi_report_facts fa ON fa.report_id = mn.report_id
                     GROUP BY mn.report_id, mn.account_id) x
             GROUP BY x.report_id) m
     WHERE f.report_id = m.report_id;
    TRUNCATE kpi_proof_facts;
    INSERT INTO kpi_proof_facts (event_id, report_id, at, reused)
    SELECT ev.id, ev.report_id, ev.at,
           qlue_kpi_proof_reused(ev.report_id, CAST(ev.payload->>'follow_up' AS bigint), CAST(ev.payload->>'photo' AS bigint))
      FROM events ev
     WHERE ev.kind = 'follow_up';
END $$;

DROP FUNCTION IF EXISTS qlue_kpi_mention_end(bigint, bigint, text, timestamptz, timestamptz);
DROP FUNCTION IF EXISTS qlue_kpi_checks_recorded();
DROP FUNCTION IF EXISTS qlue_kpi_proof_photo_changed();
DROP FUNCTION IF EXISTS qlue_kpi_proof_reused_by_photo(bigint, bigint, bigint);
DROP FUNCTION IF EXISTS qlue_kpi_reuse_verdict(jsonb);
DROP TABLE IF EXISTS kpi_proof_checks;
DROP INDEX IF EXISTS kpi_proof_facts_at_idx;
ALTER TABLE kpi_proof_facts DROP COLUMN IF EXISTS follow_up_id, DROP COLUMN IF EXISTS reused_by_photo;
CREATE INDEX kpi_proof_facts_at_idx ON kpi_proof_facts (at) INCLUDE (report_id, reused);
DROP TABLE IF EXISTS kpi_mention_spans;
CREATE INDEX kpi_mentions_live_idx ON mentions (resolved_at, mentioned_at) INCLUDE (report_id, account_id, due_at)
    WHERE state <> 'closed';

ALTER TABLE categories
    DROP CONSTRAINT categories_weight_check,
    ALTER COLUMN weight TYPE real USING CAST(weight AS real),
    ADD CONSTRAINT categories_weight_check CHECK (weight > 0);
