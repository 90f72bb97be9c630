-- Revision 0031: chronic spots as they stood at a past moment, for the weekly report.
--
-- chronic_spots_at (0030) reads each member's *current* status and recurrence: a report
-- rejected or merged today leaves the spot, and its recurrence is withdrawn, whatever week is
-- asked for. The weekly report promises that a finished week never changes afterwards, so it
-- reads the same rule as of the week's end instead:
-- * a member counts when it was reported within the last chronic_weeks before p_at and was
--   neither rejected nor merged at p_at (its state span containing p_at, kpi_state_spans of
--   revision 0005; a report with no span before p_at counts, as it would in 0030);
-- * it counts as a recurrence when the last 'recurrence' / 'recurrence_withdrawn' event on its
--   timeline before p_at is a 'recurrence' (the events are appended at the time they happen).
-- Membership itself (chronic_spot_reports) is decided once, when a report is created, and the
-- settings are read as they are now, as chronic_spots_at does.

CREATE FUNCTION chronic_spots_as_of(p_at timestamptz)
RETURNS TABLE (spot_id bigint, category_code text, lat double precision, lon double precision,
               kelurahan_code text, reports integer, recurrences integer,
               first_reported_at timestamptz, last_reported_at timestamptz)
LANGUAGE sql STABLE AS $$
    SELECT c.id, c.category_code, c.lat, c.lon, c.kelurahan_code, count(*)::integer,
           count(*) FILTER (WHERE x.stands)::integer, min(m.reported_at), max(m.reported_at)
      FROM recurrence_settings s, chronic_spots c
      JOIN chronic_spot_reports m ON m.spot_id = c.id
      LEFT JOIN LATERAL (
          SELECT e.kind = 'recurrence' AS stands FROM events e
           WHERE e.report_id = m.report_id AND e.kind IN ('recurrence', 'recurrence_withdrawn')
             AND e.at < p_at
           ORDER BY e.at DESC, e.id DESC LIMIT 1) x ON true
     -- the spot's current last report is at least its last one at p_at: a safe first filter
     WHERE c.last_report_at >= p_at - make_interval(weeks => s.chronic_weeks)
       AND m.reported_at >= p_at - make_interval(weeks => s.chronic_weeks)
       AND m.reported_at < p_at
       AND NOT EXISTS (
           SELECT 1 FROM kpi_state_spans sp
            WHERE sp.report_id = m.report_id AND sp.from_at < p_at
              AND (sp.to_at IS NULL OR sp.to_at >= p_at)
              AND sp.state IN ('rejected', 'duplicate'))
     GROUP BY c.id, s.chronic_k
    HAVING count(*) >= s.chronic_k
$$;
COMMENT ON FUNCTION chronic_spots_as_of(timestamptz) IS
    'Chronic spots as they stood at p_at: chronic_spots_at''s rule with each member''s state '
    '(kpi_state_spans) and recurrence (its events) as they were at p_at.';

REVOKE ALL ON FUNCTION chronic_spots_as_of(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION chronic_spots_as_of(timestamptz) TO qlue_analyst, qlue_operator, qlue_admin;
