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


# Public functions and classes of qlue_console that only tests or benchmarks use, each with the
# test file that still needs it; the list only shrinks (production code carries no API of its own
# for tests). Methods are not scanned: a name read as an attribute cannot be told from another's.
USED_ONLY_BY_TESTS_FOR_NOW = {
    "qlue_console.photos.demo.mirrored": "tests/verify/test_checks_db.py, tests/photos",
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _references(path: Path, modules: set[str]) -> set[tuple[str, str]]:
    """(module, name) pairs a file refers to: names imported from a module, ``module.name``
    through an imported module, and, inside the package, a module's own names."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    own = _module_name(path) if path.is_relative_to(ROOT / "qlue_console") else None
    aliases: dict[str, str] = {}
    found: set[tuple[str, str]] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                found.add((node.module, alias.name))
                if f"{node.module}.{alias.name}" in modules:
                    aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                aliases[alias.asname or alias.name] = alias.name
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            chain, base = [], node.value
            while isinstance(base, ast.Attribute):
                chain.append(base.attr)
                base = base.value
            if isinstance(base, ast.Name):
                dotted = [aliases.get(base.id, base.id), *reversed(chain)]
                found.add((".".join(dotted), node.attr))
        elif isinstance(node, ast.Name) and own is not None:
            found.add((own, node.id))
    return found


def test_production_code_carries_no_api_used_only_by_tests():
    """Every public top-level function and class of the package is used by the package itself
    (or its migrations and tools), not only by tests/ or bench/."""
    import ast

    files = sorted((ROOT / "qlue_console").rglob("*.py"))
    modules = {_module_name(p) for p in files}
    public = {
        f"{_module_name(p)}.{node.name}"
        for p in files
        for node in ast.parse(p.read_text(encoding="utf-8")).body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        and not node.name.startswith("_")
    }
    used: set[str] = {"qlue_console.cli.main"}  # the console script (pyproject)
    for folder in ("qlue_console", "alembic", "tools"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            used |= {f"{m}.{n}" for m, n in _references(path, modules)}
    unused = sorted(public - used)
    assert [name for name in unused if name not in USED_ONLY_BY_TESTS_FOR_NOW] == []
    now_used = [name for name in USED_ONLY_BY_TESTS_FOR_NOW if name in public and name in used]
    assert now_used == [], "the package uses these now: take them off the list"


def test_the_benchmarks_import_only_what_the_package_has():
    """Benchmarks are not run by the suite; a name they import from the package that is gone
    (renamed or removed) fails here instead of on the day someone measures."""
    import ast
    import importlib
    import importlib.util

    missing = []
    for path in sorted((ROOT / "bench").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("qlue_console"):
                module = importlib.import_module(node.module or "")
                missing += [
                    f"{path.name}: {node.module}.{alias.name}"
                    for alias in node.names
                    if not hasattr(module, alias.name)
                    and not (
                        hasattr(module, "__path__")
                        and importlib.util.find_spec(f"{node.module}.{alias.name}")
                    )
                ]
    assert missing == []
