"""``qlue-console user``: an admin manages logins, their roles, kota scopes and accounts.

    qlue-console user add LOGIN --role operator [--handle H] [--name N] [--kota 31.72]
                                [--password-stdin | --no-password]
    qlue-console user disable LOGIN      qlue-console user enable LOGIN
    qlue-console user role LOGIN ROLE    qlue-console user scope LOGIN (KOTA | all)
    qlue-console user list

Run it signed in as an admin (``--database-url postgresql://admin.login@host/db``); the
database refuses anyone else. A mistake ends with one line on stderr and exit 1 (2 for a bad
command line); the password is read from stdin or asked without echo, never from the
command line.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from qlue_console.access import users
from qlue_console.access.admin_command import admin_engine, run_admin_command
from qlue_console.access.roles import ROLES

PROG = "qlue-console user"


class _UsageError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--database-url",
        metavar="URL",
        help="the database, signed in as an admin "
        "(default: $QLUE_DATABASE_URL, else the embedded server)",
    )
    common.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    p = argparse.ArgumentParser(
        prog=PROG,
        parents=[common],
        description="Manage the logins of the console (an admin's task).",
    )
    sub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = sub.add_parser("add", parents=[common], help="create a login in a role, with its account")
    add.add_argument("login")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument(
        "--handle", help="the account's handle (default: the login; an existing account is linked)"
    )
    add.add_argument("--name", help="the account's display name")
    add.add_argument("--kota", metavar="CODE", help="limit the login to one kota, e.g. 31.72")
    password = add.add_mutually_exclusive_group()
    password.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of stdin",
    )
    password.add_argument(
        "--no-password",
        action="store_true",
        help="no password (only for servers that authenticate otherwise, e.g. a local socket)",
    )
    for name, text_ in (
        ("disable", "take a login's right to sign in away and end its sessions"),
        ("enable", "let a disabled login sign in again"),
    ):
        sub.add_parser(name, parents=[common], help=text_).add_argument("login")
    role = sub.add_parser("role", parents=[common], help="move a login to another role")
    role.add_argument("login")
    role.add_argument("role", choices=ROLES)
    scope = sub.add_parser(
        "scope", parents=[common], help="limit a login to one kota ('all' lifts the limit)"
    )
    scope.add_argument("login")
    scope.add_argument("kota", metavar="KOTA|all")
    sub.add_parser("list", parents=[common], help="list the logins with role, account and scope")
    return p


def _password(args) -> str | None:
    if args.no_password:
        return None
    if args.password_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise _UsageError("--password-stdin: stdin gave no password")
        return line
    if not sys.stdin.isatty():
        raise _UsageError("give the password with --password-stdin (or --no-password)")
    first = getpass.getpass(f"Password for {args.login}: ")
    if first != getpass.getpass("Again: "):
        raise _UsageError("the two passwords differ")
    return first


def _format_list(rows: list[users.UserRow]) -> str:
    header = ("LOGIN", "ROLE", "SIGN-IN", "ACCOUNT", "NAME", "KOTA")
    table = [header] + [
        (
            r.login,
            r.role or "-",
            "yes" if r.can_login else "disabled",
            f"@{r.handle}" if r.handle else "-",
            r.display_name or "-",
            r.kota_code or "all",
        )
        for r in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in table
    )


def _run(args) -> int:
    password = _password(args) if args.action == "add" else None
    engine = admin_engine(args.database_url)
    try:
        with engine.begin() as conn:
            if args.action == "add":
                account = users.add_user(
                    conn,
                    args.login,
                    args.role,
                    password=password,
                    handle=args.handle,
                    display_name=args.name,
                    kota_code=args.kota,
                )
                linked = f", account #{account}" if account is not None else ""
                scope = f", limited to kota {args.kota}" if args.kota else ""
                print(f"login {args.login} created as {args.role}{linked}{scope}")
            elif args.action == "disable":
                ended = users.disable_user(conn, args.login)
                print(f"login {args.login} disabled ({ended} session(s) ended)")
            elif args.action == "enable":
                users.enable_user(conn, args.login)
                print(f"login {args.login} enabled")
            elif args.action == "role":
                users.set_role(conn, args.login, args.role)
                print(f"login {args.login} is now {args.role}")
            elif args.action == "scope":
                kota = None if args.kota.lower() == "all" else args.kota
                users.set_scope(conn, args.login, kota)
                print(f"login {args.login} sees {'every kota' if kota is None else 'kota ' + kota}")
            else:
                print(_format_list(users.list_users(conn)))
    finally:
        engine.dispose()
    return 0


def user_main(argv: list[str] | None = None) -> int:
    return run_admin_command(PROG, _parser(), _run, argv, manages="logins", usage_error=_UsageError)


if __name__ == "__main__":
    sys.exit(user_main())
