"""Where the console's database and data live, decided once from flags and the environment.

Precedence: ``--database-url`` > ``QLUE_DATABASE_URL`` > the embedded server in the data
folder (``QLUE_DATA_DIR`` or the platform's user data folder). Read-only work (the Reports
workspace, exports, ``report weekly``) may go to a standby: ``--read-url`` >
``QLUE_READ_DATABASE_URL``; without one, to the primary.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import platformdirs

APP_NAME = "qlue-console"


@dataclass(frozen=True)
class DatabaseTarget:
    url: str | None  # None: use the embedded server
    data_dir: Path
    read_url: str | None = None  # a standby for read-only work; None: the primary does it all

    @property
    def embedded(self) -> bool:
        return self.url is None


def data_dir() -> Path:
    configured = os.environ.get("QLUE_DATA_DIR")
    path = (
        Path(configured).expanduser() if configured else Path(platformdirs.user_data_dir(APP_NAME))
    )
    return path


def normalize_database_url(url: str) -> str:
    """libpq's multi-host authority (``postgresql://u@a:5432,b:5433/db``), which SQLAlchemy
    cannot parse, written as the equivalent ``?host=a,b&port=5432,5433`` form; other URLs as
    they are."""
    try:
        split = urlsplit(url)
    except ValueError:
        return url
    userinfo, _, hosts = split.netloc.rpartition("@")
    if not split.scheme.startswith("postgres") or "," not in hosts:
        return url
    names, ports = [], []
    for host in hosts.split(","):
        name, port = host, ""
        if host.startswith("["):  # [ipv6]:port
            name, _, rest = host[1:].partition("]")
            port = rest.lstrip(":")
        elif host.count(":") == 1:
            name, port = host.split(":")
        names.append(name)
        ports.append(port or "5432")
    query = f"host={quote(','.join(names))}&port={quote(','.join(ports))}"
    if split.query:
        query += "&" + split.query
    netloc = f"{userinfo}@" if userinfo else ""
    return urlunsplit((split.scheme, netloc, split.path, query, split.fragment))


def resolve_target(database_url: str | None = None, read_url: str | None = None) -> DatabaseTarget:
    url = database_url or os.environ.get("QLUE_DATABASE_URL") or None
    read = read_url or os.environ.get("QLUE_READ_DATABASE_URL") or None
    return DatabaseTarget(
        url=normalize_database_url(url) if url else None,
        data_dir=data_dir(),
        read_url=normalize_database_url(read) if read else None,
    )
