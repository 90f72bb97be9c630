"""The proof-photo checks (docs/photo-checks.md) and the risk score that orders the review queue.

Every check returns a :class:`CheckResult` (``pass``/``warn``/``fail``, a short English message,
JSON-safe evidence). A check that cannot be evaluated (the photo is unreadable, has no GPS,
the report has no position...) returns ``warn`` with ``skipped=True`` and says why; skipped
results add nothing to the risk, their cause is counted once by its own check.
:func:`run_checks` never raises for bad photo bytes: they give ``unreadable`` = fail.

Risk: a noisy-OR of the results, ``risk = 100 · (1 − Π (1 − weight·s))`` with ``s`` = 1 for
fail and :data:`WARN_SHARE` for warn, rounded to an integer 0..100. One strong signal (a
reused proof: weight 0.9 → 90) dominates; several weak ones add up without passing 100. An
unreadable photo is 100.

The checks never query the database: reuse hits (:class:`ReuseHit`, found by
:mod:`qlue_console.photos.reuse` with every hash of ``PhotoAnalysis.variant_hashes``) and the
self-resolved verdict come in through :class:`CheckContext`.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from qlue_console.domain import formatting
from qlue_console.photos.decode import PhotoError
from qlue_console.photos.exif import JAKARTA
from qlue_console.photos.hashing import hamming, hex64
from qlue_console.photos.ingest import PhotoAnalysis, analyse_photo
from qlue_console.photos.quality import assess

logger = logging.getLogger(__name__)

Verdict = Literal["pass", "warn", "fail"]

CHECK_CODES = (
    "unreadable",
    "no_location",
    "no_capture_time",
    "far_from_report",
    "taken_before_report",
    "stale",
    "clock_implausible",
    "same_as_citizen_photo",
    "reused_proof",
    "self_resolved",
    "poor_quality",
    "screenshot_or_edited",
)

WEIGHTS: dict[str, float] = {
    "unreadable": 1.0,
    "reused_proof": 0.9,
    "same_as_citizen_photo": 0.9,
    "far_from_report": 0.6,
    "taken_before_report": 0.6,
    "self_resolved": 0.6,
    "screenshot_or_edited": 0.5,
    "clock_implausible": 0.4,
    "stale": 0.35,
    "no_location": 0.25,
    "no_capture_time": 0.25,
    "poor_quality": 0.2,
}
WARN_SHARE = 0.4

EDITING_SOFTWARE = re.compile(
    r"gimp|photoshop|lightroom|snapseed|picsart|canva|pixlr|meitu|facetune|"
    r"vsco|picasa|paint\.net|affinity|inshot|capcut|photo ?editor|polarr|fotor|b612|remini",
    re.IGNORECASE,
)
# Screen sizes (portrait, pixels) common among phones and desktop screenshots.
SCREEN_SIZES = {
    (720, 1280),
    (720, 1520),
    (720, 1560),
    (720, 1600),
    (750, 1334),
    (828, 1792),
    (1080, 1920),
    (1080, 2160),
    (1080, 2220),
    (1080, 2280),
    (1080, 2340),
    (1080, 2400),
    (1080, 2408),
    (1125, 2436),
    (1170, 2532),
    (1179, 2556),
    (1242, 2688),
    (1284, 2778),
    (1290, 2796),
    (1440, 2560),
    (1440, 3040),
    (1440, 3088),
    (1440, 3200),
    (768, 1366),
    (900, 1440),
    (1080, 1920),
    (1200, 1920),
    (1440, 2560),
    (1600, 2560),
    (2160, 3840),
}
CAMERA_ASPECTS = (4 / 3, 3 / 2, 16 / 9, 1.0, 5 / 4)


@dataclass(frozen=True)
class ReuseHit:
    """An earlier photo whose pHash is close to the checked one (found through the index)."""

    photo_id: int
    report_id: int | None
    distance: int
    transform: str = "identity"  # which flip/rotation of the checked photo matched


@dataclass(frozen=True)
class Thresholds:
    max_distance_m: float = 200.0
    before_report_tolerance: timedelta = timedelta(minutes=10)
    stale_warn_after: timedelta = timedelta(days=2)
    stale_after: timedelta = timedelta(days=7)
    future_tolerance: timedelta = timedelta(hours=1)
    earliest_plausible: datetime = datetime(2000, 1, 1, tzinfo=JAKARTA)
    phash_fail_distance: int = 8  # ≤ this: the same photo (re-compressed, resized, stamped)
    phash_warn_distance: int = 10  # ≤ this: probably the same photo


@dataclass(frozen=True)
class CheckContext:
    """What the checks know besides the photo. Naive datetimes are taken as Jakarta time."""

    report_lat: float | None = None
    report_lon: float | None = None
    report_created_at: datetime | None = None
    submitted_at: datetime | None = None
    report_phash: int | None = None
    reuse_hits: tuple[ReuseHit, ...] = ()
    self_resolved: bool | None = None
    self_resolved_evidence: Mapping[str, Any] = field(default_factory=dict)
    thresholds: Thresholds = field(default_factory=Thresholds)
    now: datetime | None = None  # defaults to the current time


@dataclass(frozen=True)
class CheckResult:
    code: str
    verdict: Verdict
    message: str
    evidence: dict[str, Any] = field(default_factory=dict)
    skipped: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "verdict": self.verdict,
            "message": self.message,
            "evidence": self.evidence,
            "skipped": self.skipped,
        }


@dataclass(frozen=True)
class CheckReport:
    results: tuple[CheckResult, ...]
    risk: int

    def by_code(self) -> dict[str, CheckResult]:
        return {r.code: r for r in self.results}

    def __getitem__(self, code: str) -> CheckResult:
        return self.by_code()[code]

    def to_json(self) -> dict[str, Any]:
        return {"risk": self.risk, "results": [r.to_json() for r in self.results]}


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (mean Earth radius 6 371 008.8 m)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6_371_008.8 * math.asin(min(1.0, math.sqrt(a)))


def _aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=JAKARTA)


def _iso(value: datetime) -> str:
    return value.isoformat()


def _span(delta: timedelta) -> str:
    seconds = abs(delta.total_seconds())
    if seconds >= 2 * 86400:
        return f"{seconds / 86400:.0f} days"
    if seconds >= 2 * 3600:
        return f"{seconds / 3600:.0f} hours"
    return f"{seconds / 60:.0f} minutes"


def _skip(code: str, why: str) -> CheckResult:
    return CheckResult(code, "warn", f"not checked: {why}", {"reason": why}, skipped=True)


def risk_score(results: Sequence[CheckResult]) -> int:
    """The noisy-OR risk of the module docstring, 0..100."""
    keep = 1.0
    for r in results:
        if r.skipped or r.verdict == "pass":
            continue
        share = 1.0 if r.verdict == "fail" else WARN_SHARE
        keep *= 1.0 - WEIGHTS.get(r.code, 0.3) * share
    return max(0, min(100, round(100 * (1.0 - keep))))


# --- the checks -------------------------------------------------------------------------------


def _location(a: PhotoAnalysis, ctx: CheckContext) -> list[CheckResult]:
    lat, lon = a.meta.gps_lat, a.meta.gps_lon
    if lat is None or lon is None:
        return [
            CheckResult("no_location", "warn", "the photo has no GPS position", {}),
            _skip("far_from_report", "the photo has no GPS position"),
        ]
    found = CheckResult("no_location", "pass", "GPS position present", {"lat": lat, "lon": lon})
    if ctx.report_lat is None or ctx.report_lon is None:
        return [found, _skip("far_from_report", "the report has no position")]
    metres = haversine_m(lat, lon, ctx.report_lat, ctx.report_lon)
    limit = ctx.thresholds.max_distance_m
    evidence = {
        "distance_m": round(metres, 1),
        "limit_m": limit,
        "photo": [lat, lon],
        "report": [ctx.report_lat, ctx.report_lon],
    }
    if metres > limit:
        return [
            found,
            CheckResult(
                "far_from_report",
                "fail",
                f"taken {metres:,.0f} m from the report (limit {limit:.0f} m)",
                evidence,
            ),
        ]
    return [
        found,
        CheckResult("far_from_report", "pass", f"taken {metres:,.0f} m from the report", evidence),
    ]


def _time(a: PhotoAnalysis, ctx: CheckContext) -> list[CheckResult]:
    t = ctx.thresholds
    taken = a.meta.taken_at
    if taken is None:
        why = "the photo has no capture time"
        return [
            CheckResult(
                "no_capture_time", "warn", "the photo has no capture time (DateTimeOriginal)", {}
            ),
            _skip("clock_implausible", why),
            _skip("taken_before_report", why),
            _skip("stale", why),
        ]
    evidence = {"taken_at": _iso(taken), "offset_in_exif": a.exif.taken_at_offset_known}
    results = [CheckResult("no_capture_time", "pass", "capture time present", evidence)]
    now = _aware(ctx.now) or datetime.now(UTC)
    submitted = _aware(ctx.submitted_at)
    latest = max(now, submitted) if submitted is not None else now
    if taken < t.earliest_plausible or taken > latest + t.future_tolerance:
        results.append(
            CheckResult(
                "clock_implausible",
                "fail",
                f"the camera clock is implausible ({formatting.moment(taken, 'en')})",
                {**evidence, "earliest": _iso(t.earliest_plausible), "latest": _iso(latest)},
            )
        )
        why = "the camera clock is implausible"
        return results + [_skip("taken_before_report", why), _skip("stale", why)]
    results.append(CheckResult("clock_implausible", "pass", "camera clock plausible", evidence))
    created = _aware(ctx.report_created_at)
    if created is None:
        results.append(_skip("taken_before_report", "the report time is unknown"))
    else:
        early = created - taken
        ev = {
            **evidence,
            "report_created_at": _iso(created),
            "seconds_before": round(early.total_seconds()),
        }
        if early > t.before_report_tolerance:
            results.append(
                CheckResult(
                    "taken_before_report",
                    "fail",
                    f"taken {_span(early)} before the report was made",
                    ev,
                )
            )
        else:
            results.append(
                CheckResult("taken_before_report", "pass", "taken after the report was made", ev)
            )
    if submitted is None:
        results.append(_skip("stale", "the follow-up time is unknown"))
    else:
        age = submitted - taken
        ev = {
            **evidence,
            "submitted_at": _iso(submitted),
            "age_seconds": round(age.total_seconds()),
        }
        if age > t.stale_after:
            results.append(
                CheckResult("stale", "fail", f"taken {_span(age)} before the follow-up", ev)
            )
        elif age > t.stale_warn_after:
            results.append(
                CheckResult("stale", "warn", f"taken {_span(age)} before the follow-up", ev)
            )
        else:
            results.append(CheckResult("stale", "pass", "recent when posted", ev))
    return results


def _similarity(a: PhotoAnalysis, ctx: CheckContext) -> list[CheckResult]:
    t = ctx.thresholds
    results = []
    if ctx.report_phash is None:
        results.append(_skip("same_as_citizen_photo", "the report has no photo hash"))
    else:
        distance, transform = min(
            (hamming(h, ctx.report_phash), name) for name, h in a.variant_hashes.items()
        )
        ev = {
            "distance": distance,
            "transform": transform,
            "proof_phash": hex64(a.meta.phash),
            "report_phash": hex64(ctx.report_phash),
        }
        if distance <= t.phash_fail_distance:
            results.append(
                CheckResult(
                    "same_as_citizen_photo",
                    "fail",
                    f"the citizen's own photo re-posted (distance {distance})",
                    ev,
                )
            )
        elif distance <= t.phash_warn_distance:
            results.append(
                CheckResult(
                    "same_as_citizen_photo",
                    "warn",
                    f"very like the citizen's photo (distance {distance})",
                    ev,
                )
            )
        else:
            results.append(
                CheckResult("same_as_citizen_photo", "pass", "differs from the citizen's photo", ev)
            )
    hits = sorted(ctx.reuse_hits, key=lambda h: (h.distance, h.photo_id))
    close = [h for h in hits if h.distance <= t.phash_warn_distance]
    ev = {
        "hits": [
            {
                "photo_id": h.photo_id,
                "report_id": h.report_id,
                "distance": h.distance,
                "transform": h.transform,
            }
            for h in close[:10]
        ]
    }
    if close and close[0].distance <= t.phash_fail_distance:
        h = close[0]
        results.append(
            CheckResult(
                "reused_proof",
                "fail",
                f"same photo as the proof of report {h.report_id} (distance {h.distance})",
                ev,
            )
        )
    elif close:
        results.append(
            CheckResult(
                "reused_proof",
                "warn",
                f"like the proof of report {close[0].report_id} (distance {close[0].distance})",
                ev,
            )
        )
    else:
        results.append(CheckResult("reused_proof", "pass", "no earlier proof looks like it", ev))
    return results


def _self_resolved(ctx: CheckContext) -> CheckResult:
    evidence = dict(ctx.self_resolved_evidence)
    if ctx.self_resolved is None:
        return _skip("self_resolved", "no link data between citizen and official")
    if ctx.self_resolved:
        return CheckResult(
            "self_resolved", "fail", "the reporter is linked to the resolving official", evidence
        )
    return CheckResult("self_resolved", "pass", "reporter and official are not linked", evidence)


def _quality(a: PhotoAnalysis) -> CheckResult:
    issues = assess(a.quality)
    evidence = {**a.quality.to_json(), "issues": [i.kind for i in issues]}
    if not issues:
        return CheckResult("poor_quality", "pass", "sharp, well exposed, large enough", evidence)
    verdict: Verdict = "fail" if any(i.severity == "fail" for i in issues) else "warn"
    return CheckResult("poor_quality", verdict, "; ".join(i.message for i in issues), evidence)


def _screen_like(width: int, height: int) -> bool:
    short, long_ = sorted((width, height))
    if (short, long_) in SCREEN_SIZES:
        return True
    if long_ > 3840:  # larger than any screen: a camera sensor (e.g. 4032×2012, 18:9 mode)
        return False
    aspect = long_ / short if short else 0.0
    return aspect >= 1.95 and not any(abs(aspect - c) < 0.02 for c in CAMERA_ASPECTS)


def _screenshot(a: PhotoAnalysis) -> CheckResult:
    exif = a.exif
    signals: list[str] = []
    if a.meta.format in ("png", "gif", "bmp"):
        signals.append(f"{a.meta.format.upper()} file (cameras write JPEG or HEIC)")
    if not exif.make and not exif.model:
        signals.append("no camera make or model")
    if _screen_like(a.meta.width, a.meta.height):
        signals.append(f"screen-sized ({a.meta.width}×{a.meta.height})")
    editor = exif.software if exif.software and EDITING_SOFTWARE.search(exif.software) else None
    evidence = {
        "signals": signals,
        "software": exif.software,
        "make": exif.make,
        "model": exif.model,
        "format": a.meta.format,
        "width": a.meta.width,
        "height": a.meta.height,
    }
    if editor:
        return CheckResult("screenshot_or_edited", "fail", f"edited with {editor}", evidence)
    if len(signals) >= 2:
        return CheckResult(
            "screenshot_or_edited",
            "fail",
            "looks like a screenshot: " + "; ".join(signals),
            evidence,
        )
    if signals:
        return CheckResult("screenshot_or_edited", "warn", signals[0], evidence)
    return CheckResult("screenshot_or_edited", "pass", "camera photo", evidence)


def _unreadable_report(error: PhotoError, ctx: CheckContext) -> CheckReport:
    why = "the photo cannot be read"
    results = [
        CheckResult(
            "unreadable", "fail", f"not a usable image: {error.message}", {"reason": error.reason}
        )
    ]
    for code in CHECK_CODES[1:]:
        results.append(_self_resolved(ctx) if code == "self_resolved" else _skip(code, why))
    return CheckReport(tuple(results), risk_score(results))


def run_checks(photo: bytes | PhotoAnalysis, ctx: CheckContext | None = None) -> CheckReport:
    """Every check of docs/photo-checks.md on a proof photo (bytes, or an analysis already
    made). Never raises for bad photo bytes."""
    ctx = ctx or CheckContext()
    if isinstance(photo, PhotoAnalysis):
        analysis = photo
    else:
        try:
            analysis = analyse_photo(photo)
        except PhotoError as exc:
            return _unreadable_report(exc, ctx)
    results = [
        CheckResult(
            "unreadable",
            "pass",
            f"{analysis.meta.format.upper()} {analysis.meta.width}×{analysis.meta.height}",
            {
                "format": analysis.meta.format,
                "width": analysis.meta.width,
                "height": analysis.meta.height,
                "sha256": analysis.meta.sha256,
            },
        )
    ]
    results += _location(analysis, ctx)
    results += _time(analysis, ctx)
    results += _similarity(analysis, ctx)
    results.append(_self_resolved(ctx))
    results.append(_quality(analysis))
    results.append(_screenshot(analysis))
    order = {code: i for i, code in enumerate(CHECK_CODES)}
    results.sort(key=lambda r: order[r.code])
    return CheckReport(tuple(results), risk_score(results))
