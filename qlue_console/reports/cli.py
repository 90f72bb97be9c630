"""``qlue-console report weekly``: the weekly report from the command line, for a scheduled job.

    qlue-console report weekly [--week 2026-W47]
                               [--by agency|kota|kecamatan|kelurahan|official]
                               [--format csv|xlsx|pdf] --out FILE [--lang id|en]
                               [--database-url URL] [--read-url URL]

The language, when ``--lang`` is not given, follows the console's rule
(``qlue_console.domain.language``): ``QLUE_LANG``, else the system locale.

On success the CLI prints the file written, then the week's top ten chronic spots as a table
(labels.CHRONIC_COLUMNS, in the report's language); the CSV's spots are also in a second file
beside it (``<name>-chronic-spots.csv``), named on the second line.

Without ``--week``, the last complete week (Jakarta time); a week that has not ended yet is
refused (its figures would still change). Without ``--format`` the format follows the file's
extension (.csv, .xlsx, .pdf); an unknown or missing extension, or one that contradicts
``--format``, is refused. Exit 0 with the file written; one line on stderr and a non-zero exit
for a bad week or format, an unwritable path or an unreachable database (2: bad arguments,
1: the database or the file system failed).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from qlue_console.db.errors import QlueDatabaseError
from qlue_console.domain.language import default_language
from qlue_console.reports.kpis import GROUPINGS
from qlue_console.reports.weeks import BadWeekError, Week, last_complete_week, require_finished

FORMATS = ("csv", "xlsx", "pdf")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not argparse's usage block
        raise _UsageError(message)


class _UsageError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="qlue-console report", description="Weekly performance reports (KPIs, league tables)."
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    weekly = commands.add_parser("weekly", help="write one week's report to a file")
    weekly.add_argument(
        "--week", help="ISO week such as 2026-W47 (default: the last complete week, Jakarta time)"
    )
    weekly.add_argument(
        "--by", choices=GROUPINGS, default="agency", help="grouping of the league table"
    )
    weekly.add_argument(
        "--format", choices=FORMATS, help="output format (default: from the file's extension)"
    )
    weekly.add_argument("--out", required=True, type=Path, metavar="FILE", help="the file to write")
    weekly.add_argument(
        "--lang",
        choices=("id", "en"),
        help="language of the report "
        "(default: $QLUE_LANG, else the system locale: id… → id, else en)",
    )
    weekly.add_argument(
        "--database-url",
        metavar="URL",
        help="central PostgreSQL (default: $QLUE_DATABASE_URL, else the embedded server)",
    )
    weekly.add_argument(
        "--read-url",
        metavar="URL",
        help="a standby to read from (default: $QLUE_READ_DATABASE_URL, else the primary; "
        "the primary too when the standby does not answer)",
    )
    return parser


def _check_writable(path: Path) -> None:
    """Fails before any database work when the file cannot be written."""
    directory = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise OSError(f"{path} is a directory")
    if not directory.is_dir():
        raise OSError(f"the folder {directory} does not exist")
    if path.exists() and not os.access(path, os.W_OK):
        raise OSError(f"{path} is not writable")
    if not os.access(directory, os.W_OK | os.X_OK):
        raise OSError(f"the folder {directory} is not writable")


def output_format(out: Path, fmt: str | None) -> str:
    """The format to write: ``fmt`` when given (the file's extension, if any, must agree), else
    the extension's. Raises ``_UsageError`` with one line otherwise."""
    suffix = out.suffix.lower().lstrip(".")
    if fmt is not None:
        if suffix and suffix != fmt:
            raise _UsageError(
                f"--out {out.name} has the extension .{suffix} but --format is {fmt}: "
                f"name the file .{fmt} or choose --format {suffix if suffix in FORMATS else fmt}"
            )
        return fmt
    if suffix in FORMATS:
        return suffix
    known = ", ".join(f".{f}" for f in FORMATS)
    if not suffix:
        raise _UsageError(
            f"--out {out.name} has no extension: end the name with {known}, or give --format"
        )
    raise _UsageError(f"--out {out.name}: unknown extension .{suffix} (a report is {known})")


def _engine(database_url: str | None, read_url: str | None):
    """The engine the report reads with: the standby when one is configured and answers, else
    the primary (the embedded server migrates itself first, as the console does)."""
    from qlue_console.config import resolve_target
    from qlue_console.db import migrate
    from qlue_console.db.embedded import database_url as target_url
    from qlue_console.db.engine import check_connection, make_engine, make_read_engine

    target = resolve_target(database_url, read_url)
    primary_url = target_url(target)
    if target.embedded:
        engine = make_engine(primary_url)
        check_connection(engine)
        migrate.upgrade(engine)
        engine.dispose()
    engine = make_read_engine(target.read_url, primary_url)
    check_connection(engine)
    return engine


def chronic_table(report, lang: str) -> list[str]:
    """The week's top chronic spots as lines of text: a title, a header, one line a spot."""
    from qlue_console.reports.chronic import spot_value
    from qlue_console.reports.labels import CHRONIC_COLUMNS, fmt_value, t

    lines = [f"{t('chronic', lang)} ({report.week}):"]
    if not report.chronic.spots:
        return [*lines, t("no_chronic", lang)]
    table = [[c.label(lang) for c in CHRONIC_COLUMNS]]
    for spot in report.chronic.spots:
        table.append(
            [fmt_value(c.kind, spot_value(spot, c.code, lang), lang) for c in CHRONIC_COLUMNS]
        )
    widths = [max(len(row[i]) for row in table) for i in range(len(CHRONIC_COLUMNS))]
    for row in table:
        cells = [
            cell.ljust(width) if column.kind == "text" else cell.rjust(width)
            for cell, width, column in zip(row, widths, CHRONIC_COLUMNS, strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
    return lines


def write_report(engine, week: Week, grouping: str, fmt: str, out: Path, lang: str):
    """Builds the report and writes it atomically (a temporary file renamed into place; the
    CSV's chronic spots file too). Returns the report."""
    from qlue_console.reports.export_csv import chronic_path, write_csv
    from qlue_console.reports.export_pdf import write_pdf
    from qlue_console.reports.export_xlsx import write_xlsx
    from qlue_console.reports.service import build_report

    groupings = GROUPINGS if fmt == "xlsx" else (grouping,)
    report = build_report(engine, week, groupings, grouping)
    writer = {"csv": write_csv, "xlsx": write_xlsx, "pdf": write_pdf}[fmt]
    fd, tmp = tempfile.mkstemp(
        prefix=".qlue-report-", suffix=f".{fmt}", dir=out.parent if str(out.parent) else "."
    )
    os.close(fd)
    try:
        writer(report, Path(tmp), lang)
        if fmt == "csv":
            os.replace(chronic_path(Path(tmp)), chronic_path(out))
            os.chmod(chronic_path(out), 0o644)
        os.replace(tmp, out)
        os.chmod(out, 0o644)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        chronic_path(Path(tmp)).unlink(missing_ok=True)
        raise
    return report


def report_main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
        if args.command != "weekly":
            raise _UsageError("say which report: qlue-console report weekly --out FILE …")
        week = require_finished(Week.parse(args.week)) if args.week else last_complete_week()
        out = args.out.expanduser()
        _check_writable(out)
        fmt = output_format(out, args.format)
    except (_UsageError, BadWeekError) as exc:
        print(f"qlue-console report: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"qlue-console report: cannot write the report: {exc}", file=sys.stderr)
        return 1
    lang = args.lang or default_language(os.environ)
    try:
        engine = _engine(args.database_url, args.read_url)
        try:
            report = write_report(engine, week, args.by, fmt, out, lang)
        finally:
            engine.dispose()
    except QlueDatabaseError as exc:
        print(f"qlue-console report: {exc}", file=sys.stderr)
        return 1
    except DBAPIError as exc:
        reason = (
            str(exc.orig).strip().splitlines()[0]
            if exc.orig is not None
            else str(exc).splitlines()[0]
        )
        print(f"qlue-console report: database error: {reason}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"qlue-console report: cannot write the report: {exc}", file=sys.stderr)
        return 1
    print(f"{out} ({fmt}, {args.by}, {week})")
    if fmt == "csv":
        from qlue_console.reports.export_csv import chronic_path

        print(chronic_path(out))
    print("\n".join(chronic_table(report, lang)))
    return 0


if __name__ == "__main__":
    sys.exit(report_main(sys.argv[1:]))
