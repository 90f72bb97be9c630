-- Revision 0002: the operator's triage — claims, triage actions with optimistic concurrency,
-- named views shared with the team, and the indexes the queue, the map and the duplicate
-- finder need at a city's volume.
--
-- Errors: 22023 bad input (as in 0001); QC001 the report changed since the console read it
-- (DETAIL: JSON of the last event: who, what, when); QC002 the report is claimed by someone
-- else (DETAIL: JSON with the holder and the expiry); 42501 not allowed for this role.

CREATE INDEX reports_point_idx ON reports USING gist (point(lon, lat));
-- The working queue in its two orders (the partial predicate is the list of open states).
CREATE INDEX reports_open_priority_idx ON reports (priority DESC, created_at, id)
    WHERE status IN ('new', 'triaged', 'dispatched', 'coordination', 'disposition', 'followed_up', 'reopened');
CREATE INDEX reports_open_created_idx ON reports (created_at DESC, id DESC)
    WHERE status IN ('new', 'triaged', 'dispatched', 'coordination', 'disposition', 'followed_up', 'reopened');
CREATE INDEX reports_status_created_idx ON reports (status, created_at DESC, id DESC);
CREATE INDEX reports_claim_idx ON reports (claimed_by) WHERE claimed_by IS NOT NULL;
CREATE INDEX reports_channel_created_idx ON reports (channel, created_at DESC, id DESC);
CREATE INDEX reports_outside_idx ON reports (created_at DESC, id DESC) WHERE outside_jurisdiction;
CREATE INDEX reports_due_open_idx ON reports (due_at)
    WHERE status NOT IN ('verified', 'rejected', 'duplicate');

CREATE TABLE saved_views (
    id          serial PRIMARY KEY,
    name        text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 120),
    owner       text NOT NULL DEFAULT session_user,
    shared      boolean NOT NULL DEFAULT false,
    filter      jsonb NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (owner, name)
);
ALTER TABLE saved_views ENABLE ROW LEVEL SECURITY;
CREATE POLICY saved_views_read ON saved_views FOR SELECT USING (shared OR owner = session_user);
CREATE POLICY saved_views_insert ON saved_views FOR INSERT WITH CHECK (owner = session_user);
CREATE POLICY saved_views_change ON saved_views FOR UPDATE USING (owner = session_user) WITH CHECK (owner = session_user);
CREATE POLICY saved_views_delete ON saved_views FOR DELETE USING (owner = session_user);
GRANT SELECT, INSERT, UPDATE, DELETE ON saved_views TO qlue_operator, qlue_analyst;
GRANT USAGE ON SEQUENCE saved_views_id_seq TO qlue_operator, qlue_analyst;
GRANT ALL ON saved_views TO qlue_admin;

-- Who the database says the caller is, as shown in the console.
CREATE FUNCTION qlue_actor() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT handle FROM accounts WHERE login = session_user), session_user::text)
$$;

CREATE FUNCTION qlue_is_supervisor() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT pg_has_role(session_user, 'qlue_supervisor', 'MEMBER')
        OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)
$$;

-- Raises QC001 unless the report is still at the version the console read; QC002 when
-- someone else holds a live claim. Returns the locked row.
CREATE FUNCTION qlue_lock_for_action(p_report bigint, p_version integer)
RETURNS reports LANGUAGE plpgsql AS $$
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

CREATE FUNCTION qlue_touch(p_report bigint, p_kind text, p_payload jsonb) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE v_version integer;
BEGIN
    UPDATE reports SET version = version + 1, updated_at = now() WHERE id = p_report
    RETURNING version INTO v_version;
    INSERT INTO events (report_id, actor, kind, payload) VALUES (p_report, qlue_actor(), p_kind, p_payload);
    RETURN v_version;
END $$;

-- "Next report": the oldest of the most urgent unclaimed reports waiting for triage. Two
-- operators never get the same one (SKIP LOCKED); an expired claim is free again, decided
-- by the database clock.
CREATE FUNCTION claim_next_report(p_minutes integer DEFAULT 10) RETURNS bigint
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
CREATE FUNCTION claim_report(p_report bigint, p_minutes integer DEFAULT 10) RETURNS timestamptz
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

-- Releases one's own claim, or (a supervisor) breaks someone else's.
CREATE FUNCTION release_claim(p_report bigint) RETURNS void
LANGUAGE plpgsql AS $$
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

CREATE FUNCTION set_report_category(p_report bigint, p_version integer, p_category text) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE v reports%ROWTYPE;
BEGIN
    v := qlue_lock_for_action(p_report, p_version);
    IF NOT EXISTS (SELECT 1 FROM categories WHERE code = p_category AND active) THEN
        PERFORM qlue_fail('category', format('unknown category %L', p_category));
    END IF;
    UPDATE reports SET category_code = p_category WHERE id = p_report;
    RETURN qlue_touch(p_report, 'categorised', jsonb_build_object('from', v.category_code, 'to', p_category));
END $$;

CREATE FUNCTION set_report_priority(p_report bigint, p_version integer, p_priority integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE v reports%ROWTYPE;
BEGIN
    v := qlue_lock_for_action(p_report, p_version);
    IF p_priority IS NULL OR p_priority NOT BETWEEN 0 AND 3 THEN
        PERFORM qlue_fail('priority', 'priority is 0 (low) to 3 (urgent)');
    END IF;
    UPDATE reports SET priority = p_priority WHERE id = p_report;
    RETURN qlue_touch(p_report, 'prioritised', jsonb_build_object('from', v.priority, 'to', p_priority));
END $$;

CREATE FUNCTION mark_report_triaged(p_report bigint, p_version integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE v reports%ROWTYPE;
BEGIN
    v := qlue_lock_for_action(p_report, p_version);
    IF v.status <> 'new' THEN
        PERFORM qlue_fail('report', format('report %s is %s, not new', p_report, v.status));
    END IF;
    UPDATE reports SET status = 'triaged', triaged_at = now() WHERE id = p_report;
    RETURN qlue_touch(p_report, 'triaged', '{}'::jsonb);
END $$;

CREATE FUNCTION reject_report(p_report bigint, p_version integer, p_reason text, p_note text DEFAULT NULL)
RETURNS integer LANGUAGE plpgsql AS $$
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

-- Merges a duplicate into the original: the duplicate closes and points to the original, its
-- citizens follow the original, and both timelines say so.
CREATE FUNCTION merge_report(p_report bigint, p_version integer, p_original bigint) RETURNS integer
LANGUAGE plpgsql AS $$
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

CREATE FUNCTION comment_report(p_report bigint, p_text text) RETURNS bigint
LANGUAGE plpgsql AS $$
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

REVOKE ALL ON FUNCTION qlue_actor(), qlue_is_supervisor(), qlue_lock_for_action(bigint, integer),
    qlue_touch(bigint, text, jsonb), claim_next_report(integer), claim_report(bigint, integer),
    release_claim(bigint), set_report_category(bigint, integer, text), set_report_priority(bigint, integer, integer),
    mark_report_triaged(bigint, integer), reject_report(bigint, integer, text, text),
    merge_report(bigint, integer, bigint), comment_report(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION qlue_actor(), qlue_is_supervisor(), qlue_lock_for_action(bigint, integer),
    qlue_touch(bigint, text, jsonb), claim_next_report(integer), claim_report(bigint, integer),
    release_claim(bigint), set_report_category(bigint, integer, text), set_report_priority(bigint, integer, integer),
    mark_report_triaged(bigint, integer), reject_report(bigint, integer, text, text),
    merge_report(bigint, integer, bigint), comment_report(bigint, text) TO qlue_operator, qlue_admin;
GRANT EXECUTE ON FUNCTION qlue_actor(), qlue_is_supervisor() TO qlue_analyst;
