/* Qlue Console map page: report markers, the selected report and the kelurahan choropleth,
 * driven from Python over QWebChannel (qlue_console/gui/map/bridge.py).
 *
 * Python sends commands as JSON strings on the bridge's `command` signal:
 *   {op: "config", strings, styles, legend, legendFolded}   once, before anything else
 *   {op: "set", seq, titles, rows}                  replace every marker (one batch)
 *   {op: "upsert", seq, titles, rows}               add or move/recolour some markers
 *   {op: "remove", seq, ids}                        remove markers
 *   {op: "select", id, pan}                         highlight (and pan to) one report
 *   {op: "choropleth", values, classes, title}      colour the kelurahan (values null: off)
 *   {op: "spots", spots, active, legend}            the chronic spots (spots null: off)
 * A row is an array encoded by PostgreSQL (qlue_console/data/map_data.py); its fields (id,
 * lat, lon, state index, priority 0-3, overdue 0/1, title index) are named in MARKER_FIELDS,
 * which the page is given at init: a field is read at the place its name has there. The
 * citizen's text is not in the batch: the tooltip asks for it when it opens (markerText(id)).
 * The page calls back: pageReady(), markerClicked(id), markersApplied(seq, count, ms),
 * legendFolded(folded) when the user folds or unfolds the legend (Python remembers it),
 * spotClicked(id) when the user clicks a chronic spot (not on a marker), spotsApplied(count).
 *
 * A chronic spot (spot_layer.py) is a circle in its own pane beneath the markers: {id, lat, lon,
 * r (px), colour, reports, recurrences, category, lines}; its tooltip is the category and the
 * lines, all plain text. Like the markers, the spots are hit-tested on the map's own events; a
 * marker over a spot takes the mouse first.
 *
 * The map opens on the mainland (the five kota; Python sends the bounds of the two home views)
 * fitted to the pane, and fits it again when the pane is laid out or resized until the user
 * moves the map; a control switches to Kepulauan Seribu and back.
 *
 * The markers are one canvas layer (markers.js, QlueMarkers.ReportLayer), not one Leaflet
 * object each; this file wires it to the commands, the mouse (hover tooltip, click, the
 * pointer cursor), the selection ring, the kelurahan and the legends. Tests and benchmarks use
 * the small API at the end (markerStyle, markerLatLng, clickMarker, hoverMarker, ...), which
 * goes through the same paths as the user's mouse.
 *
 * Texts from citizens and officials reach the DOM through textContent only.
 */
(function () {
  'use strict';

  var Q = {
    map: null,
    boundaries: null,
    markers: null,        // the ReportLayer
    fields: [],           // the names of a marker row's fields, in the row's order
    bridge: null,
    records: null,        // report id -> slot in the layer (the layer's own Map)
    selectedId: null,
    clickedId: null,
    hoverId: null,        // the report under the mouse
    hoverBoundary: null,  // the kelurahan under the mouse
    highlight: null,
    tip: null,
    tipId: null,
    choro: null,
    stateLegend: null,
    choroLegend: null,
    legendFolded: false,
    views: {},            // 'mainland' / 'islands' -> [[south, west], [north, east]]
    view: 'mainland',     // the home view shown (or last shown)
    fitting: false,       // the map moves because the page fits a view, not because of the user
    userMoved: false,
    viewControl: null,
    // Defaults only: Python sends the translated strings and the styles in the config.
    strings: {
      legendTitle: 'Reports',
      states: {},
      priorities: ['Low', 'Normal', 'High', 'Urgent'],
      report: 'Report #%1',
      overdue: 'Overdue',
      kecamatan: 'Kecamatan %1',
      none: 'None',
      overdueNote: 'Dark outline: overdue',
      priorityNote: 'Larger: higher priority',
      foldLegend: 'Hide the legend',
      unfoldLegend: 'Show the legend',
      islands: 'Kepulauan Seribu',
      mainland: 'Jakarta',
      islandsTip: 'Show the Thousand Islands',
      mainlandTip: 'Back to mainland Jakarta',
      zoomIn: 'Zoom in',
      zoomOut: 'Zoom out'
    },
    styles: {
      colours: [], unknown: '#757575', drawRank: [], radius: [4, 5, 6.5, 8],
      outline: '#ffffff', overdueOutline: '#1a1a1a', selected: '#1565c0',
      spotOutline: '#4a1a00', activeSpot: '#1565c0'
    },
    legend: [],
    boundaryFill: '#f4f1ea',
    spots: null,          // the chronic spots' layer group (null: the layer is off)
    spotRows: [],         // the spots as sent, largest first (drawn beneath the smaller)
    spotCircles: new Map(),  // spot id -> its circle
    activeSpot: null,     // the spot the queue is filtered to
    spotHoverId: null,    // the spot under the mouse (no marker there)
    spotLegend: null,
    spotLegendSpec: null
  };
  window.QlueMap = Q;

  // -- small DOM helpers (text only) --------------------------------------------------------
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function fmt(template, value) {
    return String(template).split('%1').join(String(value));
  }

  function swatch(colour, round, border) {
    var s = el('span', 'qlue-swatch' + (round ? ' qlue-dot' : ''));
    s.style.background = colour;
    if (border) { s.style.border = '2px solid ' + border; }
    return s;
  }

  // -- markers ------------------------------------------------------------------------------
  function setAll(msg) {
    setHover(null);
    closeTip();
    Q.markers.setAll(msg.rows, msg.titles);
    refreshHighlight();
  }

  function upsert(msg) {
    Q.markers.upsert(msg.rows, msg.titles);
    for (var i = 0; i < msg.rows.length; i++) {
      if (Q.tipId === Q.markers.idOf(msg.rows[i])) { showTip(Q.tipId); }
    }
    refreshHighlight();
  }

  function remove(msg) {
    Q.markers.remove(msg.ids);
    if (Q.tipId !== null && !Q.records.has(Q.tipId)) { closeTip(); }
    if (Q.hoverId !== null && !Q.records.has(Q.hoverId)) { setHover(null); }
    refreshHighlight();
  }

  // -- selection ----------------------------------------------------------------------------
  function refreshHighlight() {
    var rec = Q.selectedId === null ? undefined : Q.markers.record(Q.selectedId);
    if (!rec) {
      if (Q.highlight) { Q.map.removeLayer(Q.highlight); Q.highlight = null; }
      return;
    }
    var radius = (Q.styles.radius[rec.p] || Q.styles.radius[0]) + 5;
    if (!Q.highlight) {
      Q.highlight = L.circleMarker([rec.lat, rec.lon], {
        radius: radius, color: Q.styles.selected, weight: 3, opacity: 1, fill: false, interactive: false,
        pane: 'qlueSelected'
      }).addTo(Q.map);
    } else {
      Q.highlight.setLatLng([rec.lat, rec.lon]);
      Q.highlight.setRadius(radius);
    }
  }

  function select(msg) {
    Q.selectedId = msg.id === null || msg.id === undefined ? null : msg.id;
    var fromClick = Q.clickedId !== null && Q.clickedId === Q.selectedId;
    Q.clickedId = null;
    refreshHighlight();
    var rec = Q.selectedId === null ? undefined : Q.markers.record(Q.selectedId);
    if (!rec || !msg.pan) { return; }
    var ll = L.latLng(rec.lat, rec.lon);
    // A click on the map selects in place; a selection from the queue brings the report in.
    if (fromClick && Q.map.getBounds().pad(-0.1).contains(ll)) { return; }
    Q.userMoved = true;   // the report brought in stays in view when the pane is resized
    Q.map.setView(ll, Math.max(Q.map.getZoom(), 13), {animate: true});
  }

  // A place the console asks to see (a chronic spot opened from its list): brought into view,
  // close enough to tell its reports apart, unless it is well inside the view already.
  function showPlace(msg) {
    var ll = L.latLng(msg.lat, msg.lon);
    var zoom = Math.max(Q.map.getZoom(), msg.zoom || 16);
    if (Q.map.getBounds().pad(-0.1).contains(ll) && Q.map.getZoom() >= zoom) { return; }
    Q.userMoved = true;   // stays in view when the pane is resized
    Q.map.setView(ll, zoom, {animate: false});
  }

  // -- the mouse: the layer hit-tests the map's own events ----------------------------------
  function onMapClick(e) {
    var id = Q.markers.idAt(e.containerPoint);
    if (id === null) {
      var spot = spotAt(e.containerPoint);
      if (!spot) { return; }
      if (Q.boundaries) { Q.boundaries.eachLayer(function (layer) { layer.closeTooltip(); }); }
      if (Q.bridge && Q.bridge.spotClicked) { Q.bridge.spotClicked(spot.id); }
      return;
    }
    // A kelurahan beneath opens its tooltip on click: the marker is what was clicked.
    if (Q.boundaries) { Q.boundaries.eachLayer(function (layer) { layer.closeTooltip(); }); }
    Q.clickedId = id;
    Q.selectedId = id;
    refreshHighlight();
    if (Q.bridge) { Q.bridge.markerClicked(id); }
  }

  function onMapMove(e) {
    if ((Q.map.dragging && Q.map.dragging.moving()) || Q.map._animatingZoom) { return; }
    var id = Q.markers.idAt(e.containerPoint);
    if (id !== null) { setSpotHover(null); setHover(id, e.latlng); return; }
    var spot = spotAt(e.containerPoint);
    if (spot) { setHover(null); setSpotHover(spot); return; }
    setSpotHover(null, e.latlng);
    setHover(null, e.latlng);
  }

  // Over a marker: its tooltip and the pointer; the kelurahan beneath shows neither its hover
  // style nor its tooltip until the mouse leaves the marker.
  function setHover(id, latlng) {
    if (id === Q.hoverId) { return; }
    Q.hoverId = id;
    var container = Q.map.getContainer(), b = Q.hoverBoundary;
    if (id === null) {
      L.DomUtil.removeClass(container, 'qlue-on-marker');
      closeTip();
      if (b && latlng) { styleBoundary(b, true); b.openTooltip(latlng); }
      return;
    }
    L.DomUtil.addClass(container, 'qlue-on-marker');
    if (b) { b.closeTooltip(); styleBoundary(b, false); }
    showTip(id);
  }

  // -- tooltips -----------------------------------------------------------------------------
  function markerTip(rec) {
    var S = Q.strings;
    var root = el('div');
    root.appendChild(el('div', 'qlue-title', rec.title));
    var stateName = rec.s >= 0 ? (S.states[rec.s] || '') : '';
    var meta = [stateName, S.priorities[rec.p] || '', fmt(S.report, rec.id)].filter(Boolean).join(' \u00b7 ');
    root.appendChild(el('div', 'qlue-meta', meta));
    if (rec.o) { root.appendChild(el('div', 'qlue-overdue', S.overdue)); }
    var text = el('div', 'qlue-text');
    root.appendChild(text);
    if (Q.bridge) {
      Q.bridge.markerText(rec.id, function (value) {
        text.textContent = value || '';
        if (Q.tip && Q.tipId === rec.id) { Q.tip.update(); }
      });
    }
    return root;
  }

  function showTip(id) {
    var rec = Q.markers.record(id);
    if (!rec) { return; }
    if (!Q.tip) {
      Q.tip = L.tooltip({className: 'qlue-tip', direction: 'top', offset: [0, -6], opacity: 0.96});
    }
    Q.tip.setLatLng([rec.lat, rec.lon]);
    Q.tip.setContent(markerTip(rec));
    Q.tipId = id;
    if (!Q.map.hasLayer(Q.tip)) { Q.map.openTooltip(Q.tip); }
  }

  function closeTip() {
    if (Q.tip && Q.map.hasLayer(Q.tip)) { Q.map.closeTooltip(Q.tip); }
    Q.tipId = null;
  }

  // -- chronic spots ------------------------------------------------------------------------
  function spotPointOf(row) {
    return Q.map.latLngToContainerPoint([row.lat, row.lon]);
  }

  // The spot whose circle holds the point (the smallest of several: it is drawn on top).
  function spotAt(point) {
    if (!Q.spots) { return null; }
    var best = null;
    for (var i = 0; i < Q.spotRows.length; i++) {
      var row = Q.spotRows[i];
      if (spotPointOf(row).distanceTo(point) <= row.r && (!best || row.r <= best.r)) { best = row; }
    }
    return best;
  }

  function spotRow(id) {
    for (var i = 0; i < Q.spotRows.length; i++) {
      if (Q.spotRows[i].id === id) { return Q.spotRows[i]; }
    }
    return null;
  }

  function spotStyle(row) {
    var active = row.id === Q.activeSpot;
    return {
      radius: row.r, fillColor: row.colour, fillOpacity: 0.45, weight: active ? 3 : 1.5,
      color: active ? Q.styles.activeSpot : Q.styles.spotOutline, opacity: 0.9
    };
  }

  function setSpots(msg) {
    setSpotHover(null);
    if (Q.spots) { Q.map.removeLayer(Q.spots); Q.spots = null; }
    Q.spotCircles = new Map();
    Q.spotRows = (msg.spots || []).slice().sort(function (a, b) { return b.r - a.r; });
    Q.activeSpot = msg.active === undefined ? null : msg.active;
    Q.spotLegendSpec = msg.spots ? (msg.legend || null) : null;
    if (msg.spots) {
      Q.spots = L.layerGroup();
      Q.spotRows.forEach(function (row) {
        var circle = L.circleMarker([row.lat, row.lon], Object.assign(spotStyle(row), {
          interactive: false, pane: 'qlueSpots'
        }));
        Q.spotCircles.set(row.id, circle);
        Q.spots.addLayer(circle);
      });
      Q.spots.addTo(Q.map);
    }
    buildSpotLegend();
    if (Q.bridge && Q.bridge.spotsApplied) {
      var count = Q.spotRows.length;
      afterPaint(function () { Q.bridge.spotsApplied(Q.spots ? count : -1); });
    }
  }

  function spotTip(row) {
    var root = el('div', 'qlue-spot-tip');
    root.appendChild(el('div', 'qlue-title', row.category));
    (row.lines || []).forEach(function (line) { root.appendChild(el('div', 'qlue-meta', line)); });
    if (Q.strings.spotHint) { root.appendChild(el('div', 'qlue-text', Q.strings.spotHint)); }
    return root;
  }

  // Over a spot (no marker there): its tooltip and the pointer, as over a marker.
  function setSpotHover(row, latlng) {
    var id = row ? row.id : null;
    if (id === Q.spotHoverId) { return; }
    Q.spotHoverId = id;
    var container = Q.map.getContainer(), b = Q.hoverBoundary;
    if (id === null) {
      L.DomUtil.removeClass(container, 'qlue-on-marker');
      closeTip();
      if (b && latlng) { styleBoundary(b, true); b.openTooltip(latlng); }
      return;
    }
    L.DomUtil.addClass(container, 'qlue-on-marker');
    if (b) { b.closeTooltip(); styleBoundary(b, false); }
    if (!Q.tip) {
      Q.tip = L.tooltip({className: 'qlue-tip', direction: 'top', offset: [0, -6], opacity: 0.96});
    }
    Q.tip.setLatLng([row.lat, row.lon]);
    Q.tip.setContent(spotTip(row));
    Q.tipId = null;
    if (!Q.map.hasLayer(Q.tip)) { Q.map.openTooltip(Q.tip); }
  }

  function buildSpotLegend() {
    if (!Q.spotLegend) { Q.spotLegend = legendControl('topright').addTo(Q.map); }
    var div = Q.spotLegend.getContainer(), spec = Q.spotLegendSpec;
    div.textContent = '';
    if (!spec) { div.classList.add('qlue-hidden'); return; }
    div.classList.remove('qlue-hidden');
    div.appendChild(el('div', 'qlue-legend-title', spec.title));
    (spec.rows || []).forEach(function (r) {
      var row = el('div');
      row.appendChild(swatch(r.colour, true));
      row.appendChild(document.createTextNode(r.text));
      div.appendChild(row);
    });
    if (spec.note) { div.appendChild(el('div', 'qlue-note', spec.note)); }
    if (!Q.spotRows.length && spec.none) { div.appendChild(el('div', 'qlue-note', spec.none)); }
  }

  function boundaryTip(layer) {
    var p = (layer.feature && layer.feature.properties) || {};
    var root = el('div');
    root.appendChild(el('div', 'qlue-title', p.name || ''));
    if (p.kecamatan) { root.appendChild(el('div', 'qlue-meta', fmt(Q.strings.kecamatan, p.kecamatan))); }
    if (p.kota) { root.appendChild(el('div', 'qlue-meta', p.kota)); }
    if (Q.choro) {
      var n = Q.choro.values[p.code] || 0;
      root.appendChild(el('div', 'qlue-text', Q.choro.title + ': ' + n));
    }
    return root;
  }

  // -- boundaries and the choropleth --------------------------------------------------------
  function classOf(n) {
    var classes = Q.choro ? Q.choro.classes : [];
    if (!n || n <= 0 || !classes.length) { return null; }
    for (var i = 0; i < classes.length; i++) {
      if (n <= classes[i].hi) { return classes[i]; }
    }
    return classes[classes.length - 1];
  }

  function styleBoundary(layer, hover) {
    Q.boundaries.resetStyle(layer);
    if (Q.choro) {
      var props = (layer.feature && layer.feature.properties) || {};
      var c = classOf(Q.choro.values[props.code]);
      if (c) { layer.setStyle({fillColor: c.colour, fillOpacity: 0.6}); }
    }
    if (hover) { layer.setStyle({weight: 2, color: '#37474f'}); }
  }

  function setChoropleth(msg) {
    Q.choro = msg.values ? {values: msg.values, classes: msg.classes || [], title: msg.title || ''} : null;
    if (Q.boundaries) {
      Q.boundaries.eachLayer(function (layer) { styleBoundary(layer, false); });
    }
    buildChoroLegend();
  }

  // -- legends ------------------------------------------------------------------------------
  function legendControl(position) {
    var control = L.control({position: position});
    control.onAdd = function () {
      var div = el('div', 'qlue-legend');
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      return div;
    };
    return control;
  }

  function buildStateLegend() {
    if (!Q.stateLegend) { Q.stateLegend = legendControl('bottomright').addTo(Q.map); }
    var div = Q.stateLegend.getContainer(), S = Q.strings;
    div.textContent = '';
    div.classList.toggle('qlue-folded', Q.legendFolded);
    // The title is the fold button: folded, the legend is one short line.
    var head = el('button', 'qlue-legend-title qlue-legend-toggle', S.legendTitle);
    head.type = 'button';
    head.title = Q.legendFolded ? S.unfoldLegend : S.foldLegend;
    head.setAttribute('aria-expanded', Q.legendFolded ? 'false' : 'true');
    head.appendChild(el('span', 'qlue-fold-mark', Q.legendFolded ? '\u25B8' : '\u25BE'));
    L.DomEvent.on(head, 'click', function (e) {
      L.DomEvent.stop(e);
      Q.legendFolded = !Q.legendFolded;
      buildStateLegend();
      if (Q.bridge && Q.bridge.legendFolded) { Q.bridge.legendFolded(Q.legendFolded); }
    });
    div.appendChild(head);
    if (Q.legendFolded) { return; }
    var body = el('div', 'qlue-legend-body');
    for (var i = 0; i < Q.legend.length; i++) {
      var row = el('div');
      row.appendChild(swatch(Q.legend[i].colour, true));
      row.appendChild(document.createTextNode(Q.legend[i].text));
      body.appendChild(row);
    }
    var overdue = el('div', 'qlue-note');
    overdue.appendChild(swatch('#ffffff', true, Q.styles.overdueOutline));
    overdue.appendChild(document.createTextNode(S.overdueNote));
    body.appendChild(overdue);
    body.appendChild(el('div', 'qlue-note', S.priorityNote));
    div.appendChild(body);
  }

  // -- the home views: the mainland, Kepulauan Seribu ----------------------------------------
  function fitView(name) {
    var b = Q.views[name];
    if (!b) { return; }
    Q.view = name;
    Q.fitting = true;
    try {
      Q.map.fitBounds(b, {animate: false, padding: [8, 8]});
    } finally {
      Q.fitting = false;
    }
    buildViewControl();
  }

  // The zoom buttons with the translated titles, and the home view's button beneath them.
  function buildTopLeft() {
    if (Q.map.zoomControl) { Q.map.removeControl(Q.map.zoomControl); }
    if (Q.viewControl) { Q.map.removeControl(Q.viewControl); Q.viewControl = null; }
    Q.map.zoomControl = L.control.zoom({position: 'topleft', zoomInTitle: Q.strings.zoomIn,
                                        zoomOutTitle: Q.strings.zoomOut}).addTo(Q.map);
    buildViewControl();
  }

  function buildViewControl() {
    if (!Q.views.islands || !Q.views.mainland) { return; }
    if (!Q.viewControl) {
      Q.viewControl = L.control({position: 'topleft'});
      Q.viewControl.onAdd = function () {
        var div = el('div', 'leaflet-bar qlue-view-control');
        L.DomEvent.disableClickPropagation(div);
        return div;
      };
      Q.viewControl.addTo(Q.map);
    }
    var div = Q.viewControl.getContainer(), S = Q.strings, toIslands = Q.view !== 'islands';
    div.textContent = '';
    var button = el('a', 'qlue-view-toggle', toIslands ? S.islands : S.mainland);
    button.href = '#';
    button.setAttribute('role', 'button');
    button.title = toIslands ? S.islandsTip : S.mainlandTip;
    L.DomEvent.on(button, 'click', function (e) {
      L.DomEvent.stop(e);
      Q.userMoved = false;
      fitView(toIslands ? 'islands' : 'mainland');
    });
    div.appendChild(button);
  }

  function onResize() {
    // Until the user moves the map, the home view follows the pane's size (the pane is laid
    // out, or resized, after the page has loaded).
    if (!Q.userMoved) { fitView(Q.view); }
  }

  function buildChoroLegend() {
    if (!Q.choroLegend) { Q.choroLegend = legendControl('topright').addTo(Q.map); }
    var div = Q.choroLegend.getContainer();
    div.textContent = '';
    if (!Q.choro) { div.classList.add('qlue-hidden'); return; }
    div.classList.remove('qlue-hidden');
    div.appendChild(el('div', 'qlue-legend-title', Q.choro.title));
    Q.choro.classes.slice().reverse().forEach(function (c) {   // highest on top
      var row = el('div');
      row.appendChild(swatch(c.colour, false));
      row.appendChild(document.createTextNode(c.lo === c.hi ? String(c.hi) : c.lo + '\u2013' + c.hi));
      div.appendChild(row);
    });
    var zero = el('div');
    zero.appendChild(swatch(Q.boundaryFill, false));
    zero.appendChild(document.createTextNode(Q.choro.classes.length ? '0' : Q.strings.none));
    div.appendChild(zero);
  }

  function configure(msg) {
    if (msg.strings) { Object.assign(Q.strings, msg.strings); }
    if (msg.legendFolded !== undefined) { Q.legendFolded = Boolean(msg.legendFolded); }
    if (msg.styles) { Object.assign(Q.styles, msg.styles); }
    if (msg.legend) { Q.legend = msg.legend; }
    if (msg.boundaryFill) { Q.boundaryFill = msg.boundaryFill; }
    if (msg.styles) { Q.markers.setStyles(Q.styles); }
    buildStateLegend();
    buildChoroLegend();
    buildTopLeft();
  }

  // -- the channel --------------------------------------------------------------------------
  var handlers = {
    config: configure, set: setAll, upsert: upsert, remove: remove,
    select: select, choropleth: setChoropleth, spots: setSpots, place: showPlace
  };

  function afterPaint(fn) {
    // The markers' layer draws in the next animation frame; report after that frame.
    if (document.visibilityState === 'hidden') { setTimeout(fn, 0); return; }
    requestAnimationFrame(function () { setTimeout(fn, 0); });
  }

  function onCommand(json) {
    var msg;
    try {
      msg = JSON.parse(json);
    } catch (err) {
      console.error('qlue map: unreadable command: ' + err);
      return;
    }
    var t0 = performance.now();
    var handler = handlers[msg.op];
    try {
      if (handler) { handler(msg); } else { console.error('qlue map: unknown command ' + msg.op); }
    } catch (err) {
      console.error('qlue map: ' + msg.op + ' failed: ' + (err && err.stack ? err.stack : err));
    }
    if (msg.seq !== undefined && Q.bridge) {
      afterPaint(function () { Q.bridge.markersApplied(msg.seq, Q.count(), performance.now() - t0); });
    }
  }

  Q.count = function () { return Q.markers.count(); };
  Q.homeView = function () { return Q.view; };
  // The zoom that fits a home view in the pane, and whether the map shows all of it.
  Q.fits = function (name) {
    var b = Q.views[name] && L.latLngBounds(Q.views[name]);
    if (!b) { return null; }
    return {contains: Q.map.getBounds().contains(b), zoom: Q.map.getZoom(),
            fitZoom: Q.map.getBoundsZoom(b, false, L.point(16, 16))};
  };
  Q.tooltipElement = function () { return Q.tip && Q.map.hasLayer(Q.tip) ? Q.tip.getElement() : null; };

  // -- for tests and benchmarks: what is drawn, and the mouse at a marker ---------------------
  Q.markerStyle = function (id) { return Q.markers.styleOf(id); };
  Q.markerLatLng = function (id) {
    var rec = Q.markers.record(id);
    return rec ? {lat: rec.lat, lng: rec.lon} : null;
  };
  Q.markerPoint = function (id) {        // container point (not rounded), or null
    var rec = Q.markers.record(id), m = Q.map;
    if (!rec) { return null; }
    var p = m.layerPointToContainerPoint(m.project([rec.lat, rec.lon]).subtract(m.getPixelOrigin()));
    return {x: p.x, y: p.y};
  };
  Q.markerAt = function (x, y) { return Q.markers.idAt(L.point(x, y)); };
  Q.markerCanvas = function () { return Q.markers.canvas(); };
  // The RGBA on the marker canvas at the report's place on the map (+dx, dy px): where Leaflet
  // puts the report and where the canvas stands in the page, so a misplaced drawing shows.
  Q.markerPixel = function (id, dx, dy) {
    var p = Q.markerPoint(id), canvas = Q.markers.canvas();
    if (!p) { return null; }
    var box = Q.map.getContainer().getBoundingClientRect(), at = canvas.getBoundingClientRect();
    var x = (box.left + p.x + (dx || 0) - at.left) * canvas.width / at.width;
    var y = (box.top + p.y + (dy || 0) - at.top) * canvas.height / at.height;
    return Array.prototype.slice.call(canvas.getContext('2d').getImageData(Math.floor(x), Math.floor(y), 1, 1).data);
  };
  Q.markerRadius = function (id) { return Q.markers.radiusOf(id); };

  // Real DOM mouse events at the marker's pixel, on whatever element is there (as a user's
  // mouse would be): the page sees them through Leaflet like any other. A marker outside the
  // view is brought into it first. Returns false (nothing sent) if the report has no marker or
  // the map is still moving.
  function mouseAt(id, types) {
    var p = Q.markerPoint(id), size = Q.map.getSize();
    if (!p || Q.moving()) { return false; }
    if (p.x < 1 || p.y < 1 || p.x > size.x - 1 || p.y > size.y - 1) {
      var rec = Q.markers.record(id);
      Q.map.setView([rec.lat, rec.lon], Q.map.getZoom(), {animate: false});
      p = Q.markerPoint(id);
    }
    return Q.mouse(p.x, p.y, types);
  }

  // Mouse events of the given types at a container point, on the element there.
  Q.mouse = function (x, y, types) {
    var box = Q.map.getContainer().getBoundingClientRect();
    var cx = box.left + x, cy = box.top + y, target = document.elementFromPoint(cx, cy);
    if (!target) { return false; }
    types.forEach(function (type) {
      target.dispatchEvent(new MouseEvent(type, {
        bubbles: true, cancelable: true, view: window, clientX: cx, clientY: cy, button: 0,
        buttons: type === 'mousedown' ? 1 : 0
      }));
    });
    return true;
  };

  // Whether the map is panning or zooming (a marker's pixel is not where it will be).
  Q.moving = function () {
    var m = Q.map;
    return Boolean(m._animatingZoom || (m._panAnim && m._panAnim._inProgress) || m._flyToFrame ||
                   !Q.markers.isPlaced());
  };
  Q.clickMarker = function (id) { return mouseAt(id, ['mousedown', 'mouseup', 'click']); };

  // The chronic spots as drawn: how many, and one's circle.
  Q.spotCount = function () { return Q.spots ? Q.spotRows.length : -1; };
  Q.spotStyle = function (id) {
    var circle = Q.spotCircles.get(id);
    if (!circle) { return null; }
    var o = circle.options;
    return {radius: circle.getRadius(), fill: o.fillColor, outline: o.color, weight: o.weight};
  };
  // A container point inside the spot's circle where no marker is (where a user would click
  // the spot itself), or null.
  Q.spotPoint = function (id) {
    var row = spotRow(id);
    if (!row || !Q.spots) { return null; }
    var c = spotPointOf(row);
    for (var k = 0; k < 16; k++) {
      var a = k * Math.PI / 8, d = row.r * (k < 8 ? 0.75 : 0.5);
      var p = L.point(c.x + d * Math.cos(a), c.y + d * Math.sin(a));
      var hit = spotAt(p);
      if (Q.markers.idAt(p) === null && hit && hit.id === id) { return {x: p.x, y: p.y}; }
    }
    return null;
  };
  // Real mouse events inside the spot's circle, off its markers (false: nothing sent).
  function mouseAtSpot(id, types) {
    var p = Q.spotPoint(id);
    if (!p || Q.moving()) { return false; }
    return Q.mouse(p.x, p.y, types);
  }
  Q.clickSpot = function (id) { return mouseAtSpot(id, ['mousedown', 'mouseup', 'click']); };
  Q.hoverSpot = function (id) { return mouseAtSpot(id, ['mouseover', 'mousemove']); };
  Q.hoverMarker = function (id) { return mouseAt(id, ['mouseover', 'mousemove']); };

  function pane(name, zIndex) {
    var div = Q.map.createPane(name);
    div.style.zIndex = String(zIndex);
    div.style.pointerEvents = 'none';
    return div;
  }

  // fields: the names of a marker row's fields, in the row's order (MARKER_FIELDS).
  Q.init = function (mapName, boundariesName, views, fields) {
    Q.fields = fields || [];
    Q.map = window[mapName];
    Q.boundaries = boundariesName ? window[boundariesName] : null;
    Q.views = views || {};
    Q.map.options.zoomSnap = 0.25;   // a home view fills the pane (whole zoom levels left up to half of it empty)
    // Short attribution (no flag); a metric scale bar, one line, at the other corner.
    Q.map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    L.control.scale({position: 'bottomleft', imperial: false, maxWidth: 90}).addTo(Q.map);
    var credits = Q.map.attributionControl.getContainer();
    credits.title = credits.textContent;   // the whole line, when a narrow pane cuts it short
    // The user's own moves (a resize's re-centring fires 'movestart' too, so not that one).
    Q.map.on('dragstart zoomstart', function () { if (!Q.fitting) { Q.userMoved = true; } });
    Q.map.on('resize', onResize);
    fitView('mainland');
    // Above the kelurahan (overlayPane, 400), beneath the tooltips; none takes the mouse. The
    // chronic spots lie beneath the markers (their reports are inside the circles).
    pane('qlueSpots', 440);
    pane('qlueMarkers', 450);
    pane('qlueSelected', 460);
    Q.markers = new QlueMarkers.ReportLayer(Q.styles, Q.fields).addTo(Q.map);
    Q.records = Q.markers.index;
    Q.map.on('click', onMapClick);
    Q.map.on('mousemove', onMapMove);
    Q.map.on('mouseout', function () { setHover(null); setSpotHover(null); });
    if (Q.boundaries) {
      Q.boundaries.eachLayer(function (layer) {
        layer.bindTooltip(boundaryTip, {sticky: true, className: 'qlue-tip', direction: 'top', offset: [0, -8]});
        layer.on('mouseover', function () {
          Q.hoverBoundary = layer;
          if (Q.hoverId !== null || Q.spotHoverId !== null) { layer.closeTooltip(); } else { styleBoundary(layer, true); }
        });
        layer.on('mouseout', function () {
          if (Q.hoverBoundary === layer) { Q.hoverBoundary = null; }
          styleBoundary(layer, false);
        });
      });
    }
    if (typeof QWebChannel === 'undefined' || !window.qt || !window.qt.webChannelTransport) {
      console.warn('qlue map: no QWebChannel; the page shows the boundaries only');
      return;
    }
    new QWebChannel(window.qt.webChannelTransport, function (channel) {
      Q.bridge = channel.objects.qlueBridge;
      Q.bridge.command.connect(onCommand);
      Q.bridge.pageReady();
    });
  };
}());
