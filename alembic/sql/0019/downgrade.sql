-- Revision 0019 down: console_reports as revision 0018 made it, without channel_name, and the
-- function gone.
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
       (SELECT c.name_en FROM categories c WHERE c.code = r.category_code) AS category_name_en
  FROM reports r;
COMMENT ON VIEW console_reports IS
    'A report as the console reads it: the reports row, is_open, overdue, awaiting_verification, '
    'the names of its areas and of its category. Runs with the reader''s rights (row-level security applies).';
GRANT SELECT ON console_reports TO qlue_analyst, qlue_operator, qlue_admin;
DROP FUNCTION qlue_report_channel_name(bigint);
