"""The failover tests' cluster: a primary and a synchronous streaming standby of their own,
with the database ``qlue`` migrated and the reference data and demo people in it."""

from __future__ import annotations

import pytest

from qlue_console.db import migrate
from qlue_console.db.engine import make_engine
from qlue_console.seed.demo_people import seed_people
from qlue_console.seed.reference import seed_reference
from tests.failover.cluster import Cluster, start_cluster


@pytest.fixture
def cluster():
    running: Cluster = start_cluster()
    try:
        running.primary.sql("CREATE DATABASE qlue")
        engine = make_engine(running.primary.url())
        migrate.upgrade(engine)
        with engine.begin() as conn:
            seed_reference(conn)
            seed_people(conn)
        engine.dispose()
        yield running
    finally:
        running.close()
