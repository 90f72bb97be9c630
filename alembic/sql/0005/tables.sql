-- Revision 0005: what the weekly KPIs (qlue_console/reports/kpis.py) need at a city's volume.
--
-- An exact pre-aggregation of the events, kept by triggers on events: per report its first
-- created / triage / dispatch / follow-up times (kpi_report_facts) and the history of its
-- states as spans between state-changing events (kpi_state_spans). Both are a pure function
-- of the report's events, recomputed from all of them whenever one is written, so they never
-- drift; qlue_kpi_rebuild() recomputes everything (after a bulk load with triggers disabled).

CREATE TABLE kpi_report_facts (
    report_id           bigint PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
    created_at          timestamptz,     -- the 'created' event
    first_triage_at     timestamptz,     -- first triaged / dispatched / forwarded / rejected / merged into another
    first_dispatch_at   timestamptz,
    first_follow_up_at  timestamptz,
    -- The report's own codes, so the groupings never re-read reports (kept by a trigger on
    -- reports when a report is recategorised or moved).
    category_code       text,
    kelurahan_code      text,
    kecamatan_code      text,
    kota_code           text
);
CREATE INDEX kpi_facts_created_idx ON kpi_report_facts (created_at);

-- A report is in 'state' from from_at (the event's time) until to_at (the next state-changing
-- event's time; NULL: still). Event ties are ordered by id, as in the timeline.
CREATE TABLE kpi_state_spans (
    report_id   bigint NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    event_id    bigint NOT NULL,
    state       text NOT NULL,
    from_at     timestamptz NOT NULL,
    to_at       timestamptz,
    PRIMARY KEY (report_id, event_id)
);
-- The open backlog at a week's end: open spans still current, or ended at or after it.
CREATE INDEX kpi_spans_open_idx ON kpi_state_spans (to_at, from_at) INCLUDE (report_id, state)
    WHERE state IN ('new', 'triaged', 'dispatched', 'coordination', 'disposition', 'followed_up', 'reopened');

-- A report's state at an instant: its last span starting before it, from the index alone.
CREATE INDEX kpi_spans_report_at_idx ON kpi_state_spans (report_id, from_at DESC, event_id DESC) INCLUDE (state, to_at);

-- The state a report is in after an event (NULL: the event does not change it). A 'merged'
-- event moves only the duplicate (payload 'into'), not the original it was merged into.
CREATE FUNCTION qlue_kpi_state(p_kind text, p_payload jsonb) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE p_kind
        WHEN 'created' THEN 'new' WHEN 'triaged' THEN 'triaged' WHEN 'dispatched' THEN 'dispatched'
        WHEN 'forwarded' THEN 'coordination' WHEN 'follow_up' THEN 'followed_up'
        WHEN 'proof_approved' THEN 'verified' WHEN 'closed' THEN 'verified'
        WHEN 'proof_rejected' THEN 'reopened' WHEN 'reopened' THEN 'reopened'
        WHEN 'rejected' THEN 'rejected'
        WHEN 'merged' THEN CASE WHEN p_payload->>'into' IS NOT NULL THEN 'duplicate' END
    END
$$;
