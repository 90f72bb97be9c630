"""``qlue-console channel``: an admin manages the Open311 gateway's channels and their keys.

    qlue-console channel add NAME       prints the channel's new key, once
    qlue-console channel list
    qlue-console channel revoke NAME

Run it signed in as an admin (``--database-url postgresql://admin.login@host/db``); the
database refuses anyone else. A mistake (a duplicate or unknown name) ends with one line on
stderr and exit 1 (2 for a bad command line).
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from qlue_console.access import channel_keys
from qlue_console.access.admin_command import admin_engine, run_admin_command
from qlue_console.domain.formatting import moment

PROG = "qlue-console channel"


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--database-url",
        metavar="URL",
        help="the database, signed in as an admin "
        "(default: $QLUE_DATABASE_URL, else the embedded server)",
    )
    common.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    p = argparse.ArgumentParser(
        prog=PROG,
        parents=[common],
        description="Manage the citizen channels of the Open311 gateway and their keys "
        "(an admin's task).",
    )
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub.add_parser(
        "add", parents=[common], help="add a channel and print its new key (shown only once)"
    ).add_argument("name")
    sub.add_parser(
        "revoke", parents=[common], help="revoke a channel's key (the gateway refuses it)"
    ).add_argument("name")
    sub.add_parser(
        "list", parents=[common], help="list the channels: last use, reports and refusals today"
    )
    return p


def _when(at: datetime | None) -> str:
    return moment(at, "en") if at is not None else "never"


def format_list(rows: list[channel_keys.ChannelRow]) -> str:
    header = ("NAME", "LOGIN", "CREATED", "LAST USE", "REPORTS TODAY", "REFUSALS TODAY", "KEY")
    table = [header] + [
        (
            r.name,
            r.login,
            _when(r.created_at),
            _when(r.last_used_at),
            str(r.reports_today),
            str(r.refusals_today),
            f"revoked {_when(r.revoked_at)}" if r.revoked else "live",
        )
        for r in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in table
    )


def _run(args) -> int:
    engine = admin_engine(args.database_url)
    try:
        with engine.begin() as conn:
            if args.action == "add":
                made = channel_keys.add_channel(conn, args.name)
            elif args.action == "revoke":
                channel_keys.revoke_channel(conn, args.name)
            else:
                rows = channel_keys.list_channels(conn)
        # printed once the transaction is committed: a key shown is a key stored
        if args.action == "add":
            print(f"channel {made.name} added (login {made.login}); its key, shown only now:")
            print(made.key)
        elif args.action == "revoke":
            print(f"channel {args.name}: key revoked")
        else:
            print(format_list(rows) if rows else "no channels")
    finally:
        engine.dispose()
    return 0


def channel_main(argv: list[str] | None = None) -> int:
    return run_admin_command(PROG, _parser(), _run, argv, manages="channels")


if __name__ == "__main__":
    sys.exit(channel_main())
