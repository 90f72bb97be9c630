"""Revision 0009 on an existing database: reports keep the kelurahan they were given, and the
downgrade gives back 0001's function and boundary rows exactly."""

from __future__ import annotations

import json
import re

from sqlalchemy import text

from qlue_console.db import migrate
from qlue_console.paths import alembic_dir, resource

PETOGOGAN = (-6.246510, 106.807500)  # 0001 resolved it to Melawai (31.74.07.1001)
STATE = """SELECT md5(string_agg(area_code || shape::text, ';' ORDER BY id)),
                  (SELECT attstorage FROM pg_attribute WHERE attrelid = 'area_parts'::regclass
                      AND attname = 'shape'),
                  to_regclass('area_parts_box_idx') IS NULL
                      AND to_regclass('area_land_borders') IS NULL,
                  to_regprocedure('qlue_nearest_kelurahan(float8, float8)') IS NULL,
                  (SELECT prosrc FROM pg_proc WHERE proname = 'qlue_resolve_kelurahan')
             FROM area_parts"""


def _rows_as_0001_loads_them(conn) -> str:
    """The md5 of area_parts as 0001's loader writes it, from the shipped layer."""
    collection = json.loads(resource("boundaries", "kelurahan.geojson").read_text(encoding="utf-8"))
    codes, shapes = [], []
    for feature in collection["features"]:
        for polygon in feature["geometry"]["coordinates"]:
            codes.append(feature["properties"]["code"])
            shapes.append("(" + ",".join(f"({x:.6f},{y:.6f})" for x, y in polygon[0]) + ")")
    return conn.execute(
        text(
            "SELECT md5(string_agg(code || CAST(shape AS polygon)::text, ';' ORDER BY n)) "
            "FROM unnest(CAST(:codes AS text[]), CAST(:shapes AS text[])) "
            "WITH ORDINALITY AS u(code, shape, n)"
        ),
        {"codes": codes, "shapes": shapes},
    ).scalar_one()


def _function_0001() -> str:
    sql = (alembic_dir() / "sql" / "0001" / "functions.sql").read_text(encoding="utf-8")
    return re.search(
        r"FUNCTION qlue_resolve_kelurahan\(.*?AS \$\$(.*?)\$\$;", sql, re.DOTALL
    ).group(1)


def _submit(conn, external_id: str) -> int:
    """Through the contract function itself: the Python wrapper of today's code needs the later
    revisions, and the database here may be below them."""
    return conn.execute(
        text("SELECT submit_report('app', :e, 'warga', 'Trotoar rusak', 'sampah', :lat, :lon)"),
        {"e": external_id, "lat": PETOGOGAN[0], "lon": PETOGOGAN[1]},
    ).scalar_one()


def test_0009_keeps_existing_reports_and_its_downgrade_restores_0001_exactly(db_engine):
    migrate.downgrade(db_engine, "0008")
    with db_engine.begin() as conn:
        before = tuple(conn.execute(text(STATE)).one())
        assert before[0] == _rows_as_0001_loads_them(conn)
        assert before[1:] == ("x", True, True, _function_0001())
        old = _submit(conn, "before-0009")
        assert (
            conn.execute(
                text("SELECT kelurahan_code FROM reports WHERE id = :id"), {"id": old}
            ).scalar_one()
            == "31.74.07.1001"
        )

    migrate.upgrade(db_engine)
    with db_engine.begin() as conn:
        assert conn.execute(text("SELECT count(*) FROM area_land_borders")).scalar_one() > 100
        new = _submit(conn, "after-0009")
        given = dict(conn.execute(text("SELECT id, kelurahan_code FROM reports")).all())
    assert given == {old: "31.74.07.1001", new: "31.74.07.1008"}  # nothing re-resolved silently

    migrate.downgrade(db_engine, "0008")
    with db_engine.connect() as conn:
        assert tuple(conn.execute(text(STATE)).one()) == before
    migrate.upgrade(db_engine)
