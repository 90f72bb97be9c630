"""One report in full: its place, its photos and its timeline, for the detail pane."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, text

from qlue_console.data.recurrences import ClosedFix, closed_fix


@dataclass(frozen=True)
class PhotoInfo:
    id: int
    kind: str
    width: int | None
    height: int | None
    taken_at: datetime | None
    follow_up_id: int | None


@dataclass(frozen=True)
class TimelineEntry:
    id: int
    at: datetime
    actor: str
    actor_login: str
    kind: str
    payload: dict


@dataclass(frozen=True)
class ReportDetail:
    id: int
    channel: str
    external_id: str
    citizen: str
    text: str
    category_code: str
    category_id: str
    category_en: str
    sla_hours: int
    sla_mode: str
    lat: float
    lon: float
    kelurahan_code: str | None
    kelurahan: str | None
    kecamatan: str | None
    kota: str | None
    outside_jurisdiction: bool
    # outside DKI: the nearest kelurahan, offered as a suggestion, and the neighbour across the
    # land border when that is where the position lies (qlue_nearest_kelurahan, revision 0009)
    nearest_kelurahan: str | None
    nearest_distance_m: float | None
    across_border_with: str | None
    status: str
    priority: int
    created_at: datetime
    reported_at: datetime
    due_at: datetime | None
    duplicate_of: int | None
    followers: tuple[str, ...]
    claimed_by: str | None  # the login holding a live claim (compared with the console's login)
    claimed_by_name: str | None  # the same person as the timeline names them (their handle)
    version: int
    private: bool  # the citizen asked that the public see only the status (revision 0018)
    photos: tuple[PhotoInfo, ...]
    timeline: tuple[TimelineEntry, ...]
    channel_name: str | None = None  # the Open311 channel that posted it (revision 0019)
    came_back_after: ClosedFix | None = None  # the closed fix that did not hold (revision 0030)
    chronic_spot_id: int | None = None  # the chronic spot it belongs to (revision 0030)


# The report as the console reads it (console_reports, revision 0014), its category's SLA and,
# outside DKI, the nearest kelurahan (qlue_nearest_kelurahan, revision 0009).
_DETAIL = """
    SELECT r.id, r.channel, r.external_id, r.citizen_handle AS citizen, r.text, r.category_code,
           r.category_name_id AS category_id, r.category_name_en AS category_en,
           c.sla_hours, c.sla_mode, r.lat, r.lon, r.kelurahan_code,
           r.kelurahan_name AS kelurahan, r.kecamatan_name AS kecamatan, r.kota_name AS kota,
           r.outside_jurisdiction,
           (SELECT a.name FROM areas a WHERE a.code = near.kelurahan_code) AS nearest_kelurahan,
           near.distance_m AS nearest_distance_m, near.land_border_with AS across_border_with,
           r.status, r.priority, r.created_at, r.reported_at, r.due_at, r.duplicate_of,
           r.followers,
           CASE WHEN r.claim_expires_at > now() THEN r.claimed_by END AS claimed_by,
           CASE WHEN r.claim_expires_at > now()
                THEN coalesce((SELECT a.handle FROM accounts a WHERE a.login = r.claimed_by),
                              r.claimed_by)
           END AS claimed_by_name,
           r.version, r.private, r.channel_name, r.chronic_spot_id
      FROM console_reports r
      JOIN categories c ON c.code = r.category_code
      LEFT JOIN LATERAL (SELECT n.kelurahan_code, n.distance_m, n.land_border_with
                           FROM qlue_nearest_kelurahan(r.lat, r.lon) n
                          WHERE r.outside_jurisdiction) near ON true
     WHERE r.id = :id"""


def fetch_report_detail(engine: Engine, report_id: int) -> ReportDetail | None:
    with engine.connect() as conn:
        row = (
            conn.execute(
                text(_DETAIL),
                {"id": report_id},
            )
            .mappings()
            .one_or_none()
        )
        if row is None:
            return None
        photos = tuple(
            PhotoInfo(**dict(m))
            for m in conn.execute(
                text(
                    "SELECT id, kind, width, height, taken_at, follow_up_id FROM photos "
                    "WHERE report_id = :id ORDER BY kind DESC, id"
                ),
                {"id": report_id},
            ).mappings()
        )
        timeline = tuple(
            TimelineEntry(**dict(m))
            for m in conn.execute(
                text(
                    "SELECT id, at, actor, actor_login, kind, payload FROM events "
                    "WHERE report_id = :id ORDER BY at, id"
                ),
                {"id": report_id},
            ).mappings()
        )
        fix = closed_fix(conn, report_id)
    values = dict(row)
    values["followers"] = tuple(values["followers"] or ())
    return ReportDetail(**values, photos=photos, timeline=timeline, came_back_after=fix)


def fetch_people(engine: Engine) -> dict[str, str]:
    """Login -> handle of every account that signs in: the person a claim or a change shows,
    as the timeline names them (a login without an account shows as itself)."""
    with engine.connect() as conn:
        return dict(
            conn.execute(text("SELECT login, handle FROM accounts WHERE login IS NOT NULL")).all()
        )


def person_of(engine: Engine, login: str) -> str:
    """The handle of one login (itself when it has no account)."""
    with engine.connect() as conn:
        handle = conn.execute(
            text("SELECT handle FROM accounts WHERE login = :l"), {"l": login}
        ).scalar_one_or_none()
    return handle or login


def fetch_photo_bytes(engine: Engine, photo_id: int) -> bytes | None:
    with engine.connect() as conn:
        data = conn.execute(
            text("SELECT data FROM photos WHERE id = :id"), {"id": photo_id}
        ).scalar_one_or_none()
    return bytes(data) if data is not None else None
