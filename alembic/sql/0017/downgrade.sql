-- Revision 0017 down: the index goes; nothing depends on it.
DROP INDEX IF EXISTS reports_reported_idx;
