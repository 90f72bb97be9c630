"""Markers for tests and benchmarks that have no database: what ``data.map_data.
fetch_encoded_markers`` returns, made from ``MapMarker`` values by a reference encoder.

The console encodes its markers in PostgreSQL only; tests/triage/test_queue_data.py checks that
those rows are the rows this reference makes."""

from __future__ import annotations

from collections.abc import Iterable

from qlue_console.gui.map.page import STATES, MapMarker, PreparedMarkers, prepare_encoded, to_json


def page_row(marker: MapMarker | tuple, title_index: int) -> tuple:
    """The page's row ``[id, lat, lon, state index, priority 0-3, overdue 0/1, title index]``."""
    report_id, lat, lon, state_label, priority, overdue, _title, _text = marker
    state = STATES.index(state_label) if state_label in STATES else -1
    return (
        int(report_id),
        round(float(lat), 6),
        round(float(lon), 6),
        state,
        max(0, min(3, int(priority))),
        1 if overdue else 0,
        title_index,
    )


def encoded_rows(markers: Iterable[MapMarker | tuple]) -> tuple[list[str], list[tuple]]:
    """(titles, rows) as ``fetch_encoded_markers`` gives them: each row a marker's values
    followed by its page row as JSON text."""
    titles: dict[str, int] = {}
    rows = []
    for m in markers:
        t = titles.setdefault(m[6], len(titles))
        rows.append((*tuple(m), to_json(page_row(m, t))))
    return list(titles), rows


def prepared(markers: Iterable[MapMarker | tuple]) -> PreparedMarkers:
    return prepare_encoded(*encoded_rows(markers))
