"""``qlue-console escalate``: escalate every overdue mention once, for a scheduler (cron, a
systemd timer) that runs it every few minutes beside the consoles that do the same."""

from __future__ import annotations

import argparse
import logging
import sys

from sqlalchemy.exc import DBAPIError

from qlue_console.db.errors import QlueDatabaseError

log = logging.getLogger(__name__)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qlue-console escalate",
        description="Escalate every mention past its due time without a follow-up "
        "to the next level (field officer or lurah -> camat -> walikota; "
        "agency staff -> agency head). "
        "Safe to run from several places at once: each mention escalates exactly once.",
    )
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help="central PostgreSQL (default: $QLUE_DATABASE_URL, else the embedded server)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print only the count")
    return parser


def escalate_main(argv: list[str] | None = None) -> int:
    """Runs the command; returns the exit status (0, or 1 with one line on stderr)."""
    args = _parser().parse_args(argv)
    from qlue_console.config import resolve_target
    from qlue_console.db import migrate
    from qlue_console.db.embedded import database_url
    from qlue_console.db.engine import check_connection, make_engine
    from qlue_console.dispatch.service import escalate_overdue

    try:
        engine = make_engine(
            database_url(resolve_target(args.database_url)), application_name="qlue-escalate"
        )
        check_connection(engine)
        migrate.ensure_current(engine)
        escalations = escalate_overdue(engine)
    except QlueDatabaseError as exc:
        print(f"qlue-console escalate: {exc}", file=sys.stderr)
        return 1
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
        print(f"qlue-console escalate: database error: {reason}", file=sys.stderr)
        return 1
    if not args.quiet:
        for e in escalations:
            suffix = "" if e.new_mention_id is not None else " (already mentioned)"
            print(f"report #{e.report_id}: @{e.from_handle} -> @{e.to_handle}{suffix}")
    print(f"{len(escalations)} mention(s) escalated")
    return 0
