-- Revision 0033: a gateway upload's photo is stored in a transaction of its own before the
-- report that carries it. A channel's submission commits the report, its 'created' event and
-- the NOTIFY that tells the consoles; PostgreSQL serialises the commits of transactions that
-- notify (one lock, held until the commit record is flushed), so a 500 KB photo written in
-- that transaction made every other channel wait for its WAL. Now the gateway's first
-- statement checks the key and stages the photo (committed on its own, flushed with the other
-- uploads' WAL in one group), and submit_report attaches the staged row to the new report by
-- setting its report_id: the photo's bytes are written once, outside the notifying commit.

-- The channel login a staged photo was uploaded for; NULL once attached to its report (and for
-- every photo stored otherwise). A staged photo has no report_id.
ALTER TABLE photos ADD COLUMN staged_by text;
CREATE INDEX photos_staged_idx ON photos (created_at) WHERE staged_by IS NOT NULL;

-- The channel a call acts for: the login the gateway switched to (SET LOCAL ROLE through the
-- setting 'role', kept inside SECURITY DEFINER functions), else the session's own login.
CREATE FUNCTION qlue_acting_login() RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN coalesce(current_setting('role', true), 'none') IN ('none', '')
                THEN session_user::text ELSE current_setting('role', true) END
$$;

-- The gateway's first step of a POST: the key's check (as qlue_channel_key_check) and, when
-- the request has one, the photo's check (qlue_check_photo) and its upload as a staged photo of
-- the key's channel. Returns the channel's login (NULL for an unknown or revoked key: nothing is
-- stored), the staged photo's id, and what is wrong with a photo that was refused (then nothing
-- is stored either; the login is known, so the gateway logs the refusal under its channel).
-- Staged photos left unattached for an hour (a client that never sent a valid form, a refused
-- retry) are removed, a few at each upload.
CREATE FUNCTION qlue_gateway_receive(p_key_sha256 text, p_photo bytea)
RETURNS TABLE (login text, photo_id bigint, problem text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_login text := qlue_channel_key_check(p_key_sha256);
    v_photo bigint;
BEGIN
    IF v_login IS NULL OR p_photo IS NULL THEN
        RETURN QUERY SELECT v_login, NULL::bigint, NULL::text;
        RETURN;
    END IF;
    BEGIN
        PERFORM qlue_check_photo(p_photo, 'photo', 'the photo');
    EXCEPTION WHEN invalid_parameter_value THEN
        RETURN QUERY SELECT v_login, NULL::bigint, SQLERRM;
        RETURN;
    END;
    INSERT INTO photos (report_id, kind, data, staged_by)
    VALUES (NULL, 'report', p_photo, v_login)
    RETURNING id INTO v_photo;
    DELETE FROM photos WHERE id IN (
        SELECT s.id FROM photos s
         WHERE s.staged_by IS NOT NULL AND s.created_at < now() - interval '1 hour'
         ORDER BY s.created_at LIMIT 5 FOR UPDATE SKIP LOCKED);
    RETURN QUERY SELECT v_login, v_photo, NULL::text;
END $$;

-- A staged photo the gateway will not attach (the form was refused): removed at once.
CREATE FUNCTION qlue_gateway_discard(p_login text, p_photo_id bigint) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    DELETE FROM photos WHERE id = p_photo_id AND staged_by = p_login AND report_id IS NULL
$$;

-- The photo a submission brings, by its bytes or as the id of a photo staged for the acting
-- channel (locked for the caller's transaction). Refuses both at once, and a staged id that is
-- not this channel's, was attached already or removed.
CREATE FUNCTION qlue_submitted_photo(p_photo bytea, p_staged_photo bigint) RETURNS bytea
LANGUAGE plpgsql AS $$
DECLARE
    v_data bytea;
BEGIN
    IF p_staged_photo IS NULL THEN
        RETURN p_photo;
    END IF;
    IF p_photo IS NOT NULL THEN
        PERFORM qlue_fail('photo', 'give the photo''s bytes or a staged photo, not both');
    END IF;
    SELECT ph.data INTO v_data FROM photos ph
     WHERE ph.id = p_staged_photo AND ph.report_id IS NULL AND ph.staged_by = qlue_acting_login()
       FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM qlue_fail('photo', format('staged photo %s is not one this channel uploaded, or it was attached or removed already', p_staged_photo));
    END IF;
    RETURN v_data;
END $$;

-- submit_report gets a last parameter p_staged_photo (default NULL, so every existing call
-- works); the 11-parameter function it replaces goes, so no call is ambiguous. Idempotency is
-- unchanged: a retry's staged photo is compared by its bytes and removed when the retry
-- returns the first report's id.
DROP FUNCTION submit_report(text, text, text, text, text, double precision, double precision, bytea, jsonb, timestamptz, boolean);
CREATE FUNCTION submit_report(
    p_channel text, p_external_id text, p_citizen text, p_text text, p_category text,
    p_lat double precision, p_lon double precision,
    p_photo bytea DEFAULT NULL, p_photo_meta jsonb DEFAULT NULL,
    p_reported_at timestamptz DEFAULT NULL, p_private boolean DEFAULT false,
    p_staged_photo bigint DEFAULT NULL)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_id bigint;
    v_kel text;
    v_kec text;
    v_kota text;
    v_citizen text := qlue_trim(p_citizen);
    v_existing reports%ROWTYPE;
    v_photo bytea;
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
    v_photo := qlue_submitted_photo(p_photo, p_staged_photo);

    SELECT * INTO v_existing FROM reports WHERE channel = p_channel AND external_id = p_external_id;
    IF NOT FOUND THEN
        IF NOT EXISTS (SELECT 1 FROM categories WHERE code = p_category AND active) THEN
            PERFORM qlue_fail('category', format('unknown category %L', p_category));
        END IF;
        IF p_photo IS NOT NULL THEN   -- a staged photo was checked when it was uploaded
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
        END IF;
    END IF;

    IF v_id IS NULL THEN   -- a retry: the same content returns the first report's id
        PERFORM qlue_fail_key_reused(p_external_id, 'channel ' || p_channel, 'report', v_existing.id,
            qlue_report_differences(v_existing, p_citizen, p_text, p_category, p_lat, p_lon, v_photo, p_reported_at)
            || CASE WHEN v_existing.private IS DISTINCT FROM coalesce(p_private, false) THEN '{private}'::text[] ELSE '{}' END);
        IF p_staged_photo IS NOT NULL THEN
            DELETE FROM photos WHERE id = p_staged_photo;
        END IF;
        RETURN v_existing.id;
    END IF;

    IF p_staged_photo IS NOT NULL THEN
        UPDATE photos SET report_id = v_id, staged_by = NULL WHERE id = p_staged_photo;
    ELSIF p_photo IS NOT NULL THEN
        PERFORM qlue_store_photo(v_id, 'report', p_photo, p_photo_meta);
    END IF;
    INSERT INTO events (report_id, actor, kind, payload)
    VALUES (v_id, p_channel || ':' || v_citizen, 'created',
            jsonb_build_object('channel', p_channel, 'kelurahan', v_kel,
                               'outside_jurisdiction', v_kel IS NULL));
    RETURN v_id;
END $$;

-- A describer leaves staged photos alone (their report may be attaching them at this moment);
-- it describes them once attached.
CREATE OR REPLACE FUNCTION qlue_photos_to_describe(p_limit integer)
RETURNS TABLE (id bigint, data bytea)
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT p.id, p.data FROM photos p
     WHERE p.phash IS NULL AND p.describe_error IS NULL AND p.data IS NOT NULL
       AND p.staged_by IS NULL
     ORDER BY p.id
     LIMIT greatest(1, least(coalesce(p_limit, 1), 100))
       FOR UPDATE SKIP LOCKED
$$;

CREATE OR REPLACE FUNCTION qlue_photos_waiting() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT count(*) FROM photos
     WHERE phash IS NULL AND describe_error IS NULL AND data IS NOT NULL AND staged_by IS NULL
$$;

REVOKE ALL ON FUNCTION qlue_acting_login(), qlue_submitted_photo(bytea, bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION qlue_gateway_receive(text, bytea), qlue_gateway_discard(text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION qlue_gateway_receive(text, bytea), qlue_gateway_discard(text, bigint) TO qlue_gateway;
REVOKE ALL ON FUNCTION submit_report(text, text, text, text, text, double precision, double precision, bytea, jsonb, timestamptz, boolean, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION submit_report(text, text, text, text, text, double precision, double precision, bytea, jsonb, timestamptz, boolean, bigint) TO qlue_channel, qlue_admin;
