-- Revision 0009: the boundary parts in micro-degrees, DKI's land border, and resolution that
-- keeps positions beyond the land border outside DKI.

-- PostgreSQL's geometric tolerance (1e-6 in the coordinates' units, compared with a cross
-- product) makes the bounding box of a short edge "on the edge" when the unit is a degree: up
-- to tens of metres. In micro-degrees it is nothing. The shipped vertices have six decimals,
-- so the rescaled ones are exact integers.
-- Stored uncompressed: a large ring is read at every test, not decompressed first.
ALTER TABLE area_parts ALTER COLUMN shape SET STORAGE EXTERNAL;
UPDATE area_parts SET shape = (
    SELECT polygon('(' || string_agg(format('(%s,%s)', round(m[1]::float8 * 1e6::float8),
                                            round(m[2]::float8 * 1e6::float8)), ',' ORDER BY n) || ')')
      FROM regexp_matches(shape::text, '\(([^(),]+),([^(),]+)\)', 'g') WITH ORDINALITY AS v(m, n));
REINDEX INDEX area_parts_shape_idx;
-- Containment is tested on the parts whose bounding box holds the point (most points: one).
CREATE INDEX area_parts_box_idx ON area_parts USING gist (box(shape));
COMMENT ON COLUMN area_parts.shape IS
    'One outer ring of the kelurahan, in micro-degrees: point(lon * 1e6, lat * 1e6).';

-- The edges of DKI's outline that a neighbouring regency (Kota/Kabupaten Tangerang, Tangerang
-- Selatan, Depok, Kota/Kabupaten Bekasi) shares, in pieces of a few dozen edges, in
-- micro-degrees. Every other edge of the outline is coast or the shore of a lake.
CREATE TABLE area_land_borders (
    id              serial PRIMARY KEY,
    neighbour       text NOT NULL,
    bbox            box NOT NULL,
    line            path NOT NULL
);
CREATE INDEX area_land_borders_bbox_idx ON area_land_borders USING gist (bbox);
GRANT SELECT ON area_land_borders TO qlue_analyst, qlue_operator;
GRANT ALL ON area_land_borders TO qlue_admin;
GRANT ALL ON SEQUENCE area_land_borders_id_seq TO qlue_admin;

-- The kelurahan that contains a point (on a line shared by two, the lower code). Outside every
-- kelurahan, the nearest one within 0.003 degrees (about 330 m), unless the nearest boundary
-- of DKI there is its land border: that position is in another administration. NULL means
-- outside DKI Jakarta.
CREATE OR REPLACE FUNCTION qlue_resolve_kelurahan(p_lat double precision, p_lon double precision)
RETURNS text LANGUAGE sql STABLE AS $$
    SELECT coalesce(
        (SELECT area_code FROM area_parts
          WHERE box(shape) && box(position.p, position.p) AND shape @> position.p
          ORDER BY area_code LIMIT 1),
        (SELECT nearest.area_code
           FROM (SELECT area_code, distance
                   FROM (SELECT area_code, shape <-> position.p AS distance FROM area_parts
                          WHERE box(shape) && box(position.p + point(3000, 3000), position.p - point(3000, 3000))
                         OFFSET 0) near_parts
                  ORDER BY distance, area_code LIMIT 1) nearest
          WHERE nearest.distance <= 3000
            AND NOT EXISTS (
                SELECT 1 FROM area_land_borders b
                 WHERE b.bbox && box(position.p + point(nearest.distance + 1, nearest.distance + 1),
                                     position.p - point(nearest.distance + 1, nearest.distance + 1))
                   AND b.line <-> position.p <= nearest.distance + 1)))
      FROM (SELECT point(p_lon * 1e6::float8, p_lat * 1e6::float8) AS p) position
$$;

-- A suggestion for the operator: the nearest kelurahan at any distance, how far it is (metres,
-- within 0.5 % around Jakarta), and the neighbouring regency whose land border with DKI is
-- DKI's nearest boundary there (NULL when that is the coast or a lake shore). Inside a
-- kelurahan: that one, at 0 m, and no neighbour. (Only parts near the position are measured
-- when one is within 0.003 degrees; every part otherwise.)
CREATE OR REPLACE FUNCTION qlue_nearest_kelurahan(p_lat double precision, p_lon double precision)
RETURNS TABLE (kelurahan_code text, distance_m double precision, land_border_with text)
LANGUAGE sql STABLE AS $$
    SELECT nearest.area_code, nearest.distance * 0.1106,
           (SELECT b.neighbour FROM area_land_borders b
             WHERE nearest.distance > 0
               AND b.bbox && box(position.p + point(nearest.distance + 1, nearest.distance + 1),
                                 position.p - point(nearest.distance + 1, nearest.distance + 1))
               AND b.line <-> position.p <= nearest.distance + 1
             ORDER BY b.line <-> position.p LIMIT 1)
      FROM (SELECT point(p_lon * 1e6::float8, p_lat * 1e6::float8) AS p) position
     CROSS JOIN LATERAL (
           (SELECT area_code, distance
              FROM (SELECT area_code, distance
                      FROM (SELECT area_code, shape <-> position.p AS distance FROM area_parts
                             WHERE box(shape) && box(position.p + point(3000, 3000), position.p - point(3000, 3000))
                            OFFSET 0) near_parts
                     ORDER BY distance, area_code LIMIT 1) within_snap
             WHERE distance <= 3000)
           UNION ALL
           (SELECT area_code, distance
              FROM (SELECT area_code, shape <-> position.p AS distance FROM area_parts OFFSET 0) parts
             ORDER BY distance, area_code LIMIT 1)
           LIMIT 1) nearest
$$;
REVOKE ALL ON FUNCTION qlue_nearest_kelurahan(double precision, double precision) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION qlue_nearest_kelurahan(double precision, double precision)
      TO qlue_analyst, qlue_operator, qlue_admin;
