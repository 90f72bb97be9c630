"""A small city for the verifier tests: reports with citizens' photos near Monas, dispatched to
the lurah, and follow-ups whose proofs are good or weak in every way the checks catch."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import text

from qlue_console.db import contract
from qlue_console.photos import demo
from qlue_console.photos.exif import JAKARTA
from qlue_console.seed.demo_people import seed_people

MONAS = (-6.1754, 106.8272)
LURAH = "lurah.gambir"
SELF_OFFICIAL, SELF_CITIZEN = "lurah.kebon-melati", "warga_kbnmelati"


def add_report(
    conn,
    n: int,
    *,
    citizen: str | None = None,
    lat: float = MONAS[0],
    lon: float = MONAS[1],
    category: str = "sampah",
    dispatch_to: tuple[str, ...] = (LURAH,),
) -> int:
    report_id = contract.submit_report(
        conn,
        channel="app",
        external_id=f"v{n}",
        citizen=citizen or f"warga{n}",
        text_=f"Sampah menumpuk di trotoar nomor {n}",
        category=category,
        lat=lat,
        lon=lon,
        photo=demo.make_scene_photo(
            1000 + n, lat=lat, lon=lon, taken_at=datetime.now(JAKARTA) - timedelta(minutes=5)
        ),
    )
    conn.execute(
        text("SELECT dispatch_report(:r, NULL, 'Mohon ditindaklanjuti', :h)"),
        {"r": report_id, "h": list(dispatch_to)},
    )
    return report_id


def _follow_up(conn, report_id: int, photo: bytes, official: str = LURAH) -> int:
    return contract.submit_follow_up(
        conn,
        report_id=report_id,
        official=official,
        note="Sudah dibersihkan oleh PPSU",
        photo=photo,
    )


def _proof(seed: int, **kwargs) -> bytes:
    options = {
        "lat": MONAS[0] + 0.0002,
        "lon": MONAS[1] + 0.0001,
        "taken_at": datetime.now(JAKARTA) + timedelta(minutes=1),
    }
    options.update(kwargs)
    return demo.make_scene_photo(seed, **options)


def citizen_photo(conn, report_id: int) -> bytes:
    return bytes(
        conn.execute(
            text("SELECT data FROM photos WHERE report_id = :r AND kind = 'report'"),
            {"r": report_id},
        ).scalar_one()
    )


def build_city(engine) -> dict[str, int]:
    """Seeds people and one follow-up per kind; returns kind → follow-up id (and
    'report:<kind>' → report id)."""
    with engine.begin() as conn:
        seed_people(conn)
    ids: dict[str, int] = {}
    with engine.begin() as conn:
        now = datetime.now(JAKARTA)
        original = _proof(500)
        kinds = {
            "good": lambda r: _proof(501),
            "far": lambda r: _proof(502, lat=MONAS[0] + 0.018, lon=MONAS[1] + 0.004),
            "old": lambda r: _proof(503, taken_at=now - timedelta(days=30)),
            "original": lambda r: original,
            "reused": lambda r: demo.recompress_resized(original, 0.9, 75),
            "jaki": lambda r: demo.with_text_overlay(
                original,
                "12/03/2025 09:15",
                exif=demo.exif_bytes(
                    lat=MONAS[0] + 0.0001, lon=MONAS[1], taken_at=now + timedelta(minutes=1)
                ),
            ),
            "citizen": lambda r: demo.recompress_resized(citizen_photo(conn, r), 0.8, 72),
            "screenshot": lambda r: demo.screenshot_png(504, size=(540, 1170)),
        }
        for n, (kind, make) in enumerate(kinds.items()):
            report_id = add_report(conn, n, lat=MONAS[0] + n * 0.0001)
            ids[f"report:{kind}"] = report_id
            ids[kind] = _follow_up(conn, report_id, make(report_id))
        report_id = add_report(conn, 50, citizen=SELF_CITIZEN, dispatch_to=(SELF_OFFICIAL, LURAH))
        ids["report:self"] = report_id
        ids["self"] = _follow_up(conn, report_id, _proof(505), official=SELF_OFFICIAL)
    return ids


def report_row(engine, report_id: int):
    """The report as the console reads it (the ``console_reports`` view): status, due time,
    whether it is open and still waiting for verification."""
    with engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT r.status, r.due_at, r.is_open, r.awaiting_verification "
                "FROM console_reports r WHERE r.id = :id"
            ),
            {"id": report_id},
        ).one()
