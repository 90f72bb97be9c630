"""Passing a report on, in the demo plan: the escalation job's work when nobody answers in
time (up the chain of ``qlue_escalation_target``), an agency head's disposition to its field
unit (Disposisi) and an official passing the report on to another kelurahan, agency or utility
(Koordinasi).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from qlue_console.seed import demo_text
from qlue_console.seed.demo_model import FORWARD_TARGETS, Account, Mention, Report
from qlue_console.seed.demo_plan_base import PlannerBase


class ForwardingSteps(PlannerBase):
    """Escalation, disposition and passing on."""

    def _escalate_until(self, r: Report, limit: datetime | None) -> None:
        """The escalation job's work on this report before ``limit`` (None: up to now)."""
        rng = self.rng
        while True:
            candidates = []
            for m in self._open(r):
                if m.no_target:
                    continue
                if m.escalation_delay is None:
                    m.escalation_delay = timedelta(minutes=rng.uniform(2, 15))
                candidates.append((m.due_at + m.escalation_delay, m.seq, m))
            if not candidates:
                return
            te, _seq, m = min(candidates, key=lambda c: (c[0], c[1]))
            if limit is not None and te >= limit:
                return
            self._check(te)
            target = self.city.escalation_target(m.account, r)
            if target is None:
                m.no_target = True
                continue
            held = self._holds_open(r, target)
            due = self.city.due(r.category, te)
            event = self._emit(
                r,
                te,
                "escalation",
                "escalated",
                {
                    "mention": m,
                    "from": m.account.handle,
                    "to": target.handle,
                    "level": target.kind,
                    "was_due_at": m.due_at,
                    "due_at": None if held else due,
                    "already_open": held,
                },
            )
            m.state = "escalated"
            if not held:
                self._mention(r, target, event, te)

    def _dispose(self, r: Report, t: datetime) -> tuple[datetime, Account] | None:
        """The agency's head instructs its field unit (Disposisi)."""
        agency = self.city.categories[r.category].agency_code
        head = next(
            (m for m in self._open(r) if m.account.agency_code == agency and m.account.is_head),
            None,
        )
        staff = [a for a in self.city.staff_of(agency or "") if not self._holds_open(r, a)]
        if head is None or not staff:
            return None
        self._check(t)
        officer = self.rng.choice(staff)
        due = self.city.due(r.category, t)
        event = self._emit(
            r,
            t,
            head.account.handle,
            "dispatched",
            {
                "message": demo_text.mention_message(officer.handle, self.rng),
                "mentions": [{"handle": officer.handle, "account": officer.id, "due_at": due}],
                "already": [],
                "from_status": r.status,
                "disposition": True,
            },
        )
        head.state, head.resolved_at = "forwarded", t
        self._mention(r, officer, event, t)
        r.status = "disposition"
        return t, officer

    def _pass_on(self, r: Report, t: datetime, *, second: bool) -> tuple[datetime, Account] | None:
        """An official (or an operator for them) passes the report on: to another kelurahan's
        lurah, another agency or a utility (Koordinasi)."""
        rng, city = self.rng, self.city
        open_mentions = self._open(r)
        options: list[tuple[Mention, Account, str]] = []
        for m in open_mentions:
            if m.account.kind == "lurah" and r.kec:
                neighbours = [
                    a
                    for code in city.kelurahan_of_kecamatan.get(r.kec, [])
                    if code != m.account.area_code
                    for a in city.by_area_kind.get((code, "lurah"), [])
                    if not self._holds_open(r, a)
                ]
                if neighbours:
                    target = rng.choice(neighbours)
                    options.append((m, target, "kelurahan"))
            if m.account.kind in ("agency", "external") or (second and m.account.kind == "lurah"):
                agencies = [
                    c for c in FORWARD_TARGETS.get(r.category, ()) if c != m.account.agency_code
                ]
                heads = [
                    h
                    for h in (city.head_of(c) for c in agencies)
                    if h and not self._holds_open(r, h)
                ]
                if heads:
                    target = rng.choice(heads)
                    options.append(
                        (m, target, "external" if target.kind == "external" else "agency")
                    )
        if second:
            # The one who received it last passes it on again.
            last = max((m.mentioned_at for m in open_mentions), default=None)
            options = [o for o in options if o[0].mentioned_at == last] or options
        if not options:
            return None
        source, target, kind = rng.choice(options)
        self._check(t)
        due = city.due(r.category, t)
        by_official = rng.random() < 0.6
        reason = demo_text.forward_reason(kind, rng, target_name=target.display_name)
        event = self._emit(
            r,
            t,
            source.account.handle if by_official else rng.choice(city.operators),
            "forwarded",
            {
                "reason": reason,
                "message": None if by_official else f"@{target.handle} {reason}",
                "from": [source.account.handle],
                "to": [{"handle": target.handle, "account": target.id, "due_at": due}],
                "from_status": r.status,
            },
        )
        source.state, source.resolved_at = "forwarded", t
        self._mention(r, target, event, t)
        r.status = "coordination"
        return t, target
