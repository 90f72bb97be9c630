"""The embedded demo's logins: one per staff role, without a password (the embedded server
trusts its own Unix socket and listens nowhere else), each linked to a demo account.

    with engine.begin() as conn:            # the embedded server's superuser
        ensure_demo_logins(conn)
    url = demo_url(embedded_url, "operator")  # sign in as op.andi

Never run this against a central server: a login without a password is only safe where the
server accepts nobody but the local user.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.engine import URL, make_url

from qlue_console.db.sql_errors import translated_errors


@dataclass(frozen=True)
class DemoLogin:
    role: str
    login: str
    handle: str
    display_name: str


DEMO_LOGINS: tuple[DemoLogin, ...] = (
    DemoLogin("operator", "demo_operator", "op.andi", "Andi Pratama"),
    DemoLogin("supervisor", "demo_supervisor", "spv.rina", "Rina Kusuma"),
    DemoLogin("analyst", "demo_analyst", "analis.maya", "Maya Puspita"),
    DemoLogin("admin", "demo_admin", "admin.jsc", "Admin Jakarta Smart City"),
)
DEMO_ROLES: tuple[str, ...] = tuple(d.role for d in DEMO_LOGINS)


def demo_login(role: str) -> DemoLogin:
    for demo in DEMO_LOGINS:
        if demo.role == role:
            return demo
    raise ValueError(f"no demo login for role {role!r} (one of {', '.join(DEMO_ROLES)})")


def ensure_demo_logins(conn: Connection) -> list[str]:
    """Creates the missing demo logins and links them to their accounts; returns the logins
    created. Idempotent; the roles are cluster-wide, so a second database of the same
    embedded server only gets its accounts linked and the roles set right."""
    created: list[str] = []
    with translated_errors():
        for demo in DEMO_LOGINS:
            exists = conn.execute(
                text("SELECT 1 FROM pg_roles WHERE rolname = :l"), {"l": demo.login}
            ).first()
            if exists is None:
                conn.execute(
                    text("SELECT qlue_user_add(:l, NULL, :r, :h, :n, NULL)"),
                    {"l": demo.login, "r": demo.role, "h": demo.handle, "n": demo.display_name},
                )
                created.append(demo.login)
                continue
            role = conn.execute(text("SELECT qlue_role_of(:l)"), {"l": demo.login}).scalar()
            if role != demo.role:
                conn.execute(text(f"GRANT qlue_{demo.role} TO \"{demo.login}\""))
                conn.execute(
                    text("SELECT qlue_user_set_role(:l, :r)::text"),
                    {"l": demo.login, "r": demo.role},
                )
            linked = conn.execute(
                text("SELECT 1 FROM accounts WHERE login = :l"), {"l": demo.login}
            ).first()
            if linked is None:
                conn.execute(
                    text(
                        "INSERT INTO accounts (handle, display_name, kind, login) "
                        "VALUES (:h, :n, :k, :l) ON CONFLICT (lower(handle)) DO UPDATE "
                        "SET login = EXCLUDED.login, active = true WHERE accounts.login IS NULL"
                    ),
                    {"h": demo.handle, "n": demo.display_name, "k": demo.role, "l": demo.login},
                )
            conn.execute(text("SELECT qlue_user_enable(:l)::text"), {"l": demo.login})
    return created


def demo_url(url: str, role: str) -> str:
    """The URL of the embedded database signed in as the demo login of ``role``."""
    demo = demo_login(role)
    u = make_url(url)
    # URL.set(password=None) keeps the old password: build the URL without one.
    bare = URL.create(
        u.drivername,
        username=demo.login,
        host=u.host,
        port=u.port,
        database=u.database,
        query=u.query,
    )
    return bare.render_as_string(hide_password=False)
