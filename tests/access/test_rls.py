"""Row-level security: a login limited to a kota sees and changes only that kota's reports
(and their events, photos, mentions and follow-ups), even through the triage functions;
everyone else sees everything; limited or not, the indexes keep serving the queries."""

from __future__ import annotations

import psycopg2
import pytest
from sqlalchemy import text

from qlue_console.db.engine import make_engine
from qlue_console.db.errors import ContractError
from qlue_console.triage import actions
from tests.access.conftest import connect, login_of, url_as

CHILD_COUNTS = {
    "reports": "SELECT count(*) FROM reports",
    "events": "SELECT count(*) FROM events",
    "photos": "SELECT count(*) FROM photos",
    "mentions": "SELECT count(*) FROM mentions",
    "follow_ups": "SELECT count(*) FROM follow_ups",
}


def counts(conn, queries: dict[str, str] = CHILD_COUNTS) -> dict[str, int]:
    with conn.cursor() as cur:
        result = {}
        for table, sql in queries.items():
            cur.execute(sql)
            result[table] = cur.fetchone()[0]
        return result


def kota_counts(superuser, kota: str | None) -> dict[str, int]:
    """What a login limited to ``kota`` must see (None: everything), counted by the superuser."""
    where = "TRUE" if kota is None else "r.kota_code = %(k)s"
    with superuser.cursor() as cur:
        cur.execute(
            f"""SELECT (SELECT count(*) FROM reports r WHERE {where}),
            (SELECT count(*) FROM events e JOIN reports r ON r.id = e.report_id WHERE {where}),
            (SELECT count(*) FROM photos p JOIN reports r ON r.id = p.report_id WHERE {where}),
            (SELECT count(*) FROM mentions m JOIN reports r ON r.id = m.report_id WHERE {where}),
            (SELECT count(*) FROM follow_ups f JOIN reports r ON r.id = f.report_id
                WHERE {where})""",
            {"k": kota},
        )
        return dict(zip(CHILD_COUNTS, cur.fetchone(), strict=True))


@pytest.mark.parametrize("role", ["analyst", "operator", "supervisor"])
def test_a_limited_login_sees_only_its_kota(role, two_kotas, new_login, superuser):
    for kota in ("31.71", "31.72"):
        conn = connect(new_login(role, kota=kota))
        seen = counts(conn)
        assert seen == kota_counts(superuser, kota)
        assert seen["reports"] == len(two_kotas[kota])
        assert (
            seen["photos"] > 0
            and seen["events"] > 0
            and seen["mentions"] > 0
            and seen["follow_ups"] == 1
        )
        with conn.cursor() as cur:
            cur.execute("SELECT DISTINCT kota_code FROM reports")
            assert cur.fetchall() == [(kota,)]
            other = two_kotas["31.72" if kota == "31.71" else "31.71"][0]
            cur.execute("SELECT count(*) FROM events WHERE report_id = %s", (other,))
            assert cur.fetchone()[0] == 0
        conn.close()


@pytest.mark.parametrize("role", ["analyst", "operator", "supervisor", "admin"])
def test_a_login_without_a_limit_sees_every_report(
    role, two_kotas, new_login, login_url, superuser
):
    everything = kota_counts(superuser, None)
    assert everything["reports"] == 6  # including the report outside DKI (no kota)
    for url in (new_login(role), login_url(f"qlue_{role}")):
        conn = connect(url)
        assert counts(conn) == everything
        conn.close()


def test_a_limited_operator_cannot_change_another_kotas_report(two_kotas, new_login, superuser):
    url = new_login("operator", kota="31.72")
    pusat, utara = two_kotas["31.71"][1], two_kotas["31.72"][1]
    conn = connect(url)
    with conn.cursor() as cur:
        cur.execute(
            "UPDATE reports SET priority = 3, version = version + 1 WHERE id = %s", (pusat,)
        )
        assert cur.rowcount == 0
        cur.execute(
            "UPDATE reports SET priority = 3, version = version + 1 WHERE id = %s", (utara,)
        )
        assert cur.rowcount == 1
        with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="row-level security"):
            cur.execute(
                "INSERT INTO events (report_id, actor, kind) VALUES (%s, 'x', 'comment')", (pusat,)
            )
        with pytest.raises(psycopg2.errors.InsufficientPrivilege, match="row-level security"):
            cur.execute(
                "INSERT INTO mentions (report_id, account_id, due_at) "
                "SELECT %s, id, now() FROM accounts LIMIT 1",
                (pusat,),
            )
        cur.execute("UPDATE mentions SET state = 'closed' WHERE report_id = %s", (pusat,))
        assert cur.rowcount == 0
    conn.close()

    engine = make_engine(url)
    with superuser.cursor() as cur:
        cur.execute("SELECT version FROM reports WHERE id = %s", (pusat,))
        version = cur.fetchone()[0]
        cur.execute("SELECT version FROM reports WHERE id = %s", (utara,))
        utara_version = cur.fetchone()[0]
    attempts = {
        "set_category": lambda: actions.set_category(engine, pusat, version, "banjir"),
        "set_priority": lambda: actions.set_priority(engine, pusat, version, 3),
        "mark_triaged": lambda: actions.mark_triaged(engine, pusat, version),
        "reject": lambda: actions.reject(engine, pusat, version, "spam"),
        "merge_away": lambda: actions.merge(engine, pusat, version, utara),
        "merge_into": lambda: actions.merge(engine, utara, utara_version, pusat),
        "comment": lambda: actions.comment(engine, pusat, "catatan"),
        "claim": lambda: actions.claim(engine, pusat),
        "release": lambda: actions.release(engine, pusat),
    }
    for attempt in attempts.values():
        with pytest.raises(ContractError, match="unknown report"):
            attempt()
    # "Next report" only ever hands out the operator's own kota.
    claimed = {actions.claim_next(engine) for _ in range(4)} - {None}
    assert claimed <= set(two_kotas["31.72"]) and claimed
    engine.dispose()

    with superuser.cursor() as cur:
        cur.execute(
            "SELECT priority, status, category_code, version, claimed_by FROM reports "
            "WHERE id = %s",
            (pusat,),
        )
        assert cur.fetchone() == (1, "new", "sampah", version, None)
        cur.execute(
            "SELECT count(*) FROM events WHERE report_id = %s AND kind <> 'created'", (pusat,)
        )
        assert cur.fetchone()[0] == 0


def test_a_limited_operator_still_triages_its_own_kota(two_kotas, new_login):
    utara = two_kotas["31.72"][1]
    engine = make_engine(new_login("operator", kota="31.72"))
    with engine.connect() as conn:
        version = conn.execute(
            text("SELECT version FROM reports WHERE id = :r"), {"r": utara}
        ).scalar_one()
    version = actions.set_priority(engine, utara, version, 2)
    version = actions.mark_triaged(engine, utara, version)
    actions.comment(engine, utara, "dicek")
    with engine.connect() as conn:
        kinds = (
            conn.execute(
                text("SELECT kind FROM events WHERE report_id = :r ORDER BY id"), {"r": utara}
            )
            .scalars()
            .all()
        )
    assert kinds == ["created", "prioritised", "triaged", "comment"]
    engine.dispose()


def test_a_limited_login_cannot_shed_its_scope_with_set_role(two_kotas, new_login, superuser):
    with superuser.cursor() as cur:
        cur.execute("SHOW server_version_num")
        if int(cur.fetchone()[0]) < 160000:
            pytest.skip(
                "PostgreSQL < 16 cannot refuse SET ROLE; the policy tests session_user there"
            )
    conn = connect(new_login("operator", kota="31.71"))
    for group in ("qlue_operator", "qlue_kota_scoped", "qlue_analyst"):
        with conn.cursor() as cur, pytest.raises(psycopg2.errors.InsufficientPrivilege):
            cur.execute(f"SET ROLE {group}")
    assert counts(conn)["reports"] == 3
    conn.close()


def test_a_scoped_group_member_without_a_scope_here_sees_nothing(
    two_kotas, login_url, superuser, db_url
):
    url = login_url("qlue_analyst")
    login = login_of(url)
    with superuser.cursor() as cur:
        cur.execute(f'GRANT qlue_kota_scoped TO "{login}"')
    conn = connect(url)
    assert counts(conn) == dict.fromkeys(CHILD_COUNTS, 0)
    conn.close()


def test_scope_changes_and_lifting_it(two_kotas, new_login, superuser, db_url):
    url = new_login("analyst", kota="31.71")
    login = login_of(url)
    assert counts(connect(url))["reports"] == 3
    with superuser.cursor() as cur:
        cur.execute("SELECT qlue_user_set_scope(%s, '31.72')", (login,))
    assert counts(connect(url_as(db_url, login)))["reports"] == 2
    with superuser.cursor() as cur:
        cur.execute("SELECT qlue_user_set_scope(%s, NULL)", (login,))
        cur.execute("SELECT count(*) FROM login_scopes WHERE login = %s", (login,))
        assert cur.fetchone()[0] == 0
    assert counts(connect(url_as(db_url, login)))["reports"] == 6


def test_the_contract_and_the_owner_are_not_limited(two_kotas, login_url, superuser, people_engine):
    """Channels write through SECURITY DEFINER functions; RLS does not get in their way."""
    from tests.photo_factory import jpeg

    conn = connect(login_url("qlue_channel"))
    with conn.cursor() as cur:
        cur.execute(
            "SELECT submit_follow_up(%s, 'lurah.gambir', 'ok', %s)",
            (two_kotas["31.72"][1], psycopg2.Binary(jpeg(40))),
        )
        cur.execute("SELECT reopen_report(%s, 'warga', 'belum beres')", (two_kotas["31.72"][1],))
    conn.close()
    assert counts(superuser)["reports"] == 6


# --- the indexes still serve ------------------------------------------------------------------


def _plan(conn, sql: str, params=()) -> str:
    with conn.cursor() as cur:
        cur.execute("SET enable_seqscan = off")
        cur.execute("EXPLAIN " + sql, params)
        plan = "\n".join(r[0] for r in cur.fetchall())
        cur.execute("RESET enable_seqscan")
    return plan


SEARCH = "SELECT id FROM reports WHERE text ILIKE '%%menumpuk%%'"
BOX = (
    "SELECT id FROM reports WHERE point(lon, lat) <@ box(point(106.82, -6.18), point(106.83, "
    "-6.17)) AND status NOT IN ('verified', 'rejected', 'duplicate')"
)
QUEUE = (
    "SELECT id FROM reports WHERE status IN ('new', 'triaged', 'reopened') "
    "ORDER BY priority DESC, created_at, id LIMIT 50"
)


@pytest.mark.parametrize("role", ["operator", "analyst", "supervisor"])
def test_an_unlimited_login_gets_no_row_security_condition(role, two_kotas, new_login):
    """Non-leakproof operators (trigram ILIKE, point <@ box) could not use their indexes behind
    a row-security condition: an unlimited login has none, so they still do."""
    conn = connect(new_login(role))
    search, box, queue = _plan(conn, SEARCH), _plan(conn, BOX), _plan(conn, QUEUE)
    assert "reports_text_trgm_idx" in search, search
    assert "reports_point_idx" in box, box
    assert "Index" in queue and "kota" not in queue, queue
    for plan in (search, box, queue):
        assert "qlue_scope_kota" not in plan and "InitPlan" not in plan, plan
    conn.close()


def test_a_limited_login_is_served_by_the_kota_index(two_kotas, new_login):
    conn = connect(new_login("analyst", kota="31.72"))
    plan = _plan(conn, "SELECT id, created_at FROM reports ORDER BY created_at DESC LIMIT 20")
    assert "reports_kota_idx" in plan or "Index" in plan, plan
    plan = _plan(conn, "SELECT count(*) FROM reports WHERE created_at > now() - interval '7 days'")
    assert "reports_kota_idx" in plan, plan
    assert "InitPlan" in plan  # the scope is looked up once per query, not per row
    conn.close()


# SECURITY DEFINER entry points of other revisions run as the table owner, whom row-level
# security does not limit: they check qlue_scope_kota() themselves.
def test_a_limited_operator_cannot_dispatch_another_kotas_report(two_kotas, new_login, superuser):
    pusat = two_kotas["31.71"][1]
    with superuser.cursor() as cur:
        cur.execute("SELECT version FROM reports WHERE id = %s", (pusat,))
        version = cur.fetchone()[0]
    conn = connect(new_login("operator", kota="31.72"))
    with conn.cursor() as cur:
        cur.execute("SELECT version FROM reports WHERE id = %s", (pusat,))
        assert cur.fetchone() is None  # not visible to this operator
        try:
            with pytest.raises(psycopg2.errors.InvalidParameterValue, match="unknown report"):
                cur.execute(
                    "SELECT dispatch_report(%s, %s, 'Mohon dicek', ARRAY['ppsu.gambir'])",
                    (pusat, version),
                )
        finally:
            conn.close()


def test_a_limited_supervisor_decides_only_its_own_kotas_proofs(two_kotas, new_login, superuser):
    follow_ups = {}
    with superuser.cursor() as cur:
        for kota in ("31.71", "31.72"):
            cur.execute("SELECT id FROM follow_ups WHERE report_id = %s", (two_kotas[kota][0],))
            follow_ups[kota] = cur.fetchone()[0]
    conn = connect(new_login("supervisor", kota="31.72"))
    try:
        with conn.cursor() as cur:
            # Jakarta Pusat's proof: refused as if it did not exist, nothing decided
            with pytest.raises(psycopg2.errors.InvalidParameterValue, match="unknown follow-up"):
                cur.execute(
                    "SELECT decide_follow_up(%s, 'approve', NULL, NULL)", (follow_ups["31.71"],)
                )
            conn.rollback()
            # its own kota's proof: decided
            cur.execute(
                "SELECT decide_follow_up(%s, 'approve', NULL, NULL)", (follow_ups["31.72"],)
            )
            conn.commit()
    finally:
        conn.close()
    with superuser.cursor() as cur:
        cur.execute(
            "SELECT id, verification FROM follow_ups WHERE id = ANY (%s) ORDER BY id",
            ([follow_ups["31.71"], follow_ups["31.72"]],),
        )
        decided = dict(cur.fetchall())
    assert decided[follow_ups["31.71"]] == "pending"
    assert decided[follow_ups["31.72"]] == "approved"


KPI_COUNTS = {
    "kpi_report_facts": "SELECT count(*) FROM kpi_report_facts",
    "kpi_state_spans": "SELECT count(*) FROM kpi_state_spans",
    "kpi_proof_facts": "SELECT count(*) FROM kpi_proof_facts",
}


@pytest.mark.parametrize("kota", ["31.72", None])
def test_the_kpi_pre_aggregation_follows_the_kota_limit(kota, two_kotas, new_login, superuser):
    where = "TRUE" if kota is None else "r.kota_code = %(k)s"
    with superuser.cursor() as cur:
        cur.execute(
            f"""SELECT
            (SELECT count(*) FROM kpi_report_facts f JOIN reports r ON r.id = f.report_id
                WHERE {where}),
            (SELECT count(*) FROM kpi_state_spans s JOIN reports r ON r.id = s.report_id
                WHERE {where}),
            (SELECT count(*) FROM kpi_proof_facts p JOIN reports r ON r.id = p.report_id
                WHERE {where})""",
            {"k": kota},
        )
        expected = dict(zip(KPI_COUNTS, cur.fetchone(), strict=True))
    assert all(expected.values())
    conn = connect(new_login("analyst", kota=kota))
    try:
        assert counts(conn, KPI_COUNTS) == expected
    finally:
        conn.close()
