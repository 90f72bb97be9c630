-- Revision 0032: the shift handover, and claims handed to a named colleague.
--
-- * handover_notes: the note a person writes at the end of a shift for the next person of their
--   team (the team is the Qlue role: operator, supervisor or admin, as qlue_whoami says): a
--   text, the named views to watch (shared views, their names kept as written) and the reports
--   to keep an eye on. Every note is kept, with who wrote it and when, and who acknowledged it
--   and when. The latest note of the team, while nobody acknowledged it, is shown at sign-in to
--   every member of the team but its author (pending_handover_note); the first of them to
--   acknowledge it (acknowledge_handover_note) takes it over. Nobody reads or writes the table
--   directly: the functions below do, as its owner.
-- * hand_claims_to: the caller's live claims on the reports given, handed to a colleague who
--   may claim (a login of qlue_operator or qlue_admin), in one transaction: the colleague holds
--   them for p_minutes from now, one 'handed_over' event each (payload from, to, minutes). A
--   claim the caller does not hold (any more) is refused and nothing is handed.
--   claim_colleagues lists who may receive them.
--
-- Errors as in 0002: 22023 bad input (DETAIL: the field), 42501 not allowed.

ALTER TABLE events DROP CONSTRAINT events_kind_check;
ALTER TABLE events ADD CONSTRAINT events_kind_check CHECK (kind IN ('created', 'triaged', 'claimed', 'released', 'categorised', 'prioritised', 'dispatched', 'mentioned', 'forwarded', 'escalated', 'comment', 'follow_up', 'proof_approved', 'proof_rejected', 'reopened', 'merged', 'rejected', 'closed', 'undone', 'reply', 'recurrence', 'fix_came_back', 'recurrence_withdrawn', 'handed_over'));

CREATE TABLE handover_notes (
    id                 bigserial PRIMARY KEY,
    team               text NOT NULL CHECK (team IN ('operator', 'supervisor', 'admin')),
    author_login       text NOT NULL DEFAULT session_user,
    author             text NOT NULL,
    written_at         timestamptz NOT NULL DEFAULT now(),
    body               text NOT NULL CHECK (length(btrim(body)) BETWEEN 1 AND 4000),
    view_ids           integer[] NOT NULL DEFAULT '{}',
    view_names         text[] NOT NULL DEFAULT '{}',
    report_ids         bigint[] NOT NULL DEFAULT '{}',
    acknowledged_login text,
    acknowledged_by    text,
    acknowledged_at    timestamptz,
    CHECK (cardinality(view_ids) = cardinality(view_names)),
    CHECK ((acknowledged_login IS NULL) = (acknowledged_at IS NULL))
);
CREATE INDEX handover_notes_team_idx ON handover_notes (team, id DESC);
COMMENT ON TABLE handover_notes IS
    'Shift handover notes, one team (Qlue role) to its next shift; read and written only through '
    'write_handover_note, handover_history, pending_handover_note and acknowledge_handover_note.';
REVOKE ALL ON handover_notes FROM PUBLIC;

-- The caller's team: the Qlue role that may write and read handover notes (NULL: none).
CREATE FUNCTION qlue_handover_team() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT CASE
               WHEN pg_has_role(session_user, 'qlue_admin', 'USAGE') THEN 'admin'
               WHEN pg_has_role(session_user, 'qlue_supervisor', 'USAGE') THEN 'supervisor'
               WHEN pg_has_role(session_user, 'qlue_operator', 'USAGE') THEN 'operator'
           END
$$;

CREATE FUNCTION qlue_handover_check_team() RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE v_team text := qlue_handover_team();
BEGIN
    IF v_team IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = '42501',
            MESSAGE = format('%s is in no team of the command center: no shift handover', session_user);
    END IF;
    RETURN v_team;
END $$;

-- Writes the caller's handover note for the next shift of their team; returns its id.
CREATE FUNCTION write_handover_note(p_body text, p_views integer[] DEFAULT '{}', p_reports bigint[] DEFAULT '{}')
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_team text := qlue_handover_check_team();
    v_names text[] := '{}';
    v_view integer;
    v_row saved_views;
    v_report bigint;
    v_id bigint;
BEGIN
    IF p_body IS NULL OR btrim(p_body) = '' THEN
        PERFORM qlue_fail('body', 'the handover note is empty');
    END IF;
    IF length(btrim(p_body)) > 4000 THEN
        PERFORM qlue_fail('body', 'the handover note is longer than 4000 characters');
    END IF;
    IF cardinality(coalesce(p_views, '{}')) > 20 OR cardinality(coalesce(p_reports, '{}')) > 200 THEN
        PERFORM qlue_fail('reports', 'at most 20 views and 200 reports in a handover note');
    END IF;
    FOREACH v_view IN ARRAY coalesce(p_views, '{}') LOOP
        SELECT * INTO v_row FROM saved_views WHERE id = v_view;
        IF NOT FOUND OR NOT (v_row.shared OR v_row.owner = session_user) THEN
            PERFORM qlue_fail('views', format('unknown named view %s', v_view));
        END IF;
        IF NOT v_row.shared THEN
            PERFORM qlue_fail('views', format('the view %L is private: share it with the team first', v_row.name));
        END IF;
        v_names := v_names || v_row.name;
    END LOOP;
    FOREACH v_report IN ARRAY coalesce(p_reports, '{}') LOOP
        IF NOT EXISTS (SELECT 1 FROM reports WHERE id = v_report) THEN
            PERFORM qlue_fail('reports', format('unknown report %s', v_report));
        END IF;
    END LOOP;
    INSERT INTO handover_notes (team, author, body, view_ids, view_names, report_ids)
    VALUES (v_team, qlue_actor(), btrim(p_body), coalesce(p_views, '{}'), v_names, coalesce(p_reports, '{}'))
    RETURNING id INTO v_id;
    RETURN v_id;
END $$;

-- The caller's team's notes, newest first.
CREATE FUNCTION handover_history(p_limit integer DEFAULT 50) RETURNS SETOF handover_notes
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE v_team text := qlue_handover_check_team();
BEGIN
    IF p_limit IS NULL OR p_limit < 1 OR p_limit > 500 THEN
        PERFORM qlue_fail('limit', 'the limit is 1 to 500');
    END IF;
    RETURN QUERY SELECT * FROM handover_notes WHERE team = v_team ORDER BY id DESC LIMIT p_limit;
END $$;

-- The note to show at the caller's sign-in: the team's latest, unless someone acknowledged it
-- or the caller wrote it (no row then).
CREATE FUNCTION pending_handover_note() RETURNS SETOF handover_notes
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE v_team text := qlue_handover_check_team();
BEGIN
    RETURN QUERY
        SELECT * FROM (SELECT * FROM handover_notes WHERE team = v_team ORDER BY id DESC LIMIT 1) n
         WHERE n.acknowledged_at IS NULL AND n.author_login <> session_user;
END $$;

-- The caller takes the note over; returns when it was acknowledged (by whoever did first).
CREATE FUNCTION acknowledge_handover_note(p_note bigint) RETURNS timestamptz
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_team text := qlue_handover_check_team();
    v handover_notes;
BEGIN
    SELECT * INTO v FROM handover_notes WHERE id = p_note AND team = v_team FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM qlue_fail('note', format('unknown handover note %s', p_note));
    END IF;
    IF v.author_login = session_user THEN
        PERFORM qlue_fail('note', 'a handover note is acknowledged by the next shift, not its author');
    END IF;
    IF v.acknowledged_at IS NOT NULL THEN
        RETURN v.acknowledged_at;
    END IF;
    UPDATE handover_notes SET acknowledged_login = session_user, acknowledged_by = qlue_actor(),
                              acknowledged_at = now()
     WHERE id = p_note;
    RETURN now();
END $$;

-- Whether a login may hold claims (the roles claim_report is granted to).
CREATE FUNCTION qlue_may_claim(p_login text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM pg_roles r
                    WHERE r.rolname = p_login AND r.rolcanlogin AND NOT r.rolsuper
                      AND (pg_has_role(r.oid, 'qlue_operator', 'USAGE')
                           OR pg_has_role(r.oid, 'qlue_admin', 'USAGE')))
$$;

-- The colleagues the caller may hand claims to: login and name, by name.
CREATE FUNCTION claim_colleagues() RETURNS TABLE (login text, name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT r.rolname::text, coalesce(a.display_name, r.rolname::text)
      FROM pg_roles r LEFT JOIN accounts a ON a.login = r.rolname AND a.active
     WHERE r.rolname <> session_user AND r.rolcanlogin AND NOT r.rolsuper
       AND (pg_has_role(r.oid, 'qlue_operator', 'USAGE') OR pg_has_role(r.oid, 'qlue_admin', 'USAGE'))
     ORDER BY lower(coalesce(a.display_name, r.rolname::text)), r.rolname
$$;

-- Hands the caller's live claims on p_reports to p_to, all or none; returns how many.
CREATE FUNCTION hand_claims_to(p_reports bigint[], p_to text, p_minutes integer DEFAULT 10)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    v reports%ROWTYPE;
    v_count integer := 0;
BEGIN
    IF p_to IS NULL OR p_to = session_user THEN
        PERFORM qlue_fail('to', 'choose a colleague to hand the claims to');
    END IF;
    IF NOT qlue_may_claim(p_to) THEN
        RAISE EXCEPTION USING ERRCODE = '42501',
            MESSAGE = format('%s cannot claim reports: the claims stay yours', p_to);
    END IF;
    IF p_reports IS NULL OR cardinality(p_reports) = 0 THEN
        PERFORM qlue_fail('reports', 'no claim to hand over');
    END IF;
    IF p_minutes IS NULL OR p_minutes < 1 OR p_minutes > 480 THEN
        PERFORM qlue_fail('minutes', 'a claim lasts 1 to 480 minutes');
    END IF;
    FOR v IN SELECT * FROM reports WHERE id = ANY (p_reports) ORDER BY id FOR UPDATE LOOP
        IF v.claimed_by IS DISTINCT FROM session_user::text OR v.claim_expires_at <= now() THEN
            RAISE EXCEPTION USING ERRCODE = '42501',
                MESSAGE = format('you do not hold the claim on report %s: nothing was handed over', v.id),
                DETAIL = jsonb_build_object('report', v.id, 'holder', v.claimed_by)::text;
        END IF;
        UPDATE reports SET claimed_by = p_to, claim_expires_at = now() + make_interval(mins => p_minutes)
         WHERE id = v.id;
        INSERT INTO events (report_id, actor, kind, payload)
        VALUES (v.id, qlue_actor(), 'handed_over',
                jsonb_build_object('from', session_user::text, 'to', p_to, 'minutes', p_minutes));
        v_count := v_count + 1;
    END LOOP;
    IF v_count <> (SELECT count(DISTINCT r) FROM unnest(p_reports) r) THEN
        PERFORM qlue_fail('reports', 'unknown report among the claims to hand over');
    END IF;
    RETURN v_count;
END $$;

REVOKE ALL ON FUNCTION qlue_handover_team(), qlue_handover_check_team(),
    write_handover_note(text, integer[], bigint[]), handover_history(integer), pending_handover_note(),
    acknowledge_handover_note(bigint), qlue_may_claim(text), claim_colleagues(),
    hand_claims_to(bigint[], text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION qlue_handover_team(), qlue_handover_check_team(),
    write_handover_note(text, integer[], bigint[]), handover_history(integer), pending_handover_note(),
    acknowledge_handover_note(bigint), qlue_may_claim(text), claim_colleagues(),
    hand_claims_to(bigint[], text, integer) TO qlue_operator, qlue_admin;
