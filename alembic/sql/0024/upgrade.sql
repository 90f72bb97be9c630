-- 0024: receipts of a person's actions, so that an action whose commit was in doubt (the
-- connection, or the primary, was lost while COMMIT was on its way) is checked after the
-- reconnect instead of being repeated blindly.
--
-- The console writes a random token with the action, in the action's own transaction
-- (qlue_action_receipt); when the commit's answer is lost it asks qlue_action_committed(token)
-- on whichever server is the primary now. The receipt is there exactly when the action
-- committed: after a failover with synchronous replication, when the standby had it.

CREATE TABLE action_receipts (
    token   uuid PRIMARY KEY,
    login   name NOT NULL DEFAULT session_user,
    done_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX action_receipts_login_done_at ON action_receipts (login, done_at);
REVOKE ALL ON action_receipts FROM PUBLIC;

COMMENT ON TABLE action_receipts IS
    'One row per action of a person, written in the action''s transaction: its token proves '
    'after a lost connection whether the action committed. Kept a day.';

CREATE FUNCTION qlue_action_receipt(p_token uuid) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF p_token IS NULL THEN
        PERFORM qlue_fail('token', 'an action receipt needs a token');
    END IF;
    INSERT INTO action_receipts (token, login) VALUES (p_token, session_user);
    -- this login's receipts older than a day are of no more use (an in-doubt check comes
    -- seconds after the action)
    DELETE FROM action_receipts
     WHERE login = session_user AND done_at < now() - interval '1 day';
END $$;

-- Whether the action that wrote p_token committed. An action whose transaction is still
-- deciding (its commit waiting for the synchronous standby, say) is waited for: the insert
-- below blocks on its uniqueness check until it ends. The caller ROLLS BACK afterwards (the
-- probe's own row must not stay; a rollback never waits for a standby).
CREATE FUNCTION qlue_action_committed(p_token uuid) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    INSERT INTO action_receipts (token, login) VALUES (p_token, session_user)
    ON CONFLICT (token) DO NOTHING;
    IF FOUND THEN
        RETURN false;  -- no such receipt: the action did not commit, and now never will
    END IF;
    RETURN EXISTS (SELECT 1 FROM action_receipts WHERE token = p_token AND login = session_user);
END $$;

REVOKE ALL ON FUNCTION qlue_action_receipt(uuid), qlue_action_committed(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION qlue_action_receipt(uuid), qlue_action_committed(uuid)
    TO qlue_operator, qlue_supervisor, qlue_admin;
