"""Describes the photos a channel stored without their metadata (revision 0025): each is
decoded once by :func:`~qlue_console.photos.ingest.describe_photo`, the contract's own pipeline,
so a hash written here equals the one the Python wrapper would have stored on the request.

A batch is one transaction: ``qlue_photos_to_describe`` locks up to ``batch`` waiting photos
(SKIP LOCKED, so several describers share the queue), each is described, and
``qlue_photo_described`` writes its metadata, or the reason the bytes could not be read (the
photo is then not tried again and the verifier's checks report it unreadable).

:func:`follow` runs until told to stop, sleeping ``idle`` seconds whenever the queue is empty;
a lost connection is retried after the same pause, so the gateway's describer outlives a
database restart.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from qlue_console.photos.decode import PhotoError
from qlue_console.photos.ingest import describe_photo

log = logging.getLogger(__name__)

BATCH = 8
IDLE_SECONDS = 0.5


@dataclass(frozen=True)
class Described:
    """One batch: photos described, and those whose bytes could not be read."""

    described: int
    unreadable: int

    @property
    def total(self) -> int:
        return self.described + self.unreadable


def describe_batch(engine: Engine, batch: int = BATCH) -> Described:
    """Describes up to ``batch`` waiting photos in one transaction."""
    described = unreadable = 0
    with engine.begin() as conn:
        rows = conn.execute(
            text("SELECT id, data FROM qlue_photos_to_describe(:limit)"), {"limit": batch}
        ).all()
        for photo_id, data in rows:
            meta: str | None = None
            error: str | None = None
            try:
                meta = json.dumps(describe_photo(bytes(data)).to_json())
                described += 1
            except PhotoError as exc:
                error = str(exc)
                unreadable += 1
                log.info("photo %d cannot be read: %s", photo_id, error)
            conn.execute(
                text("SELECT qlue_photo_described(:id, CAST(:meta AS jsonb), :error)"),
                {"id": photo_id, "meta": meta, "error": error},
            )
    return Described(described, unreadable)


def waiting(engine: Engine) -> int:
    """How many photos wait for a describer."""
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT qlue_photos_waiting()")).scalar_one())


def drain(engine: Engine, batch: int = BATCH) -> Described:
    """Describes every waiting photo, then returns what it did."""
    described = unreadable = 0
    while True:
        done = describe_batch(engine, batch)
        described += done.described
        unreadable += done.unreadable
        if done.total == 0:
            return Described(described, unreadable)


def follow(
    engine: Engine,
    stop: threading.Event,
    *,
    batch: int = BATCH,
    idle: float = IDLE_SECONDS,
) -> Described:
    """Describes photos as they arrive until ``stop`` is set; returns the totals."""
    described = unreadable = 0
    while not stop.is_set():
        try:
            done = describe_batch(engine, batch)
        except DBAPIError as exc:
            log.warning("photo describer: %s; retrying in %.1f s", exc.orig or exc, idle)
            stop.wait(idle)
            continue
        described += done.described
        unreadable += done.unreadable
        if done.total == 0:
            stop.wait(idle)
    return Described(described, unreadable)
