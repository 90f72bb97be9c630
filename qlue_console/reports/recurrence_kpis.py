"""The recurrence rate of each group: of the reports the group closed recently, the share whose
place came back (revision 0030's recurrences), as known at the week's end.

**Population** (``closed_window``): the reports with a ``proof_approved`` (or ``closed``) event
in the recurrence window ending at the week's end — ``recurrence_settings.window_days`` (30)
days before the end of the week up to it. The window is the rule's own: a closure older than
that can no longer come back, and a week's own closures alone are too few (and too young) to
say anything. A report closed twice in the window counts once, from its first closing there.

**Came back** (``came_back``): of those, the reports with a ``fix_came_back`` event after that
first closing and before the week's end that was still standing at the week's end — for the
pair (closed report, report that came back, payload ``report``), the last of its
``fix_came_back`` / ``recurrence_withdrawn`` events before the end is a ``fix_came_back``
(withdrawn when the new report was rejected or merged, given back when that was undone). The
events are appended when they happen, so a withdrawal after the week's end never changes a
finished week, and a report coming back just after the end counts for the next week only.

**Groups**: as for ``verified`` in ``kpis.py`` — the agency of the report's category at the
week's end, its kota / kecamatan / kelurahan, every official mentioned on it before the week's
end; the city counts each report once. The rate is came_back / closed_window (``None`` when the
group closed nothing in the window). These counts neither list an official nor make a group
ranked on their own (``KpiRow.has_figures`` and ``active`` leave them out): they look back
30 days, the rest of the row is the week's.

One parameterised statement, two ranges of ``events_kind_at_idx`` (the closings, the
recurrence events of the window) and the KPI facts by key (revision 0008).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, text

_SQL = """
WITH b AS MATERIALIZED (
    SELECT CAST(:we AS timestamp) AT TIME ZONE 'Asia/Jakarta' AS e,
           (CAST(:we AS timestamp) AT TIME ZONE 'Asia/Jakarta')
               - make_interval(days => s.window_days) AS s
      FROM recurrence_settings s
),
-- The reports closed in the window, from their first closing in it.
cl AS MATERIALIZED (
    SELECT ev.report_id, min(ev.at) AS closed_at
      FROM events ev CROSS JOIN b
     WHERE ev.kind IN ('proof_approved', 'closed') AND ev.at >= b.s AND ev.at < b.e
     GROUP BY ev.report_id
),
-- The last word before the week's end on each (closed report, report that came back) pair;
-- a came-back after a closing in the window is itself in the window.
lk AS MATERIALIZED (
    SELECT DISTINCT ON (ev.report_id, ev.payload->>'report') ev.report_id, ev.kind, ev.at
      FROM events ev CROSS JOIN b
     WHERE ev.kind IN ('fix_came_back', 'recurrence_withdrawn') AND ev.at >= b.s AND ev.at < b.e
     ORDER BY ev.report_id, ev.payload->>'report', ev.at DESC, ev.id DESC
),
cb AS MATERIALIZED (
    SELECT cl.report_id,
           EXISTS (SELECT 1 FROM lk WHERE lk.report_id = cl.report_id
                      AND lk.kind = 'fix_came_back' AND lk.at >= cl.closed_at) AS came_back
      FROM cl
),
-- Reports recategorised since the week's end count with the category they had then.
rc AS MATERIALIZED (
    SELECT DISTINCT ON (ev.report_id) ev.report_id, ev.payload->>'from' AS category_code
      FROM events ev CROSS JOIN b
     WHERE ev.kind = 'categorised' AND ev.at >= b.e AND ev.payload->>'from' IS NOT NULL
     ORDER BY ev.report_id, ev.at, ev.id
),
d AS MATERIALIZED (
    SELECT cb.report_id, cb.came_back, fa.kelurahan_code, fa.kecamatan_code, fa.kota_code,
           cat.agency_code, fa.mention_accounts, fa.mention_first_at
      FROM (SELECT * FROM cb ORDER BY report_id) cb
     CROSS JOIN LATERAL (SELECT fa.* FROM kpi_report_facts fa
                          WHERE fa.report_id = cb.report_id OFFSET 0) fa
      LEFT JOIN rc ON rc.report_id = cb.report_id
      LEFT JOIN categories cat ON cat.code = coalesce(rc.category_code, fa.category_code)
),
m AS (
    SELECT 'city' AS grouping, '' AS key, d.came_back FROM d
    UNION ALL
    SELECT 'agency', d.agency_code, d.came_back FROM d
        WHERE 'agency' = ANY (CAST(:groupings AS text[]))
    UNION ALL
    SELECT 'kota', d.kota_code, d.came_back FROM d
        WHERE 'kota' = ANY (CAST(:groupings AS text[]))
    UNION ALL
    SELECT 'kecamatan', d.kecamatan_code, d.came_back FROM d
        WHERE 'kecamatan' = ANY (CAST(:groupings AS text[]))
    UNION ALL
    SELECT 'kelurahan', d.kelurahan_code, d.came_back FROM d
        WHERE 'kelurahan' = ANY (CAST(:groupings AS text[]))
    UNION ALL
    SELECT 'official', CAST(a.account_id AS text), d.came_back
      FROM d CROSS JOIN b
     CROSS JOIN LATERAL unnest(d.mention_accounts, d.mention_first_at) AS a(account_id, first_at)
     WHERE a.first_at < b.e AND 'official' = ANY (CAST(:groupings AS text[]))
)
SELECT m.grouping, m.key, count(*) AS closed_window,
       count(*) FILTER (WHERE m.came_back) AS came_back
  FROM m
 GROUP BY m.grouping, m.key
"""

RecurrenceCounts = dict[tuple[str, str | None], tuple[int, int]]


def recurrence_counts(
    conn: Connection, week_end_local, groupings: Sequence[str]
) -> RecurrenceCounts:
    """(closed_window, came_back) per (grouping, key) — the city as ('city', '') — for the week
    ending at the Jakarta wall time ``week_end_local``; groups with nothing closed are absent."""
    rows = conn.execute(text(_SQL), {"we": week_end_local, "groupings": list(groupings)})
    return {(r.grouping, r.key): (int(r.closed_window), int(r.came_back)) for r in rows}
