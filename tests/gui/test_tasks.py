"""The one background-work helper: results come back on the GUI thread, newer tasks of a
channel supersede older ones, and coalescing channels never pile up."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread

from qlue_console.gui.tasks import TaskRunner


def test_results_and_errors_arrive_on_the_gui_thread(qtbot):
    runner = TaskRunner()
    gui_thread = QThread.currentThread()
    seen: dict = {}
    runner.run(
        lambda: threading.get_ident(),
        on_done=lambda r: seen.update(done=(r, QThread.currentThread())),
    )
    runner.run(
        lambda: 1 / 0, on_error=lambda e: seen.update(error=(type(e), QThread.currentThread()))
    )
    qtbot.waitUntil(lambda: "done" in seen and "error" in seen, timeout=5_000)
    assert seen["done"][0] != threading.get_ident() and seen["done"][1] is gui_thread
    assert seen["error"] == (ZeroDivisionError, gui_thread)


def test_a_newer_task_supersedes_an_older_one(qtbot):
    runner = TaskRunner()
    shown: list[str] = []
    older_may_end = threading.Event()
    runner.run(lambda: (older_may_end.wait(5), "old")[1], on_done=shown.append, channel="detail")
    runner.run(lambda: "new", on_done=shown.append, channel="detail")
    qtbot.waitUntil(lambda: shown == ["new"], timeout=5_000)
    older_may_end.set()  # the older task ends after the newer one was shown
    qtbot.waitUntil(lambda: runner.pending() == 0, timeout=5_000)
    assert shown == ["new"]


def test_coalescing_runs_one_at_a_time_and_only_the_last_request(qtbot):
    runner = TaskRunner()
    started: list[int] = []
    done: list[int] = []
    gate = threading.Event()

    def work(n: int) -> int:
        started.append(n)
        if n == 0:
            gate.wait(5)
        return n

    for n in range(5):
        runner.run(work, n, on_done=done.append, channel="counts", coalesce=True)
    qtbot.waitUntil(lambda: started == [0], timeout=5_000)
    assert runner.pending() == 1  # the others wait instead of filling the pool
    gate.set()
    qtbot.waitUntil(lambda: runner.pending() == 0 and len(started) == 2, timeout=5_000)
    assert started == [0, 4] and done == [4]
