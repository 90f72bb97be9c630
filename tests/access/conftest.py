"""Fixtures of the access tests: psycopg2 connections as a given login, logins made through
qlue_user_add (cluster-wide roles, dropped afterwards), and reports in two kotas."""

from __future__ import annotations

import itertools
import os

import psycopg2
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

_counter = itertools.count()

MONAS = (-6.1754, 106.8272)  # Gambir, Jakarta Pusat (31.71)
KELAPA_GADING = (-6.1588, 106.9056)  # Kelapa Gading, Jakarta Utara (31.72)
OPEN_SEA = (-5.0, 105.0)  # outside DKI: no kota


def dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def connect(url: str, autocommit: bool = True):
    conn = psycopg2.connect(dsn(url))
    conn.autocommit = autocommit
    return conn


def url_as(db_url: str, login: str) -> str:
    return make_url(db_url).set(username=login, password=None).render_as_string(hide_password=False)


def login_of(url: str) -> str:
    return make_url(url).username


def unique_login(prefix: str) -> str:
    return f"{prefix}{os.getpid()}.{next(_counter)}"


def drop_roles(db_url: str, names) -> None:
    admin = connect(db_url)
    with admin.cursor() as cur:
        for name in names:
            cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,))
            if cur.fetchone() is None:
                continue
            cur.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", (name,)
            )
            cur.execute(f'REASSIGN OWNED BY "{name}" TO CURRENT_USER')
            cur.execute(f'DROP OWNED BY "{name}"')
            cur.execute(f'DROP ROLE "{name}"')
    admin.close()


@pytest.fixture
def superuser(db_url):
    conn = connect(db_url)
    yield conn
    conn.close()


@pytest.fixture
def made_logins(db_url):
    """Names of logins a test creates through the user functions; dropped at the end."""
    names: list[str] = []
    yield names
    drop_roles(db_url, names)


@pytest.fixture
def channel_name(made_logins):
    """Factory: a channel name no other test uses (its login, cluster-wide, is dropped after)."""

    def make() -> str:
        name = f"t{os.getpid()}-{next(_counter)}"
        made_logins.append(f"channel.{name}")
        return name

    return make


@pytest.fixture
def new_login(db_url, superuser, made_logins):
    """Factory: a login made by qlue_user_add (as the superuser) → its URL."""

    def make(
        role: str, *, kota: str | None = None, handle: str | None = None, prefix: str = "u"
    ) -> str:
        login = unique_login(f"{prefix}.{role}.")
        made_logins.append(login)
        with superuser.cursor() as cur:
            cur.execute(
                "SELECT qlue_user_add(%s, NULL, %s, %s, NULL, %s)", (login, role, handle, kota)
            )
        return url_as(db_url, login)

    return make


def submit(
    conn,
    external_id: str,
    where: tuple[float, float],
    *,
    category: str = "sampah",
    photo: bytes | None = None,
    citizen: str = "warga",
) -> int:
    return conn.execute(
        text(
            "SELECT submit_report('app', :e, :c, 'Sampah menumpuk di jalan', :cat, :lat, :lon, "
            ":photo)"
        ),
        {
            "e": external_id,
            "c": citizen,
            "cat": category,
            "lat": where[0],
            "lon": where[1],
            "photo": photo,
        },
    ).scalar_one()


@pytest.fixture
def two_kotas(people_engine):
    """Three reports in Jakarta Pusat, two in Jakarta Utara, one outside DKI; each Jakarta
    report has a photo and a mention, the first of each kota a follow-up with its proof (so every
    child table has rows in both kotas). Returns {'31.71': [ids], '31.72': [ids], None: [ids]}."""
    from tests.photo_factory import jpeg

    made: dict[str | None, list[int]] = {"31.71": [], "31.72": [], None: []}
    with people_engine.begin() as conn:
        for i in range(3):
            made["31.71"].append(
                submit(conn, f"pusat{i}", (MONAS[0] + i * 0.001, MONAS[1]), photo=jpeg(i + 1))
            )
        for i in range(2):
            made["31.72"].append(
                submit(
                    conn,
                    f"utara{i}",
                    (KELAPA_GADING[0] + i * 0.001, KELAPA_GADING[1]),
                    photo=jpeg(i + 5),
                )
            )
        made[None].append(submit(conn, "laut", OPEN_SEA))
        lurah = conn.execute(
            text("SELECT id FROM accounts WHERE handle = 'lurah.gambir'")
        ).scalar_one()
        for kota in ("31.71", "31.72"):
            for report_id in made[kota]:
                conn.execute(
                    text(
                        "INSERT INTO mentions (report_id, account_id, due_at) "
                        "VALUES (:r, :a, now() + interval '1 day')"
                    ),
                    {"r": report_id, "a": lurah},
                )
            conn.execute(
                text("SELECT submit_follow_up(:r, 'lurah.gambir', 'Sudah dibersihkan', :p)"),
                {"r": made[kota][0], "p": jpeg(made[kota][0] + 20)},
            )
        kotas = dict(conn.execute(text("SELECT id, kota_code FROM reports")).all())
    for kota, ids in made.items():
        assert all(kotas[i] == kota for i in ids), (kota, kotas)
    return made
