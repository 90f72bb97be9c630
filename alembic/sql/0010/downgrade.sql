-- Revision 0010 undone: the contract functions get back their definitions of revision 0001
-- (copied from alembic/sql/0001/functions.sql), then the helpers and the settings go.

-- Decide by the bytes whether a photo is an image a phone sends: JPEG, PNG, WebP, HEIC/HEIF.
CREATE OR REPLACE FUNCTION qlue_is_image(p bytea) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT p IS NOT NULL AND length(p) >= 12 AND (
           substring(p FROM 1 FOR 3) = '\xffd8ff'::bytea
        OR substring(p FROM 1 FOR 8) = '\x89504e470d0a1a0a'::bytea
        OR (substring(p FROM 1 FOR 4) = 'RIFF'::bytea AND substring(p FROM 9 FOR 4) = 'WEBP'::bytea)
        OR (substring(p FROM 5 FOR 4) = 'ftyp'::bytea AND substring(p FROM 9 FOR 4) IN
            ('heic'::bytea, 'heix'::bytea, 'hevc'::bytea, 'hevx'::bytea, 'heim'::bytea,
             'heis'::bytea, 'mif1'::bytea, 'msf1'::bytea, 'avif'::bytea)))
$$;

-- A citizen channel submits a report. Idempotent on (channel, external_id): a repeated call
-- returns the id of the report the first call created.
CREATE OR REPLACE FUNCTION submit_report(
    p_channel text, p_external_id text, p_citizen text, p_text text, p_category text,
    p_lat double precision, p_lon double precision,
    p_photo bytea DEFAULT NULL, p_photo_meta jsonb DEFAULT NULL,
    p_reported_at timestamptz DEFAULT NULL)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_id bigint;
    v_kel text;
    v_kec text;
    v_kota text;
BEGIN
    IF p_channel IS NULL OR p_channel NOT IN ('app', 'web', 'sms', 'social', 'call_center') THEN
        PERFORM qlue_fail('channel', format('unknown channel %L (app, web, sms, social or call_center)', p_channel));
    END IF;
    IF coalesce(btrim(p_external_id), '') = '' THEN
        PERFORM qlue_fail('external_id', 'the channel''s external_id is required');
    END IF;
    IF coalesce(btrim(p_citizen), '') = '' THEN
        PERFORM qlue_fail('citizen', 'the citizen handle is required');
    END IF;
    IF coalesce(btrim(p_text), '') = '' THEN
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

    SELECT id INTO v_id FROM reports WHERE channel = p_channel AND external_id = p_external_id;
    IF FOUND THEN
        RETURN v_id;
    END IF;

    IF NOT EXISTS (SELECT 1 FROM categories WHERE code = p_category AND active) THEN
        PERFORM qlue_fail('category', format('unknown category %L', p_category));
    END IF;
    IF p_photo IS NOT NULL AND NOT qlue_is_image(p_photo) THEN
        PERFORM qlue_fail('photo', 'the photo is not an image (JPEG, PNG, WebP or HEIC)');
    END IF;

    v_kel := qlue_resolve_kelurahan(p_lat, p_lon);
    IF v_kel IS NOT NULL THEN
        SELECT kec.code, kec.parent_code INTO v_kec, v_kota
          FROM areas kel JOIN areas kec ON kec.code = kel.parent_code WHERE kel.code = v_kel;
    END IF;

    INSERT INTO reports (channel, external_id, citizen_handle, text, category_code, lat, lon,
                         kelurahan_code, kecamatan_code, kota_code, outside_jurisdiction,
                         reported_at, followers)
    VALUES (p_channel, p_external_id, btrim(p_citizen), p_text, p_category, p_lat, p_lon,
            v_kel, v_kec, v_kota, v_kel IS NULL, coalesce(p_reported_at, now()),
            ARRAY[btrim(p_citizen)])
    ON CONFLICT (channel, external_id) DO NOTHING
    RETURNING id INTO v_id;
    IF v_id IS NULL THEN   -- the same report arrived concurrently
        SELECT id INTO v_id FROM reports WHERE channel = p_channel AND external_id = p_external_id;
        RETURN v_id;
    END IF;

    IF p_photo IS NOT NULL THEN
        PERFORM qlue_store_photo(v_id, 'report', p_photo, p_photo_meta);
    END IF;
    INSERT INTO events (report_id, actor, kind, payload)
    VALUES (v_id, p_channel || ':' || btrim(p_citizen), 'created',
            jsonb_build_object('channel', p_channel, 'kelurahan', v_kel,
                               'outside_jurisdiction', v_kel IS NULL));
    RETURN v_id;
END $$;

-- An official posts a follow-up with its proof photo. Idempotent on (official, external_id)
-- when the channel gives an external_id.
CREATE OR REPLACE FUNCTION submit_follow_up(
    p_report_id bigint, p_official text, p_note text, p_photo bytea,
    p_photo_meta jsonb DEFAULT NULL, p_external_id text DEFAULT NULL)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_account accounts%ROWTYPE;
    v_report reports%ROWTYPE;
    v_id bigint;
    v_photo bigint;
BEGIN
    SELECT * INTO v_account FROM accounts WHERE lower(handle) = lower(ltrim(p_official, '@'));
    IF NOT FOUND THEN
        PERFORM qlue_fail('official', format('unknown official %L', p_official));
    END IF;
    IF NOT v_account.active THEN
        PERFORM qlue_fail('official', format('official @%s is not active', v_account.handle));
    END IF;
    IF p_external_id IS NOT NULL THEN
        SELECT id INTO v_id FROM follow_ups WHERE account_id = v_account.id AND external_id = p_external_id;
        IF FOUND THEN
            RETURN v_id;
        END IF;
    END IF;
    SELECT * INTO v_report FROM reports WHERE id = p_report_id FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM qlue_fail('report', format('unknown report %s', coalesce(p_report_id::text, 'NULL')));
    END IF;
    IF v_report.status IN ('rejected', 'duplicate', 'verified') THEN
        PERFORM qlue_fail('report', format('report %s is closed (%s)', p_report_id, v_report.status));
    END IF;
    IF p_photo IS NULL THEN
        PERFORM qlue_fail('photo', 'a follow-up needs a proof photo');
    END IF;
    IF NOT qlue_is_image(p_photo) THEN
        PERFORM qlue_fail('photo', 'the proof photo is not an image (JPEG, PNG, WebP or HEIC)');
    END IF;
    IF length(coalesce(p_note, '')) > 5000 THEN
        PERFORM qlue_fail('note', 'the note is longer than 5000 characters');
    END IF;

    INSERT INTO follow_ups (report_id, account_id, external_id, note)
    VALUES (p_report_id, v_account.id, p_external_id, coalesce(p_note, ''))
    RETURNING id INTO v_id;
    v_photo := qlue_store_photo(p_report_id, 'proof', p_photo, p_photo_meta);
    UPDATE photos SET follow_up_id = v_id WHERE id = v_photo;
    UPDATE follow_ups SET photo_id = v_photo WHERE id = v_id;

    UPDATE mentions SET state = 'resolved', resolved_at = now()
     WHERE report_id = p_report_id AND account_id = v_account.id AND state = 'open';
    UPDATE reports SET status = 'followed_up', followed_up_at = now(), updated_at = now(),
                       version = version + 1
     WHERE id = p_report_id;
    INSERT INTO events (report_id, actor, kind, payload)
    VALUES (p_report_id, v_account.handle, 'follow_up',
            jsonb_build_object('follow_up', v_id, 'photo', v_photo, 'official', v_account.handle,
                               'note', coalesce(p_note, '')));
    RETURN v_id;
END $$;

-- A citizen reports again: the problem was not handled right. The report reopens and the
-- officials mentioned last get a new mention with a fresh due time. Returns the event id.
CREATE OR REPLACE FUNCTION reopen_report(
    p_report_id bigint, p_citizen text, p_text text,
    p_photo bytea DEFAULT NULL, p_photo_meta jsonb DEFAULT NULL)
RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_report reports%ROWTYPE;
    v_category categories%ROWTYPE;
    v_event bigint;
    v_photo bigint;
    v_due timestamptz;
BEGIN
    IF coalesce(btrim(p_text), '') = '' THEN
        PERFORM qlue_fail('text', 'say what was not handled right: the text is required');
    END IF;
    SELECT * INTO v_report FROM reports WHERE id = p_report_id FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM qlue_fail('report', format('unknown report %s', coalesce(p_report_id::text, 'NULL')));
    END IF;
    IF NOT (btrim(coalesce(p_citizen, '')) = ANY (v_report.followers)) THEN
        PERFORM qlue_fail('citizen', format('only a citizen who reported or follows report %s can reopen it', p_report_id));
    END IF;
    IF v_report.status NOT IN ('followed_up', 'verified') THEN
        PERFORM qlue_fail('report', format('report %s is %s: only a followed-up or finished report can be reopened', p_report_id, v_report.status));
    END IF;
    IF p_photo IS NOT NULL AND NOT qlue_is_image(p_photo) THEN
        PERFORM qlue_fail('photo', 'the photo is not an image (JPEG, PNG, WebP or HEIC)');
    END IF;
    SELECT * INTO v_category FROM categories WHERE code = v_report.category_code;
    v_due := qlue_due_at(now(), v_category.sla_hours, v_category.sla_mode);

    IF p_photo IS NOT NULL THEN
        v_photo := qlue_store_photo(p_report_id, 'report', p_photo, p_photo_meta);
    END IF;
    UPDATE reports SET status = 'reopened', closed_at = NULL, updated_at = now(),
                       due_at = v_due, version = version + 1
     WHERE id = p_report_id;
    INSERT INTO events (report_id, actor, kind, payload)
    VALUES (p_report_id, 'citizen:' || btrim(p_citizen), 'reopened',
            jsonb_build_object('text', p_text, 'photo', v_photo, 'by', 'citizen'))
    RETURNING id INTO v_event;
    INSERT INTO mentions (report_id, account_id, event_id, due_at)
    SELECT DISTINCT p_report_id, m.account_id, v_event, v_due
      FROM mentions m
     WHERE m.report_id = p_report_id
       AND m.mentioned_at = (SELECT max(mentioned_at) FROM mentions WHERE report_id = p_report_id)
       AND NOT EXISTS (SELECT 1 FROM mentions o WHERE o.report_id = p_report_id
                          AND o.account_id = m.account_id AND o.state = 'open');
    RETURN v_event;
END $$;

DROP FUNCTION IF EXISTS qlue_follow_up_differences(bigint, bigint, text, bytea);
DROP FUNCTION IF EXISTS qlue_report_differences(reports, text, text, text, double precision, double precision, bytea, timestamptz);
DROP FUNCTION IF EXISTS qlue_fail_key_reused(text, text, text, bigint, text[]);
DROP FUNCTION IF EXISTS qlue_check_photo(bytea, text, text);
DROP FUNCTION IF EXISTS qlue_image_problem(bytea);
DROP FUNCTION IF EXISTS qlue_heif_problem(bytea);
DROP FUNCTION IF EXISTS qlue_webp_problem(bytea);
DROP FUNCTION IF EXISTS qlue_png_problem(bytea);
DROP FUNCTION IF EXISTS qlue_jpeg_problem(bytea);
DROP FUNCTION IF EXISTS qlue_uint_be(bytea, integer, integer);
DROP FUNCTION IF EXISTS qlue_is_blank(text);
DROP FUNCTION IF EXISTS qlue_trim(text);
DROP FUNCTION IF EXISTS qlue_photo_max_bytes();
DROP TABLE IF EXISTS contract_settings;
