"""Bulk actions on a selection of reports: set category, set priority, reject, merge into one
original, dispatch to the same officials — and undo of the last one while it is safe.

Each report is its own transaction over the same contract function a single action calls, with
the version the operator saw (:func:`snapshot`, read once for the whole selection): a report
another console changed since is refused and named, the others go through. Every report ends
with one :class:`Outcome`; the database's refusal (a conflict, a claim, the role) is kept per
report, in its own words. Nothing here imports Qt: the console runs these on a worker.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Engine, text

from qlue_console.db.errors import (
    ClaimedError,
    ConflictError,
    PermissionDeniedError,
    QlueDatabaseError,
)
from qlue_console.triage import actions

# a dispatch of one report at its version (the dispatch feature's, passed in: triage does not
# import it), and the withdrawal of one at the version the dispatch left
Send = Callable[[Engine, int, int], object]
Withdraw = Callable[[Engine, int, int], int]

CATEGORY, PRIORITY, REJECT, MERGE, DISPATCH = "category", "priority", "reject", "merge", "dispatch"
KINDS = (CATEGORY, PRIORITY, REJECT, MERGE, DISPATCH)

# how an outcome ended
DONE = "done"  # the action went through
UNCHANGED = "unchanged"  # nothing to do: the report already had the value asked for
STALE = "stale"  # another console changed the report since it was read
CLAIMED = "claimed"  # someone else holds the report
DENIED = "denied"  # this login's role may not
REFUSED = "refused"  # the database refused the input (a closed report, say)
FAILED = "failed"  # no answer (the connection), or a report no longer found
ORIGINAL = "original"  # the merge's original itself: left as it is


@dataclass(frozen=True)
class Target:
    """A report as the operator saw it when the bulk action was asked for."""

    report_id: int
    version: int
    status: str
    category_code: str
    priority: int


@dataclass(frozen=True)
class Outcome:
    target: Target
    result: str  # one of DONE … ORIGINAL
    version: int | None = None  # the report's version after the action (DONE)
    reason: str = ""  # the database's one-line refusal

    @property
    def report_id(self) -> int:
        return self.target.report_id

    @property
    def went_through(self) -> bool:
        return self.result in (DONE, UNCHANGED, ORIGINAL)


@dataclass(frozen=True)
class BulkResult:
    kind: str  # one of KINDS
    outcomes: tuple[Outcome, ...]
    seconds: float
    undo_of: str | None = None  # the kind undone, when this result is an undo
    detail: dict = field(default_factory=dict)  # what was asked: category, priority, reason …
    withdraw: Withdraw | None = None  # how a dispatch of this action is undone

    @property
    def done(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.result == DONE)

    @property
    def refused(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if not o.went_through)

    @property
    def can_undo(self) -> bool:
        """Whether :func:`undo` has anything to try (a merge cannot be undone)."""
        if self.kind == DISPATCH and self.withdraw is None:
            return False
        return self.undo_of is None and self.kind != MERGE and bool(self.done)


_SNAPSHOT = """
    SELECT id, version, status, category_code, priority
      FROM console_reports
     WHERE id = ANY(CAST(:ids AS bigint[]))"""


def snapshot(engine: Engine, report_ids: Sequence[int]) -> list[Target]:
    """The selection's reports as they are now (one query), in the order given; a report this
    login cannot read is left out."""
    with engine.connect() as conn:
        rows = conn.execute(text(_SNAPSHOT), {"ids": list(report_ids)}).all()
    found = {row.id: Target(row.id, row.version, row.status, row.category_code, row.priority)
             for row in rows}  # fmt: skip
    return [found[r] for r in report_ids if r in found]


def _first_line(error: Exception) -> str:
    text_ = str(error).strip()
    return text_.splitlines()[0] if text_ else type(error).__name__


def _attempt(target: Target, call: Callable[[], object]) -> Outcome:
    """One report's own transaction; its refusal kept, never raised."""
    try:
        answer = call()
    except ConflictError as exc:
        return Outcome(target, STALE, reason=_first_line(exc))
    except ClaimedError as exc:
        return Outcome(target, CLAIMED, reason=_first_line(exc))
    except PermissionDeniedError as exc:
        return Outcome(target, DENIED, reason=_first_line(exc))
    except QlueDatabaseError as exc:  # ContractError, a lost commit not saved, in doubt
        return Outcome(target, REFUSED, reason=_first_line(exc))
    except Exception as exc:  # the connection: the next report is tried all the same
        return Outcome(target, FAILED, reason=_first_line(exc))
    version = getattr(answer, "version", answer)  # a dispatch answers with its result
    return Outcome(target, DONE, version=int(version))  # type: ignore[call-overload]


def _each(
    kind: str,
    targets: Sequence[Target],
    act: Callable[[Target], Outcome],
    *,
    undo_of: str | None = None,
    withdraw: Withdraw | None = None,
    **detail,
) -> BulkResult:
    """``act`` on each target in turn, timed: the result of one bulk action (or undo)."""
    started = time.perf_counter()
    outcomes = tuple(act(t) for t in targets)
    seconds = time.perf_counter() - started
    return BulkResult(kind, outcomes, seconds, undo_of, detail, withdraw)


def set_category(engine: Engine, targets: Sequence[Target], category: str) -> BulkResult:
    def act(t: Target) -> Outcome:
        if t.category_code == category:
            return Outcome(t, UNCHANGED)
        return _attempt(t, lambda: actions.set_category(engine, t.report_id, t.version, category))

    return _each(CATEGORY, targets, act, category=category)


def set_priority(engine: Engine, targets: Sequence[Target], priority: int) -> BulkResult:
    def act(t: Target) -> Outcome:
        if t.priority == priority:
            return Outcome(t, UNCHANGED)
        return _attempt(t, lambda: actions.set_priority(engine, t.report_id, t.version, priority))

    return _each(PRIORITY, targets, act, priority=priority)


def reject(
    engine: Engine, targets: Sequence[Target], reason: str, note: str | None = None
) -> BulkResult:
    def act(t: Target) -> Outcome:
        return _attempt(t, lambda: actions.reject(engine, t.report_id, t.version, reason, note))

    return _each(REJECT, targets, act, reason=reason)


def merge(engine: Engine, targets: Sequence[Target], original_id: int) -> BulkResult:
    """Merges every target but the original into it (the original may be one of them)."""

    def act(t: Target) -> Outcome:
        if t.report_id == original_id:
            return Outcome(t, ORIGINAL)
        return _attempt(t, lambda: actions.merge(engine, t.report_id, t.version, original_id))

    return _each(MERGE, targets, act, original=original_id)


def dispatch(
    engine: Engine,
    targets: Sequence[Target],
    send: Send,
    withdraw: Withdraw,
    handles: Sequence[str] = (),
) -> BulkResult:
    """Dispatches every target with ``send`` (the same message to the same officials);
    ``withdraw`` is what its undo calls."""

    def act(t: Target) -> Outcome:
        return _attempt(t, lambda: send(engine, t.report_id, t.version))

    return _each(DISPATCH, targets, act, withdraw=withdraw, handles=tuple(handles))


def undo(engine: Engine, last: BulkResult) -> BulkResult:
    """Undoes what ``last`` did, report by report, at the version it left each one: a report
    changed since (an official acted, another console) is refused and named, the database
    saying why. Category and priority are set back to what they were; a rejection and a
    dispatch are undone by their own functions."""
    if not last.can_undo:
        raise ValueError(f"a bulk {last.kind} cannot be undone")

    def call(t: Target, before: Target) -> object:
        """``t``: the report as the action left it (its version is checked); ``before``: as
        the action found it."""
        if last.kind == CATEGORY:
            return actions.set_category(engine, t.report_id, t.version, before.category_code)
        if last.kind == PRIORITY:
            return actions.set_priority(engine, t.report_id, t.version, before.priority)
        if last.kind == REJECT:
            return actions.undo_reject(engine, t.report_id, t.version)
        assert last.withdraw is not None  # a bulk dispatch carries its withdrawal
        return last.withdraw(engine, t.report_id, t.version)

    before = {o.report_id: o.target for o in last.done}
    after = [Target(o.report_id, int(o.version or 0), "", "", 0) for o in last.done]
    return _each(
        last.kind,
        after,
        lambda t: _attempt(t, lambda: call(t, before[t.report_id])),
        undo_of=last.kind,
    )
