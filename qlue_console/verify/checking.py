"""Running the proof-photo checks of one follow-up against the database, and storing them.

:func:`run_checks_for` gathers what the checks need (the report's position and time, the
follow-up's time, the citizen's photo hash, the reuse hits among every other proof through
the band indexes, whether the reporter is one of the official's known citizen handles), runs
:func:`qlue_console.photos.checks.run_checks` and stores the result with
``qlue_record_checks``: ``follow_ups.checks`` as the photo layer's check report (``{risk,
results: [...]}``, the form the weekly KPIs read) and ``follow_ups.risk`` 0..100.

:func:`check_pending` does that for the pending follow-ups whose checks are still missing; the
console runs it in the background.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, text

from qlue_console.db.sql_errors import translated_errors
from qlue_console.photos.checks import CheckContext, CheckReport, ReuseHit, Thresholds, run_checks
from qlue_console.photos.decode import PhotoError
from qlue_console.photos.ingest import PhotoAnalysis, analyse_photo, describe_photo
from qlue_console.photos.reuse import find_reuse

log = logging.getLogger(__name__)

THRESHOLDS = Thresholds()
#: Hamming distance up to which flipped or rotated re-uses are searched: 3 is radius 1 in each of
#: the index's three bands (66 probes a hash). A mirrored photo re-posted smaller and
#: re-compressed lands within 0–2 bits of the matching variant's hash (measured on 30 generated
#: scenes).
VARIANT_DISTANCE = 3

_CONTEXT = text("""
SELECT f.id, f.report_id, f.account_id, f.submitted_at, f.photo_id, f.verification,
       p.data AS proof_data, p.phash AS proof_phash,
       r.lat, r.lon, r.created_at, r.citizen_handle,
       a.handle AS official, a.citizen_handles,
       rp.id AS report_photo_id, rp.phash AS report_phash, (rp.phash IS NULL) AS report_needs_hash
  FROM follow_ups f
  JOIN reports r ON r.id = f.report_id
  JOIN accounts a ON a.id = f.account_id
  LEFT JOIN photos p ON p.id = f.photo_id
  LEFT JOIN LATERAL (SELECT id, phash FROM photos
                      WHERE report_id = r.id AND kind = 'report' ORDER BY id LIMIT 1) rp ON true
 WHERE f.id = :id
""")


@dataclass(frozen=True)
class CheckOutcome:
    follow_up_id: int
    report: CheckReport
    stored: bool  # false: the follow-up was decided meanwhile


def checks_json(report: CheckReport) -> dict:
    """``follow_ups.checks``: the check report as the photo layer writes it, {risk, results: [{code,
    verdict, message, evidence, skipped}]} (docs/kpis.md reads the reuse verdict from it)."""
    return report.to_json()


def _self_resolution(citizen: str, official: str, handles: list[str] | None) -> tuple[bool, dict]:
    known = [h for h in (handles or []) if h]
    linked = citizen.strip().lower() in {h.strip().lower() for h in known}
    evidence = {"citizen": citizen, "official": official, "known_citizen_handles": len(known)}
    if linked:
        evidence["matched_handle"] = citizen
    return linked, evidence


def _report_phash(conn: Connection, row) -> int | None:
    if row.report_phash is not None or row.report_photo_id is None:
        return row.report_phash
    data = conn.execute(
        text("SELECT data FROM photos WHERE id = :id"), {"id": row.report_photo_id}
    ).scalar()
    if data is None:
        return None
    try:
        return describe_photo(bytes(data)).phash
    except PhotoError:
        return None


def reuse_hits(
    conn: Connection,
    variant_hashes: dict[str, int],
    *,
    thresholds: Thresholds = THRESHOLDS,
    exclude_photo_id: int | None = None,
    exclude_report_id: int | None = None,
) -> tuple[ReuseHit, ...]:
    """Earlier proofs like this one: the photo as it is up to the warn distance (10 bits), its
    flips and rotations up to :data:`VARIANT_DISTANCE` bits. A mirrored or rotated re-post of a
    photo lies within a few bits of the matching variant's hash; searching all eight hashes at
    10 bits probes eight times as many band values (measured among 1M proofs: ~300 ms, slower
    than a linear scan), so the variants get a small radius."""
    identity = {"identity": variant_hashes["identity"]} if "identity" in variant_hashes else {}
    others = {k: v for k, v in variant_hashes.items() if k != "identity"}
    found: dict[int, ReuseHit] = {}
    for hashes, distance in (
        (identity, thresholds.phash_warn_distance),
        (others, VARIANT_DISTANCE),
    ):
        for hit in find_reuse(
            conn,
            hashes,
            max_distance=distance,
            exclude_photo_id=exclude_photo_id,
            exclude_report_id=exclude_report_id,
        ):
            if hit.photo_id not in found or hit.distance < found[hit.photo_id].distance:
                found[hit.photo_id] = hit
    return tuple(sorted(found.values(), key=lambda h: (h.distance, h.photo_id)))


def run_checks_for(
    engine: Engine,
    follow_up_id: int,
    *,
    now: datetime | None = None,
    thresholds: Thresholds = THRESHOLDS,
    store: bool = True,
) -> CheckOutcome:
    """Runs every check on one follow-up's proof with its context from the database and (by
    default) stores checks and risk. Raises ``ContractError`` for an unknown follow-up."""
    from qlue_console.db.errors import ContractError

    with engine.connect() as conn:
        row = conn.execute(_CONTEXT, {"id": follow_up_id}).one_or_none()
        if row is None:
            raise ContractError("follow_up", f"unknown follow-up {follow_up_id}")
        data = bytes(row.proof_data) if row.proof_data is not None else b""
        analysis: PhotoAnalysis | None
        try:
            analysis = analyse_photo(data)
        except PhotoError:
            analysis = None
        hits: tuple = ()
        if analysis is not None:
            hits = reuse_hits(
                conn,
                analysis.variant_hashes,
                thresholds=thresholds,
                exclude_photo_id=row.photo_id,
                exclude_report_id=row.report_id,
            )
        linked, evidence = _self_resolution(row.citizen_handle, row.official, row.citizen_handles)
        ctx = CheckContext(
            report_lat=row.lat,
            report_lon=row.lon,
            report_created_at=row.created_at,
            submitted_at=row.submitted_at,
            report_phash=_report_phash(conn, row),
            reuse_hits=hits,
            self_resolved=linked,
            self_resolved_evidence=evidence,
            thresholds=thresholds,
            now=now,
        )
    report = run_checks(analysis if analysis is not None else data, ctx)
    stored = False
    if store:
        meta = None
        if analysis is not None and row.proof_phash is None:
            meta = json.dumps(analysis.meta.to_json())
        with translated_errors(), engine.begin() as conn:
            stored = bool(
                conn.execute(
                    text(
                        "SELECT qlue_record_checks("
                        ":id, CAST(:checks AS jsonb), :risk, CAST(:meta AS jsonb))"
                    ),
                    {
                        "id": follow_up_id,
                        "checks": json.dumps(checks_json(report)),
                        "risk": float(report.risk),
                        "meta": meta,
                    },
                ).scalar()
            )
    return CheckOutcome(follow_up_id, report, stored)


def unchecked_follow_ups(engine: Engine, limit: int) -> list[int]:
    with engine.connect() as conn:
        return list(
            conn.execute(
                text(
                    "SELECT id FROM follow_ups WHERE verification = 'pending' AND checks IS NULL "
                    "ORDER BY submitted_at DESC, id DESC LIMIT :limit"
                ),
                {"limit": limit},
            ).scalars()
        )


def check_pending(engine: Engine, limit: int = 50) -> int:
    """Checks up to ``limit`` pending follow-ups that have no checks yet (newest first);
    returns how many were stored. One that fails is logged and skipped."""
    done = 0
    for follow_up_id in unchecked_follow_ups(engine, limit):
        try:
            if run_checks_for(engine, follow_up_id).stored:
                done += 1
        except Exception:  # noqa: BLE001 - one broken follow-up must not stop the others
            log.exception("checks of follow-up %s failed", follow_up_id)
    return done
