"""The command line: one clear line and a non-zero exit for a user's mistake; the screenshot
command writes a real PNG of the loaded workspace."""

from __future__ import annotations

import os
import subprocess
import sys

from PIL import Image

from qlue_console.db import contract
from qlue_console.seed.demo_people import seed_people
from tests.photo_factory import jpeg


def _run(
    args: list[str], env_extra: dict | None = None, timeout: int = 180
) -> subprocess.CompletedProcess:
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "qlue_console", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )


def test_bad_database_url_is_one_clear_line():
    result = _run(["db", "current", "--database-url", "mysql://nobody@nowhere/db"])
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "PostgreSQL" in result.stderr and "Traceback" not in result.stderr


def test_unreachable_database_is_one_clear_line():
    result = _run(["db", "current", "--database-url", "postgresql://qlue@127.0.0.1:9/qlue"])
    assert result.returncode == 1
    assert "Cannot reach the database" in result.stderr and "Traceback" not in result.stderr


def test_db_current_names_the_revision(db_url):
    from qlue_console.db import migrate

    result = _run(["db", "current", "--database-url", db_url])
    assert result.returncode == 0, result.stderr
    assert f"revision: {migrate.head_revision()}" in result.stdout


def test_console_refuses_a_database_without_the_schema(db_url, db_engine):
    from qlue_console.db import migrate

    migrate.downgrade(db_engine, "base")
    result = _run(["--screenshot", "/tmp/never.png", "--database-url", db_url])
    assert result.returncode == 1
    assert "qlue-console db upgrade" in result.stderr


def test_screenshot_writes_a_png_of_the_loaded_workspace(tmp_path, db_url, db_engine):
    with db_engine.begin() as conn:
        seed_people(conn)
        for i in range(12):
            contract.submit_report(
                conn,
                channel="web",
                external_id=f"s{i}",
                citizen=f"w{i}",
                text_=f"Sampah {i}",
                category="sampah",
                lat=-6.17 - i * 0.01,
                lon=106.82 + i * 0.005,
                photo=jpeg(i),
            )
    out = tmp_path / "triage.png"
    result = _run(["--screenshot", str(out), "--database-url", db_url, "--lang", "en"])
    assert result.returncode == 0, result.stderr
    with Image.open(out) as image:
        assert image.size[0] >= 1200 and image.size[1] >= 700
        colours = image.convert("RGB").resize((64, 40)).getcolors(64 * 40)
    assert colours is not None and len(colours) > 20, "the screenshot is blank"


def test_a_bad_url_for_the_desktop_console_is_one_clear_line():
    result = _run(["--database-url", "notaurl"], {"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "Traceback" not in result.stderr
    assert "'notaurl' is not valid" in result.stderr


def test_global_options_before_a_command(tmp_path, db_url):
    out = tmp_path / "weekly.csv"
    result = _run(
        [
            "--database-url",
            db_url,
            "--lang",
            "en",
            "report",
            "weekly",
            "--by",
            "kota",
            "--out",
            str(out),
        ]
    )
    assert result.returncode == 0, result.stderr
    assert out.exists() and out.stat().st_size > 0
    result = _run(["-v", "--database-url", db_url, "escalate"])
    assert result.returncode == 0, result.stderr
    result = _run(["--database-url", db_url, "user", "list"])
    assert result.returncode == 0, result.stderr
    result = _run(["--database-url", db_url, "db", "current"])
    assert result.returncode == 0 and "revision:" in result.stdout, result.stderr


def test_global_options_after_a_command(tmp_path, db_url):
    result = _run(["escalate", "--database-url", db_url, "-v"])
    assert result.returncode == 0, result.stderr
    result = _run(["user", "list", "-v", f"--database-url={db_url}"])
    assert result.returncode == 0, result.stderr
    photo = tmp_path / "proof.jpg"
    photo.write_bytes(jpeg(3))
    result = _run(["--database-url", db_url, "check-photo", str(photo), "-v"])
    assert result.returncode == 0, result.stderr
    assert '"checks"' in result.stdout or "{" in result.stdout
