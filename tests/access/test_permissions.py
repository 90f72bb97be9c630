"""Every forbidden write is refused by PostgreSQL itself: each role signs in with its own
login (psycopg2, no console in between) and the test sweeps every table, every column and
every function of the schema against the role's allowance below.

The allowance is the specification: a table, column or function that a later revision adds
is refused to a role until it is added here, so a grant nobody meant is caught."""

from __future__ import annotations

import psycopg2
import pytest

from tests.access.conftest import connect

ALL_ROLES = ("channel", "analyst", "operator", "supervisor", "admin")

# Column-level UPDATE an operator has on reports and mentions (revision 0001).
REPORT_COLUMNS = {
    "status",
    "priority",
    "category_code",
    "duplicate_of",
    "followers",
    "claimed_by",
    "claim_expires_at",
    "reject_reason",
    "triaged_at",
    "dispatched_at",
    "due_at",
    "closed_at",
    "updated_at",
    "version",
}
MENTION_COLUMNS = {"state", "acknowledged_at", "resolved_at"}
FOLLOW_UP_COLUMNS = {
    "verification",
    "verifier",
    "verified_at",
    "reason",
    "reason_note",
    "checks",
    "risk",
}
PHOTO_COLUMNS = {"phash", "width", "height", "exif", "taken_at", "gps_lat", "gps_lon", "mime"}
NOT_READABLE_BY_STAFF = {"login_scopes"}  # admins read it; its writers are the functions
# 0015: nobody reads the channels' keys or refusals; the qlue_channel_* functions do
READ_BY_FUNCTIONS_ONLY = {"channel_keys", "channel_refusals"}
# 0024: the receipts of people's actions, written and checked by their two functions only
READ_BY_FUNCTIONS_ONLY |= {"action_receipts"}
# 0032: the shift handover notes, read and written by their functions only
READ_BY_FUNCTIONS_ONLY |= {"handover_notes"}
OWN_VIEWS = {"saved_views"}  # everybody's own named views (row-level security)


def table_allowance(role: str, table: str) -> tuple[set[str], set[str] | str]:
    """(privileges among SELECT, INSERT, DELETE, TRUNCATE; UPDATE columns or 'all')."""
    if role == "channel" or table in READ_BY_FUNCTIONS_ONLY:
        return set(), set()
    if role == "admin":
        if table == "login_scopes":
            return {"SELECT"}, set()
        return {"SELECT", "INSERT", "DELETE", "TRUNCATE"}, "all"
    privileges = set() if table in NOT_READABLE_BY_STAFF else {"SELECT"}
    update: set[str] | str = set()
    if table in OWN_VIEWS:
        return privileges | {"INSERT", "DELETE"}, "all"
    if role in ("operator", "supervisor"):
        if table in ("events", "mentions"):
            privileges.add("INSERT")
        update = {"reports": REPORT_COLUMNS, "mentions": MENTION_COLUMNS}.get(table, set())
    if role == "supervisor":
        update = {"follow_ups": FOLLOW_UP_COLUMNS, "photos": PHOTO_COLUMNS}.get(table, update)
    return privileges, update


_READ = {
    "qlue_actor",
    "qlue_is_supervisor",
    "qlue_due_at",
    "qlue_resolve_kelurahan",
    "qlue_nearest_kelurahan",
    "qlue_is_image",
    "qlue_dispatch_clock",
    "qlue_verify_is_supervisor",
    "qlue_kpi_state",
    "qlue_whoami",
    "qlue_scope_kota",
    "qlue_report_is_open",  # 0014: the console's read path (the view console_reports)
    "qlue_report_channel_name",  # 0019: console_reports.channel_name (the Open311 channel)
    "qlue_template_unknown_placeholder",  # 0026: the message templates' placeholder check
    # 0030: reading recurrences and chronic spots (the rule itself runs in its triggers)
    "qlue_distance_m",
    "qlue_box_around",
    "qlue_related_categories",
    "qlue_reports_near",
    "chronic_spots_at",
    "recurrence_history",
    "chronic_spots_as_of",  # 0031: the spots as they stood at a week's end
}
_TRIAGE = {
    "claim_next_report",
    "claim_report",
    "release_claim",
    "comment_report",
    "set_report_category",
    "set_report_priority",
    "mark_report_triaged",
    "reject_report",
    "merge_report",
    "qlue_lock_for_action",
    "qlue_touch",
    "qlue_fail",
    "dispatch_report",
    "forward_report",
    "qlue_escalate_overdue",
    "decide_follow_up",
    "qlue_record_checks",
    "qlue_verify_actor",
    "undo_reject",
    "undo_dispatch",
    "qlue_action_receipt",  # 0024: an action's receipt, checked after a lost commit
    "qlue_action_committed",
    "reply_to_citizen",  # 0026: a public reply, and the 0010 blank check it uses
    "qlue_trim",
    "qlue_is_blank",
    # 0032: the shift handover, and claims handed to a colleague
    "qlue_handover_team",
    "qlue_handover_check_team",
    "write_handover_note",
    "handover_history",
    "pending_handover_note",
    "acknowledge_handover_note",
    "qlue_may_claim",
    "claim_colleagues",
    "hand_claims_to",
}
FUNCTION_ALLOWANCE: dict[str, set[str]] = {
    "channel": {
        "submit_report",
        "submit_follow_up",
        "reopen_report",
        "official_forward_report",
        "qlue_fail",
        "qlue_dispatch_clock",
        "qlue_whoami",
        "qlue_scope_kota",
        "qlue_photo_max_bytes",
        "channel_replies",  # 0026: the replies to the channel's own reports
    },  # 0010: the Python wrapper checks the limit before decoding
    "analyst": _READ,
    "operator": _READ | _TRIAGE,
    "supervisor": _READ | _TRIAGE,
}
# Granted, but the function itself refuses the role (42501) before doing anything.
REFUSED_INSIDE = {"operator": {"decide_follow_up(NULL::bigint, 'approve', NULL::text, NULL::text)"}}
# Only an admin: managing people.
USER_FUNCTIONS = (
    "qlue_user_add",
    "qlue_user_disable",
    "qlue_user_enable",
    "qlue_user_set_role",
    "qlue_user_set_scope",
    "qlue_user_list",
)
# 0015: an admin manages the channels' keys; the gateway (qlue_gateway) checks them.
CHANNEL_FUNCTIONS = ("qlue_channel_add", "qlue_channel_revoke", "qlue_channel_list")
GATEWAY_FUNCTIONS = ("qlue_channel_key_check", "qlue_channel_refusal")
# 0016: only an admin writes an imported report's history.
IMPORT_FUNCTIONS = ("import_report_history",)


def _tables(conn) -> dict[str, list[str]]:
    with conn.cursor() as cur:
        cur.execute("""SELECT c.relname, array_agg(a.attname::text ORDER BY a.attnum)
                         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
                             AND NOT a.attisdropped
                                            AND a.attgenerated = ''
                        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
                        GROUP BY c.relname ORDER BY c.relname""")
        return dict(cur.fetchall())


def _functions(conn) -> list[tuple[str, str]]:
    """(name, a call with NULL arguments) of every function of the schema that is not an
    extension's and not a trigger function."""
    with conn.cursor() as cur:
        cur.execute("""SELECT p.proname,
                              format('%I(%s)', p.proname,
                                     coalesce((SELECT string_agg('NULL::' || format_type(t, NULL),
                                         ', ' ORDER BY o)
                                                 FROM unnest(p.proargtypes::oid[])
                                                     WITH ORDINALITY AS u(t, o)), ''))
                         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                        WHERE n.nspname = 'public' AND p.prokind = 'f'
                            AND p.prorettype <> 'trigger'::regtype
                          AND NOT EXISTS (SELECT 1 FROM pg_depend d
                              WHERE d.classid = 'pg_proc'::regclass
                                             AND d.objid = p.oid AND d.deptype = 'e')
                        ORDER BY 1""")
        return cur.fetchall()


def _outcome(conn, sql: str) -> str | None:
    """The SQLSTATE of running ``sql`` (None when it ran), always rolled back."""
    try:
        with conn.cursor() as cur:
            cur.execute(sql)
        return None
    except psycopg2.Error as exc:
        return exc.pgcode
    finally:
        conn.rollback()


@pytest.fixture
def schema(superuser):
    return _tables(superuser), _functions(superuser)


@pytest.mark.parametrize("role", ALL_ROLES)
def test_every_table_and_column_is_refused_beyond_the_roles_allowance(role, login_url, schema):
    tables, _ = schema
    assert {
        "reports",
        "events",
        "photos",
        "mentions",
        "follow_ups",
        "accounts",
        "categories",
        "login_scopes",
    } <= set(tables)
    conn = connect(login_url(f"qlue_{role}"), autocommit=False)
    wrong: list[str] = []
    checked = 0
    for table, columns in tables.items():
        privileges, update = table_allowance(role, table)
        statements = {
            "SELECT": f'SELECT 1 FROM "{table}" LIMIT 0',
            "DELETE": f'DELETE FROM "{table}" WHERE false',
            "TRUNCATE": f'TRUNCATE "{table}"',
            "INSERT": f'INSERT INTO "{table}" DEFAULT VALUES',
        }
        for privilege, sql in statements.items():
            if privilege in privileges:
                if privilege in ("SELECT", "DELETE"):
                    if (state := _outcome(conn, sql)) is not None:
                        wrong.append(f"{privilege} {table}: allowed but failed with {state}")
                continue  # INSERT/TRUNCATE allowed: not run (they would write)
            checked += 1
            if (state := _outcome(conn, sql)) != "42501":
                wrong.append(f"{privilege} {table}: not refused ({state or 'it ran'})")
        for column in columns:
            sql = f'UPDATE "{table}" SET "{column}" = DEFAULT WHERE false'
            allowed = update == "all" or column in update
            state = _outcome(conn, sql)
            if allowed and state == "42501":
                wrong.append(f"UPDATE {table}.{column}: refused but allowed")
            elif not allowed:
                checked += 1
                if state != "42501":
                    wrong.append(f"UPDATE {table}.{column}: not refused ({state or 'it ran'})")
    conn.close()
    assert not wrong, "\n".join(wrong)
    assert checked > (5 if role == "admin" else 100)


@pytest.mark.parametrize("role", ["channel", "analyst", "operator", "supervisor"])
def test_every_function_beyond_the_roles_allowance_is_refused(role, login_url, schema):
    _, functions = schema
    names = {name for name, _ in functions}
    expected = {"set_report_category", "submit_report", "qlue_whoami"}
    wanted = (
        set(USER_FUNCTIONS)
        | set(CHANNEL_FUNCTIONS)
        | set(GATEWAY_FUNCTIONS)
        | set(IMPORT_FUNCTIONS)
        | expected
    )
    assert wanted <= names
    conn = connect(login_url(f"qlue_{role}"), autocommit=False)
    wrong = []
    refused = 0
    for name, call in functions:
        if name in FUNCTION_ALLOWANCE[role]:
            continue
        refused += 1
        if (state := _outcome(conn, f"SELECT {call}")) != "42501":
            wrong.append(f"{call}: not refused ({state or 'it ran'})")
    for call in REFUSED_INSIDE.get(role, ()):
        if (state := _outcome(conn, f"SELECT {call}")) != "42501":
            wrong.append(f"{call}: not refused ({state or 'it ran'})")
    conn.close()
    assert not wrong, "\n".join(wrong)
    assert refused >= len(USER_FUNCTIONS)


@pytest.mark.parametrize("role", ["channel", "analyst", "operator", "supervisor"])
def test_user_management_is_refused_to_all_but_admins(role, login_url):
    conn = connect(login_url(f"qlue_{role}"))
    for sql in (
        "SELECT qlue_user_add('intruder', NULL, 'admin')",
        "SELECT qlue_user_list()",
        "SELECT qlue_user_set_role(session_user, 'admin')",
        "SELECT qlue_user_set_scope(session_user, NULL)",
        "SELECT qlue_user_disable('postgres')",
        "CREATE ROLE intruder LOGIN",
        "GRANT qlue_admin TO CURRENT_USER",
        "ALTER ROLE CURRENT_USER SUPERUSER",
        "ALTER ROLE CURRENT_USER BYPASSRLS",
        "INSERT INTO login_scopes (login, kota_code) VALUES (session_user, '31.71')",
        "DELETE FROM login_scopes",
        "SELECT qlue_channel_add('intruder', repeat('a', 64))",
        "SELECT qlue_channel_revoke('intruder')",
        "SELECT import_report_history(1, 'closed', now(), 'closed')",
        "SELECT qlue_channel_list()",
        "SELECT qlue_channel_key_check(repeat('a', 64))",
        "SELECT qlue_channel_refusal('channel.intruder', 'none')",
        "SELECT key_sha256 FROM channel_keys",
        "SELECT reason FROM channel_refusals",
    ):
        with conn.cursor() as cur, pytest.raises(psycopg2.errors.InsufficientPrivilege):
            cur.execute(sql)
    conn.close()


def test_the_admin_may_do_what_the_others_may_not(login_url, people_engine, superuser, made_logins):
    from sqlalchemy import text

    with people_engine.begin() as conn:
        report = conn.execute(
            text(
                "SELECT submit_report('app', 'a1', 'warga', 'Sampah', 'sampah', -6.1754, 106.8272)"
            )
        ).scalar_one()
    conn = connect(login_url("qlue_admin"))
    with conn.cursor() as cur:
        cur.execute(
            "UPDATE events SET payload = payload || '{\"corrected\": true}' WHERE report_id = %s",
            (report,),
        )
        assert cur.rowcount == 1
        cur.execute("UPDATE accounts SET display_name = display_name WHERE handle = 'op.andi'")
        assert cur.rowcount == 1
        cur.execute("UPDATE categories SET sla_hours = sla_hours WHERE code = 'sampah'")
        assert cur.rowcount == 1
        cur.execute("UPDATE follow_ups SET verification = 'approved' WHERE false")
        made_logins.append("admin.made")
        cur.execute("SELECT qlue_user_add('admin.made', NULL, 'operator')")
        cur.execute("SELECT login, role FROM qlue_user_list() WHERE login = 'admin.made'")
        assert cur.fetchone() == ("admin.made", "operator")
        cur.execute("SELECT count(*) FROM login_scopes")
    conn.close()
