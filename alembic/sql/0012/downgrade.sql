-- Revision 0012 undone: decide_follow_up as revision 0004 created it (an approval needed no
-- reason, whatever the checks said). The text below is 0004's, unchanged but for CREATE OR REPLACE.

CREATE OR REPLACE FUNCTION decide_follow_up(p_follow_up bigint, p_decision text, p_reason text DEFAULT NULL,
                                 p_note text DEFAULT NULL)
RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v follow_ups%ROWTYPE;
    v_report reports%ROWTYPE;
    v_category categories%ROWTYPE;
    v_official accounts%ROWTYPE;
    v_actor text := qlue_verify_actor();
    v_note text := nullif(btrim(coalesce(p_note, '')), '');
    v_event bigint;
    v_due timestamptz;
    v_added jsonb := '[]'::jsonb;
    v_ids integer[];
    v_row record;
    v_mention bigint;
    v_scope text;
BEGIN
    IF NOT qlue_verify_is_supervisor() THEN
        RAISE EXCEPTION USING ERRCODE = '42501',
            MESSAGE = format('only a supervisor can approve or reject a proof (%s is not one)', session_user);
    END IF;
    IF p_decision IS NULL OR p_decision NOT IN ('approve', 'reject') THEN
        PERFORM qlue_fail('decision', format('the decision is approve or reject, not %L', p_decision));
    END IF;
    IF p_decision = 'reject' THEN
        IF p_reason IS NULL OR p_reason NOT IN ('wrong_place', 'old_photo', 'reused_photo', 'not_fixed', 'unreadable', 'other') THEN
            PERFORM qlue_fail('reason', 'a rejection needs its reason: wrong_place, old_photo, reused_photo, not_fixed, unreadable or other');
        END IF;
        IF p_reason = 'other' AND v_note IS NULL THEN
            PERFORM qlue_fail('note', 'say why: a note is required with "other"');
        END IF;
    ELSIF p_reason IS NOT NULL THEN
        PERFORM qlue_fail('reason', 'an approval takes no reason code');
    END IF;
    IF length(coalesce(v_note, '')) > 2000 THEN
        PERFORM qlue_fail('note', 'the note is longer than 2000 characters');
    END IF;

    SELECT * INTO v FROM follow_ups WHERE id = p_follow_up FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM qlue_fail('follow_up', format('unknown follow-up %s', coalesce(p_follow_up::text, 'NULL')));
    END IF;
    IF v.verification <> 'pending' THEN
        RAISE EXCEPTION USING ERRCODE = 'QC001',
            MESSAGE = format('follow-up %s was already %s by %s at %s', p_follow_up, v.verification,
                             coalesce(v.verifier, '?'),
                             coalesce(to_char(v.verified_at AT TIME ZONE 'Asia/Jakarta', 'HH24:MI'), '?')),
            DETAIL = jsonb_build_object('actor', v.verifier, 'at', v.verified_at, 'verification', v.verification,
                                        'kind', CASE v.verification WHEN 'approved' THEN 'proof_approved'
                                                     ELSE 'proof_rejected' END,
                                        'follow_up', p_follow_up)::text;
    END IF;
    SELECT * INTO v_report FROM reports WHERE id = v.report_id FOR UPDATE;
    -- A supervisor limited to one kota (revision 0007) decides only that kota's proofs.
    IF to_regprocedure('qlue_scope_kota()') IS NOT NULL THEN
        EXECUTE 'SELECT qlue_scope_kota()' INTO v_scope;
        IF v_scope IS NOT NULL AND v_report.kota_code IS DISTINCT FROM v_scope THEN
            PERFORM qlue_fail('follow_up', format('unknown follow-up %s', p_follow_up));
        END IF;
    END IF;
    IF v_report.status IN ('rejected', 'duplicate') THEN
        PERFORM qlue_fail('report', format('report %s is closed (%s): its follow-up cannot be decided',
                                           v.report_id, v_report.status));
    END IF;
    SELECT * INTO v_official FROM accounts WHERE id = v.account_id;

    IF p_decision = 'approve' THEN
        UPDATE follow_ups SET verification = 'approved', verifier = v_actor, verified_at = now(),
                              reason = NULL, reason_note = v_note
         WHERE id = p_follow_up;
        INSERT INTO events (report_id, actor, kind, payload)
        VALUES (v.report_id, v_actor, 'proof_approved',
                jsonb_build_object('follow_up', p_follow_up, 'official', v_official.handle, 'photo', v.photo_id,
                                   'risk', v.risk, 'note', v_note, 'supervisor', v_actor))
        RETURNING id INTO v_event;
        INSERT INTO events (report_id, actor, kind, payload)
        VALUES (v.report_id, v_actor, 'closed',
                jsonb_build_object('follow_up', p_follow_up, 'by', 'verification', 'supervisor', v_actor));
        UPDATE mentions SET state = 'closed' WHERE report_id = v.report_id AND state = 'open';
        UPDATE reports SET status = 'verified', closed_at = now(), updated_at = now(), version = version + 1,
                           claimed_by = NULL, claim_expires_at = NULL
         WHERE id = v.report_id;
        RETURN jsonb_build_object('follow_up', p_follow_up, 'report', v.report_id, 'decision', 'approve',
                                  'status', 'verified', 'event', v_event, 'due_at', NULL, 'mentions', '[]'::jsonb);
    END IF;

    SELECT * INTO v_category FROM categories WHERE code = v_report.category_code;
    v_due := qlue_due_at(now(), v_category.sla_hours, v_category.sla_mode);
    UPDATE follow_ups SET verification = 'rejected', verifier = v_actor, verified_at = now(),
                          reason = p_reason, reason_note = v_note
     WHERE id = p_follow_up;
    -- The same officials: the follow-up's, then those mentioned last on the report; each active
    -- one without an open mention gets a new one.
    SELECT coalesce(array_agg(x.id ORDER BY x.rank, x.handle), '{}') INTO v_ids FROM (
        SELECT a.id, a.handle, min(w.rank) AS rank FROM (
            SELECT v.account_id AS id, 0 AS rank
            UNION ALL
            SELECT m.account_id, 1 FROM mentions m
             WHERE m.report_id = v.report_id
               AND m.mentioned_at = (SELECT max(mentioned_at) FROM mentions WHERE report_id = v.report_id)
        ) w JOIN accounts a ON a.id = w.id
         WHERE a.active
           AND NOT EXISTS (SELECT 1 FROM mentions o WHERE o.report_id = v.report_id
                              AND o.account_id = a.id AND o.state = 'open')
         GROUP BY a.id, a.handle) x;
    INSERT INTO events (report_id, actor, kind, payload)
    VALUES (v.report_id, v_actor, 'proof_rejected',
            jsonb_build_object('follow_up', p_follow_up, 'official', v_official.handle, 'photo', v.photo_id,
                               'reason', p_reason, 'note', v_note, 'risk', v.risk, 'supervisor', v_actor,
                               'due_at', v_due,
                               'mentions', (SELECT coalesce(jsonb_agg(a.handle ORDER BY u.n), '[]'::jsonb)
                                              FROM unnest(v_ids) WITH ORDINALITY u(id, n)
                                              JOIN accounts a ON a.id = u.id)))
    RETURNING id INTO v_event;
    FOR v_row IN SELECT a.id, a.handle FROM unnest(v_ids) WITH ORDINALITY u(id, n)
                   JOIN accounts a ON a.id = u.id ORDER BY u.n LOOP
        INSERT INTO mentions (report_id, account_id, event_id, due_at)
        VALUES (v.report_id, v_row.id, v_event, v_due)
        ON CONFLICT (report_id, account_id) WHERE state = 'open' DO NOTHING
        RETURNING id INTO v_mention;
        IF v_mention IS NOT NULL THEN
            v_added := v_added || jsonb_build_object('mention', v_mention, 'account', v_row.id,
                                                     'handle', v_row.handle, 'due_at', v_due);
        END IF;
    END LOOP;
    UPDATE reports SET status = 'reopened', closed_at = NULL, updated_at = now(), version = version + 1,
                       due_at = (SELECT min(due_at) FROM mentions WHERE report_id = v.report_id AND state = 'open')
     WHERE id = v.report_id;
    RETURN jsonb_build_object('follow_up', p_follow_up, 'report', v.report_id, 'decision', 'reject',
                              'status', 'reopened', 'event', v_event, 'due_at', v_due, 'mentions', v_added);
END $$;
