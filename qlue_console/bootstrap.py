"""Getting from "no configuration" or a URL to a database the console can use, seeded for the
demo: the start-up both the command line and the Qt layer run (above the feature packages,
whose demo data and logins it writes).

Embedded: start the private server, migrate it, and seed the demo city on first run.
Central: connect and check that the schema revision matches this code; migrating a central
server is an operator's step (``qlue-console db upgrade``), never done silently at start-up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine, text

from qlue_console.config import DatabaseTarget
from qlue_console.db import migrate
from qlue_console.db.embedded import start_embedded
from qlue_console.db.engine import check_connection, describe, make_engine

log = logging.getLogger(__name__)

DEMO_REPORTS = 3000
DEMO_WEEKS = 8

Progress = Callable[[str], None]


@dataclass(frozen=True)
class OpenDatabase:
    url: str
    engine: Engine
    embedded: bool
    seeded_now: bool

    @property
    def display_url(self) -> str:
        return describe(self.url, embedded=self.embedded)


def is_empty(engine: Engine) -> bool:
    with engine.connect() as conn:
        return conn.execute(text("SELECT NOT EXISTS (SELECT 1 FROM reports)")).scalar_one()


def seed_demo(
    engine: Engine,
    reports: int = DEMO_REPORTS,
    weeks: int = DEMO_WEEKS,
    progress: Callable[[int, int], None] | None = None,
):
    from qlue_console.seed.demo_people import seed_people
    from qlue_console.seed.demo_reports import seed_demo_reports
    from qlue_console.seed.reference import seed_reference

    with engine.begin() as conn:
        seed_reference(conn)
        seed_people(conn)
    return seed_demo_reports(engine, reports=reports, weeks=weeks, progress=progress)


def open_database(
    target: DatabaseTarget,
    progress: Progress = log.info,
    seed_progress: Callable[[int, int], None] | None = None,
) -> OpenDatabase:
    if target.url is None:  # embedded
        progress("Starting the embedded PostgreSQL…")
        url = start_embedded(target.data_dir)
        engine = make_engine(url)
        check_connection(engine)
        progress("Migrating the database…")
        migrate.upgrade(engine)
        seeded = False
        if is_empty(engine):
            progress("Preparing the demo city (first start)…")
            seed_demo(engine, progress=seed_progress)
            seeded = True
        from qlue_console.access.demo_logins import ensure_demo_logins

        with engine.begin() as conn:  # the demo's people sign in with their own logins
            ensure_demo_logins(conn)
        return OpenDatabase(url, engine, embedded=True, seeded_now=seeded)
    url = target.url
    engine = make_engine(url)
    progress("Connecting to the central database…")
    check_connection(engine)
    migrate.ensure_current(engine)
    return OpenDatabase(url, engine, embedded=False, seeded_now=False)
