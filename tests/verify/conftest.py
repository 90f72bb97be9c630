"""The verifier's fixtures: the small city of weak proofs (``city.py``), with or without its
checks computed."""

from __future__ import annotations

import pytest

from qlue_console.verify.checking import check_pending

from .city import build_city


@pytest.fixture
def city(db_engine):
    """The city's follow-ups, checks not computed yet: (engine, ids)."""
    return db_engine, build_city(db_engine)


@pytest.fixture
def checked_city(city):
    """The city with every follow-up's checks stored: (engine, ids)."""
    engine, _ids = city
    check_pending(engine, limit=100)
    return city
