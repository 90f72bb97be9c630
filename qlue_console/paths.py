"""Where the files the package needs at run time live.

In a source checkout (or an editable install) `resources/`, `ui/` and `alembic/` sit at the
repository root beside the package; a wheel carries them inside the package as `_resources`,
`_ui` and `_alembic` (see pyproject's force-include). Both layouts are looked up here, once.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _locate(packaged: str, checkout: str) -> Path:
    for candidate in (_PACKAGE / packaged, _PACKAGE.parent / checkout):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"Qlue Console is missing its '{checkout}' folder (looked beside {_PACKAGE})"
    )


def resources_dir() -> Path:
    return _locate("_resources", "resources")


def ui_dir() -> Path:
    return _locate("_ui", "ui")


def alembic_dir() -> Path:
    return _locate("_alembic", "alembic")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
