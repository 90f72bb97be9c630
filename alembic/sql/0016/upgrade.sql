-- Revision 0016: the history of a report imported from another system (a GeoReport v2 dump,
-- `qlue-console import open311`). The report itself comes through submit_report (with its
-- reported_at); an admin then writes its timeline with import_report_history:
--
-- * kind 'comment': a note of the source at its own time (payload: imported, summary);
-- * kind 'closed': the source closed it at that time; the report becomes 'verified' with that
--   closed_at (no proof photo: the source's own closing is taken as it is).
--
-- The report's 'created' event is moved to the time it was reported, and the report's
-- updated_at to its newest imported time, so the KPI facts (refreshed here) count the real
-- durations. Only a report whose events are its 'created' and imported ones may take history:
-- a report the center has worked on is refused. Writing the same event again (same kind, time
-- and summary) returns the first one's id and changes nothing.
--
-- Errors: 22023 bad input (DETAIL: the field; nothing is written), 42501 not allowed (only
-- qlue_admin may execute it).

CREATE FUNCTION import_report_history(p_report bigint, p_kind text, p_at timestamptz, p_summary text)
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

REVOKE ALL ON FUNCTION import_report_history(bigint, text, timestamptz, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION import_report_history(bigint, text, timestamptz, text) TO qlue_admin;
