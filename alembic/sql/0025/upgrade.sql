-- Revision 0025: photos described after they are stored. A channel may hand a photo to the
-- contract without its metadata (an SQL-only channel always did; the Open311 gateway now does,
-- so a phone's upload is answered without decoding the image on the request). A describer
-- (qlue_console/photos/describer.py: `qlue-console photos describe`, and one beside every
-- `serve open311`) takes such photos in batches, decodes each once with the same pipeline as
-- the contract's Python wrapper, and writes the hashes, size, MIME and EXIF — or why the bytes
-- could not be read.

-- Photos are already compressed (JPEG, HEIC, WebP): PostgreSQL's TOAST stores their bytes out
-- of line without trying to compress them again. pglz's attempt on a 500 KB phone JPEG cost
-- about 15 ms of the server's CPU per upload (submit_report with the photo: 34.7 ms → 19.2 ms);
-- applies to the rows written from now on.
ALTER TABLE photos ALTER COLUMN data SET STORAGE EXTERNAL;

-- Why a stored photo could not be described (truncated, corrupt …); NULL while it has not been
-- tried or when it was described. A photo with this set is not tried again.
ALTER TABLE photos ADD COLUMN describe_error text;

-- The photos waiting for a describer: small, as they are described within seconds.
CREATE INDEX photos_to_describe_idx ON photos (id)
    WHERE phash IS NULL AND describe_error IS NULL AND data IS NOT NULL;

-- Up to p_limit photos waiting to be described, oldest first, locked for the caller's
-- transaction; SKIP LOCKED lets several describers share the queue without waiting.
CREATE FUNCTION qlue_photos_to_describe(p_limit integer)
RETURNS TABLE (id bigint, data bytea)
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT p.id, p.data FROM photos p
     WHERE p.phash IS NULL AND p.describe_error IS NULL AND p.data IS NOT NULL
     ORDER BY p.id
     LIMIT greatest(1, least(coalesce(p_limit, 1), 100))
       FOR UPDATE SKIP LOCKED
$$;

-- What a describer found: the metadata (the shape qlue_store_photo reads), or p_error. A photo
-- described meanwhile (by the verifier's checks, say) keeps what it has.
CREATE FUNCTION qlue_photo_described(p_photo_id bigint, p_meta jsonb, p_error text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
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
END $$;

-- How many photos wait (for `db status`-like reports and the benchmark's drain).
CREATE FUNCTION qlue_photos_waiting() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT count(*) FROM photos
     WHERE phash IS NULL AND describe_error IS NULL AND data IS NOT NULL
$$;

REVOKE ALL ON FUNCTION qlue_photos_to_describe(integer), qlue_photo_described(bigint, jsonb, text),
    qlue_photos_waiting() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION qlue_photos_to_describe(integer), qlue_photo_described(bigint, jsonb, text),
    qlue_photos_waiting() TO qlue_gateway, qlue_admin;
