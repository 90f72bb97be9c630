-- Revision 0014: one definition of a report as the console reads it.

-- The closed states, written once for every query of the console. A plain SQL expression, so
-- the planner inlines it and the partial indexes whose predicate is the same list
-- (reports_open_map_idx) still apply.
CREATE FUNCTION qlue_report_is_open(p_status text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT p_status NOT IN ('verified', 'rejected', 'duplicate')
$$;
COMMENT ON FUNCTION qlue_report_is_open(text) IS
    'Whether a report in this state is still open: every state but verified, rejected and duplicate.';

-- Every report with what the console asks of it. The joins are LEFT JOINs on primary keys and
-- the derived columns are plain expressions: a query that does not read a column pays nothing
-- for it (PostgreSQL removes the unused joins and never evaluates the unread expressions).
CREATE VIEW console_reports WITH (security_invoker = true) AS
SELECT r.*,
       qlue_report_is_open(r.status) AS is_open,
       (coalesce(r.due_at < now(), false) AND qlue_report_is_open(r.status)) AS overdue,
       EXISTS (SELECT 1 FROM follow_ups f
                WHERE f.report_id = r.id AND f.verification = 'pending') AS awaiting_verification,
       kel.name AS kelurahan_name,
       kec.name AS kecamatan_name,
       kota.name AS kota_name,
       c.name_id AS category_name_id,
       c.name_en AS category_name_en
  FROM reports r
  LEFT JOIN categories c ON c.code = r.category_code
  LEFT JOIN areas kel ON kel.code = r.kelurahan_code
  LEFT JOIN areas kec ON kec.code = r.kecamatan_code
  LEFT JOIN areas kota ON kota.code = r.kota_code;
COMMENT ON VIEW console_reports IS
    'A report as the console reads it: the reports row, is_open, overdue, awaiting_verification, '
    'the names of its areas and of its category. Runs with the reader''s rights (row-level security applies).';

REVOKE ALL ON FUNCTION qlue_report_is_open(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION qlue_report_is_open(text) TO qlue_analyst, qlue_operator, qlue_channel, qlue_admin;
GRANT SELECT ON console_reports TO qlue_analyst, qlue_operator, qlue_admin;
