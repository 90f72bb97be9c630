-- Revision 0030 down: recurrences and chronic spots gone. The rule's events stay on the
-- timelines as internal comments (payload recurrence = the kind they had), so the history of
-- what the console said is not lost and no kind unknown to 0029 remains.
DROP TRIGGER events_recurrence ON events;
DROP TRIGGER reports_recurrence_status ON reports;

DROP VIEW console_reports;
CREATE VIEW console_reports WITH (security_invoker = true) AS
SELECT r.*,
       qlue_report_is_open(r.status) AS is_open,
       (coalesce(r.due_at < now(), false) AND qlue_report_is_open(r.status)) AS overdue,
       EXISTS (SELECT 1 FROM follow_ups f
                WHERE f.report_id = r.id AND f.verification = 'pending') AS awaiting_verification,
       (SELECT a.name FROM areas a WHERE a.code = r.kelurahan_code) AS kelurahan_name,
       (SELECT a.name FROM areas a WHERE a.code = r.kecamatan_code) AS kecamatan_name,
       (SELECT a.name FROM areas a WHERE a.code = r.kota_code) AS kota_name,
       (SELECT c.name_id FROM categories c WHERE c.code = r.category_code) AS category_name_id,
       (SELECT c.name_en FROM categories c WHERE c.code = r.category_code) AS category_name_en,
       qlue_report_channel_name(r.id) AS channel_name
  FROM reports r;
COMMENT ON VIEW console_reports IS
    'A report as the console reads it: the reports row, is_open, overdue, awaiting_verification, '
    'the names of its areas and of its category, the named Open311 channel that posted it. '
    'Runs with the reader''s rights (row-level security applies).';
GRANT SELECT ON console_reports TO qlue_analyst, qlue_operator, qlue_admin;

CREATE OR REPLACE FUNCTION import_report_history(p_report bigint, p_kind text, p_at timestamptz, p_summary text)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v reports%ROWTYPE;
    v_summary text := nullif(qlue_trim(p_summary), '');
    v_event bigint;
    v_actor text;
BEGIN
    IF p_kind IS NULL OR p_kind NOT IN ('comment', 'closed') THEN
        PERFORM qlue_fail('kind', format('unknown history kind %L (comment or closed)', p_kind));
    END IF;
    IF p_at IS NULL OR p_at > now() THEN
        PERFORM qlue_fail('at', 'an imported event needs a time that is not in the future');
    END IF;
    IF p_kind = 'comment' AND v_summary IS NULL THEN
        PERFORM qlue_fail('summary', 'an imported note needs its text');
    END IF;
    IF length(v_summary) > 5000 THEN
        PERFORM qlue_fail('summary', 'an imported note is longer than 5000 characters');
    END IF;
    SELECT * INTO v FROM reports WHERE id = p_report FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM qlue_fail('report', format('there is no report %s', coalesce(p_report::text, 'NULL')));
    END IF;
    IF p_at < v.reported_at THEN
        PERFORM qlue_fail('at', format('an imported event at %s is before the report (%s)', p_at, v.reported_at));
    END IF;
    IF EXISTS (SELECT 1 FROM events e WHERE e.report_id = p_report
                  AND e.kind <> 'created' AND NOT coalesce((e.payload->>'imported')::boolean, false)) THEN
        PERFORM qlue_fail('report', format('report %s has a history in the console; only an imported report takes imported history', p_report));
    END IF;

    SELECT e.id INTO v_event FROM events e
     WHERE e.report_id = p_report AND e.kind = p_kind AND e.at = p_at
       AND (e.payload->>'imported')::boolean AND e.payload->>'summary' IS NOT DISTINCT FROM v_summary;
    IF FOUND THEN
        RETURN v_event;
    END IF;
    IF p_kind = 'closed' AND v.status = 'verified' THEN
        PERFORM qlue_fail('kind', format('report %s is closed already (at %s)', p_report, v.closed_at));
    END IF;

    v_actor := 'import:' || split_part(v.external_id, ':', 1);
    UPDATE events SET at = v.reported_at
     WHERE report_id = p_report AND kind = 'created' AND at <> v.reported_at;
    INSERT INTO events (report_id, actor, kind, at, payload)
    VALUES (p_report, v_actor, p_kind, p_at,
            jsonb_build_object('imported', true, 'summary', v_summary, 'by', 'import'))
    RETURNING id INTO v_event;
    IF p_kind = 'closed' THEN
        UPDATE mentions SET state = 'closed' WHERE report_id = p_report AND state = 'open';
        UPDATE reports SET status = 'verified', closed_at = p_at, due_at = NULL,
                           claimed_by = NULL, claim_expires_at = NULL
         WHERE id = p_report;
    END IF;
    UPDATE reports SET updated_at = (SELECT max(at) FROM events WHERE report_id = p_report),
                       version = version + 1
     WHERE id = p_report;
    PERFORM qlue_kpi_refresh(ARRAY[p_report]);
    RETURN v_event;
END $$;

UPDATE events SET kind = 'comment',
       payload = payload || jsonb_build_object('internal', true, 'recurrence', kind,
           'text', CASE kind WHEN 'recurrence' THEN 'came back after closing report ' || (payload->>'closed_report')
                             WHEN 'fix_came_back' THEN 'a fix here came back: report ' || (payload->>'report')
                             ELSE 'recurrence withdrawn' END)
 WHERE kind IN ('recurrence', 'fix_came_back', 'recurrence_withdrawn');
ALTER TABLE events DROP CONSTRAINT events_kind_check;
ALTER TABLE events ADD CONSTRAINT events_kind_check CHECK (kind IN ('created', 'triaged', 'claimed', 'released', 'categorised', 'prioritised', 'dispatched', 'mentioned', 'forwarded', 'escalated', 'comment', 'follow_up', 'proof_approved', 'proof_rejected', 'reopened', 'merged', 'rejected', 'closed', 'undone', 'reply'));

DROP FUNCTION set_category_relation(text, text, boolean);
DROP FUNCTION set_recurrence_settings(double precision, integer, integer, integer);
DROP FUNCTION recurrence_history(bigint);
DROP FUNCTION chronic_spots_at(timestamptz);
DROP FUNCTION qlue_recurrence_backfill(timestamptz);
DROP FUNCTION qlue_recurrence_on_status();
DROP FUNCTION qlue_recurrence_on_created();
DROP FUNCTION qlue_chronic_place(bigint, integer);
DROP FUNCTION qlue_recurrence_record(bigint, bigint, double precision, timestamptz, timestamptz, boolean);
DROP FUNCTION qlue_recurrence_candidate(bigint, text, double precision, double precision, timestamptz);
DROP FUNCTION qlue_reports_near(double precision, double precision, double precision, text[]);
DROP FUNCTION qlue_related_categories(text);
DROP FUNCTION qlue_box_around(double precision, double precision, double precision);
DROP FUNCTION qlue_distance_m(double precision, double precision, double precision, double precision);
DROP TABLE chronic_spot_reports;
DROP TABLE chronic_spots;
DROP TABLE recurrences;
DROP TABLE category_relations;
DROP TABLE recurrence_settings;
DROP INDEX reports_point_idx;
CREATE INDEX reports_point_idx ON reports USING gist (point(lon, lat));
