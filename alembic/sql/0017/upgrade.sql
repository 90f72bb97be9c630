-- Revision 0017: the Open311 gateway's GET requests asks by the time a citizen reported
-- (requested_datetime), newest first, within a window of at most 90 days; without an index on
-- reported_at that was a scan of every report (about 200 ms at 1,000,000 reports).
CREATE INDEX reports_reported_idx ON reports (reported_at DESC, id DESC);
