"""``qlue-console serve open311 [--host H] [--port P] [--workers N] [--photo-describers N]
[--database-url URL]``:
the Open311 gateway on a central PostgreSQL, or with none configured on the embedded demo
(started, migrated and seeded on first use, as the desktop console does)."""

from __future__ import annotations

import argparse
import sys

from qlue_console.bootstrap import open_database
from qlue_console.config import resolve_target
from qlue_console.db.errors import QlueDatabaseError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qlue-console serve",
        description="Serve the Open311 GeoReport v2 gateway over HTTP.",
    )
    parser.add_argument("service", choices=("open311",), help="what to serve")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8311, help="port (default 8311)")
    parser.add_argument(
        "--workers", type=int, default=1, help="worker processes, each with its own pool"
    )
    parser.add_argument(
        "--rate",
        type=float,
        default=20.0,
        help="POST requests a second per api_key, per worker process (default 20)",
    )
    parser.add_argument(
        "--burst", type=int, default=40, help="POST requests a key may send at once (default 40)"
    )
    parser.add_argument(
        "--photo-describers",
        type=int,
        default=1,
        metavar="N",
        help="processes adding stored photos' hashes and EXIF after the answer (default 1; "
        "0 when `qlue-console photos describe --follow` runs elsewhere)",
    )
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help="central PostgreSQL (default: $QLUE_DATABASE_URL, else the embedded demo)",
    )
    return parser


def serve_main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    if not 0 < args.port < 65536 or args.workers < 1:
        raise SystemExit("qlue-console serve: --port must be 1-65535 and --workers >= 1")
    if args.photo_describers < 0:
        raise SystemExit("qlue-console serve: --photo-describers must be >= 0")
    if not args.rate > 0 or args.burst < 1:
        raise SystemExit("qlue-console serve: --rate must be above 0 and --burst >= 1")
    from qlue_console.open311.serve import serve

    try:
        database = open_database(resolve_target(args.database_url), progress=_say)
        url = database.url
        database.engine.dispose()  # the gateway makes its own pool (one per worker)
    except QlueDatabaseError as exc:
        print(f"qlue-console: {exc}", file=sys.stderr)
        return 1
    print(
        f"Open311 gateway on http://{args.host}:{args.port}/ ({database.display_url})",
        file=sys.stderr,
    )
    serve(
        url,
        host=args.host,
        port=args.port,
        workers=args.workers,
        rate=args.rate,
        burst=args.burst,
        photo_describers=args.photo_describers,
    )
    return 0


def _say(message: str) -> None:
    print(message, file=sys.stderr)
