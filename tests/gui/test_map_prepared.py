"""A marker set PostgreSQL encoded and a worker prepared (page.prepare_encoded) reaches the page
as it is, and a page that has to be reloaded after later changes gets the markers as they are
now, even when those changes came with another list of titles."""

from __future__ import annotations

import json

from qlue_console.data.map_data import MARKER_FIELDS, fetch_encoded_markers
from qlue_console.gui.map.page import STATES, prepare_encoded
from qlue_console.gui.workspaces.triage import MAP_LABELS
from tests.gui.conftest import EVERY_STATE


def test_a_prepared_set_is_the_encoded_batch(map_reports, marker):
    map_reports.put(
        marker(
            i,
            priority=i % 4,
            state=("Selesai", "Menunggu")[i % 2],
            title=("Banjir", "Sampah")[i % 3 == 0],
            overdue=i % 5 == 0,
        )
        for i in range(1, 8)
    )
    found = fetch_encoded_markers(
        map_reports.engine, EVERY_STATE, language="id", label_of=MAP_LABELS, label_order=STATES
    )
    ready = prepare_encoded(found.titles, iter(found.rows))
    assert len(ready) == 7 and set(ready.by_id) == set(range(1, 8))
    # plain tuples, which the garbage collector stops tracking
    assert all(type(t) is tuple for t in ready.by_id.values())
    batch = json.loads(ready.batch_json)
    assert batch["titles"] == found.titles
    assert batch["rows"] == [json.loads(row) for _id, _text, row in found.rows]
    ids = [row[MARKER_FIELDS.index("id")] for row in batch["rows"]]
    assert ids == [7, 6, 5, 4, 3, 2, 1]  # newest first, as the queue lists them


def test_a_reloaded_page_gets_the_markers_as_they_are_now(
    qtbot, map_view, marker, prepared, js, drawn
):
    drawn(map_view, lambda: map_view.set_markers(prepared([marker(1), marker(2), marker(3)])))
    assert js(map_view, "QlueMap.count()") == 3
    # another category first: this batch's title indexes point into another list of titles
    drawn(
        map_view,
        lambda: map_view.upsert_markers(
            prepared([marker(4, title="Banjir"), marker(2, lat=-6.25, lon=106.80)])
        ),
    )
    drawn(map_view, lambda: map_view.remove_markers([1]))
    with qtbot.waitSignal(map_view.ready, timeout=20_000):
        map_view.view.reload()
    qtbot.waitUntil(lambda: js(map_view, "QlueMap.count()") == 3, timeout=5_000)
    assert json.loads(js(map_view, "JSON.stringify([...QlueMap.records.keys()].sort())")) == [
        2,
        3,
        4,
    ]
    assert map_view.report_ids() == {2, 3, 4}
    where = json.loads(js(map_view, "JSON.stringify(QlueMap.markerLatLng(2))"))
    assert (round(where["lat"], 4), round(where["lng"], 4)) == (-6.25, 106.80)
    titles = json.loads(
        js(
            map_view,
            "JSON.stringify([2, 3, 4].map(function (id) { "
            "return QlueMap.markers.record(id).title; }))",
        )
    )
    assert titles == ["Sampah", "Sampah", "Banjir"]
