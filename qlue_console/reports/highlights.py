"""Which ranked groups the charts highlight as the best and the worst, the same way on screen
and in the PDF.

With at least twenty ranked groups: the top ten and the bottom ten. With fewer, a top and a
bottom ten would overlap (eleven ranked would give ten "best" and one "worst"), so every ranked
group is shown: the upper half as the best, the lower half as the worst, and with an odd count
the one in the middle as neither. A group's band depends only on its rank position.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from qlue_console.reports.ranking import RankedRow

SIZE = 10
Band = Literal["top", "middle", "bottom"]


@dataclass(frozen=True)
class Highlights:
    rows: tuple[tuple[RankedRow, Band], ...]  # best first
    split: bool  # True: top and bottom ten of more; False: all, in halves
    ranked: int  # how many groups are ranked

    def band(self, band: Band) -> list[RankedRow]:
        return [r for r, b in self.rows if b == band]


def highlights(league: Sequence[RankedRow], size: int = SIZE) -> Highlights:
    """The ranked rows of ``league`` (best first) to show, each with its band."""
    ranked = sorted(
        (r for r in league if r.rank_normalised is not None), key=lambda r: r.rank_normalised or 0
    )
    n = len(ranked)
    split = n >= 2 * size
    if split:
        ranked = ranked[:size] + ranked[-size:]
    half = size if split else n // 2
    count = len(ranked)

    def band_of(position: int) -> Band:
        return "top" if position < half else "bottom" if position >= count - half else "middle"

    return Highlights(tuple((r, band_of(i)) for i, r in enumerate(ranked)), split, n)


# The PDF's titles of the two halves (the console's chart names them through tr()).
UPPER_HALF = {"id": "Semua {n} berperingkat: separuh atas", "en": "All {n} ranked: upper half"}
LOWER_HALF = {"id": "Separuh bawah", "en": "Lower half"}
