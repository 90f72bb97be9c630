"""Concurrent edits across processes, each with its own connection: two consoles applying
triage actions to the same report at the same version — exactly one wins, the other gets a
ConflictError (QC001) naming who changed it, and nothing of the loser's action is left: no lost
update, for every pair of actions."""

from __future__ import annotations

import itertools
import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor

import pytest
from sqlalchemy import text

from qlue_console.db.errors import ConflictError
from qlue_console.db.sql_errors import translated_errors
from tests.access._workers import ACTIONS, apply_action
from tests.access.conftest import dsn, submit

MONAS = (-6.1754, 106.8272)
EVENT_KIND = {
    "category": "categorised",
    "priority": "prioritised",
    "triaged": "triaged",
    "reject": "rejected",
    "merge": "merged",
    "dispatch": "dispatched",
}
PAIRS = list(itertools.combinations_with_replacement(ACTIONS, 2))


@pytest.fixture(scope="module")
def pool():
    with ProcessPoolExecutor(
        max_workers=2, mp_context=multiprocessing.get_context("spawn")
    ) as executor:
        # its workers and its manager thread start with the first task: start them here, with
        # the module's fixtures, not inside the first test that uses the pool
        executor.submit(int).result(timeout=120)
        yield executor


def _effect_holds(action: str, which: int, row, originals) -> bool:
    """Whether the report shows the effect of ``action`` with argument set ``which``."""
    _, *variants = ACTIONS[action]
    args = variants[which]
    return {
        "category": lambda: row.category_code == args[0],
        "priority": lambda: row.priority == args[0],
        "triaged": lambda: row.status == "triaged",
        "reject": lambda: row.status == "rejected" and row.reject_reason == args[0],
        "merge": lambda: row.status == "duplicate" and row.duplicate_of == originals[args[0]],
        "dispatch": lambda: row.status == "dispatched",
    }[action]()


def test_every_pair_of_actions_has_exactly_one_winner(people_engine, login_url, pool):
    urls = [dsn(login_url("qlue_operator")), dsn(login_url("qlue_operator"))]
    with people_engine.begin() as conn:
        originals = {
            "ORIGINAL_A": submit(conn, "orig-a", MONAS),
            "ORIGINAL_B": submit(conn, "orig-b", MONAS),
        }
        reports = [submit(conn, f"pair{i}", MONAS, citizen=f"warga{i}") for i in range(len(PAIRS))]
    failures = []
    for (first, second), report_id in zip(PAIRS, reports, strict=True):
        start_at = time.time() + 0.4
        futures = [
            pool.submit(apply_action, urls[0], first, 0, report_id, 1, originals, start_at),
            pool.submit(apply_action, urls[1], second, 1, report_id, 1, originals, start_at),
        ]
        results = [f.result(timeout=60) for f in futures]
        outcomes = sorted(r[0] for r in results)
        if outcomes != ["QC001", "ok"]:
            failures.append(f"{first} vs {second}: {results}")
            continue
        winner = 0 if results[0][0] == "ok" else 1
        loser = 1 - winner
        actions = (first, second)
        assert "was changed by" in results[loser][1]
        with people_engine.connect() as conn:
            row = conn.execute(text("SELECT * FROM reports WHERE id = :r"), {"r": report_id}).one()
            kinds = (
                conn.execute(
                    text(
                        "SELECT kind FROM events WHERE report_id = :r AND kind <> 'created' "
                        "ORDER BY id"
                    ),
                    {"r": report_id},
                )
                .scalars()
                .all()
            )
        if not _effect_holds(actions[winner], winner, row, originals):
            failures.append(
                f"{first} vs {second}: the winner's {actions[winner]} is not in the report"
            )
        if actions[winner] != actions[loser] or ACTIONS[actions[loser]][1:] != ((), ()):
            if _effect_holds(actions[loser], loser, row, originals) and not _effect_holds(
                actions[loser], winner, row, originals
            ):
                failures.append(
                    f"{first} vs {second}: the loser's {actions[loser]} reached the report"
                )
        if kinds != [EVENT_KIND[actions[winner]]]:
            failures.append(f"{first} vs {second}: events {kinds}")
        if row.version != 2:
            failures.append(f"{first} vs {second}: version {row.version}")
    assert not failures, "\n".join(failures)


def test_the_second_console_waits_for_the_first_and_then_loses(people_engine, login_url, pool):
    """The first process holds the row lock for a second; the second blocks on it, then sees
    the new version and gets QC001 instead of overwriting."""
    urls = [dsn(login_url("qlue_operator")), dsn(login_url("qlue_supervisor"))]
    with people_engine.begin() as conn:
        report_id = submit(conn, "held", MONAS)
    start_at = time.time() + 0.4
    holder = pool.submit(apply_action, urls[0], "priority", 0, report_id, 1, {}, start_at, 1.0)
    waiter = pool.submit(apply_action, urls[1], "category", 0, report_id, 1, {}, start_at + 0.2)
    (held, _, _), (lost, _, waited) = holder.result(timeout=60), waiter.result(timeout=60)
    assert (held, lost) == ("ok", "QC001")
    assert waited > 0.5, f"the second call did not wait for the lock ({waited:.2f} s)"
    with people_engine.connect() as conn:
        row = conn.execute(
            text("SELECT priority, category_code, version FROM reports WHERE id = :r"),
            {"r": report_id},
        ).one()
    assert tuple(row) == (3, "sampah", 2)
    # The console turns it into a ConflictError that says who changed the report.
    with pytest.raises(ConflictError) as err, translated_errors(), people_engine.connect() as conn:
        conn.execute(text("SELECT set_report_category(:r, 1, 'banjir')"), {"r": report_id})
    assert err.value.details["kind"] == "prioritised" and err.value.details["version"] == 2
