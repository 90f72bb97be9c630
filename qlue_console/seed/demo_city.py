"""The city as the database knows it, read once: accounts, areas, categories, routing rules and
holidays, with the Python twins of the database's rules the plan follows (the routing of
``qlue_console.dispatch.routing.suggest_mentions``, the chain of ``qlue_escalation_target``,
SLA due times), and the kelurahan a position lies in as ``submit_report`` resolves it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Connection, text

from qlue_console.domain.sla import due_at as sla_due_at
from qlue_console.seed.demo_model import Account, Category, Report

SUPERVISORS = ("spv.rina", "spv.hendra")


class City:
    """Accounts, areas, categories, routing rules and holidays, read once."""

    def __init__(self, conn: Connection) -> None:
        rows = conn.execute(
            text(
                "SELECT id, handle, display_name, kind, area_code, agency_code, is_head, "
                "citizen_handles FROM accounts WHERE active ORDER BY handle"
            )
        ).all()
        self.accounts = [
            Account(r[0], r[1], r[2], r[3], r[4], r[5], r[6], tuple(r[7] or ())) for r in rows
        ]
        self.by_handle = {a.handle: a for a in self.accounts}
        self.by_area_kind: dict[tuple[str, str], list[Account]] = defaultdict(list)
        self.by_agency: dict[str, list[Account]] = defaultdict(list)
        for a in self.accounts:
            if a.area_code:
                self.by_area_kind[(a.area_code, a.kind)].append(a)
            if a.agency_code:
                self.by_agency[a.agency_code].append(a)
        self.operators = [a.handle for a in self.accounts if a.kind == "operator"] or ["operator"]
        self.supervisors = (
            [h for h in SUPERVISORS if h in self.by_handle]
            or [a.handle for a in self.accounts if a.kind == "supervisor"]
            or ["supervisor"]
        )
        self.areas = {
            r[0]: (r[1], r[2], r[3])
            for r in conn.execute(text("SELECT code, level, name, parent_code FROM areas")).all()
        }
        self.kelurahan_of_kecamatan: dict[str, list[str]] = defaultdict(list)
        for code, (level, _name, parent) in sorted(self.areas.items()):
            if level == "kelurahan":
                self.kelurahan_of_kecamatan[parent].append(code)
        self.categories = {
            r[0]: Category(*r)
            for r in conn.execute(
                text(
                    "SELECT code, name_id, agency_code, sla_hours, sla_mode FROM categories "
                    "WHERE active ORDER BY code"
                )
            ).all()
        }
        self.rules = [
            tuple(r)
            for r in conn.execute(
                text("SELECT category_code, area_level, account_kind, position FROM routing_rules")
            ).all()
        ]
        self.holidays = {r[0] for r in conn.execute(text("SELECT day FROM holidays")).all()}

    # -- routing, the twin of qlue_console.dispatch.routing.suggest_mentions -------------------
    def route(
        self, category: str, kel: str | None, kec: str | None, kota: str | None
    ) -> list[Account]:
        chosen: dict[tuple[str, str], tuple[bool, int]] = {}
        for cat, level, kind, position in sorted(self.rules, key=lambda r: (r[0] is None, r[3])):
            if cat is not None and cat != category:
                continue
            chosen.setdefault((level, kind), (cat is None, position))
        agency = self.categories[category].agency_code
        found: list[tuple[int, str, Account]] = []
        for (level, kind), (_general, position) in chosen.items():
            if level in ("kelurahan", "kecamatan", "kota"):
                area = {"kelurahan": kel, "kecamatan": kec, "kota": kota}[level]
                matches = self.by_area_kind.get((area, kind), []) if area else []
            else:
                matches = [
                    a
                    for a in self.by_agency.get(agency or "", [])
                    if (kind == "agency" and a.is_head and a.kind in ("agency", "external"))
                    or (kind != "agency" and a.kind == kind and not a.is_head)
                ]
            found.extend((position, a.handle, a) for a in matches)
        result: list[Account] = []
        for _p, _h, account in sorted(found, key=lambda f: (f[0], f[1])):
            if account not in result:
                result.append(account)
        return result

    def head_of(self, agency: str) -> Account | None:
        heads = [
            a
            for a in self.by_agency.get(agency, [])
            if a.is_head and a.kind in ("agency", "external")
        ]
        return heads[0] if heads else None

    def staff_of(self, agency: str) -> list[Account]:
        return [a for a in self.by_agency.get(agency, []) if a.kind == "field_officer"]

    # -- escalation, the twin of qlue_escalation_target ---------------------------------------
    def escalation_target(self, account: Account, report: Report) -> Account | None:
        def level(code: str | None) -> str | None:
            return self.areas.get(code, (None,))[0] if code else None

        if (account.kind == "field_officer" and account.agency_code) or (
            account.kind == "agency" and not account.is_head
        ):
            heads = [
                a
                for a in self.by_agency.get(account.agency_code or "", [])
                if a.kind == "agency" and a.is_head and a.id != account.id
            ]
            return heads[0] if heads else None
        if account.kind in ("field_officer", "lurah"):
            if level(account.area_code) == "kelurahan":
                area = self.areas[account.area_code][2]
            elif level(account.area_code) == "kecamatan":
                area = account.area_code
            else:
                area = report.kec
            found = self.by_area_kind.get((area, "camat"), []) if area else []
            return found[0] if found else None
        if account.kind == "camat":
            area = (
                self.areas[account.area_code][2]
                if level(account.area_code) == "kecamatan"
                else report.kota
            )
            found = self.by_area_kind.get((area, "walikota"), []) if area else []
            return found[0] if found else None
        return None

    def due(self, category: str, start: datetime) -> datetime:
        c = self.categories[category]
        return sla_due_at(start, c.sla_hours, c.sla_mode, self.holidays)


def kelurahan_resolver(conn: Connection) -> Callable[[list[tuple[float, float]]], list[str | None]]:
    """Kelurahan codes as ``submit_report`` resolves them (``qlue_resolve_kelurahan``), in one
    set query."""

    def resolve(points: list[tuple[float, float]]) -> list[str | None]:
        if not points:
            return []
        rows = conn.execute(
            text(
                "SELECT u.n, qlue_resolve_kelurahan(u.lat, u.lon) "
                "FROM unnest(CAST(:lat AS float8[]), CAST(:lon AS float8[])) "
                "WITH ORDINALITY AS u(lat, lon, n)"
            ),
            {"lat": [p[0] for p in points], "lon": [p[1] for p in points]},
        ).all()
        by_n: dict[int, str | None] = dict(rows)
        return [by_n.get(i + 1) for i in range(len(points))]

    return resolve
