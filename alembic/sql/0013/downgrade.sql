-- Revision 0013 down: the definitions of 0002 (claims), 0005 (KPI state) and 0011 (the KPI event trigger) as they were, the
-- undo functions dropped, and the 'undone' events kept as internal comments that say what was
-- undone (the kind is unknown before 0013).

DROP FUNCTION IF EXISTS undo_dispatch(bigint, integer);
DROP FUNCTION IF EXISTS undo_reject(bigint, integer);

CREATE OR REPLACE FUNCTION claim_next_report(p_minutes integer DEFAULT 10) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE v_id bigint;
BEGIN
    SELECT id INTO v_id FROM reports
     WHERE status IN ('new', 'triaged', 'reopened')
       AND (claimed_by IS NULL OR claim_expires_at < now() OR claimed_by = session_user)
     ORDER BY priority DESC, created_at, id
     FOR UPDATE SKIP LOCKED LIMIT 1;
    IF v_id IS NULL THEN
        RETURN NULL;
    END IF;
    UPDATE reports SET claimed_by = session_user, claim_expires_at = now() + make_interval(mins => p_minutes)
     WHERE id = v_id;
    INSERT INTO events (report_id, actor, kind, payload)
    VALUES (v_id, qlue_actor(), 'claimed', jsonb_build_object('minutes', p_minutes, 'next', true));
    RETURN v_id;
END $$;

-- Claims a given report, or renews one's own claim (no event on a renewal).
CREATE OR REPLACE FUNCTION claim_report(p_report bigint, p_minutes integer DEFAULT 10) RETURNS timestamptz
LANGUAGE plpgsql AS $$
DECLARE
    v reports%ROWTYPE;
    v_renewal boolean;
BEGIN
    v := qlue_lock_for_action(p_report, NULL);
    v_renewal := v.claimed_by = session_user AND v.claim_expires_at > now();
    UPDATE reports SET claimed_by = session_user, claim_expires_at = now() + make_interval(mins => p_minutes)
     WHERE id = p_report;
    IF NOT v_renewal THEN
        INSERT INTO events (report_id, actor, kind, payload)
        VALUES (p_report, qlue_actor(), 'claimed', jsonb_build_object('minutes', p_minutes));
    END IF;
    RETURN now() + make_interval(mins => p_minutes);
END $$;

CREATE OR REPLACE FUNCTION qlue_kpi_state(p_kind text, p_payload jsonb) RETURNS text
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

CREATE OR REPLACE FUNCTION qlue_kpi_events_inserted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM qlue_kpi_refresh(ARRAY(
        SELECT DISTINCT report_id FROM kpi_new_events
         WHERE kind IN ('created', 'triaged', 'dispatched', 'forwarded', 'follow_up', 'proof_approved', 'closed',
                        'proof_rejected', 'reopened', 'rejected', 'merged', 'escalated')));
    RETURN NULL;
END $$;

UPDATE events SET kind = 'comment',
                  payload = jsonb_build_object('text', format('undone: %s (event %s), back to %s',
                                                              payload->>'kind', payload->>'undid', payload->>'state'),
                                               'internal', true, 'undone', payload)
 WHERE kind = 'undone';

ALTER TABLE events DROP CONSTRAINT events_kind_check;
ALTER TABLE events ADD CONSTRAINT events_kind_check CHECK (kind IN ('created', 'triaged', 'claimed', 'released', 'categorised', 'prioritised', 'dispatched', 'mentioned', 'forwarded', 'escalated', 'comment', 'follow_up', 'proof_approved', 'proof_rejected', 'reopened', 'merged', 'rejected', 'closed'));
