-- Revision 0029 down: qlue_store_photo, qlue_photo_described and qlue_report_differences as
-- revisions 0010, 0018 and 0025 left them.

CREATE OR REPLACE FUNCTION qlue_store_photo(p_report_id bigint, p_kind text, p_photo bytea, p_meta jsonb)
 RETURNS bigint
 LANGUAGE plpgsql
AS $function$
DECLARE
    v_id bigint;
    v_meta jsonb := coalesce(p_meta, '{}'::jsonb);
BEGIN
    INSERT INTO photos (report_id, kind, data, mime, sha256, phash, width, height, exif,
                        taken_at, gps_lat, gps_lon)
    VALUES (p_report_id, p_kind, p_photo, v_meta->>'mime', encode(sha256(p_photo), 'hex'),
            (v_meta->>'phash')::bigint, (v_meta->>'width')::integer, (v_meta->>'height')::integer,
            v_meta->'exif', (v_meta->>'taken_at')::timestamptz,
            (v_meta->>'gps_lat')::double precision, (v_meta->>'gps_lon')::double precision)
    RETURNING id INTO v_id;
    RETURN v_id;
EXCEPTION WHEN invalid_text_representation OR numeric_value_out_of_range
               OR invalid_datetime_format OR datetime_field_overflow THEN
    PERFORM qlue_fail('photo_meta', 'photo metadata is malformed: ' || SQLERRM);
    RETURN NULL;
END $function$

;

CREATE OR REPLACE FUNCTION qlue_photo_described(p_photo_id bigint, p_meta jsonb, p_error text)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
BEGIN
    IF p_meta IS NULL AND coalesce(btrim(p_error), '') = '' THEN
        PERFORM qlue_fail('photo_meta', 'a describer gives the metadata or the reason it has none');
    END IF;
    IF p_meta IS NOT NULL THEN
        UPDATE photos SET phash = (p_meta->>'phash')::bigint,
                          width = (p_meta->>'width')::integer,
                          height = (p_meta->>'height')::integer,
                          mime = coalesce(p_meta->>'mime', mime),
                          exif = p_meta->'exif',
                          taken_at = (p_meta->>'taken_at')::timestamptz,
                          gps_lat = (p_meta->>'gps_lat')::double precision,
                          gps_lon = (p_meta->>'gps_lon')::double precision
         WHERE id = p_photo_id AND phash IS NULL;
    ELSE
        UPDATE photos SET describe_error = left(btrim(p_error), 500)
         WHERE id = p_photo_id AND phash IS NULL;
    END IF;
EXCEPTION WHEN invalid_text_representation OR numeric_value_out_of_range
               OR invalid_datetime_format OR datetime_field_overflow THEN
    PERFORM qlue_fail('photo_meta', 'photo metadata is malformed: ' || SQLERRM);
END $function$

;

CREATE OR REPLACE FUNCTION qlue_report_differences(p_report reports, p_citizen text, p_text text, p_category text, p_lat double precision, p_lon double precision, p_photo bytea, p_reported_at timestamp with time zone)
 RETURNS text[]
 LANGUAGE plpgsql
 STABLE
AS $function$
DECLARE
    v_differs text[] := '{}';
    v_category text;
    v_photo text;
BEGIN
    SELECT e.payload->>'from' INTO v_category FROM events e
     WHERE e.report_id = p_report.id AND e.kind = 'categorised' ORDER BY e.id LIMIT 1;
    SELECT ph.sha256 INTO v_photo FROM photos ph
     WHERE ph.report_id = p_report.id AND ph.kind = 'report'
       AND NOT EXISTS (SELECT 1 FROM events e WHERE e.report_id = p_report.id AND e.kind = 'reopened'
                          AND e.payload->>'photo' = ph.id::text)
     ORDER BY ph.id LIMIT 1;
    IF p_report.citizen_handle IS DISTINCT FROM qlue_trim(p_citizen) THEN
        v_differs := v_differs || 'citizen'::text;
    END IF;
    IF p_report.text IS DISTINCT FROM p_text THEN
        v_differs := v_differs || 'text'::text;
    END IF;
    IF coalesce(v_category, p_report.category_code) IS DISTINCT FROM p_category THEN
        v_differs := v_differs || 'category'::text;
    END IF;
    IF p_report.lat IS DISTINCT FROM p_lat OR p_report.lon IS DISTINCT FROM p_lon THEN
        v_differs := v_differs || 'position'::text;
    END IF;
    IF v_photo IS DISTINCT FROM encode(sha256(p_photo), 'hex') THEN   -- sha256(NULL) is NULL
        v_differs := v_differs || 'photo'::text;
    END IF;
    IF p_reported_at IS NOT NULL AND p_reported_at IS DISTINCT FROM p_report.reported_at THEN
        v_differs := v_differs || 'reported_at'::text;
    END IF;
    RETURN v_differs;
END $function$

;

