"""The demo's vocabulary and the rows a plan is made of.

The mix of the demo city (channels, categories, hours of the day), the kinds of proof photos
(good, every weak kind the verifier checks, docs/photo-checks.md) and what a supervisor says of
each, where reports are passed on to, the phones in the photos' EXIF; the accounts and categories
as ``demo_city`` reads them; and the planned rows (reports, events, mentions, photos,
follow-ups): Python objects that refer to each other and get their ids only when
``demo_writer`` writes them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from qlue_console.domain.sla import SlaMode

CHANNEL_WEIGHTS = {"app": 55, "social": 18, "web": 12, "sms": 8, "call_center": 7}
CATEGORY_WEIGHTS = {
    "sampah": 18,
    "saluran_tersumbat": 10,
    "jalan_rusak": 12,
    "banjir": 6,
    "parkir_liar": 10,
    "angkutan_ngetem": 5,
    "pohon_tumbang": 3,
    "pkl_liar": 8,
    "lampu_jalan": 7,
    "fasum_rusak": 6,
    "air_bersih": 4,
    "kabel_semrawut": 3,
    "bangunan_liar": 3,
    "sarang_nyamuk": 2,
    "gelandangan": 3,
}
# Reports per hour of the day (WIB): quiet at night, busy 07-22.
HOUR_WEIGHTS = (
    1.0,
    0.5,
    0.3,
    0.3,
    0.5,
    1.5,
    3.0,
    6.0,
    8.0,
    8.0,
    7.5,
    7.0,
    6.0,
    6.5,
    6.5,
    7.0,
    7.5,
    7.5,
    6.0,
    6.5,
    6.5,
    5.5,
    3.5,
    2.0,
)

#: Kinds of weak proof photos the demo contains, one for each check of docs/photo-checks.md.
WEAK_KINDS = (
    "far",
    "before_report",
    "stale",
    "citizen_repost",
    "reused",
    "reused_dated",
    "screenshot",
    "blurred",
    "dark",
    "no_exif",
)
PROOF_KINDS = ("good",) + WEAK_KINDS + ("self_resolved",)
# The reason code a supervisor gives when rejecting each kind.
REJECT_REASON = {
    "far": "wrong_place",
    "before_report": "old_photo",
    "stale": "old_photo",
    "citizen_repost": "reused_photo",
    "reused": "reused_photo",
    "reused_dated": "reused_photo",
    "screenshot": "other",
    "blurred": "unreadable",
    "dark": "unreadable",
    "no_exif": "other",
    "self_resolved": "other",
}
# Where a report is passed on to (Koordinasi) from its category's agency: agency codes, the
# utilities (PAMJAYA, PLN, TELKOM) among them.
FORWARD_TARGETS = {
    "sampah": ("SDA",),
    "saluran_tersumbat": ("DLH", "BINAMARGA"),
    "jalan_rusak": ("PAMJAYA", "SDA", "CITATA"),
    "banjir": ("BPBD", "GULKARMAT"),
    "parkir_liar": ("SATPOLPP",),
    "angkutan_ngetem": ("SATPOLPP",),
    "pohon_tumbang": ("GULKARMAT", "PLN"),
    "pkl_liar": ("PPKUKM",),
    "lampu_jalan": ("PLN",),
    "fasum_rusak": ("BINAMARGA", "DISTAMHUT", "DPRKP"),
    "air_bersih": ("SDA",),
    "kabel_semrawut": ("TELKOM", "PLN"),
    "bangunan_liar": ("SATPOLPP", "DPRKP"),
    "sarang_nyamuk": ("DLH",),
    "gelandangan": ("SATPOLPP",),
}
CITIZEN_PHONES = (
    ("Samsung", "SM-A515F"),
    ("Xiaomi", "Redmi Note 10"),
    ("OPPO", "CPH2239"),
    ("vivo", "V2111"),
    ("Apple", "iPhone 11"),
    ("realme", "RMX3363"),
)
OFFICIAL_PHONES = (("Samsung", "SM-A125F"), ("Xiaomi", "Redmi 9A"), ("Samsung", "SM-A515F"))


# ---------------------------------------------------------------------------------------------
# Accounts and categories, as the city reads them


@dataclass(frozen=True)
class Account:
    id: int
    handle: str
    display_name: str
    kind: str
    area_code: str | None
    agency_code: str | None
    is_head: bool
    citizen_handles: tuple[str, ...]


@dataclass(frozen=True)
class Category:
    code: str
    name_id: str
    agency_code: str | None
    sla_hours: int
    sla_mode: SlaMode


# ---------------------------------------------------------------------------------------------
# The plan: Python objects whose ids are given when they are written


class Row:
    id: int | None = None


@dataclass(eq=False)
class Report(Row):
    seq: int
    channel: str
    citizen: str
    text: str
    category: str
    initial_category: str
    lat: float
    lon: float
    created_at: datetime
    reported_at: datetime
    external_id: str = ""
    kel: str | None = None
    kec: str | None = None
    kota: str | None = None
    outside: bool = False
    priority: int = 1
    status: str = "new"
    triaged_at: datetime | None = None
    dispatched_at: datetime | None = None
    followed_up_at: datetime | None = None
    closed_at: datetime | None = None
    duplicate_of: Report | None = None
    reject_reason: str | None = None
    followers: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    photo: Photo | None = None
    # the scenario
    reject: str | None = None
    freeze: str | None = None  # 'new' or 'triaged': stays there
    forward: int = 0  # passed on once or twice
    disposition: bool = False
    hold: bool = False  # nobody answers (yet)
    self_official: Account | None = None
    citizen_reopen: str | None = None  # 'handled' or 'stays'
    recurring: str | None = None  # moved to a place reports keep coming back to


@dataclass(eq=False)
class Event(Row):
    report: Report
    at: datetime
    actor: str
    kind: str
    payload: dict
    seq: int


@dataclass(eq=False)
class Mention(Row):
    report: Report
    account: Account
    event: Event | None
    mentioned_at: datetime
    due_at: datetime
    seq: int
    state: str = "open"
    resolved_at: datetime | None = None
    escalation_delay: timedelta | None = None
    no_target: bool = False


@dataclass(eq=False)
class Photo(Row):
    report: Report
    kind: str  # 'report' or 'proof'
    job: tuple
    created_at: datetime
    seq: int
    follow_up: FollowUp | None = None


@dataclass(eq=False)
class FollowUp(Row):
    report: Report
    account: Account
    external_id: str | None
    note: str
    submitted_at: datetime
    proof: str  # 'good' or a weak kind
    seq: int
    photo: Photo | None = None
    verification: str = "pending"
    verifier: str | None = None
    verified_at: datetime | None = None
    reason: str | None = None
    reason_note: str | None = None
