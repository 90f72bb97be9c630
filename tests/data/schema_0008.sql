--
--



SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET transaction_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;


--
--

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';


--
--

CREATE FUNCTION public.claim_next_report(p_minutes integer DEFAULT 10) RETURNS bigint
    LANGUAGE plpgsql
    AS $$
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


--
--

CREATE FUNCTION public.claim_report(p_report bigint, p_minutes integer DEFAULT 10) RETURNS timestamp with time zone
    LANGUAGE plpgsql
    AS $$
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


--
--

CREATE FUNCTION public.comment_report(p_report bigint, p_text text) RETURNS bigint
    LANGUAGE plpgsql
    AS $$
DECLARE v_id bigint;
BEGIN
    IF coalesce(btrim(p_text), '') = '' THEN
        PERFORM qlue_fail('text', 'the comment is empty');
    END IF;
    IF length(p_text) > 5000 THEN
        PERFORM qlue_fail('text', 'the comment is longer than 5000 characters');
    END IF;
    IF NOT EXISTS (SELECT 1 FROM reports WHERE id = p_report) THEN
        PERFORM qlue_fail('report', format('unknown report %s', p_report));
    END IF;
    INSERT INTO events (report_id, actor, kind, payload)
    VALUES (p_report, qlue_actor(), 'comment', jsonb_build_object('text', p_text, 'internal', true))
    RETURNING id INTO v_id;
    RETURN v_id;
END $$;


--
--

CREATE FUNCTION public.decide_follow_up(p_follow_up bigint, p_decision text, p_reason text DEFAULT NULL::text, p_note text DEFAULT NULL::text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
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


--
--

CREATE FUNCTION public.delete_holiday(p_day date) RETURNS boolean
    LANGUAGE plpgsql
    AS $$
BEGIN
    DELETE FROM holidays WHERE day = p_day;
    RETURN FOUND;
END $$;


--
--

CREATE FUNCTION public.delete_routing_rule(p_id integer) RETURNS boolean
    LANGUAGE plpgsql
    AS $$
BEGIN
    DELETE FROM routing_rules WHERE id = p_id;
    RETURN FOUND;
END $$;


--
--

CREATE FUNCTION public.dispatch_report(p_report bigint, p_version integer, p_message text, p_handles text[]) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    v reports%ROWTYPE;
    v_now timestamptz := qlue_dispatch_clock();
    v_due timestamptz;
    v_ids integer[];
    v_new integer[];
    v_already integer[];
    v_event bigint;
    v_added jsonb;
    v_version integer;
BEGIN
    IF coalesce(btrim(p_message), '') = '' THEN
        PERFORM qlue_fail('message', 'write a message for the officials you mention');
    END IF;
    IF length(p_message) > 5000 THEN
        PERFORM qlue_fail('message', 'the message is longer than 5000 characters');
    END IF;
    v := qlue_dispatch_lock(p_report, p_version, true);
    v_ids := qlue_dispatch_accounts(p_handles, 'handles', true);
    SELECT coalesce(array_agg(u.id ORDER BY u.n) FILTER (WHERE m.id IS NULL), '{}'),
           coalesce(array_agg(u.id ORDER BY u.n) FILTER (WHERE m.id IS NOT NULL), '{}')
      INTO v_new, v_already
      FROM unnest(v_ids) WITH ORDINALITY u(id, n)
      LEFT JOIN mentions m ON m.report_id = p_report AND m.account_id = u.id AND m.state = 'open';
    IF cardinality(v_new) = 0 THEN
        PERFORM qlue_fail('handles', format('%s already %s report %s open: nothing new to send',
                                            qlue_dispatch_handles(v_already),
                                            CASE WHEN cardinality(v_already) = 1 THEN 'has' ELSE 'have' END, p_report));
    END IF;
    v_due := qlue_dispatch_due(v, v_now);

    INSERT INTO events (report_id, at, actor, kind, payload)
    VALUES (p_report, v_now, qlue_dispatch_actor(), 'dispatched', jsonb_build_object(
        'message', p_message,
        'mentions', (SELECT jsonb_agg(jsonb_build_object('handle', a.handle, 'account', a.id, 'due_at', v_due) ORDER BY u.n)
                       FROM unnest(v_new) WITH ORDINALITY u(id, n) JOIN accounts a ON a.id = u.id),
        'already', (SELECT coalesce(jsonb_agg(a.handle ORDER BY u.n), '[]'::jsonb)
                      FROM unnest(v_already) WITH ORDINALITY u(id, n) JOIN accounts a ON a.id = u.id),
        'from_status', v.status))
    RETURNING id INTO v_event;
    v_added := qlue_dispatch_open_mentions(p_report, v_new, v_event, v_now, v_due);

    UPDATE reports SET status = 'dispatched',
                       triaged_at = coalesce(triaged_at, v_now),
                       dispatched_at = coalesce(dispatched_at, v_now),
                       due_at = (SELECT min(due_at) FROM mentions WHERE report_id = p_report AND state = 'open'),
                       updated_at = now(), version = version + 1
     WHERE id = p_report
    RETURNING version INTO v_version;
    RETURN jsonb_build_object('version', v_version, 'event', v_event, 'status', 'dispatched', 'added', v_added,
                              'already', (SELECT coalesce(jsonb_agg(a.handle ORDER BY u.n), '[]'::jsonb)
                                            FROM unnest(v_already) WITH ORDINALITY u(id, n) JOIN accounts a ON a.id = u.id));
END $$;


--
--

CREATE FUNCTION public.forward_report(p_report bigint, p_version integer, p_to text[], p_reason text, p_message text DEFAULT NULL::text, p_from text[] DEFAULT NULL::text[]) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    v reports%ROWTYPE;
    v_to integer[];
    v_from integer[];
BEGIN
    v := qlue_dispatch_lock(p_report, p_version, true);
    v_to := qlue_dispatch_accounts(p_to, 'to', true);
    IF p_from IS NOT NULL THEN
        v_from := qlue_dispatch_accounts(p_from, 'from', false);
    END IF;
    RETURN qlue_forward(v, v_to, v_from, p_reason, p_message, qlue_dispatch_actor());
END $$;


--
--

CREATE FUNCTION public.mark_report_triaged(p_report bigint, p_version integer) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE v reports%ROWTYPE;
BEGIN
    v := qlue_lock_for_action(p_report, p_version);
    IF v.status <> 'new' THEN
        PERFORM qlue_fail('report', format('report %s is %s, not new', p_report, v.status));
    END IF;
    UPDATE reports SET status = 'triaged', triaged_at = now() WHERE id = p_report;
    RETURN qlue_touch(p_report, 'triaged', '{}'::jsonb);
END $$;


--
--

CREATE FUNCTION public.merge_report(p_report bigint, p_version integer, p_original bigint) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
    v reports%ROWTYPE;
    v_original reports%ROWTYPE;
BEGIN
    IF p_report = p_original THEN
        PERFORM qlue_fail('original', 'a report cannot be a duplicate of itself');
    END IF;
    v := qlue_lock_for_action(p_report, p_version);
    SELECT * INTO v_original FROM reports WHERE id = p_original FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM qlue_fail('original', format('unknown report %s', p_original));
    END IF;
    IF v_original.status IN ('rejected', 'duplicate') THEN
        PERFORM qlue_fail('original', format('report %s is %s: merge into the report it points to', p_original, v_original.status));
    END IF;
    IF v.status IN ('verified', 'rejected', 'duplicate') THEN
        PERFORM qlue_fail('report', format('report %s is already closed (%s)', p_report, v.status));
    END IF;
    UPDATE reports SET status = 'duplicate', duplicate_of = p_original, closed_at = now(),
                       triaged_at = coalesce(triaged_at, now()), claimed_by = NULL, claim_expires_at = NULL
     WHERE id = p_report;
    UPDATE mentions SET state = 'closed' WHERE report_id = p_report AND state = 'open';
    UPDATE reports SET followers = (SELECT array_agg(DISTINCT f) FROM unnest(followers || v.followers) f),
                       updated_at = now(), version = version + 1
     WHERE id = p_original;
    INSERT INTO events (report_id, actor, kind, payload)
    VALUES (p_original, qlue_actor(), 'merged', jsonb_build_object('duplicate', p_report, 'followers', to_jsonb(v.followers)));
    RETURN qlue_touch(p_report, 'merged', jsonb_build_object('into', p_original));
END $$;


--
--

CREATE FUNCTION public.official_forward_report(p_report bigint, p_official text, p_to text[], p_reason text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    v reports%ROWTYPE;
    v_account accounts%ROWTYPE;
BEGIN
    SELECT * INTO v_account FROM accounts WHERE lower(handle) = lower(ltrim(btrim(coalesce(p_official, '')), '@'));
    IF NOT FOUND THEN
        PERFORM qlue_fail('official', format('unknown official %L', p_official));
    END IF;
    IF NOT v_account.active THEN
        PERFORM qlue_fail('official', format('official @%s is not active', v_account.handle));
    END IF;
    v := qlue_dispatch_lock(p_report, NULL, false);
    IF NOT EXISTS (SELECT 1 FROM mentions WHERE report_id = p_report AND account_id = v_account.id AND state = 'open') THEN
        PERFORM qlue_fail('official', format('@%s has no open mention on report %s to pass on', v_account.handle, p_report));
    END IF;
    RETURN qlue_forward(v, qlue_dispatch_accounts(p_to, 'to', true), ARRAY[v_account.id], p_reason, NULL,
                        v_account.handle);
END $$;


--
--

CREATE FUNCTION public.qlue_actor() RETURNS text
    LANGUAGE sql STABLE
    AS $$
    SELECT coalesce((SELECT handle FROM accounts WHERE login = session_user), session_user::text)
$$;


--
--

CREATE FUNCTION public.qlue_check_kota(p_kota text) RETURNS void
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM areas WHERE code = p_kota AND level = 'kota') THEN
        RAISE EXCEPTION USING ERRCODE = '22023', DETAIL = 'kota',
            MESSAGE = format('unknown kota %L (for example 31.71 Jakarta Pusat)', left(p_kota, 80));
    END IF;
END $$;


--
--

CREATE FUNCTION public.qlue_check_login_name(p_login text) RETURNS void
    LANGUAGE plpgsql IMMUTABLE
    AS $_$
BEGIN
    IF p_login IS NULL OR length(p_login) NOT BETWEEN 2 AND 63 OR octet_length(p_login) <> length(p_login)
       OR p_login !~ '^[a-z][a-z0-9_.-]*$' THEN
        RAISE EXCEPTION USING ERRCODE = '22023', DETAIL = 'login',
            MESSAGE = format('%s is not a valid login: use 2 to 63 lower-case letters, digits, "_", "." or "-", starting with a letter',
                             coalesce(quote_literal(left(p_login, 80)), 'NULL'));
    END IF;
    IF p_login ~ '^(pg_|qlue_)' OR p_login IN ('public', 'none', 'current_user', 'session_user', 'current_role',
                                               'user', 'all', 'postgres') THEN
        RAISE EXCEPTION USING ERRCODE = '22023', DETAIL = 'login',
            MESSAGE = format('%L is a reserved name and cannot be a login', p_login);
    END IF;
END $_$;


--
--

CREATE FUNCTION public.qlue_check_managed_login(p_login text) RETURNS text
    LANGUAGE plpgsql STABLE
    AS $$
DECLARE
    v pg_roles%ROWTYPE;
BEGIN
    PERFORM qlue_check_login_name(p_login);
    SELECT * INTO v FROM pg_roles WHERE rolname = p_login;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = '22023', DETAIL = 'login', MESSAGE = format('there is no login %L', p_login);
    END IF;
    IF v.rolsuper OR NOT EXISTS (
            SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
             WHERE m.member = v.oid
               AND g.rolname IN ('qlue_channel', 'qlue_operator', 'qlue_supervisor', 'qlue_analyst', 'qlue_admin')) THEN
        RAISE EXCEPTION USING ERRCODE = '22023', DETAIL = 'login',
            MESSAGE = format('%L is not a Qlue login (a member of qlue_channel, qlue_operator, qlue_supervisor, qlue_analyst or qlue_admin)', p_login);
    END IF;
    RETURN qlue_role_of(p_login::name);
END $$;


--
--

CREATE FUNCTION public.qlue_dispatch_accounts(p_handles text[], p_field text, p_active_only boolean) RETURNS integer[]
    LANGUAGE plpgsql
    AS $$
DECLARE
    v_handle text;
    v_name text;
    v_account accounts%ROWTYPE;
    v_ids integer[] := '{}';
BEGIN
    IF p_handles IS NULL OR cardinality(p_handles) = 0 THEN
        PERFORM qlue_fail(p_field, 'mention at least one official (@handle)');
    END IF;
    FOREACH v_handle IN ARRAY p_handles LOOP
        v_name := ltrim(btrim(coalesce(v_handle, '')), '@');
        SELECT * INTO v_account FROM accounts WHERE lower(handle) = lower(v_name);
        IF NOT FOUND THEN
            PERFORM qlue_fail(p_field, format('no account is named @%s', v_name));
        END IF;
        IF p_active_only AND NOT v_account.active THEN
            PERFORM qlue_fail(p_field, format('@%s (%s) is inactive and cannot be mentioned',
                                              v_account.handle, v_account.display_name));
        END IF;
        IF NOT v_account.id = ANY (v_ids) THEN
            v_ids := v_ids || v_account.id;
        END IF;
    END LOOP;
    RETURN v_ids;
END $$;


--
--

CREATE FUNCTION public.qlue_dispatch_actor() RETURNS text
    LANGUAGE sql STABLE
    AS $$
    SELECT coalesce((SELECT handle FROM accounts WHERE login = session_user), session_user::text)
$$;


--
--

CREATE FUNCTION public.qlue_dispatch_clock() RETURNS timestamp with time zone
    LANGUAGE plpgsql STABLE
    AS $$
DECLARE v_setting text := current_setting('qlue.now', true);
BEGIN
    IF coalesce(v_setting, '') <> '' AND coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false) THEN
        RETURN v_setting::timestamptz;
    END IF;
    RETURN now();
END $$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
--

CREATE TABLE public.reports (
    id bigint NOT NULL,
    channel text NOT NULL,
    external_id text NOT NULL,
    citizen_handle text NOT NULL,
    text text NOT NULL,
    category_code text NOT NULL,
    lat double precision NOT NULL,
    lon double precision NOT NULL,
    kelurahan_code text,
    kecamatan_code text,
    kota_code text,
    outside_jurisdiction boolean DEFAULT false NOT NULL,
    status text DEFAULT 'new'::text NOT NULL,
    priority smallint DEFAULT 1 NOT NULL,
    reported_at timestamp with time zone NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    triaged_at timestamp with time zone,
    dispatched_at timestamp with time zone,
    followed_up_at timestamp with time zone,
    closed_at timestamp with time zone,
    due_at timestamp with time zone,
    duplicate_of bigint,
    followers text[] DEFAULT '{}'::text[] NOT NULL,
    claimed_by text,
    claim_expires_at timestamp with time zone,
    reject_reason text,
    version integer DEFAULT 1 NOT NULL,
    CONSTRAINT reports_channel_check CHECK ((channel = ANY (ARRAY['app'::text, 'web'::text, 'sms'::text, 'social'::text, 'call_center'::text]))),
    CONSTRAINT reports_lat_check CHECK (((lat >= ('-90'::integer)::double precision) AND (lat <= (90)::double precision))),
    CONSTRAINT reports_lon_check CHECK (((lon >= ('-180'::integer)::double precision) AND (lon <= (180)::double precision))),
    CONSTRAINT reports_priority_check CHECK (((priority >= 0) AND (priority <= 3))),
    CONSTRAINT reports_status_check CHECK ((status = ANY (ARRAY['new'::text, 'triaged'::text, 'dispatched'::text, 'coordination'::text, 'disposition'::text, 'followed_up'::text, 'verified'::text, 'reopened'::text, 'rejected'::text, 'duplicate'::text]))),
    CONSTRAINT reports_text_check CHECK (((length(text) >= 1) AND (length(text) <= 5000)))
);


--
--

CREATE FUNCTION public.qlue_dispatch_due(p_report public.reports, p_at timestamp with time zone) RETURNS timestamp with time zone
    LANGUAGE sql STABLE
    AS $$
    SELECT qlue_due_at(p_at, c.sla_hours, c.sla_mode) FROM categories c WHERE c.code = p_report.category_code
$$;


--
--

CREATE FUNCTION public.qlue_dispatch_handles(p_ids integer[]) RETURNS text
    LANGUAGE sql STABLE
    AS $$
    SELECT string_agg('@' || a.handle, ', ' ORDER BY u.n)
      FROM unnest(p_ids) WITH ORDINALITY u(id, n) JOIN accounts a ON a.id = u.id
$$;


--
--

CREATE FUNCTION public.qlue_dispatch_lock(p_report bigint, p_version integer, p_check_claim boolean) RETURNS public.reports
    LANGUAGE plpgsql
    AS $$
DECLARE
    v reports%ROWTYPE;
    v_last jsonb;
    v_scope text;
BEGIN
    SELECT * INTO v FROM reports WHERE id = p_report FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM qlue_fail('report', format('unknown report %s', coalesce(p_report::text, 'NULL')));
    END IF;
    -- A login limited to one kota (revision 0007) acts only on that kota's reports; this
    -- SECURITY DEFINER path would otherwise pass around the row-level security.
    IF to_regprocedure('qlue_scope_kota()') IS NOT NULL THEN
        EXECUTE 'SELECT qlue_scope_kota()' INTO v_scope;
        IF v_scope IS NOT NULL AND v.kota_code IS DISTINCT FROM v_scope THEN
            PERFORM qlue_fail('report', format('unknown report %s', p_report));
        END IF;
    END IF;
    IF p_version IS NOT NULL AND v.version <> p_version THEN
        SELECT jsonb_build_object('actor', actor, 'kind', kind, 'at', at, 'version', v.version)
          INTO v_last FROM events WHERE report_id = p_report ORDER BY id DESC LIMIT 1;
        RAISE EXCEPTION USING ERRCODE = 'QC001',
            MESSAGE = format('report %s was changed by %s (%s) since you opened it',
                             p_report, coalesce(v_last->>'actor', '?'), coalesce(v_last->>'kind', '?')),
            DETAIL = coalesce(v_last::text, '{}');
    END IF;
    IF p_check_claim AND v.claimed_by IS NOT NULL AND v.claimed_by <> session_user AND v.claim_expires_at > now() THEN
        RAISE EXCEPTION USING ERRCODE = 'QC002',
            MESSAGE = format('report %s is claimed by %s until %s', p_report, v.claimed_by,
                             to_char(v.claim_expires_at AT TIME ZONE 'Asia/Jakarta', 'HH24:MI')),
            DETAIL = jsonb_build_object('holder', v.claimed_by, 'expires_at', v.claim_expires_at)::text;
    END IF;
    IF v.status IN ('verified', 'rejected', 'duplicate') THEN
        PERFORM qlue_fail('report', format('report %s is closed (%s)', p_report, v.status));
    END IF;
    RETURN v;
END $$;


--
--

CREATE FUNCTION public.qlue_dispatch_open_mentions(p_report bigint, p_new integer[], p_event bigint, p_at timestamp with time zone, p_due timestamp with time zone) RETURNS jsonb
    LANGUAGE plpgsql
    AS $$
DECLARE
    v_added jsonb := '[]'::jsonb;
    v_row record;
    v_mention bigint;
BEGIN
    FOR v_row IN SELECT a.id, a.handle FROM unnest(p_new) WITH ORDINALITY u(id, n)
                   JOIN accounts a ON a.id = u.id ORDER BY u.n LOOP
        INSERT INTO mentions (report_id, account_id, event_id, mentioned_at, due_at)
        VALUES (p_report, v_row.id, p_event, p_at, p_due)
        ON CONFLICT (report_id, account_id) WHERE state = 'open' DO NOTHING
        RETURNING id INTO v_mention;
        IF v_mention IS NOT NULL THEN
            v_added := v_added || jsonb_build_object('mention', v_mention, 'account', v_row.id,
                                                     'handle', v_row.handle, 'due_at', p_due);
        END IF;
    END LOOP;
    RETURN v_added;
END $$;


--
--

CREATE FUNCTION public.qlue_due_at(p_start timestamp with time zone, p_hours integer, p_mode text) RETURNS timestamp with time zone
    LANGUAGE plpgsql STABLE
    AS $$
DECLARE
    v_local timestamp := p_start AT TIME ZONE 'Asia/Jakarta';
    v_day date := v_local::date;
    v_time time := v_local::time;
    v_left integer := ceil(p_hours / 24.0)::integer;
BEGIN
    IF p_mode = 'calendar' THEN
        RETURN p_start + make_interval(hours => p_hours);
    END IF;
    IF extract(isodow FROM v_day) > 5 OR EXISTS (SELECT 1 FROM holidays WHERE day = v_day) THEN
        LOOP
            v_day := v_day + 1;
            EXIT WHEN extract(isodow FROM v_day) <= 5 AND NOT EXISTS (SELECT 1 FROM holidays WHERE day = v_day);
        END LOOP;
        v_time := time '00:00';
    END IF;
    WHILE v_left > 0 LOOP
        v_day := v_day + 1;
        IF extract(isodow FROM v_day) <= 5 AND NOT EXISTS (SELECT 1 FROM holidays WHERE day = v_day) THEN
            v_left := v_left - 1;
        END IF;
    END LOOP;
    RETURN (v_day + v_time) AT TIME ZONE 'Asia/Jakarta';
END $$;


--
--

CREATE FUNCTION public.qlue_end_sessions(p_login text) RETURNS integer
    LANGUAGE sql
    AS $$
    SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::integer
      FROM pg_stat_activity WHERE usename = p_login AND pid <> pg_backend_pid()
$$;


--
--

CREATE FUNCTION public.qlue_escalate_overdue() RETURNS TABLE(mention bigint, report bigint, from_handle text, to_handle text, new_mention bigint, event bigint)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    v_now timestamptz := qlue_dispatch_clock();
    v_candidate record;
    v reports%ROWTYPE;
    v_mention mentions%ROWTYPE;
    v_account accounts%ROWTYPE;
    v_target accounts%ROWTYPE;
    v_due timestamptz;
    v_held boolean;
    v_event bigint;
    v_new bigint;
BEGIN
    IF NOT pg_try_advisory_xact_lock(hashtext('qlue_escalate_overdue')) THEN
        RETURN;
    END IF;
    FOR v_candidate IN
        SELECT m.id, m.report_id FROM mentions m JOIN reports r ON r.id = m.report_id
         WHERE m.state = 'open' AND m.due_at < v_now
           AND r.status NOT IN ('followed_up', 'verified', 'rejected', 'duplicate')
         ORDER BY m.due_at, m.id
    LOOP
        SELECT * INTO v FROM reports WHERE id = v_candidate.report_id FOR UPDATE SKIP LOCKED;
        CONTINUE WHEN NOT FOUND;
        SELECT * INTO v_mention FROM mentions WHERE id = v_candidate.id FOR UPDATE;
        CONTINUE WHEN v_mention.state <> 'open' OR v_mention.due_at >= v_now
                   OR v.status IN ('followed_up', 'verified', 'rejected', 'duplicate');
        SELECT * INTO v_account FROM accounts WHERE id = v_mention.account_id;
        v_target := qlue_escalation_target(v_account, v);
        CONTINUE WHEN v_target.id IS NULL;

        v_due := qlue_dispatch_due(v, v_now);
        v_held := EXISTS (SELECT 1 FROM mentions WHERE report_id = v.id AND account_id = v_target.id AND state = 'open');
        INSERT INTO events (report_id, at, actor, kind, payload)
        VALUES (v.id, v_now, 'escalation', 'escalated', jsonb_build_object(
            'mention', v_mention.id, 'from', v_account.handle, 'to', v_target.handle, 'level', v_target.kind,
            'was_due_at', v_mention.due_at, 'due_at', CASE WHEN v_held THEN NULL ELSE v_due END,
            'already_open', v_held))
        RETURNING id INTO v_event;
        UPDATE mentions SET state = 'escalated' WHERE id = v_mention.id;
        v_new := NULL;
        IF NOT v_held THEN
            INSERT INTO mentions (report_id, account_id, event_id, mentioned_at, due_at)
            VALUES (v.id, v_target.id, v_event, v_now, v_due)
            RETURNING id INTO v_new;
        END IF;
        UPDATE reports SET due_at = (SELECT min(due_at) FROM mentions WHERE report_id = v.id AND state = 'open'),
                           updated_at = now(), version = version + 1
         WHERE id = v.id;
        mention := v_mention.id;
        report := v.id;
        from_handle := v_account.handle;
        to_handle := v_target.handle;
        new_mention := v_new;
        event := v_event;
        RETURN NEXT;
    END LOOP;
END $$;


--
--

CREATE TABLE public.accounts (
    id integer NOT NULL,
    handle text NOT NULL,
    display_name text NOT NULL,
    kind text NOT NULL,
    area_code text,
    agency_code text,
    is_head boolean DEFAULT false NOT NULL,
    login text,
    citizen_handles text[] DEFAULT '{}'::text[] NOT NULL,
    active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT accounts_handle_check CHECK ((handle ~ '^[[:alnum:]._-]+$'::text)),
    CONSTRAINT accounts_kind_check CHECK ((kind = ANY (ARRAY['lurah'::text, 'camat'::text, 'walikota'::text, 'agency'::text, 'field_officer'::text, 'operator'::text, 'supervisor'::text, 'analyst'::text, 'external'::text, 'admin'::text])))
);


--
--

CREATE FUNCTION public.qlue_escalation_target(p_account public.accounts, p_report public.reports) RETURNS public.accounts
    LANGUAGE plpgsql STABLE
    AS $$
DECLARE
    v_target accounts%ROWTYPE;
    v_area text;
BEGIN
    IF (p_account.kind = 'field_officer' AND p_account.agency_code IS NOT NULL)
       OR (p_account.kind = 'agency' AND NOT p_account.is_head) THEN
        SELECT * INTO v_target FROM accounts
         WHERE kind = 'agency' AND is_head AND agency_code = p_account.agency_code AND active AND id <> p_account.id
         ORDER BY handle LIMIT 1;
    ELSIF p_account.kind IN ('field_officer', 'lurah') THEN
        v_area := coalesce((SELECT parent_code FROM areas WHERE code = p_account.area_code AND level = 'kelurahan'),
                           (SELECT code FROM areas WHERE code = p_account.area_code AND level = 'kecamatan'),
                           p_report.kecamatan_code);
        SELECT * INTO v_target FROM accounts
         WHERE kind = 'camat' AND area_code = v_area AND active ORDER BY handle LIMIT 1;
    ELSIF p_account.kind = 'camat' THEN
        v_area := coalesce((SELECT parent_code FROM areas WHERE code = p_account.area_code AND level = 'kecamatan'),
                           p_report.kota_code);
        SELECT * INTO v_target FROM accounts
         WHERE kind = 'walikota' AND area_code = v_area AND active ORDER BY handle LIMIT 1;
    END IF;
    RETURN v_target;
END $$;


--
--

CREATE FUNCTION public.qlue_events_notify() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM pg_notify('qlue_events', json_build_object(
        'event', NEW.id, 'report', NEW.report_id, 'kind', NEW.kind)::text);
    RETURN NULL;
END $$;


--
--

CREATE FUNCTION public.qlue_events_stamp() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.actor_login := session_user;
    RETURN NEW;
END $$;


--
--

CREATE FUNCTION public.qlue_fail(p_field text, p_message text) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = p_message, DETAIL = p_field;
END $$;


--
--

CREATE FUNCTION public.qlue_forward(v public.reports, p_to integer[], p_from integer[], p_reason text, p_message text, p_actor text) RETURNS jsonb
    LANGUAGE plpgsql
    AS $$
DECLARE
    v_now timestamptz := qlue_dispatch_clock();
    v_due timestamptz;
    v_new integer[];
    v_already integer[];
    v_closing bigint[];
    v_closed_accounts integer[];
    v_event bigint;
    v_added jsonb;
    v_version integer;
BEGIN
    IF coalesce(btrim(p_reason), '') = '' THEN
        PERFORM qlue_fail('reason', 'say why the report is passed on: the reason is required');
    END IF;
    IF length(p_reason) > 1000 OR length(coalesce(p_message, '')) > 5000 THEN
        PERFORM qlue_fail('reason', 'the reason or the message is too long');
    END IF;
    SELECT coalesce(array_agg(m.id ORDER BY m.id), '{}'), coalesce(array_agg(m.account_id ORDER BY m.id), '{}')
      INTO v_closing, v_closed_accounts
      FROM mentions m
     WHERE m.report_id = v.id AND m.state = 'open'
       AND (p_from IS NULL OR m.account_id = ANY (p_from))
       AND NOT m.account_id = ANY (p_to);
    SELECT coalesce(array_agg(u.id ORDER BY u.n) FILTER (WHERE m.id IS NULL OR m.id = ANY (v_closing)), '{}'),
           coalesce(array_agg(u.id ORDER BY u.n) FILTER (WHERE m.id IS NOT NULL AND NOT m.id = ANY (v_closing)), '{}')
      INTO v_new, v_already
      FROM unnest(p_to) WITH ORDINALITY u(id, n)
      LEFT JOIN mentions m ON m.report_id = v.id AND m.account_id = u.id AND m.state = 'open';
    IF cardinality(v_new) = 0 THEN
        PERFORM qlue_fail('to', format('%s already %s report %s open: pass it on to someone else',
                                       qlue_dispatch_handles(v_already),
                                       CASE WHEN cardinality(v_already) = 1 THEN 'has' ELSE 'have' END, v.id));
    END IF;
    v_due := qlue_dispatch_due(v, v_now);

    INSERT INTO events (report_id, at, actor, kind, payload)
    VALUES (v.id, v_now, p_actor, 'forwarded', jsonb_build_object(
        'reason', p_reason, 'message', p_message,
        'from', (SELECT coalesce(jsonb_agg(a.handle ORDER BY u.n), '[]'::jsonb)
                   FROM unnest(v_closed_accounts) WITH ORDINALITY u(id, n) JOIN accounts a ON a.id = u.id),
        'to', (SELECT jsonb_agg(jsonb_build_object('handle', a.handle, 'account', a.id, 'due_at', v_due) ORDER BY u.n)
                 FROM unnest(v_new) WITH ORDINALITY u(id, n) JOIN accounts a ON a.id = u.id),
        'from_status', v.status))
    RETURNING id INTO v_event;
    UPDATE mentions SET state = 'forwarded', resolved_at = v_now WHERE id = ANY (v_closing);
    v_added := qlue_dispatch_open_mentions(v.id, v_new, v_event, v_now, v_due);
    UPDATE reports SET status = 'coordination',
                       triaged_at = coalesce(triaged_at, v_now),
                       dispatched_at = coalesce(dispatched_at, v_now),
                       due_at = (SELECT min(due_at) FROM mentions WHERE report_id = v.id AND state = 'open'),
                       updated_at = now(), version = version + 1
     WHERE id = v.id
    RETURNING version INTO v_version;
    RETURN jsonb_build_object('version', v_version, 'event', v_event, 'status', 'coordination', 'added', v_added,
                              'forwarded', (SELECT coalesce(jsonb_agg(a.handle ORDER BY u.n), '[]'::jsonb)
                                              FROM unnest(v_closed_accounts) WITH ORDINALITY u(id, n)
                                              JOIN accounts a ON a.id = u.id),
                              'already', (SELECT coalesce(jsonb_agg(a.handle ORDER BY u.n), '[]'::jsonb)
                                            FROM unnest(v_already) WITH ORDINALITY u(id, n) JOIN accounts a ON a.id = u.id));
END $$;


--
--

CREATE FUNCTION public.qlue_grant_group(p_login text, p_group text) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM qlue_revoke_groups(p_login, ARRAY['qlue_channel', 'qlue_operator', 'qlue_supervisor',
                                              'qlue_analyst', 'qlue_admin']);
    PERFORM qlue_grant_one(p_login, p_group);
END $$;


--
--

CREATE FUNCTION public.qlue_grant_one(p_login text, p_group text) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM qlue_revoke_groups(p_login, ARRAY[p_group]);
    IF current_setting('server_version_num')::integer >= 160000 THEN
        EXECUTE format('GRANT %I TO %I WITH INHERIT TRUE, SET FALSE', p_group, p_login);
    ELSE
        EXECUTE format('GRANT %I TO %I', p_group, p_login);
    END IF;
END $$;


--
--

CREATE FUNCTION public.qlue_group_of(p_role text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    AS $$
BEGIN
    IF p_role IS NOT NULL AND lower(btrim(p_role)) IN ('channel', 'operator', 'supervisor', 'analyst', 'admin',
            'qlue_channel', 'qlue_operator', 'qlue_supervisor', 'qlue_analyst', 'qlue_admin') THEN
        RETURN 'qlue_' || regexp_replace(lower(btrim(p_role)), '^qlue_', '');
    END IF;
    RAISE EXCEPTION USING ERRCODE = '22023', DETAIL = 'role',
        MESSAGE = format('unknown role %L: channel, operator, supervisor, analyst or admin', p_role);
END $$;


--
--

CREATE FUNCTION public.qlue_is_image(p bytea) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $$
    SELECT p IS NOT NULL AND length(p) >= 12 AND (
           substring(p FROM 1 FOR 3) = '\xffd8ff'::bytea
        OR substring(p FROM 1 FOR 8) = '\x89504e470d0a1a0a'::bytea
        OR (substring(p FROM 1 FOR 4) = 'RIFF'::bytea AND substring(p FROM 9 FOR 4) = 'WEBP'::bytea)
        OR (substring(p FROM 5 FOR 4) = 'ftyp'::bytea AND substring(p FROM 9 FOR 4) IN
            ('heic'::bytea, 'heix'::bytea, 'hevc'::bytea, 'hevx'::bytea, 'heim'::bytea,
             'heis'::bytea, 'mif1'::bytea, 'msf1'::bytea, 'avif'::bytea)))
$$;


--
--

CREATE FUNCTION public.qlue_is_supervisor() RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
    SELECT pg_has_role(session_user, 'qlue_supervisor', 'MEMBER')
        OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)
$$;


--
--

CREATE FUNCTION public.qlue_kpi_events_deleted() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    PERFORM qlue_kpi_refresh(ARRAY(SELECT DISTINCT report_id FROM kpi_old_events));
    RETURN NULL;
END $$;


--
--

CREATE FUNCTION public.qlue_kpi_events_inserted() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    PERFORM qlue_kpi_refresh(ARRAY(
        SELECT DISTINCT report_id FROM kpi_new_events
         WHERE kind IN ('created', 'triaged', 'dispatched', 'forwarded', 'follow_up', 'proof_approved', 'closed',
                        'proof_rejected', 'reopened', 'rejected', 'merged')));
    RETURN NULL;
END $$;


--
--

CREATE FUNCTION public.qlue_kpi_events_updated() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    PERFORM qlue_kpi_refresh(ARRAY(SELECT report_id FROM kpi_old_events UNION SELECT report_id FROM kpi_new_events));
    RETURN NULL;
END $$;


--
--

CREATE FUNCTION public.qlue_kpi_follow_up_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    PERFORM qlue_kpi_refresh_proofs(ARRAY(
        SELECT ev.id FROM events ev
         WHERE ev.report_id = NEW.report_id AND ev.kind = 'follow_up' AND ev.payload->>'follow_up' = CAST(NEW.id AS text)));
    RETURN NULL;
END $$;


--
--

CREATE FUNCTION public.qlue_kpi_mention_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    -- OLD is NULL on INSERT, NEW on DELETE
    PERFORM qlue_kpi_refresh_mentions(ARRAY(SELECT DISTINCT r FROM unnest(ARRAY[OLD.report_id, NEW.report_id]) r
                                             WHERE r IS NOT NULL ORDER BY r));
    RETURN NULL;
END $$;


--
--

CREATE FUNCTION public.qlue_kpi_proof_events_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    -- the old ids are recomputed (a deleted event's facts go); a DELETE has no new table
    PERFORM qlue_kpi_refresh_proofs(ARRAY(SELECT id FROM kpi_old_events));
    IF TG_OP = 'UPDATE' THEN
        PERFORM qlue_kpi_refresh_proofs(ARRAY(SELECT id FROM kpi_new_events));
    END IF;
    RETURN NULL;
END $$;


--
--

CREATE FUNCTION public.qlue_kpi_proof_events_inserted() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    PERFORM qlue_kpi_refresh_proofs(ARRAY(SELECT id FROM kpi_new_events WHERE kind = 'follow_up'));
    RETURN NULL;
END $$;


--
--

CREATE FUNCTION public.qlue_kpi_proof_reused(p_report bigint, p_follow_up bigint, p_photo bigint) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO 'public', 'pg_temp'
    AS $$
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


--
--

CREATE FUNCTION public.qlue_kpi_rebuild() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
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


--
--

CREATE FUNCTION public.qlue_kpi_rebuild_events() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
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


--
--

CREATE FUNCTION public.qlue_kpi_refresh(p_reports bigint[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
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


--
--

CREATE FUNCTION public.qlue_kpi_refresh_events(p_reports bigint[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
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


--
--

CREATE FUNCTION public.qlue_kpi_refresh_mentions(p_reports bigint[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
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


--
--

CREATE FUNCTION public.qlue_kpi_refresh_proofs(p_events bigint[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
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


--
--

CREATE FUNCTION public.qlue_kpi_report_codes() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    UPDATE kpi_report_facts
       SET category_code = NEW.category_code, kelurahan_code = NEW.kelurahan_code,
           kecamatan_code = NEW.kecamatan_code, kota_code = NEW.kota_code
     WHERE report_id = NEW.id;
    RETURN NULL;
END $$;


--
--

CREATE FUNCTION public.qlue_kpi_state(p_kind text, p_payload jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$
    SELECT CASE p_kind
        WHEN 'created' THEN 'new' WHEN 'triaged' THEN 'triaged' WHEN 'dispatched' THEN 'dispatched'
        WHEN 'forwarded' THEN 'coordination' WHEN 'follow_up' THEN 'followed_up'
        WHEN 'proof_approved' THEN 'verified' WHEN 'closed' THEN 'verified'
        WHEN 'proof_rejected' THEN 'reopened' WHEN 'reopened' THEN 'reopened'
        WHEN 'rejected' THEN 'rejected'
        WHEN 'merged' THEN CASE WHEN p_payload->>'into' IS NOT NULL THEN 'duplicate' END
    END
$$;


--
--

CREATE FUNCTION public.qlue_lock_for_action(p_report bigint, p_version integer) RETURNS public.reports
    LANGUAGE plpgsql
    AS $$
DECLARE
    v reports%ROWTYPE;
    v_last jsonb;
BEGIN
    SELECT * INTO v FROM reports WHERE id = p_report FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM qlue_fail('report', format('unknown report %s', p_report));
    END IF;
    IF p_version IS NOT NULL AND v.version <> p_version THEN
        SELECT jsonb_build_object('actor', actor, 'kind', kind, 'at', at, 'version', v.version)
          INTO v_last FROM events WHERE report_id = p_report ORDER BY id DESC LIMIT 1;
        RAISE EXCEPTION USING ERRCODE = 'QC001',
            MESSAGE = format('report %s was changed by %s (%s) since you opened it',
                             p_report, coalesce(v_last->>'actor', '?'), coalesce(v_last->>'kind', '?')),
            DETAIL = coalesce(v_last::text, '{}');
    END IF;
    IF v.claimed_by IS NOT NULL AND v.claimed_by <> session_user AND v.claim_expires_at > now() THEN
        RAISE EXCEPTION USING ERRCODE = 'QC002',
            MESSAGE = format('report %s is claimed by %s until %s', p_report, v.claimed_by,
                             to_char(v.claim_expires_at AT TIME ZONE 'Asia/Jakarta', 'HH24:MI')),
            DETAIL = jsonb_build_object('holder', v.claimed_by, 'expires_at', v.claim_expires_at)::text;
    END IF;
    RETURN v;
END $$;


--
--

CREATE FUNCTION public.qlue_mentions_notify() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW.state = 'open' THEN
        PERFORM pg_notify('qlue_mentions', json_build_object(
            'mention', NEW.id, 'report', NEW.report_id, 'account', NEW.account_id,
            'due_at', NEW.due_at)::text);
    END IF;
    RETURN NULL;
END $$;


--
--

CREATE FUNCTION public.qlue_record_checks(p_follow_up bigint, p_checks jsonb, p_risk real, p_photo_meta jsonb DEFAULT NULL::jsonb) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
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


--
--

CREATE FUNCTION public.qlue_resolve_kelurahan(p_lat double precision, p_lon double precision) RETURNS text
    LANGUAGE sql STABLE
    AS $$
    SELECT area_code FROM (
        (SELECT area_code, 0 AS rank, 0::double precision AS dist
           FROM area_parts WHERE shape @> point(p_lon, p_lat)
          ORDER BY area_code LIMIT 1)
        UNION ALL
        (SELECT area_code, 1, shape <-> point(p_lon, p_lat)
           FROM area_parts
          ORDER BY shape <-> point(p_lon, p_lat) LIMIT 1)
    ) candidates
    WHERE rank = 0 OR dist <= 0.003
    ORDER BY rank, dist LIMIT 1
$$;


--
--

CREATE FUNCTION public.qlue_revoke_groups(p_login text, p_groups text[]) RETURNS void
    LANGUAGE plpgsql
    AS $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT g.rolname AS grp, gr.rolname AS grantor
               FROM pg_auth_members m
               JOIN pg_roles g ON g.oid = m.roleid
               JOIN pg_roles u ON u.oid = m.member
               LEFT JOIN pg_roles gr ON gr.oid = m.grantor
              WHERE u.rolname = p_login AND g.rolname = ANY (p_groups)
    LOOP
        IF current_setting('server_version_num')::integer >= 160000 AND r.grantor IS NOT NULL THEN
            EXECUTE format('REVOKE %I FROM %I GRANTED BY %I', r.grp, p_login, r.grantor);
        ELSE
            EXECUTE format('REVOKE %I FROM %I', r.grp, p_login);
        END IF;
    END LOOP;
END $$;


--
--

CREATE FUNCTION public.qlue_role_of(p_login name) RETURNS text
    LANGUAGE sql STABLE
    AS $$
    SELECT CASE
        WHEN NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN NULL
        WHEN pg_has_role(p_login, 'qlue_admin', 'MEMBER') THEN 'admin'
        WHEN pg_has_role(p_login, 'qlue_supervisor', 'MEMBER') THEN 'supervisor'
        WHEN pg_has_role(p_login, 'qlue_operator', 'MEMBER') THEN 'operator'
        WHEN pg_has_role(p_login, 'qlue_analyst', 'MEMBER') THEN 'analyst'
        WHEN pg_has_role(p_login, 'qlue_channel', 'MEMBER') THEN 'channel'
    END
$$;


--
--

CREATE FUNCTION public.qlue_scope_kota() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
    SELECT CASE
        WHEN coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false) THEN NULL
        WHEN pg_has_role(session_user, 'qlue_kota_scoped', 'MEMBER')
            THEN coalesce((SELECT kota_code FROM login_scopes WHERE login = session_user), '')
    END
$$;


--
--

CREATE FUNCTION public.qlue_store_photo(p_report_id bigint, p_kind text, p_photo bytea, p_meta jsonb) RETURNS bigint
    LANGUAGE plpgsql
    AS $$
DECLARE
    v_id bigint;
    v_meta jsonb := coalesce(p_meta, '{}'::jsonb);
BEGIN
    INSERT INTO photos (report_id, kind, data, mime, sha256, phash, width, height, exif,
                        taken_at, gps_lat, gps_lon)
    VALUES (p_report_id, p_kind, p_photo, v_meta->>'mime', encode(sha256(p_photo), 'hex'),
            (v_meta->>'phash')::bigint, (v_meta->>'width')::integer, (v_meta->>'height')::integer,
            v_meta->'exif', (v_meta->>'taken_at')::timestamptz,
            (v_meta->>'gps_lat')::double precision, (v_meta->>'gps_lon')::double precision)
    RETURNING id INTO v_id;
    RETURN v_id;
EXCEPTION WHEN invalid_text_representation OR numeric_value_out_of_range
               OR invalid_datetime_format OR datetime_field_overflow THEN
    PERFORM qlue_fail('photo_meta', 'photo metadata is malformed: ' || SQLERRM);
    RETURN NULL;
END $$;


--
--

CREATE FUNCTION public.qlue_touch(p_report bigint, p_kind text, p_payload jsonb) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE v_version integer;
BEGIN
    UPDATE reports SET version = version + 1, updated_at = now() WHERE id = p_report
    RETURNING version INTO v_version;
    INSERT INTO events (report_id, actor, kind, payload) VALUES (p_report, qlue_actor(), p_kind, p_payload);
    RETURN v_version;
END $$;


--
--

CREATE FUNCTION public.qlue_user_add(p_login text, p_password text, p_role text, p_handle text DEFAULT NULL::text, p_display_name text DEFAULT NULL::text, p_kota_code text DEFAULT NULL::text) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $_$
DECLARE
    v_group text := qlue_group_of(p_role);
    v_kind text := CASE qlue_group_of(p_role) WHEN 'qlue_channel' THEN 'external' ELSE substr(qlue_group_of(p_role), 6) END;
    v_handle text := coalesce(btrim(p_handle), CASE WHEN qlue_group_of(p_role) <> 'qlue_channel' THEN p_login END);
    v_name text := nullif(btrim(p_display_name), '');
    v_account accounts%ROWTYPE;
BEGIN
    PERFORM qlue_check_login_name(p_login);
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN
        RAISE EXCEPTION USING ERRCODE = '22023', DETAIL = 'login', MESSAGE = format('a login %L already exists', p_login);
    END IF;
    IF p_password IS NOT NULL AND length(p_password) NOT BETWEEN 8 AND 1024 THEN
        RAISE EXCEPTION USING ERRCODE = '22023', DETAIL = 'password',
            MESSAGE = 'a password has 8 to 1024 characters';
    END IF;
    IF v_handle IS NOT NULL AND (v_handle !~ '^[[:alnum:]._-]+$' OR length(v_handle) > 64) THEN
        RAISE EXCEPTION USING ERRCODE = '22023', DETAIL = 'handle',
            MESSAGE = format('%L is not a valid handle: letters, digits, ".", "_" or "-", at most 64', left(v_handle, 80));
    END IF;
    IF length(v_name) > 200 THEN
        RAISE EXCEPTION USING ERRCODE = '22023', DETAIL = 'display_name', MESSAGE = 'the display name is longer than 200 characters';
    END IF;
    IF p_kota_code IS NOT NULL THEN
        PERFORM qlue_check_kota(p_kota_code);
    END IF;

    IF v_handle IS NOT NULL THEN
        SELECT * INTO v_account FROM accounts WHERE lower(handle) = lower(v_handle) FOR UPDATE;
        IF FOUND THEN
            IF v_account.login IS NOT NULL AND v_account.login <> p_login THEN
                RAISE EXCEPTION USING ERRCODE = '22023', DETAIL = 'handle',
                    MESSAGE = format('account @%s already belongs to login %L', v_account.handle, v_account.login);
            END IF;
            UPDATE accounts SET login = p_login, active = true,
                                display_name = coalesce(v_name, display_name)
             WHERE id = v_account.id;
        ELSE
            INSERT INTO accounts (handle, display_name, kind, login)
            VALUES (v_handle, coalesce(v_name, v_handle), v_kind, p_login)
            RETURNING * INTO v_account;
        END IF;
    END IF;

    IF p_password IS NULL THEN
        EXECUTE format('CREATE ROLE %I LOGIN', p_login);
    ELSE
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', p_login, p_password);
    END IF;
    PERFORM qlue_grant_group(p_login, v_group);
    IF p_kota_code IS NOT NULL THEN
        PERFORM qlue_user_set_scope(p_login, p_kota_code);
    END IF;
    RETURN v_account.id;
END $_$;


--
--

CREATE FUNCTION public.qlue_user_disable(p_login text) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    PERFORM qlue_check_managed_login(p_login);
    IF p_login = session_user THEN
        RAISE EXCEPTION USING ERRCODE = '22023', DETAIL = 'login', MESSAGE = 'you cannot disable your own login';
    END IF;
    EXECUTE format('ALTER ROLE %I NOLOGIN', p_login);
    UPDATE accounts SET active = false WHERE login = p_login;
    RETURN qlue_end_sessions(p_login);
END $$;


--
--

CREATE FUNCTION public.qlue_user_enable(p_login text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    PERFORM qlue_check_managed_login(p_login);
    EXECUTE format('ALTER ROLE %I LOGIN', p_login);
    UPDATE accounts SET active = true WHERE login = p_login;
END $$;


--
--

CREATE FUNCTION public.qlue_user_list() RETURNS TABLE(login text, role text, can_login boolean, handle text, display_name text, active boolean, kota_code text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
    SELECT u.rolname::text, qlue_role_of(u.rolname), u.rolcanlogin, a.handle, a.display_name, a.active, s.kota_code
      FROM pg_roles u
      LEFT JOIN accounts a ON a.login = u.rolname
      LEFT JOIN login_scopes s ON s.login = u.rolname
     WHERE NOT u.rolsuper
       AND u.rolname NOT LIKE 'qlue\_%'
       AND EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                    WHERE m.member = u.oid
                      AND g.rolname IN ('qlue_channel', 'qlue_operator', 'qlue_supervisor', 'qlue_analyst', 'qlue_admin'))
     ORDER BY u.rolname
$$;


--
--

CREATE FUNCTION public.qlue_user_set_role(p_login text, p_role text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    v_group text := qlue_group_of(p_role);
BEGIN
    PERFORM qlue_check_managed_login(p_login);
    IF p_login = session_user THEN
        RAISE EXCEPTION USING ERRCODE = '22023', DETAIL = 'login', MESSAGE = 'you cannot change your own role';
    END IF;
    PERFORM qlue_grant_group(p_login, v_group);
    UPDATE accounts SET kind = substr(v_group, 6)
     WHERE login = p_login AND kind IN ('operator', 'supervisor', 'analyst', 'admin') AND v_group <> 'qlue_channel';
END $$;


--
--

CREATE FUNCTION public.qlue_user_set_scope(p_login text, p_kota_code text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    v_role text := qlue_check_managed_login(p_login);
BEGIN
    IF p_kota_code IS NULL THEN
        DELETE FROM login_scopes WHERE login = p_login;
        PERFORM qlue_revoke_groups(p_login, ARRAY['qlue_kota_scoped']);
    ELSE
        PERFORM qlue_check_kota(p_kota_code);
        INSERT INTO login_scopes (login, kota_code) VALUES (p_login, p_kota_code)
        ON CONFLICT (login) DO UPDATE SET kota_code = EXCLUDED.kota_code, set_by = session_user, set_at = now();
        -- re-grant the group WITH SET FALSE: SET ROLE must not shed the scope
        PERFORM qlue_grant_group(p_login, 'qlue_' || v_role);
        PERFORM qlue_grant_one(p_login, 'qlue_kota_scoped');
    END IF;
    PERFORM qlue_end_sessions(p_login);
END $$;


--
--

CREATE FUNCTION public.qlue_verify_actor() RETURNS text
    LANGUAGE sql STABLE
    AS $$
    SELECT coalesce((SELECT handle FROM accounts WHERE login = session_user), session_user::text)
$$;


--
--

CREATE FUNCTION public.qlue_verify_is_supervisor() RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
    SELECT pg_has_role(session_user, 'qlue_supervisor', 'MEMBER')
        OR coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false)
$$;


--
--

CREATE FUNCTION public.qlue_whoami() RETURNS TABLE(login text, role text, handle text, display_name text, limited boolean, kota_code text, kota_name text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
    SELECT session_user::text,
           CASE
               WHEN pg_has_role(session_user, 'qlue_admin', 'USAGE') THEN 'admin'
               WHEN pg_has_role(session_user, 'qlue_supervisor', 'USAGE') THEN 'supervisor'
               WHEN pg_has_role(session_user, 'qlue_operator', 'USAGE') THEN 'operator'
               WHEN pg_has_role(session_user, 'qlue_analyst', 'USAGE') THEN 'analyst'
               WHEN pg_has_role(session_user, 'qlue_channel', 'USAGE') THEN 'channel'
           END,
           acc.handle, acc.display_name, sc.kota IS NOT NULL, nullif(sc.kota, ''), k.name
      FROM (SELECT qlue_scope_kota() AS kota) sc
      LEFT JOIN accounts acc ON acc.login = session_user
      LEFT JOIN areas k ON k.code = sc.kota
$$;


--
--

CREATE FUNCTION public.reject_report(p_report bigint, p_version integer, p_reason text, p_note text DEFAULT NULL::text) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE v reports%ROWTYPE;
BEGIN
    v := qlue_lock_for_action(p_report, p_version);
    IF p_reason IS NULL OR p_reason NOT IN ('spam', 'out_of_scope', 'incomplete', 'outside_dki', 'other') THEN
        PERFORM qlue_fail('reason', 'the reason is spam, out_of_scope, incomplete, outside_dki or other');
    END IF;
    IF p_reason = 'other' AND coalesce(btrim(p_note), '') = '' THEN
        PERFORM qlue_fail('note', 'say why: a note is required with "other"');
    END IF;
    IF v.status IN ('verified', 'rejected', 'duplicate') THEN
        PERFORM qlue_fail('report', format('report %s is already closed (%s)', p_report, v.status));
    END IF;
    UPDATE reports SET status = 'rejected', reject_reason = p_reason, closed_at = now(),
                       triaged_at = coalesce(triaged_at, now()), claimed_by = NULL, claim_expires_at = NULL
     WHERE id = p_report;
    UPDATE mentions SET state = 'closed' WHERE report_id = p_report AND state = 'open';
    RETURN qlue_touch(p_report, 'rejected', jsonb_build_object('reason', p_reason, 'note', p_note));
END $$;


--
--

CREATE FUNCTION public.release_claim(p_report bigint) RETURNS void
    LANGUAGE plpgsql
    AS $$
DECLARE v reports%ROWTYPE;
BEGIN
    SELECT * INTO v FROM reports WHERE id = p_report FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM qlue_fail('report', format('unknown report %s', p_report));
    END IF;
    IF v.claimed_by IS NULL THEN
        RETURN;
    END IF;
    IF v.claimed_by <> session_user AND v.claim_expires_at > now() AND NOT qlue_is_supervisor() THEN
        RAISE EXCEPTION USING ERRCODE = '42501',
            MESSAGE = format('only a supervisor can break the claim of %s on report %s', v.claimed_by, p_report);
    END IF;
    UPDATE reports SET claimed_by = NULL, claim_expires_at = NULL WHERE id = p_report;
    INSERT INTO events (report_id, actor, kind, payload)
    VALUES (p_report, qlue_actor(), 'released',
            jsonb_build_object('holder', v.claimed_by, 'broken', v.claimed_by <> session_user));
END $$;


--
--

CREATE FUNCTION public.reopen_report(p_report_id bigint, p_citizen text, p_text text, p_photo bytea DEFAULT NULL::bytea, p_photo_meta jsonb DEFAULT NULL::jsonb) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    v_report reports%ROWTYPE;
    v_category categories%ROWTYPE;
    v_event bigint;
    v_photo bigint;
    v_due timestamptz;
BEGIN
    IF coalesce(btrim(p_text), '') = '' THEN
        PERFORM qlue_fail('text', 'say what was not handled right: the text is required');
    END IF;
    SELECT * INTO v_report FROM reports WHERE id = p_report_id FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM qlue_fail('report', format('unknown report %s', coalesce(p_report_id::text, 'NULL')));
    END IF;
    IF NOT (btrim(coalesce(p_citizen, '')) = ANY (v_report.followers)) THEN
        PERFORM qlue_fail('citizen', format('only a citizen who reported or follows report %s can reopen it', p_report_id));
    END IF;
    IF v_report.status NOT IN ('followed_up', 'verified') THEN
        PERFORM qlue_fail('report', format('report %s is %s: only a followed-up or finished report can be reopened', p_report_id, v_report.status));
    END IF;
    IF p_photo IS NOT NULL AND NOT qlue_is_image(p_photo) THEN
        PERFORM qlue_fail('photo', 'the photo is not an image (JPEG, PNG, WebP or HEIC)');
    END IF;
    SELECT * INTO v_category FROM categories WHERE code = v_report.category_code;
    v_due := qlue_due_at(now(), v_category.sla_hours, v_category.sla_mode);

    IF p_photo IS NOT NULL THEN
        v_photo := qlue_store_photo(p_report_id, 'report', p_photo, p_photo_meta);
    END IF;
    UPDATE reports SET status = 'reopened', closed_at = NULL, updated_at = now(),
                       due_at = v_due, version = version + 1
     WHERE id = p_report_id;
    INSERT INTO events (report_id, actor, kind, payload)
    VALUES (p_report_id, 'citizen:' || btrim(p_citizen), 'reopened',
            jsonb_build_object('text', p_text, 'photo', v_photo, 'by', 'citizen'))
    RETURNING id INTO v_event;
    INSERT INTO mentions (report_id, account_id, event_id, due_at)
    SELECT DISTINCT p_report_id, m.account_id, v_event, v_due
      FROM mentions m
     WHERE m.report_id = p_report_id
       AND m.mentioned_at = (SELECT max(mentioned_at) FROM mentions WHERE report_id = p_report_id)
       AND NOT EXISTS (SELECT 1 FROM mentions o WHERE o.report_id = p_report_id
                          AND o.account_id = m.account_id AND o.state = 'open');
    RETURN v_event;
END $$;


--
--

CREATE FUNCTION public.set_holiday(p_day date, p_name_id text, p_name_en text) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF p_day IS NULL THEN
        PERFORM qlue_fail('day', 'the date is required');
    END IF;
    IF coalesce(btrim(p_name_id), '') = '' OR coalesce(btrim(p_name_en), '') = '' THEN
        PERFORM qlue_fail('name', 'the holiday needs a name in Indonesian and in English');
    END IF;
    INSERT INTO holidays (day, name_id, name_en) VALUES (p_day, btrim(p_name_id), btrim(p_name_en))
    ON CONFLICT (day) DO UPDATE SET name_id = EXCLUDED.name_id, name_en = EXCLUDED.name_en;
END $$;


--
--

CREATE FUNCTION public.set_report_category(p_report bigint, p_version integer, p_category text) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE v reports%ROWTYPE;
BEGIN
    v := qlue_lock_for_action(p_report, p_version);
    IF NOT EXISTS (SELECT 1 FROM categories WHERE code = p_category AND active) THEN
        PERFORM qlue_fail('category', format('unknown category %L', p_category));
    END IF;
    UPDATE reports SET category_code = p_category WHERE id = p_report;
    RETURN qlue_touch(p_report, 'categorised', jsonb_build_object('from', v.category_code, 'to', p_category));
END $$;


--
--

CREATE FUNCTION public.set_report_priority(p_report bigint, p_version integer, p_priority integer) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE v reports%ROWTYPE;
BEGIN
    v := qlue_lock_for_action(p_report, p_version);
    IF p_priority IS NULL OR p_priority NOT BETWEEN 0 AND 3 THEN
        PERFORM qlue_fail('priority', 'priority is 0 (low) to 3 (urgent)');
    END IF;
    UPDATE reports SET priority = p_priority WHERE id = p_report;
    RETURN qlue_touch(p_report, 'prioritised', jsonb_build_object('from', v.priority, 'to', p_priority));
END $$;


--
--

CREATE FUNCTION public.set_routing_rule(p_category text, p_area_level text, p_account_kind text, p_position integer DEFAULT 0) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE v_id integer;
BEGIN
    IF p_category IS NOT NULL AND NOT EXISTS (SELECT 1 FROM categories WHERE code = p_category) THEN
        PERFORM qlue_fail('category', format('unknown category %L', p_category));
    END IF;
    IF p_area_level IS NULL OR p_area_level NOT IN ('kelurahan', 'kecamatan', 'kota', 'agency') THEN
        PERFORM qlue_fail('area_level', 'the area level is kelurahan, kecamatan, kota or agency');
    END IF;
    IF p_account_kind IS NULL OR p_account_kind NOT IN ('lurah', 'camat', 'walikota', 'agency', 'field_officer', 'external') THEN
        PERFORM qlue_fail('account_kind', 'the account kind is lurah, camat, walikota, agency, field_officer or external');
    END IF;
    IF p_position IS NULL OR p_position NOT BETWEEN 0 AND 99 THEN
        PERFORM qlue_fail('position', 'the position is 0 to 99');
    END IF;
    UPDATE routing_rules SET position = p_position
     WHERE category_code IS NOT DISTINCT FROM p_category AND area_level = p_area_level AND account_kind = p_account_kind
    RETURNING id INTO v_id;
    IF v_id IS NULL THEN
        INSERT INTO routing_rules (category_code, area_level, account_kind, position)
        VALUES (p_category, p_area_level, p_account_kind, p_position)
        RETURNING id INTO v_id;
    END IF;
    RETURN v_id;
END $$;


--
--

CREATE FUNCTION public.submit_follow_up(p_report_id bigint, p_official text, p_note text, p_photo bytea, p_photo_meta jsonb DEFAULT NULL::jsonb, p_external_id text DEFAULT NULL::text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    v_account accounts%ROWTYPE;
    v_report reports%ROWTYPE;
    v_id bigint;
    v_photo bigint;
BEGIN
    SELECT * INTO v_account FROM accounts WHERE lower(handle) = lower(ltrim(p_official, '@'));
    IF NOT FOUND THEN
        PERFORM qlue_fail('official', format('unknown official %L', p_official));
    END IF;
    IF NOT v_account.active THEN
        PERFORM qlue_fail('official', format('official @%s is not active', v_account.handle));
    END IF;
    IF p_external_id IS NOT NULL THEN
        SELECT id INTO v_id FROM follow_ups WHERE account_id = v_account.id AND external_id = p_external_id;
        IF FOUND THEN
            RETURN v_id;
        END IF;
    END IF;
    SELECT * INTO v_report FROM reports WHERE id = p_report_id FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM qlue_fail('report', format('unknown report %s', coalesce(p_report_id::text, 'NULL')));
    END IF;
    IF v_report.status IN ('rejected', 'duplicate', 'verified') THEN
        PERFORM qlue_fail('report', format('report %s is closed (%s)', p_report_id, v_report.status));
    END IF;
    IF p_photo IS NULL THEN
        PERFORM qlue_fail('photo', 'a follow-up needs a proof photo');
    END IF;
    IF NOT qlue_is_image(p_photo) THEN
        PERFORM qlue_fail('photo', 'the proof photo is not an image (JPEG, PNG, WebP or HEIC)');
    END IF;
    IF length(coalesce(p_note, '')) > 5000 THEN
        PERFORM qlue_fail('note', 'the note is longer than 5000 characters');
    END IF;

    INSERT INTO follow_ups (report_id, account_id, external_id, note)
    VALUES (p_report_id, v_account.id, p_external_id, coalesce(p_note, ''))
    RETURNING id INTO v_id;
    v_photo := qlue_store_photo(p_report_id, 'proof', p_photo, p_photo_meta);
    UPDATE photos SET follow_up_id = v_id WHERE id = v_photo;
    UPDATE follow_ups SET photo_id = v_photo WHERE id = v_id;

    UPDATE mentions SET state = 'resolved', resolved_at = now()
     WHERE report_id = p_report_id AND account_id = v_account.id AND state = 'open';
    UPDATE reports SET status = 'followed_up', followed_up_at = now(), updated_at = now(),
                       version = version + 1
     WHERE id = p_report_id;
    INSERT INTO events (report_id, actor, kind, payload)
    VALUES (p_report_id, v_account.handle, 'follow_up',
            jsonb_build_object('follow_up', v_id, 'photo', v_photo, 'official', v_account.handle,
                               'note', coalesce(p_note, '')));
    RETURN v_id;
END $$;


--
--

CREATE FUNCTION public.submit_report(p_channel text, p_external_id text, p_citizen text, p_text text, p_category text, p_lat double precision, p_lon double precision, p_photo bytea DEFAULT NULL::bytea, p_photo_meta jsonb DEFAULT NULL::jsonb, p_reported_at timestamp with time zone DEFAULT NULL::timestamp with time zone) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
DECLARE
    v_id bigint;
    v_kel text;
    v_kec text;
    v_kota text;
BEGIN
    IF p_channel IS NULL OR p_channel NOT IN ('app', 'web', 'sms', 'social', 'call_center') THEN
        PERFORM qlue_fail('channel', format('unknown channel %L (app, web, sms, social or call_center)', p_channel));
    END IF;
    IF coalesce(btrim(p_external_id), '') = '' THEN
        PERFORM qlue_fail('external_id', 'the channel''s external_id is required');
    END IF;
    IF coalesce(btrim(p_citizen), '') = '' THEN
        PERFORM qlue_fail('citizen', 'the citizen handle is required');
    END IF;
    IF coalesce(btrim(p_text), '') = '' THEN
        PERFORM qlue_fail('text', 'the report text is required');
    END IF;
    IF length(p_text) > 5000 THEN
        PERFORM qlue_fail('text', 'the report text is longer than 5000 characters');
    END IF;
    IF p_lat IS NULL OR p_lat = 'NaN' OR p_lat NOT BETWEEN -90 AND 90 THEN
        PERFORM qlue_fail('lat', format('latitude %s is not a number between -90 and 90', coalesce(p_lat::text, 'NULL')));
    END IF;
    IF p_lon IS NULL OR p_lon = 'NaN' OR p_lon NOT BETWEEN -180 AND 180 THEN
        PERFORM qlue_fail('lon', format('longitude %s is not a number between -180 and 180', coalesce(p_lon::text, 'NULL')));
    END IF;

    SELECT id INTO v_id FROM reports WHERE channel = p_channel AND external_id = p_external_id;
    IF FOUND THEN
        RETURN v_id;
    END IF;

    IF NOT EXISTS (SELECT 1 FROM categories WHERE code = p_category AND active) THEN
        PERFORM qlue_fail('category', format('unknown category %L', p_category));
    END IF;
    IF p_photo IS NOT NULL AND NOT qlue_is_image(p_photo) THEN
        PERFORM qlue_fail('photo', 'the photo is not an image (JPEG, PNG, WebP or HEIC)');
    END IF;

    v_kel := qlue_resolve_kelurahan(p_lat, p_lon);
    IF v_kel IS NOT NULL THEN
        SELECT kec.code, kec.parent_code INTO v_kec, v_kota
          FROM areas kel JOIN areas kec ON kec.code = kel.parent_code WHERE kel.code = v_kel;
    END IF;

    INSERT INTO reports (channel, external_id, citizen_handle, text, category_code, lat, lon,
                         kelurahan_code, kecamatan_code, kota_code, outside_jurisdiction,
                         reported_at, followers)
    VALUES (p_channel, p_external_id, btrim(p_citizen), p_text, p_category, p_lat, p_lon,
            v_kel, v_kec, v_kota, v_kel IS NULL, coalesce(p_reported_at, now()),
            ARRAY[btrim(p_citizen)])
    ON CONFLICT (channel, external_id) DO NOTHING
    RETURNING id INTO v_id;
    IF v_id IS NULL THEN   -- the same report arrived concurrently
        SELECT id INTO v_id FROM reports WHERE channel = p_channel AND external_id = p_external_id;
        RETURN v_id;
    END IF;

    IF p_photo IS NOT NULL THEN
        PERFORM qlue_store_photo(v_id, 'report', p_photo, p_photo_meta);
    END IF;
    INSERT INTO events (report_id, actor, kind, payload)
    VALUES (v_id, p_channel || ':' || btrim(p_citizen), 'created',
            jsonb_build_object('channel', p_channel, 'kelurahan', v_kel,
                               'outside_jurisdiction', v_kel IS NULL));
    RETURN v_id;
END $$;


--
--

CREATE SEQUENCE public.accounts_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
--

ALTER SEQUENCE public.accounts_id_seq OWNED BY public.accounts.id;


--
--

CREATE TABLE public.agencies (
    code text NOT NULL,
    name text NOT NULL,
    short_name text NOT NULL
);


--
--

CREATE TABLE public.alembic_version (
    version_num character varying(32) NOT NULL
);


--
--

CREATE TABLE public.area_parts (
    id integer NOT NULL,
    area_code text NOT NULL,
    shape polygon NOT NULL
);


--
--

CREATE SEQUENCE public.area_parts_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
--

ALTER SEQUENCE public.area_parts_id_seq OWNED BY public.area_parts.id;


--
--

CREATE TABLE public.areas (
    code text NOT NULL,
    level text NOT NULL,
    name text NOT NULL,
    parent_code text,
    bps_code text,
    centroid_lat double precision,
    centroid_lon double precision,
    boundary jsonb,
    CONSTRAINT areas_level_check CHECK ((level = ANY (ARRAY['provinsi'::text, 'kota'::text, 'kecamatan'::text, 'kelurahan'::text])))
);


--
--

CREATE TABLE public.categories (
    code text NOT NULL,
    name_id text NOT NULL,
    name_en text NOT NULL,
    agency_code text,
    sla_hours integer NOT NULL,
    sla_mode text DEFAULT 'calendar'::text NOT NULL,
    weight real DEFAULT 1 NOT NULL,
    active boolean DEFAULT true NOT NULL,
    CONSTRAINT categories_sla_hours_check CHECK ((sla_hours > 0)),
    CONSTRAINT categories_sla_mode_check CHECK ((sla_mode = ANY (ARRAY['calendar'::text, 'working'::text]))),
    CONSTRAINT categories_weight_check CHECK ((weight > (0)::double precision))
);


--
--

CREATE TABLE public.events (
    id bigint NOT NULL,
    report_id bigint NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL,
    actor text NOT NULL,
    actor_login text DEFAULT SESSION_USER NOT NULL,
    kind text NOT NULL,
    payload jsonb DEFAULT '{}'::jsonb NOT NULL,
    CONSTRAINT events_kind_check CHECK ((kind = ANY (ARRAY['created'::text, 'triaged'::text, 'claimed'::text, 'released'::text, 'categorised'::text, 'prioritised'::text, 'dispatched'::text, 'mentioned'::text, 'forwarded'::text, 'escalated'::text, 'comment'::text, 'follow_up'::text, 'proof_approved'::text, 'proof_rejected'::text, 'reopened'::text, 'merged'::text, 'rejected'::text, 'closed'::text])))
);


--
--

CREATE SEQUENCE public.events_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
--

ALTER SEQUENCE public.events_id_seq OWNED BY public.events.id;


--
--

CREATE TABLE public.follow_ups (
    id bigint NOT NULL,
    report_id bigint NOT NULL,
    account_id integer NOT NULL,
    external_id text,
    note text DEFAULT ''::text NOT NULL,
    photo_id bigint,
    submitted_at timestamp with time zone DEFAULT now() NOT NULL,
    verification text DEFAULT 'pending'::text NOT NULL,
    verifier text,
    verified_at timestamp with time zone,
    reason text,
    reason_note text,
    checks jsonb,
    risk real,
    CONSTRAINT follow_ups_verification_check CHECK ((verification = ANY (ARRAY['pending'::text, 'approved'::text, 'rejected'::text])))
);


--
--

CREATE SEQUENCE public.follow_ups_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
--

ALTER SEQUENCE public.follow_ups_id_seq OWNED BY public.follow_ups.id;


--
--

CREATE TABLE public.holidays (
    day date NOT NULL,
    name_id text NOT NULL,
    name_en text NOT NULL
);


--
--

CREATE TABLE public.kpi_proof_facts (
    event_id bigint NOT NULL,
    report_id bigint NOT NULL,
    at timestamp with time zone NOT NULL,
    reused boolean NOT NULL
);


--
--

CREATE TABLE public.kpi_report_facts (
    report_id bigint NOT NULL,
    created_at timestamp with time zone,
    first_triage_at timestamp with time zone,
    first_dispatch_at timestamp with time zone,
    first_follow_up_at timestamp with time zone,
    category_code text,
    kelurahan_code text,
    kecamatan_code text,
    kota_code text,
    second_forward_at timestamp with time zone,
    first_dispatch_due_at timestamp with time zone,
    mention_accounts integer[] DEFAULT '{}'::integer[] NOT NULL,
    mention_first_at timestamp with time zone[] DEFAULT '{}'::timestamp with time zone[] NOT NULL
);


--
--

CREATE TABLE public.kpi_state_spans (
    report_id bigint NOT NULL,
    event_id bigint NOT NULL,
    state text NOT NULL,
    from_at timestamp with time zone NOT NULL,
    to_at timestamp with time zone
);


--
--

CREATE TABLE public.login_scopes (
    login text NOT NULL,
    kota_code text NOT NULL,
    set_by text DEFAULT SESSION_USER NOT NULL,
    set_at timestamp with time zone DEFAULT now() NOT NULL
);


--
--

CREATE TABLE public.mentions (
    id bigint NOT NULL,
    report_id bigint NOT NULL,
    account_id integer NOT NULL,
    event_id bigint,
    mentioned_at timestamp with time zone DEFAULT now() NOT NULL,
    due_at timestamp with time zone NOT NULL,
    acknowledged_at timestamp with time zone,
    resolved_at timestamp with time zone,
    state text DEFAULT 'open'::text NOT NULL,
    CONSTRAINT mentions_state_check CHECK ((state = ANY (ARRAY['open'::text, 'resolved'::text, 'forwarded'::text, 'escalated'::text, 'closed'::text])))
);


--
--

CREATE SEQUENCE public.mentions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
--

ALTER SEQUENCE public.mentions_id_seq OWNED BY public.mentions.id;


--
--

CREATE TABLE public.photos (
    id bigint NOT NULL,
    report_id bigint,
    follow_up_id bigint,
    kind text NOT NULL,
    data bytea,
    url text,
    mime text,
    sha256 text,
    phash bigint,
    phash_b0 integer GENERATED ALWAYS AS ((((phash >> 48) & (65535)::bigint))::integer) STORED,
    phash_b1 integer GENERATED ALWAYS AS ((((phash >> 32) & (65535)::bigint))::integer) STORED,
    phash_b2 integer GENERATED ALWAYS AS ((((phash >> 16) & (65535)::bigint))::integer) STORED,
    phash_b3 integer GENERATED ALWAYS AS (((phash & (65535)::bigint))::integer) STORED,
    width integer,
    height integer,
    exif jsonb,
    taken_at timestamp with time zone,
    gps_lat double precision,
    gps_lon double precision,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT photos_kind_check CHECK ((kind = ANY (ARRAY['report'::text, 'proof'::text])))
);


--
--

CREATE SEQUENCE public.photos_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
--

ALTER SEQUENCE public.photos_id_seq OWNED BY public.photos.id;


--
--

CREATE SEQUENCE public.reports_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
--

ALTER SEQUENCE public.reports_id_seq OWNED BY public.reports.id;


--
--

CREATE TABLE public.routing_rules (
    id integer NOT NULL,
    category_code text,
    area_level text NOT NULL,
    account_kind text NOT NULL,
    "position" smallint DEFAULT 0 NOT NULL,
    CONSTRAINT routing_rules_account_kind_check CHECK ((account_kind = ANY (ARRAY['lurah'::text, 'camat'::text, 'walikota'::text, 'agency'::text, 'field_officer'::text, 'operator'::text, 'supervisor'::text, 'analyst'::text, 'external'::text, 'admin'::text]))),
    CONSTRAINT routing_rules_area_level_check CHECK ((area_level = ANY (ARRAY['kelurahan'::text, 'kecamatan'::text, 'kota'::text, 'agency'::text])))
);


--
--

CREATE SEQUENCE public.routing_rules_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
--

ALTER SEQUENCE public.routing_rules_id_seq OWNED BY public.routing_rules.id;


--
--

CREATE TABLE public.saved_views (
    id integer NOT NULL,
    name text NOT NULL,
    owner text DEFAULT SESSION_USER NOT NULL,
    shared boolean DEFAULT false NOT NULL,
    filter jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT saved_views_name_check CHECK (((length(btrim(name)) >= 1) AND (length(btrim(name)) <= 120)))
);


--
--

CREATE SEQUENCE public.saved_views_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
--

ALTER SEQUENCE public.saved_views_id_seq OWNED BY public.saved_views.id;


--
--

ALTER TABLE ONLY public.accounts ALTER COLUMN id SET DEFAULT nextval('public.accounts_id_seq'::regclass);


--
--

ALTER TABLE ONLY public.area_parts ALTER COLUMN id SET DEFAULT nextval('public.area_parts_id_seq'::regclass);


--
--

ALTER TABLE ONLY public.events ALTER COLUMN id SET DEFAULT nextval('public.events_id_seq'::regclass);


--
--

ALTER TABLE ONLY public.follow_ups ALTER COLUMN id SET DEFAULT nextval('public.follow_ups_id_seq'::regclass);


--
--

ALTER TABLE ONLY public.mentions ALTER COLUMN id SET DEFAULT nextval('public.mentions_id_seq'::regclass);


--
--

ALTER TABLE ONLY public.photos ALTER COLUMN id SET DEFAULT nextval('public.photos_id_seq'::regclass);


--
--

ALTER TABLE ONLY public.reports ALTER COLUMN id SET DEFAULT nextval('public.reports_id_seq'::regclass);


--
--

ALTER TABLE ONLY public.routing_rules ALTER COLUMN id SET DEFAULT nextval('public.routing_rules_id_seq'::regclass);


--
--

ALTER TABLE ONLY public.saved_views ALTER COLUMN id SET DEFAULT nextval('public.saved_views_id_seq'::regclass);


--
--

ALTER TABLE ONLY public.accounts
    ADD CONSTRAINT accounts_login_key UNIQUE (login);


--
--

ALTER TABLE ONLY public.accounts
    ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);


--
--

ALTER TABLE ONLY public.agencies
    ADD CONSTRAINT agencies_pkey PRIMARY KEY (code);


--
--

ALTER TABLE ONLY public.alembic_version
    ADD CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num);


--
--

ALTER TABLE ONLY public.area_parts
    ADD CONSTRAINT area_parts_pkey PRIMARY KEY (id);


--
--

ALTER TABLE ONLY public.areas
    ADD CONSTRAINT areas_pkey PRIMARY KEY (code);


--
--

ALTER TABLE ONLY public.categories
    ADD CONSTRAINT categories_pkey PRIMARY KEY (code);


--
--

ALTER TABLE ONLY public.events
    ADD CONSTRAINT events_pkey PRIMARY KEY (id);


--
--

ALTER TABLE ONLY public.follow_ups
    ADD CONSTRAINT follow_ups_account_id_external_id_key UNIQUE (account_id, external_id);


--
--

ALTER TABLE ONLY public.follow_ups
    ADD CONSTRAINT follow_ups_pkey PRIMARY KEY (id);


--
--

ALTER TABLE ONLY public.holidays
    ADD CONSTRAINT holidays_pkey PRIMARY KEY (day);


--
--

ALTER TABLE ONLY public.kpi_proof_facts
    ADD CONSTRAINT kpi_proof_facts_pkey PRIMARY KEY (event_id);


--
--

ALTER TABLE ONLY public.kpi_report_facts
    ADD CONSTRAINT kpi_report_facts_pkey PRIMARY KEY (report_id);


--
--

ALTER TABLE ONLY public.kpi_state_spans
    ADD CONSTRAINT kpi_state_spans_pkey PRIMARY KEY (report_id, event_id);


--
--

ALTER TABLE ONLY public.login_scopes
    ADD CONSTRAINT login_scopes_pkey PRIMARY KEY (login);


--
--

ALTER TABLE ONLY public.mentions
    ADD CONSTRAINT mentions_pkey PRIMARY KEY (id);


--
--

ALTER TABLE ONLY public.photos
    ADD CONSTRAINT photos_pkey PRIMARY KEY (id);


--
--

ALTER TABLE ONLY public.reports
    ADD CONSTRAINT reports_channel_external_id_key UNIQUE (channel, external_id);


--
--

ALTER TABLE ONLY public.reports
    ADD CONSTRAINT reports_pkey PRIMARY KEY (id);


--
--

ALTER TABLE ONLY public.routing_rules
    ADD CONSTRAINT routing_rules_category_code_area_level_account_kind_key UNIQUE (category_code, area_level, account_kind);


--
--

ALTER TABLE ONLY public.routing_rules
    ADD CONSTRAINT routing_rules_pkey PRIMARY KEY (id);


--
--

ALTER TABLE ONLY public.saved_views
    ADD CONSTRAINT saved_views_owner_name_key UNIQUE (owner, name);


--
--

ALTER TABLE ONLY public.saved_views
    ADD CONSTRAINT saved_views_pkey PRIMARY KEY (id);


--
--

CREATE INDEX accounts_agency_idx ON public.accounts USING btree (agency_code, kind);


--
--

CREATE INDEX accounts_area_idx ON public.accounts USING btree (area_code, kind);


--
--

CREATE INDEX accounts_citizen_handles_idx ON public.accounts USING gin (citizen_handles);


--
--

CREATE UNIQUE INDEX accounts_handle_key ON public.accounts USING btree (lower(handle));


--
--

CREATE INDEX area_parts_shape_idx ON public.area_parts USING gist (shape);


--
--

CREATE INDEX areas_level_idx ON public.areas USING btree (level, name);


--
--

CREATE INDEX areas_parent_idx ON public.areas USING btree (parent_code);


--
--

CREATE INDEX events_at_idx ON public.events USING btree (at);


--
--

CREATE INDEX events_kind_at_idx ON public.events USING btree (kind, at);


--
--

CREATE INDEX events_report_idx ON public.events USING btree (report_id, id);


--
--

CREATE INDEX follow_ups_account_idx ON public.follow_ups USING btree (account_id, submitted_at);


--
--

CREATE INDEX follow_ups_pending_idx ON public.follow_ups USING btree (risk DESC NULLS LAST, submitted_at) WHERE (verification = 'pending'::text);


--
--

CREATE INDEX follow_ups_report_idx ON public.follow_ups USING btree (report_id);


--
--

CREATE INDEX follow_ups_verified_idx ON public.follow_ups USING btree (verified_at);


--
--

CREATE INDEX kpi_facts_created_idx ON public.kpi_report_facts USING btree (created_at);


--
--

CREATE INDEX kpi_mentions_live_idx ON public.mentions USING btree (resolved_at, mentioned_at) INCLUDE (report_id, account_id, due_at) WHERE (state <> 'closed'::text);


--
--

CREATE INDEX kpi_proof_facts_at_idx ON public.kpi_proof_facts USING btree (at) INCLUDE (report_id, reused);


--
--

CREATE INDEX kpi_spans_open_idx ON public.kpi_state_spans USING btree (to_at, from_at) INCLUDE (report_id, state) WHERE (state = ANY (ARRAY['new'::text, 'triaged'::text, 'dispatched'::text, 'coordination'::text, 'disposition'::text, 'followed_up'::text, 'reopened'::text]));


--
--

CREATE INDEX kpi_spans_report_at_idx ON public.kpi_state_spans USING btree (report_id, from_at DESC, event_id DESC) INCLUDE (state, to_at);


--
--

CREATE INDEX mentions_account_idx ON public.mentions USING btree (account_id, state, due_at);


--
--

CREATE INDEX mentions_due_idx ON public.mentions USING btree (due_at) WHERE (state = 'open'::text);


--
--

CREATE UNIQUE INDEX mentions_open_once_idx ON public.mentions USING btree (report_id, account_id) WHERE (state = 'open'::text);


--
--

CREATE INDEX mentions_report_idx ON public.mentions USING btree (report_id);


--
--

CREATE INDEX photos_b0_idx ON public.photos USING btree (phash_b0);


--
--

CREATE INDEX photos_b1_idx ON public.photos USING btree (phash_b1);


--
--

CREATE INDEX photos_b2_idx ON public.photos USING btree (phash_b2);


--
--

CREATE INDEX photos_b3_idx ON public.photos USING btree (phash_b3);


--
--

CREATE INDEX photos_proof_b0_idx ON public.photos USING btree (phash_b0) INCLUDE (id, report_id, phash) WHERE (kind = 'proof'::text);


--
--

CREATE INDEX photos_proof_b1_idx ON public.photos USING btree (phash_b1) INCLUDE (id, report_id, phash) WHERE (kind = 'proof'::text);


--
--

CREATE INDEX photos_proof_b2_idx ON public.photos USING btree (phash_b2) INCLUDE (id, report_id, phash) WHERE (kind = 'proof'::text);


--
--

CREATE INDEX photos_proof_b3_idx ON public.photos USING btree (phash_b3) INCLUDE (id, report_id, phash) WHERE (kind = 'proof'::text);


--
--

CREATE INDEX photos_proof_phash_idx ON public.photos USING btree (phash, created_at, id) INCLUDE (report_id) WHERE (kind = 'proof'::text);


--
--

CREATE INDEX photos_proof_sha256_idx ON public.photos USING btree (sha256, created_at, id) INCLUDE (report_id) WHERE (kind = 'proof'::text);


--
--

CREATE INDEX photos_report_idx ON public.photos USING btree (report_id, kind);


--
--

CREATE INDEX photos_sha256_idx ON public.photos USING btree (sha256);


--
--

CREATE INDEX reports_category_idx ON public.reports USING btree (category_code, created_at);


--
--

CREATE INDEX reports_channel_created_idx ON public.reports USING btree (channel, created_at DESC, id DESC);


--
--

CREATE INDEX reports_citizen_idx ON public.reports USING btree (citizen_handle, created_at);


--
--

CREATE INDEX reports_claim_idx ON public.reports USING btree (claimed_by) WHERE (claimed_by IS NOT NULL);


--
--

CREATE INDEX reports_created_idx ON public.reports USING btree (created_at DESC, id DESC);


--
--

CREATE INDEX reports_due_open_idx ON public.reports USING btree (due_at) WHERE (status <> ALL (ARRAY['verified'::text, 'rejected'::text, 'duplicate'::text]));


--
--

CREATE INDEX reports_kecamatan_idx ON public.reports USING btree (kecamatan_code, created_at);


--
--

CREATE INDEX reports_kelurahan_idx ON public.reports USING btree (kelurahan_code, created_at);


--
--

CREATE INDEX reports_kota_idx ON public.reports USING btree (kota_code, created_at);


--
--

CREATE INDEX reports_open_created_idx ON public.reports USING btree (created_at DESC, id DESC) WHERE (status = ANY (ARRAY['new'::text, 'triaged'::text, 'dispatched'::text, 'coordination'::text, 'disposition'::text, 'followed_up'::text, 'reopened'::text]));


--
--

CREATE INDEX reports_open_map_idx ON public.reports USING btree (id) INCLUDE (lat, lon, status, priority, due_at) WHERE (status <> ALL (ARRAY['verified'::text, 'rejected'::text, 'duplicate'::text]));


--
--

CREATE INDEX reports_open_priority_idx ON public.reports USING btree (priority DESC, created_at, id) WHERE (status = ANY (ARRAY['new'::text, 'triaged'::text, 'dispatched'::text, 'coordination'::text, 'disposition'::text, 'followed_up'::text, 'reopened'::text]));


--
--

CREATE INDEX reports_outside_idx ON public.reports USING btree (created_at DESC, id DESC) WHERE outside_jurisdiction;


--
--

CREATE INDEX reports_point_idx ON public.reports USING gist (point(lon, lat));


--
--

CREATE INDEX reports_queue_idx ON public.reports USING btree (status, priority DESC, created_at, id);


--
--

CREATE INDEX reports_status_created_idx ON public.reports USING btree (status, created_at DESC, id DESC);


--
--

CREATE INDEX reports_text_trgm_idx ON public.reports USING gin (text public.gin_trgm_ops);


--
--

CREATE TRIGGER events_kpi_delete AFTER DELETE ON public.events REFERENCING OLD TABLE AS kpi_old_events FOR EACH STATEMENT EXECUTE FUNCTION public.qlue_kpi_events_deleted();


--
--

CREATE TRIGGER events_kpi_insert AFTER INSERT ON public.events REFERENCING NEW TABLE AS kpi_new_events FOR EACH STATEMENT EXECUTE FUNCTION public.qlue_kpi_events_inserted();


--
--

CREATE TRIGGER events_kpi_proofs_delete AFTER DELETE ON public.events REFERENCING OLD TABLE AS kpi_old_events FOR EACH STATEMENT EXECUTE FUNCTION public.qlue_kpi_proof_events_changed();


--
--

CREATE TRIGGER events_kpi_proofs_insert AFTER INSERT ON public.events REFERENCING NEW TABLE AS kpi_new_events FOR EACH STATEMENT EXECUTE FUNCTION public.qlue_kpi_proof_events_inserted();


--
--

CREATE TRIGGER events_kpi_proofs_update AFTER UPDATE ON public.events REFERENCING OLD TABLE AS kpi_old_events NEW TABLE AS kpi_new_events FOR EACH STATEMENT EXECUTE FUNCTION public.qlue_kpi_proof_events_changed();


--
--

CREATE TRIGGER events_kpi_update AFTER UPDATE ON public.events REFERENCING OLD TABLE AS kpi_old_events NEW TABLE AS kpi_new_events FOR EACH STATEMENT EXECUTE FUNCTION public.qlue_kpi_events_updated();


--
--

CREATE TRIGGER events_notify AFTER INSERT ON public.events FOR EACH ROW EXECUTE FUNCTION public.qlue_events_notify();


--
--

CREATE TRIGGER events_stamp BEFORE INSERT ON public.events FOR EACH ROW EXECUTE FUNCTION public.qlue_events_stamp();


--
--

CREATE TRIGGER follow_ups_kpi_update AFTER UPDATE OF checks, photo_id ON public.follow_ups FOR EACH ROW WHEN (((old.checks IS DISTINCT FROM new.checks) OR (old.photo_id IS DISTINCT FROM new.photo_id))) EXECUTE FUNCTION public.qlue_kpi_follow_up_changed();


--
--

CREATE TRIGGER mentions_kpi_insert_delete AFTER INSERT OR DELETE ON public.mentions FOR EACH ROW EXECUTE FUNCTION public.qlue_kpi_mention_changed();


--
--

CREATE TRIGGER mentions_kpi_update AFTER UPDATE OF report_id, account_id, mentioned_at, due_at ON public.mentions FOR EACH ROW WHEN (((((old.report_id IS DISTINCT FROM new.report_id) OR (old.account_id IS DISTINCT FROM new.account_id)) OR (old.mentioned_at IS DISTINCT FROM new.mentioned_at)) OR (old.due_at IS DISTINCT FROM new.due_at))) EXECUTE FUNCTION public.qlue_kpi_mention_changed();


--
--

CREATE TRIGGER mentions_notify AFTER INSERT ON public.mentions FOR EACH ROW EXECUTE FUNCTION public.qlue_mentions_notify();


--
--

CREATE TRIGGER reports_kpi_codes AFTER UPDATE OF category_code, kelurahan_code, kecamatan_code, kota_code ON public.reports FOR EACH ROW WHEN (((((old.category_code IS DISTINCT FROM new.category_code) OR (old.kelurahan_code IS DISTINCT FROM new.kelurahan_code)) OR (old.kecamatan_code IS DISTINCT FROM new.kecamatan_code)) OR (old.kota_code IS DISTINCT FROM new.kota_code))) EXECUTE FUNCTION public.qlue_kpi_report_codes();


--
--

ALTER TABLE ONLY public.accounts
    ADD CONSTRAINT accounts_agency_code_fkey FOREIGN KEY (agency_code) REFERENCES public.agencies(code);


--
--

ALTER TABLE ONLY public.accounts
    ADD CONSTRAINT accounts_area_code_fkey FOREIGN KEY (area_code) REFERENCES public.areas(code);


--
--

ALTER TABLE ONLY public.area_parts
    ADD CONSTRAINT area_parts_area_code_fkey FOREIGN KEY (area_code) REFERENCES public.areas(code) ON DELETE CASCADE;


--
--

ALTER TABLE ONLY public.areas
    ADD CONSTRAINT areas_parent_code_fkey FOREIGN KEY (parent_code) REFERENCES public.areas(code);


--
--

ALTER TABLE ONLY public.categories
    ADD CONSTRAINT categories_agency_code_fkey FOREIGN KEY (agency_code) REFERENCES public.agencies(code);


--
--

ALTER TABLE ONLY public.events
    ADD CONSTRAINT events_report_id_fkey FOREIGN KEY (report_id) REFERENCES public.reports(id);


--
--

ALTER TABLE ONLY public.follow_ups
    ADD CONSTRAINT follow_ups_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts(id);


--
--

ALTER TABLE ONLY public.follow_ups
    ADD CONSTRAINT follow_ups_photo_id_fkey FOREIGN KEY (photo_id) REFERENCES public.photos(id);


--
--

ALTER TABLE ONLY public.follow_ups
    ADD CONSTRAINT follow_ups_report_id_fkey FOREIGN KEY (report_id) REFERENCES public.reports(id);


--
--

ALTER TABLE ONLY public.kpi_proof_facts
    ADD CONSTRAINT kpi_proof_facts_report_id_fkey FOREIGN KEY (report_id) REFERENCES public.reports(id) ON DELETE CASCADE;


--
--

ALTER TABLE ONLY public.kpi_report_facts
    ADD CONSTRAINT kpi_report_facts_report_id_fkey FOREIGN KEY (report_id) REFERENCES public.reports(id) ON DELETE CASCADE;


--
--

ALTER TABLE ONLY public.kpi_state_spans
    ADD CONSTRAINT kpi_state_spans_report_id_fkey FOREIGN KEY (report_id) REFERENCES public.reports(id) ON DELETE CASCADE;


--
--

ALTER TABLE ONLY public.login_scopes
    ADD CONSTRAINT login_scopes_kota_code_fkey FOREIGN KEY (kota_code) REFERENCES public.areas(code);


--
--

ALTER TABLE ONLY public.mentions
    ADD CONSTRAINT mentions_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts(id);


--
--

ALTER TABLE ONLY public.mentions
    ADD CONSTRAINT mentions_event_id_fkey FOREIGN KEY (event_id) REFERENCES public.events(id);


--
--

ALTER TABLE ONLY public.mentions
    ADD CONSTRAINT mentions_report_id_fkey FOREIGN KEY (report_id) REFERENCES public.reports(id);


--
--

ALTER TABLE ONLY public.photos
    ADD CONSTRAINT photos_follow_up_fk FOREIGN KEY (follow_up_id) REFERENCES public.follow_ups(id) ON DELETE CASCADE;


--
--

ALTER TABLE ONLY public.photos
    ADD CONSTRAINT photos_report_id_fkey FOREIGN KEY (report_id) REFERENCES public.reports(id) ON DELETE CASCADE;


--
--

ALTER TABLE ONLY public.reports
    ADD CONSTRAINT reports_category_code_fkey FOREIGN KEY (category_code) REFERENCES public.categories(code);


--
--

ALTER TABLE ONLY public.reports
    ADD CONSTRAINT reports_duplicate_of_fkey FOREIGN KEY (duplicate_of) REFERENCES public.reports(id);


--
--

ALTER TABLE ONLY public.reports
    ADD CONSTRAINT reports_kecamatan_code_fkey FOREIGN KEY (kecamatan_code) REFERENCES public.areas(code);


--
--

ALTER TABLE ONLY public.reports
    ADD CONSTRAINT reports_kelurahan_code_fkey FOREIGN KEY (kelurahan_code) REFERENCES public.areas(code);


--
--

ALTER TABLE ONLY public.reports
    ADD CONSTRAINT reports_kota_code_fkey FOREIGN KEY (kota_code) REFERENCES public.areas(code);


--
--

ALTER TABLE ONLY public.routing_rules
    ADD CONSTRAINT routing_rules_category_code_fkey FOREIGN KEY (category_code) REFERENCES public.categories(code) ON DELETE CASCADE;


--
--

ALTER TABLE public.events ENABLE ROW LEVEL SECURITY;

--
--

CREATE POLICY events_all ON public.events USING (true) WITH CHECK (true);


--
--

CREATE POLICY events_kota ON public.events AS RESTRICTIVE TO qlue_kota_scoped USING ((EXISTS ( SELECT 1
   FROM public.reports r
  WHERE ((r.id = events.report_id) AND (r.kota_code = ( SELECT public.qlue_scope_kota() AS qlue_scope_kota)))))) WITH CHECK ((EXISTS ( SELECT 1
   FROM public.reports r
  WHERE ((r.id = events.report_id) AND (r.kota_code = ( SELECT public.qlue_scope_kota() AS qlue_scope_kota))))));


--
--

ALTER TABLE public.follow_ups ENABLE ROW LEVEL SECURITY;

--
--

CREATE POLICY follow_ups_all ON public.follow_ups USING (true) WITH CHECK (true);


--
--

CREATE POLICY follow_ups_kota ON public.follow_ups AS RESTRICTIVE TO qlue_kota_scoped USING ((EXISTS ( SELECT 1
   FROM public.reports r
  WHERE ((r.id = follow_ups.report_id) AND (r.kota_code = ( SELECT public.qlue_scope_kota() AS qlue_scope_kota)))))) WITH CHECK ((EXISTS ( SELECT 1
   FROM public.reports r
  WHERE ((r.id = follow_ups.report_id) AND (r.kota_code = ( SELECT public.qlue_scope_kota() AS qlue_scope_kota))))));


--
--

CREATE POLICY kpi_facts_visible ON public.kpi_report_facts FOR SELECT USING (((( SELECT public.qlue_scope_kota() AS qlue_scope_kota) IS NULL) OR (kota_code = ( SELECT public.qlue_scope_kota() AS qlue_scope_kota))));


--
--

ALTER TABLE public.kpi_proof_facts ENABLE ROW LEVEL SECURITY;

--
--

CREATE POLICY kpi_proofs_visible ON public.kpi_proof_facts FOR SELECT USING (((( SELECT public.qlue_scope_kota() AS qlue_scope_kota) IS NULL) OR (EXISTS ( SELECT 1
   FROM public.reports r
  WHERE (r.id = kpi_proof_facts.report_id)))));


--
--

ALTER TABLE public.kpi_report_facts ENABLE ROW LEVEL SECURITY;

--
--

CREATE POLICY kpi_spans_visible ON public.kpi_state_spans FOR SELECT USING (((( SELECT public.qlue_scope_kota() AS qlue_scope_kota) IS NULL) OR (EXISTS ( SELECT 1
   FROM public.reports r
  WHERE (r.id = kpi_state_spans.report_id)))));


--
--

ALTER TABLE public.kpi_state_spans ENABLE ROW LEVEL SECURITY;

--
--

ALTER TABLE public.mentions ENABLE ROW LEVEL SECURITY;

--
--

CREATE POLICY mentions_all ON public.mentions USING (true) WITH CHECK (true);


--
--

CREATE POLICY mentions_kota ON public.mentions AS RESTRICTIVE TO qlue_kota_scoped USING ((EXISTS ( SELECT 1
   FROM public.reports r
  WHERE ((r.id = mentions.report_id) AND (r.kota_code = ( SELECT public.qlue_scope_kota() AS qlue_scope_kota)))))) WITH CHECK ((EXISTS ( SELECT 1
   FROM public.reports r
  WHERE ((r.id = mentions.report_id) AND (r.kota_code = ( SELECT public.qlue_scope_kota() AS qlue_scope_kota))))));


--
--

ALTER TABLE public.photos ENABLE ROW LEVEL SECURITY;

--
--

CREATE POLICY photos_all ON public.photos USING (true) WITH CHECK (true);


--
--

CREATE POLICY photos_kota ON public.photos AS RESTRICTIVE TO qlue_kota_scoped USING ((EXISTS ( SELECT 1
   FROM public.reports r
  WHERE ((r.id = photos.report_id) AND (r.kota_code = ( SELECT public.qlue_scope_kota() AS qlue_scope_kota)))))) WITH CHECK ((EXISTS ( SELECT 1
   FROM public.reports r
  WHERE ((r.id = photos.report_id) AND (r.kota_code = ( SELECT public.qlue_scope_kota() AS qlue_scope_kota))))));


--
--

ALTER TABLE public.reports ENABLE ROW LEVEL SECURITY;

--
--

CREATE POLICY reports_all ON public.reports USING (true) WITH CHECK (true);


--
--

CREATE POLICY reports_kota ON public.reports AS RESTRICTIVE TO qlue_kota_scoped USING ((kota_code = ( SELECT public.qlue_scope_kota() AS qlue_scope_kota))) WITH CHECK ((kota_code = ( SELECT public.qlue_scope_kota() AS qlue_scope_kota)));


--
--

ALTER TABLE public.saved_views ENABLE ROW LEVEL SECURITY;

--
--

CREATE POLICY saved_views_change ON public.saved_views FOR UPDATE USING ((owner = SESSION_USER)) WITH CHECK ((owner = SESSION_USER));


--
--

CREATE POLICY saved_views_delete ON public.saved_views FOR DELETE USING ((owner = SESSION_USER));


--
--

CREATE POLICY saved_views_insert ON public.saved_views FOR INSERT WITH CHECK ((owner = SESSION_USER));


--
--

CREATE POLICY saved_views_read ON public.saved_views FOR SELECT USING ((shared OR (owner = SESSION_USER)));


--
--

GRANT USAGE ON SCHEMA public TO qlue_channel;
GRANT USAGE ON SCHEMA public TO qlue_operator;
GRANT USAGE ON SCHEMA public TO qlue_supervisor;
GRANT USAGE ON SCHEMA public TO qlue_analyst;
GRANT USAGE ON SCHEMA public TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.gtrgm_in(cstring) FROM PUBLIC;
GRANT ALL ON FUNCTION public.gtrgm_in(cstring) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.gtrgm_out(public.gtrgm) FROM PUBLIC;
GRANT ALL ON FUNCTION public.gtrgm_out(public.gtrgm) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.claim_next_report(p_minutes integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.claim_next_report(p_minutes integer) TO qlue_operator;
GRANT ALL ON FUNCTION public.claim_next_report(p_minutes integer) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.claim_report(p_report bigint, p_minutes integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.claim_report(p_report bigint, p_minutes integer) TO qlue_operator;
GRANT ALL ON FUNCTION public.claim_report(p_report bigint, p_minutes integer) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.comment_report(p_report bigint, p_text text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.comment_report(p_report bigint, p_text text) TO qlue_operator;
GRANT ALL ON FUNCTION public.comment_report(p_report bigint, p_text text) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.decide_follow_up(p_follow_up bigint, p_decision text, p_reason text, p_note text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.decide_follow_up(p_follow_up bigint, p_decision text, p_reason text, p_note text) TO qlue_operator;
GRANT ALL ON FUNCTION public.decide_follow_up(p_follow_up bigint, p_decision text, p_reason text, p_note text) TO qlue_supervisor;
GRANT ALL ON FUNCTION public.decide_follow_up(p_follow_up bigint, p_decision text, p_reason text, p_note text) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.delete_holiday(p_day date) FROM PUBLIC;
GRANT ALL ON FUNCTION public.delete_holiday(p_day date) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.delete_routing_rule(p_id integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.delete_routing_rule(p_id integer) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.dispatch_report(p_report bigint, p_version integer, p_message text, p_handles text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION public.dispatch_report(p_report bigint, p_version integer, p_message text, p_handles text[]) TO qlue_operator;
GRANT ALL ON FUNCTION public.dispatch_report(p_report bigint, p_version integer, p_message text, p_handles text[]) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.forward_report(p_report bigint, p_version integer, p_to text[], p_reason text, p_message text, p_from text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION public.forward_report(p_report bigint, p_version integer, p_to text[], p_reason text, p_message text, p_from text[]) TO qlue_operator;
GRANT ALL ON FUNCTION public.forward_report(p_report bigint, p_version integer, p_to text[], p_reason text, p_message text, p_from text[]) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.gin_extract_query_trgm(text, internal, smallint, internal, internal, internal, internal) FROM PUBLIC;
GRANT ALL ON FUNCTION public.gin_extract_query_trgm(text, internal, smallint, internal, internal, internal, internal) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.gin_extract_value_trgm(text, internal) FROM PUBLIC;
GRANT ALL ON FUNCTION public.gin_extract_value_trgm(text, internal) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.gin_trgm_consistent(internal, smallint, text, integer, internal, internal, internal, internal) FROM PUBLIC;
GRANT ALL ON FUNCTION public.gin_trgm_consistent(internal, smallint, text, integer, internal, internal, internal, internal) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.gin_trgm_triconsistent(internal, smallint, text, integer, internal, internal, internal) FROM PUBLIC;
GRANT ALL ON FUNCTION public.gin_trgm_triconsistent(internal, smallint, text, integer, internal, internal, internal) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.gtrgm_compress(internal) FROM PUBLIC;
GRANT ALL ON FUNCTION public.gtrgm_compress(internal) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.gtrgm_consistent(internal, text, smallint, oid, internal) FROM PUBLIC;
GRANT ALL ON FUNCTION public.gtrgm_consistent(internal, text, smallint, oid, internal) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.gtrgm_decompress(internal) FROM PUBLIC;
GRANT ALL ON FUNCTION public.gtrgm_decompress(internal) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.gtrgm_distance(internal, text, smallint, oid, internal) FROM PUBLIC;
GRANT ALL ON FUNCTION public.gtrgm_distance(internal, text, smallint, oid, internal) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.gtrgm_options(internal) FROM PUBLIC;
GRANT ALL ON FUNCTION public.gtrgm_options(internal) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.gtrgm_penalty(internal, internal, internal) FROM PUBLIC;
GRANT ALL ON FUNCTION public.gtrgm_penalty(internal, internal, internal) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.gtrgm_picksplit(internal, internal) FROM PUBLIC;
GRANT ALL ON FUNCTION public.gtrgm_picksplit(internal, internal) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.gtrgm_same(public.gtrgm, public.gtrgm, internal) FROM PUBLIC;
GRANT ALL ON FUNCTION public.gtrgm_same(public.gtrgm, public.gtrgm, internal) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.gtrgm_union(internal, internal) FROM PUBLIC;
GRANT ALL ON FUNCTION public.gtrgm_union(internal, internal) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.mark_report_triaged(p_report bigint, p_version integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.mark_report_triaged(p_report bigint, p_version integer) TO qlue_operator;
GRANT ALL ON FUNCTION public.mark_report_triaged(p_report bigint, p_version integer) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.merge_report(p_report bigint, p_version integer, p_original bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION public.merge_report(p_report bigint, p_version integer, p_original bigint) TO qlue_operator;
GRANT ALL ON FUNCTION public.merge_report(p_report bigint, p_version integer, p_original bigint) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.official_forward_report(p_report bigint, p_official text, p_to text[], p_reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.official_forward_report(p_report bigint, p_official text, p_to text[], p_reason text) TO qlue_channel;
GRANT ALL ON FUNCTION public.official_forward_report(p_report bigint, p_official text, p_to text[], p_reason text) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.qlue_actor() FROM PUBLIC;
GRANT ALL ON FUNCTION public.qlue_actor() TO qlue_operator;
GRANT ALL ON FUNCTION public.qlue_actor() TO qlue_admin;
GRANT ALL ON FUNCTION public.qlue_actor() TO qlue_analyst;


--
--

REVOKE ALL ON FUNCTION public.qlue_check_kota(p_kota text) FROM PUBLIC;


--
--

REVOKE ALL ON FUNCTION public.qlue_check_login_name(p_login text) FROM PUBLIC;


--
--

REVOKE ALL ON FUNCTION public.qlue_check_managed_login(p_login text) FROM PUBLIC;


--
--

REVOKE ALL ON FUNCTION public.qlue_dispatch_accounts(p_handles text[], p_field text, p_active_only boolean) FROM PUBLIC;


--
--

REVOKE ALL ON FUNCTION public.qlue_dispatch_actor() FROM PUBLIC;


--
--

REVOKE ALL ON FUNCTION public.qlue_dispatch_clock() FROM PUBLIC;
GRANT ALL ON FUNCTION public.qlue_dispatch_clock() TO qlue_operator;
GRANT ALL ON FUNCTION public.qlue_dispatch_clock() TO qlue_analyst;
GRANT ALL ON FUNCTION public.qlue_dispatch_clock() TO qlue_channel;
GRANT ALL ON FUNCTION public.qlue_dispatch_clock() TO qlue_admin;


--
--

GRANT SELECT ON TABLE public.reports TO qlue_analyst;
GRANT SELECT ON TABLE public.reports TO qlue_operator;
GRANT ALL ON TABLE public.reports TO qlue_admin;


--
--

GRANT UPDATE(category_code) ON TABLE public.reports TO qlue_operator;


--
--

GRANT UPDATE(status) ON TABLE public.reports TO qlue_operator;


--
--

GRANT UPDATE(priority) ON TABLE public.reports TO qlue_operator;


--
--

GRANT UPDATE(updated_at) ON TABLE public.reports TO qlue_operator;


--
--

GRANT UPDATE(triaged_at) ON TABLE public.reports TO qlue_operator;


--
--

GRANT UPDATE(dispatched_at) ON TABLE public.reports TO qlue_operator;


--
--

GRANT UPDATE(closed_at) ON TABLE public.reports TO qlue_operator;


--
--

GRANT UPDATE(due_at) ON TABLE public.reports TO qlue_operator;


--
--

GRANT UPDATE(duplicate_of) ON TABLE public.reports TO qlue_operator;


--
--

GRANT UPDATE(followers) ON TABLE public.reports TO qlue_operator;


--
--

GRANT UPDATE(claimed_by) ON TABLE public.reports TO qlue_operator;


--
--

GRANT UPDATE(claim_expires_at) ON TABLE public.reports TO qlue_operator;


--
--

GRANT UPDATE(reject_reason) ON TABLE public.reports TO qlue_operator;


--
--

GRANT UPDATE(version) ON TABLE public.reports TO qlue_operator;


--
--

REVOKE ALL ON FUNCTION public.qlue_dispatch_due(p_report public.reports, p_at timestamp with time zone) FROM PUBLIC;


--
--

REVOKE ALL ON FUNCTION public.qlue_dispatch_handles(p_ids integer[]) FROM PUBLIC;


--
--

REVOKE ALL ON FUNCTION public.qlue_dispatch_lock(p_report bigint, p_version integer, p_check_claim boolean) FROM PUBLIC;


--
--

REVOKE ALL ON FUNCTION public.qlue_dispatch_open_mentions(p_report bigint, p_new integer[], p_event bigint, p_at timestamp with time zone, p_due timestamp with time zone) FROM PUBLIC;


--
--

REVOKE ALL ON FUNCTION public.qlue_due_at(p_start timestamp with time zone, p_hours integer, p_mode text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.qlue_due_at(p_start timestamp with time zone, p_hours integer, p_mode text) TO qlue_analyst;
GRANT ALL ON FUNCTION public.qlue_due_at(p_start timestamp with time zone, p_hours integer, p_mode text) TO qlue_operator;
GRANT ALL ON FUNCTION public.qlue_due_at(p_start timestamp with time zone, p_hours integer, p_mode text) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.qlue_end_sessions(p_login text) FROM PUBLIC;


--
--

REVOKE ALL ON FUNCTION public.qlue_escalate_overdue() FROM PUBLIC;
GRANT ALL ON FUNCTION public.qlue_escalate_overdue() TO qlue_operator;
GRANT ALL ON FUNCTION public.qlue_escalate_overdue() TO qlue_admin;


--
--

GRANT SELECT ON TABLE public.accounts TO qlue_analyst;
GRANT SELECT ON TABLE public.accounts TO qlue_operator;
GRANT ALL ON TABLE public.accounts TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.qlue_escalation_target(p_account public.accounts, p_report public.reports) FROM PUBLIC;


--
--

REVOKE ALL ON FUNCTION public.qlue_events_notify() FROM PUBLIC;
GRANT ALL ON FUNCTION public.qlue_events_notify() TO qlue_operator;
GRANT ALL ON FUNCTION public.qlue_events_notify() TO qlue_channel;
GRANT ALL ON FUNCTION public.qlue_events_notify() TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.qlue_events_stamp() FROM PUBLIC;
GRANT ALL ON FUNCTION public.qlue_events_stamp() TO qlue_operator;
GRANT ALL ON FUNCTION public.qlue_events_stamp() TO qlue_channel;
GRANT ALL ON FUNCTION public.qlue_events_stamp() TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.qlue_fail(p_field text, p_message text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.qlue_fail(p_field text, p_message text) TO qlue_operator;
GRANT ALL ON FUNCTION public.qlue_fail(p_field text, p_message text) TO qlue_channel;
GRANT ALL ON FUNCTION public.qlue_fail(p_field text, p_message text) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.qlue_forward(v public.reports, p_to integer[], p_from integer[], p_reason text, p_message text, p_actor text) FROM PUBLIC;


--
--

REVOKE ALL ON FUNCTION public.qlue_grant_group(p_login text, p_group text) FROM PUBLIC;


--
--

REVOKE ALL ON FUNCTION public.qlue_grant_one(p_login text, p_group text) FROM PUBLIC;


--
--

REVOKE ALL ON FUNCTION public.qlue_group_of(p_role text) FROM PUBLIC;


--
--

REVOKE ALL ON FUNCTION public.qlue_is_image(p bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION public.qlue_is_image(p bytea) TO qlue_analyst;
GRANT ALL ON FUNCTION public.qlue_is_image(p bytea) TO qlue_operator;
GRANT ALL ON FUNCTION public.qlue_is_image(p bytea) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.qlue_is_supervisor() FROM PUBLIC;
GRANT ALL ON FUNCTION public.qlue_is_supervisor() TO qlue_operator;
GRANT ALL ON FUNCTION public.qlue_is_supervisor() TO qlue_admin;
GRANT ALL ON FUNCTION public.qlue_is_supervisor() TO qlue_analyst;


--
--

REVOKE ALL ON FUNCTION public.qlue_kpi_proof_reused(p_report bigint, p_follow_up bigint, p_photo bigint) FROM PUBLIC;


--
--

REVOKE ALL ON FUNCTION public.qlue_kpi_rebuild() FROM PUBLIC;
GRANT ALL ON FUNCTION public.qlue_kpi_rebuild() TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.qlue_kpi_rebuild_events() FROM PUBLIC;
GRANT ALL ON FUNCTION public.qlue_kpi_rebuild_events() TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.qlue_kpi_refresh(p_reports bigint[]) FROM PUBLIC;
GRANT ALL ON FUNCTION public.qlue_kpi_refresh(p_reports bigint[]) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.qlue_kpi_refresh_events(p_reports bigint[]) FROM PUBLIC;
GRANT ALL ON FUNCTION public.qlue_kpi_refresh_events(p_reports bigint[]) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.qlue_kpi_refresh_mentions(p_reports bigint[]) FROM PUBLIC;
GRANT ALL ON FUNCTION public.qlue_kpi_refresh_mentions(p_reports bigint[]) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.qlue_kpi_refresh_proofs(p_events bigint[]) FROM PUBLIC;
GRANT ALL ON FUNCTION public.qlue_kpi_refresh_proofs(p_events bigint[]) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.qlue_kpi_state(p_kind text, p_payload jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION public.qlue_kpi_state(p_kind text, p_payload jsonb) TO qlue_analyst;
GRANT ALL ON FUNCTION public.qlue_kpi_state(p_kind text, p_payload jsonb) TO qlue_operator;
GRANT ALL ON FUNCTION public.qlue_kpi_state(p_kind text, p_payload jsonb) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.qlue_lock_for_action(p_report bigint, p_version integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.qlue_lock_for_action(p_report bigint, p_version integer) TO qlue_operator;
GRANT ALL ON FUNCTION public.qlue_lock_for_action(p_report bigint, p_version integer) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.qlue_mentions_notify() FROM PUBLIC;
GRANT ALL ON FUNCTION public.qlue_mentions_notify() TO qlue_operator;
GRANT ALL ON FUNCTION public.qlue_mentions_notify() TO qlue_channel;
GRANT ALL ON FUNCTION public.qlue_mentions_notify() TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.qlue_record_checks(p_follow_up bigint, p_checks jsonb, p_risk real, p_photo_meta jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION public.qlue_record_checks(p_follow_up bigint, p_checks jsonb, p_risk real, p_photo_meta jsonb) TO qlue_operator;
GRANT ALL ON FUNCTION public.qlue_record_checks(p_follow_up bigint, p_checks jsonb, p_risk real, p_photo_meta jsonb) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.qlue_resolve_kelurahan(p_lat double precision, p_lon double precision) FROM PUBLIC;
GRANT ALL ON FUNCTION public.qlue_resolve_kelurahan(p_lat double precision, p_lon double precision) TO qlue_analyst;
GRANT ALL ON FUNCTION public.qlue_resolve_kelurahan(p_lat double precision, p_lon double precision) TO qlue_operator;
GRANT ALL ON FUNCTION public.qlue_resolve_kelurahan(p_lat double precision, p_lon double precision) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.qlue_revoke_groups(p_login text, p_groups text[]) FROM PUBLIC;


--
--

REVOKE ALL ON FUNCTION public.qlue_role_of(p_login name) FROM PUBLIC;


--
--

REVOKE ALL ON FUNCTION public.qlue_store_photo(p_report_id bigint, p_kind text, p_photo bytea, p_meta jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION public.qlue_store_photo(p_report_id bigint, p_kind text, p_photo bytea, p_meta jsonb) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.qlue_touch(p_report bigint, p_kind text, p_payload jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION public.qlue_touch(p_report bigint, p_kind text, p_payload jsonb) TO qlue_operator;
GRANT ALL ON FUNCTION public.qlue_touch(p_report bigint, p_kind text, p_payload jsonb) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.qlue_user_add(p_login text, p_password text, p_role text, p_handle text, p_display_name text, p_kota_code text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.qlue_user_add(p_login text, p_password text, p_role text, p_handle text, p_display_name text, p_kota_code text) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.qlue_user_disable(p_login text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.qlue_user_disable(p_login text) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.qlue_user_enable(p_login text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.qlue_user_enable(p_login text) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.qlue_user_list() FROM PUBLIC;
GRANT ALL ON FUNCTION public.qlue_user_list() TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.qlue_user_set_role(p_login text, p_role text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.qlue_user_set_role(p_login text, p_role text) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.qlue_user_set_scope(p_login text, p_kota_code text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.qlue_user_set_scope(p_login text, p_kota_code text) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.qlue_verify_actor() FROM PUBLIC;
GRANT ALL ON FUNCTION public.qlue_verify_actor() TO qlue_operator;
GRANT ALL ON FUNCTION public.qlue_verify_actor() TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.qlue_verify_is_supervisor() FROM PUBLIC;
GRANT ALL ON FUNCTION public.qlue_verify_is_supervisor() TO qlue_operator;
GRANT ALL ON FUNCTION public.qlue_verify_is_supervisor() TO qlue_admin;
GRANT ALL ON FUNCTION public.qlue_verify_is_supervisor() TO qlue_analyst;


--
--

REVOKE ALL ON FUNCTION public.qlue_whoami() FROM PUBLIC;
GRANT ALL ON FUNCTION public.qlue_whoami() TO qlue_channel;
GRANT ALL ON FUNCTION public.qlue_whoami() TO qlue_operator;
GRANT ALL ON FUNCTION public.qlue_whoami() TO qlue_supervisor;
GRANT ALL ON FUNCTION public.qlue_whoami() TO qlue_analyst;
GRANT ALL ON FUNCTION public.qlue_whoami() TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.reject_report(p_report bigint, p_version integer, p_reason text, p_note text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.reject_report(p_report bigint, p_version integer, p_reason text, p_note text) TO qlue_operator;
GRANT ALL ON FUNCTION public.reject_report(p_report bigint, p_version integer, p_reason text, p_note text) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.release_claim(p_report bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION public.release_claim(p_report bigint) TO qlue_operator;
GRANT ALL ON FUNCTION public.release_claim(p_report bigint) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.reopen_report(p_report_id bigint, p_citizen text, p_text text, p_photo bytea, p_photo_meta jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION public.reopen_report(p_report_id bigint, p_citizen text, p_text text, p_photo bytea, p_photo_meta jsonb) TO qlue_channel;
GRANT ALL ON FUNCTION public.reopen_report(p_report_id bigint, p_citizen text, p_text text, p_photo bytea, p_photo_meta jsonb) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.set_holiday(p_day date, p_name_id text, p_name_en text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.set_holiday(p_day date, p_name_id text, p_name_en text) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.set_limit(real) FROM PUBLIC;
GRANT ALL ON FUNCTION public.set_limit(real) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.set_report_category(p_report bigint, p_version integer, p_category text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.set_report_category(p_report bigint, p_version integer, p_category text) TO qlue_operator;
GRANT ALL ON FUNCTION public.set_report_category(p_report bigint, p_version integer, p_category text) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.set_report_priority(p_report bigint, p_version integer, p_priority integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.set_report_priority(p_report bigint, p_version integer, p_priority integer) TO qlue_operator;
GRANT ALL ON FUNCTION public.set_report_priority(p_report bigint, p_version integer, p_priority integer) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.set_routing_rule(p_category text, p_area_level text, p_account_kind text, p_position integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.set_routing_rule(p_category text, p_area_level text, p_account_kind text, p_position integer) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.show_limit() FROM PUBLIC;
GRANT ALL ON FUNCTION public.show_limit() TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.show_trgm(text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.show_trgm(text) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.similarity(text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.similarity(text, text) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.similarity_dist(text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.similarity_dist(text, text) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.similarity_op(text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.similarity_op(text, text) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.strict_word_similarity(text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.strict_word_similarity(text, text) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.strict_word_similarity_commutator_op(text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.strict_word_similarity_commutator_op(text, text) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.strict_word_similarity_dist_commutator_op(text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.strict_word_similarity_dist_commutator_op(text, text) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.strict_word_similarity_dist_op(text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.strict_word_similarity_dist_op(text, text) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.strict_word_similarity_op(text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.strict_word_similarity_op(text, text) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.submit_follow_up(p_report_id bigint, p_official text, p_note text, p_photo bytea, p_photo_meta jsonb, p_external_id text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.submit_follow_up(p_report_id bigint, p_official text, p_note text, p_photo bytea, p_photo_meta jsonb, p_external_id text) TO qlue_channel;
GRANT ALL ON FUNCTION public.submit_follow_up(p_report_id bigint, p_official text, p_note text, p_photo bytea, p_photo_meta jsonb, p_external_id text) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.submit_report(p_channel text, p_external_id text, p_citizen text, p_text text, p_category text, p_lat double precision, p_lon double precision, p_photo bytea, p_photo_meta jsonb, p_reported_at timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION public.submit_report(p_channel text, p_external_id text, p_citizen text, p_text text, p_category text, p_lat double precision, p_lon double precision, p_photo bytea, p_photo_meta jsonb, p_reported_at timestamp with time zone) TO qlue_channel;
GRANT ALL ON FUNCTION public.submit_report(p_channel text, p_external_id text, p_citizen text, p_text text, p_category text, p_lat double precision, p_lon double precision, p_photo bytea, p_photo_meta jsonb, p_reported_at timestamp with time zone) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.word_similarity(text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.word_similarity(text, text) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.word_similarity_commutator_op(text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.word_similarity_commutator_op(text, text) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.word_similarity_dist_commutator_op(text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.word_similarity_dist_commutator_op(text, text) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.word_similarity_dist_op(text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.word_similarity_dist_op(text, text) TO qlue_admin;


--
--

REVOKE ALL ON FUNCTION public.word_similarity_op(text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.word_similarity_op(text, text) TO qlue_admin;


--
--

GRANT ALL ON SEQUENCE public.accounts_id_seq TO qlue_admin;


--
--

GRANT SELECT ON TABLE public.agencies TO qlue_analyst;
GRANT SELECT ON TABLE public.agencies TO qlue_operator;
GRANT ALL ON TABLE public.agencies TO qlue_admin;


--
--

GRANT SELECT ON TABLE public.alembic_version TO qlue_analyst;
GRANT SELECT ON TABLE public.alembic_version TO qlue_operator;
GRANT ALL ON TABLE public.alembic_version TO qlue_admin;


--
--

GRANT SELECT ON TABLE public.area_parts TO qlue_analyst;
GRANT SELECT ON TABLE public.area_parts TO qlue_operator;
GRANT ALL ON TABLE public.area_parts TO qlue_admin;


--
--

GRANT ALL ON SEQUENCE public.area_parts_id_seq TO qlue_admin;


--
--

GRANT SELECT ON TABLE public.areas TO qlue_analyst;
GRANT SELECT ON TABLE public.areas TO qlue_operator;
GRANT ALL ON TABLE public.areas TO qlue_admin;


--
--

GRANT SELECT ON TABLE public.categories TO qlue_analyst;
GRANT SELECT ON TABLE public.categories TO qlue_operator;
GRANT ALL ON TABLE public.categories TO qlue_admin;


--
--

GRANT SELECT ON TABLE public.events TO qlue_analyst;
GRANT SELECT,INSERT ON TABLE public.events TO qlue_operator;
GRANT ALL ON TABLE public.events TO qlue_admin;


--
--

GRANT USAGE ON SEQUENCE public.events_id_seq TO qlue_operator;
GRANT ALL ON SEQUENCE public.events_id_seq TO qlue_admin;


--
--

GRANT SELECT ON TABLE public.follow_ups TO qlue_analyst;
GRANT SELECT ON TABLE public.follow_ups TO qlue_operator;
GRANT ALL ON TABLE public.follow_ups TO qlue_admin;


--
--

GRANT UPDATE(verification) ON TABLE public.follow_ups TO qlue_supervisor;


--
--

GRANT UPDATE(verifier) ON TABLE public.follow_ups TO qlue_supervisor;


--
--

GRANT UPDATE(verified_at) ON TABLE public.follow_ups TO qlue_supervisor;


--
--

GRANT UPDATE(reason) ON TABLE public.follow_ups TO qlue_supervisor;


--
--

GRANT UPDATE(reason_note) ON TABLE public.follow_ups TO qlue_supervisor;


--
--

GRANT UPDATE(checks) ON TABLE public.follow_ups TO qlue_supervisor;


--
--

GRANT UPDATE(risk) ON TABLE public.follow_ups TO qlue_supervisor;


--
--

GRANT ALL ON SEQUENCE public.follow_ups_id_seq TO qlue_admin;


--
--

GRANT SELECT ON TABLE public.holidays TO qlue_analyst;
GRANT SELECT ON TABLE public.holidays TO qlue_operator;
GRANT ALL ON TABLE public.holidays TO qlue_admin;


--
--

GRANT SELECT ON TABLE public.kpi_proof_facts TO qlue_analyst;
GRANT SELECT ON TABLE public.kpi_proof_facts TO qlue_operator;
GRANT ALL ON TABLE public.kpi_proof_facts TO qlue_admin;


--
--

GRANT SELECT ON TABLE public.kpi_report_facts TO qlue_analyst;
GRANT SELECT ON TABLE public.kpi_report_facts TO qlue_operator;
GRANT ALL ON TABLE public.kpi_report_facts TO qlue_admin;


--
--

GRANT SELECT ON TABLE public.kpi_state_spans TO qlue_analyst;
GRANT SELECT ON TABLE public.kpi_state_spans TO qlue_operator;
GRANT ALL ON TABLE public.kpi_state_spans TO qlue_admin;


--
--

GRANT SELECT ON TABLE public.login_scopes TO qlue_admin;


--
--

GRANT SELECT ON TABLE public.mentions TO qlue_analyst;
GRANT SELECT,INSERT ON TABLE public.mentions TO qlue_operator;
GRANT ALL ON TABLE public.mentions TO qlue_admin;


--
--

GRANT UPDATE(acknowledged_at) ON TABLE public.mentions TO qlue_operator;


--
--

GRANT UPDATE(resolved_at) ON TABLE public.mentions TO qlue_operator;


--
--

GRANT UPDATE(state) ON TABLE public.mentions TO qlue_operator;


--
--

GRANT USAGE ON SEQUENCE public.mentions_id_seq TO qlue_operator;
GRANT ALL ON SEQUENCE public.mentions_id_seq TO qlue_admin;


--
--

GRANT SELECT ON TABLE public.photos TO qlue_analyst;
GRANT SELECT ON TABLE public.photos TO qlue_operator;
GRANT ALL ON TABLE public.photos TO qlue_admin;


--
--

GRANT UPDATE(mime) ON TABLE public.photos TO qlue_supervisor;


--
--

GRANT UPDATE(phash) ON TABLE public.photos TO qlue_supervisor;


--
--

GRANT UPDATE(width) ON TABLE public.photos TO qlue_supervisor;


--
--

GRANT UPDATE(height) ON TABLE public.photos TO qlue_supervisor;


--
--

GRANT UPDATE(exif) ON TABLE public.photos TO qlue_supervisor;


--
--

GRANT UPDATE(taken_at) ON TABLE public.photos TO qlue_supervisor;


--
--

GRANT UPDATE(gps_lat) ON TABLE public.photos TO qlue_supervisor;


--
--

GRANT UPDATE(gps_lon) ON TABLE public.photos TO qlue_supervisor;


--
--

GRANT ALL ON SEQUENCE public.photos_id_seq TO qlue_admin;


--
--

GRANT ALL ON SEQUENCE public.reports_id_seq TO qlue_admin;


--
--

GRANT SELECT ON TABLE public.routing_rules TO qlue_analyst;
GRANT SELECT ON TABLE public.routing_rules TO qlue_operator;
GRANT ALL ON TABLE public.routing_rules TO qlue_admin;


--
--

GRANT ALL ON SEQUENCE public.routing_rules_id_seq TO qlue_admin;


--
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.saved_views TO qlue_operator;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.saved_views TO qlue_analyst;
GRANT ALL ON TABLE public.saved_views TO qlue_admin;


--
--

GRANT USAGE ON SEQUENCE public.saved_views_id_seq TO qlue_operator;
GRANT USAGE ON SEQUENCE public.saved_views_id_seq TO qlue_analyst;


--
--

