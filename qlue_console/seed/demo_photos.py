"""The demo's photos, drawn from the jobs the plan describes them by.

A job is a tuple that says how to draw a photo, so equal jobs are one photo drawn once: a
street scene (``("scene", seed, lat, lon, taken, make, model)``), a phone screenshot
(``("screenshot", seed)``), or another job's photo changed (``("derive", job, op, ...)``:
blurred, darkened, EXIF stripped, recompressed smaller, a date stamped on it). ``render_photo``
draws one and describes it as the contract would store it; ``rendered_photos`` draws many in
worker processes and yields them in the order given. The pool runs ``render_photo``: it must
stay a top-level function of this module so the workers can import it.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Generator
from datetime import datetime

PHOTO_SIZE = (480, 360)


def _build(job: tuple) -> bytes:
    from qlue_console.photos import demo

    kind = job[0]
    if kind == "scene":
        _k, seed, lat, lon, taken, make, model = job
        return demo.make_scene_photo(
            seed,
            lat=lat,
            lon=lon,
            taken_at=datetime.fromisoformat(taken),
            size=PHOTO_SIZE,
            make=make,
            model=model,
        )
    if kind == "screenshot":
        return demo.screenshot_png(job[1], size=(540, 1170))
    base = _build(job[1])
    op = job[2]
    if op == "blur":
        return demo.blurred(base)
    if op == "dark":
        return demo.darkened(base)
    if op == "strip":
        return demo.strip_exif(base)
    if op == "recompress":
        return demo.recompress_resized(base, job[3], job[4])
    if op == "overlay":
        return demo.with_text_overlay(base, job[3])
    raise ValueError(f"unknown photo job {job!r}")


_FAST_META = True


def _describe(data: bytes) -> dict:
    """What ``describe_photo`` stores, without the flip/rotation hashes and quality measures the
    checks need but the photos table does not (a third of the cost); ``describe_photo``
    itself when the photo package's parts have moved."""
    global _FAST_META
    from qlue_console.photos.ingest import describe_photo

    if _FAST_META:
        try:
            from qlue_console.photos.decode import load_image, open_header
            from qlue_console.photos.exif import exif_from_image
            from qlue_console.photos.hashing import phash64, sha256_hex
            from qlue_console.photos.ingest import ANALYSIS_DRAFT, PhotoMeta

            header, _fmt = open_header(data)
            try:
                exif = exif_from_image(header)
            finally:
                header.close()
            decoded = load_image(data, draft_size=ANALYSIS_DRAFT)
            return PhotoMeta(
                sha256=sha256_hex(data),
                phash=phash64(decoded.image),
                width=decoded.width,
                height=decoded.height,
                mime=decoded.mime,
                format=decoded.format,
                exif=exif.tags,
                taken_at=exif.taken_at,
                gps_lat=exif.gps_lat,
                gps_lon=exif.gps_lon,
            ).to_json()
        except (ImportError, AttributeError, TypeError):
            _FAST_META = False
    return describe_photo(data).to_json()


def render_photo(job: tuple) -> tuple[tuple, bytes, dict]:
    """A planned photo's bytes and the metadata the contract would store with it."""
    data = _build(job)
    try:
        meta = _describe(data)
    except Exception:  # noqa: BLE001 - a demo photo the reader refuses is stored bare, as a channel might
        meta = {}
    return job, data, meta


def rendered_photos(
    jobs: list[tuple], processes: int
) -> Generator[tuple[tuple, bytes, dict], None, None]:
    if processes <= 1 or len(jobs) < 64:
        yield from map(render_photo, jobs)
        return
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with multiprocessing.get_context(method).Pool(processes) as pool:
        yield from pool.imap(render_photo, jobs, chunksize=16)
