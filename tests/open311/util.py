"""Helpers of the Open311 tests (no fixtures: those are in conftest.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

MONAS = (-6.1754, 106.8272)


def shared_dir() -> Path:
    """``../shared/data/open311`` beside the checkout (a worktree's is two levels up); skips
    the test when it is absent."""
    here = Path(__file__).resolve().parents[2]
    for candidate in (here.parent / "shared", here.parent.parent / "shared"):
        found = candidate / "data" / "open311"
        if found.is_dir():
            return found
    pytest.skip("../shared/data/open311 is not present")


def load_example(path: Path):
    """A spec example: three of them write ``"service_code":001``, not valid JSON, read here
    as the string it stands for."""
    import re

    raw = path.read_text(encoding="utf-8")
    return json.loads(re.sub(r'(":\s*)(0\d+)(\s*[,}\n])', r'\1"\2"\3', raw))


def version(engine, report_id: int) -> int:
    with engine.connect() as conn:
        return conn.execute(
            text("SELECT version FROM reports WHERE id = :id"), {"id": report_id}
        ).scalar_one()
