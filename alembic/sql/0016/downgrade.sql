-- Revision 0016 down: the function goes; the reports and events it wrote stay (they are the
-- city's history, like every other event).
DROP FUNCTION IF EXISTS import_report_history(bigint, text, timestamptz, text);
