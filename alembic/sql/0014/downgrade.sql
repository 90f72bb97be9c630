-- Revision 0014 down: the view and the function go; nothing else depended on them before 0014.
DROP VIEW IF EXISTS console_reports;
DROP FUNCTION IF EXISTS qlue_report_is_open(text);
