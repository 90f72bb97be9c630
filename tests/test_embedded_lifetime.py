"""The embedded PostgreSQL lives as long as someone uses it: a second process shares the
running server, and the last one to exit stops it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from qlue_console.db.embedded import is_running

ROOT = Path(__file__).resolve().parent.parent
USER = (
    "import sys; from pathlib import Path; from qlue_console.db.embedded import start_embedded; "
    "start_embedded(Path(sys.argv[1])); print('up', flush=True); sys.stdin.readline()"
)


def _user(data_dir: Path) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-c", USER, str(data_dir)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "up", (
        process.stderr.read() if process.stderr else ""
    )
    return process


def _exit(process: subprocess.Popen) -> None:
    assert process.stdin is not None
    process.stdin.close()
    assert process.wait(timeout=120) == 0


def test_the_last_user_to_exit_stops_the_server(tmp_path):
    data_dir = tmp_path / "data"
    first = _user(data_dir)
    second = _user(data_dir)
    try:
        assert is_running(data_dir)
        _exit(first)
        assert is_running(data_dir), "the second user still needs the server"
        _exit(second)
        assert not is_running(data_dir), "nobody uses the server any more"
        third = _user(data_dir)  # and the next user starts it again
        assert is_running(data_dir)
        _exit(third)
        assert not is_running(data_dir)
    finally:
        for process in (first, second):
            if process.poll() is None:
                process.kill()
