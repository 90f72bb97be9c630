"""How long the UI event loop is ever blocked, and why: a 10 ms heartbeat timer on the UI thread
records the gap between beats and, for each gap, how long the UI thread was running and how long
it was runnable but waiting for a core other processes held (Linux: the thread's
/proc/self/task/<tid>/schedstat). A gap with little running time is the machine's doing, not the
console's.

    monitor = LoopMonitor(); monitor.start()
    ... run the event loop ...
    monitor.stop(); print(monitor.summary())

Used by bench_live.py and bench_filter_change.py; ``window()`` measures one stretch of a run.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] if ordered else float("nan")


class LoopMonitor:
    def __init__(self, interval_ms: int = 10, on_beat: Callable[[], None] | None = None) -> None:
        from PySide6.QtCore import QElapsedTimer, Qt, QTimer

        self.interval_ms = interval_ms
        self._on_beat = on_beat
        self._schedstat = f"/proc/self/task/{threading.get_native_id()}/schedstat"
        self._clock = QElapsedTimer()
        self._timer = QTimer(interval=interval_ms, timerType=Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._beat)
        self.gaps: list[float] = []       # ms between beats
        self.running: list[float] = []    # ms the UI thread ran within each gap
        self.queued: list[float] = []     # ms it waited for a core within each gap
        self._last = (0.0, 0.0, 0.0)

    def sched(self) -> tuple[float, float]:
        """(ms on a CPU, ms runnable but waiting for a CPU) of the UI thread so far."""
        try:
            with open(self._schedstat) as f:
                on_cpu, waiting, _slices = f.read().split()
            return int(on_cpu) / 1e6, int(waiting) / 1e6
        except OSError:   # not Linux: running time only
            return time.thread_time() * 1000, 0.0

    def start(self) -> None:
        self._clock.start()
        self._last = (float(self._clock.elapsed()), *self.sched())
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _beat(self) -> None:
        if self._on_beat is not None:
            self._on_beat()
        now = float(self._clock.elapsed())
        cpu, queued = self.sched()
        self.gaps.append(now - self._last[0])
        self.running.append(cpu - self._last[1])
        self.queued.append(queued - self._last[2])
        self._last = (now, cpu, queued)

    def mark(self) -> int:
        """A position to measure from (see ``longest_since``)."""
        return len(self.gaps)

    def longest_since(self, mark: int) -> tuple[float, float, float]:
        """(longest block in ms, the UI thread's running ms in it, its waiting-for-a-core ms)."""
        if len(self.gaps) <= mark:
            return 0.0, 0.0, 0.0
        i = max(range(mark, len(self.gaps)), key=lambda k: self.gaps[k])
        return self.gaps[i] - self.interval_ms, self.running[i], self.queued[i]

    def summary(self) -> str:
        if not self.gaps:
            return "event loop: no heartbeat recorded"
        worst = sorted(range(len(self.gaps)), key=lambda i: self.gaps[i], reverse=True)[:5]
        return "\n".join([
            f"event loop: heartbeat gaps p99 {_pct(self.gaps, 0.99):.0f} ms, longest block "
            f"{max(self.gaps) - self.interval_ms:.0f} ms (target < 100 ms)",
            "  the five longest gaps (the UI thread's time running / waiting for a core within each): "
            + ", ".join(f"{self.gaps[i]:.0f} ms ({self.running[i]:.0f} / {self.queued[i]:.0f})" for i in worst),
            f"  longest time the UI thread was busy between two beats: {max(self.running):.0f} ms",
        ])
