-- Revision 0033 undone: staged photos not attached to a report are removed, the 11-parameter
-- submit_report of revision 0018 and the describer's functions of revision 0025 come back.
DROP FUNCTION submit_report(text, text, text, text, text, double precision, double precision, bytea, jsonb, timestamptz, boolean, bigint);
DROP FUNCTION qlue_gateway_receive(text, bytea);
DROP FUNCTION qlue_gateway_discard(text, bigint);
DROP FUNCTION qlue_submitted_photo(bytea, bigint);
DROP FUNCTION qlue_acting_login();
DELETE FROM photos WHERE staged_by IS NOT NULL AND report_id IS NULL;
DROP INDEX photos_staged_idx;
ALTER TABLE photos DROP COLUMN staged_by;

-- A citizen channel submits a report. Idempotent on (channel, external_id): a retry with the same
-- content returns the id of the report the first call created; other content under the same key
-- is refused (QC010); whether the citizen marked it private is part of the content.
CREATE OR REPLACE FUNCTION submit_report(
    p_channel text, p_external_id text, p_citizen text, p_text text, p_category text,
    p_lat double precision, p_lon double precision,
    p_photo bytea DEFAULT NULL, p_photo_meta jsonb DEFAULT NULL,
    p_reported_at timestamptz DEFAULT NULL, p_private boolean DEFAULT false)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_id bigint;
    v_kel text;
    v_kec text;
    v_kota text;
    v_citizen text := qlue_trim(p_citizen);
    v_existing reports%ROWTYPE;
BEGIN
    IF p_channel IS NULL OR p_channel NOT IN ('app', 'web', 'sms', 'social', 'call_center') THEN
        PERFORM qlue_fail('channel', format('unknown channel %L (app, web, sms, social or call_center)', p_channel));
    END IF;
    IF qlue_is_blank(p_external_id) THEN
        PERFORM qlue_fail('external_id', 'the channel''s external_id is required');
    END IF;
    IF qlue_is_blank(p_citizen) THEN
        PERFORM qlue_fail('citizen', 'the citizen handle is required');
    END IF;
    IF qlue_is_blank(p_text) THEN
        PERFORM qlue_fail('text', 'the report text is required');
    END IF;
    IF length(p_text) > 5000 THEN
        PERFORM qlue_fail('text', 'the report text is longer than 5000 characters');
    END IF;
    IF p_lat IS NULL OR p_lat = 'NaN' OR p_lat NOT BETWEEN -90 AND 90 THEN
        PERFORM qlue_fail('lat', format('latitude %s is not a number between -90 and 90', coalesce(p_lat::text, 'NULL')));
    END IF;
    IF p_lon IS NULL OR p_lon = 'NaN' OR p_lon NOT BETWEEN -180 AND 180 THEN
        PERFORM qlue_fail('lon', format('longitude %s is not a number between -180 and 180', coalesce(p_lon::text, 'NULL')));
    END IF;

    SELECT * INTO v_existing FROM reports WHERE channel = p_channel AND external_id = p_external_id;
    IF FOUND THEN
        PERFORM qlue_fail_key_reused(p_external_id, 'channel ' || p_channel, 'report', v_existing.id,
            qlue_report_differences(v_existing, p_citizen, p_text, p_category, p_lat, p_lon, p_photo, p_reported_at)
            || CASE WHEN v_existing.private IS DISTINCT FROM coalesce(p_private, false) THEN '{private}'::text[] ELSE '{}' END);
        RETURN v_existing.id;
    END IF;

    IF NOT EXISTS (SELECT 1 FROM categories WHERE code = p_category AND active) THEN
        PERFORM qlue_fail('category', format('unknown category %L', p_category));
    END IF;
    IF p_photo IS NOT NULL THEN
        PERFORM qlue_check_photo(p_photo, 'photo', 'the photo');
    END IF;

    v_kel := qlue_resolve_kelurahan(p_lat, p_lon);
    IF v_kel IS NOT NULL THEN
        SELECT kec.code, kec.parent_code INTO v_kec, v_kota
          FROM areas kel JOIN areas kec ON kec.code = kel.parent_code WHERE kel.code = v_kel;
    END IF;

    INSERT INTO reports (channel, external_id, citizen_handle, text, category_code, lat, lon,
                         kelurahan_code, kecamatan_code, kota_code, outside_jurisdiction,
                         reported_at, followers, private)
    VALUES (p_channel, p_external_id, v_citizen, p_text, p_category, p_lat, p_lon,
            v_kel, v_kec, v_kota, v_kel IS NULL, coalesce(p_reported_at, now()),
            ARRAY[v_citizen], coalesce(p_private, false))
    ON CONFLICT (channel, external_id) DO NOTHING
    RETURNING id INTO v_id;
    IF v_id IS NULL THEN   -- the same key arrived concurrently: a retry, or other content refused
        SELECT * INTO v_existing FROM reports WHERE channel = p_channel AND external_id = p_external_id;
        PERFORM qlue_fail_key_reused(p_external_id, 'channel ' || p_channel, 'report', v_existing.id,
            qlue_report_differences(v_existing, p_citizen, p_text, p_category, p_lat, p_lon, p_photo, p_reported_at)
            || CASE WHEN v_existing.private IS DISTINCT FROM coalesce(p_private, false) THEN '{private}'::text[] ELSE '{}' END);
        RETURN v_existing.id;
    END IF;

    IF p_photo IS NOT NULL THEN
        PERFORM qlue_store_photo(v_id, 'report', p_photo, p_photo_meta);
    END IF;
    INSERT INTO events (report_id, actor, kind, payload)
    VALUES (v_id, p_channel || ':' || v_citizen, 'created',
            jsonb_build_object('channel', p_channel, 'kelurahan', v_kel,
                               'outside_jurisdiction', v_kel IS NULL));
    RETURN v_id;
END $$;
REVOKE ALL ON FUNCTION submit_report(text, text, text, text, text, double precision, double precision, bytea, jsonb, timestamptz, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION submit_report(text, text, text, text, text, double precision, double precision, bytea, jsonb, timestamptz, boolean) TO qlue_channel, qlue_admin;

CREATE OR REPLACE FUNCTION qlue_photos_to_describe(p_limit integer)
RETURNS TABLE (id bigint, data bytea)
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT p.id, p.data FROM photos p
     WHERE p.phash IS NULL AND p.describe_error IS NULL AND p.data IS NOT NULL
     ORDER BY p.id
     LIMIT greatest(1, least(coalesce(p_limit, 1), 100))
       FOR UPDATE SKIP LOCKED
$$;

CREATE OR REPLACE FUNCTION qlue_photos_waiting() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT count(*) FROM photos
     WHERE phash IS NULL AND describe_error IS NULL AND data IS NOT NULL
$$;
