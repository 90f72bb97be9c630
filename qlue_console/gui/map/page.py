"""The map page, in plain Python (no Qt): folium builds it once; markers and the choropleth
reach it later as JSON over the QWebChannel bridge (see ``map.js``).

Everything the page loads is local: Leaflet from the django-js-lib-leaflet package's files,
our ``markers.js`` (the markers' canvas layer), ``raster.js`` (its pixels) and ``map.js`` beside
this module and ``qwebchannel.js`` from Qt's resources. folium's default CDN links (jQuery,
Bootstrap, awesome-markers, Font Awesome) are dropped. The only remote address the page may hold
is a configured tile URL template.

The boundaries are embedded by folium with Jinja's ``tojson`` (which escapes ``<``, ``>`` and
``&``), so no property can close the script; the page is ~2 MB with them, more than
``QWebEngineView.setHtml`` takes, so it is written to a file (:func:`write_page`).
"""

from __future__ import annotations

import hashlib
import html
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import folium
import js_lib_leaflet
from branca.element import Element, Figure, MacroElement
from folium.template import Template

from qlue_console.data.map_data import MARKER_FIELDS
from qlue_console.domain.states import COLOUR_OF_LABEL, Label

LEAFLET_DIR = Path(js_lib_leaflet.__file__).resolve().parent / "static" / "js_lib_leaflet"
MAP_JS = Path(__file__).resolve().with_name("map.js")
MARKERS_JS = Path(__file__).resolve().with_name("markers.js")
RASTER_JS = Path(__file__).resolve().with_name("raster.js")
QWEBCHANNEL_JS = "qrc:///qtwebchannel/qwebchannel.js"

# The states in the order the page knows them (a marker row's ``state`` is the index).
STATES: tuple[str, ...] = tuple(label.value for label in Label)
UNKNOWN_COLOUR = "#757575"
OVERDUE_OUTLINE = "#1a1a1a"
NORMAL_OUTLINE = "#ffffff"
SELECTED_OUTLINE = "#1565c0"
# Radius in pixels by priority 0 (low) .. 3 (urgent).
PRIORITY_RADIUS: tuple[float, ...] = (4.0, 5.0, 6.5, 8.0)
# Drawn first (beneath) .. last (on top): done, rejected/duplicate, in progress, waiting.
_DRAW_RANK = {
    "Selesai": 0,
    "Ditolak": 0,
    "Duplikat": 0,
    "Koordinasi": 1,
    "Disposisi": 1,
    "Proses": 1,
    "Menunggu": 2,
}

BOUNDARY_STYLE = {
    "color": "#8a8a8a",
    "weight": 0.7,
    "opacity": 0.9,
    "fillColor": "#f4f1ea",
    "fillOpacity": 0.35,
}
# ColorBrewer Purples, five classes: no hue the markers use (red, yellow, green, grey), so a
# red marker still reads on the busiest kelurahan.
CHOROPLETH_RAMP: tuple[str, ...] = ("#f2f0f7", "#cbc9e2", "#9e9ac8", "#756bb1", "#54278f")


def marker_styles() -> dict:
    """The drawing table the page uses for every marker (sent once, in the config)."""
    return {
        "colours": [COLOUR_OF_LABEL[Label(s)] for s in STATES],
        "unknown": UNKNOWN_COLOUR,
        "drawRank": [_DRAW_RANK.get(s, 0) for s in STATES],
        "radius": list(PRIORITY_RADIUS),
        "outline": NORMAL_OUTLINE,
        "overdueOutline": OVERDUE_OUTLINE,
        "selected": SELECTED_OUTLINE,
    }


@dataclass(frozen=True)
class PreparedMarkers:
    """Markers as PostgreSQL encoded them for the page (``data.map_data.fetch_encoded_markers``),
    made ready off the UI thread (``prepare_encoded``): the markers by report id, and the batch
    of the ``set`` or ``upsert`` command already as JSON.

    Each marker is an ``EncodedMarker``: the citizen's text excerpt (the tooltip asks for it),
    the page row as JSON text (fields ``MARKER_FIELDS``, decoded only by the page) and the
    titles that row's title index points into (so a map that has to send everything again
    can). Python never reads the row."""

    by_id: dict[int, tuple]
    titles: tuple[str, ...]
    batch_json: str  # '{"titles": [...], "rows": [...]}'

    def __len__(self) -> int:
        return len(self.by_id)


# A marker as the map keeps it: (excerpt, page row JSON, titles); plain values and a tuple of
# strings, which the garbage collector stops tracking (100,000 NamedTuples made every full
# collection hold every thread, the UI's too, for a tenth of a second).
EncodedMarker = tuple
MARKER_TEXT, MARKER_ROW, MARKER_TITLES = 0, 1, 2


def prepare_encoded(titles: Sequence[str], rows: Iterable[tuple]) -> PreparedMarkers:
    """A marker set PostgreSQL has encoded: each row is (report id, excerpt, page row as JSON
    text), so nothing is encoded here."""
    shared = tuple(titles)
    by_id: dict[int, tuple] = {}
    encoded: list[str] = []
    for report_id, excerpt, row in rows:
        by_id[report_id] = (excerpt, row, shared)
        encoded.append(row)
    return PreparedMarkers(by_id, shared, batch_json(shared, encoded))


def batch_json(titles: Sequence[str], encoded_rows: Iterable[str]) -> str:
    """The page's batch from rows already encoded as JSON text (spliced, not encoded again)."""
    return f'{{"titles":{to_json(list(titles))},"rows":[{",".join(encoded_rows)}]}}'


def to_json(payload: object) -> str:
    """JSON for the channel. The page parses it with JSON.parse; it is never inlined in HTML."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def choropleth_classes(
    values: Mapping[str, int], ramp: Sequence[str] = CHOROPLETH_RAMP
) -> list[dict]:
    """Classes ``{"lo", "hi", "colour"}`` over the positive counts: up to ``len(ramp)`` classes
    with (near) equal numbers of kelurahan each, bounds never repeated; empty without counts."""
    counts = sorted(v for v in values.values() if v and v > 0)
    if not counts:
        return []
    n = min(len(ramp), len(set(counts)))
    uppers: list[int] = []
    for i in range(1, n + 1):
        hi = counts[min(len(counts) - 1, (i * len(counts)) // n - 1)]
        if not uppers or hi > uppers[-1]:
            uppers.append(hi)
    if uppers[-1] != counts[-1]:
        uppers.append(counts[-1])
    # Spread the used colours over the ramp so two classes still read low and high.
    if len(uppers) == 1:
        picks = [len(ramp) - 1]
    else:
        picks = [round(i * (len(ramp) - 1) / (len(uppers) - 1)) for i in range(len(uppers))]
    classes, lo = [], counts[0]
    for hi, pick in zip(uppers, picks, strict=True):
        classes.append({"lo": lo, "hi": hi, "colour": ramp[pick]})
        lo = hi + 1
    return classes


# Kabupaten Administrasi Kepulauan Seribu: islands up to 80 km out at sea. Fitted with the
# mainland, they push the city into a corner of the pane; the map opens on the five mainland kota
# and offers the islands one click away.
ISLANDS_KOTA = "31.01"


def view_bounds(boundaries: dict | None) -> dict[str, list[list[float]]]:
    """The map's two home views as Leaflet bounds ``[[south, west], [north, east]]``:
    ``mainland`` (every kelurahan outside Kepulauan Seribu) and ``islands`` (those inside);
    a view without kelurahan is left out."""
    boxes: dict[str, list[float]] = {}
    for feature in (boundaries or {}).get("features", []):
        code = str((feature.get("properties") or {}).get("code") or "")
        view = (
            "islands" if code == ISLANDS_KOTA or code.startswith(ISLANDS_KOTA + ".") else "mainland"
        )
        box = boxes.setdefault(view, [90.0, 180.0, -90.0, -180.0])
        for lon, lat in _positions((feature.get("geometry") or {}).get("coordinates", [])):
            box[0], box[1] = min(box[0], lat), min(box[1], lon)
            box[2], box[3] = max(box[2], lat), max(box[3], lon)
    return {view: [[b[0], b[1]], [b[2], b[3]]] for view, b in boxes.items() if b[0] <= b[2]}


def _positions(coordinates) -> Iterable[tuple[float, float]]:
    if coordinates and isinstance(coordinates[0], (int, float)):
        yield float(coordinates[0]), float(coordinates[1])
        return
    for part in coordinates:
        yield from _positions(part)


class _Init(MacroElement):
    """Hands folium's map and boundary layer, the home views and the names of a marker row's
    fields (``MARKER_FIELDS``: the page decodes a row by them) to map.js once they exist."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        QlueMap.init({{ this.map_name|tojson }}, {{ this.boundaries_name|tojson }},
                     {{ this.views|tojson }}, {{ this.fields|tojson }});
        {% endmacro %}
    """)

    def __init__(self, map_name: str, boundaries_name: str | None, views: dict):
        super().__init__()
        self._name = "QlueInit"
        self.map_name = map_name
        self.boundaries_name = boundaries_name
        self.views = views
        self.fields = list(MARKER_FIELDS)


_CSS = """
<style>
  .leaflet-container { font-family: "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif;
                       font-size: 12px; background: #dfe6ea; }
  .leaflet-tooltip.qlue-tip { white-space: normal; max-width: 320px; line-height: 1.35; }
  .qlue-tip .qlue-title { font-weight: 600; }
  .qlue-tip .qlue-meta { color: #555; }
  .qlue-tip .qlue-overdue { color: #b71c1c; font-weight: 600; }
  .qlue-tip .qlue-text { margin-top: 3px; overflow-wrap: anywhere; }
  .qlue-tip .qlue-spot-tip { width: max-content; max-width: 300px; overflow-wrap: anywhere; }
  .qlue-legend { background: rgba(255, 255, 255, 0.92); padding: 3px 6px; border-radius: 4px;
                 box-shadow: 0 1px 3px rgba(0, 0, 0, 0.3); line-height: 1.3; font-size: 11px; }
  .qlue-legend .qlue-legend-title { font-weight: 600; }
  .qlue-legend .qlue-legend-toggle { font: inherit; font-weight: 600; background: none; border: 0;
                                     padding: 1px 0; margin: 0; cursor: pointer; color: #222;
                                     width: 100%; text-align: left; }
  .qlue-legend .qlue-fold-mark { float: right; margin-left: 8px; color: #555; }
  .qlue-legend .qlue-legend-body { margin-top: 2px; }
  .qlue-legend .qlue-swatch { display: inline-block; width: 9px; height: 9px; margin-right: 5px;
                              vertical-align: -1px; border: 1px solid rgba(0, 0, 0, 0.35); }
  .qlue-legend .qlue-dot { border-radius: 50%; }
  .qlue-legend .qlue-note { color: #555; font-size: 10px; }
  .leaflet-container .leaflet-bar a.qlue-view-toggle { width: auto; padding: 0 8px; font-size: 12px;
                                                       font-weight: 600; white-space: nowrap; }
  /* The attribution stays one line beside the scale bar (bottom left), never over it. */
  .leaflet-control-attribution { font-size: 10px; white-space: nowrap; overflow: hidden;
                                 text-overflow: ellipsis; max-width: calc(100vw - 130px);
                                 box-sizing: border-box; }
  .leaflet-bottom.leaflet-left .leaflet-control-scale { margin-bottom: 4px; }
  .qlue-hidden { display: none; }
  .leaflet-container.qlue-on-marker, .leaflet-container.qlue-on-marker * { cursor: pointer; }
</style>
"""


def build_page(
    *,
    boundaries: dict | None = None,
    tile_url: str | None = None,
    tile_attribution: str | None = None,
    boundaries_attribution: str | None = None,
    center: tuple[float, float] = (-6.2, 106.83),
    zoom: int = 11,
) -> str:
    """The page's HTML. ``boundaries`` is a GeoJSON FeatureCollection of kelurahan
    (properties ``code``, ``name``, ``kecamatan``, ``kota``); attributions are plain text."""
    # The scale bar is map.js's (metric only: a second, imperial line was cut off by the
    # attribution beside it).
    m = folium.Map(
        location=list(center),
        zoom_start=zoom,
        tiles=None,
        prefer_canvas=True,
        control_scale=False,
        min_zoom=8,
        max_zoom=19,
    )
    # Only local files: Leaflet from the package, our script; nothing from a CDN.
    m.default_js = [
        ("leaflet", (LEAFLET_DIR / "leaflet.js").as_uri()),
        ("qwebchannel", QWEBCHANNEL_JS),
        ("qlue_raster", RASTER_JS.as_uri()),
        ("qlue_markers", MARKERS_JS.as_uri()),
        ("qlue_map", MAP_JS.as_uri()),
    ]
    m.default_css = [("leaflet_css", (LEAFLET_DIR / "leaflet.css").as_uri())]
    root = m.get_root()
    assert isinstance(root, Figure)  # a folium.Map's root is its page
    root.header.add_child(Element(_CSS), name="qlue_css")
    if tile_url:
        attribution = (
            tile_attribution or urlsplit(tile_url.replace("{s}", "a")).hostname or tile_url
        )
        folium.TileLayer(
            tiles=tile_url,
            attr=html.escape(attribution),
            name="tiles",
            max_zoom=19,
            overlay=False,
            control=False,
        ).add_to(m)
    layer = None
    if boundaries is not None:
        layer = folium.GeoJson(
            boundaries,
            name="kelurahan",
            style_function=lambda _f: dict(BOUNDARY_STYLE),
            control=False,
            smooth_factor=1.0,
            attribution=html.escape(boundaries_attribution or ""),
        )
        layer.add_to(m)
    _Init(
        m.get_name(), layer.get_name() if layer is not None else None, view_bounds(boundaries)
    ).add_to(m)
    return root.render()


def write_page(folder: str | os.PathLike, page_html: str) -> Path:
    """Writes the page into ``folder`` under a name from its content (so two maps with the same
    page share it and a changed page never overwrites one in use); returns the file."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    data = page_html.encode("utf-8")
    path = folder / f"map-{hashlib.sha256(data).hexdigest()[:16]}.html"
    if not path.exists() or path.stat().st_size != len(data):
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    return path
