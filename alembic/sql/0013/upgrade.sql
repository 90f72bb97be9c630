-- Revision 0013: triage, right the first time.
--
-- * "Next report" gives the most urgent report waiting for triage (Menunggu: new or triaged)
--   that nobody holds — never the one the caller already holds. The caller's other live claims
--   are released (one 'released' line each, payload 'next': the report taken instead), the new
--   claim writes one 'claimed' line. A claim the caller already holds (live or lapsed, as long
--   as nobody else took it since) is renewed without a new 'claimed' line, by N and by L.
-- * A rejection or a dispatch made during triage can be undone while it is safe: the report is
--   still at the version the action returned (nothing happened since), the caller made it (or
--   is a supervisor), and for a dispatch no official has acted (no mention acknowledged,
--   resolved, forwarded or escalated, no follow-up). Undoing writes an 'undone' event
--   (payload: undid = the event, kind, state = the state restored, withdrawn = the handles whose
--   mentions were withdrawn) that the KPI state history follows.
--
-- Errors as in 0002/0003: 22023 not possible (DETAIL: the field), QC001 the report changed
-- since (DETAIL: JSON of the last event), QC002 someone else holds it, 42501 not allowed.

ALTER TABLE events DROP CONSTRAINT events_kind_check;
ALTER TABLE events ADD CONSTRAINT events_kind_check CHECK (kind IN ('created', 'triaged', 'claimed', 'released', 'categorised', 'prioritised', 'dispatched', 'mentioned', 'forwarded', 'escalated', 'comment', 'follow_up', 'proof_approved', 'proof_rejected', 'reopened', 'merged', 'rejected', 'closed', 'undone'));

CREATE OR REPLACE FUNCTION claim_next_report(p_minutes integer DEFAULT 10) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    v_id bigint;
    v_was_mine boolean;
    v_held bigint;
BEGIN
    SELECT id, claimed_by IS NOT DISTINCT FROM session_user::text INTO v_id, v_was_mine FROM reports
     WHERE status IN ('new', 'triaged')
       AND (claimed_by IS NULL OR claim_expires_at < now())
     ORDER BY priority DESC, created_at, id
     FOR UPDATE SKIP LOCKED LIMIT 1;
    IF v_id IS NULL THEN
        RETURN NULL;
    END IF;
    FOR v_held IN SELECT id FROM reports
                   WHERE claimed_by = session_user AND claim_expires_at > now() AND id <> v_id
                   ORDER BY id FOR UPDATE LOOP
        UPDATE reports SET claimed_by = NULL, claim_expires_at = NULL WHERE id = v_held;
        INSERT INTO events (report_id, actor, kind, payload)
        VALUES (v_held, qlue_actor(), 'released',
                jsonb_build_object('holder', session_user::text, 'broken', false, 'next', v_id));
    END LOOP;
    UPDATE reports SET claimed_by = session_user, claim_expires_at = now() + make_interval(mins => p_minutes)
     WHERE id = v_id;
    IF NOT v_was_mine THEN
        INSERT INTO events (report_id, actor, kind, payload)
        VALUES (v_id, qlue_actor(), 'claimed', jsonb_build_object('minutes', p_minutes, 'next', true));
    END IF;
    RETURN v_id;
END $$;

-- Claims a given report, or renews one's own claim (no event on a renewal, even when the
-- claim had lapsed without anyone taking the report in between).
CREATE OR REPLACE FUNCTION claim_report(p_report bigint, p_minutes integer DEFAULT 10) RETURNS timestamptz
LANGUAGE plpgsql AS $$
DECLARE
    v reports%ROWTYPE;
    v_renewal boolean;
BEGIN
    v := qlue_lock_for_action(p_report, NULL);
    v_renewal := v.claimed_by IS NOT DISTINCT FROM session_user::text;
    UPDATE reports SET claimed_by = session_user, claim_expires_at = now() + make_interval(mins => p_minutes)
     WHERE id = p_report;
    IF NOT v_renewal THEN
        INSERT INTO events (report_id, actor, kind, payload)
        VALUES (p_report, qlue_actor(), 'claimed', jsonb_build_object('minutes', p_minutes));
    END IF;
    RETURN now() + make_interval(mins => p_minutes);
END $$;

-- The state a report is in after an event; an 'undone' event restores the state in its payload.
CREATE OR REPLACE FUNCTION qlue_kpi_state(p_kind text, p_payload jsonb) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE p_kind
        WHEN 'created' THEN 'new' WHEN 'triaged' THEN 'triaged' WHEN 'dispatched' THEN 'dispatched'
        WHEN 'forwarded' THEN 'coordination' WHEN 'follow_up' THEN 'followed_up'
        WHEN 'proof_approved' THEN 'verified' WHEN 'closed' THEN 'verified'
        WHEN 'proof_rejected' THEN 'reopened' WHEN 'reopened' THEN 'reopened'
        WHEN 'rejected' THEN 'rejected'
        WHEN 'merged' THEN CASE WHEN p_payload->>'into' IS NOT NULL THEN 'duplicate' END
        WHEN 'undone' THEN p_payload->>'state'
    END
$$;

-- 0011's event trigger, with 'undone' among the kinds that move a fact.
CREATE OR REPLACE FUNCTION qlue_kpi_events_inserted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM qlue_kpi_refresh(ARRAY(
        SELECT DISTINCT report_id FROM kpi_new_events
         WHERE kind IN ('created', 'triaged', 'dispatched', 'forwarded', 'follow_up', 'proof_approved', 'closed',
                        'proof_rejected', 'reopened', 'rejected', 'merged', 'escalated', 'undone')));
    RETURN NULL;
END $$;

-- Undoes a rejection made during triage (the report was new or triaged): the report goes back
-- to that state, unclaimed. p_version: the version reject_report returned.
CREATE FUNCTION undo_reject(p_report bigint, p_version integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    v reports%ROWTYPE;
    v_event events%ROWTYPE;
    v_state text;
BEGIN
    IF p_version IS NULL THEN
        PERFORM qlue_fail('version', 'give the version the rejection returned');
    END IF;
    v := qlue_lock_for_action(p_report, p_version);
    IF v.status <> 'rejected' THEN
        PERFORM qlue_fail('report', format('report %s is %s, not rejected: nothing to undo', p_report, v.status));
    END IF;
    SELECT * INTO v_event FROM events WHERE report_id = p_report AND kind = 'rejected' ORDER BY id DESC LIMIT 1;
    IF v_event.actor_login IS DISTINCT FROM session_user::text AND NOT qlue_is_supervisor() THEN
        RAISE EXCEPTION USING ERRCODE = '42501',
            MESSAGE = format('only %s (who rejected report %s) or a supervisor can undo the rejection',
                             v_event.actor, p_report);
    END IF;
    SELECT qlue_kpi_state(kind, payload) INTO v_state FROM events
     WHERE report_id = p_report AND id < v_event.id AND qlue_kpi_state(kind, payload) IS NOT NULL
     ORDER BY at DESC, id DESC LIMIT 1;
    IF v_state IS NULL OR v_state NOT IN ('new', 'triaged') THEN
        PERFORM qlue_fail('report', format('report %s was rejected while %s: only a rejection during triage can be undone',
                                           p_report, coalesce(v_state, '?')));
    END IF;
    UPDATE reports SET status = v_state, reject_reason = NULL, closed_at = NULL,
                       triaged_at = CASE WHEN v_state = 'new' AND triaged_at = v_event.at THEN NULL ELSE triaged_at END
     WHERE id = p_report;
    RETURN qlue_touch(p_report, 'undone', jsonb_build_object('undid', v_event.id, 'kind', 'rejected', 'state', v_state));
END $$;

-- Undoes the latest dispatch of a report (made while it was new, triaged or dispatched) while
-- no official has acted on it: its mentions are withdrawn (deleted: they never took effect),
-- the report goes back to its state before. p_version: the version dispatch_report returned.
CREATE FUNCTION undo_dispatch(p_report bigint, p_version integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v reports%ROWTYPE;
    v_event events%ROWTYPE;
    v_from text;
    v_withdrawn jsonb;
    v_version integer;
BEGIN
    IF p_version IS NULL THEN
        PERFORM qlue_fail('version', 'give the version the dispatch returned');
    END IF;
    v := qlue_dispatch_lock(p_report, p_version, true);
    IF v.status <> 'dispatched' THEN
        PERFORM qlue_fail('report', format('report %s is %s, not dispatched: nothing to undo', p_report, v.status));
    END IF;
    SELECT * INTO v_event FROM events
     WHERE report_id = p_report AND kind NOT IN ('comment', 'claimed', 'released', 'categorised', 'prioritised')
     ORDER BY id DESC LIMIT 1;
    IF v_event.kind IS DISTINCT FROM 'dispatched' THEN
        PERFORM qlue_fail('report', format('the last step on report %s was %s, not a dispatch: nothing to undo',
                                           p_report, coalesce(v_event.kind, '?')));
    END IF;
    IF v_event.actor_login IS DISTINCT FROM session_user::text AND NOT qlue_is_supervisor() THEN
        RAISE EXCEPTION USING ERRCODE = '42501',
            MESSAGE = format('only %s (who dispatched report %s) or a supervisor can undo the dispatch',
                             v_event.actor, p_report);
    END IF;
    v_from := v_event.payload->>'from_status';
    IF v_from IS NULL OR v_from NOT IN ('new', 'triaged', 'dispatched') THEN
        PERFORM qlue_fail('report', format('report %s was %s when it was dispatched: only a dispatch of a waiting or dispatched report can be undone',
                                           p_report, coalesce(v_from, '?')));
    END IF;
    IF EXISTS (SELECT 1 FROM mentions WHERE event_id = v_event.id
                  AND (state <> 'open' OR acknowledged_at IS NOT NULL OR resolved_at IS NOT NULL))
       OR EXISTS (SELECT 1 FROM follow_ups WHERE report_id = p_report AND submitted_at >= v_event.at) THEN
        PERFORM qlue_fail('report', format('an official has already acted on report %s: the dispatch stands', p_report));
    END IF;
    SELECT coalesce(jsonb_agg(a.handle ORDER BY m.id), '[]'::jsonb) INTO v_withdrawn
      FROM mentions m JOIN accounts a ON a.id = m.account_id WHERE m.event_id = v_event.id;
    DELETE FROM mentions WHERE event_id = v_event.id;
    UPDATE reports SET status = v_from,
                       dispatched_at = CASE WHEN dispatched_at = v_event.at THEN NULL ELSE dispatched_at END,
                       triaged_at = CASE WHEN v_from = 'new' AND triaged_at = v_event.at THEN NULL ELSE triaged_at END,
                       due_at = (SELECT min(due_at) FROM mentions WHERE report_id = p_report AND state = 'open'),
                       updated_at = now(), version = version + 1
     WHERE id = p_report
    RETURNING version INTO v_version;
    INSERT INTO events (report_id, actor, kind, payload)
    VALUES (p_report, qlue_dispatch_actor(), 'undone',
            jsonb_build_object('undid', v_event.id, 'kind', 'dispatched', 'state', v_from, 'withdrawn', v_withdrawn));
    RETURN v_version;
END $$;

REVOKE ALL ON FUNCTION undo_reject(bigint, integer), undo_dispatch(bigint, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION undo_reject(bigint, integer), undo_dispatch(bigint, integer) TO qlue_operator, qlue_admin;
