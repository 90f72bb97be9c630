"""One transaction per action of a person, whose commit is checked, never repeated blindly,
when its answer is lost (the connection dropped or the primary died while COMMIT was on its
way): the action writes a random token in its own transaction (``qlue_action_receipt``,
revision 0024), and after a lost commit the console asks the server that is the primary now
whether that token is there (``qlue_action_committed``). Committed: the action's result
stands. Not committed: :class:`ActionNotSavedError`, and the person may simply do it again.
No answer within :data:`CHECK_SECONDS`: :class:`ActionInDoubtError`, which says to look at the
report before repeating it.

An action that fails before its COMMIT is sent never committed; its error is the driver's,
as before.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import OperationalError

from qlue_console.db.errors import QlueDatabaseError

log = logging.getLogger(__name__)

CHECK_SECONDS = 30.0  # a failover (a standby promoted) takes seconds; this leaves margin
_RETRY_SECONDS = 0.5


class ActionNotSavedError(QlueDatabaseError):
    """The connection was lost while saving, and the database says the action was not
    saved: it may be done again."""


class ActionInDoubtError(QlueDatabaseError):
    """The connection was lost while saving and no server could say whether it was saved."""


def _committed(engine: Engine, token: uuid.UUID) -> bool | None:
    """The receipt's verdict from the current primary; None when none answers in time."""
    deadline = time.monotonic() + CHECK_SECONDS
    while True:
        try:
            with engine.connect() as conn:
                verdict = conn.execute(
                    text("SELECT qlue_action_committed(:t)"), {"t": token}
                ).scalar_one()
                conn.rollback()  # the probe's own row never stays
                return bool(verdict)
        except OperationalError:  # no server yet (a standby being promoted), or lost again
            if time.monotonic() >= deadline:
                return None
        time.sleep(_RETRY_SECONDS)


def _answer_lost(exc: OperationalError) -> bool:
    """Whether a failed COMMIT may still have committed: the connection went away (no SQLSTATE,
    or the server's shutdown and connection classes 57P and 08). A refusal with any other
    SQLSTATE (a serialization failure, say) is the server's answer: not committed."""
    code = getattr(exc.orig, "pgcode", None)
    return exc.connection_invalidated or not code or code.startswith(("57P", "08"))


@contextmanager
def action_transaction(engine: Engine) -> Iterator[Connection]:
    """``with action_transaction(engine) as conn:`` — ``engine.begin()`` for a person's
    action, with a receipt. Raises as the body raises; after a lost COMMIT it returns normally
    when the action did commit, else raises one of the two errors above."""
    token = uuid.uuid4()
    with engine.connect() as conn:
        transaction = conn.begin()
        conn.execute(text("SELECT qlue_action_receipt(:t)"), {"t": token})
        yield conn
        try:
            transaction.commit()
            return
        except OperationalError as exc:
            if not _answer_lost(exc):
                raise
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
            log.warning("the answer to a commit was lost (%s): checking its receipt", reason)
    verdict = _committed(engine, token)
    if verdict is True:
        log.info("the action had committed: not repeated")
        return
    if verdict is False:
        raise ActionNotSavedError(
            "The connection to the database was lost while saving, and the database says it "
            "was not saved: do it again."
        )
    raise ActionInDoubtError(
        "The connection to the database was lost while saving, and no server could say "
        "whether it was saved: look at the report's timeline before doing it again."
    )
