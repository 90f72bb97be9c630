"""A bulk action on 200 reports, as the console runs it: the selection's versions read once and
the bulk (one transaction per report, its version checked) on the TaskRunner, the result dialog
filled on the UI thread; the time from asking to the result on screen, and the longest the UI
event loop was blocked meanwhile (the issue: < 2 s, never > 100 ms).

    python bench/bench_bulk.py --database-url URL [--reports 200] [--rounds 3]

Each round sets the priority of the selection (the reports waiting for triage that nobody
holds, the newest first) and undoes it, so the database ends as it began but for the events.
Baseline in the same run, on the same reports: 200 separate single actions, each reading its
report's version and then acting with its own connection checkout (what the one-report path
does 200 times), and setting the priority back the same way.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

_PICK = """
    SELECT id FROM console_reports
     WHERE status IN ('new', 'triaged') AND claimed_by IS NULL
     ORDER BY created_at DESC, id DESC LIMIT :n"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from loop_monitor import LoopMonitor
    from PySide6.QtWidgets import QApplication, QWidget
    from sqlalchemy import text

    from qlue_console.db.engine import make_engine
    from qlue_console.gui.queue.bulk_actions import run_bulk
    from qlue_console.gui.queue.bulk_dialog import BulkResultDialog
    from qlue_console.gui.tasks import TaskRunner
    from qlue_console.triage import actions, bulk

    app = QApplication([])
    window = QWidget()
    window.resize(800, 600)
    window.show()
    engine = make_engine(args.database_url)
    tasks = TaskRunner()
    with engine.connect() as conn:
        ids = list(conn.execute(text(_PICK), {"n": args.reports}).scalars())
        total = conn.execute(text("SELECT count(*) FROM reports")).scalar_one()
    if len(ids) < args.reports:
        sys.exit(f"only {len(ids)} reports are waiting for triage unclaimed; need {args.reports}")
    print(f"{total:,} reports in the database; bulk actions on {len(ids)} of them")

    monitor = LoopMonitor()
    monitor.start()

    def on_worker(fn, *fn_args):
        """``fn`` on the TaskRunner, the event loop turning meanwhile (as in the console)."""
        box: list = []
        tasks.run(fn, *fn_args, on_done=box.append, on_error=box.append)
        while not box:
            app.processEvents()
            time.sleep(0.001)
        if isinstance(box[0], Exception):
            raise box[0]
        return box[0]

    def console_bulk(priority: int) -> tuple[float, float, bulk.BulkResult]:
        """Asked → the result on screen: (seconds, longest UI block in ms, result)."""
        mark = monitor.mark()
        started = time.perf_counter()
        targets = on_worker(bulk.snapshot, engine, ids)
        result = on_worker(run_bulk, engine, bulk.PRIORITY, targets, {"priority": priority})
        shown = BulkResultDialog(window, result, lambda: None)  # what the UI thread does
        shown.show()
        app.processEvents()
        elapsed = time.perf_counter() - started
        shown.close()
        return elapsed, monitor.longest_since(mark)[0], result

    def one_by_one(priority_of) -> float:
        """200 single actions: each reads its version, then acts (its own checkout each)."""
        started = time.perf_counter()

        def run() -> int:
            done = 0
            for report_id in ids:
                with engine.connect() as conn:
                    version = conn.execute(
                        text("SELECT version FROM console_reports WHERE id = :id"),
                        {"id": report_id},
                    ).scalar_one()
                actions.set_priority(engine, report_id, version, priority_of(report_id))
                done += 1
            return done

        on_worker(run)
        return time.perf_counter() - started

    bulk_times, undo_times, blocks, base_times = [], [], [], []
    for round_ in range(args.rounds):
        with engine.connect() as conn:
            before = dict(
                conn.execute(
                    text("SELECT id, priority FROM reports WHERE id = ANY(CAST(:ids AS bigint[]))"),
                    {"ids": ids},
                ).all()
            )
        target = 3 if statistics.mean(before.values()) < 2 else 0
        seconds, block, result = console_bulk(target)
        mark = monitor.mark()
        started = time.perf_counter()
        undone = on_worker(bulk.undo, engine, result)
        undo_times.append(time.perf_counter() - started)
        blocks += [block, monitor.longest_since(mark)[0]]
        bulk_times.append(seconds)
        refused = len(result.refused) + len(undone.refused)
        print(
            f"round {round_ + 1}: bulk {seconds:.2f} s ({len(result.done)} done, "
            f"{len(result.outcomes) - len(result.done)} unchanged or refused), undo "
            f"{undo_times[-1]:.2f} s, longest UI block {block:.0f} ms"
            + (f", {refused} refused" if refused else "")
        )
        base_times.append(one_by_one(lambda _r, p=target: p))
        one_by_one(lambda r, b=before: b[r])  # back as it was
        print(f"         baseline: {len(ids)} single actions {base_times[-1]:.2f} s")
    monitor.stop()
    bulk_med, base_med = statistics.median(bulk_times), statistics.median(base_times)
    print(
        f"\nbulk set priority on {len(ids)} reports: median {bulk_med:.2f} s asked → result on "
        f"screen (target < 2 s); undo median {statistics.median(undo_times):.2f} s; "
        f"longest UI-thread block {max(blocks):.0f} ms (target < 100 ms)"
    )
    print(
        f"baseline, {len(ids)} single actions each reading its version with its own checkout: "
        f"median {base_med:.2f} s — bulk/baseline {bulk_med / base_med:.2f}"
    )
    print(monitor.summary())
    tasks.wait_idle()
    engine.dispose()


if __name__ == "__main__":
    main()
