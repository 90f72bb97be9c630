"""The hand-built week with known answers (docs/kpis.md, tests/reports/test_kpis.py).

Week 2026-W47 runs from Monday 16 November 00:00 WIB to Monday 23 November 00:00 WIB. Times
below are Jakarta wall times. Kelurahan A is Gambir (Jakarta Pusat), kelurahan B is Senayan
(Jakarta Selatan); sampah is DLH's (24 h calendar SLA, weight 1), banjir is SDA's (6 h, weight 2).

R1  A sampah   created Sun 15 Nov 23:59 (W46). Triaged Mon 16 07:59, dispatched 08:00 to
               lurah A (due Tue 08:00), follow-up Mon 20:00, proof approved Tue 17 09:00.
R2  A sampah   created Mon 16 Nov 00:01 (W47). Triaged 00:31, dispatched 01:01 to lurah A (due
               Tue 01:01); late follow-up Wed 18 01:01 (its proof's phash equals R5's earlier
               proof, but the verifier's reuse check passed it); proof rejected Wed 10:00; second
               follow-up Thu 19 10:00 (reuse check: fail); approved Thu 12:00. The merged event
               it gets from R3 does not change its state.
R3  A sampah   created Tue 17 10:00, merged into R2 at 10:30 (a duplicate).
R4  B banjir   created Tue 17 11:00, rejected at 11:15 (spam).
R5  B banjir   created Thu 12 Nov 09:00 (W46), triaged 09:30, dispatched 10:00 to lurah B (due
               16:00), follow-up 14:00, approved Fri 13 10:00. A citizen reopens it Tue 17 09:00:
               a new mention of lurah B due 15:00, never answered (overdue at the week's end).
R6  A banjir   created Wed 18 08:00, dispatched 08:30 to lurah A (due 14:30), passed on 09:00 to
               camat A (due 15:00), again 10:00 to lurah B (due 16:00): overdue at the week's end.
R7  B sampah   created Thu 19 08:00, dispatched 09:00 to lurah B (due Fri 09:00), follow-up 15:00
               whose proof photo has the same sha256 as R1's (a reused proof), still pending.
R9  A sampah   created Sun 22 Nov 23:59 (W47), triaged Mon 23 00:05 (W48).
R10 A sampah   created Mon 23 Nov 00:01 (W48).

Every report stands at one place (-6.17, 106.82), so revision 0030's rule records recurrences:
R3 (Tue 10:00, withdrawn when it was merged at 10:30) and R7 came back after R1 (verified Tue
09:00), R9 and R10 (W48) after R2 (verified Thu 12:00, the more recently closed of the two at
the same distance); R1 R2 R7 R9 (and R10 in W48) are a chronic spot of sampah in Gambir, where
R9 started it. test_recurrence_rate.py adds fixes that came back elsewhere.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import time
from dataclasses import dataclass, field

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from qlue_console.reports.weeks import Week

W47 = Week(2026, 47)
W46 = Week(2026, 46)
_ext = itertools.count(1)


def at(day: int, clock: str) -> str:
    """A November 2026 Jakarta wall time as a timestamptz literal."""
    return f"2026-11-{day:02d} {clock}:00+07"


@dataclass
class Fixture:
    engine: object
    reports: dict[str, int] = field(default_factory=dict)
    accounts: dict[str, int] = field(default_factory=dict)
    areas: dict[str, dict[str, str]] = field(default_factory=dict)
    handles: dict[str, str] = field(default_factory=dict)  # "lurahA" -> the account's handle

    def _one(self, sql: str, **params):
        with self.engine.begin() as conn:
            return conn.execute(text(sql), params).scalar()

    def report(
        self,
        name: str,
        area: str,
        category: str,
        created: str,
        *,
        lat: float = -6.17,
        lon: float = 106.82,
    ) -> int:
        a = self.areas[area]
        rid = self._one(
            "INSERT INTO reports (channel, external_id, citizen_handle, text, category_code, lat, "
            "lon, "
            "kelurahan_code, kecamatan_code, kota_code, reported_at, created_at, updated_at, "
            "followers) "
            "VALUES ('app', :ext, :citizen, :text, :cat, :lat, :lon, :kel, :kec, :kota, :at, "
            ":at, :at, "
            "ARRAY[CAST(:citizen AS text)]) RETURNING id",
            ext=f"kpi-{next(_ext)}",
            citizen=f"warga.{name.lower()}",
            text=f"Laporan {name}",
            cat=category,
            kel=a["kel"],
            kec=a["kec"],
            kota=a["kota"],
            at=created,
            lat=lat,
            lon=lon,
        )
        self.reports[name] = rid
        self.event(name, "created", created, {"channel": "app"})
        return rid

    def event(
        self, name: str, kind: str, when: str, payload: dict | None = None, actor: str = "op1"
    ) -> int:
        return self._one(
            "INSERT INTO events (report_id, at, actor, kind, payload) "
            "VALUES (:r, :at, :actor, :kind, CAST(:p AS jsonb)) RETURNING id",
            r=self.reports[name],
            at=when,
            actor=actor,
            kind=kind,
            p=json.dumps(payload or {}),
        )

    def mention(
        self, name: str, account: str, when: str, due: str, event_id: int | None = None
    ) -> int:
        return self._one(
            "INSERT INTO mentions (report_id, account_id, event_id, mentioned_at, due_at) "
            "VALUES (:r, :a, :e, :at, :due) RETURNING id",
            r=self.reports[name],
            a=self.accounts[account],
            e=event_id,
            at=when,
            due=due,
        )

    def dispatch(self, name: str, account: str, when: str, due: str) -> None:
        ev = self.event(name, "dispatched", when, {"mentions": [{"handle": account}]})
        self.mention(name, account, when, due, ev)

    def forward(self, name: str, from_account: str, to_account: str, when: str, due: str) -> None:
        ev = self.event(
            name,
            "forwarded",
            when,
            {"reason": "bukan wilayah kami", "to": [{"handle": to_account}]},
        )
        with self.engine.begin() as conn:
            conn.execute(
                text(
                    "UPDATE mentions SET state = 'forwarded', resolved_at = :at "
                    "WHERE report_id = :r AND account_id = :a AND state = 'open'"
                ),
                {"at": when, "r": self.reports[name], "a": self.accounts[from_account]},
            )
        self.mention(name, to_account, when, due, ev)

    def follow_up(
        self,
        name: str,
        account: str,
        when: str,
        *,
        photo_seed: str,
        phash: int,
        checks: dict | None = None,
        sha_of: str | None = None,
    ) -> int:
        sha = hashlib.sha256((sha_of or photo_seed).encode()).hexdigest()
        rid, acc = self.reports[name], self.accounts[account]
        with self.engine.begin() as conn:
            fu = conn.execute(
                text(
                    "INSERT INTO follow_ups (report_id, account_id, note, submitted_at, checks) "
                    "VALUES (:r, :a, 'sudah ditangani', :at, CAST(:checks AS jsonb)) RETURNING id"
                ),
                {
                    "r": rid,
                    "a": acc,
                    "at": when,
                    "checks": None if checks is None else json.dumps(checks),
                },
            ).scalar()
            photo = conn.execute(
                text(
                    "INSERT INTO photos (report_id, follow_up_id, kind, sha256, phash, created_at) "
                    "VALUES (:r, :fu, 'proof', :sha, :phash, :at) RETURNING id"
                ),
                {"r": rid, "fu": fu, "sha": sha, "phash": phash, "at": when},
            ).scalar()
            conn.execute(
                text("UPDATE follow_ups SET photo_id = :p WHERE id = :fu"), {"p": photo, "fu": fu}
            )
            conn.execute(
                text(
                    "UPDATE mentions SET state = 'resolved', resolved_at = :at "
                    "WHERE report_id = :r AND account_id = :a AND state = 'open'"
                ),
                {"at": when, "r": rid, "a": acc},
            )
        self.event(
            name,
            "follow_up",
            when,
            {"follow_up": fu, "photo": photo, "official": account},
            actor=account,
        )
        return fu

    def decide(self, name: str, follow_up: int, approved: bool, when: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                text(
                    "UPDATE follow_ups SET verification = :v, verifier = 'spv1', verified_at = "
                    ":at, "
                    "reason = :reason WHERE id = :fu"
                ),
                {
                    "v": "approved" if approved else "rejected",
                    "at": when,
                    "fu": follow_up,
                    "reason": None if approved else "wrong_place",
                },
            )
        self.event(
            name,
            "proof_approved" if approved else "proof_rejected",
            when,
            {"follow_up": follow_up} | ({} if approved else {"reason": "wrong_place"}),
            actor="spv1",
        )

    def version(self, name: str) -> int:
        return self._one("SELECT version FROM reports WHERE id = :r", r=self.reports[name])

    def pending_follow_up(self, name: str) -> int:
        return self._one(
            "SELECT id FROM follow_ups WHERE report_id = :r AND verification = 'pending' "
            "ORDER BY id DESC LIMIT 1",
            r=self.reports[name],
        )

    def finish(
        self, name: str, status: str, closed_at: str | None = None, when: str | None = None
    ) -> None:
        """Sets the report's status as its events left it. The recurrence rule (revision 0030)
        answers a rejection or a merge, and its undoing, with events at the database clock
        (now()); they are moved to ``when`` (default ``closed_at``), the time the status changed
        in this hand-built history, as they would carry it had it happened then."""
        when = when or closed_at
        with self.engine.begin() as conn:
            conn.execute(
                text("UPDATE reports SET status = :s, closed_at = :c WHERE id = :r"),
                {"s": status, "c": closed_at, "r": self.reports[name]},
            )
            if when is not None:
                conn.execute(
                    text(
                        "UPDATE events SET at = :w WHERE at = now() AND actor = 'qlue' "
                        "AND kind IN ('recurrence', 'fix_came_back', 'recurrence_withdrawn')"
                    ),
                    {"w": when},
                )
                conn.execute(
                    text("UPDATE recurrences SET withdrawn_at = :w WHERE withdrawn_at = now()"),
                    {"w": when},
                )


def _area(conn, kelurahan_name: str, kota_hint: str) -> dict[str, str]:
    row = conn.execute(
        text(
            "SELECT kel.code, kec.code, kota.code, kel.name, kec.name, kota.name FROM areas kel "
            "JOIN areas kec ON kec.code = kel.parent_code JOIN areas kota ON kota.code = "
            "kec.parent_code "
            "WHERE kel.level = 'kelurahan' AND upper(kel.name) = upper(:n) AND kota.name ILIKE :k"
        ),
        {"n": kelurahan_name, "k": f"%{kota_hint}%"},
    ).one()
    return {
        "kel": row[0],
        "kec": row[1],
        "kota": row[2],
        "kel_name": row[3],
        "kec_name": row[4],
        "kota_name": row[5],
    }


def city(engine) -> Fixture:
    """The two kelurahan and three officials of the hand-built week, no reports yet."""
    fx = Fixture(engine)
    with engine.connect() as conn:
        fx.areas = {"A": _area(conn, "Gambir", "Pusat"), "B": _area(conn, "Senayan", "Selatan")}
        for key, kind, area in (
            ("lurahA", "lurah", "A"),
            ("lurahB", "lurah", "B"),
            ("camatA", "camat", "A"),
        ):
            code = fx.areas[area]["kel" if kind == "lurah" else "kec"]
            row = conn.execute(
                text(
                    "SELECT id, handle FROM accounts WHERE kind = :k AND area_code = :a "
                    "ORDER BY id LIMIT 1"
                ),
                {"k": kind, "a": code},
            ).one()
            fx.accounts[key] = row[0]
            fx.accounts[row[1]] = row[0]
            fx.handles[key] = row[1]
    return fx


def build_week(engine) -> Fixture:
    fx = city(engine)
    # R1: the Sunday-23:59 report of the week before, handled this week.
    fx.report("R1", "A", "sampah", at(15, "23:59"))
    fx.event("R1", "triaged", at(16, "07:59"))
    fx.dispatch("R1", "lurahA", at(16, "08:00"), at(17, "08:00"))
    fu = fx.follow_up(
        "R1", "lurahA", at(16, "20:00"), photo_seed="proof-r1", phash=0x1111_0000_0000_0001
    )
    fx.decide("R1", fu, True, at(17, "09:00"))
    fx.finish("R1", "verified", at(17, "09:00"))
    # R5 (the week before): handled, then reopened this week and left overdue.
    fx.report("R5", "B", "banjir", at(12, "09:00"))
    fx.event("R5", "triaged", at(12, "09:30"))
    fx.dispatch("R5", "lurahB", at(12, "10:00"), at(12, "16:00"))
    fu = fx.follow_up(
        "R5", "lurahB", at(12, "14:00"), photo_seed="proof-r5", phash=0x5555_0000_0000_0005
    )
    fx.decide("R5", fu, True, at(13, "10:00"))
    ev = fx.event(
        "R5",
        "reopened",
        at(17, "09:00"),
        {"text": "Masih banjir", "by": "citizen"},
        actor="citizen:warga.r5",
    )
    fx.mention("R5", "lurahB", at(17, "09:00"), at(17, "15:00"), ev)
    fx.finish("R5", "reopened", None)
    # R2: the Monday-00:01 report; a late follow-up, a rejected proof, then an accepted one.
    fx.report("R2", "A", "sampah", at(16, "00:01"))
    fx.event("R2", "triaged", at(16, "00:31"))
    fx.dispatch("R2", "lurahA", at(16, "01:01"), at(17, "01:01"))
    fu = fx.follow_up(
        "R2",
        "lurahA",
        at(18, "01:01"),
        photo_seed="proof-r2a",
        phash=0x5555_0000_0000_0005,
        checks={"risk": 0, "results": [{"code": "reused_proof", "verdict": "pass"}]},
    )
    fx.decide("R2", fu, False, at(18, "10:00"))
    fu = fx.follow_up(
        "R2",
        "lurahA",
        at(19, "10:00"),
        photo_seed="proof-r2b",
        phash=0x2222_0000_0000_0002,
        checks={
            "risk": 90,
            "results": [{"code": "reused_proof", "verdict": "fail", "evidence": {"matches": []}}],
        },
    )
    fx.decide("R2", fu, True, at(19, "12:00"))
    fx.finish("R2", "verified", at(19, "12:00"))
    # R3: a duplicate of R2.
    fx.report("R3", "A", "sampah", at(17, "10:00"))
    fx.event("R3", "merged", at(17, "10:30"), {"into": fx.reports["R2"]})
    fx.event(
        "R2", "merged", at(17, "10:30"), {"duplicate": fx.reports["R3"], "followers": ["warga.r3"]}
    )
    fx.finish("R3", "duplicate", at(17, "10:30"))
    # R4: rejected.
    fx.report("R4", "B", "banjir", at(17, "11:00"))
    fx.event("R4", "rejected", at(17, "11:15"), {"reason": "spam"})
    fx.finish("R4", "rejected", at(17, "11:15"))
    # R6: passed on twice, overdue.
    fx.report("R6", "A", "banjir", at(18, "08:00"))
    fx.dispatch("R6", "lurahA", at(18, "08:30"), at(18, "14:30"))
    fx.forward("R6", "lurahA", "camatA", at(18, "09:00"), at(18, "15:00"))
    fx.forward("R6", "camatA", "lurahB", at(18, "10:00"), at(18, "16:00"))
    fx.finish("R6", "coordination", None)
    # R7: a reused proof, waiting for verification.
    fx.report("R7", "B", "sampah", at(19, "08:00"))
    fx.dispatch("R7", "lurahB", at(19, "09:00"), at(20, "09:00"))
    fx.follow_up(
        "R7",
        "lurahB",
        at(19, "15:00"),
        photo_seed="proof-r7",
        sha_of="proof-r1",
        phash=0x7777_0000_0000_0007,
    )
    fx.finish("R7", "followed_up", None)
    # R9 and R10: the other week boundary.
    fx.report("R9", "A", "sampah", at(22, "23:59"))
    fx.event("R9", "triaged", at(23, "00:05"))
    fx.finish("R9", "triaged", None)
    fx.report("R10", "A", "sampah", at(23, "00:01"))
    return fx


@pytest.fixture
def week_fixture(people_engine) -> Fixture:
    return build_week(people_engine)


CLOSE_R1 = 33 + 1 / 60  # Sun 15 23:59 -> Tue 17 09:00
CLOSE_R2 = 83 + 59 / 60  # Mon 16 00:01 -> Thu 19 12:00


def approx(value):
    return pytest.approx(value, rel=1e-9, abs=1e-9)


def assert_city_w47(city):
    assert (city.received, city.duplicates, city.rejected) == (4, 1, 1)  # R2 R6 R7 R9 | R3 | R4
    assert city.weighted_received == approx(5.0)  # 1 + 2 + 1 + 1
    assert city.dispatched == 4  # R1 R2 R6 R7 (R5's was in W46)
    assert (city.followed_up, city.follow_ups) == (3, 4)  # R1 R2(x2) R7
    assert (city.verified, city.proofs_approved, city.proofs_rejected) == (2, 2, 1)
    assert city.reopened == 1  # R5
    assert (city.forwarded, city.forwarded_multi, city.handled) == (1, 1, 4)
    assert (city.backlog, city.overdue) == (4, 2)  # R5 R6 R7 R9 | R5 R6
    # triage: R1 8 h, R2 0.5, R3 0.5 (merged), R4 0.25 (rejected), R6 0.5, R7 1 (dispatch)
    assert city.triage_median_h == approx(0.5)
    assert city.triage_p90_h == approx(4.5)  # 1 + 0.5 x (8 - 1)
    # response: R7 6 h, R1 12 h, R2 48 h (late)
    assert city.response_median_h == approx(12.0)
    assert city.response_p90_h == approx(12 + 0.8 * 36)
    assert city.close_median_h == approx((CLOSE_R1 + CLOSE_R2) / 2)
    assert city.close_p90_h == approx(CLOSE_R1 + 0.9 * (CLOSE_R2 - CLOSE_R1))
    assert (city.sla_base, city.sla_met) == (3, 2)  # R2 was late
    assert city.sla_compliance == approx(2 / 3)
    assert city.reused_proofs == 2  # R2's 2nd (check: fail), R7 (sha of R1)
    assert city.reused_proof_rate == approx(0.5)
    assert city.proof_rejection_rate == approx(1 / 3)
    assert city.reopen_rate == approx(0.5)
    assert city.forwarding_rate == approx(0.25)
    assert city.response_rate == approx(0.6)


class KpiLock:
    """Another session holding the KPI facts locked: a KPI query then waits in the server until
    it is cancelled or the lock is released, as a long computation would run."""

    def __init__(self, engine) -> None:
        self.engine = engine
        self.conn = None

    def hold(self) -> None:
        self.conn = self.engine.connect()
        self.conn.execute(text("LOCK TABLE kpi_report_facts IN ACCESS EXCLUSIVE MODE"))

    def a_query_waits(self) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(
                text(
                    "SELECT EXISTS (SELECT 1 FROM pg_stat_activity "
                    "WHERE datname = current_database() AND wait_event_type = 'Lock')"
                )
            ).scalar_one()

    def wait_for_a_waiting_query(self, timeout_s: float = 10.0) -> None:
        """Returns once a query waits on the lock (polled, never a fixed sleep)."""
        deadline = time.monotonic() + timeout_s
        while not self.a_query_waits():
            assert time.monotonic() < deadline, "no query came to wait on the KPI facts"

    def release(self) -> None:
        if self.conn is not None:
            self.conn.rollback()
            self.conn.close()
            self.conn = None


@pytest.fixture
def kpi_lock(week_fixture):
    lock = KpiLock(week_fixture.engine)
    yield lock
    lock.release()


@pytest.fixture
def kota_login(week_fixture, db_url):
    """Factory: the URL of a new analyst login limited to one kota (qlue_user_add), dropped at
    the end of the test."""
    made: list[str] = []

    def make(kota: str) -> str:
        login = f"u.analyst.{os.getpid()}.{next(_ext)}"
        made.append(login)
        with week_fixture.engine.begin() as conn:
            conn.execute(
                text("SELECT qlue_user_add(:l, NULL, 'analyst', NULL, NULL, :k)"),
                {"l": login, "k": kota},
            )
        return (
            make_url(db_url)
            .set(username=login, password=None)
            .render_as_string(hide_password=False)
        )

    yield make
    with week_fixture.engine.begin() as conn:
        for login in made:
            conn.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :l"),
                {"l": login},
            )
            conn.execute(text(f'REASSIGN OWNED BY "{login}" TO CURRENT_USER'))
            conn.execute(text(f'DROP OWNED BY "{login}"'))
            conn.execute(text(f'DROP ROLE "{login}"'))
