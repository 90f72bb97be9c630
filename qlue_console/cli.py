"""The ``qlue-console`` command: the GUI by default, and the operator's commands
(``db``, ``seed``, ``simulate``, ``photos``, ``check-photo``, ``report``, ``user``, ``channel``,
``escalate``, ``serve``, ``import``). The global options (``--database-url``, ``-v``,
``--lang``) may stand before or after the command. A user's mistake (a bad URL, an unreachable
server, a bad argument, a missing system library) ends with one clear line and a non-zero exit,
never a traceback."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from qlue_console import __version__
from qlue_console.config import resolve_target
from qlue_console.db.errors import QlueDatabaseError


def _workspace_names() -> tuple[str, ...]:
    from qlue_console.gui.workspaces.registry import NAMES

    return NAMES


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qlue-console",
        description=(
            "Qlue Console: the operations console of a city command center. Without a command it "
            "opens the desktop console; without a database URL it runs on an embedded PostgreSQL "
            "with a demo city."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help="central PostgreSQL (default: $QLUE_DATABASE_URL, else the embedded server)",
    )
    parser.add_argument(
        "--read-url",
        metavar="URL",
        help="a standby for read-only work: the Reports workspace, exports, report weekly "
        "(default: $QLUE_READ_DATABASE_URL, else the primary)",
    )
    parser.add_argument(
        "--screenshot",
        metavar="PATH",
        type=Path,
        help="render the main window offscreen once its data has loaded, write a PNG, exit",
    )
    parser.add_argument(
        "--workspace", choices=_workspace_names(), default="triage", help="workspace to show"
    )
    parser.add_argument(
        "--lang", choices=("id", "en"), help="language of the console (default: system)"
    )
    parser.add_argument(
        "--demo-role",
        choices=("operator", "supervisor", "analyst", "admin"),
        help="on the embedded demo, sign in as this role without the sign-in dialog "
        "(the screenshot mode uses admin)",
    )
    parser.add_argument(
        "--tile-url",
        metavar="TEMPLATE",
        help="a map tile URL template such as https://tile.example/{z}/{x}/{y}.png "
        "(default: $QLUE_TILE_URL; without one the map shows the kelurahan only)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    # the database URL may also follow the command: qlue-console db current --database-url URL
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--database-url",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="central PostgreSQL (default: $QLUE_DATABASE_URL, else the embedded server)",
    )
    common.add_argument(
        "--read-url",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="a standby for read-only work (default: $QLUE_READ_DATABASE_URL, else the primary)",
    )
    common.add_argument(
        "-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="log progress"
    )

    db = commands.add_parser(
        "db", parents=[common], help="migrate the database (an operator's step on a central server)"
    )
    db.add_argument("action", choices=("upgrade", "downgrade", "current", "status"))
    db.add_argument(
        "revision", nargs="?", help="target revision (upgrade: head, downgrade: one step back)"
    )

    seed = commands.add_parser(
        "seed", parents=[common], help="load reference data, and with --demo the demo city"
    )
    seed.add_argument(
        "--demo", action="store_true", help="also create the demo city's people and reports"
    )
    seed.add_argument(
        "--reports", type=int, default=3000, help="demo reports to create (default 3000)"
    )
    seed.add_argument(
        "--weeks", type=int, default=8, help="spread over the last W weeks (default 8)"
    )

    simulate = commands.add_parser(
        "simulate",
        parents=[common],
        help="act as citizen channels (and officials) from this process",
    )
    simulate.add_argument("--rate", type=float, default=1.0, help="reports per second (default 1)")
    simulate.add_argument(
        "--duration", type=float, default=60.0, help="seconds to run (default 60)"
    )
    simulate.add_argument(
        "--no-officials", action="store_true", help="do not answer mentions with follow-ups"
    )
    simulate.add_argument("--seed", type=int, help="random seed for a repeatable run")

    photos = commands.add_parser(
        "photos",
        parents=[common],
        help="describe the photos a channel stored without their hashes and EXIF",
    )
    photos.add_argument("action", choices=("describe",))
    photos.add_argument(
        "--follow",
        action="store_true",
        help="keep describing photos as they arrive, until interrupted",
    )
    photos.add_argument(
        "--batch", type=int, default=8, help="photos per transaction (default 8, at most 100)"
    )

    commands.add_parser(
        "check-photo", help="run the proof-photo checks on a file and print JSON", add_help=False
    )
    commands.add_parser(
        "report",
        help="export the weekly performance report: report weekly --week 2026-W47 "
        "--by agency --format xlsx --out FILE",
        add_help=False,
    )
    commands.add_parser(
        "user",
        help="manage logins and roles (admin): user add|disable|enable|role|scope|list",
        add_help=False,
    )
    commands.add_parser(
        "channel",
        help="manage the Open311 gateway's channels and keys (admin): channel add|list|revoke",
        add_help=False,
    )
    commands.add_parser(
        "escalate", help="escalate overdue mentions one level (for a scheduler)", add_help=False
    )
    commands.add_parser(
        "serve", help="serve the Open311 gateway: serve open311 --port 8311", add_help=False
    )
    commands.add_parser(
        "import", help="import a GeoReport v2 dump: import open311 FILE|URL", add_help=False
    )
    return parser


def _engine(args):
    from qlue_console.db.embedded import database_url
    from qlue_console.db.engine import check_connection, make_engine

    target = resolve_target(args.database_url)
    engine = make_engine(database_url(target))
    check_connection(engine)
    return engine


def _status(args) -> int:
    """The server's role, replication and revision; also the read-only server's, when one is
    configured."""
    from qlue_console.db.embedded import database_url
    from qlue_console.db.engine import check_connection, describe, make_engine
    from qlue_console.db.status import format_status, server_status

    target = resolve_target(args.database_url, args.read_url)
    urls = [database_url(target)] + ([target.read_url] if target.read_url else [])
    for i, url in enumerate(urls):
        engine = make_engine(url)
        try:
            check_connection(engine)
            shown = describe(url, embedded=target.embedded and i == 0)
            if i:
                print()
            print("\n".join(format_status(server_status(engine, shown))))
        finally:
            engine.dispose()
    return 0


def _db(args) -> int:
    from qlue_console.db import migrate

    if args.action == "status":
        return _status(args)
    engine = _engine(args)
    if args.action == "upgrade":
        migrate.upgrade(engine, args.revision or "head")
    elif args.action == "downgrade":
        migrate.downgrade(engine, args.revision or "-1")
    print(
        f"revision: {migrate.current_revision(engine) or 'none'} (this console needs "
        f"{migrate.head_revision()})"
    )
    return 0


def _seed(args) -> int:
    from qlue_console.bootstrap import seed_demo
    from qlue_console.db import migrate
    from qlue_console.seed.reference import seed_reference

    if args.reports < 0 or args.weeks < 1:
        raise SystemExit("qlue-console seed: --reports must be >= 0 and --weeks >= 1")
    engine = _engine(args)
    migrate.ensure_current(engine)
    if args.demo:

        def progress(done: int, total: int) -> None:
            print(f"\r{done}/{total} reports", end="", file=sys.stderr, flush=True)

        summary = seed_demo(engine, reports=args.reports, weeks=args.weeks, progress=progress)
        print(file=sys.stderr)
        print(summary)
    else:
        with engine.begin() as conn:
            seed_reference(conn)
        print("reference data loaded")
    return 0


def _photos(args) -> int:
    import threading

    from qlue_console.db import migrate
    from qlue_console.photos import describer

    if not 1 <= args.batch <= 100:
        raise SystemExit("qlue-console photos: --batch must be 1-100")
    engine = _engine(args)
    migrate.ensure_current(engine)
    print(f"photos waiting to be described: {describer.waiting(engine)}", file=sys.stderr)
    if not args.follow:
        done = describer.drain(engine, args.batch)
        print(f"photos described: {done.described}, unreadable: {done.unreadable}")
        return 0
    stop = threading.Event()
    print("describing photos as they arrive (Ctrl+C stops)", file=sys.stderr)
    try:
        done = describer.follow(engine, stop, batch=args.batch)
    except KeyboardInterrupt:
        stop.set()
        return 130
    print(f"photos described: {done.described}, unreadable: {done.unreadable}")
    return 0


def _simulate(args) -> int:
    from qlue_console.db import migrate
    from qlue_console.simulate import run_simulation

    if args.rate <= 0 or args.duration <= 0:
        raise SystemExit("qlue-console simulate: --rate and --duration must be positive")
    engine = _engine(args)
    migrate.ensure_current(engine)
    run_simulation(
        engine,
        rate=args.rate,
        duration=args.duration,
        seed=args.seed,
        officials=not args.no_officials,
    )
    return 0


# The commands that parse their own arguments; the global options are taken out of their argv
# (either side of the command) and handed on where the command uses them.
_DELEGATED = ("check-photo", "user", "channel", "report", "escalate", "serve", "import")
# Top-level options that take a value: their value is never taken for the command's name.
_VALUED = (
    "--database-url",
    "--read-url",
    "--screenshot",
    "--workspace",
    "--lang",
    "--demo-role",
    "--tile-url",
)


def _global_parser(command: str) -> argparse.ArgumentParser:
    """The options accepted before a delegated command."""
    parser = argparse.ArgumentParser(prog=f"qlue-console … {command}", add_help=False)
    parser.add_argument("--database-url", metavar="URL")
    parser.add_argument("--read-url", metavar="URL")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--lang", choices=("id", "en"))
    return parser


def _command_index(argv: list[str]) -> int | None:
    """Where the command's name is in ``argv`` (None: no command, the desktop console)."""
    i = 0
    while i < len(argv):
        token = argv[i]
        if token == "--":
            return None
        if not token.startswith("-"):
            return i
        if token in _VALUED:
            i += 1
        i += 1
    return None


def _take_globals(rest: list[str]) -> tuple[list[str], str | None, bool, str | None]:
    """Takes ``--database-url``, ``--read-url`` and ``-v`` out of a delegated command's
    arguments."""
    kept: list[str] = []
    urls: dict[str, str | None] = {"--database-url": None, "--read-url": None}
    verbose = False
    i = 0
    while i < len(rest):
        token = rest[i]
        name = token.split("=", 1)[0]
        if token in ("-v", "--verbose"):
            verbose = True
        elif token in urls and i + 1 < len(rest):
            urls[token] = rest[i + 1]
            i += 1
        elif name in urls and "=" in token:
            urls[name] = token.split("=", 1)[1]
        else:
            kept.append(token)
        i += 1
    return kept, urls["--database-url"], verbose, urls["--read-url"]


def _delegate(argv: list[str], at: int) -> int:
    command, rest = argv[at], argv[at + 1 :]
    before = _global_parser(command).parse_args(argv[:at])
    rest, url_after, verbose_after, read_after = _take_globals(rest)
    logging.basicConfig(
        level=logging.INFO if before.verbose or verbose_after else logging.WARNING,
        format="%(asctime)s %(name)s: %(message)s",
    )
    if before.lang:
        os.environ["QLUE_LANG"] = before.lang
    extra: list[str] = []
    url = url_after or before.database_url
    if url and command != "check-photo":  # the photo checks use no database
        extra += ["--database-url", url]
    read_url = read_after or before.read_url
    if read_url and command == "report":  # the only read-only command of these
        extra += ["--read-url", read_url]
    if before.lang and command == "report" and "--lang" not in rest:
        extra += ["--lang", before.lang]
    # after the action (report weekly, user add …) where the command has one
    has_action = command in ("report", "user", "channel", "serve", "import")
    at_action = 1 if has_action and rest and not rest[0].startswith("-") else 0
    rest = rest[:at_action] + extra + rest[at_action:]
    if command == "check-photo":
        from qlue_console.photos.cli import check_photo_main

        return check_photo_main(rest)
    if command == "user":
        from qlue_console.access.cli import user_main

        return user_main(rest)
    if command == "channel":
        from qlue_console.access.channel_cli import channel_main

        return channel_main(rest)
    if command == "report":
        from qlue_console.reports.cli import report_main

        return report_main(rest)
    if command == "serve":
        from qlue_console.open311.cli import serve_main

        return serve_main(rest)
    if command == "import":
        from qlue_console.open311.import_cli import import_main

        return import_main(rest)
    from qlue_console.dispatch.cli import escalate_main

    return escalate_main(rest)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    at = _command_index(argv)
    if at is not None and argv[at] in _DELEGATED:
        return _delegate(argv, at)
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(name)s: %(message)s",
    )
    if args.lang:
        os.environ["QLUE_LANG"] = args.lang
    try:
        if args.command == "db":
            return _db(args)
        if args.command == "seed":
            return _seed(args)
        if args.command == "simulate":
            return _simulate(args)
        if args.command == "photos":
            return _photos(args)
        return _gui(args)
    except QlueDatabaseError as exc:
        print(f"qlue-console: {exc}", file=sys.stderr)
        return 1
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
        print(f"qlue-console: database error: {reason}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _gui(args) -> int:
    from qlue_console.db.engine import parse_database_url

    target = resolve_target(args.database_url, args.read_url)
    for url in (target.url, target.read_url):
        if url is not None:
            parse_database_url(url)  # a bad URL is one line here, not a dialog or a traceback
    if args.screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qlue_console.gui.platform_check import missing_system_packages_message

    problem = missing_system_packages_message()
    if problem:
        print(f"qlue-console: {problem}", file=sys.stderr)
        return 1
    from qlue_console.gui.app import run_gui

    return run_gui(
        target,
        screenshot=args.screenshot,
        workspace=args.workspace,
        tile_url=args.tile_url or os.environ.get("QLUE_TILE_URL") or None,
        demo_role=args.demo_role,
    )


if __name__ == "__main__":
    sys.exit(main())
