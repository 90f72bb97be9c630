-- Revision 0011: every figure of a finished week depends only on what happened before its end.
--
-- Until now the KPI statement read a mention's *current* state: a mention open at a week's end
-- and closed after it (the report's proof approved on Monday morning, the report rejected or
-- merged later) counted as never open, so that week's backlog, overdue and response rate
-- changed when the report was closed later; an escalated mention counted as open for ever.
-- Here each mention gets its validity interval, from_at (mentioned) to to_at (when it stopped
-- being open), taken from the events and the mention's own times:
--
--   resolved, forwarded   its resolved_at (the follow-up, the passing on)
--   escalated             the time of the 'escalated' event naming it (payload 'mention')
--   closed                the first time the report became verified, rejected or a duplicate
--                         at or after the mention was made (kpi_state_spans)
--   open                  NULL: open still
--
-- A mention is open at an instant T when from_at < T and (to_at IS NULL or to_at >= T): two
-- ranges of kpi_mention_spans_live_idx, like kpi_spans_open_idx for the reports.
-- kpi_mention_spans is a pure function of the mentions and the events, like the rest of the
-- pre-aggregation: the mention triggers of 0008 (and one more, for a mention's state and
-- resolution) and the event triggers of 0005 recompute the affected reports' intervals, and
-- qlue_kpi_rebuild() recomputes them all.
--
-- A proof's reuse, likewise, is what was known at the week's end: the verifier's reuse verdict
-- counts for a week only when it was recorded before the week's end (kpi_proof_checks, a log
-- of the verdicts with when they were recorded, kept by a trigger on follow_ups), otherwise
-- the photo rule of 0008 decides (kpi_proof_facts.reused_by_photo). A proof posted on Sunday
-- evening and checked on Monday counts as the photos said on Sunday.
--
-- The categories' problem weights become exact decimals: a weighted volume is a sum of them,
-- and in single precision 40 reports of weight 1 came out 39.99998.

ALTER TABLE categories
    DROP CONSTRAINT categories_weight_check,
    ALTER COLUMN weight TYPE numeric USING CAST(CAST(weight AS text) AS numeric),
    ADD CONSTRAINT categories_weight_check CHECK (weight > 0);

CREATE TABLE kpi_mention_spans (
    mention_id  bigint PRIMARY KEY,
    report_id   bigint NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    account_id  integer NOT NULL,
    due_at      timestamptz NOT NULL,
    from_at     timestamptz NOT NULL,     -- mentions.mentioned_at
    to_at       timestamptz               -- when it stopped being open; NULL: open still
);
-- The mentions open at an instant T: to_at IS NULL, and to_at >= T, each with from_at < T.
CREATE INDEX kpi_mention_spans_live_idx ON kpi_mention_spans (to_at, from_at) INCLUDE (report_id, account_id, due_at);
CREATE INDEX kpi_mention_spans_report_idx ON kpi_mention_spans (report_id);
-- 0008's index of the mentions live at an instant read their current state: nothing uses it now.
DROP INDEX kpi_mentions_live_idx;

-- When a mention stopped being open (NULL: it is open). Without the event that ended it (a
-- hand-made row), a mention that is no longer open counts from its resolution, else as never
-- open.
CREATE FUNCTION qlue_kpi_mention_end(p_report bigint, p_mention bigint, p_state text,
                                     p_mentioned_at timestamptz, p_resolved_at timestamptz) RETURNS timestamptz
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT CASE WHEN p_state = 'open' THEN NULL ELSE coalesce(
        CASE p_state
            WHEN 'escalated' THEN (SELECT min(ev.at) FROM events ev
                                    WHERE ev.report_id = p_report AND ev.kind = 'escalated'
                                      AND ev.payload->>'mention' = CAST(p_mention AS text))
            WHEN 'closed' THEN (SELECT min(sp.from_at) FROM kpi_state_spans sp
                                 WHERE sp.report_id = p_report AND sp.state IN ('verified', 'rejected', 'duplicate')
                                   AND sp.from_at >= p_mentioned_at)
        END,
        p_resolved_at, p_mentioned_at) END
$$;

-- 0008's recomputation of a report's mention facts, plus the mentions' validity intervals.
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
    -- after the state spans (qlue_kpi_refresh recomputes those first): a closed mention ends
    -- when the report closed
    DELETE FROM kpi_mention_spans WHERE report_id = ANY (p_reports);
    INSERT INTO kpi_mention_spans (mention_id, report_id, account_id, due_at, from_at, to_at)
    SELECT mn.id, mn.report_id, mn.account_id, mn.due_at, mn.mentioned_at,
           qlue_kpi_mention_end(mn.report_id, mn.id, mn.state, mn.mentioned_at, mn.resolved_at)
      FROM mentions mn
     WHERE mn.report_id = ANY (p_reports)
    ON CONFLICT (mention_id) DO UPDATE
       SET report_id = EXCLUDED.report_id, account_id = EXCLUDED.account_id, due_at = EXCLUDED.due_at,
           from_at = EXCLUDED.from_at, to_at = EXCLUDED.to_at;
END $$;

-- The verifier's reuse verdicts, with when each was recorded (an append-only log, like the
-- events: the rebuild leaves it alone). checked_at is the database clock of the recording
-- (qlue_dispatch_clock(): now(), or a superuser's replayed 'qlue.now'); checks that came with
-- the follow-up itself count from its submission.
CREATE TABLE kpi_proof_checks (
    id            bigserial PRIMARY KEY,
    follow_up_id  bigint NOT NULL REFERENCES follow_ups(id) ON DELETE CASCADE,
    report_id     bigint NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    checked_at    timestamptz NOT NULL,
    reused        boolean NOT NULL
);
-- The verdicts recorded in a week: one range (a proof posted in the week is checked after it).
CREATE INDEX kpi_proof_checks_at_idx ON kpi_proof_checks (checked_at) INCLUDE (follow_up_id, reused, id);

-- The verdict of a check report's reuse check: true (reused), false (passed), NULL (none).
CREATE FUNCTION qlue_kpi_reuse_verdict(p_checks jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN jsonb_typeof(p_checks->'results') = 'array' THEN
        (SELECT x->>'verdict' FROM jsonb_array_elements(p_checks->'results') x
          WHERE x->>'code' = 'reused_proof' LIMIT 1) = 'fail' END
$$;

-- 0008's photo rule alone: the proof photo's sha256, or its perceptual hash (exact equality),
-- equals that of a proof photo of another report stored before it.
CREATE FUNCTION qlue_kpi_proof_reused_by_photo(p_report bigint, p_follow_up bigint, p_photo bigint) RETURNS boolean
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT coalesce(
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

ALTER TABLE kpi_proof_facts
    ADD COLUMN follow_up_id     bigint,                      -- the event's payload 'follow_up'
    ADD COLUMN reused_by_photo  boolean NOT NULL DEFAULT false;
-- The proofs posted in a week, with what the KPIs need of them, from the index alone.
DROP INDEX kpi_proof_facts_at_idx;
CREATE INDEX kpi_proof_facts_at_idx ON kpi_proof_facts (at) INCLUDE (report_id, follow_up_id, reused_by_photo);

-- 0008's recomputation of proof facts, plus the follow-up and the photo rule's answer.
CREATE OR REPLACE FUNCTION qlue_kpi_refresh_proofs(p_events bigint[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF p_events IS NULL OR cardinality(p_events) = 0 THEN
        RETURN;
    END IF;
    DELETE FROM kpi_proof_facts WHERE event_id = ANY (p_events);
    INSERT INTO kpi_proof_facts (event_id, report_id, at, reused, follow_up_id, reused_by_photo)
    SELECT ev.id, ev.report_id, ev.at,
           qlue_kpi_proof_reused(ev.report_id, CAST(ev.payload->>'follow_up' AS bigint), CAST(ev.payload->>'photo' AS bigint)),
           CAST(ev.payload->>'follow_up' AS bigint),
           qlue_kpi_proof_reused_by_photo(ev.report_id, CAST(ev.payload->>'follow_up' AS bigint),
                                          CAST(ev.payload->>'photo' AS bigint))
      FROM events ev
     WHERE ev.id = ANY (p_events) AND ev.kind = 'follow_up';
END $$;

-- Checks recorded on a follow-up: the verdict goes to the log with its time.
CREATE FUNCTION qlue_kpi_checks_recorded() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE v_reused boolean := qlue_kpi_reuse_verdict(NEW.checks);
BEGIN
    IF v_reused IS NOT NULL THEN
        INSERT INTO kpi_proof_checks (follow_up_id, report_id, checked_at, reused)
        VALUES (NEW.id, NEW.report_id, CASE WHEN TG_OP = 'INSERT' THEN NEW.submitted_at ELSE qlue_dispatch_clock() END,
                v_reused);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER follow_ups_kpi_checks_insert AFTER INSERT ON follow_ups
    FOR EACH ROW WHEN (NEW.checks IS NOT NULL) EXECUTE FUNCTION qlue_kpi_checks_recorded();
CREATE TRIGGER follow_ups_kpi_checks_update AFTER UPDATE OF checks ON follow_ups
    FOR EACH ROW WHEN (NEW.checks IS NOT NULL AND OLD.checks IS DISTINCT FROM NEW.checks)
    EXECUTE FUNCTION qlue_kpi_checks_recorded();

-- A proof photo's hashes filled in or corrected later (the verifier's first check stores the
-- hashes a channel did not send): the photo rule of every proof sharing the old or the new
-- hash follows, as a rebuild would compute it. The hashes are the photo's own content, posted
-- with it, so this is no later knowledge.
CREATE FUNCTION qlue_kpi_proof_photo_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM qlue_kpi_refresh_proofs(ARRAY(
        SELECT DISTINCT ev.id FROM photos p
          JOIN events ev ON ev.report_id = p.report_id AND ev.kind = 'follow_up'
                        AND (ev.payload->>'photo' = CAST(p.id AS text)
                             OR ev.payload->>'follow_up' = CAST(p.follow_up_id AS text))
         WHERE p.kind = 'proof'
           AND (p.id = NEW.id OR p.phash IN (OLD.phash, NEW.phash) OR p.sha256 IN (OLD.sha256, NEW.sha256))));
    RETURN NULL;
END $$;

CREATE TRIGGER photos_kpi_hashes AFTER UPDATE OF phash, sha256 ON photos
    FOR EACH ROW WHEN (NEW.kind = 'proof' AND (OLD.phash, OLD.sha256) IS DISTINCT FROM (NEW.phash, NEW.sha256))
    EXECUTE FUNCTION qlue_kpi_proof_photo_changed();

-- The verdicts already stored: when they were recorded is not known; they count from the
-- proof's posting (as 0008 counted them).
INSERT INTO kpi_proof_checks (follow_up_id, report_id, checked_at, reused)
SELECT fu.id, fu.report_id, coalesce((SELECT min(pf.at) FROM kpi_proof_facts pf
                                       JOIN events ev ON ev.id = pf.event_id
                                      WHERE ev.report_id = fu.report_id AND ev.payload->>'follow_up' = CAST(fu.id AS text)),
                                     fu.submitted_at),
       qlue_kpi_reuse_verdict(fu.checks)
  FROM follow_ups fu
 WHERE qlue_kpi_reuse_verdict(fu.checks) IS NOT NULL;

-- 0008's rebuild, plus the mentions' validity intervals.
CREATE OR REPLACE FUNCTION qlue_kpi_rebuild() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    LOCK TABLE kpi_proof_facts, kpi_mention_spans IN EXCLUSIVE MODE;
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
    INSERT INTO kpi_proof_facts (event_id, report_id, at, reused, follow_up_id, reused_by_photo)
    SELECT ev.id, ev.report_id, ev.at,
           qlue_kpi_proof_reused(ev.report_id, CAST(ev.payload->>'follow_up' AS bigint), CAST(ev.payload->>'photo' AS bigint)),
           CAST(ev.payload->>'follow_up' AS bigint),
           qlue_kpi_proof_reused_by_photo(ev.report_id, CAST(ev.payload->>'follow_up' AS bigint),
                                          CAST(ev.payload->>'photo' AS bigint))
      FROM events ev
     WHERE ev.kind = 'follow_up';
    TRUNCATE kpi_mention_spans;
    INSERT INTO kpi_mention_spans (mention_id, report_id, account_id, due_at, from_at, to_at)
    SELECT mn.id, mn.report_id, mn.account_id, mn.due_at, mn.mentioned_at,
           qlue_kpi_mention_end(mn.report_id, mn.id, mn.state, mn.mentioned_at, mn.resolved_at)
      FROM mentions mn;
END $$;

-- 0005's event trigger, with 'escalated' among the kinds that move a fact: an escalation ends
-- the escalated mention (its interval is recomputed with the report's).
CREATE OR REPLACE FUNCTION qlue_kpi_events_inserted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM qlue_kpi_refresh(ARRAY(
        SELECT DISTINCT report_id FROM kpi_new_events
         WHERE kind IN ('created', 'triaged', 'dispatched', 'forwarded', 'follow_up', 'proof_approved', 'closed',
                        'proof_rejected', 'reopened', 'rejected', 'merged', 'escalated')));
    RETURN NULL;
END $$;

-- A mention resolved, passed on, escalated or closed: its report's intervals follow (0008's
-- mention triggers cover a mention made, moved, re-addressed or deleted).
CREATE TRIGGER mentions_kpi_state AFTER UPDATE OF state, resolved_at ON mentions
    FOR EACH ROW WHEN ((OLD.state, OLD.resolved_at) IS DISTINCT FROM (NEW.state, NEW.resolved_at))
    EXECUTE FUNCTION qlue_kpi_mention_changed();

UPDATE kpi_proof_facts pf
   SET follow_up_id = CAST(ev.payload->>'follow_up' AS bigint),
       reused_by_photo = qlue_kpi_proof_reused_by_photo(ev.report_id, CAST(ev.payload->>'follow_up' AS bigint),
                                                        CAST(ev.payload->>'photo' AS bigint))
  FROM events ev
 WHERE ev.id = pf.event_id;

TRUNCATE kpi_mention_spans;
INSERT INTO kpi_mention_spans (mention_id, report_id, account_id, due_at, from_at, to_at)
SELECT mn.id, mn.report_id, mn.account_id, mn.due_at, mn.mentioned_at,
       qlue_kpi_mention_end(mn.report_id, mn.id, mn.state, mn.mentioned_at, mn.resolved_at)
  FROM mentions mn;

REVOKE ALL ON FUNCTION qlue_kpi_mention_end(bigint, bigint, text, timestamptz, timestamptz),
    qlue_kpi_proof_reused_by_photo(bigint, bigint, bigint), qlue_kpi_checks_recorded(),
    qlue_kpi_proof_photo_changed(), qlue_kpi_reuse_verdict(jsonb) FROM PUBLIC;
GRANT SELECT ON kpi_proof_checks TO qlue_analyst, qlue_operator;
GRANT ALL ON kpi_proof_checks TO qlue_admin;
GRANT USAGE ON SEQUENCE kpi_proof_checks_id_seq TO qlue_admin;
ALTER TABLE kpi_proof_checks ENABLE ROW LEVEL SECURITY;
CREATE POLICY kpi_proof_checks_visible ON kpi_proof_checks FOR SELECT
    USING ((SELECT qlue_scope_kota()) IS NULL OR EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id));
GRANT SELECT ON kpi_mention_spans TO qlue_analyst, qlue_operator;
GRANT ALL ON kpi_mention_spans TO qlue_admin;
ALTER TABLE kpi_mention_spans ENABLE ROW LEVEL SECURITY;
CREATE POLICY kpi_mention_spans_visible ON kpi_mention_spans FOR SELECT
    USING ((SELECT qlue_scope_kota()) IS NULL OR EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id));
