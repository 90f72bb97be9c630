-- Revision 0019: the named Open311 channel that posted a report, for the console's queue.
-- reports.channel says only 'app' for a gateway's report; which channel (a row of channel_keys,
-- its login 'channel.<name>') posted it is the actor_login of the report's 'created' event.
-- channel_keys is read only by SECURITY DEFINER functions, so the name comes through one.

-- The name of the channel whose login made the report's first 'created' event, NULL when none
-- did (a report submitted through the contract directly, an imported one). One lookup on
-- events_report_idx (report_id, id) and one on channel_keys' login index.
CREATE FUNCTION qlue_report_channel_name(p_report_id bigint)
RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT k.name
      FROM (SELECT e.actor_login FROM events e
             WHERE e.report_id = p_report_id AND e.kind = 'created'
             ORDER BY e.id LIMIT 1) first_created
      JOIN channel_keys k ON k.login = first_created.actor_login
$$;
REVOKE ALL ON FUNCTION qlue_report_channel_name(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION qlue_report_channel_name(bigint) TO qlue_analyst, qlue_operator, qlue_admin;

-- console_reports made again as 0018 wrote it, plus channel_name last: a plain expression, so a
-- query that does not read it pays nothing for it.
DROP VIEW console_reports;
-- Every report with what the console asks of it. The names are scalar subqueries on primary
-- keys and the derived columns plain expressions: PostgreSQL drops a column of the view that a
-- query does not read, so that query pays nothing for it and reads no column of reports it does
-- not name (an index-only scan stays index-only; a LEFT JOIN, even when removed, would not).
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
