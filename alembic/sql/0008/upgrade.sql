-- Revision 0008: the weekly KPIs at a city's volume, second step. What the KPI statement
-- (qlue_console/reports/kpis.py) used to look up report by report, over the ~76,000 reports of
-- a busy week, is now kept in the pre-aggregation, as exactly as the rest of it:
--
--   * per report: when it was forwarded the second time, the due time of its first dispatch's
--     mentions, and every account mentioned on it with when it was first mentioned (so the
--     official grouping and the SLA never read the mentions report by report);
--   * per proof posted (kpi_proof_facts): whether the proof is reused, decided once when it is
--     posted and again when the verifier records its checks (so the reused-proof rate never
--     probes the photo hashes at report time);
--   * an index on the mentions that are live at an instant (open, not closed), read as one
--     range like kpi_spans_open_idx, for the overdue backlog and the officials' own backlog.

ALTER TABLE kpi_report_facts
    ADD COLUMN second_forward_at     timestamptz,   -- the second 'forwarded' event (ties by id)
    ADD COLUMN first_dispatch_due_at timestamptz,   -- min due_at of the mentions made at or before first_dispatch_at
    ADD COLUMN mention_accounts      integer[] NOT NULL DEFAULT '{}',      -- every account mentioned, ascending
    ADD COLUMN mention_first_at      timestamptz[] NOT NULL DEFAULT '{}';  -- when each was first mentioned

CREATE TABLE kpi_proof_facts (
    event_id    bigint PRIMARY KEY,                 -- the 'follow_up' event
    report_id   bigint NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    at          timestamptz NOT NULL,
    reused      boolean NOT NULL
);
CREATE INDEX kpi_proof_facts_at_idx ON kpi_proof_facts (at) INCLUDE (report_id, reused);

-- The mentions live at an instant T: not closed, mentioned before T, never resolved or resolved
-- at or after T. Two ranges of this index (resolved_at IS NULL; resolved_at >= T).
CREATE INDEX kpi_mentions_live_idx ON mentions (resolved_at, mentioned_at) INCLUDE (report_id, account_id, due_at)
    WHERE state <> 'closed';

-- Is the proof of this follow-up reused? The verifier's verdict when it recorded its checks
-- (follow_ups.checks, the photo checks' report); otherwise: the proof photo's sha256, or its
-- perceptual hash (exact equality), equals that of a proof photo of another report stored
-- before it. The first use of a photo is not a reuse; every later use on another report is.
CREATE FUNCTION qlue_kpi_proof_reused(p_report bigint, p_follow_up bigint, p_photo bigint) RETURNS boolean
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT coalesce(
        (SELECT (SELECT x->>'verdict' FROM jsonb_array_elements(fu.checks->'results') x
                  WHERE x->>'code' = 'reused_proof' LIMIT 1) = 'fail'
           FROM follow_ups fu
          WHERE fu.id = p_follow_up AND jsonb_typeof(fu.checks->'results') = 'array'),
        (SELECT EXISTS (SELECT 1 FROM photos o
                         WHERE o.sha256 = p.sha256 AND o.kind = 'proof' AND o.report_id <> p_report
                           AND (o.created_at, o.id) < (p.created_at, p.id))
                OR EXISTS (SELECT 1 FROM photos o
                            WHERE o.phash = p.phash AND o.kind = 'proof' AND o.report_id <> p_report
                              AND (o.created_at, o.id) < (p.created_at, p.id))
           FROM photos p
          WHERE p.id = coalesce((SELECT fu.photo_id FROM follow_ups fu WHERE fu.id = p_follow_up), p_photo)),
        false)
$$;

-- Recomputes the proof facts of the given events (those that are 'follow_up' events, and
-- forgets the others: a corrected or deleted event).
CREATE FUNCTION qlue_kpi_refresh_proofs(p_events bigint[]) RETURNS void
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

-- Recomputes the mention-derived facts of the given reports (after their facts' first
-- dispatch time is current). As in qlue_kpi_refresh: the facts rows are locked first, so the
-- update below reads every mention committed by a concurrent writer of the same report.
CREATE FUNCTION qlue_kpi_refresh_mentions(p_reports bigint[]) RETURNS void
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

-- 0005's refresh and rebuild are kept as they are, under new names, and wrapped: the wrappers
-- add the second forward and the mention facts (and, for the rebuild, the proof facts). 0005's
-- event triggers call qlue_kpi_refresh by name, so they now reach the wrapper.
ALTER FUNCTION qlue_kpi_refresh(bigint[]) RENAME TO qlue_kpi_refresh_events;
ALTER FUNCTION qlue_kpi_rebuild() RENAME TO qlue_kpi_rebuild_events;

CREATE FUNCTION qlue_kpi_refresh(p_reports bigint[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF p_reports IS NULL OR cardinality(p_reports) = 0 THEN
        RETURN;
    END IF;
    PERFORM qlue_kpi_refresh_events(p_reports);   -- locks the facts rows first
    UPDATE kpi_report_facts f
       SET second_forward_at = (SELECT ev.at FROM events ev WHERE ev.report_id = f.report_id AND ev.kind = 'forwarded'
                                 ORDER BY ev.at, ev.id OFFSET 1 LIMIT 1)
     WHERE f.report_id = ANY (p_reports);
    PERFORM qlue_kpi_refresh_mentions(p_reports);
END $$;

-- Set-based: the upgrade's backfill of a city's history.
CREATE FUNCTION qlue_kpi_rebuild() RETURNS void
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

-- Proofs posted, corrected or deleted: their facts follow (beside 0005's event triggers).
CREATE FUNCTION qlue_kpi_proof_events_inserted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM qlue_kpi_refresh_proofs(ARRAY(SELECT id FROM kpi_new_events WHERE kind = 'follow_up'));
    RETURN NULL;
END $$;

CREATE FUNCTION qlue_kpi_proof_events_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    -- the old ids are recomputed (a deleted event's facts go); a DELETE has no new table
    PERFORM qlue_kpi_refresh_proofs(ARRAY(SELECT id FROM kpi_old_events));
    IF TG_OP = 'UPDATE' THEN
        PERFORM qlue_kpi_refresh_proofs(ARRAY(SELECT id FROM kpi_new_events));
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER events_kpi_proofs_insert AFTER INSERT ON events
    REFERENCING NEW TABLE AS kpi_new_events FOR EACH STATEMENT EXECUTE FUNCTION qlue_kpi_proof_events_inserted();
CREATE TRIGGER events_kpi_proofs_update AFTER UPDATE ON events
    REFERENCING OLD TABLE AS kpi_old_events NEW TABLE AS kpi_new_events
    FOR EACH STATEMENT EXECUTE FUNCTION qlue_kpi_proof_events_changed();
CREATE TRIGGER events_kpi_proofs_delete AFTER DELETE ON events
    REFERENCING OLD TABLE AS kpi_old_events FOR EACH STATEMENT EXECUTE FUNCTION qlue_kpi_proof_events_changed();

-- A mention made, moved in time or re-addressed, or the verifier's checks recorded on a
-- follow-up: the report's mention facts, or the proof's reuse, follow. (A mention's state and
-- resolution are read live at report time, through kpi_mentions_live_idx.) Row triggers: a
-- trigger on some columns only cannot have transition tables, and these rows come one by one.
CREATE FUNCTION qlue_kpi_mention_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    -- OLD is NULL on INSERT, NEW on DELETE
    PERFORM qlue_kpi_refresh_mentions(ARRAY(SELECT DISTINCT r FROM unnest(ARRAY[OLD.report_id, NEW.report_id]) r
                                             WHERE r IS NOT NULL ORDER BY r));
    RETURN NULL;
END $$;

CREATE TRIGGER mentions_kpi_insert_delete AFTER INSERT OR DELETE ON mentions
    FOR EACH ROW EXECUTE FUNCTION qlue_kpi_mention_changed();
CREATE TRIGGER mentions_kpi_update AFTER UPDATE OF report_id, account_id, mentioned_at, due_at ON mentions
    FOR EACH ROW WHEN ((OLD.report_id, OLD.account_id, OLD.mentioned_at, OLD.due_at)
                       IS DISTINCT FROM (NEW.report_id, NEW.account_id, NEW.mentioned_at, NEW.due_at))
    EXECUTE FUNCTION qlue_kpi_mention_changed();

CREATE FUNCTION qlue_kpi_follow_up_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM qlue_kpi_refresh_proofs(ARRAY(
        SELECT ev.id FROM events ev
         WHERE ev.report_id = NEW.report_id AND ev.kind = 'follow_up' AND ev.payload->>'follow_up' = CAST(NEW.id AS text)));
    RETURN NULL;
END $$;

CREATE TRIGGER follow_ups_kpi_update AFTER UPDATE OF checks, photo_id ON follow_ups
    FOR EACH ROW WHEN ((OLD.checks, OLD.photo_id) IS DISTINCT FROM (NEW.checks, NEW.photo_id))
    EXECUTE FUNCTION qlue_kpi_follow_up_changed();

SELECT qlue_kpi_rebuild();

REVOKE ALL ON FUNCTION qlue_kpi_proof_reused(bigint, bigint, bigint), qlue_kpi_refresh_proofs(bigint[]),
    qlue_kpi_refresh_mentions(bigint[]), qlue_kpi_refresh(bigint[]), qlue_kpi_rebuild() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION qlue_kpi_refresh_proofs(bigint[]), qlue_kpi_refresh_mentions(bigint[]),
    qlue_kpi_refresh(bigint[]), qlue_kpi_rebuild() TO qlue_admin;
GRANT SELECT ON kpi_proof_facts TO qlue_analyst, qlue_operator;
GRANT ALL ON kpi_proof_facts TO qlue_admin;

-- A login sees the aggregate of the reports it may see. 0005 checked every row against reports
-- (a probe per row, for every login: a second per week for the Reports workspace); a login
-- without a kota limit (revision 0007) now passes with one look-up per query, a limited one is
-- checked as before — for the facts by the kota they carry.
ALTER TABLE kpi_proof_facts ENABLE ROW LEVEL SECURITY;
DROP POLICY kpi_facts_visible ON kpi_report_facts;
DROP POLICY kpi_spans_visible ON kpi_state_spans;
CREATE POLICY kpi_facts_visible ON kpi_report_facts FOR SELECT
    USING ((SELECT qlue_scope_kota()) IS NULL OR kota_code = (SELECT qlue_scope_kota()));
CREATE POLICY kpi_spans_visible ON kpi_state_spans FOR SELECT
    USING ((SELECT qlue_scope_kota()) IS NULL OR EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id));
CREATE POLICY kpi_proofs_visible ON kpi_proof_facts FOR SELECT
    USING ((SELECT qlue_scope_kota()) IS NULL OR EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id));
