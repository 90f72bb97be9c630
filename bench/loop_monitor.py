"""How long the UI event loop is ever blocked, and why: a 10 ms heartbeat timer on the UI thread
records the gap between beats and, for each gap, how long the UI thread was running and how long
it was runnable but waiting for a core other processes held (Linux: the thread's
/proc/self/task/<tid>/schedstat), and how much CPU time the hypervisor took from this virtual
machine meanwhile (steal, /proc/stat, summed over the cores, in 10 ms ticks), and how long
Python's garbage collector ran meanwhile on any thread (it holds the interpreter lock, so the UI
thread cannot run Python then). A gap with little running time is the machine's doing, or
another thread's, not the UI thread's.

    monitor = LoopMonitor(); monitor.start()
    ... run the event loop ...
    monitor.stop(); print(monitor.summary())

Used by bench_live.py and bench_filter_change.py; ``window()`` measures one stretch of a run.
"""

from __future__ import annotations

import gc
import os
import threading
import time
from collections.abc import Callable

_TICKS_PER_S = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return (
        ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]
        if ordered
        else float("nan")
    )


class LoopMonitor:
    def __init__(self, interval_ms: int = 10, on_beat: Callable[[], None] | None = None) -> None:
        from PySide6.QtCore import QElapsedTimer, Qt, QTimer

        self.interval_ms = interval_ms
        self._on_beat = on_beat
        self._schedstat = f"/proc/self/task/{threading.get_native_id()}/schedstat"
        self._clock = QElapsedTimer()
        self._timer = QTimer(interval=interval_ms, timerType=Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._beat)
        self.gaps: list[float] = []  # ms between beats
        self.running: list[float] = []  # ms the UI thread ran within each gap
        self.queued: list[float] = []  # ms it waited for a core within each gap
        self.stolen: list[float] = []  # ms of steal (all cores) within each gap
        self.collecting: list[
            float
        ] = []  # ms the garbage collector ran (any thread) within each gap
        self._gc_ms = 0.0
        self._gc_started: dict[int, float] = {}
        self._last = (0.0, 0.0, 0.0, 0.0)

    def sched(self) -> tuple[float, float]:
        """(ms on a CPU, ms runnable but waiting for a CPU) of the UI thread so far."""
        try:
            with open(self._schedstat) as f:
                on_cpu, waiting, _slices = f.read().split()
            return int(on_cpu) / 1e6, int(waiting) / 1e6
        except OSError:  # not Linux: running time only
            return time.thread_time() * 1000, 0.0

    @staticmethod
    def steal() -> float:
        """ms of CPU time the hypervisor has taken from this machine's cores so far (0 if
        unknown)."""
        try:
            with open("/proc/stat") as f:
                fields = f.readline().split()
            return int(fields[8]) * 1000 / _TICKS_PER_S
        except (OSError, IndexError, ValueError):
            return 0.0

    def _gc_event(self, phase: str, _info: dict) -> None:
        me = threading.get_ident()
        if phase == "start":
            self._gc_started[me] = time.perf_counter()
        elif me in self._gc_started:
            self._gc_ms += (time.perf_counter() - self._gc_started.pop(me)) * 1000

    def start(self) -> None:
        gc.callbacks.append(self._gc_event)
        self._clock.start()
        self._last = (float(self._clock.elapsed()), *self.sched(), self.steal())
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._gc_event in gc.callbacks:
            gc.callbacks.remove(self._gc_event)

    def _beat(self) -> None:
        if self._on_beat is not None:
            self._on_beat()
        now = float(self._clock.elapsed())
        cpu, queued = self.sched()
        stolen = self.steal()
        self.gaps.append(now - self._last[0])
        self.running.append(cpu - self._last[1])
        self.queued.append(queued - self._last[2])
        self.stolen.append(stolen - self._last[3])
        self.collecting.append(self._gc_ms)
        self._gc_ms = 0.0
        self._last = (now, cpu, queued, stolen)

    def mark(self) -> int:
        """A position to measure from (see ``longest_since``)."""
        return len(self.gaps)

    def longest_since(self, mark: int) -> tuple[float, float, float, float, float]:
        """(longest block in ms, the UI thread's running ms in it, its waiting-for-a-core ms,
        the hypervisor's steal ms and the garbage collector's ms meanwhile)."""
        if len(self.gaps) <= mark:
            return 0.0, 0.0, 0.0, 0.0, 0.0
        i = max(range(mark, len(self.gaps)), key=lambda k: self.gaps[k])
        return (
            self.gaps[i] - self.interval_ms,
            self.running[i],
            self.queued[i],
            self.stolen[i],
            self.collecting[i],
        )

    def summary(self) -> str:
        if not self.gaps:
            return "event loop: no heartbeat recorded"
        worst = sorted(range(len(self.gaps)), key=lambda i: self.gaps[i], reverse=True)[:5]
        return "\n".join(
            [
                f"event loop: heartbeat gaps p99 {_pct(self.gaps, 0.99):.0f} ms, longest block "
                f"{max(self.gaps) - self.interval_ms:.0f} ms (target < 100 ms)",
                "  the five longest gaps (the UI "
                "thread's time running / waiting for a core within each / hypervisor steal / "
                "garbage collection): "
                + ", ".join(
                    f"{self.gaps[i]:.0f} ms ({self.running[i]:.0f} / {self.queued[i]:.0f} / "
                    f"{self.stolen[i]:.0f} / {self.collecting[i]:.0f})"
                    for i in worst
                ),
                f"  hypervisor steal during the run: {sum(self.stolen):.0f} ms",
                f"  longest time the UI thread was busy between two beats: {max(self.running):.0f} "
                "ms",
            ]
        )
