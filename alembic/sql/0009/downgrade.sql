-- Revision 0009 undone: 0001's resolution function, no land border, boundary parts in degrees.
DROP FUNCTION IF EXISTS qlue_nearest_kelurahan(double precision, double precision);

-- The kelurahan that contains a point; on a coast or a boundary line, the nearest one within
-- about 330 m (0.003 degrees). NULL means outside DKI Jakarta.
CREATE OR REPLACE FUNCTION qlue_resolve_kelurahan(p_lat double precision, p_lon double precision)
RETURNS text LANGUAGE sql STABLE AS $$
    SELECT area_code FROM (
        (SELECT area_code, 0 AS rank, 0::double precision AS dist
           FROM area_parts WHERE shape @> point(p_lon, p_lat)
          ORDER BY area_code LIMIT 1)
        UNION ALL
        (SELECT area_code, 1, shape <-> point(p_lon, p_lat)
           FROM area_parts
          ORDER BY shape <-> point(p_lon, p_lat) LIMIT 1)
    ) candidates
    WHERE rank = 0 OR dist <= 0.003
    ORDER BY rank, dist LIMIT 1
$$;

DROP TABLE IF EXISTS area_land_borders;

COMMENT ON COLUMN area_parts.shape IS NULL;
DROP INDEX IF EXISTS area_parts_box_idx;
ALTER TABLE area_parts ALTER COLUMN shape SET STORAGE EXTENDED;
UPDATE area_parts SET shape = (
    SELECT polygon('(' || string_agg(format('(%s,%s)', m[1]::float8 / 1e6::float8,
                                            m[2]::float8 / 1e6::float8), ',' ORDER BY n) || ')')
      FROM regexp_matches(shape::text, '\(([^(),]+),([^(),]+)\)', 'g') WITH ORDINALITY AS v(m, n));
REINDEX INDEX area_parts_shape_idx;
