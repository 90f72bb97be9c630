"""The architecture is checked by a tool: the plain-Python part of the package (domain, data,
photos, KPIs, exports, access, the CLI's helpers) imports no Qt and nothing from the Qt layer,
and every module imports only from the layers below its own (pyproject's layers contract)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept():
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def test_the_qt_layer_runs_no_sql():
    """The Qt layer calls functions that return plain data: no module under gui/ builds or
    executes a statement itself (engines may pass through it, as a handle)."""
    import ast

    statements = {
        "text",
        "select",
        "insert",
        "update",
        "delete",
        "literal_column",
        "func",
        "bindparam",
    }
    offenders = []
    for path in sorted((ROOT / "qlue_console" / "gui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy"):
                offenders += [
                    f"{path.name}: imports {a.name}" for a in node.names if a.name in statements
                ]
            elif isinstance(node, ast.Attribute) and node.attr in (
                "execute",
                "exec_driver_sql",
                "scalars",
                "scalar_one",
                "mappings",
            ):
                offenders.append(f"{path.name}:{node.lineno}: .{node.attr}(…)")
    assert offenders == []
