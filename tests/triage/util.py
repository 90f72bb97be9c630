"""Helpers of the triage tests: a submitted report, its version and its events."""

from __future__ import annotations

from sqlalchemy import text


def submit(
    engine, n: int, *, lat=-6.1754, lon=106.8272, category="sampah", citizen=None, text_="Sampah"
):
    with engine.begin() as conn:
        return conn.execute(
            text("SELECT submit_report('app', :e, :c, :t, :cat, :lat, :lon)"),
            {
                "e": f"t{n}",
                "c": citizen or f"warga{n}",
                "t": text_,
                "cat": category,
                "lat": lat,
                "lon": lon,
            },
        ).scalar_one()


def version(engine, report_id: int) -> int:
    with engine.connect() as conn:
        return conn.execute(
            text("SELECT version FROM reports WHERE id = :id"), {"id": report_id}
        ).scalar_one()


def events(engine, report_id: int) -> list[str]:
    with engine.connect() as conn:
        return (
            conn.execute(
                text("SELECT kind FROM events WHERE report_id = :id ORDER BY id"), {"id": report_id}
            )
            .scalars()
            .all()
        )
