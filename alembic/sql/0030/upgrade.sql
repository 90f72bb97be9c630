-- Revision 0030: fixes that did not hold — recurrences and chronic spots.
--
-- * A report is a recurrence of a closed one when it is of the same category (or one an admin
--   marked related) within recurrence_settings.distance_m (100 m) of a report verified closed
--   within window_days (30) before it was reported. Decided when the report is created, by a
--   trigger on its 'created' event, so every channel, the Open311 gateway and the importer go
--   through the same rule; kept in `recurrences` and as events on both timelines: 'recurrence'
--   on the new report ("came back after closing"), 'fix_came_back' on the closed one. A report
--   rejected or merged as a duplicate is not a recurrence: the link is withdrawn (event
--   'recurrence_withdrawn' on both) and given back if the rejection is undone.
-- * A chronic spot is a place where reports of one category keep coming: at least chronic_k (4)
--   reports within distance_m of its centre over the last chronic_weeks (8). Kept current as
--   reports are created: a report joins the nearest spot of its category whose centre is within
--   the distance, or, with at least k-1 neighbours of its category reported in the weeks before
--   it and in no spot, starts one centred on itself with them. Counting leaves out rejected
--   and merged reports. No PostGIS: distances are haversine metres, searched within a box on
--   the GiST index of point(lon, lat), which now carries the columns the rule reads (INCLUDE):
--   the search is an index-only scan, about 0.5 ms among 1,000,000 reports where 0002's index
--   needed a heap page per report in the box (about 3 ms, 300 pages, in the dense centre).
--
-- Errors as in 0002: 22023 bad input (DETAIL: the field), 42501 not allowed.

-- 0002's index of positions, made again with the columns the rule reads.
DROP INDEX reports_point_idx;
CREATE INDEX reports_point_idx ON reports USING gist (point(lon, lat))
    INCLUDE (id, lat, lon, category_code, status, reported_at, closed_at);

CREATE TABLE recurrence_settings (
    only_row        boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    distance_m      double precision NOT NULL DEFAULT 100 CHECK (distance_m > 0 AND distance_m <= 1000),
    window_days     integer NOT NULL DEFAULT 30 CHECK (window_days BETWEEN 1 AND 365),
    chronic_k       integer NOT NULL DEFAULT 4 CHECK (chronic_k BETWEEN 2 AND 50),
    chronic_weeks   integer NOT NULL DEFAULT 8 CHECK (chronic_weeks BETWEEN 1 AND 52),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    updated_by      text NOT NULL DEFAULT session_user
);
INSERT INTO recurrence_settings DEFAULT VALUES;
ANALYZE recurrence_settings;  -- one row, known to the planner (unanalysed it guesses 910)
COMMENT ON TABLE recurrence_settings IS
    'The one row of the recurrence rule: distance (metres), window (days after closing), and a '
    'chronic spot''s k reports over the last weeks. Written by set_recurrence_settings (admins).';

-- Pairs of categories an admin marked related (a blocked drain and a flooded road): a report of
-- one is a recurrence of a closed report of the other. Stored once per pair, smaller code first.
CREATE TABLE category_relations (
    category_a      text NOT NULL REFERENCES categories(code),
    category_b      text NOT NULL REFERENCES categories(code),
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      text NOT NULL DEFAULT session_user,
    PRIMARY KEY (category_a, category_b),
    CHECK (category_a < category_b)
);

-- A report that came back after a closed one: the current state (withdrawn_at set when the
-- report was rejected or merged); the history is in the events.
CREATE TABLE recurrences (
    report_id         bigint PRIMARY KEY REFERENCES reports(id),
    closed_report_id  bigint NOT NULL REFERENCES reports(id),
    distance_m        double precision NOT NULL,
    closed_at         timestamptz NOT NULL,
    decided_at        timestamptz NOT NULL DEFAULT now(),
    withdrawn_at      timestamptz
);
CREATE INDEX recurrences_closed_idx ON recurrences (closed_report_id);

CREATE TABLE chronic_spots (
    id              bigserial PRIMARY KEY,
    category_code   text NOT NULL REFERENCES categories(code),
    lat             double precision NOT NULL,
    lon             double precision NOT NULL,
    kelurahan_code  text REFERENCES areas(code),
    started_at      timestamptz NOT NULL,
    last_report_at  timestamptz NOT NULL
);
CREATE INDEX chronic_spots_point_idx ON chronic_spots USING gist (point(lon, lat));
CREATE INDEX chronic_spots_last_idx ON chronic_spots (last_report_at DESC);

CREATE TABLE chronic_spot_reports (
    report_id       bigint PRIMARY KEY REFERENCES reports(id),
    spot_id         bigint NOT NULL REFERENCES chronic_spots(id),
    reported_at     timestamptz NOT NULL
);
CREATE INDEX chronic_spot_reports_spot_idx ON chronic_spot_reports (spot_id, reported_at DESC);

ALTER TABLE events DROP CONSTRAINT events_kind_check;
ALTER TABLE events ADD CONSTRAINT events_kind_check CHECK (kind IN ('created', 'triaged', 'claimed', 'released', 'categorised', 'prioritised', 'dispatched', 'mentioned', 'forwarded', 'escalated', 'comment', 'follow_up', 'proof_approved', 'proof_rejected', 'reopened', 'merged', 'rejected', 'closed', 'undone', 'reply', 'recurrence', 'fix_came_back', 'recurrence_withdrawn'));

-- Great-circle distance in metres (haversine, mean Earth radius).
CREATE FUNCTION qlue_distance_m(p_lat1 double precision, p_lon1 double precision,
                                p_lat2 double precision, p_lon2 double precision)
RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT 2 * 6371008.8 * asin(least(1, sqrt(
        sin(radians(p_lat2 - p_lat1) / 2) ^ 2
        + cos(radians(p_lat1)) * cos(radians(p_lat2)) * sin(radians(p_lon2 - p_lon1) / 2) ^ 2)))
$$;

-- The box (in degrees, as the GiST index of point(lon, lat) holds positions) that holds every
-- position within p_metres of (p_lat, p_lon), with a margin.
CREATE FUNCTION qlue_box_around(p_lat double precision, p_lon double precision, p_metres double precision)
RETURNS box LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT box(point(p_lon - d_lon, p_lat - d_lat), point(p_lon + d_lon, p_lat + d_lat))
      FROM (SELECT p_metres * 1.01 / 111194.9 AS d_lat) a,
           LATERAL (SELECT d_lat / greatest(cos(radians(least(abs(p_lat) + d_lat, 89.9))), 0.01) AS d_lon) b
$$;

-- The category itself and those marked related to it.
CREATE FUNCTION qlue_related_categories(p_code text) RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT array_agg(DISTINCT c) FROM (
        SELECT p_code AS c
        UNION ALL SELECT category_b FROM category_relations WHERE category_a = p_code
        UNION ALL SELECT category_a FROM category_relations WHERE category_b = p_code) x
$$;

-- The reports within p_metres of a position (of p_categories, NULL: any), with their distance: the box's reports read from
-- the index alone (MATERIALIZED: the planner would otherwise combine the box with the
-- category's index, 66,000 entries for a common category in a 1M city, 8 ms a search).
CREATE FUNCTION qlue_reports_near(p_lat double precision, p_lon double precision, p_metres double precision,
    p_categories text[] DEFAULT NULL)
RETURNS TABLE (id bigint, category_code text, status text, reported_at timestamptz,
               closed_at timestamptz, distance_m double precision)
LANGUAGE sql STABLE AS $$
    WITH near AS MATERIALIZED (
        SELECT r.id, r.lat, r.lon, r.category_code, r.status, r.reported_at, r.closed_at
          FROM reports r
         WHERE point(r.lon, r.lat) <@ qlue_box_around(p_lat, p_lon, p_metres))
    SELECT n.id, n.category_code, n.status, n.reported_at, n.closed_at,
           qlue_distance_m(p_lat, p_lon, n.lat, n.lon)
      FROM near n
     WHERE (p_categories IS NULL OR n.category_code = ANY (p_categories))
       AND qlue_distance_m(p_lat, p_lon, n.lat, n.lon) <= p_metres
$$;

-- The closed report a report (reported at p_at, at p_lat/p_lon, category p_category) is a
-- recurrence of: verified, closed within the window before p_at, within the distance; the
-- nearest, then the most recently closed (NULLs when there is none). neighbours: how many
-- reports of its category, neither rejected nor merged, came within the distance in the
-- chronic spots' weeks before it (whether a spot could start with it).
CREATE FUNCTION qlue_recurrence_candidate(p_report bigint, p_category text, p_lat double precision,
    p_lon double precision, p_at timestamptz,
    OUT closed_report_id bigint, OUT distance_m double precision, OUT closed_at timestamptz,
    OUT neighbours integer)
LANGUAGE sql STABLE AS $$
    -- The box's reports read from the index alone (MATERIALIZED: see qlue_reports_near), then
    -- the cheap conditions first: the distance is computed for the few that pass them.
    WITH s AS (SELECT * FROM recurrence_settings),
    cats AS MATERIALIZED (SELECT qlue_related_categories(p_category) AS codes),
    box AS MATERIALIZED (
        SELECT r.id, r.lat, r.lon, r.category_code, r.status, r.reported_at, r.closed_at
          FROM reports r, s
         WHERE point(r.lon, r.lat) <@ qlue_box_around(p_lat, p_lon, s.distance_m)),
    fix AS (
        SELECT b.id, qlue_distance_m(p_lat, p_lon, b.lat, b.lon) AS d, b.closed_at
          FROM box b, s, cats
         WHERE b.status = 'verified'
           AND b.closed_at >= p_at - make_interval(days => s.window_days)
           AND b.closed_at < p_at
           AND b.id <> p_report
           AND b.category_code = ANY (cats.codes)
           AND qlue_distance_m(p_lat, p_lon, b.lat, b.lon) <= s.distance_m
         ORDER BY 2, b.closed_at DESC, b.id DESC
         LIMIT 1)
    SELECT (SELECT id FROM fix), (SELECT d FROM fix), (SELECT closed_at FROM fix),
           (SELECT count(*)::integer FROM box b, s
             WHERE b.category_code = p_category AND b.id <> p_report
               AND b.reported_at >= p_at - make_interval(weeks => s.chronic_weeks)
               AND b.reported_at <= p_at
               AND b.status NOT IN ('rejected', 'duplicate')
               AND qlue_distance_m(p_lat, p_lon, b.lat, b.lon) <= s.distance_m)
$$;

-- Records that p_report came back after p_closed: the link and an event on both timelines.
CREATE FUNCTION qlue_recurrence_record(p_report bigint, p_closed bigint, p_distance double precision,
    p_closed_at timestamptz, p_at timestamptz, p_reinstated boolean DEFAULT false) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO recurrences (report_id, closed_report_id, distance_m, closed_at, decided_at)
    VALUES (p_report, p_closed, p_distance, p_closed_at, p_at)
    ON CONFLICT (report_id) DO UPDATE SET withdrawn_at = NULL;
    INSERT INTO events (report_id, at, actor, kind, payload)
    VALUES (p_report, p_at, 'qlue', 'recurrence',
            jsonb_build_object('closed_report', p_closed, 'distance_m', round(p_distance::numeric, 1),
                               'closed_at', p_closed_at, 'reinstated', p_reinstated)),
           (p_closed, p_at, 'qlue', 'fix_came_back',
            jsonb_build_object('report', p_report, 'distance_m', round(p_distance::numeric, 1),
                               'reinstated', p_reinstated));
END $$;

-- Puts a just-created report in its chronic spot, or starts one with it (see the header).
-- p_neighbours: what qlue_recurrence_candidate counted (NULL: counted here).
CREATE FUNCTION qlue_chronic_place(p_report bigint, p_neighbours integer DEFAULT NULL) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    v reports%ROWTYPE;
    s recurrence_settings%ROWTYPE;
    v_box box;
    v_spot bigint;
    v_since timestamptz;
    v_count integer := p_neighbours;
    v_neighbours bigint[];
BEGIN
    SELECT * INTO v FROM reports WHERE id = p_report;
    IF NOT FOUND OR v.status IN ('rejected', 'duplicate')
       OR EXISTS (SELECT 1 FROM chronic_spot_reports WHERE report_id = p_report) THEN
        RETURN NULL;
    END IF;
    SELECT * INTO s FROM recurrence_settings;
    v_box := qlue_box_around(v.lat, v.lon, s.distance_m);
    v_since := v.reported_at - make_interval(weeks => s.chronic_weeks);
    FOR attempt IN 1..2 LOOP
        -- the nearest spot of its category: the report joins it (a spot's place keeps its
        -- history, even after weeks without a report)
        SELECT c.id INTO v_spot FROM chronic_spots c
         WHERE point(c.lon, c.lat) <@ v_box AND c.category_code = v.category_code
           AND qlue_distance_m(v.lat, v.lon, c.lat, c.lon) <= s.distance_m
         ORDER BY qlue_distance_m(v.lat, v.lon, c.lat, c.lon), c.id
         LIMIT 1;
        EXIT WHEN v_spot IS NOT NULL OR attempt = 2;
        IF v_count IS NULL THEN
            SELECT count(*) INTO v_count
              FROM qlue_reports_near(v.lat, v.lon, s.distance_m, ARRAY[v.category_code]) n
             WHERE n.id <> v.id AND n.reported_at >= v_since AND n.reported_at <= v.reported_at
               AND n.status NOT IN ('rejected', 'duplicate');
        END IF;
        IF v_count + 1 < s.chronic_k THEN
            RETURN NULL;  -- too few near to start a spot (the common case: no lock taken)
        END IF;
        -- One start at a time per category, so two reports at once do not start two spots;
        -- then look again for a spot another report started meanwhile.
        PERFORM pg_advisory_xact_lock(hashtext('qlue_chronic:' || v.category_code));
    END LOOP;
    IF v_spot IS NULL THEN
        SELECT array_agg(n.id) INTO v_neighbours
          FROM qlue_reports_near(v.lat, v.lon, s.distance_m, ARRAY[v.category_code]) n
         WHERE n.id <> v.id
           AND n.reported_at >= v_since AND n.reported_at <= v.reported_at
           AND n.status NOT IN ('rejected', 'duplicate')
           AND NOT EXISTS (SELECT 1 FROM chronic_spot_reports m WHERE m.report_id = n.id);
        IF coalesce(cardinality(v_neighbours), 0) + 1 < s.chronic_k THEN
            RETURN NULL;
        END IF;
        INSERT INTO chronic_spots (category_code, lat, lon, kelurahan_code, started_at, last_report_at)
        VALUES (v.category_code, v.lat, v.lon, v.kelurahan_code,
                (SELECT min(reported_at) FROM reports WHERE id = ANY (v_neighbours)), v.reported_at)
        RETURNING id INTO v_spot;
        INSERT INTO chronic_spot_reports (report_id, spot_id, reported_at)
        SELECT id, v_spot, reported_at FROM reports WHERE id = ANY (v_neighbours);
    END IF;
    INSERT INTO chronic_spot_reports (report_id, spot_id, reported_at)
    VALUES (v.id, v_spot, v.reported_at);
    UPDATE chronic_spots SET last_report_at = v.reported_at
     WHERE id = v_spot AND last_report_at < v.reported_at;
    RETURN v_spot;
END $$;

-- After a report's 'created' event: decide recurrence and chronic spot.
CREATE FUNCTION qlue_recurrence_on_created() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v reports%ROWTYPE;
    c record;
BEGIN
    SELECT * INTO v FROM reports WHERE id = NEW.report_id;
    SELECT * INTO c FROM qlue_recurrence_candidate(v.id, v.category_code, v.lat, v.lon, v.reported_at);
    IF c.closed_report_id IS NOT NULL THEN
        PERFORM qlue_recurrence_record(v.id, c.closed_report_id, c.distance_m, c.closed_at, NEW.at);
    END IF;
    PERFORM qlue_chronic_place(v.id, c.neighbours);
    RETURN NULL;
END $$;
CREATE TRIGGER events_recurrence AFTER INSERT ON events
    FOR EACH ROW WHEN (NEW.kind = 'created') EXECUTE FUNCTION qlue_recurrence_on_created();

-- A report rejected or merged is no recurrence: the link is withdrawn; undoing the rejection
-- gives it back.
CREATE FUNCTION qlue_recurrence_on_status() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v recurrences%ROWTYPE;
BEGIN
    SELECT * INTO v FROM recurrences WHERE report_id = NEW.id;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    IF NEW.status IN ('rejected', 'duplicate') AND v.withdrawn_at IS NULL THEN
        UPDATE recurrences SET withdrawn_at = now() WHERE report_id = NEW.id;
        INSERT INTO events (report_id, actor, kind, payload)
        VALUES (NEW.id, 'qlue', 'recurrence_withdrawn',
                jsonb_build_object('closed_report', v.closed_report_id, 'because', NEW.status)),
               (v.closed_report_id, 'qlue', 'recurrence_withdrawn',
                jsonb_build_object('report', NEW.id, 'because', NEW.status));
    ELSIF NEW.status NOT IN ('rejected', 'duplicate') AND v.withdrawn_at IS NOT NULL THEN
        PERFORM qlue_recurrence_record(NEW.id, v.closed_report_id, v.distance_m, v.closed_at, now(), true);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER reports_recurrence_status AFTER UPDATE OF status ON reports
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status
                       AND (NEW.status IN ('rejected', 'duplicate') OR OLD.status IN ('rejected', 'duplicate')))
    EXECUTE FUNCTION qlue_recurrence_on_status();

-- Decides recurrence and chronic spot for every report that has no decision yet, in the order
-- they were reported (the reports that existed before this revision, a seeded or generated
-- city). Returns the number of recurrences recorded.
CREATE FUNCTION qlue_recurrence_backfill(p_since timestamptz DEFAULT NULL) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_count integer;
    v_weeks integer;
    r record;
BEGIN
    v_count := 0;
    FOR r IN SELECT x.id, x.created_at, c.closed_report_id, c.distance_m, c.closed_at
               FROM reports x,
                    LATERAL qlue_recurrence_candidate(x.id, x.category_code, x.lat, x.lon, x.reported_at) c
              WHERE x.status NOT IN ('rejected', 'duplicate')
                AND (p_since IS NULL OR x.reported_at >= p_since)
                AND c.closed_report_id IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM recurrences y WHERE y.report_id = x.id)
              ORDER BY x.reported_at, x.id LOOP
        PERFORM qlue_recurrence_record(r.id, r.closed_report_id, r.distance_m, r.closed_at, r.created_at);
        v_count := v_count + 1;
    END LOOP;
    SELECT chronic_weeks INTO v_weeks FROM recurrence_settings;
    FOR r IN SELECT id FROM reports
              WHERE reported_at >= coalesce(p_since, now() - make_interval(weeks => v_weeks))
              ORDER BY reported_at, id LOOP
        PERFORM qlue_chronic_place(r.id);
    END LOOP;
    RETURN v_count;
END $$;

-- Chronic spots as they stand: members reported within the last weeks (as of p_at) and neither
-- rejected nor merged; only spots with at least k of them. Recurrences: of these members, how
-- many came back after a closed report.
CREATE FUNCTION chronic_spots_at(p_at timestamptz DEFAULT now())
RETURNS TABLE (spot_id bigint, category_code text, lat double precision, lon double precision,
               kelurahan_code text, reports integer, recurrences integer,
               first_reported_at timestamptz, last_reported_at timestamptz)
LANGUAGE sql STABLE AS $$
    SELECT c.id, c.category_code, c.lat, c.lon, c.kelurahan_code, count(*)::integer,
           count(x.report_id)::integer, min(m.reported_at), max(m.reported_at)
      FROM recurrence_settings s, chronic_spots c
      JOIN chronic_spot_reports m ON m.spot_id = c.id
      JOIN reports r ON r.id = m.report_id
      LEFT JOIN recurrences x ON x.report_id = m.report_id AND x.withdrawn_at IS NULL
     WHERE c.last_report_at >= p_at - make_interval(weeks => s.chronic_weeks)
       AND m.reported_at >= p_at - make_interval(weeks => s.chronic_weeks)
       AND m.reported_at < p_at
       AND r.status NOT IN ('rejected', 'duplicate')
     GROUP BY c.id, s.chronic_k
    HAVING count(*) >= s.chronic_k
$$;

-- How often the place of p_report came back before: for the proof being decided, the closed
-- reports of its category (or related) within the distance whose fix a later report showed did
-- not hold, newest first.
CREATE FUNCTION recurrence_history(p_report bigint)
RETURNS TABLE (closed_report_id bigint, closed_at timestamptz, came_back_report_id bigint,
               came_back_at timestamptz, distance_m double precision)
LANGUAGE sql STABLE AS $$
    WITH v AS MATERIALIZED (
        SELECT r.lat, r.lon, qlue_related_categories(r.category_code) AS codes, s.distance_m
          FROM reports r, recurrence_settings s
         WHERE r.id = p_report),
    fixes AS MATERIALIZED (
        SELECT n.id FROM v, qlue_reports_near(v.lat, v.lon, v.distance_m, v.codes) n)
    -- each fix's recurrences through their indexes (OFFSET 0 keeps the lookups per fix: the
    -- planner, guessing hundreds of fixes, would rather scan every recurrence and report)
    SELECT x.closed_report_id, x.closed_at, x.report_id, x.reported_at,
           qlue_distance_m(v.lat, v.lon, x.lat, x.lon)
      FROM v, fixes
      CROSS JOIN LATERAL (
          SELECT y.closed_report_id, y.closed_at, y.report_id, r.reported_at, r.lat, r.lon
            FROM recurrences y JOIN reports r ON r.id = y.report_id
           WHERE y.closed_report_id = fixes.id AND y.withdrawn_at IS NULL
          OFFSET 0) x
     ORDER BY x.reported_at DESC, x.report_id DESC
$$;

-- Admin: the rule's settings (NULL keeps a value).
CREATE FUNCTION set_recurrence_settings(p_distance_m double precision, p_window_days integer,
    p_chronic_k integer, p_chronic_weeks integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF p_distance_m IS NOT NULL AND NOT (p_distance_m > 0 AND p_distance_m <= 1000) THEN
        PERFORM qlue_fail('distance_m', 'the distance is between 1 and 1000 metres');
    END IF;
    IF p_window_days IS NOT NULL AND p_window_days NOT BETWEEN 1 AND 365 THEN
        PERFORM qlue_fail('window_days', 'the window is between 1 and 365 days');
    END IF;
    IF p_chronic_k IS NOT NULL AND p_chronic_k NOT BETWEEN 2 AND 50 THEN
        PERFORM qlue_fail('chronic_k', 'a chronic spot has between 2 and 50 reports');
    END IF;
    IF p_chronic_weeks IS NOT NULL AND p_chronic_weeks NOT BETWEEN 1 AND 52 THEN
        PERFORM qlue_fail('chronic_weeks', 'a chronic spot counts between 1 and 52 weeks');
    END IF;
    UPDATE recurrence_settings
       SET distance_m = coalesce(p_distance_m, distance_m),
           window_days = coalesce(p_window_days, window_days),
           chronic_k = coalesce(p_chronic_k, chronic_k),
           chronic_weeks = coalesce(p_chronic_weeks, chronic_weeks),
           updated_at = now(), updated_by = session_user;
END $$;

-- Admin: marks two categories related (p_related true) or no longer related.
CREATE FUNCTION set_category_relation(p_a text, p_b text, p_related boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF p_a IS NULL OR p_b IS NULL OR p_a = p_b THEN
        PERFORM qlue_fail('category', 'name two different categories');
    END IF;
    IF NOT EXISTS (SELECT 1 FROM categories WHERE code = p_a)
       OR NOT EXISTS (SELECT 1 FROM categories WHERE code = p_b) THEN
        PERFORM qlue_fail('category', format('unknown category: %s', CASE WHEN NOT EXISTS (
            SELECT 1 FROM categories WHERE code = p_a) THEN p_a ELSE p_b END));
    END IF;
    IF p_related THEN
        INSERT INTO category_relations (category_a, category_b)
        VALUES (least(p_a, p_b), greatest(p_a, p_b)) ON CONFLICT DO NOTHING;
    ELSE
        DELETE FROM category_relations WHERE category_a = least(p_a, p_b) AND category_b = greatest(p_a, p_b);
    END IF;
END $$;

-- 0016's import of history, with the events this revision writes (the rule's own, not a
-- person's) not counted as a history in the console.
CREATE OR REPLACE FUNCTION import_report_history(p_report bigint, p_kind text, p_at timestamptz, p_summary text)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v reports%ROWTYPE;
    v_summary text := nullif(qlue_trim(p_summary), '');
    v_event bigint;
    v_actor text;
BEGIN
    IF p_kind IS NULL OR p_kind NOT IN ('comment', 'closed') THEN
        PERFORM qlue_fail('kind', format('unknown history kind %L (comment or closed)', p_kind));
    END IF;
    IF p_at IS NULL OR p_at > now() THEN
        PERFORM qlue_fail('at', 'an imported event needs a time that is not in the future');
    END IF;
    IF p_kind = 'comment' AND v_summary IS NULL THEN
        PERFORM qlue_fail('summary', 'an imported note needs its text');
    END IF;
    IF length(v_summary) > 5000 THEN
        PERFORM qlue_fail('summary', 'an imported note is longer than 5000 characters');
    END IF;
    SELECT * INTO v FROM reports WHERE id = p_report FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM qlue_fail('report', format('there is no report %s', coalesce(p_report::text, 'NULL')));
    END IF;
    IF p_at < v.reported_at THEN
        PERFORM qlue_fail('at', format('an imported event at %s is before the report (%s)', p_at, v.reported_at));
    END IF;
    IF EXISTS (SELECT 1 FROM events e WHERE e.report_id = p_report
                  AND e.kind NOT IN ('created', 'recurrence', 'fix_came_back', 'recurrence_withdrawn')
                  AND NOT coalesce((e.payload->>'imported')::boolean, false)) THEN
        PERFORM qlue_fail('report', format('report %s has a history in the console; only an imported report takes imported history', p_report));
    END IF;

    SELECT e.id INTO v_event FROM events e
     WHERE e.report_id = p_report AND e.kind = p_kind AND e.at = p_at
       AND (e.payload->>'imported')::boolean AND e.payload->>'summary' IS NOT DISTINCT FROM v_summary;
    IF FOUND THEN
        RETURN v_event;
    END IF;
    IF p_kind = 'closed' AND v.status = 'verified' THEN
        PERFORM qlue_fail('kind', format('report %s is closed already (at %s)', p_report, v.closed_at));
    END IF;

    v_actor := 'import:' || split_part(v.external_id, ':', 1);
    UPDATE events SET at = v.reported_at
     WHERE report_id = p_report AND kind = 'created' AND at <> v.reported_at;
    INSERT INTO events (report_id, actor, kind, at, payload)
    VALUES (p_report, v_actor, p_kind, p_at,
            jsonb_build_object('imported', true, 'summary', v_summary, 'by', 'import'))
    RETURNING id INTO v_event;
    IF p_kind = 'closed' THEN
        UPDATE mentions SET state = 'closed' WHERE report_id = p_report AND state = 'open';
        UPDATE reports SET status = 'verified', closed_at = p_at, due_at = NULL,
                           claimed_by = NULL, claim_expires_at = NULL
         WHERE id = p_report;
    END IF;
    UPDATE reports SET updated_at = (SELECT max(at) FROM events WHERE report_id = p_report),
                       version = version + 1
     WHERE id = p_report;
    PERFORM qlue_kpi_refresh(ARRAY[p_report]);
    RETURN v_event;
END $$;

-- The console's read path gains the closed report a report came back after (withdrawn: NULL)
-- and the chronic spot it belongs to; appended last, plain subqueries on primary keys.
CREATE OR REPLACE VIEW console_reports WITH (security_invoker = true) AS
SELECT r.*,
       qlue_report_is_open(r.status) AS is_open,
       (coalesce(r.due_at < now(), false) AND qlue_report_is_open(r.status)) AS overdue,
       EXISTS (SELECT 1 FROM follow_ups f
                WHERE f.report_id = r.id AND f.verification = 'pending') AS awaiting_verification,
       (SELECT a.name FROM areas a WHERE a.code = r.kelurahan_code) AS kelurahan_name,
       (SELECT a.name FROM areas a WHERE a.code = r.kecamatan_code) AS kecamatan_name,
       (SELECT a.name FROM areas a WHERE a.code = r.kota_code) AS kota_name,
       (SELECT c.name_id FROM categories c WHERE c.code = r.category_code) AS category_name_id,
       (SELECT c.name_en FROM categories c WHERE c.code = r.category_code) AS category_name_en,
       qlue_report_channel_name(r.id) AS channel_name,
       (SELECT x.closed_report_id FROM recurrences x
         WHERE x.report_id = r.id AND x.withdrawn_at IS NULL) AS recurrence_of,
       (SELECT m.spot_id FROM chronic_spot_reports m WHERE m.report_id = r.id) AS chronic_spot_id
  FROM reports r;
COMMENT ON VIEW console_reports IS
    'A report as the console reads it: the reports row, is_open, overdue, awaiting_verification, '
    'the names of its areas and of its category, the named Open311 channel that posted it, the '
    'closed report it came back after and its chronic spot. '
    'Runs with the reader''s rights (row-level security applies).';

REVOKE ALL ON FUNCTION qlue_distance_m(double precision, double precision, double precision, double precision),
    qlue_box_around(double precision, double precision, double precision),
    qlue_related_categories(text),
    qlue_reports_near(double precision, double precision, double precision, text[]),
    qlue_recurrence_candidate(bigint, text, double precision, double precision, timestamptz),
    qlue_recurrence_record(bigint, bigint, double precision, timestamptz, timestamptz, boolean),
    qlue_chronic_place(bigint, integer), qlue_recurrence_on_created(), qlue_recurrence_on_status(),
    qlue_recurrence_backfill(timestamptz), chronic_spots_at(timestamptz), recurrence_history(bigint),
    set_recurrence_settings(double precision, integer, integer, integer),
    set_category_relation(text, text, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION qlue_distance_m(double precision, double precision, double precision, double precision),
    qlue_box_around(double precision, double precision, double precision),
    qlue_reports_near(double precision, double precision, double precision, text[]),
    qlue_related_categories(text), chronic_spots_at(timestamptz), recurrence_history(bigint)
    TO qlue_analyst, qlue_operator, qlue_admin;
GRANT EXECUTE ON FUNCTION set_recurrence_settings(double precision, integer, integer, integer),
    set_category_relation(text, text, boolean), qlue_recurrence_backfill(timestamptz) TO qlue_admin;
GRANT SELECT ON recurrence_settings, category_relations, recurrences, chronic_spots, chronic_spot_reports
    TO qlue_analyst, qlue_operator;
-- an administrator may repair what the rule wrote, as with every other table
GRANT ALL ON recurrence_settings, category_relations, recurrences, chronic_spots, chronic_spot_reports
    TO qlue_admin;
GRANT ALL ON SEQUENCE chronic_spots_id_seq TO qlue_admin;

-- The reports of the last 90 days get their decision now (what the current weeks' KPIs and the
-- queue read); an older history, on a large database, when an administrator chooses:
-- SELECT qlue_recurrence_backfill(NULL) decides every report still without one (about 1 ms a
-- report on a 1,000,000-report city).
SELECT qlue_recurrence_backfill(now() - interval '90 days');
