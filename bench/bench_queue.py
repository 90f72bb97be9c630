"""Queue benchmark on a city-sized database (see generate_city.py): the first page and each
typical filter, p50/p95 server time of the console's keyset query, against a naive
``ORDER BY … OFFSET n`` + ``COUNT(*)`` implementation at page 1 and page 1000, in one run.

    python bench/bench_queue.py --database-url URL [--repeat 20]
"""

from __future__ import annotations

import argparse
import statistics
import time

from sqlalchemy import bindparam, text

from qlue_console.data.queue import (
    _DECORATED,
    _PAGE_COLUMNS,
    QueueFilter,
    QueueKey,
    fetch_queue_page,
    order_by,
    where_clauses,
)
from qlue_console.db.engine import make_engine
from qlue_console.domain.states import CLOSED_STATES

PAGE = 200

FILTERS: dict[str, QueueFilter] = {
    "working queue": QueueFilter(),
    "most urgent first": QueueFilter(sort="priority"),
    "Menunggu tab": QueueFilter(states=("new", "triaged")),
    "category sampah": QueueFilter(category="sampah"),
    "kota Jakarta Utara": QueueFilter(area_code="31.72"),
    "kelurahan Gambir": QueueFilter(area_code="31.71.01.1001"),
    "channel sms": QueueFilter(channel="sms"),
    "urgent only": QueueFilter(min_priority=3),
    "text 'tersumbat'": QueueFilter(search="tersumbat"),
    "overdue garbage in Jakarta Utara": QueueFilter(
        category="sampah", area_code="31.72", overdue_only=True
    ),
    "archive": QueueFilter(states=tuple(sorted(CLOSED_STATES))),
}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def naive_page(engine, flt: QueueFilter, page: int) -> float:
    """What a first implementation does: COUNT(*) for the pager, then OFFSET — over the same
    view and the same statement as the console's, so the ratio compares paging alone."""
    params: dict = {"limit": PAGE, "offset": (page - 1) * PAGE}
    where = " AND ".join(where_clauses(flt, params))
    order = order_by(flt.sort)
    count = text(f"SELECT count(*) FROM console_reports r WHERE {where}").bindparams(
        bindparam("states", expanding=True)
    )
    paged = f"{_PAGE_COLUMNS} WHERE {where} ORDER BY {order} LIMIT :limit OFFSET :offset"
    rows = text(_DECORATED.format(page=paged, order=order)).bindparams(
        bindparam("states", expanding=True)
    )
    started = time.perf_counter()
    with engine.connect() as conn:
        conn.execute(count, params).scalar_one()
        conn.execute(rows, params).all()
    return time.perf_counter() - started


def keyset_page(engine, flt: QueueFilter, after: QueueKey | None) -> float:
    started = time.perf_counter()
    fetch_queue_page(engine, flt, after, PAGE)
    return time.perf_counter() - started


def key_at(engine, flt: QueueFilter, page: int) -> QueueKey | None:
    """The key of the last row before ``page`` (set-up only, not timed)."""
    params: dict = {"offset": (page - 1) * PAGE - 1}
    where = " AND ".join(where_clauses(flt, params))
    order = order_by(flt.sort)
    sql = text(
        f"SELECT r.created_at, r.id, r.priority FROM console_reports r WHERE {where} "
        f"ORDER BY {order} LIMIT 1 OFFSET :offset"
    ).bindparams(bindparam("states", expanding=True))
    with engine.connect() as conn:
        row = conn.execute(sql, params).one_or_none()
    return QueueKey(row.created_at, row.id, row.priority) if row else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    engine = make_engine(args.database_url)
    with engine.connect() as conn:
        total = conn.execute(text("SELECT count(*) FROM reports")).scalar_one()
    print(f"reports in the database: {total:,}")
    print(
        f"{'filter':36} {'keyset p50':>10} {'p95':>8} {'p1000 p95':>10} {'naive p1':>9} "
        f"{'naive p1000':>11} {'ratio p1':>8} {'ratio p1000':>11}"
    )
    worst = 0.0
    for name, flt in FILTERS.items():
        keyset_page(engine, flt, None)  # warm the cache once, as a running console would be
        first = [keyset_page(engine, flt, None) for _ in range(args.repeat)]
        far_key = key_at(engine, flt, 1000)
        far = (
            [keyset_page(engine, flt, far_key) for _ in range(args.repeat)]
            if far_key
            else [float("nan")]
        )
        runs = max(3, args.repeat // 4)
        naive1 = [naive_page(engine, flt, 1) for _ in range(runs)]
        naive1000 = (
            [naive_page(engine, flt, 1000) for _ in range(runs)] if far_key else [float("nan")]
        )
        p95, p95_far = percentile(first, 0.95), percentile(far, 0.95)
        worst = max(worst, p95, p95_far if far_key else 0)
        far_text = f"{p95_far * 1000:9.1f}ms" if far_key else f"{'(<1000 pages)':>11}"
        naive_far = f"{statistics.median(naive1000) * 1000:10.1f}ms" if far_key else f"{'—':>12}"
        ratio_far = (
            f"{statistics.median(naive1000) / statistics.median(far):10.1f}x"
            if far_key
            else f"{'—':>11}"
        )
        print(
            f"{name:36} {statistics.median(first) * 1000:9.1f}ms {p95 * 1000:7.1f}ms {far_text} "
            f"{statistics.median(naive1) * 1000:8.1f}ms {naive_far} "
            f"{statistics.median(naive1) / statistics.median(first):7.1f}x {ratio_far}"
        )
    print(f"worst keyset p95: {worst * 1000:.1f} ms (target < 50 ms)")


if __name__ == "__main__":
    main()
