-- Revision 0015: Open311 keys and channels.
--
-- * Each API key belongs to one citizen channel: a login in qlue_channel named
--   'channel.<name>'. channel_keys keeps the key's SHA-256 (hex) only; the key itself is shown
--   once by the console that made it and never reaches the server.
-- * channel_refusals logs what the gateway refused a channel (reason, when).
-- * The gateway signs in with its own login, a member of the group qlue_gateway. qlue_channel_add
--   makes every channel login a member of qlue_gateway (WITH INHERIT FALSE from PostgreSQL 16),
--   so the gateway may SET ROLE to the channel whose key it checked before it calls the contract;
--   qlue_channel_revoke takes that membership away again.
-- * Nobody reads the tables: the gateway uses qlue_channel_key_check and qlue_channel_refusal,
--   an admin qlue_channel_add, qlue_channel_revoke and qlue_channel_list (which gives no hash).
--
-- * Events name the channel: the stamp of events.actor_login (session_user until now) records
--   the channel's login when a gateway login has SET ROLE to a live channel, so the audit and
--   the channel's "reports today" name the channel, not the gateway.
--
-- Errors: 22023 bad input (DETAIL: the field; nothing is written), 42501 not allowed.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'qlue_gateway') THEN
        CREATE ROLE qlue_gateway NOLOGIN;
    END IF;
END $$;

CREATE TABLE channel_keys (
    name            text PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9_-]{1,39}$'),
    login           text NOT NULL UNIQUE,
    key_sha256      text NOT NULL UNIQUE CHECK (key_sha256 ~ '^[0-9a-f]{64}$'),
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      text NOT NULL DEFAULT session_user,
    revoked_at      timestamptz,
    last_used_at    timestamptz
);

CREATE TABLE channel_refusals (
    id              bigserial PRIMARY KEY,
    login           text NOT NULL REFERENCES channel_keys(login),
    reason          text NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
    at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX channel_refusals_login_at_idx ON channel_refusals (login, at);

REVOKE ALL ON channel_keys, channel_refusals FROM PUBLIC;
REVOKE ALL ON SEQUENCE channel_refusals_id_seq FROM PUBLIC;

-- The login of the channel whose live key hashes to p_key_sha256, else NULL (unknown, revoked
-- or not a hash). Stamps the key's last use, at most once a second and never waiting for
-- another request that is stamping it.
CREATE FUNCTION qlue_channel_key_check(p_key_sha256 text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v channel_keys%ROWTYPE;
BEGIN
    IF p_key_sha256 IS NULL OR p_key_sha256 !~ '^[0-9a-f]{64}$' THEN
        RETURN NULL;
    END IF;
    SELECT * INTO v FROM channel_keys WHERE key_sha256 = p_key_sha256 AND revoked_at IS NULL;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    IF v.last_used_at IS NULL OR v.last_used_at < now() - interval '1 second' THEN
        PERFORM 1 FROM channel_keys WHERE name = v.name FOR UPDATE SKIP LOCKED;
        IF FOUND THEN
            UPDATE channel_keys SET last_used_at = now() WHERE name = v.name;
        END IF;
    END IF;
    RETURN v.login;
END $$;

-- The gateway refused a channel's request (a bad form, the rate limit …): logged for the console.
CREATE FUNCTION qlue_channel_refusal(p_login text, p_reason text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_reason text := nullif(btrim(p_reason), '');
BEGIN
    IF p_login IS NULL OR NOT EXISTS (SELECT 1 FROM channel_keys WHERE login = p_login) THEN
        RAISE EXCEPTION USING ERRCODE = '22023', DETAIL = 'login',
            MESSAGE = format('there is no channel login %L', left(p_login, 80));
    END IF;
    IF v_reason IS NULL OR length(v_reason) > 200 THEN
        RAISE EXCEPTION USING ERRCODE = '22023', DETAIL = 'reason',
            MESSAGE = 'a refusal''s reason has 1 to 200 characters';
    END IF;
    INSERT INTO channel_refusals (login, reason) VALUES (p_login, v_reason);
END $$;

-- Adds a channel: its login 'channel.<name>' in qlue_channel (it cannot sign in itself; the
-- gateway may SET ROLE to it) and its key's hash. Returns the login.
CREATE FUNCTION qlue_channel_add(p_name text, p_key_sha256 text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_login text := 'channel.' || p_name;
BEGIN
    IF p_name IS NULL OR p_name !~ '^[a-z][a-z0-9_-]{1,39}$' THEN
        RAISE EXCEPTION USING ERRCODE = '22023', DETAIL = 'name',
            MESSAGE = format('%s is not a valid channel name: use 2 to 40 lower-case letters, digits, "_" or "-", starting with a letter',
                             coalesce(quote_literal(left(p_name, 80)), 'NULL'));
    END IF;
    IF p_key_sha256 IS NULL OR p_key_sha256 !~ '^[0-9a-f]{64}$' THEN
        RAISE EXCEPTION USING ERRCODE = '22023', DETAIL = 'key', MESSAGE = 'the key''s hash is not a SHA-256 in hex';
    END IF;
    IF EXISTS (SELECT 1 FROM channel_keys WHERE name = p_name) THEN
        RAISE EXCEPTION USING ERRCODE = '22023', DETAIL = 'name',
            MESSAGE = format('a channel %L already exists', p_name);
    END IF;
    IF EXISTS (SELECT 1 FROM channel_keys WHERE key_sha256 = p_key_sha256) THEN
        RAISE EXCEPTION USING ERRCODE = '22023', DETAIL = 'key', MESSAGE = 'this key belongs to another channel';
    END IF;
    PERFORM qlue_user_add(v_login, NULL, 'channel');
    EXECUTE format('ALTER ROLE %I NOLOGIN', v_login);
    IF current_setting('server_version_num')::integer >= 160000 THEN
        EXECUTE format('GRANT %I TO qlue_gateway WITH INHERIT FALSE, SET TRUE', v_login);
    ELSE
        EXECUTE format('GRANT %I TO qlue_gateway', v_login);
    END IF;
    INSERT INTO channel_keys (name, login, key_sha256) VALUES (p_name, v_login, p_key_sha256);
    RETURN v_login;
END $$;

-- Revokes a channel's key: the gateway no longer accepts it nor may SET ROLE to its login.
-- Revoking a revoked channel changes nothing.
CREATE FUNCTION qlue_channel_revoke(p_name text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v channel_keys%ROWTYPE;
BEGIN
    SELECT * INTO v FROM channel_keys WHERE name = p_name FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = '22023', DETAIL = 'name',
            MESSAGE = format('there is no channel %L', left(p_name, 80));
    END IF;
    IF v.revoked_at IS NULL THEN
        UPDATE channel_keys SET revoked_at = now() WHERE name = p_name;
        PERFORM qlue_revoke_groups('qlue_gateway', ARRAY[v.login]);
    END IF;
END $$;

-- The channels with what a console shows of them. "Today" is the day in Jakarta. A channel's
-- reports are the 'created' events stamped with its login (see qlue_events_stamp below).
CREATE FUNCTION qlue_channel_list()
RETURNS TABLE (name text, login text, created_at timestamptz, last_used_at timestamptz,
               revoked_at timestamptz, reports_today bigint, refusals_today bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    WITH day AS (
        SELECT date_trunc('day', now() AT TIME ZONE 'Asia/Jakarta') AT TIME ZONE 'Asia/Jakarta' AS start
    )
    SELECT k.name, k.login, k.created_at, k.last_used_at, k.revoked_at,
           (SELECT count(*) FROM events e, day
             WHERE e.kind = 'created' AND e.at >= day.start AND e.actor_login = k.login),
           (SELECT count(*) FROM channel_refusals f, day
             WHERE f.login = k.login AND f.at >= day.start)
      FROM channel_keys k
     ORDER BY k.name
$$;

-- Who made an event: the session's login, or the channel a gateway acts as (SET ROLE to a
-- channel login it is a member of through qlue_gateway; the setting 'role' keeps that role
-- inside SECURITY DEFINER functions). Only catalog checks: any role may insert events.
CREATE OR REPLACE FUNCTION qlue_events_stamp() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    v_role text := current_setting('role', true);
BEGIN
    NEW.actor_login := session_user;
    IF v_role IS NOT NULL AND v_role <> 'none' AND v_role <> session_user::text THEN
        IF pg_has_role(session_user, 'qlue_gateway', 'MEMBER') THEN
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = v_role)
               AND pg_has_role(v_role, 'qlue_channel', 'MEMBER')
               AND pg_has_role('qlue_gateway', v_role, 'MEMBER') THEN
                NEW.actor_login := v_role;
            END IF;
        END IF;
    END IF;
    RETURN NEW;
END $$;

REVOKE ALL ON FUNCTION qlue_channel_key_check(text), qlue_channel_refusal(text, text),
    qlue_channel_add(text, text), qlue_channel_revoke(text), qlue_channel_list() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION qlue_channel_key_check(text), qlue_channel_refusal(text, text) TO qlue_gateway;
GRANT EXECUTE ON FUNCTION qlue_channel_add(text, text), qlue_channel_revoke(text), qlue_channel_list()
    TO qlue_admin;
