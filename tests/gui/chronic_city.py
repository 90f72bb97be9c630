"""A small city with chronic spots for the GUI tests, made through the contract as the
recurrence tests make them (``tests/recurrence/city.py``): three spots of three categories.

* ``banjir`` at Pluit: 6 reports, none came back;
* ``sampah`` at Monas: a report closed 5 days ago and 3 reported after it within 100 m (each
  came back after closing): 4 reports, 3 recurrences;
* ``markup`` (a category whose names are markup) at Senen: 4 reports, none came back.

Sorted as the list sorts them: banjir (6, 0), sampah (4, 3), markup (4, 0)."""

from __future__ import annotations

from sqlalchemy import text

from qlue_console.seed.demo_people import seed_people
from tests.recurrence.city import MONAS, close, days_ago, east, north, submit

PLUIT = (-6.1200, 106.7950)
SENEN = (-6.1780, 106.8420)
MARKUP_ID = "<img src=x onerror=window.__xss=1> Got <b>lubang</b>"
MARKUP_EN = "</script><script>window.__xss=1</script> <b>Pothole</b>"


def build_spot_city(engine) -> dict[str, list[int]]:
    """The reports of each spot, by category code (open ones only under ``"<code>:open"``)."""
    with engine.begin() as conn:
        seed_people(conn)
        conn.execute(
            text(
                "INSERT INTO categories (code, name_id, name_en, sla_hours) "
                "VALUES ('markup', :i, :e, 24) ON CONFLICT DO NOTHING"
            ),
            {"i": MARKUP_ID, "e": MARKUP_EN},
        )
    closed = submit(engine, MONAS, when=days_ago(7))
    close(engine, closed, days_ago(5))
    sampah = [submit(engine, north(m), when=days_ago(d)) for m, d in ((10, 4), (20, 3), (30, 2))]
    banjir = [
        submit(engine, east(12 * i, of=PLUIT), when=days_ago(10 - i), category="banjir")
        for i in range(6)
    ]
    markup = [
        submit(engine, north(8 * i, of=SENEN), when=days_ago(6 - i), category="markup")
        for i in range(4)
    ]
    return {
        "banjir": banjir,
        "banjir:open": banjir,
        "sampah": [closed, *sampah],
        "sampah:open": sampah,
        "markup": markup,
        "markup:open": markup,
    }
