"""What the verifier shows for one follow-up, loaded on a worker thread: the context from the
database and the photos decoded for display (citizen's, proof, the closest reused proof)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from qlue_console.gui.photo_view import DecodedPixels, decode_for_display
from qlue_console.verify.context import VerifyItem, fetch_item, fetch_photos


@dataclass(frozen=True)
class LoadedItem:
    item: VerifyItem
    report_pixels: DecodedPixels | None
    proof_pixels: DecodedPixels | None
    reuse_pixels: DecodedPixels | None


def load_item(engine: Engine, follow_up_id: int) -> LoadedItem | None:
    """Runs on a worker thread (TaskRunner)."""
    item = fetch_item(engine, follow_up_id)
    if item is None:
        return None
    reuse_id = item.reuse[0].photo_id if item.reuse else None
    photos = fetch_photos(
        engine, [i for i in (item.report_photo_id, item.proof_photo_id, reuse_id) if i]
    )
    return LoadedItem(
        item=item,
        report_pixels=decode_for_display(photos.get(item.report_photo_id or -1)),
        proof_pixels=decode_for_display(photos.get(item.proof_photo_id or -1)),
        reuse_pixels=decode_for_display(photos.get(reuse_id or -1)),
    )


def load_photo(engine: Engine, photo_id: int | None) -> DecodedPixels | None:
    if photo_id is None:
        return None
    return decode_for_display(fetch_photos(engine, [photo_id]).get(photo_id))
