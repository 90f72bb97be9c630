"""What the administrators' commands (``qlue-console user …``, ``qlue-console channel …``)
share: the engine they work on, and one way of turning their failures into one line on stderr
and an exit status."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from qlue_console.db.errors import PermissionDeniedError, QlueDatabaseError


def admin_engine(url: str | None) -> Engine:
    """One connection to the configured database (or the embedded one), checked and migrated."""
    from qlue_console.config import resolve_target
    from qlue_console.db import migrate
    from qlue_console.db.embedded import database_url
    from qlue_console.db.engine import check_connection, make_engine

    engine = make_engine(database_url(resolve_target(url)), pool_size=1)
    check_connection(engine)
    migrate.ensure_current(engine)
    return engine


def run_admin_command(
    prog: str,
    parser: argparse.ArgumentParser,
    run: Callable[[argparse.Namespace], int],
    argv: Sequence[str] | None,
    *,
    manages: str,
    usage_error: type[Exception] | None = None,
) -> int:
    """Parses ``argv`` and runs the command: a usage error exits 2, a refusal or a database
    error is one line and exit 1 (a refused permission says that only an admin may manage
    ``manages``), Ctrl+C exits 130."""
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2), already printed
        return int(exc.code or 0)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(name)s: %(message)s",
    )
    try:
        return run(args)
    except PermissionDeniedError as exc:
        print(
            f"{prog}: {exc} (only an admin, a member of qlue_admin, may manage {manages})",
            file=sys.stderr,
        )
        return 1
    except QlueDatabaseError as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
        return 1
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc).splitlines()[0]
        print(f"{prog}: the database refused: {reason}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{prog}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if usage_error is not None and isinstance(exc, usage_error):
            print(f"{prog}: {exc}", file=sys.stderr)
            return 2
        raise
