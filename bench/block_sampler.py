"""Where the UI thread spends a blocked event loop: a watchdog thread samples the main thread's
Python stack every few milliseconds while the heartbeat is late, and prints the stacks seen
most often during blocks. A block spent inside Qt/Chromium (no Python running) shows as the
event-loop call itself (processEvents / exec).

    sampler = BlockSampler(threshold_ms=60); sampler.start(); ... sampler.beat() from a QTimer ...
    sampler.stop(); sampler.print_report()
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from collections import Counter


class BlockSampler:
    def __init__(
        self, threshold_ms: float = 60.0, interval_ms: float = 5.0, depth: int = 6
    ) -> None:
        self._threshold = threshold_ms / 1000.0
        self._interval = interval_ms / 1000.0
        self._depth = depth
        self._main = threading.main_thread().ident
        self._last_beat = time.monotonic()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="block-sampler", daemon=True)
        self.stacks: Counter[str] = Counter()
        self.samples = 0

    def beat(self) -> None:
        self._last_beat = time.monotonic()

    def start(self) -> None:
        self._last_beat = time.monotonic()
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            if time.monotonic() - self._last_beat < self._threshold:
                continue
            frame = sys._current_frames().get(self._main)
            if frame is None:
                continue
            summary = traceback.extract_stack(frame)[-self._depth :]
            key = " <- ".join(
                f"{f.name}@{f.filename.rsplit('/', 1)[-1]}:{f.lineno}" for f in reversed(summary)
            )
            self.stacks[key] += 1
            self.samples += 1

    def print_report(self, top: int = 12) -> None:
        print(
            f"blocked-loop samples: {self.samples} (every {self._interval * 1000:.0f} ms while the "
            f"heartbeat was more than {self._threshold * 1000:.0f} ms late)"
        )
        for key, n in self.stacks.most_common(top):
            print(f"  {n:5d}  {key}")
