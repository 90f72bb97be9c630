"""Run in separate processes by test_concurrency.py: one triage action on its own connection."""

from __future__ import annotations

import time

# action -> (SQL, the arguments of the first and of the second process)
ACTIONS: dict[str, tuple[str, tuple, tuple]] = {
    "category": ("SELECT set_report_category(%s, %s, %s)::text", ("banjir",), ("jalan_rusak",)),
    "priority": ("SELECT set_report_priority(%s, %s, %s)::text", (3,), (2,)),
    "triaged": ("SELECT mark_report_triaged(%s, %s)::text", (), ()),
    "reject": (
        "SELECT reject_report(%s, %s, %s, %s)::text",
        ("spam", None),
        ("other", "bukan wewenang"),
    ),
    "merge": ("SELECT merge_report(%s, %s, %s)::text", ("ORIGINAL_A",), ("ORIGINAL_B",)),
    "dispatch": (
        "SELECT dispatch_report(%s, %s, %s, %s)::text",
        ("Mohon dicek", ["lurah.gambir"]),
        ("Mohon dibersihkan", ["ppsu.gambir"]),
    ),
}


def apply_action(
    dsn: str,
    action: str,
    which: int,
    report_id: int,
    version: int,
    originals: dict,
    start_at: float,
    hold: float = 0.0,
) -> tuple[str, str, float]:
    """Applies ``action`` (the argument set ``which``) at ``version``; returns
    (outcome: 'ok' or the SQLSTATE, detail, seconds spent in the call)."""
    import psycopg2

    sql, *variants = ACTIONS[action]
    args = tuple(originals.get(a, a) if isinstance(a, str) else a for a in variants[which])
    conn = psycopg2.connect(dsn)
    try:
        while time.time() < start_at:
            time.sleep(0.0005)
        started = time.perf_counter()
        try:
            with conn.cursor() as cur:
                cur.execute(sql, (report_id, version, *args))
                result = cur.fetchone()[0]
                if hold:
                    time.sleep(hold)  # keep the row locked: the other process must wait
            conn.commit()
            return "ok", str(result), time.perf_counter() - started
        except psycopg2.Error as exc:
            conn.rollback()
            return exc.pgcode, exc.diag.message_primary or "", time.perf_counter() - started
    finally:
        conn.close()
