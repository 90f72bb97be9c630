"""A long hypothesis campaign over the channel contract: the four campaigns of
tests/access/test_fuzz_contract.py (wrappers and raw SQL for submit_report, submit_follow_up
and reopen_report), with many more examples and a fresh random seed each run.

    python bench/fuzz_contract.py [--examples 5000] [--seed N] [--only NAME ...]
                                  [--database-url URL | --data-dir DIR]

Without a URL it (re)creates the database ``qlue_fuzz`` on an embedded server in --data-dir
(default ./.bench-data-fuzz). With a URL the database must be migrated and the user must be
allowed to create roles (a channel login is made for the run and dropped after). Exit 0 when
every call either succeeded or was refused clearly with nothing written; 1 with hypothesis's
smallest failing example otherwise.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg2  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from sqlalchemy.engine import URL, make_url  # noqa: E402

from qlue_console.db import migrate  # noqa: E402
from qlue_console.db.embedded import start_embedded  # noqa: E402
from qlue_console.db.engine import make_engine  # noqa: E402
from qlue_console.seed.demo_people import seed_people  # noqa: E402
from qlue_console.seed.reference import seed_reference  # noqa: E402
from tests.access import fuzzing as fz  # noqa: E402

CAMPAIGNS = {
    "submit_report_wrapper": (
        dict(args=fz.wrapper_reports),
        lambda t, args: fz.submit_report_wrapper(t, args),
    ),
    "submit_report_sql": (dict(args=fz.raw_reports), lambda t, args: fz.submit_report_sql(t, args)),
    "follow_up": (dict(data=st.data()), lambda t, data: fz.follow_up(t, data)),
    "reopen": (dict(data=st.data()), lambda t, data: fz.reopen(t, data)),
}
CHANNEL_LOGIN = "bench_fuzz_channel"


def _dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _fresh_database(data_dir: Path) -> str:
    server_url = start_embedded(data_dir, database="postgres")
    admin = psycopg2.connect(_dsn(server_url))
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute('DROP DATABASE IF EXISTS "qlue_fuzz" WITH (FORCE)')
        cur.execute('CREATE DATABASE "qlue_fuzz"')
    admin.close()
    url = make_url(server_url).set(database="qlue_fuzz").render_as_string(hide_password=False)
    engine = make_engine(url)
    migrate.upgrade(engine)
    with engine.begin() as conn:
        seed_reference(conn)
        seed_people(conn)
    engine.dispose()
    return url


def _channel_url(owner_url: str) -> str:
    u = make_url(owner_url)
    return URL.create(
        u.drivername,
        username=CHANNEL_LOGIN,
        host=u.host,
        port=u.port,
        database=u.database,
        query=u.query,
    ).render_as_string(hide_password=False)


def _drawing_for(body, target):
    """The test hypothesis runs for one campaign: the drawn values, in order, into ``body``."""

    def campaign(**drawn):
        body(target, *drawn.values())

    return campaign


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument(
        "--examples", type=int, default=5000, help="examples per campaign (default 5000)"
    )
    p.add_argument("--seed", type=int, help="hypothesis seed (default: random)")
    p.add_argument("--only", nargs="+", choices=sorted(CAMPAIGNS), help="run only these campaigns")
    p.add_argument(
        "--database-url", help="a migrated database (the user must be allowed to create roles)"
    )
    p.add_argument("--data-dir", type=Path, default=Path(".bench-data-fuzz"))
    args = p.parse_args(argv)

    url = args.database_url or _fresh_database(args.data_dir)
    owner = psycopg2.connect(_dsn(url))
    owner.autocommit = True
    cursor = owner.cursor()
    cursor.execute(f'DROP ROLE IF EXISTS "{CHANNEL_LOGIN}"')
    cursor.execute(f'CREATE ROLE "{CHANNEL_LOGIN}" LOGIN IN ROLE qlue_channel')
    channel_url = _channel_url(url)
    engine = make_engine(channel_url)
    raw = psycopg2.connect(_dsn(channel_url))
    target = fz.prepare(fz.Target(engine=engine, raw=raw, cursor=cursor))
    failed = False
    try:
        for name in args.only or CAMPAIGNS:
            strategies, body = CAMPAIGNS[name]
            run_settings = settings(
                max_examples=args.examples,
                deadline=None,
                database=None,
                suppress_health_check=list(HealthCheck),
            )

            campaign = run_settings(given(**strategies)(_drawing_for(body, target)))

            if args.seed is not None:
                from hypothesis import seed

                campaign = seed(args.seed)(campaign)
            before = dict(target.outcomes)
            started = time.perf_counter()
            try:
                campaign()
                status = "ok"
            except Exception as exc:  # noqa: BLE001 - hypothesis re-raises the minimal failing example
                failed = True
                status = (
                    f"FAILED: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
                )
            elapsed = time.perf_counter() - started
            accepted = target.outcomes["accepted"] - before["accepted"]
            refused = target.outcomes["refused"] - before["refused"]
            print(
                f"{name:24} {args.examples:6} examples  {accepted:6} accepted  {refused:6} refused "
                f" {elapsed:7.1f} s  {status}",
                flush=True,
            )
        fz.assert_consistent(cursor)
        cursor.execute(fz.COUNTS)
        print("database: reports, photos, events, follow-ups, mentions =", cursor.fetchone())
    finally:
        raw.close()
        engine.dispose()
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
            (CHANNEL_LOGIN,),
        )
        cursor.execute(f'DROP OWNED BY "{CHANNEL_LOGIN}"')
        cursor.execute(f'DROP ROLE "{CHANNEL_LOGIN}"')
        owner.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
