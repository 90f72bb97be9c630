-- Revision 0003: dispatch by mention, passing a report on (Koordinasi), escalation of overdue
-- mentions, and the admin's editing of routing rules and holidays.
--
-- Errors, as in 0001/0002: 22023 bad input (DETAIL: the field; nothing is written);
-- QC001 the report changed since the console read it (DETAIL: JSON of the last event: actor,
-- kind, at, version); QC002 someone else holds a live claim (DETAIL: JSON holder, expiry);
-- 42501 not allowed for this role (EXECUTE is granted per role below).
--
-- The entry points are SECURITY DEFINER with a fixed search_path: who may call them is
-- decided by the EXECUTE grants, and the events still record the caller's login
-- (events.actor_login is stamped with session_user).

-- The clock of dispatch and escalation: now(), or for a superuser's session (tests, demo
-- generators that replay history) the moment in the setting 'qlue.now'. Nobody else can
-- move it: a console's login is never a superuser.
CREATE FUNCTION qlue_dispatch_clock() RETURNS timestamptz
LANGUAGE plpgsql STABLE AS $$
DECLARE v_setting text := current_setting('qlue.now', true);
BEGIN
    IF coalesce(v_setting, '') <> '' AND coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false) THEN
        RETURN v_setting::timestamptz;
    END IF;
    RETURN now();
END $$;

-- The caller as the timeline shows it: the account handle of this login, else the login.
CREATE FUNCTION qlue_dispatch_actor() RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT handle FROM accounts WHERE login = session_user), session_user::text)
$$;

-- Locks an open report for a dispatch or a forward. QC001 when p_version is given and the
-- report has moved on; QC002 when another login holds a live claim.
CREATE FUNCTION qlue_dispatch_lock(p_report bigint, p_version integer, p_check_claim boolean)
RETURNS reports LANGUAGE plpgsql AS $$
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

-- Handles (with or without '@', any case) to account ids, in order, each once. Unknown
-- handles are refused; so are inactive accounts when p_active_only.
CREATE FUNCTION qlue_dispatch_accounts(p_handles text[], p_field text, p_active_only boolean)
RETURNS integer[] LANGUAGE plpgsql AS $$
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

CREATE FUNCTION qlue_dispatch_handles(p_ids integer[]) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT string_agg('@' || a.handle, ', ' ORDER BY u.n)
      FROM unnest(p_ids) WITH ORDINALITY u(id, n) JOIN accounts a ON a.id = u.id
$$;

-- Opens one mention per account in p_new (none of them may hold an open mention); returns
-- [{mention, account, handle, due_at}] in the order given.
CREATE FUNCTION qlue_dispatch_open_mentions(p_report bigint, p_new integer[], p_event bigint,
                                            p_at timestamptz, p_due timestamptz)
RETURNS jsonb LANGUAGE plpgsql AS $$
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

CREATE FUNCTION qlue_dispatch_due(p_report reports, p_at timestamptz) RETURNS timestamptz
LANGUAGE sql STABLE AS $$
    SELECT qlue_due_at(p_at, c.sla_hours, c.sla_mode) FROM categories c WHERE c.code = p_report.category_code
$$;

-- Dispatch: in one transaction, the 'dispatched' event with the message, one mention per
-- newly mentioned account with its due time from the category's SLA, and the report moved
-- to 'dispatched'. Accounts that already hold an open mention are not mentioned again; when
-- nobody new is left, nothing is written. The mentions' insert trigger NOTIFYs
-- 'qlue_mentions' (the officials' apps) and the event trigger 'qlue_events' (every console).
-- Returns {version, event, status, added: [{mention, account, handle, due_at}], already: [handle]}.
CREATE FUNCTION dispatch_report(p_report bigint, p_version integer, p_message text, p_handles text[])
RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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

-- Passing a report on (Koordinasi), shared by the console's and the official's entry points.
-- The open mentions of p_from (NULL: all) close as 'forwarded', except those of accounts it
-- is passed to; every account in p_to without an open mention gets one with a fresh due time.
CREATE FUNCTION qlue_forward(v reports, p_to integer[], p_from integer[], p_reason text,
                             p_message text, p_actor text)
RETURNS jsonb LANGUAGE plpgsql AS $$
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

-- An operator passes a report on: to other accounts (another kelurahan, another agency, a
-- utility), with a reason. p_from limits which open mentions close (NULL: all of them).
-- Returns {version, event, status, added, forwarded: [handle], already: [handle]}.
CREATE FUNCTION forward_report(p_report bigint, p_version integer, p_to text[], p_reason text,
                               p_message text DEFAULT NULL, p_from text[] DEFAULT NULL)
RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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

-- The mentioned official passes the report on from their own app (a channel): only their own
-- open mention closes. Returns what forward_report returns.
CREATE FUNCTION official_forward_report(p_report bigint, p_official text, p_to text[], p_reason text)
RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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

-- The next level of an account for a report: field officer (of a kelurahan) or lurah -> the
-- camat of the kecamatan; camat -> the walikota of the kota; agency staff (a field officer
-- with an agency, or a non-head agency account) -> the head of the agency. The account's own
-- area decides, the report's when the account has none. Walikota, agency heads and outside
-- accounts have no next level; a vacant post (no active account) gives none either.
-- The twin of qlue_console/domain/escalation.py.
CREATE FUNCTION qlue_escalation_target(p_account accounts, p_report reports) RETURNS accounts
LANGUAGE plpgsql STABLE AS $$
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

-- Escalates every open mention past its due time whose report has no follow-up waiting: the
-- mention becomes 'escalated', an 'escalated' event records from whom to whom, and the next
-- level gets a mention with a fresh due time (unless it already holds one). Idempotent and
-- exactly once with any number of callers: one caller at a time holds the advisory lock
-- (the others return at once, empty), reports are locked without waiting (SKIP LOCKED: a
-- report being dispatched right now is left for the next run) and each mention is re-checked
-- under its row lock. Mentions with no next level stay open and overdue.
-- Returns one row per escalated mention.
CREATE FUNCTION qlue_escalate_overdue()
RETURNS TABLE (mention bigint, report bigint, from_handle text, to_handle text, new_mention bigint, event bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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

-- Admin: the holiday calendar the working-day SLAs skip (SECURITY INVOKER: the table grants
-- decide too, and only admins may write the table).
CREATE FUNCTION set_holiday(p_day date, p_name_id text, p_name_en text) RETURNS void
LANGUAGE plpgsql AS $$
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

CREATE FUNCTION delete_holiday(p_day date) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM holidays WHERE day = p_day;
    RETURN FOUND;
END $$;

-- Admin: routing rules, category (NULL: every category) x area level -> account kind.
-- Setting an existing rule changes its position. Returns the rule's id.
CREATE FUNCTION set_routing_rule(p_category text, p_area_level text, p_account_kind text, p_position integer DEFAULT 0)
RETURNS integer LANGUAGE plpgsql AS $$
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

CREATE FUNCTION delete_routing_rule(p_id integer) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM routing_rules WHERE id = p_id;
    RETURN FOUND;
END $$;

-- Who may do what.
REVOKE ALL ON FUNCTION qlue_dispatch_clock(), qlue_dispatch_actor(), qlue_dispatch_lock(bigint, integer, boolean),
    qlue_dispatch_accounts(text[], text, boolean), qlue_dispatch_handles(integer[]),
    qlue_dispatch_open_mentions(bigint, integer[], bigint, timestamptz, timestamptz),
    qlue_dispatch_due(reports, timestamptz), dispatch_report(bigint, integer, text, text[]),
    qlue_forward(reports, integer[], integer[], text, text, text),
    forward_report(bigint, integer, text[], text, text, text[]), official_forward_report(bigint, text, text[], text),
    qlue_escalation_target(accounts, reports), qlue_escalate_overdue(),
    set_holiday(date, text, text), delete_holiday(date),
    set_routing_rule(text, text, text, integer), delete_routing_rule(integer) FROM PUBLIC;
-- Operators (and supervisors, admins through them) dispatch, pass on and escalate.
GRANT EXECUTE ON FUNCTION dispatch_report(bigint, integer, text, text[]),
    forward_report(bigint, integer, text[], text, text, text[]), qlue_escalate_overdue()
    TO qlue_operator, qlue_admin;
-- An official's app passes a report on through the channel contract.
GRANT EXECUTE ON FUNCTION official_forward_report(bigint, text, text[], text) TO qlue_channel, qlue_admin;
-- Everyone reading may ask the dispatch clock (the composer previews due times with it).
GRANT EXECUTE ON FUNCTION qlue_dispatch_clock() TO qlue_operator, qlue_analyst, qlue_channel, qlue_admin;
-- Admins edit the calendar and the routing rules.
GRANT EXECUTE ON FUNCTION set_holiday(date, text, text), delete_holiday(date),
    set_routing_rule(text, text, text, integer), delete_routing_rule(integer) TO qlue_admin;
