"""The closed states exist once: SQL's ``qlue_report_is_open`` (migration 0014) and Python's
``CLOSED_STATES`` agree on every state the reports table allows, and the queue's modules spell
no list of closed states in their SQL."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import text

from qlue_console.domain.states import ALL_STATES, CLOSED_STATES, OPEN_STATES, State

PACKAGE = Path(__file__).resolve().parent.parent / "qlue_console"
# The modules of the queue and its counts (the others are checked as their read paths move).
QUEUE_MODULES = (
    "data/queue.py",
    "data/counters.py",
    "domain/states.py",
    "gui/live.py",
    "gui/main_window.py",
    "gui/queue_model.py",
    "gui/queue_pane.py",
    "gui/queue/*.py",
    "triage/queue_rows.py",
)
# two quoted states in a row: the shape of an SQL list of states, "('verified', 'rejected'"
STATE_LIST = re.compile(
    r"'({states})'\s*,\s*'({states})'".format(states="|".join(s.value for s in State))
)


def _states_the_table_allows(engine) -> set[str]:
    with engine.connect() as conn:
        definitions = conn.execute(
            text(
                "SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = 'reports'::regclass AND contype = 'c'"
            )
        ).scalars()
        (status_check,) = [d for d in definitions if "status" in d and "verified" in d]
    return set(re.findall(r"'([a-z_]+)'", status_check))


def test_sql_and_python_agree_on_every_state_the_table_allows(db_engine):
    states = _states_the_table_allows(db_engine)
    assert states == set(ALL_STATES)
    with db_engine.connect() as conn:
        for state in sorted(states):
            is_open = conn.execute(
                text("SELECT qlue_report_is_open(:s)"), {"s": state}
            ).scalar_one()
            assert is_open == (state not in CLOSED_STATES), state
    assert set(OPEN_STATES) == states - CLOSED_STATES


def test_the_view_reads_open_and_overdue_through_the_same_function(db_engine):
    with db_engine.connect() as conn:
        definition = conn.execute(
            text("SELECT pg_get_viewdef('console_reports'::regclass)")
        ).scalar_one()
    assert "qlue_report_is_open(" in definition
    assert not STATE_LIST.search(definition)


def test_the_queue_modules_spell_no_list_of_states_in_sql():
    files = sorted({path for pattern in QUEUE_MODULES for path in PACKAGE.glob(pattern)})
    assert len(files) >= len(QUEUE_MODULES)
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in files
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if STATE_LIST.search(line)
    ]
    assert offenders == []
