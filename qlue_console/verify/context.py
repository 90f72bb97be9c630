"""One pending follow-up in full, as the verifier shows it: the report and its citizen's photo,
the proof photo with its EXIF and GPS, the official, the stored checks with their evidence,
the reuse hits with the other reports, and the report's kelurahan outline for the small map."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, bindparam, text

from qlue_console.data.recurrences import SpotHistoryEntry, spot_history
from qlue_console.photos.checks import CHECK_CODES, haversine_m
from qlue_console.verify.queue import results_by_code


@dataclass(frozen=True)
class CheckView:
    code: str
    verdict: str  # pass, warn, fail
    message: str  # the photo layer's English message (evidence in words)
    evidence: dict[str, Any]
    skipped: bool


@dataclass(frozen=True)
class ReuseView:
    photo_id: int
    report_id: int | None
    distance: int
    transform: str
    follow_up_id: int | None = None
    official: str | None = None
    submitted_at: datetime | None = None
    verification: str | None = None
    report_status: str | None = None
    category_en: str | None = None
    category_id: str | None = None
    kelurahan: str | None = None
    report_photo_id: int | None = None


@dataclass(frozen=True)
class VerifyItem:
    follow_up_id: int
    verification: str  # pending, or decided meanwhile
    verifier: str | None
    verified_at: datetime | None
    submitted_at: datetime
    note: str
    risk: float | None
    report_id: int
    report_text: str
    report_status: str
    citizen: str
    channel: str
    category_code: str
    category_id: str
    category_en: str
    report_lat: float
    report_lon: float
    report_created_at: datetime
    kelurahan: str | None
    kecamatan: str | None
    kota: str | None
    official: str
    official_name: str
    official_kind: str
    official_agency: str | None
    report_photo_id: int | None
    proof_photo_id: int | None
    proof_width: int | None
    proof_height: int | None
    proof_mime: str | None
    proof_taken_at: datetime | None
    proof_lat: float | None
    proof_lon: float | None
    exif: dict[str, Any]
    checks: tuple[CheckView, ...]
    reuse: tuple[ReuseView, ...] = field(default=())
    boundary: dict | None = None  # GeoJSON geometry of the report's kelurahan
    # fixes near the report (its category or a related one) that a later report showed did not
    # hold, newest first (revision 0030): how often this place came back before
    spot_history: tuple[SpotHistoryEntry, ...] = ()

    @property
    def distance_m(self) -> float | None:
        if self.proof_lat is None or self.proof_lon is None:
            return None
        return haversine_m(self.proof_lat, self.proof_lon, self.report_lat, self.report_lon)

    def check(self, code: str) -> CheckView | None:
        return next((c for c in self.checks if c.code == code), None)

    def verdicts(self) -> dict[str, str]:
        """code → verdict of the checks that were evaluated (skipped ones left out)."""
        return {c.code: c.verdict for c in self.checks if not c.skipped}


_REPORT_PHOTO = (
    "(SELECT id FROM photos WHERE report_id = r.id AND kind = 'report' ORDER BY id LIMIT 1)"
)

_ITEM = text(f"""
SELECT f.id, f.verification, f.verifier, f.verified_at, f.submitted_at, f.note, f.risk, f.checks,
       r.id AS report_id, r.text AS report_text, r.status AS report_status, r.citizen_handle,
       r.channel, r.category_code, r.category_name_id, r.category_name_en, r.lat, r.lon,
       r.created_at, r.kelurahan_name, r.kecamatan_name, r.kota_name,
       (SELECT kel.boundary::text FROM areas kel WHERE kel.code = r.kelurahan_code) AS boundary,
       a.handle, a.display_name, a.kind AS official_kind, ag.short_name AS agency,
       {_REPORT_PHOTO} AS report_photo_id,
       p.id AS proof_photo_id, p.width, p.height, p.mime, p.taken_at, p.gps_lat, p.gps_lon, p.exif
  FROM follow_ups f
  JOIN console_reports r ON r.id = f.report_id
  JOIN accounts a ON a.id = f.account_id
  LEFT JOIN agencies ag ON ag.code = a.agency_code
  LEFT JOIN photos p ON p.id = f.photo_id
 WHERE f.id = :id
""")

_HITS = text(f"""
SELECT p.id AS photo_id, p.report_id, f.id AS follow_up_id, a.handle, f.submitted_at,
       f.verification, r.status, r.category_name_en, r.category_name_id, r.kelurahan_name,
       {_REPORT_PHOTO} AS report_photo_id
  FROM photos p
  LEFT JOIN follow_ups f ON f.id = p.follow_up_id
  LEFT JOIN accounts a ON a.id = f.account_id
  LEFT JOIN console_reports r ON r.id = p.report_id
 WHERE p.id IN :ids
""").bindparams(bindparam("ids", expanding=True))


def _checks(raw: dict | None) -> tuple[CheckView, ...]:
    by_code = results_by_code(raw)
    return tuple(
        CheckView(
            code,
            str(by_code[code].get("verdict", "warn")),
            str(by_code[code].get("message", "")),
            dict(by_code[code].get("evidence") or {}),
            bool(by_code[code].get("skipped")),
        )
        for code in CHECK_CODES
        if code in by_code
    )


def fetch_item(engine: Engine, follow_up_id: int) -> VerifyItem | None:
    with engine.connect() as conn:
        r = conn.execute(_ITEM, {"id": follow_up_id}).one_or_none()
        if r is None:
            return None
        checks = _checks(r.checks)
        reuse_check = next((c for c in checks if c.code == "reused_proof"), None)
        hits = list(reuse_check.evidence.get("hits", [])) if reuse_check else []
        extra = {}
        if hits:
            extra = {
                h.photo_id: h
                for h in conn.execute(_HITS, {"ids": [int(h["photo_id"]) for h in hits]})
            }
        history = tuple(spot_history(conn, r.report_id))
    reuse = []
    for h in hits:
        e = extra.get(int(h["photo_id"]))
        reuse.append(
            ReuseView(
                photo_id=int(h["photo_id"]),
                report_id=h.get("report_id"),
                distance=int(h.get("distance", 0)),
                transform=str(h.get("transform", "identity")),
                follow_up_id=e.follow_up_id if e else None,
                official=e.handle if e else None,
                submitted_at=e.submitted_at if e else None,
                verification=e.verification if e else None,
                report_status=e.status if e else None,
                category_en=e.category_name_en if e else None,
                category_id=e.category_name_id if e else None,
                kelurahan=e.kelurahan_name if e else None,
                report_photo_id=e.report_photo_id if e else None,
            )
        )
    return VerifyItem(
        follow_up_id=r.id,
        verification=r.verification,
        verifier=r.verifier,
        verified_at=r.verified_at,
        submitted_at=r.submitted_at,
        note=r.note,
        risk=r.risk,
        report_id=r.report_id,
        report_text=r.report_text,
        report_status=r.report_status,
        citizen=r.citizen_handle,
        channel=r.channel,
        category_code=r.category_code,
        category_id=r.category_name_id,
        category_en=r.category_name_en,
        report_lat=r.lat,
        report_lon=r.lon,
        report_created_at=r.created_at,
        kelurahan=r.kelurahan_name,
        kecamatan=r.kecamatan_name,
        kota=r.kota_name,
        official=r.handle,
        official_name=r.display_name,
        official_kind=r.official_kind,
        official_agency=r.agency,
        report_photo_id=r.report_photo_id,
        proof_photo_id=r.proof_photo_id,
        proof_width=r.width,
        proof_height=r.height,
        proof_mime=r.mime,
        proof_taken_at=r.taken_at,
        proof_lat=r.gps_lat,
        proof_lon=r.gps_lon,
        exif=dict(r.exif or {}),
        checks=checks,
        reuse=tuple(reuse),
        boundary=json.loads(r.boundary) if r.boundary else None,
        spot_history=history,
    )


def fetch_photos(engine: Engine, photo_ids: list[int]) -> dict[int, bytes]:
    """The bytes of several photos in one round trip (photos without stored bytes are left out)."""
    if not photo_ids:
        return {}
    sql = text("SELECT id, data FROM photos WHERE id IN :ids AND data IS NOT NULL").bindparams(
        bindparam("ids", expanding=True)
    )
    with engine.connect() as conn:
        return {r.id: bytes(r.data) for r in conn.execute(sql, {"ids": list(photo_ids)})}
