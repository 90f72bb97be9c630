"""A fix that did not hold, made the way the city makes one: a report near Monas dispatched to an
official, their follow-up with a proof photo approved by the verifier (which closes the report),
then a new report of the same category a few metres away (a recurrence, revision 0030)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from qlue_console.verify.decisions import decide
from tests.recurrence.city import north, submit
from tests.verify.city import MONAS, _follow_up, _proof, add_report

_numbers = iter(range(700, 10_000))


@dataclass(frozen=True)
class CameBack:
    closed: int  # the report verified closed
    proof_photo: int  # its approved follow-up's photo
    new: int  # the report that came back after it


def closed_fix(engine, official: str, *, where=MONAS, closed_text: str | None = None) -> tuple:
    """A report dispatched to ``official``, closed by approving their proof; returns the report
    and the proof's photo id. ``closed_text`` replaces the citizen's text."""
    n = next(_numbers)
    with engine.begin() as conn:
        report = add_report(conn, n, lat=where[0], lon=where[1], dispatch_to=(official,))
        follow_up = _follow_up(conn, report, _proof(n), official=official)
        if closed_text is not None:
            conn.execute(
                text("UPDATE reports SET text = :t WHERE id = :r"), {"t": closed_text, "r": report}
            )
    decide(engine, follow_up, "approve")
    with engine.connect() as conn:
        photo = conn.execute(
            text("SELECT photo_id FROM follow_ups WHERE id = :f"), {"f": follow_up}
        ).scalar_one()
    return report, photo


def came_back(engine, official: str, *, metres: float = 25, closed_text: str | None = None):
    """A fix by ``official`` and, ``metres`` north of it, the report that came back after it."""
    closed, photo = closed_fix(engine, official, closed_text=closed_text)
    new = submit(engine, north(metres, of=MONAS))
    return CameBack(closed, photo, new)
