"""The chronic spots layer of the map, in plain Python (no Qt): how a spot is drawn (a circle
sized by its reports, darker as more of them came back after a fix was closed) and the rows the
page gets for it as JSON (``map.js``, command ``spots``). Texts stay texts: the page writes them
with ``textContent``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from qlue_console.data.recurrences import ChronicSpot

# ColorBrewer Oranges: no hue of the markers (red, yellow, green, grey) nor of the choropleth
# (purples); the darkest for the spots where most fixes did not hold.
SPOT_RAMP: tuple[str, ...] = ("#fdbe85", "#fd8d3c", "#e6550d", "#a63603", "#6b2402")
# Upper bounds of the recurrences each colour stands for (the last takes any more).
SPOT_RECURRENCE_CLASSES: tuple[int, ...] = (0, 1, 2, 4)
SPOT_OUTLINE = "#4a1a00"
ACTIVE_SPOT_OUTLINE = "#1565c0"  # the spot the queue is filtered to (the selection's blue)
SPOT_MIN_RADIUS = 9.0
SPOT_MAX_RADIUS = 30.0


def spot_radius(reports: int) -> float:
    """The circle's radius in pixels: grows with the square root of the reports (the area with
    the count), from SPOT_MIN_RADIUS up to SPOT_MAX_RADIUS."""
    radius = SPOT_MIN_RADIUS + 3.0 * math.sqrt(max(0, reports - 1))
    return round(min(SPOT_MAX_RADIUS, radius), 1)


def spot_colour(recurrences: int) -> str:
    """The circle's fill: darker when more reports came back after closing."""
    for bound, colour in zip(SPOT_RECURRENCE_CLASSES, SPOT_RAMP, strict=False):
        if recurrences <= bound:
            return colour
    return SPOT_RAMP[-1]


_KOTA_PREFIXES = ("Kota Administrasi ", "Kabupaten Administrasi ")


def short_kota(name: str | None) -> str | None:
    """A kota's name as operators say it: "Jakarta Pusat" for "Kota Administrasi Jakarta
    Pusat"."""
    for prefix in _KOTA_PREFIXES:
        if name and name.startswith(prefix):
            return name[len(prefix) :]
    return name


def spot_place(spot: ChronicSpot) -> str:
    """Kelurahan and kota, as far as they are known."""
    return ", ".join(x for x in (spot.kelurahan, short_kota(spot.kota)) if x)


def spot_rows(
    spots: Sequence[ChronicSpot], category_names: Sequence[str], lines: Sequence[Sequence[str]]
) -> list[dict]:
    """The page's rows: the spot's id, place, circle and its tooltip's lines (plain text)."""
    return [
        {
            "id": s.id,
            "lat": s.lat,
            "lon": s.lon,
            "r": spot_radius(s.reports),
            "colour": spot_colour(s.recurrences),
            "reports": s.reports,
            "recurrences": s.recurrences,
            "category": name,
            "lines": list(text),
        }
        for s, name, text in zip(spots, category_names, lines, strict=True)
    ]


def spot_legend() -> list[dict]:
    """The legend's colour rows: the recurrences each colour stands for (lo, hi; hi None: or
    more)."""
    rows, lo = [], 0
    for bound, colour in zip(SPOT_RECURRENCE_CLASSES, SPOT_RAMP, strict=False):
        rows.append({"lo": lo, "hi": bound, "colour": colour})
        lo = bound + 1
    rows.append({"lo": lo, "hi": None, "colour": SPOT_RAMP[-1]})
    return rows
