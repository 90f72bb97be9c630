-- Revision 0010: the channel contract right the first time.
-- * Text made only of blanks (tabs, newlines, no-break and zero-width spaces) is no text.
-- * A photo has a size limit (contract_settings.photo_max_bytes, default 15 MiB) and its bytes
--   must have the structure of a JPEG, PNG, WebP or HEIC/AVIF file, not only its signature.
-- * Idempotency keys keep their promise: a retry with the same content returns the same id;
--   other content under a key already used is refused with SQLSTATE QC010, naming what differs.
-- Every refusal writes nothing: 22023 (invalid_parameter_value) with the field in DETAIL, as in 0001.

-- Settings of the contract an administrator may change (one row).
CREATE TABLE contract_settings (
    singleton       boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    photo_max_bytes integer NOT NULL DEFAULT 15728640
                    CHECK (photo_max_bytes BETWEEN 65536 AND 1073741823)
);
INSERT INTO contract_settings DEFAULT VALUES;
COMMENT ON COLUMN contract_settings.photo_max_bytes IS
    'Largest photo, in bytes, that submit_report, submit_follow_up and reopen_report accept (default 15 MiB)';

CREATE FUNCTION qlue_photo_max_bytes() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT coalesce((SELECT photo_max_bytes FROM contract_settings), 15728640)
$$;

-- The characters that show nothing: the ASCII blanks, NEL, the no-break spaces (U+00A0, U+2007,
-- U+202F), the Unicode spaces and separators, and the zero-width characters (U+200B-U+200D,
-- U+2060, U+FEFF, U+180E). qlue_console/db/contract.py uses the same set.
CREATE FUNCTION qlue_trim(p text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT btrim(p, U&'\0009\000A\000B\000C\000D\0020\0085\00A0\1680\180E\2000\2001\2002\2003\2004\2005\2006\2007\2008\2009\200A\200B\200C\200D\2028\2029\202F\205F\2060\3000\FEFF')
$$;

CREATE FUNCTION qlue_is_blank(p text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(qlue_trim(p), '') = ''
$$;

-- Unsigned big-endian integer of p_len (<= 4) bytes at 0-based offset p_at.
CREATE FUNCTION qlue_uint_be(p bytea, p_at integer, p_len integer) RETURNS bigint
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    v bigint := 0;
BEGIN
    IF p IS NULL OR p_at IS NULL OR p_len IS NULL THEN
        RETURN NULL;
    END IF;
    FOR k IN 0 .. p_len - 1 LOOP
        v := v * 256 + get_byte(p, p_at + k);
    END LOOP;
    RETURN v;
END $$;

-- JPEG: SOI, then marker segments whose lengths stay inside the file, a frame header (SOFn) with
-- a width and 1-4 components before the first scan (SOS), scan data, and an EOI marker after it.
-- Extraneous bytes between segments (which decoders skip with a warning) and bytes after the EOI
-- (phone trailers, motion-photo videos) are allowed.
CREATE FUNCTION qlue_jpeg_problem(p bytea) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    n integer := length(p);
    i integer := 2;
    m integer;
    seg integer;
    skip integer;
    v_frame boolean := false;
    v_steps integer := 0;
BEGIN
    IF p IS NULL THEN
        RETURN 'there are no bytes';
    END IF;
    LOOP
        v_steps := v_steps + 1;
        IF v_steps > 10000 THEN
            RETURN 'the JPEG has too many segments before its image data';
        END IF;
        IF i + 4 > n THEN
            RETURN 'the JPEG ends before its image data';
        END IF;
        IF get_byte(p, i) <> 255 THEN                       -- extraneous bytes, as decoders skip them
            skip := position('\xff'::bytea IN substring(p FROM i + 1));
            IF skip = 0 THEN
                RETURN 'the JPEG ends before its image data';
            END IF;
            i := i + skip - 1;
            CONTINUE;
        END IF;
        WHILE i + 4 < n AND get_byte(p, i + 1) = 255 LOOP   -- fill bytes before a marker
            i := i + 1;
        END LOOP;
        m := get_byte(p, i + 1);
        IF m BETWEEN 208 AND 215 OR m = 1 THEN              -- RSTn, TEM: no length
            i := i + 2;
            CONTINUE;
        END IF;
        IF m = 217 THEN
            RETURN 'the JPEG ends before its image data';
        END IF;
        IF m < 192 OR m = 216 THEN
            RETURN format('the JPEG has an invalid marker 0x%s at byte %s', upper(to_hex(m)), i);
        END IF;
        seg := get_byte(p, i + 2) * 256 + get_byte(p, i + 3);
        IF seg < 2 OR i + 2 + seg > n THEN
            RETURN format('a JPEG segment at byte %s runs past the end of the file', i);
        END IF;
        IF m BETWEEN 192 AND 207 AND m NOT IN (196, 200, 204) THEN   -- SOFn (not DHT, JPG, DAC)
            IF seg < 8 OR get_byte(p, i + 7) * 256 + get_byte(p, i + 8) = 0
               OR get_byte(p, i + 9) NOT BETWEEN 1 AND 4 THEN
                RETURN 'the JPEG frame header is invalid';
            END IF;
            v_frame := true;
        END IF;
        IF m = 218 THEN                                       -- SOS: the image data follows
            IF NOT v_frame THEN
                RETURN 'the JPEG image data comes before its frame header';
            END IF;
            IF position('\xffd9'::bytea IN substring(p FROM i + 3 + seg)) <= 1 THEN
                RETURN 'the JPEG is cut short: no end-of-image marker after its image data';
            END IF;
            RETURN NULL;
        END IF;
        i := i + 2 + seg;
    END LOOP;
END $$;

-- PNG: the signature, IHDR first (13 bytes, a non-empty size, a valid bit depth and colour type),
-- chunks whose lengths stay inside the file, at least one IDAT, and IEND.
CREATE FUNCTION qlue_png_problem(p bytea) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    n integer := length(p);
    i integer := 8;
    len bigint;
    kind bytea;
    v_idat boolean := false;
    v_steps integer := 0;
BEGIN
    IF p IS NULL THEN
        RETURN 'there are no bytes';
    END IF;
    IF substring(p FROM 1 FOR 8) <> '\x89504e470d0a1a0a'::bytea THEN
        RETURN 'the PNG signature is wrong';
    END IF;
    LOOP
        v_steps := v_steps + 1;
        IF v_steps > 100000 THEN
            RETURN 'the PNG has too many chunks';
        END IF;
        IF i + 12 > n THEN
            RETURN 'the PNG is cut short: no IEND chunk';
        END IF;
        len := qlue_uint_be(p, i, 4);
        kind := substring(p FROM i + 5 FOR 4);
        IF len > n - i - 12 THEN
            RETURN format('a PNG chunk at byte %s runs past the end of the file', i);
        END IF;
        FOR k IN 4 .. 7 LOOP
            IF NOT (get_byte(p, i + k) BETWEEN 65 AND 90 OR get_byte(p, i + k) BETWEEN 97 AND 122) THEN
                RETURN format('the PNG has an invalid chunk type at byte %s', i);
            END IF;
        END LOOP;
        IF i = 8 THEN
            IF kind <> 'IHDR'::bytea OR len <> 13 OR qlue_uint_be(p, 16, 4) = 0 OR qlue_uint_be(p, 20, 4) = 0
               OR get_byte(p, 24) NOT IN (1, 2, 4, 8, 16) OR get_byte(p, 25) NOT IN (0, 2, 3, 4, 6) THEN
                RETURN 'the PNG header (IHDR) is invalid';
            END IF;
        ELSIF kind = 'IDAT'::bytea THEN
            v_idat := v_idat OR len > 0;
        ELSIF kind = 'IEND'::bytea THEN
            RETURN CASE WHEN v_idat THEN NULL ELSE 'the PNG has no image data (IDAT)' END;
        END IF;
        i := i + 12 + len::integer;
    END LOOP;
END $$;

-- WebP: a RIFF container that fits in the file, chunks that fit in it, and a VP8 (with its frame
-- signature), VP8L (with its signature byte) or animation frame chunk.
CREATE FUNCTION qlue_webp_problem(p bytea) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    n integer := length(p);
    v_end bigint;
    i bigint := 12;
    len bigint;
    kind bytea;
    v_image boolean := false;
BEGIN
    IF p IS NULL THEN
        RETURN 'there are no bytes';
    END IF;
    v_end := 8 + get_byte(p, 4) + get_byte(p, 5) * 256 + get_byte(p, 6) * 65536 + get_byte(p, 7)::bigint * 16777216;
    IF v_end > n THEN
        RETURN 'the WebP is cut short: its RIFF container is longer than the file';
    END IF;
    WHILE i + 8 <= v_end LOOP
        kind := substring(p FROM i::integer + 1 FOR 4);
        len := get_byte(p, i::integer + 4) + get_byte(p, i::integer + 5) * 256 + get_byte(p, i::integer + 6) * 65536
               + get_byte(p, i::integer + 7)::bigint * 16777216;
        IF i + 8 + len > v_end THEN
            RETURN format('a WebP chunk at byte %s runs past the end of its container', i);
        END IF;
        IF kind = 'VP8 '::bytea THEN
            IF len < 10 OR substring(p FROM i::integer + 12 FOR 3) <> '\x9d012a'::bytea THEN
                RETURN 'the WebP VP8 frame is invalid';
            END IF;
            v_image := true;
        ELSIF kind = 'VP8L'::bytea THEN
            IF len < 5 OR get_byte(p, i::integer + 8) <> 47 THEN
                RETURN 'the WebP VP8L frame is invalid';
            END IF;
            v_image := true;
        ELSIF kind = 'ANMF'::bytea THEN
            v_image := true;
        END IF;
        i := i + 8 + len + len % 2;
    END LOOP;
    RETURN CASE WHEN v_image THEN NULL ELSE 'the WebP has no image data' END;
END $$;

-- HEIC/HEIF/AVIF: ISO base media boxes that follow each other to the end of the file, 'ftyp'
-- first, and a 'meta' box (which describes the images).
CREATE FUNCTION qlue_heif_problem(p bytea) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    n integer := length(p);
    i bigint := 0;
    len bigint;
    head integer;
    v_meta boolean := false;
    v_steps integer := 0;
BEGIN
    IF p IS NULL THEN
        RETURN 'there are no bytes';
    END IF;
    WHILE i < n LOOP
        v_steps := v_steps + 1;
        IF v_steps > 10000 THEN
            RETURN 'the HEIF file has too many boxes';
        END IF;
        IF i + 8 > n THEN
            RETURN format('a HEIF box at byte %s is cut short', i);
        END IF;
        len := qlue_uint_be(p, i::integer, 4);
        head := 8;
        IF len = 1 THEN
            IF i + 16 > n OR qlue_uint_be(p, i::integer + 8, 4) <> 0 THEN
                RETURN format('a HEIF box at byte %s runs past the end of the file', i);
            END IF;
            len := qlue_uint_be(p, i::integer + 12, 4);
            head := 16;
        ELSIF len = 0 THEN
            len := n - i;
        END IF;
        IF len < head OR i + len > n THEN
            RETURN format('a HEIF box at byte %s runs past the end of the file', i);
        END IF;
        IF i = 0 AND substring(p FROM 5 FOR 4) <> 'ftyp'::bytea THEN
            RETURN 'the HEIF file does not start with its ftyp box';
        END IF;
        v_meta := v_meta OR substring(p FROM i::integer + 5 FOR 4) = 'meta'::bytea;
        i := i + len;
    END LOOP;
    RETURN CASE WHEN v_meta THEN NULL ELSE 'the HEIF file has no meta box' END;
END $$;

-- What is wrong with the bytes of a photo as an image a phone sends (JPEG, PNG, WebP, HEIC/HEIF/AVIF),
-- judged by their signature and container structure; NULL when nothing is. The pixels themselves
-- are not decoded here (the Python wrapper decodes them fully).
CREATE FUNCTION qlue_image_problem(p bytea) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF p IS NULL OR length(p) < 12 THEN
        RETURN format('it has only %s bytes', coalesce(length(p), 0));
    ELSIF substring(p FROM 1 FOR 3) = '\xffd8ff'::bytea THEN
        RETURN qlue_jpeg_problem(p);
    ELSIF substring(p FROM 1 FOR 8) = '\x89504e470d0a1a0a'::bytea THEN
        RETURN qlue_png_problem(p);
    ELSIF substring(p FROM 1 FOR 4) = 'RIFF'::bytea AND substring(p FROM 9 FOR 4) = 'WEBP'::bytea THEN
        RETURN qlue_webp_problem(p);
    ELSIF substring(p FROM 5 FOR 4) = 'ftyp'::bytea AND substring(p FROM 9 FOR 4) IN
            ('heic'::bytea, 'heix'::bytea, 'hevc'::bytea, 'hevx'::bytea, 'heim'::bytea,
             'heis'::bytea, 'mif1'::bytea, 'msf1'::bytea, 'avif'::bytea) THEN
        RETURN qlue_heif_problem(p);
    END IF;
    RETURN 'the bytes are not a JPEG, PNG, WebP or HEIC image';
END $$;

-- Decide by the bytes whether a photo is an image a phone sends: JPEG, PNG, WebP, HEIC/HEIF,
-- with a sound container structure (qlue_image_problem). SECURITY DEFINER: the roles that may call
-- it (0001's grants) need no grant on the helpers.
CREATE OR REPLACE FUNCTION qlue_is_image(p bytea) RETURNS boolean
LANGUAGE sql IMMUTABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT p IS NOT NULL AND qlue_image_problem(p) IS NULL
$$;

-- Refuses (22023, field p_field) a photo over the size limit or whose bytes are no sound image.
CREATE FUNCTION qlue_check_photo(p_photo bytea, p_field text, p_what text) RETURNS void
LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_limit integer := qlue_photo_max_bytes();
    v_problem text;
BEGIN
    IF length(p_photo) > v_limit THEN
        PERFORM qlue_fail(p_field, format('%s is %s bytes, more than the limit of %s bytes',
                                          p_what, length(p_photo), v_limit));
    END IF;
    v_problem := qlue_image_problem(p_photo);
    IF v_problem IS NOT NULL THEN
        PERFORM qlue_fail(p_field, format('%s is not an image (JPEG, PNG, WebP or HEIC): %s', p_what, v_problem));
    END IF;
END $$;

-- Refuses (QC010) a second use of an idempotency key with other content; p_differs names the
-- differing fields (NULL or empty: a true retry, nothing to refuse).
CREATE FUNCTION qlue_fail_key_reused(p_key text, p_owner text, p_what text, p_id bigint, p_differs text[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(cardinality(p_differs), 0) = 0 THEN
        RETURN;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'QC010',
        MESSAGE = format('external_id %L of %s was already used for %s %s with a different %s: send new content under a new external_id',
                         p_key, p_owner, p_what, p_id, array_to_string(p_differs, ', ')),
        DETAIL = json_build_object('field', 'external_id', 'id', p_id, 'differs', p_differs)::text;
END $$;

-- What differs between a submission and the report its (channel, external_id) already made:
-- the citizen, the text, the category as submitted (before any recategorisation), the position,
-- the photo (by SHA-256; a reopening's photos are not the report's own) and the reported time
-- when the channel gives one.
CREATE FUNCTION qlue_report_differences(p_report reports, p_citizen text, p_text text, p_category text,
                                        p_lat double precision, p_lon double precision, p_photo bytea,
                                        p_reported_at timestamptz)
RETURNS text[] LANGUAGE plpgsql STABLE AS $$
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
END $$;

-- A citizen channel submits a report. Idempotent on (channel, external_id): a retry with the same
-- content returns the id of the report the first call created; other content under the same key
-- is refused (QC010).
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
            qlue_report_differences(v_existing, p_citizen, p_text, p_category, p_lat, p_lon, p_photo, p_reported_at));
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
                         reported_at, followers)
    VALUES (p_channel, p_external_id, v_citizen, p_text, p_category, p_lat, p_lon,
            v_kel, v_kec, v_kota, v_kel IS NULL, coalesce(p_reported_at, now()),
            ARRAY[v_citizen])
    ON CONFLICT (channel, external_id) DO NOTHING
    RETURNING id INTO v_id;
    IF v_id IS NULL THEN   -- the same key arrived concurrently: a retry, or other content refused
        SELECT * INTO v_existing FROM reports WHERE channel = p_channel AND external_id = p_external_id;
        PERFORM qlue_fail_key_reused(p_external_id, 'channel ' || p_channel, 'report', v_existing.id,
            qlue_report_differences(v_existing, p_citizen, p_text, p_category, p_lat, p_lon, p_photo, p_reported_at));
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

-- What differs between a follow-up and the one its (official, external_id) already made.
CREATE FUNCTION qlue_follow_up_differences(p_follow_up bigint, p_report_id bigint, p_note text, p_photo bytea)
RETURNS text[] LANGUAGE sql STABLE AS $$
    SELECT array_remove(ARRAY[
               CASE WHEN f.report_id IS DISTINCT FROM p_report_id THEN 'report' END,
               CASE WHEN f.note IS DISTINCT FROM coalesce(p_note, '') THEN 'note' END,
               CASE WHEN ph.sha256 IS DISTINCT FROM encode(sha256(p_photo), 'hex') THEN 'photo' END], NULL)
      FROM follow_ups f LEFT JOIN photos ph ON ph.id = f.photo_id
     WHERE f.id = p_follow_up
$$;

-- An official posts a follow-up with its proof photo. Idempotent on (official, external_id)
-- when the channel gives an external_id: a retry with the same report, note and photo returns
-- the same id; other content under the same key is refused (QC010).
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
    IF qlue_is_blank(p_official) THEN
        PERFORM qlue_fail('official', 'the official''s handle is required');
    END IF;
    SELECT * INTO v_account FROM accounts WHERE lower(handle) = lower(ltrim(qlue_trim(p_official), '@'));
    IF NOT FOUND THEN
        PERFORM qlue_fail('official', format('unknown official %L', p_official));
    END IF;
    IF NOT v_account.active THEN
        PERFORM qlue_fail('official', format('official @%s is not active', v_account.handle));
    END IF;
    IF p_external_id IS NOT NULL THEN
        SELECT id INTO v_id FROM follow_ups WHERE account_id = v_account.id AND external_id = p_external_id;
        IF FOUND THEN
            PERFORM qlue_fail_key_reused(p_external_id, 'official @' || v_account.handle, 'follow-up', v_id,
                                         qlue_follow_up_differences(v_id, p_report_id, p_note, p_photo));
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
    PERFORM qlue_check_photo(p_photo, 'photo', 'the proof photo');
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
    v_citizen text := qlue_trim(p_citizen);
BEGIN
    IF qlue_is_blank(p_text) THEN
        PERFORM qlue_fail('text', 'say what was not handled right: the text is required');
    END IF;
    IF qlue_is_blank(p_citizen) THEN
        PERFORM qlue_fail('citizen', 'the citizen handle is required');
    END IF;
    SELECT * INTO v_report FROM reports WHERE id = p_report_id FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM qlue_fail('report', format('unknown report %s', coalesce(p_report_id::text, 'NULL')));
    END IF;
    IF NOT (v_citizen = ANY (v_report.followers)) THEN
        PERFORM qlue_fail('citizen', format('only a citizen who reported or follows report %s can reopen it', p_report_id));
    END IF;
    IF v_report.status NOT IN ('followed_up', 'verified') THEN
        PERFORM qlue_fail('report', format('report %s is %s: only a followed-up or finished report can be reopened', p_report_id, v_report.status));
    END IF;
    IF p_photo IS NOT NULL THEN
        PERFORM qlue_check_photo(p_photo, 'photo', 'the photo');
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
    VALUES (p_report_id, 'citizen:' || v_citizen, 'reopened',
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

-- Who may do what: the helpers run inside the contract functions (SECURITY DEFINER); the limit is
-- also read by channels (the Python wrapper checks it before decoding a photo).
REVOKE ALL ON FUNCTION qlue_photo_max_bytes(), qlue_trim(text), qlue_is_blank(text),
                       qlue_uint_be(bytea, integer, integer), qlue_jpeg_problem(bytea), qlue_png_problem(bytea),
                       qlue_webp_problem(bytea), qlue_heif_problem(bytea), qlue_image_problem(bytea),
                       qlue_check_photo(bytea, text, text),
                       qlue_fail_key_reused(text, text, text, bigint, text[]),
                       qlue_report_differences(reports, text, text, text, double precision, double precision, bytea, timestamptz),
                       qlue_follow_up_differences(bigint, bigint, text, bytea)
      FROM PUBLIC;
GRANT EXECUTE ON FUNCTION qlue_photo_max_bytes() TO qlue_channel;
GRANT EXECUTE ON FUNCTION qlue_photo_max_bytes(), qlue_trim(text), qlue_is_blank(text),
                          qlue_uint_be(bytea, integer, integer), qlue_jpeg_problem(bytea), qlue_png_problem(bytea),
                          qlue_webp_problem(bytea), qlue_heif_problem(bytea), qlue_image_problem(bytea),
                          qlue_check_photo(bytea, text, text),
                          qlue_fail_key_reused(text, text, text, bigint, text[]),
                          qlue_report_differences(reports, text, text, text, double precision, double precision, bytea, timestamptz),
                          qlue_follow_up_differences(bigint, bigint, text, bytea)
      TO qlue_admin;
GRANT SELECT ON contract_settings TO qlue_analyst, qlue_operator;
GRANT ALL ON contract_settings TO qlue_admin;
