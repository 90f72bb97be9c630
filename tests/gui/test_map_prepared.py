"""A marker set prepared on a worker (page.prepare_markers) reaches the page as it is, and a
page that has to be reloaded after later changes gets the markers as they are now."""

from __future__ import annotations

import json

from qlue_console.gui.map.page import encode_markers, prepare_markers, to_json
from tests.gui.test_map_view import drawn, js, make_view, map_view, marker  # noqa: F401  (fixtures)


def test_a_prepared_set_is_the_encoded_batch(monkeypatch):
    import qlue_console.gui.map.page as page

    monkeypatch.setattr(page, "JSON_SLICE", 2)   # several slices, as with a city's markers
    markers = [marker(i, priority=i % 4, state=("Selesai", "Menunggu")[i % 2], title=("Banjir", "Sampah")[i % 3 == 0],
                      overdue=i % 5 == 0) for i in range(1, 8)]
    prepared = prepare_markers(iter(markers))
    assert len(prepared) == 7 and set(prepared.by_id) == set(range(1, 8))
    # plain tuples, which the garbage collector stops tracking
    assert all(type(t) is tuple for t in prepared.by_id.values())
    assert json.loads(prepared.batch_json) == json.loads(to_json(encode_markers(markers)))


def test_a_reloaded_page_gets_the_markers_as_they_are_now(qtbot, map_view):
    drawn(qtbot, map_view, lambda: map_view.set_markers(prepare_markers([marker(1), marker(2), marker(3)])))
    assert js(qtbot, map_view, "QlueMap.count()") == 3
    drawn(qtbot, map_view, lambda: map_view.upsert_markers([marker(2, lat=-6.25, lon=106.80), marker(4)]))
    drawn(qtbot, map_view, lambda: map_view.remove_marker(1))
    with qtbot.waitSignal(map_view.ready, timeout=20_000):
        map_view.view.reload()
    qtbot.waitUntil(lambda: js(qtbot, map_view, "QlueMap.count()") == 3, timeout=5_000)
    assert json.loads(js(qtbot, map_view, "JSON.stringify([...QlueMap.records.keys()].sort())")) == [2, 3, 4]
    where = json.loads(js(qtbot, map_view, "JSON.stringify(QlueMap.markerLatLng(2))"))
    assert (round(where["lat"], 4), round(where["lng"], 4)) == (-6.25, 106.80)
