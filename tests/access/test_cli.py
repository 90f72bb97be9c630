"""``qlue-console user …`` (qlue_console.access.cli.user_main): what an admin types, and one
clear line with a non-zero exit for every mistake."""

from __future__ import annotations

import io

import pytest

from qlue_console.access.cli import user_main
from qlue_console.access.roles import whoami
from qlue_console.db.engine import make_engine
from tests.access.conftest import unique_login, url_as


@pytest.fixture
def admin_url(login_url, people_engine):
    return login_url("qlue_admin")


def run(capsys, monkeypatch, *argv, stdin: str | None = None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = user_main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_role_scope_list_disable(admin_url, db_url, made_logins, capsys, monkeypatch):
    login = unique_login("cli.")
    made_logins.append(login)
    code, out, err = run(
        capsys,
        monkeypatch,
        "add",
        login,
        "--role",
        "operator",
        "--handle",
        "op.cli",
        "--name",
        "Operator CLI",
        "--kota",
        "31.72",
        "--password-stdin",
        "--database-url",
        admin_url,
        stdin="kata-sandi-cli\n",
    )
    assert (code, err) == (0, "")
    assert out.startswith(f"login {login} created as operator, account #") and "31.72" in out
    me = whoami(make_engine(url_as(db_url, login)))
    assert (me.role, me.handle, me.kota_code) == ("operator", "op.cli", "31.72")

    assert run(capsys, monkeypatch, "role", login, "supervisor", "--database-url", admin_url)[
        :2
    ] == (0, f"login {login} is now supervisor\n")
    assert run(capsys, monkeypatch, "scope", login, "all", "--database-url", admin_url)[1] == (
        f"login {login} sees every kota\n"
    )
    code, out, _ = run(capsys, monkeypatch, "list", "--database-url", admin_url)
    assert code == 0 and out.splitlines()[0].split() == [
        "LOGIN",
        "ROLE",
        "SIGN-IN",
        "ACCOUNT",
        "NAME",
        "KOTA",
    ]
    line = next(line for line in out.splitlines() if line.startswith(login))
    assert line.split()[:4] == [login, "supervisor", "yes", "@op.cli"] and line.endswith("all")
    code, out, _ = run(capsys, monkeypatch, "disable", login, "--database-url", admin_url)
    assert code == 0 and out.startswith(f"login {login} disabled")
    assert run(capsys, monkeypatch, "enable", login, "--database-url", admin_url)[:2] == (
        0,
        f"login {login} enabled\n",
    )


@pytest.mark.parametrize(
    "argv, stdin, message",
    [
        (["add", "Bad Name", "--role", "operator", "--no-password"], None, "not a valid login"),
        (
            ["add", "ok.name", "--role", "operator", "--password-stdin"],
            "pendek\n",
            "8 to 1024 characters",
        ),
        (
            ["add", "ok.name", "--role", "operator", "--password-stdin"],
            "",
            "stdin gave no password",
        ),
        (["add", "ok.name", "--role", "operator"], "", "--password-stdin"),  # no terminal to ask on
        (
            ["add", "ok.name", "--role", "operator", "--no-password", "--kota", "99"],
            None,
            "unknown kota",
        ),
        (["disable", "nobody.here"], None, "there is no login"),
        (["role", "postgres", "admin"], None, "reserved"),
        (["scope", "nobody.here", "31.71"], None, "there is no login"),
    ],
)
def test_mistakes_end_with_one_line(argv, stdin, message, admin_url, capsys, monkeypatch):
    code, out, err = run(capsys, monkeypatch, *argv, "--database-url", admin_url, stdin=stdin)
    assert code in (1, 2) and out == ""
    assert err.count("\n") == 1 and err.startswith("qlue-console user: ") and message in err, err


def test_a_non_admin_is_told_who_may(login_url, capsys, monkeypatch):
    code, out, err = run(
        capsys, monkeypatch, "list", "--database-url", login_url("qlue_supervisor")
    )
    assert (
        code == 1 and err.count("\n") == 1 and "only an admin" in err and "permission denied" in err
    )


def test_bad_command_lines_and_unreachable_servers(capsys, monkeypatch, tmp_path):
    code, _, err = run(capsys, monkeypatch, "add", "x.y", "--role", "root")
    assert code == 2 and "invalid choice" in err
    code, _, err = run(capsys, monkeypatch, "frobnicate")
    assert code == 2
    assert run(capsys, monkeypatch, "--help")[0] == 0
    code, _, err = run(
        capsys, monkeypatch, "list", "--database-url", f"postgresql://nobody@/qlue?host={tmp_path}"
    )
    assert code == 1 and err.count("\n") == 1 and "Cannot reach the database" in err
    code, _, err = run(capsys, monkeypatch, "list", "--database-url", "mysql://x@y/z")
    assert code == 1 and err.count("\n") == 1
