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
       (SELECT c.name_en FROM categories c WHERE c.code = r.category_code) AS category_name_en
  FROM reports r;
COMMENT ON VIEW console_reports IS
    'A report as the console reads it: the reports row, is_open, overdue, awaiting_verification, '
    'the names of its areas and of its category. Runs with the reader''s rights (row-level security applies).';

REVOKE ALL ON FUNCTION qlue_report_is_open(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION qlue_report_is_open(text) TO qlue_analyst, qlue_operator, qlue_admin;
GRANT SELECT ON console_reports TO qlue_analyst, qlue_operator, qlue_admin;
