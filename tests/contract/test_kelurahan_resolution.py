"""Kelurahan resolution (qlue_resolve_kelurahan, revision 0009) against the shipped boundary
layer: the same answer as a point-in-polygon test for >100,000 positions; positions beyond
DKI's land border stay outside (with the nearest kelurahan as a suggestion); positions in the
bay or a lake off DKI's own shore snap to the nearest kelurahan."""

from __future__ import annotations

import numpy as np
import pytest
from sqlalchemy import text

from qlue_console.db import contract
from tests.contract.layer import Layer, coastline, offset_outside, sample_positions
from tests.photo_factory import jpeg


@pytest.fixture(scope="module")
def layer() -> Layer:
    return Layer()


def _resolve(conn, lat, lon) -> list[str | None]:
    """Every position resolved by the contract's function, in one statement."""
    return (
        conn.execute(
            text(
                "SELECT qlue_resolve_kelurahan(lat, lon) FROM unnest(CAST(:lat AS float8[]), "
                "CAST(:lon AS float8[])) WITH ORDINALITY AS u(lat, lon, n) ORDER BY n"
            ),
            {"lat": [float(v) for v in lat], "lon": [float(v) for v in lon]},
        )
        .scalars()
        .all()
    )


def _nearest(conn, lat, lon) -> list[tuple[str, float, str | None]]:
    return [
        tuple(r)
        for r in conn.execute(
            text(
                "SELECT s.kelurahan_code, s.distance_m, s.land_border_with "
                "FROM unnest(CAST(:lat AS float8[]), CAST(:lon AS float8[])) "
                "WITH ORDINALITY AS u(lat, lon, n) CROSS JOIN LATERAL "
                "qlue_nearest_kelurahan(u.lat, u.lon) s ORDER BY u.n"
            ),
            {"lat": [float(v) for v in lat], "lon": [float(v) for v in lon]},
        ).all()
    ]


def test_the_database_agrees_with_the_shipped_layer_for_100000_positions(db_engine, layer):
    lat, lon = sample_positions(layer)
    assert len(lat) >= 100_000
    expected = layer.answer(lat, lon)
    with db_engine.connect() as conn:
        resolved = _resolve(conn, lat, lon)
    wrong = np.array(
        [i for i, (a, b) in enumerate(zip(resolved, expected, strict=True)) if a != b], dtype=int
    )
    margin = layer.margin_m(lat[wrong], lon[wrong]) if len(wrong) else np.array([])
    far = [
        (float(lat[i]), float(lon[i]), expected[i], resolved[i], round(float(m), 3))
        for i, m in zip(wrong, margin, strict=True)
        if m > 0.5
    ]
    assert not far, (
        f"{len(far)} positions resolved otherwise than the layer says, beyond 0.5 m: {far[:10]}"
    )
    assert len(wrong) < 100  # only on the lines themselves
    inside = sum(code is not None for code in expected)
    assert inside > 90_000 and len(lat) - inside > 5_000  # both sides of DKI's outline are tested


@pytest.mark.parametrize(
    ("lat", "lon", "name"),
    [
        (-6.246510, 106.807500, "Petogogan"),  # 0001 said Melawai
        (-6.215714, 106.821311, "Karet"),  # 0001 said Karet Kuningan
    ],
)
def test_positions_once_given_to_the_neighbour_resolve_to_their_kelurahan(
    db_engine, layer, lat, lon, name
):
    with db_engine.connect() as conn:
        [code] = _resolve(conn, [lat], [lon])
    assert layer.names[code] == name
    assert layer.answer(np.array([lat]), np.array([lon])) == [code]


def test_a_position_0001_could_not_resolve_is_answered(db_engine):
    # 2 cm beyond the border with Kota Tangerang; 0001 failed with "index returned tuples in
    # wrong order" (its exact distance, rounded to 0 by the tolerance, was below the index's)
    with db_engine.connect() as conn:
        assert _resolve(conn, [-6.2209447], [106.7179399]) == [None]
        [(code, distance_m, across)] = _nearest(conn, [-6.2209447], [106.7179399])
    assert (code, across) == ("31.73.08.1005", "Kota Tangerang") and distance_m < 0.1


@pytest.mark.parametrize(
    ("lat", "lon", "neighbour", "suggestion"),
    [
        (-6.096085, 106.699540, "Kabupaten Tangerang", "Kamal"),  # 1 m beyond
        (-6.225587, 106.729718, "Kota Tangerang", "Joglo"),  # 156 m
        (-6.298407, 106.772624, "Kota Tangerang Selatan", "Lebak Bulus"),  # 1 m
        (-6.357226, 106.816688, "Kota Depok", "Srengseng Sawah"),  # 108 m
        (-6.247696, 106.945202, "Kota Bekasi", "Pondok Kelapa"),  # 156 m
        (-6.116090, 106.970291, "Kabupaten Bekasi", "Marunda"),  # 60 m
    ],
)
def test_a_position_just_beyond_the_land_border_stays_outside_with_a_suggestion(
    db_engine, layer, lat, lon, neighbour, suggestion
):
    with db_engine.begin() as conn:
        report_id = contract.submit_report(
            conn,
            channel="app",
            external_id=f"border-{lat}-{lon}",
            citizen="warga",
            text_="Jalan rusak",
            category="sampah",
            lat=lat,
            lon=lon,
            photo=jpeg(1),
        )
        row = conn.execute(
            text("SELECT kelurahan_code, outside_jurisdiction FROM reports WHERE id = :id"),
            {"id": report_id},
        ).one()
        [(code, distance_m, across)] = _nearest(conn, [lat], [lon])
    assert tuple(row) == (None, True)
    assert (layer.names[code], across) == (suggestion, neighbour)
    assert 0.5 < distance_m < 160


def test_positions_up_to_160_m_beyond_every_land_border_stay_outside(db_engine, layer):
    lat, lon, neighbours = [], [], []
    for neighbour, border in layer.land_border.items():
        for line in border.geoms:
            for fraction in np.linspace(0.02, 0.98, 40):
                for metres_out in (1.0, 12.0, 60.0, 156.0):
                    position = offset_outside(layer, line, fraction, metres_out)
                    if position is not None:
                        lat.append(position[0])
                        lon.append(position[1])
                        neighbours.append(neighbour)
    assert len(lat) > 6 * 100
    with db_engine.connect() as conn:
        resolved = _resolve(conn, lat, lon)
        nearest = _nearest(conn, lat, lon)
    pulled_in = [(la, lo, r) for la, lo, r in zip(lat, lon, resolved, strict=True) if r is not None]
    assert not pulled_in
    across = [
        (la, lo, n[2], want)
        for la, lo, n, want in zip(lat, lon, nearest, neighbours, strict=True)
        if n[2] != want
    ]
    assert len(across) <= len(lat) // 50, across[
        :10
    ]  # where two neighbours meet, either may be named
    assert all(n[0] is not None and 0 < n[1] < 200 for n in nearest)


def test_positions_in_the_bay_and_on_lakes_snap_to_the_nearest_kelurahan(db_engine, layer):
    coast = coastline(layer)
    assert 60_000 < coast.length * 110_600 < 80_000  # Jakarta Bay, Kamal Muara to Marunda
    lat, lon = [], []
    for fraction in np.linspace(0.03, 0.97, 120):
        for metres_out in (5.0, 80.0, 250.0):
            position = offset_outside(layer, coast, fraction, metres_out)
            if position is not None:
                lat.append(position[0])
                lon.append(position[1])
    # 100 m off every island of Kepulauan Seribu, and the middle of each Danau Sunter lake
    for part, code in zip(layer.parts, layer.part_code, strict=True):
        if code.startswith("31.01."):
            position = offset_outside(layer, part.exterior, 0.5, 100.0)
            if position is not None:
                lat.append(position[0])
                lon.append(position[1])
    mainland = max(layer.dki.geoms, key=lambda g: g.area)
    for lake in mainland.interiors:
        middle = lake.centroid
        lat.append(round(middle.y, 7))
        lon.append(round(middle.x, 7))
    assert len(lat) > 350
    expected = layer.answer(np.array(lat), np.array(lon))
    assert all(code is not None for code in expected)
    with db_engine.connect() as conn:
        assert _resolve(conn, lat, lon) == expected
        assert all(n[2] is None for n in _nearest(conn, lat, lon))


def test_far_at_sea_or_far_inland_is_outside_and_the_suggestion_says_how_far(db_engine):
    with db_engine.connect() as conn:
        assert _resolve(conn, [-6.0300, -6.9175], [106.8400, 107.6191]) == [None, None]
        [(_, at_sea, coast_or_lake), (_, bandung, border)] = _nearest(
            conn, [-6.0300, -6.9175], [106.8400, 107.6191]
        )
        [(gambir, zero, none)] = _nearest(conn, [-6.1754], [106.8272])
    assert 1_000 < at_sea < 12_000 and coast_or_lake is None
    assert 90_000 < bandung < 130_000 and border is not None
    assert (gambir, zero, none) == ("31.71.01.1001", 0.0, None)
