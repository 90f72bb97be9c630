/* Qlue Console map page: report markers, the selected report and the kelurahan choropleth,
 * driven from Python over QWebChannel (qlue_console/gui/map/bridge.py).
 *
 * Python sends commands as JSON strings on the bridge's `command` signal:
 *   {op: "config", strings, styles, legend}        once, before anything else
 *   {op: "set", seq, titles, rows}                  replace every marker (one batch)
 *   {op: "upsert", seq, titles, rows}               add or move/recolour some markers
 *   {op: "remove", seq, ids}                        remove markers
 *   {op: "select", id, pan}                         highlight (and pan to) one report
 *   {op: "choropleth", values, classes, title}      colour the kelurahan (values null: off)
 * A row is [id, lat, lon, state index, priority, overdue 0/1, title index]. The citizen's text
 * is not in the batch: the tooltip asks for it when it opens (markerText(id) → string).
 * The page calls back: pageReady(), markerClicked(id), markersApplied(seq, count, ms).
 *
 * Texts from citizens and officials reach the DOM through textContent only.
 */
(function () {
  'use strict';

  var Q = {
    map: null,
    boundaries: null,
    events: null,         // the markers' event parent: click and hover of any marker
    bridge: null,
    records: new Map(),   // report id -> {id, lat, lon, s, p, o, title, layer}
    selectedId: null,
    clickedId: null,
    highlight: null,
    tip: null,
    tipId: null,
    choro: null,
    stateLegend: null,
    choroLegend: null,
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
      priorityNote: 'Larger: higher priority'
    },
    styles: {
      colours: [], unknown: '#757575', drawRank: [], radius: [4, 5, 6.5, 8],
      outline: '#ffffff', overdueOutline: '#1a1a1a', selected: '#1565c0'
    },
    legend: [],
    boundaryFill: '#f4f1ea'
  };
  window.QlueMap = Q;

  // -- drawing many circles ---------------------------------------------------------------
  // Leaflet's canvas fills and strokes every path on its own. Report markers are added sorted,
  // so they come in runs of one style: each run is traced as one path and filled and stroked
  // once (50,000 markers draw in tens of ms instead of hundreds). Everything else (boundaries,
  // the highlight) is drawn as Leaflet draws it; hit-testing stays Leaflet's own.
  L.Canvas.include({
    _draw: function () {
      var bounds = this._redrawBounds, ctx = this._ctx, run = null;
      ctx.save();
      if (bounds) {
        var size = bounds.getSize();
        ctx.beginPath();
        ctx.rect(bounds.min.x, bounds.min.y, size.x, size.y);
        ctx.clip();
      }
      this._drawing = true;
      for (var order = this._drawFirst; order; order = order.next) {
        var layer = order.layer;
        if (bounds && !(layer._pxBounds && layer._pxBounds.intersects(bounds))) { continue; }
        if (layer.qlueKey === undefined) {
          run = endRun(ctx, run);
          layer._updatePath();
          continue;
        }
        if (!run || run.qlueKey !== layer.qlueKey) {
          endRun(ctx, run);
          run = layer;
          ctx.beginPath();
        }
        var p = layer._point, r = Math.max(Math.round(layer._radius), 1);
        ctx.moveTo(p.x + r, p.y);
        ctx.arc(p.x, p.y, r, 0, Math.PI * 2, false);
      }
      endRun(ctx, run);
      this._drawing = false;
      ctx.restore();
    }
  });

  function endRun(ctx, run) {
    if (!run) { return null; }
    var o = run.options;
    ctx.globalAlpha = o.fillOpacity;
    ctx.fillStyle = o.fillColor;
    ctx.fill('nonzero');
    if (o.stroke && o.weight !== 0) {
      if (ctx.setLineDash) { ctx.setLineDash([]); }
      ctx.globalAlpha = o.opacity;
      ctx.strokeStyle = o.color;
      ctx.lineWidth = o.weight;
      ctx.stroke();
    }
    return null;
  }

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
  function colourOf(rec) {
    var c = rec.s >= 0 ? Q.styles.colours[rec.s] : undefined;
    return c || Q.styles.unknown;
  }

  function styleOf(rec) {
    var st = Q.styles;
    return {
      radius: st.radius[rec.p] || st.radius[0],
      fillColor: colourOf(rec),
      fillOpacity: 0.88,
      color: rec.o ? st.overdueOutline : st.outline,
      weight: rec.o ? 2.2 : 0.8,
      opacity: 1
    };
  }

  function drawRank(rec) {
    var r = rec.s >= 0 ? (Q.styles.drawRank[rec.s] || 0) : 0;
    return r * 8 + rec.p * 2 + (rec.o ? 1 : 0);
  }

  function record(row, titles) {
    return {
      id: row[0], lat: row[1], lon: row[2], s: row[3], p: row[4], o: row[5] === 1,
      title: titles[row[6]] || '', layer: null
    };
  }

  function makeLayer(rec) {
    var style = styleOf(rec);
    var layer = L.circleMarker([rec.lat, rec.lon], style);
    layer.qlueId = rec.id;
    layer.qlueKey = styleKey(style);
    layer.addEventParent(Q.events);
    return layer;
  }

  function styleKey(style) {
    return style.fillColor + style.color + style.weight + '/' + style.fillOpacity + '/' + style.opacity;
  }

  function restyle(rec) {
    var style = styleOf(rec);
    rec.layer.qlueKey = styleKey(style);
    rec.layer.setStyle(style);
  }

  function setAll(msg) {
    closeTip();
    Q.records.forEach(function (rec) { Q.map.removeLayer(rec.layer); });
    Q.records.clear();
    var recs = msg.rows.map(function (row) { return record(row, msg.titles); });
    // Beneath to on top: done, in progress, waiting; low to urgent; runs of one style.
    recs.sort(function (a, b) { return drawRank(a) - drawRank(b) || a.s - b.s; });
    for (var i = 0; i < recs.length; i++) {
      var rec = recs[i];
      var old = Q.records.get(rec.id);
      if (old) { Q.map.removeLayer(old.layer); }
      rec.layer = makeLayer(rec);
      Q.map.addLayer(rec.layer);
      Q.records.set(rec.id, rec);
    }
    refreshHighlight();
  }

  function upsert(msg) {
    for (var i = 0; i < msg.rows.length; i++) {
      var rec = record(msg.rows[i], msg.titles);
      var old = Q.records.get(rec.id);
      if (old) {
        rec.layer = old.layer;
        rec.layer.setLatLng([rec.lat, rec.lon]);
        restyle(rec);
        rec.layer.bringToFront();   // a change is news: draw it on top
      } else {
        rec.layer = makeLayer(rec);
        Q.map.addLayer(rec.layer);
      }
      Q.records.set(rec.id, rec);
      if (Q.tipId === rec.id) { showTip(rec.id); }
    }
    refreshHighlight();
  }

  function remove(msg) {
    for (var i = 0; i < msg.ids.length; i++) {
      var rec = Q.records.get(msg.ids[i]);
      if (!rec) { continue; }
      Q.map.removeLayer(rec.layer);
      Q.records.delete(rec.id);
      if (Q.tipId === rec.id) { closeTip(); }
    }
    refreshHighlight();
  }

  // -- selection ----------------------------------------------------------------------------
  function refreshHighlight() {
    var rec = Q.selectedId === null ? undefined : Q.records.get(Q.selectedId);
    if (!rec) {
      if (Q.highlight) { Q.map.removeLayer(Q.highlight); Q.highlight = null; }
      return;
    }
    var radius = (Q.styles.radius[rec.p] || Q.styles.radius[0]) + 5;
    if (!Q.highlight) {
      Q.highlight = L.circleMarker([rec.lat, rec.lon], {
        radius: radius, color: Q.styles.selected, weight: 3, opacity: 1, fill: false, interactive: false
      }).addTo(Q.map);
    } else {
      Q.highlight.setLatLng([rec.lat, rec.lon]);
      Q.highlight.setRadius(radius);
    }
    Q.highlight.bringToFront();
  }

  function select(msg) {
    Q.selectedId = msg.id === null || msg.id === undefined ? null : msg.id;
    var fromClick = Q.clickedId !== null && Q.clickedId === Q.selectedId;
    Q.clickedId = null;
    refreshHighlight();
    var rec = Q.selectedId === null ? undefined : Q.records.get(Q.selectedId);
    if (!rec || !msg.pan) { return; }
    var ll = L.latLng(rec.lat, rec.lon);
    // A click on the map selects in place; a selection from the queue brings the report in.
    if (fromClick && Q.map.getBounds().pad(-0.1).contains(ll)) { return; }
    Q.map.setView(ll, Math.max(Q.map.getZoom(), 13), {animate: true});
  }

  function onMarkerClick(e) {
    var id = e.layer && e.layer.qlueId;
    if (id === undefined) { return; }
    Q.clickedId = id;
    Q.selectedId = id;
    refreshHighlight();
    if (Q.bridge) { Q.bridge.markerClicked(id); }
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
    var rec = Q.records.get(id);
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
    var div = Q.stateLegend.getContainer();
    div.textContent = '';
    div.appendChild(el('div', 'qlue-legend-title', Q.strings.legendTitle));
    for (var i = 0; i < Q.legend.length; i++) {
      var row = el('div');
      row.appendChild(swatch(Q.legend[i].colour, true));
      row.appendChild(document.createTextNode(Q.legend[i].text));
      div.appendChild(row);
    }
    var overdue = el('div', 'qlue-note');
    overdue.appendChild(swatch('#ffffff', true, Q.styles.overdueOutline));
    overdue.appendChild(document.createTextNode(Q.strings.overdueNote));
    div.appendChild(overdue);
    div.appendChild(el('div', 'qlue-note', Q.strings.priorityNote));
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
    if (msg.styles) { Object.assign(Q.styles, msg.styles); }
    if (msg.legend) { Q.legend = msg.legend; }
    if (msg.boundaryFill) { Q.boundaryFill = msg.boundaryFill; }
    buildStateLegend();
    buildChoroLegend();
  }

  // -- the channel --------------------------------------------------------------------------
  var handlers = {
    config: configure, set: setAll, upsert: upsert, remove: remove,
    select: select, choropleth: setChoropleth
  };

  function afterPaint(fn) {
    // Leaflet redraws its canvas in the next animation frame; report after that frame.
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
      afterPaint(function () { Q.bridge.markersApplied(msg.seq, Q.records.size, performance.now() - t0); });
    }
  }

  Q.count = function () { return Q.records.size; };
  Q.layerOf = function (id) { var rec = Q.records.get(id); return rec ? rec.layer : null; };
  Q.tooltipElement = function () { return Q.tip && Q.map.hasLayer(Q.tip) ? Q.tip.getElement() : null; };

  Q.init = function (mapName, boundariesName) {
    Q.map = window[mapName];
    Q.boundaries = boundariesName ? window[boundariesName] : null;
    Q.events = new L.Evented();
    Q.events.on('click', onMarkerClick);
    Q.events.on('mouseover', function (e) { if (e.layer) { showTip(e.layer.qlueId); } });
    Q.events.on('mouseout', closeTip);
    if (Q.boundaries) {
      Q.boundaries.eachLayer(function (layer) {
        layer.bindTooltip(boundaryTip, {sticky: true, className: 'qlue-tip', direction: 'top', offset: [0, -8]});
        layer.on('mouseover', function () { styleBoundary(layer, true); });
        layer.on('mouseout', function () { styleBoundary(layer, false); });
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
