-- Revision 0004: the proof-photo verifier — storing the automated checks of a follow-up and
-- a supervisor's decision on its proof (DESIGN.md §3, §6).
--
-- Errors, as in 0001-0003: 22023 bad input (DETAIL: the field; nothing is written); QC001 the
-- follow-up was decided already (DETAIL: JSON {actor, kind, at, verification, follow_up});
-- 42501 not allowed for this role.
--
-- Built on 0001 only (a parallel branch to 0002 and 0003): the helpers below mirror
-- qlue_actor() and qlue_is_supervisor() of 0002 so that this revision does not depend on the
-- order in which the branches are applied.
--
-- Both entry points are SECURITY DEFINER with a fixed search_path: an operator's console may
-- store checks (it computes them in the background) but cannot change the verification
-- columns itself; only a supervisor's login gets past decide_follow_up's role check. Events
-- still record the caller's login (events.actor_login is stamped with session_user) and are
-- announced on 'qlue_events' by the events trigger; new mentions on 'qlue_mentions'.

-- The caller as the timeline shows it: the account handle of this login, else the login.
CREATE FUNCTION qlue_verify_actor() RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT handle FROM accounts WHERE login = session_user), session_user::text)
$$;

-- A supervisor (or an admin, or a superuser) may decide on proofs.
CREATE FUNCTION qlue_verify_is_supervisor() RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT pg_has_role(session_user, 'qlue_supervisor', 'MEMBER')
        OR coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false)
$$;

-- Stores the automated checks of a pending follow-up: checks is the photo layer's check report
-- ({"risk": 90, "results": [{"code": "reused_proof", "verdict": "fail", "message": ...,
-- "evidence": {...}, "skipped": false}, ...]}, what the weekly KPIs read), risk is 0..100. p_photo_meta (optional, the photo layer's PhotoMeta JSON) fills the proof
-- photo's metadata columns that are still empty (a channel that sent no metadata): hashes are
-- computed once, at ingest or at the first check. Returns false, storing nothing, when the
-- follow-up was decided already (its checks stay what the supervisor saw).
CREATE FUNCTION qlue_record_checks(p_follow_up bigint, p_checks jsonb, p_risk real,
                                   p_photo_meta jsonb DEFAULT NULL)
RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v follow_ups%ROWTYPE;
BEGIN
    IF p_checks IS NULL OR jsonb_typeof(p_checks) <> 'object' OR jsonb_typeof(p_checks->'results') IS DISTINCT FROM 'array' THEN
        PERFORM qlue_fail('checks', 'the checks are a check report: a JSON object with a "results" array');
    END IF;
    IF p_risk IS NULL OR p_risk = 'NaN' OR p_risk NOT BETWEEN 0 AND 100 THEN
        PERFORM qlue_fail('risk', format('risk %s is not a number between 0 and 100', coalesce(p_risk::text, 'NULL')));
    END IF;
    IF p_photo_meta IS NOT NULL AND jsonb_typeof(p_photo_meta) <> 'object' THEN
        PERFORM qlue_fail('photo_meta', 'the photo metadata is a JSON object');
    END IF;
    SELECT * INTO v FROM follow_ups WHERE id = p_follow_up FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM qlue_fail('follow_up', format('unknown follow-up %s', coalesce(p_follow_up::text, 'NULL')));
    END IF;
    IF v.verification <> 'pending' THEN
        RETURN false;
    END IF;
    UPDATE follow_ups SET checks = p_checks, risk = p_risk WHERE id = p_follow_up;
    IF p_photo_meta IS NOT NULL AND v.photo_id IS NOT NULL THEN
        UPDATE photos SET phash = coalesce(phash, (p_photo_meta->>'phash')::bigint),
                          width = coalesce(width, (p_photo_meta->>'width')::integer),
                          height = coalesce(height, (p_photo_meta->>'height')::integer),
                          mime = coalesce(mime, p_photo_meta->>'mime'),
                          exif = coalesce(exif, p_photo_meta->'exif'),
                          taken_at = coalesce(taken_at, (p_photo_meta->>'taken_at')::timestamptz),
                          gps_lat = coalesce(gps_lat, (p_photo_meta->>'gps_lat')::double precision),
                          gps_lon = coalesce(gps_lon, (p_photo_meta->>'gps_lon')::double precision)
         WHERE id = v.photo_id AND phash IS NULL;
    END IF;
    RETURN true;
EXCEPTION WHEN invalid_text_representation OR numeric_value_out_of_range
               OR invalid_datetime_format OR datetime_field_overflow THEN
    PERFORM qlue_fail('photo_meta', 'photo metadata is malformed: ' || SQLERRM);
    RETURN NULL;
END $$;

-- A supervisor decides on a follow-up's proof, once.
--   approve: the follow-up is approved, the report is 'verified' (closed, green), its open
--            mentions close; events 'proof_approved' and 'closed'.
--   reject:  a reason is required (wrong_place, old_photo, reused_photo, not_fixed, unreadable,
--            other — with a note); the report is 'reopened' with a fresh due time from its
--            category's SLA, and the same officials (the follow-up's official and the accounts
--            mentioned last on the report) get an open mention each with that due time;
--            event 'proof_rejected' with the reason.
-- The follow-up row is locked: of two supervisors deciding at once, the second waits, then
-- gets QC001 naming who decided. Returns {follow_up, report, decision, status, event, due_at,
-- mentions: [{mention, account, handle, due_at}]}.
CREATE FUNCTION decide_follow_up(p_follow_up bigint, p_decision text, p_reason text DEFAULT NULL,
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

REVOKE ALL ON FUNCTION qlue_verify_actor(), qlue_verify_is_supervisor(),
    qlue_record_checks(bigint, jsonb, real, jsonb), decide_follow_up(bigint, text, text, text) FROM PUBLIC;
-- Every console (operators, and supervisors and admins through them) stores checks and asks
-- whether its login may decide; the database decides who actually may.
GRANT EXECUTE ON FUNCTION qlue_verify_actor(), qlue_verify_is_supervisor(),
    qlue_record_checks(bigint, jsonb, real, jsonb) TO qlue_operator, qlue_admin;
GRANT EXECUTE ON FUNCTION qlue_verify_is_supervisor() TO qlue_analyst;
-- EXECUTE is granted to operators too so that PostgreSQL answers an operator's attempt with a
-- clear 42501 from the role check rather than a bare "permission denied for function".
GRANT EXECUTE ON FUNCTION decide_follow_up(bigint, text, text, text) TO qlue_operator, qlue_supervisor, qlue_admin;

-- The reuse index of the proofs: one covering partial index per 16-bit band, so a lookup is
-- four index-only scans (multi-index hashing, qlue_console/photos/reuse.py).
CREATE INDEX photos_proof_b0_idx ON photos (phash_b0) INCLUDE (id, report_id, phash) WHERE kind = 'proof';
CREATE INDEX photos_proof_b1_idx ON photos (phash_b1) INCLUDE (id, report_id, phash) WHERE kind = 'proof';
CREATE INDEX photos_proof_b2_idx ON photos (phash_b2) INCLUDE (id, report_id, phash) WHERE kind = 'proof';
CREATE INDEX photos_proof_b3_idx ON photos (phash_b3) INCLUDE (id, report_id, phash) WHERE kind = 'proof';
