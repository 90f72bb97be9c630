"""``qlue-console check-photo``: the proof-photo checks on a file, printed as JSON.

    qlue-console check-photo PHOTO [--lat L --lon L] [--reported-at ISO] [--followed-up-at ISO]
                                   [--report-photo FILE]

Without a database there are no reuse hits and no self-resolved data: those checks are
reported as not checked. Times without an offset are Jakarta time. Exit 0 with the report on
stdout; a user mistake (missing file, bad time, a latitude or longitude out of range, an
unknown option) is one line on stderr and exit 2.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import sys
from datetime import datetime
from pathlib import Path

from qlue_console.photos.checks import CheckContext, run_checks
from qlue_console.photos.decode import PhotoError
from qlue_console.photos.exif import JAKARTA
from qlue_console.photos.ingest import describe_photo

logger = logging.getLogger(__name__)


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not argparse's usage block
        raise _UsageError(message)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="qlue-console check-photo",
        description="Run the proof-photo checks on a file and print JSON.",
    )
    p.add_argument("photo", help="the proof photo (JPEG, PNG, WebP, HEIC)")
    p.add_argument("--lat", type=float, help="latitude of the report")
    p.add_argument("--lon", type=float, help="longitude of the report")
    p.add_argument(
        "--reported-at", help="when the report was made (ISO 8601; Jakarta time without offset)"
    )
    p.add_argument("--followed-up-at", help="when the follow-up was posted (ISO 8601)")
    p.add_argument("--report-photo", help="the citizen's photo of the report, to compare with")
    return p


def _time(value: str | None, option: str) -> datetime | None:
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise _UsageError(f"{option}: not an ISO 8601 time: {value!r}") from None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=JAKARTA)


def _coordinate(value: float | None, option: str, limit: float) -> float | None:
    if value is None:
        return None
    if not math.isfinite(value) or not -limit <= value <= limit:
        raise _UsageError(f"{option} {value:g} is out of range (-{limit:g} to {limit:g} degrees)")
    return value


def _read(path: str, what: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise _UsageError(f"{what} not found: {path}") from None
    except IsADirectoryError:
        raise _UsageError(f"{what} is a directory: {path}") from None
    except OSError as exc:
        raise _UsageError(f"{what} cannot be read: {path} ({exc.strerror or exc})") from None


def check_photo_main(argv: list[str]) -> int:
    """Entry point of ``check-photo``; returns the exit code."""
    try:
        args = _parser().parse_args(argv)
        if (args.lat is None) != (args.lon is None):
            raise _UsageError("give both --lat and --lon, or neither")
        _coordinate(args.lat, "--lat", 90.0)
        _coordinate(args.lon, "--lon", 180.0)
        photo = _read(args.photo, "photo")
        report_phash = None
        if args.report_photo:
            try:
                report_phash = describe_photo(_read(args.report_photo, "report photo")).phash
            except PhotoError as exc:
                raise _UsageError(f"report photo is not a readable image: {exc.message}") from None
        ctx = CheckContext(
            report_lat=args.lat,
            report_lon=args.lon,
            report_created_at=_time(args.reported_at, "--reported-at"),
            submitted_at=_time(args.followed_up_at, "--followed-up-at"),
            report_phash=report_phash,
        )
    except _UsageError as exc:
        print(f"check-photo: {exc}", file=sys.stderr)
        return 2
    report = run_checks(photo, ctx)
    json.dump(report.to_json(), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0
