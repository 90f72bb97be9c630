"""Places the demo city's reports keep coming back to (issue #15), so the console shows
recurrences and chronic spots at first start: a drain on a main road that floods every week,
and an illegal parking corner reported several times a week lately.

Before the scenarios are assigned, some of the drawn reports near the wanted times are moved
to the place (within 25 m), given its category and a text about it; they are then lived like any
other report, so most are closed by an approved proof a few days later and the next one, a week
on, comes back after that closing. The database decides the recurrences and the spots itself.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from qlue_console.seed import demo_text
from qlue_console.seed import geo_sampling as geo
from qlue_console.seed.demo_model import Report

SPREAD_M = 25.0  # how far from the place a citizen's position falls


@dataclass(frozen=True)
class RecurringPlace:
    name: str
    category: str
    lat: float
    lon: float
    every: timedelta  # one report per interval
    since_weeks: float  # over the last weeks


PLACES = (
    # Jl. Gunung Sahari Raya at Pasar Baru: the drain that floods after every heavy rain
    RecurringPlace("drain", "saluran_tersumbat", -6.16152, 106.83474, timedelta(days=7), 8),
    # a corner by Pasar Tanah Abang's blocks: cars and ojek parked on the pavement
    RecurringPlace("parking", "parkir_liar", -6.18622, 106.81229, timedelta(days=3), 4),
)


def _kelurahan_name(lat: float, lon: float) -> str | None:
    for kelurahan in geo.load_kelurahan():
        if geo.point_in_kelurahan(lat, lon, kelurahan):
            return kelurahan.name
    return None


def place_recurring(
    reports: list[Report], now: datetime, categories: set[str], rng: random.Random
) -> None:
    """Moves reports to the recurring places (marks them ``recurring``); a place whose category
    the city lacks is left out."""
    originals = {id(r.duplicate_of) for r in reports if r.duplicate_of is not None}
    free = [
        r for r in reports if r.reject is None and r.duplicate_of is None and id(r) not in originals
    ]
    used: set[int] = set()
    for place in PLACES:
        if place.category not in categories:
            continue
        kelurahan = _kelurahan_name(place.lat, place.lon)
        wanted = now - timedelta(weeks=place.since_weeks)
        while wanted < now - timedelta(hours=3):
            candidates = [r for r in free if id(r) not in used]
            if not candidates:
                return
            r = min(candidates, key=lambda c: abs((c.created_at - wanted).total_seconds()))
            if abs(r.created_at - wanted) < place.every / 2:
                used.add(id(r))
                r.recurring = place.name
                r.category = r.initial_category = place.category
                r.lat, r.lon = geo.offset_point(place.lat, place.lon, rng, 0, SPREAD_M)
                r.text = demo_text.report_text(place.category, rng, kelurahan=kelurahan)
            wanted += place.every
