-- Revision 0005: indexes for the weekly KPIs (qlue_console/reports/kpis.py).
--
-- The open backlog at a week's end looks at the reports that may have been open then: those
-- open now, and those closed at or after the week's end (or never stamped). A report closed
-- before the week's end and untouched since cannot have been open at it; this index lets the
-- query skip the closed history instead of reading every report's events.
CREATE INDEX IF NOT EXISTS reports_closed_at_idx ON reports (closed_at);

-- The reused-proof rate compares each proof posted in the week with the earlier proofs of
-- other reports by exact perceptual hash: one index probe instead of a band scan.
CREATE INDEX IF NOT EXISTS photos_proof_phash_idx ON photos (phash) WHERE kind = 'proof';
