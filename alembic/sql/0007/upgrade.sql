-- Revision 0007: who may do what, per person.
--
-- * A login may be limited to one kota (login_scopes). Row-level security on reports and on
--   the tables that hang off a report (events, photos, mentions, follow_ups) then shows and
--   lets it change only that kota's reports. Everyone else sees everything; the channels keep
--   working through the SECURITY DEFINER contract functions (their owner is not subject to
--   row-level security), and so do the table owner and superusers.
-- * Logins and their group roles are managed through SECURITY DEFINER functions that only
--   qlue_admin may execute: qlue_user_add, qlue_user_disable, qlue_user_enable,
--   qlue_user_set_role, qlue_user_set_scope, qlue_user_list.
-- * qlue_whoami() tells the console who signed in, with which role and scope.
--
-- Errors: 22023 bad input (DETAIL: the field; nothing is written), 42501 not an admin.
--
-- Performance: the kota policy is attached to the group role qlue_kota_scoped, so a login
-- that is not limited gets no row-security condition at all and every index (trigram text
-- search, point box search, keyset orders) is used exactly as before. A limited login gets
-- "kota_code = <its kota>", computed once per query (an InitPlan), which the kota index
-- serves. On PostgreSQL 16 and later a limited login's group memberships are granted
-- WITH SET FALSE so that it cannot step out of its scope by SET ROLE; on older servers,
-- which cannot express that, the policy applies to PUBLIC and tests the session's login.

-- The marker group of logins limited to one kota (cluster-wide, like the other groups).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'qlue_kota_scoped') THEN
        CREATE ROLE qlue_kota_scoped NOLOGIN;
    END IF;
END $$;

CREATE TABLE login_scopes (
    login       text PRIMARY KEY,
    kota_code   text NOT NULL REFERENCES areas(code),
    set_by      text NOT NULL DEFAULT session_user,
    set_at      timestamptz NOT NULL DEFAULT now()
);
-- Written only by the functions below; an admin reads it (qlue_user_list is friendlier).
GRANT SELECT ON login_scopes TO qlue_admin;

-- The kota the session's login is limited to: NULL when it is not limited; '' (matches no
-- report) when it is a member of qlue_kota_scoped without a scope in this database.
CREATE FUNCTION qlue_scope_kota() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT CASE
        WHEN coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false) THEN NULL
        WHEN pg_has_role(session_user, 'qlue_kota_scoped', 'MEMBER')
            THEN coalesce((SELECT kota_code FROM login_scopes WHERE login = session_user), '')
    END
$$;
-- Every querying role evaluates the policies, so every role may call it.
GRANT EXECUTE ON FUNCTION qlue_scope_kota() TO PUBLIC;

-- Row-level security. The permissive policy lets everyone through; the restrictive one
-- narrows a limited login to its kota.
ALTER TABLE reports ENABLE ROW LEVEL SECURITY;
ALTER TABLE events ENABLE ROW LEVEL SECURITY;
ALTER TABLE photos ENABLE ROW LEVEL SECURITY;
ALTER TABLE mentions ENABLE ROW LEVEL SECURITY;
ALTER TABLE follow_ups ENABLE ROW LEVEL SECURITY;
CREATE POLICY reports_all ON reports AS PERMISSIVE FOR ALL TO PUBLIC USING (true) WITH CHECK (true);
CREATE POLICY events_all ON events AS PERMISSIVE FOR ALL TO PUBLIC USING (true) WITH CHECK (true);
CREATE POLICY photos_all ON photos AS PERMISSIVE FOR ALL TO PUBLIC USING (true) WITH CHECK (true);
CREATE POLICY mentions_all ON mentions AS PERMISSIVE FOR ALL TO PUBLIC USING (true) WITH CHECK (true);
CREATE POLICY follow_ups_all ON follow_ups AS PERMISSIVE FOR ALL TO PUBLIC USING (true) WITH CHECK (true);

DO $$
DECLARE
    v_modern boolean := current_setting('server_version_num')::integer >= 160000;
    v_to text := CASE WHEN v_modern THEN 'qlue_kota_scoped' ELSE 'PUBLIC' END;
    v_kota text := CASE WHEN v_modern THEN 'kota_code = (SELECT qlue_scope_kota())'
                        ELSE '((SELECT qlue_scope_kota()) IS NULL OR kota_code = (SELECT qlue_scope_kota()))' END;
    v_child text := CASE WHEN v_modern
        THEN 'EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id AND r.kota_code = (SELECT qlue_scope_kota()))'
        ELSE '((SELECT qlue_scope_kota()) IS NULL OR EXISTS (SELECT 1 FROM reports r WHERE r.id = report_id '
             'AND r.kota_code = (SELECT qlue_scope_kota())))' END;
    t text;
BEGIN
    EXECUTE format('CREATE POLICY reports_kota ON reports AS RESTRICTIVE FOR ALL TO %s USING (%s) WITH CHECK (%s)',
                   v_to, v_kota, v_kota);
    FOREACH t IN ARRAY ARRAY['events', 'photos', 'mentions', 'follow_ups'] LOOP
        EXECUTE format('CREATE POLICY %I ON %I AS RESTRICTIVE FOR ALL TO %s USING (%s) WITH CHECK (%s)',
                       t || '_kota', t, v_to, v_child, v_child);
    END LOOP;
END $$;

-- ---------------------------------------------------------------------------------------
-- Helpers of the user functions (not executable by anyone but their owner and admins
-- through the entry points).

CREATE FUNCTION qlue_group_of(p_role text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF p_role IS NOT NULL AND lower(btrim(p_role)) IN ('channel', 'operator', 'supervisor', 'analyst', 'admin',
            'qlue_channel', 'qlue_operator', 'qlue_supervisor', 'qlue_analyst', 'qlue_admin') THEN
        RETURN 'qlue_' || regexp_replace(lower(btrim(p_role)), '^qlue_', '');
    END IF;
    RAISE EXCEPTION USING ERRCODE = '22023', DETAIL = 'role',
        MESSAGE = format('unknown role %L: channel, operator, supervisor, analyst or admin', p_role);
END $$;

-- The most capable group a role belongs to (admin > supervisor > operator > analyst >
-- channel), without the 'qlue_' prefix; NULL when it belongs to none.
CREATE FUNCTION qlue_role_of(p_login name) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN NULL
        WHEN pg_has_role(p_login, 'qlue_admin', 'MEMBER') THEN 'admin'
        WHEN pg_has_role(p_login, 'qlue_supervisor', 'MEMBER') THEN 'supervisor'
        WHEN pg_has_role(p_login, 'qlue_operator', 'MEMBER') THEN 'operator'
        WHEN pg_has_role(p_login, 'qlue_analyst', 'MEMBER') THEN 'analyst'
        WHEN pg_has_role(p_login, 'qlue_channel', 'MEMBER') THEN 'channel'
    END
$$;

-- A login name: 2 to 63 ASCII characters, lower-case letters, digits, '_', '.', '-',
-- starting with a letter; not a reserved or group name. Only such names reach format('%I').
CREATE FUNCTION qlue_check_login_name(p_login text) RETURNS void
LANGUAGE plpgsql IMMUTABLE AS $$
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
END $$;

-- A login this module may manage: an existing role, not a superuser, not a group, and a
-- direct member of one of the qlue groups. Returns its current role (without 'qlue_').
CREATE FUNCTION qlue_check_managed_login(p_login text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
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

-- Revokes the login's memberships in the given groups, whoever granted them.
CREATE FUNCTION qlue_revoke_groups(p_login text, p_groups text[]) RETURNS void
LANGUAGE plpgsql AS $$
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

-- Grants a group to a login. From PostgreSQL 16 the membership is granted WITH SET FALSE:
-- the person uses the group's privileges but cannot SET ROLE to it (which would shed a
-- kota scope, whose policy follows the current role).
CREATE FUNCTION qlue_grant_one(p_login text, p_group text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM qlue_revoke_groups(p_login, ARRAY[p_group]);
    IF current_setting('server_version_num')::integer >= 160000 THEN
        EXECUTE format('GRANT %I TO %I WITH INHERIT TRUE, SET FALSE', p_group, p_login);
    ELSE
        EXECUTE format('GRANT %I TO %I', p_group, p_login);
    END IF;
END $$;

-- Makes p_group the login's only qlue group role.
CREATE FUNCTION qlue_grant_group(p_login text, p_group text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM qlue_revoke_groups(p_login, ARRAY['qlue_channel', 'qlue_operator', 'qlue_supervisor',
                                              'qlue_analyst', 'qlue_admin']);
    PERFORM qlue_grant_one(p_login, p_group);
END $$;

CREATE FUNCTION qlue_check_kota(p_kota text) RETURNS void
LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM areas WHERE code = p_kota AND level = 'kota') THEN
        RAISE EXCEPTION USING ERRCODE = '22023', DETAIL = 'kota',
            MESSAGE = format('unknown kota %L (for example 31.71 Jakarta Pusat)', left(p_kota, 80));
    END IF;
END $$;

-- Ends the login's sessions; returns how many were signalled.
CREATE FUNCTION qlue_end_sessions(p_login text) RETURNS integer
LANGUAGE sql AS $$
    SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::integer
      FROM pg_stat_activity WHERE usename = p_login AND pid <> pg_backend_pid()
$$;

-- ---------------------------------------------------------------------------------------
-- The entry points.

-- Limits a login to one kota (p_kota_code) or lifts the limit (NULL). Its open sessions are
-- ended so that the new scope holds for every statement from its next sign-in.
CREATE FUNCTION qlue_user_set_scope(p_login text, p_kota_code text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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

-- Creates a login in one group role, creates or links its account, and optionally limits
-- it to a kota. p_password may be NULL (no password: only for servers that trust a local
-- socket), a clear-text password, or a SCRAM-SHA-256 verifier (what the console sends, so
-- the clear password never reaches the server's logs). Returns the account id (NULL for a
-- channel login without an account).
CREATE FUNCTION qlue_user_add(p_login text, p_password text, p_role text, p_handle text DEFAULT NULL,
                              p_display_name text DEFAULT NULL, p_kota_code text DEFAULT NULL)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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
END $$;

-- Takes a login's right to sign in away, marks its account inactive and ends its sessions.
-- Returns how many sessions were ended. An admin cannot disable their own login.
CREATE FUNCTION qlue_user_disable(p_login text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM qlue_check_managed_login(p_login);
    IF p_login = session_user THEN
        RAISE EXCEPTION USING ERRCODE = '22023', DETAIL = 'login', MESSAGE = 'you cannot disable your own login';
    END IF;
    EXECUTE format('ALTER ROLE %I NOLOGIN', p_login);
    UPDATE accounts SET active = false WHERE login = p_login;
    RETURN qlue_end_sessions(p_login);
END $$;

CREATE FUNCTION qlue_user_enable(p_login text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM qlue_check_managed_login(p_login);
    EXECUTE format('ALTER ROLE %I LOGIN', p_login);
    UPDATE accounts SET active = true WHERE login = p_login;
END $$;

-- Moves a login to another group role; a staff account's kind follows. An admin cannot
-- change their own role (and so lock the last admin out).
CREATE FUNCTION qlue_user_set_role(p_login text, p_role text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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

-- The logins this module manages, with their role, account and scope.
CREATE FUNCTION qlue_user_list()
RETURNS TABLE (login text, role text, can_login boolean, handle text, display_name text,
               active boolean, kota_code text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
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

-- Who signed in: the login, its most capable role, its account and its kota scope. The
-- console shows only the workspaces this role may use (the database refuses the rest).
CREATE FUNCTION qlue_whoami()
RETURNS TABLE (login text, role text, handle text, display_name text, limited boolean,
               kota_code text, kota_name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
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

REVOKE ALL ON FUNCTION qlue_group_of(text), qlue_role_of(name), qlue_check_login_name(text),
    qlue_check_managed_login(text), qlue_revoke_groups(text, text[]), qlue_grant_one(text, text),
    qlue_grant_group(text, text), qlue_check_kota(text),
    qlue_end_sessions(text), qlue_user_set_scope(text, text),
    qlue_user_add(text, text, text, text, text, text), qlue_user_disable(text), qlue_user_enable(text),
    qlue_user_set_role(text, text), qlue_user_list(), qlue_whoami() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION qlue_user_set_scope(text, text), qlue_user_add(text, text, text, text, text, text),
    qlue_user_disable(text), qlue_user_enable(text), qlue_user_set_role(text, text), qlue_user_list()
    TO qlue_admin;
GRANT EXECUTE ON FUNCTION qlue_whoami()
    TO qlue_channel, qlue_operator, qlue_supervisor, qlue_analyst, qlue_admin;
