-- Revision 0001: who may do what (DESIGN.md section 4), enforced by PostgreSQL itself.
-- Group roles carry the privileges; each person signs in with a login that is a member of one.
DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['qlue_channel', 'qlue_operator', 'qlue_supervisor', 'qlue_analyst', 'qlue_admin'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END $$;

-- A supervisor can do all an operator does; an admin all a supervisor does.
GRANT qlue_operator TO qlue_supervisor;
GRANT qlue_supervisor TO qlue_admin;

-- Functions are executable by PUBLIC unless revoked.
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO qlue_channel, qlue_operator, qlue_supervisor, qlue_analyst, qlue_admin;

-- Channels: the submission functions and nothing else.
GRANT EXECUTE ON FUNCTION submit_report(text, text, text, text, text, double precision, double precision, bytea, jsonb, timestamptz),
                          submit_follow_up(bigint, text, text, bytea, jsonb, text),
                          reopen_report(bigint, text, text, bytea, jsonb)
      TO qlue_channel, qlue_admin;

-- Analysts read everything and write nothing.
GRANT SELECT ON ALL TABLES IN SCHEMA public TO qlue_analyst, qlue_operator;
GRANT EXECUTE ON FUNCTION qlue_due_at(timestamptz, integer, text), qlue_resolve_kelurahan(double precision, double precision),
                          qlue_is_image(bytea)
      TO qlue_analyst, qlue_operator;

-- Operators triage and dispatch: they change reports, add events and mentions. Nobody but
-- an admin may change or remove an event.
GRANT UPDATE (status, priority, category_code, duplicate_of, followers, claimed_by, claim_expires_at,
              reject_reason, triaged_at, dispatched_at, due_at, closed_at, updated_at, version)
      ON reports TO qlue_operator;
GRANT INSERT ON events, mentions TO qlue_operator;
GRANT UPDATE (state, acknowledged_at, resolved_at) ON mentions TO qlue_operator;
GRANT USAGE ON SEQUENCE events_id_seq, mentions_id_seq TO qlue_operator;
GRANT EXECUTE ON FUNCTION qlue_events_stamp(), qlue_events_notify(), qlue_mentions_notify(), qlue_fail(text, text)
      TO qlue_operator, qlue_channel;

-- Supervisors decide on proofs.
GRANT UPDATE (verification, verifier, verified_at, reason, reason_note, checks, risk) ON follow_ups TO qlue_supervisor;
GRANT UPDATE (phash, width, height, exif, taken_at, gps_lat, gps_lon, mime) ON photos TO qlue_supervisor;

-- Admins manage people, categories, routing and the calendar, and may correct events.
GRANT ALL ON ALL TABLES IN SCHEMA public TO qlue_admin;
GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO qlue_admin;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO qlue_admin;
