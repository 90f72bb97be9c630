"""The signed-in person as the database sees them (``qlue_whoami()``), and which workspaces
each role may use. The console hides the others; PostgreSQL refuses their writes anyway."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Engine, text

ROLES = ("channel", "analyst", "operator", "supervisor", "admin")
"""The group roles, least to most capable (a supervisor may do all an operator does, an
admin all a supervisor does; an analyst only reads)."""

ALL_WORKSPACES = ("triage", "directory", "verify", "reports", "users")

_WORKSPACES: dict[str, tuple[str, ...]] = {
    "channel": (),
    "analyst": ("reports",),
    "operator": ("triage", "directory"),
    "supervisor": ("triage", "directory", "verify"),
    "admin": ALL_WORKSPACES,
}
_READ_ONLY: dict[str, frozenset[str]] = {"analyst": frozenset({"reports"})}


@dataclass(frozen=True)
class Identity:
    login: str
    role: str | None  # None: the login is in no Qlue group role
    handle: str | None  # the linked account, if any
    display_name: str | None
    limited: bool  # limited to one kota (row-level security)
    kota_code: str | None  # that kota; None with limited=True means "no scope here": sees nothing
    kota_name: str | None
    superuser: bool = False

    @property
    def name(self) -> str:
        """How the console greets the person."""
        return self.display_name or self.handle or self.login

    @property
    def workspaces(self) -> tuple[str, ...]:
        return workspaces_for(self.role)

    def may_use(self, workspace: str) -> bool:
        return workspace in self.workspaces

    def read_only(self, workspace: str) -> bool:
        return is_read_only(self.role, workspace)


def workspaces_for(role: str | None) -> tuple[str, ...]:
    """The workspaces a role may use, in toolbar order (empty for no or an unknown role)."""
    return _WORKSPACES.get(role or "", ())


def is_read_only(role: str | None, workspace: str) -> bool:
    return workspace in _READ_ONLY.get(role or "", frozenset())


def whoami(bind: Engine | Connection) -> Identity:
    """Asks the database who this connection's login is."""
    sql = text(
        "SELECT w.*, (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) AS superuser "
        "FROM qlue_whoami() w"
    )
    if isinstance(bind, Engine):
        with bind.connect() as conn:
            row = conn.execute(sql).mappings().one()
    else:
        row = bind.execute(sql).mappings().one()
    return Identity(
        login=row["login"],
        role=row["role"],
        handle=row["handle"],
        display_name=row["display_name"],
        limited=bool(row["limited"]),
        kota_code=row["kota_code"],
        kota_name=row["kota_name"],
        superuser=bool(row["superuser"]),
    )
