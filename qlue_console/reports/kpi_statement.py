"""The one SQL statement of the weekly KPIs (``kpis.fetch_weekly_kpis`` runs it): every
definition of kpis.py's docstring as SQL over the pre-aggregated facts, for one week and the
groupings asked for."""

from __future__ import annotations

# The open states spelled as the predicate of kpi_spans_open_idx (revision 0005), so that the
# planner proves the partial index applies; everywhere else the rule is qlue_report_is_open.
_OPEN = "('new', 'triaged', 'dispatched', 'coordination', 'disposition', 'followed_up', 'reopened')"

# The pre-aggregation of revisions 0005 and 0008, exact and kept by triggers, holds what would
# otherwise be looked up report by report: first times, second forward, the first dispatch's
# due time and the accounts mentioned (kpi_report_facts), the states as spans between
# state-changing events (kpi_state_spans), each proof's reuse (kpi_proof_facts) and, from
# revision 0011, each mention's validity interval (kpi_mention_spans). The week's own events
# and the mentions open at its end are read as ranges of their indexes.
WEEK_SQL = f"""
WITH b AS MATERIALIZED (
    SELECT CAST(:ws AS timestamp) AT TIME ZONE 'Asia/Jakarta' AS s,
           CAST(:we AS timestamp) AT TIME ZONE 'Asia/Jakarta' AS e
),
-- The week's events.
we AS MATERIALIZED (
    SELECT ev.report_id, ev.id, ev.at, ev.kind, qlue_kpi_state(ev.kind, ev.payload) AS state,
           ev.kind = 'reopened' AND coalesce(ev.payload->>'by', 'citizen') = 'citizen' AS by_citizen
      FROM events ev CROSS JOIN b WHERE ev.at >= b.s AND ev.at < b.e
),
-- ... per report.
wk AS MATERIALIZED (
    SELECT we.report_id,
           count(*) FILTER (WHERE we.kind = 'follow_up') AS fu_in_week,
           count(*) FILTER (WHERE we.kind = 'proof_approved') AS approved_in_week,
           count(*) FILTER (WHERE we.kind = 'proof_rejected') AS rejected_in_week,
           count(*) FILTER (WHERE we.by_citizen) AS reopened_in_week,
           count(*) FILTER (WHERE we.kind = 'forwarded') AS forwarded_in_week,
           count(*) FILTER (WHERE we.kind IN ('dispatched', 'forwarded')) AS handed_in_week,
           max(we.at) FILTER (WHERE we.kind IN ('proof_approved', 'closed')) AS closed_in_week_at
      FROM we GROUP BY we.report_id
),
-- The state the report's last state-changing event of the week put it in.
wst AS MATERIALIZED (
    SELECT DISTINCT ON (we.report_id) we.report_id, we.state
      FROM we WHERE we.state IS NOT NULL ORDER BY we.report_id, we.at DESC, we.id DESC
),
-- The reports open at the week's end: the state span containing the end is an open state.
open_end AS MATERIALIZED (
    SELECT sp.report_id, sp.state FROM kpi_state_spans sp CROSS JOIN b
     WHERE sp.state IN {_OPEN} AND sp.to_at IS NULL AND sp.from_at < b.e
    UNION ALL
    SELECT sp.report_id, sp.state FROM kpi_state_spans sp CROSS JOIN b
     WHERE sp.state IN {_OPEN} AND sp.to_at >= b.e AND sp.from_at < b.e
),
cand AS MATERIALIZED (
    SELECT coalesce(o.report_id, wk.report_id) AS report_id, coalesce(o.state, wst.state) AS state
      FROM open_end o FULL JOIN wk ON wk.report_id = o.report_id
      LEFT JOIN wst ON wst.report_id = wk.report_id
),
-- The mentions open at the week's end: made before it and not ended (resolved, passed on,
-- escalated, closed with the report) before it, whatever happened to them since.
lm AS MATERIALIZED (
    SELECT ms.report_id, ms.account_id, ms.due_at < b.e AS overdue
      FROM kpi_mention_spans ms CROSS JOIN b
     WHERE ms.to_at IS NULL AND ms.from_at < b.e
    UNION ALL
    SELECT ms.report_id, ms.account_id, ms.due_at < b.e FROM kpi_mention_spans ms CROSS JOIN b
     WHERE ms.to_at >= b.e AND ms.from_at < b.e
),
lr AS MATERIALIZED (
    SELECT lm.report_id, bool_or(lm.overdue) AS overdue FROM lm GROUP BY lm.report_id
),
-- The verifier's reuse verdicts recorded in the week (a proof posted in the week is checked
-- after it was posted): the last one before the week's end counts, not one recorded since.
ck AS MATERIALIZED (
    SELECT DISTINCT ON (pc.follow_up_id) pc.follow_up_id, pc.reused
      FROM kpi_proof_checks pc CROSS JOIN b
     WHERE pc.checked_at >= b.s AND pc.checked_at < b.e
     ORDER BY pc.follow_up_id, pc.checked_at DESC, pc.id DESC
),
-- Proofs posted in the week that are reused, as known at its end: that verdict, else the photo
-- rule (see the module docstring).
ru AS MATERIALIZED (
    SELECT pf.report_id, count(*) AS reused_in_week FROM kpi_proof_facts pf CROSS JOIN b
      LEFT JOIN ck ON ck.follow_up_id = pf.follow_up_id
     WHERE pf.at >= b.s AND pf.at < b.e AND coalesce(ck.reused, pf.reused_by_photo)
     GROUP BY pf.report_id
),
-- Reports recategorised since the week's end: their category at the end is what the first
-- such change changed from (the facts carry the current category). One range of
-- events_kind_at_idx, short for recent weeks.
rc AS MATERIALIZED (
    SELECT DISTINCT ON (ev.report_id) ev.report_id, ev.payload->>'from' AS category_code
      FROM events ev CROSS JOIN b
     WHERE ev.kind = 'categorised' AND ev.at >= b.e AND ev.payload->>'from' IS NOT NULL
     ORDER BY ev.report_id, ev.at, ev.id
),
f AS MATERIALIZED (
    SELECT c.report_id, fa.kelurahan_code, fa.kecamatan_code, fa.kota_code,
           coalesce(rc.category_code, fa.category_code) AS category_code,
           fa.created_at, fa.first_triage_at AS triaged_at, fa.first_dispatch_at AS dispatched_at,
           fa.first_follow_up_at AS first_fu_at, fa.second_forward_at, fa.first_dispatch_due_at,
           fa.mention_accounts, fa.mention_first_at,
           coalesce(wk.fu_in_week, 0) AS fu_in_week,
           coalesce(wk.approved_in_week, 0) AS approved_in_week,
           coalesce(wk.rejected_in_week, 0) AS rejected_in_week,
           coalesce(wk.reopened_in_week, 0) AS reopened_in_week,
           coalesce(wk.forwarded_in_week, 0) AS forwarded_in_week,
           coalesce(wk.handed_in_week, 0) AS handed_in_week, wk.closed_in_week_at,
           -- a report whose week held no state change and that is not open: its last span's state
           coalesce(c.state, (
               SELECT sp.state FROM kpi_state_spans sp
                WHERE sp.report_id = c.report_id AND sp.from_at < b.e
                  AND (sp.to_at IS NULL OR sp.to_at >= b.e)
                ORDER BY sp.from_at DESC, sp.event_id DESC LIMIT 1)) AS state_at_end,
           coalesce(ru.reused_in_week, 0) AS reused_in_week,
           coalesce(lr.overdue, false) AS overdue_mention
      -- in key order: the probes walk the facts' index and pages once, in order
      FROM (SELECT * FROM cand ORDER BY report_id) c CROSS JOIN b
      -- by key, not a hash of all; the facts carry the report's codes, so reports is not read
      CROSS JOIN LATERAL (SELECT fa.* FROM kpi_report_facts fa
                           WHERE fa.report_id = c.report_id OFFSET 0) fa
      LEFT JOIN wk ON wk.report_id = c.report_id
      LEFT JOIN ru ON ru.report_id = c.report_id
      LEFT JOIN lr ON lr.report_id = c.report_id
      LEFT JOIN rc ON rc.report_id = c.report_id
     WHERE fa.created_at < b.e
),
d AS MATERIALIZED (
    SELECT f.*, cat.agency_code, cat.weight,
           f.created_at >= b.s AS created_in_week,
           qlue_report_is_open(f.state_at_end) AS open_at_end,
           coalesce(f.dispatched_at >= b.s AND f.dispatched_at < b.e, false) AS dispatched_in_week,
           coalesce(f.second_forward_at < b.e, false) AS forwarded_twice,
           CASE WHEN f.triaged_at >= b.s AND f.triaged_at < b.e
                THEN extract(epoch FROM f.triaged_at - f.created_at) / 3600.0 END AS triage_h,
           CASE WHEN f.first_fu_at >= b.s AND f.first_fu_at < b.e
                THEN greatest(0, extract(epoch FROM f.first_fu_at
                                  - CASE WHEN f.dispatched_at <= f.first_fu_at
                                         THEN f.dispatched_at ELSE f.created_at END) / 3600.0)
           END AS response_h,
           CASE WHEN f.closed_in_week_at IS NOT NULL
                THEN extract(epoch FROM f.closed_in_week_at - f.created_at) / 3600.0 END AS close_h,
           CASE WHEN f.first_fu_at >= b.s AND f.first_fu_at < b.e THEN f.first_fu_at <= coalesce(
                    f.first_dispatch_due_at,
                    qlue_due_at(CASE WHEN f.dispatched_at <= f.first_fu_at
                                     THEN f.dispatched_at ELSE f.created_at END,
                                cat.sla_hours, cat.sla_mode)) END AS sla_met,
           f.state_at_end IN ('new', 'triaged', 'dispatched', 'coordination', 'disposition',
                              'reopened')
               AND f.overdue_mention AS overdue_at_end
      FROM f CROSS JOIN b
      JOIN categories cat ON cat.code = f.category_code
),
-- Which groups each report counts for; 'live'/'own_overdue' narrow the backlog of officials
-- to their own open (and overdue) mentions.
m AS (
    SELECT d.*, 'city' AS grouping, '' AS key, true AS live, true AS own_overdue FROM d
    UNION ALL
    SELECT d.*, 'agency', d.agency_code, true, true FROM d
        WHERE 'agency' = ANY (CAST(:groupings AS text[]))
    UNION ALL
    SELECT d.*, 'kota', d.kota_code, true, true FROM d
        WHERE 'kota' = ANY (CAST(:groupings AS text[]))
    UNION ALL
    SELECT d.*, 'kecamatan', d.kecamatan_code, true, true FROM d
        WHERE 'kecamatan' = ANY (CAST(:groupings AS text[]))
    UNION ALL
    SELECT d.*, 'kelurahan', d.kelurahan_code, true, true FROM d
        WHERE 'kelurahan' = ANY (CAST(:groupings AS text[]))
    UNION ALL
    SELECT d.*, 'official', CAST(a.account_id AS text), ol.report_id IS NOT NULL,
           coalesce(ol.overdue, false)
      FROM d CROSS JOIN b
     CROSS JOIN LATERAL unnest(d.mention_accounts, d.mention_first_at) AS a(account_id, first_at)
      LEFT JOIN (SELECT lm.report_id, lm.account_id, bool_or(lm.overdue) AS overdue FROM lm
                  GROUP BY lm.report_id, lm.account_id) ol
             ON ol.report_id = d.report_id AND ol.account_id = a.account_id
     WHERE a.first_at < b.e AND 'official' = ANY (CAST(:groupings AS text[]))
),
k AS (
    SELECT m.grouping, m.key,
           count(*) FILTER (WHERE m.created_in_week
                              AND m.state_at_end NOT IN ('rejected', 'duplicate')) AS received,
           count(*) FILTER (WHERE m.created_in_week AND m.state_at_end = 'duplicate') AS duplicates,
           count(*) FILTER (WHERE m.created_in_week AND m.state_at_end = 'rejected') AS rejected,
           -- exact (numeric), as text so that JSON does not turn it into a float
           CAST(coalesce(sum(m.weight) FILTER (
                    WHERE m.created_in_week AND m.state_at_end NOT IN ('rejected', 'duplicate')),
                0) AS text) AS weighted_received,
           count(*) FILTER (WHERE m.dispatched_in_week) AS dispatched,
           count(*) FILTER (WHERE m.fu_in_week > 0) AS followed_up,
           coalesce(sum(m.fu_in_week), 0) AS follow_ups,
           count(*) FILTER (WHERE m.closed_in_week_at IS NOT NULL) AS verified,
           coalesce(sum(m.approved_in_week), 0) AS proofs_approved,
           coalesce(sum(m.rejected_in_week), 0) AS proofs_rejected,
           coalesce(sum(m.reopened_in_week), 0) AS reopened,
           count(*) FILTER (WHERE m.forwarded_in_week > 0) AS forwarded,
           count(*) FILTER (WHERE m.forwarded_in_week > 0 AND m.forwarded_twice) AS forwarded_multi,
           count(*) FILTER (WHERE m.handed_in_week > 0) AS handled,
           count(*) FILTER (WHERE m.open_at_end AND m.live) AS backlog,
           count(*) FILTER (WHERE m.overdue_at_end AND m.own_overdue) AS overdue,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY m.triage_h) AS triage_median_h,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY m.triage_h) AS triage_p90_h,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY m.response_h) AS response_median_h,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY m.response_h) AS response_p90_h,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY m.close_h) AS close_median_h,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY m.close_h) AS close_p90_h,
           count(m.sla_met) AS sla_base,
           count(*) FILTER (WHERE m.sla_met) AS sla_met,
           coalesce(sum(m.reused_in_week), 0) AS reused_proofs
      FROM m
     GROUP BY m.grouping, m.key
)
SELECT (SELECT coalesce(json_agg(k), '[]'::json) FROM k) AS groups,
       (SELECT coalesce(json_agg(x), '[]'::json) FROM (
            SELECT CAST((d.created_at AT TIME ZONE 'Asia/Jakarta') AS date) AS day, d.state_at_end
                AS state,
                   count(*) AS n
              FROM d WHERE d.created_in_week AND CAST(:charts AS boolean)
                  GROUP BY 1, 2) x) AS daily,
       (SELECT coalesce(json_agg(x), '[]'::json) FROM (
            SELECT width_bucket(d.response_h, CAST(:edges AS double precision[])) AS bucket,
                count(*) AS n
              FROM d WHERE d.response_h IS NOT NULL AND CAST(:charts AS boolean)
                  GROUP BY 1) x) AS histogram
"""
