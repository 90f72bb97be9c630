"""``qlue-console import open311 FILE|URL [--service-map FILE] [--source NAME]
[--assume-zone ZONE] [--database-url URL]``: a GeoReport v2 requests dump imported as reports
with their timeline. Each record is one transaction: the report through the contract
(``submit_report``, channel 'web', external_id ``source:service_request_id``, its own
reported_at), then its notes and closing through ``import_report_history`` (an admin's
function). A record imported before is "already there"; a record that cannot be imported is
refused with the reason and the others go on. Exit 1 when a record is refused or the document
cannot be read (then nothing is written)."""

from __future__ import annotations

import argparse
import sys
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Connection, Engine, text

from qlue_console.bootstrap import open_database
from qlue_console.config import resolve_target
from qlue_console.db import contract
from qlue_console.db.errors import QlueDatabaseError
from qlue_console.db.sql_errors import translated_errors
from qlue_console.open311.importer import (
    DocumentError,
    Planned,
    Refused,
    parse_document,
    parse_service_map,
    plan,
)

CHANNEL = "web"
FETCH_TIMEOUT_S = 30.0
MAX_DOCUMENT_BYTES = 512 * 1024 * 1024


@dataclass
class Summary:
    imported: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    flagged: list[str] = field(default_factory=list)  # imported, outside DKI Jakarta
    refused: list[Refused] = field(default_factory=list)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qlue-console import",
        description="Import a GeoReport v2 requests document (JSON or XML) with its timeline.",
    )
    parser.add_argument("format", choices=("open311",), help="the document's format")
    parser.add_argument("document", metavar="FILE|URL", help="a file, or an http(s) URL")
    parser.add_argument(
        "--service-map",
        metavar="FILE",
        type=Path,
        help="JSON or CSV: service_code -> category code (default: a code that is a category)",
    )
    parser.add_argument(
        "--source",
        default="open311",
        help="the system the records come from; with service_request_id it identifies a "
        "record (default: open311)",
    )
    parser.add_argument(
        "--assume-zone",
        metavar="ZONE",
        help="the time zone of times given without one, e.g. Asia/Jakarta (default: refuse them)",
    )
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help="central PostgreSQL (default: $QLUE_DATABASE_URL, else the embedded demo)",
    )
    return parser


def read_document(location: str) -> bytes:
    """The bytes of a file or of an http(s) URL; :class:`DocumentError` with one line when it
    cannot be read."""
    if location.startswith(("http://", "https://")):
        request = urllib.request.Request(location, headers={"Accept": "application/json, */*"})
        try:
            with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_S) as answer:
                data: bytes = answer.read(MAX_DOCUMENT_BYTES + 1)
        except urllib.error.HTTPError as exc:
            raise DocumentError(f"{location} answered HTTP {exc.code} {exc.reason}") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise DocumentError(f"cannot fetch {location}: {reason}") from exc
    else:
        try:
            data = Path(location).read_bytes()
        except OSError as exc:
            raise DocumentError(f"cannot read {location}: {exc.strerror or exc}") from exc
    if len(data) > MAX_DOCUMENT_BYTES:
        raise DocumentError(f"{location} is larger than {MAX_DOCUMENT_BYTES} bytes")
    return data


def _categories(conn: Connection) -> frozenset[str]:
    rows = conn.execute(text("SELECT code FROM categories WHERE active"))
    return frozenset(code for (code,) in rows)


def _store(conn: Connection, planned: Planned) -> tuple[bool, bool]:
    """Writes one record (in the caller's transaction): (imported now, outside DKI)."""
    existing = conn.execute(
        text("SELECT outside_jurisdiction FROM reports WHERE channel = :c AND external_id = :x"),
        {"c": CHANNEL, "x": planned.external_id},
    ).scalar_one_or_none()
    if existing is not None:
        return False, bool(existing)
    report_id = contract.submit_report(
        conn,
        channel=CHANNEL,
        external_id=planned.external_id,
        citizen=planned.citizen,
        text_=planned.text,
        category=planned.category,
        lat=planned.lat,
        lon=planned.lon,
        reported_at=planned.reported_at,
    )
    with translated_errors():
        for event in planned.history:
            conn.execute(
                text("SELECT import_report_history(:r, :k, :at, :s)"),
                {"r": report_id, "k": event.kind, "at": event.at, "s": event.summary or None},
            )
    outside = conn.execute(
        text("SELECT outside_jurisdiction FROM reports WHERE id = :r"), {"r": report_id}
    ).scalar_one()
    return True, bool(outside)


def import_records(
    engine: Engine,
    records: list[dict],
    *,
    source: str,
    service_map: dict[str, str] | None,
    assume_zone: ZoneInfo | None,
    progress: Callable[[int, int], None] | None = None,
) -> Summary:
    summary = Summary()
    with engine.connect() as conn:
        categories = _categories(conn)
    for done, record in enumerate(records, start=1):
        planned = plan(
            record,
            source=source,
            categories=categories,
            service_map=service_map,
            assume_zone=assume_zone,
        )
        if isinstance(planned, Refused):
            summary.refused.append(planned)
        else:
            try:
                with engine.begin() as conn:
                    imported, outside = _store(conn, planned)
            except QlueDatabaseError as exc:
                summary.refused.append(Refused(planned.request_id, str(exc)))
            else:
                (summary.imported if imported else summary.already).append(planned.request_id)
                if outside:
                    summary.flagged.append(planned.request_id)
        if progress is not None:
            progress(done, len(records))
    return summary


def _bar(stream: TextIO) -> Callable[[int, int], None] | None:
    if not stream.isatty():
        return None

    def show(done: int, total: int) -> None:
        width = 30
        filled = width * done // total if total else width
        stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done == total:
            stream.write("\n")
        stream.flush()

    return show


def print_summary(summary: Summary, out: TextIO) -> None:
    print(
        f"imported {len(summary.imported)}, already there {len(summary.already)}, "
        f"refused {len(summary.refused)}",
        file=out,
    )
    if summary.already:
        print(f"already there: {', '.join(summary.already)}", file=out)
    if summary.flagged:
        print(
            f"outside DKI Jakarta (flagged, kept): {', '.join(summary.flagged)}",
            file=out,
        )
    for refused in summary.refused:
        print(f"refused {refused.request_id}: {refused.reason}", file=out)


def import_main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    try:
        zone = ZoneInfo(args.assume_zone) if args.assume_zone else None
    except (ZoneInfoNotFoundError, ValueError):
        print(f"qlue-console import: unknown time zone {args.assume_zone!r}", file=sys.stderr)
        return 1
    try:
        service_map = None
        if args.service_map is not None:
            service_map = parse_service_map(
                read_document(str(args.service_map)), args.service_map.name
            )
        records = parse_document(read_document(args.document))
    except DocumentError as exc:
        print(f"qlue-console import: {exc}", file=sys.stderr)
        return 1
    try:
        database = open_database(resolve_target(args.database_url), progress=_say)
        try:
            summary = import_records(
                database.engine,
                records,
                source=args.source,
                service_map=service_map,
                assume_zone=zone,
                progress=_bar(sys.stderr),
            )
        finally:
            database.engine.dispose()
    except QlueDatabaseError as exc:
        print(f"qlue-console: {exc}", file=sys.stderr)
        return 1
    print_summary(summary, sys.stdout)
    return 1 if summary.refused else 0


def _say(message: str) -> None:
    print(message, file=sys.stderr)
