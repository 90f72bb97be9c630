"""Where the console's database and data live, decided once from flags and the environment.

Precedence: ``--database-url`` > ``QLUE_DATABASE_URL`` > the embedded server in the data
folder (``QLUE_DATA_DIR`` or the platform's user data folder).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "qlue-console"


@dataclass(frozen=True)
class DatabaseTarget:
    url: str | None  # None: use the embedded server
    data_dir: Path

    @property
    def embedded(self) -> bool:
        return self.url is None


def data_dir() -> Path:
    configured = os.environ.get("QLUE_DATA_DIR")
    path = (
        Path(configured).expanduser() if configured else Path(platformdirs.user_data_dir(APP_NAME))
    )
    return path


def resolve_target(database_url: str | None = None) -> DatabaseTarget:
    url = database_url or os.environ.get("QLUE_DATABASE_URL") or None
    return DatabaseTarget(url=url, data_dir=data_dir())
