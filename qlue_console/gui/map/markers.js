/* Qlue Console map page: the report markers as ONE canvas layer (QlueMarkers.ReportLayer).
 *
 * One Leaflet object per report costs seconds to add 100,000 of them and tens of ms for each
 * change. This layer keeps the reports in flat typed arrays instead, one slot per report (a Map
 * from report id to slot; the slots of removed reports are reused), and draws them itself on
 * one <canvas> in a pane of its own, above the kelurahan, beneath the selection ring and the
 * tooltips.
 *
 *  - Positions: every report's projected pixel (EPSG:3857, as Leaflet's CRS) is computed once
 *    per zoom. The canvas covers the view plus PAD on each side; it is placed, sized and drawn
 *    whole when a move or a zoom ends. While the map pans it moves with it; while it zooms it
 *    is scaled with a CSS transform, as Leaflet's own renderers are.
 *  - Order, beneath to on top: done/rejected/duplicate, in progress, waiting; within each, low
 *    to urgent priority; overdue above the others of their priority; then the last NEWS_MAX
 *    reports that changed since the last full set, in the order they changed: a change is
 *    news.
 *  - Drawing: each style (fill, outline, radius) is drawn once into a sprite, and the markers
 *    are stamped from their sprites into a pixel buffer (raster.js, QlueRaster) that goes to the
 *    canvas with putImageData; a marker stands on the device pixel its position falls in.
 *  - A change repaints only the rectangles the old and the new drawing of each changed report
 *    cover: each is cleared and drawn again with every report whose sprite reaches into it,
 *    found in a coarse grid of CELL-pixel cells, so a change never walks all reports; the
 *    pixels are those a whole drawing gives. The whole canvas is drawn only on set, move, zoom
 *    and resize (or when the changes of one frame cover a quarter of it).
 *  - Hit-testing: the canvas takes no pointer events (the kelurahan beneath keep theirs); the
 *    page asks idAt(containerPoint) on the map's own mousemove and click, answered from the
 *    same grid: of the markers under the pointer the one drawn on top, else the nearest one
 *    within SLACK pixels of its outline.
 */
(function () {
  'use strict';

  var PAD = 0.1;                // canvas margin around the view, as a fraction of its size
  var CELL = 32;                // grid cell, in pixels
  var CELL_ROW = 67108864;      // 2^26: cell key = column * CELL_ROW + row (rows < 2^22 at zoom 19)
  var NEWS_MAX = 1000;          // how many of the latest changes are drawn on top
  var SLACK = 3;                // pixels beyond a marker's outline that still hit it
  var FILL_OPACITY = 0.88;
  var WEIGHT = 0.8, OVERDUE_WEIGHT = 2.2;
  var MAX_LAT = 85.0511287798;
  var TAU = Math.PI * 2;

  // The world pixel of a longitude / latitude at scale = 256 * 2^zoom (spherical Mercator).
  function projectX(lon, scale) { return scale * (lon / 360 + 0.5); }
  function projectY(lat, scale) {
    var s = Math.sin(Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI / 180);
    return scale * (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI));
  }

  // One slot per report; `g` is the style group (its place in the base order), `news` the
  // number of its latest change (0: not news), `cell` its grid key.
  var COLUMNS = {
    id: Float64Array, lat: Float64Array, lon: Float64Array, x: Float64Array, y: Float64Array,
    s: Int8Array, p: Uint8Array, o: Uint8Array, t: Int32Array, g: Uint16Array,
    news: Float64Array, used: Uint8Array, cell: Float64Array
  };

  // The style groups from the page's style table: group = ((rank * 4 + priority) * 2 + overdue)
  // * colours + colour, so ascending groups are the drawing order beneath to on top.
  function styleTable(st) {
    var colours = [], cIndex = [], rank = [], ranks = 1;
    function colourIndex(c) {
      var i = colours.indexOf(c);
      return i >= 0 ? i : colours.push(c) - 1;
    }
    for (var s = -1; s < st.colours.length; s++) {
      cIndex[s + 1] = colourIndex(s >= 0 && st.colours[s] ? st.colours[s] : st.unknown);
      rank[s + 1] = s >= 0 ? (st.drawRank[s] || 0) : 0;
      ranks = Math.max(ranks, rank[s + 1] + 1);
    }
    var groups = [], maxExt = 0;
    for (var r = 0; r < ranks; r++) {
      for (var p = 0; p < 4; p++) {
        for (var o = 0; o < 2; o++) {
          for (var c = 0; c < colours.length; c++) {
            var radius = st.radius[p] || st.radius[0], weight = o ? OVERDUE_WEIGHT : WEIGHT;
            var g = {
              fill: colours[c], fillOpacity: FILL_OPACITY, stroke: o ? st.overdueOutline : st.outline,
              weight: weight, radius: radius, r: Math.max(Math.round(radius), 1)
            };
            g.ext = g.r + weight / 2 + 1;          // half the box a marker paints, antialiasing included
            maxExt = Math.max(maxExt, g.ext);
            groups.push(g);
          }
        }
      }
    }
    return {
      groups: groups, maxExt: maxExt,
      groupOf: function (s, p, o) {
        return ((rank[s + 1] * 4 + p) * 2 + o) * colours.length + cIndex[s + 1];
      }
    };
  }

  // The fields a marker row must have (data/map_data.py: MARKER_FIELDS names them; the page is
  // given those names and finds each field's place in a row by its name, never by a fixed one).
  var ROW_FIELDS = ['id', 'lat', 'lon', 'state', 'priority', 'overdue', 'title'];

  function fieldIndexes(fields) {
    var at = {};
    for (var i = 0; i < ROW_FIELDS.length; i++) {
      var k = (fields || []).indexOf(ROW_FIELDS[i]);
      if (k < 0) { throw new Error('qlue markers: a marker row has no field ' + ROW_FIELDS[i]); }
      at[ROW_FIELDS[i]] = k;
    }
    return at;
  }

  var ReportLayer = L.Layer.extend({
    options: {pane: 'qlueMarkers'},

    // fields: the names of a marker row's fields, in the row's order.
    initialize: function (styles, fields, options) {
      L.setOptions(this, options);
      this._at = fieldIndexes(fields);
      this.index = new Map();       // report id -> slot
      this.a = {};                  // the columns
      this._cap = 0;
      this._top = 0;                // slots below this have been used
      this._free = [];
      this._titles = [];
      this._titleIndex = new Map();
      this._news = [];              // slots, oldest change first
      this._newsSeq = 0;
      this._grid = new Map();       // cell key -> [slot]
      this._zoom = null;
      this._dirty = [];             // x, y (world pixels), style group of each drawing to repaint
      this._sprites = null;         // QlueRaster.Sprite per style group, at this._spritesDpr
      this._spritesDpr = 0;
      this._surface = null;         // QlueRaster.Surface, the canvas's pixels
      this.stats = {redraws: 0, repaints: 0};   // full redraws and partial repaints so far
      this._full = false;
      this._frame = 0;
      this._grow(1024);
      this.setStyles(styles);
    },

    // -- the data ----------------------------------------------------------------------------
    _grow: function (min) {
      var cap = Math.max(this._cap, 1024);
      while (cap < min) { cap *= 2; }
      if (cap === this._cap) { return; }
      for (var name in COLUMNS) {
        var column = new COLUMNS[name](cap);
        if (this.a[name]) { column.set(this.a[name]); }
        this.a[name] = column;
      }
      this._cap = cap;
    },

    setStyles: function (styles) {
      this._styles = styleTable(styles);
      this._sprites = null;
      for (var k = 0; k < this._top; k++) {
        if (this.a.used[k]) { this._regroup(k); }
      }
      this._requestFull();
    },

    _regroup: function (k) {
      var a = this.a;
      a.g[k] = this._styles.groupOf(a.s[k], a.p[k], a.o[k]);
    },

    // Batch title indexes -> indexes into this._titles (each category name kept once).
    _internTitles: function (titles) {
      var map = [];
      for (var i = 0; i < (titles || []).length; i++) {
        var t = this._titleIndex.get(titles[i]);
        if (t === undefined) {
          t = this._titles.push(titles[i]) - 1;
          this._titleIndex.set(titles[i], t);
        }
        map.push(t);
      }
      return map;
    },

    /** The report id of a marker row. */
    idOf: function (row) { return row[this._at.id]; },

    // row: id, lat, lon, state index, priority 0-3, overdue 0/1, title index, each at the
    // place its name has in the row's fields
    _write: function (k, row, titleMap) {
      var a = this.a, at = this._at, t = titleMap[row[at.title]], s = row[at.state];
      a.id[k] = row[at.id];
      a.lat[k] = row[at.lat];
      a.lon[k] = row[at.lon];
      a.s[k] = s >= 0 ? s : -1;
      a.p[k] = Math.max(0, Math.min(3, row[at.priority] | 0));
      a.o[k] = row[at.overdue] ? 1 : 0;
      a.t[k] = t === undefined ? -1 : t;
      a.used[k] = 1;
      this._regroup(k);
    },

    _alloc: function () {
      if (this._free.length) { return this._free.pop(); }
      this._grow(this._top + 1);
      return this._top++;
    },

    /** Replaces every report (a full redraw in the next frame). */
    setAll: function (rows, titles) {
      var a = this.a, titleMap = this._internTitles(titles);
      this.index.clear();
      this._free.length = 0;
      this._news.length = 0;
      this._top = 0;
      this._grow(rows.length);
      a.used.fill(0);
      a.news.fill(0);
      for (var i = 0; i < rows.length; i++) {
        var id = rows[i][this._at.id], k = this.index.get(id);
        if (k === undefined) {
          k = this._top++;
          this.index.set(id, k);
        }
        this._write(k, rows[i], titleMap);
      }
      this._reproject();
      this._requestFull();
    },

    /** Adds or moves/restyles reports; they become news, drawn on top. Repaints their areas. */
    upsert: function (rows, titles) {
      var titleMap = this._internTitles(titles);
      for (var i = 0; i < rows.length; i++) {
        var id = rows[i][this._at.id], k = this.index.get(id);
        if (k === undefined) {
          k = this._alloc();
          this.index.set(id, k);
        } else {
          this._dirtySlot(k);
          this._unlink(k);
        }
        this._write(k, rows[i], titleMap);
        this._project(k);
        this._link(k);
        this._makeNews(k);
        this._dirtySlot(k);
      }
      this._requestFrame();
    },

    remove: function (ids) {
      var a = this.a;
      for (var i = 0; i < ids.length; i++) {
        var k = this.index.get(ids[i]);
        if (k === undefined) { continue; }
        this._dirtySlot(k);
        this._unlink(k);
        if (a.news[k]) { this._news.splice(this._news.indexOf(k), 1); }
        a.news[k] = 0;
        a.used[k] = 0;
        this.index.delete(ids[i]);
        this._free.push(k);
      }
      this._requestFrame();
    },

    _makeNews: function (k) {
      var a = this.a;
      if (a.news[k]) { this._news.splice(this._news.indexOf(k), 1); }
      a.news[k] = ++this._newsSeq;
      this._news.push(k);
      if (this._news.length > NEWS_MAX) {     // the oldest news goes back to its place
        var old = this._news.shift();
        a.news[old] = 0;
        this._dirtySlot(old);
      }
    },

    // -- projection and the grid -------------------------------------------------------------
    _project: function (k) {
      if (this._zoom === null) { return; }
      var a = this.a, scale = 256 * Math.pow(2, this._zoom);
      a.x[k] = projectX(a.lon[k], scale);
      a.y[k] = projectY(a.lat[k], scale);
    },

    _reproject: function () {
      this._grid = new Map();
      if (this._zoom === null) { return; }
      var a = this.a, scale = 256 * Math.pow(2, this._zoom);
      for (var k = 0; k < this._top; k++) {
        if (!a.used[k]) { continue; }
        a.x[k] = projectX(a.lon[k], scale);
        a.y[k] = projectY(a.lat[k], scale);
        this._link(k);
      }
    },

    _link: function (k) {
      if (this._zoom === null) { return; }
      var a = this.a;
      var key = Math.floor(a.x[k] / CELL) * CELL_ROW + Math.floor(a.y[k] / CELL);
      var cell = this._grid.get(key);
      if (cell) { cell.push(k); } else { this._grid.set(key, [k]); }
      a.cell[k] = key;
    },

    _unlink: function (k) {
      var cell = this._grid.get(this.a.cell[k]);
      if (!cell) { return; }
      var i = cell.indexOf(k);
      if (i < 0) { return; }
      cell[i] = cell[cell.length - 1];
      cell.pop();
      if (!cell.length) { this._grid.delete(this.a.cell[k]); }
    },

    // Calls fn(slot) for every report in the grid cells that cover the world-pixel box.
    _eachNear: function (x0, y0, x1, y1, fn) {
      var c0 = Math.floor(x0 / CELL), c1 = Math.floor(x1 / CELL);
      var r0 = Math.floor(y0 / CELL), r1 = Math.floor(y1 / CELL);
      if ((c1 - c0 + 1) * (r1 - r0 + 1) > this._grid.size) {   // a large box: walk the cells there are
        this._grid.forEach(function (cell, key) {
          var c = Math.floor(key / CELL_ROW), r = key - c * CELL_ROW;
          if (c >= c0 && c <= c1 && r >= r0 && r <= r1) { for (var j = 0; j < cell.length; j++) { fn(cell[j]); } }
        });
        return;
      }
      for (var c = c0; c <= c1; c++) {
        for (var r = r0; r <= r1; r++) {
          var slots = this._grid.get(c * CELL_ROW + r);
          if (slots) { for (var i = 0; i < slots.length; i++) { fn(slots[i]); } }
        }
      }
    },

    // -- the canvas on the map ---------------------------------------------------------------
    onAdd: function (map) {
      if (!this._canvas) {
        this._canvas = L.DomUtil.create('canvas', 'qlue-markers');
        this._canvas.style.pointerEvents = 'none';
        if (map._zoomAnimated) { L.DomUtil.addClass(this._canvas, 'leaflet-zoom-animated'); }
        this._ctx = this._canvas.getContext('2d');
      }
      this.getPane().appendChild(this._canvas);
      this._place();
    },

    onRemove: function () {
      L.DomUtil.remove(this._canvas);
      if (this._frame) { cancelAnimationFrame(this._frame); this._frame = 0; }
      this._zoom = null;
    },

    // A resize ends with a (debounced) moveend too, as every pan and zoom does.
    getEvents: function () {
      var events = {zoom: this._onZoom, moveend: this._place};
      if (this._map && this._map._zoomAnimated) { events.zoomanim = this._onZoomAnim; }
      return events;
    },

    _onZoomAnim: function (e) { this._scaleTo(e.center, e.zoom); },

    _onZoom: function () { this._scaleTo(this._map.getCenter(), this._map.getZoom()); },

    // Shows the canvas drawn at this._zoom as it will stand at (center, zoom).
    _scaleTo: function (center, zoom) {
      if (this._zoom === null) { return; }
      var scale = this._map.getZoomScale(zoom, this._zoom);
      var pos = this._origin.multiplyBy(scale).subtract(this._map._getNewPixelOrigin(center, zoom));
      L.DomUtil.setTransform(this._canvas, pos, scale);
    },

    // After a move or zoom: the canvas covers the view plus PAD; reproject on a new zoom; draw all.
    _place: function () {
      var map = this._map, size = map.getSize(), pad = size.multiplyBy(PAD).round();
      var topLeft = map.containerPointToLayerPoint(pad.multiplyBy(-1)).round();
      var w = size.x + 2 * pad.x, h = size.y + 2 * pad.y, dpr = window.devicePixelRatio || 1;
      this._origin = topLeft.add(map.getPixelOrigin());      // world pixel of the canvas's corner
      this._w = w;
      this._h = h;
      this._dpr = dpr;
      L.DomUtil.setPosition(this._canvas, topLeft);
      if (this._canvas.width !== Math.round(w * dpr) || this._canvas.height !== Math.round(h * dpr)) {
        this._canvas.width = Math.round(w * dpr);
        this._canvas.height = Math.round(h * dpr);
        this._canvas.style.width = w + 'px';
        this._canvas.style.height = h + 'px';
      }
      if (!this._surface || this._surface.width !== this._canvas.width || this._surface.height !== this._canvas.height) {
        this._surface = new QlueRaster.Surface(this._canvas.width, this._canvas.height);
      }
      if (map.getZoom() !== this._zoom) {
        this._zoom = map.getZoom();
        this._reproject();
      }
      this._redraw();
    },

    _requestFull: function () {
      this._full = true;
      this._requestFrame();
    },

    _requestFrame: function () {
      if (this._frame || !this._map) { return; }
      var self = this;
      this._frame = requestAnimationFrame(function () {
        self._frame = 0;
        if (self._full) { self._redraw(); } else if (self._dirty.length) { self._repaint(); }
      });
    },

    _dirtySlot: function (k) {
      if (this._zoom === null) { return; }
      this._dirty.push(this.a.x[k], this.a.y[k], this.a.g[k]);
    },

    // -- drawing -----------------------------------------------------------------------------
    _spriteList: function () {
      if (!this._sprites || this._spritesDpr !== this._dpr) {
        var dpr = this._dpr;
        this._sprites = this._styles.groups.map(function (g) { return new QlueRaster.Sprite(g, dpr); });
        this._spritesDpr = dpr;
      }
      return this._sprites;
    },

    // The device pixel of the canvas that a world-pixel coordinate falls in.
    _deviceX: function (x) { return Math.floor((x - this._origin.x) * this._dpr); },
    _deviceY: function (y) { return Math.floor((y - this._origin.y) * this._dpr); },

    _redraw: function () {
      this.stats.redraws++;
      this._full = false;
      this._dirty.length = 0;
      if (!this._map || this._zoom === null) { return; }
      var a = this.a, m = this._styles.maxExt + 2, surface = this._surface;
      var x0 = this._origin.x - m, y0 = this._origin.y - m, x1 = x0 + this._w + 2 * m, y1 = y0 + this._h + 2 * m;
      var found = new Int32Array(this._top), n = 0;
      for (var k = 0; k < this._top; k++) {
        if (a.used[k] && a.x[k] >= x0 && a.x[k] <= x1 && a.y[k] >= y0 && a.y[k] <= y1) { found[n++] = k; }
      }
      surface.clear(0, 0, surface.width, surface.height);
      this._drawInOrder(found, n, [0, 0, surface.width, surface.height]);
      surface.show(this._ctx, 0, 0, surface.width, surface.height);
    },

    // Repaints the rectangles of the changed drawings only: each cleared and drawn again with
    // every report whose sprite reaches into it.
    _repaint: function () {
      var dirty = this._dirty;
      this._dirty = [];
      if (!this._map || this._zoom === null) { return; }
      var surface = this._surface, sprites = this._spriteList(), boxes = [], seen = new Set(), area = 0;
      for (var i = 0; i < dirty.length; i += 3) {
        var half = sprites[dirty[i + 2]].half, cx = this._deviceX(dirty[i]), cy = this._deviceY(dirty[i + 1]);
        var bx0 = Math.max(0, cx - half), by0 = Math.max(0, cy - half);
        var bx1 = Math.min(surface.width, cx + half + 1), by1 = Math.min(surface.height, cy + half + 1);
        var key = bx0 + ',' + by0 + ',' + bx1 + ',' + by1;
        if (bx1 <= bx0 || by1 <= by0 || seen.has(key)) { continue; }   // outside, or the same box again
        seen.add(key);
        boxes.push([bx0, by0, bx1, by1]);
        area += (bx1 - bx0) * (by1 - by0);
      }
      if (!boxes.length) { return; }
      if (area > 0.25 * surface.width * surface.height || boxes.length > 512) { this._redraw(); return; }
      this.stats.repaints++;
      for (var j = 0; j < boxes.length; j++) {
        var b = boxes[j], found = this._reaching(b);
        surface.clear(b[0], b[1], b[2], b[3]);
        this._drawInOrder(found, found.length, b);
        surface.show(this._ctx, b[0], b[1], b[2], b[3]);
      }
    },

    // The reports whose sprite meets the box [x0, y0, x1, y1) of device pixels, by slot: within
    // a style group the stamps go in slot order, as in a whole drawing (where they overlap, the
    // order decides whose outline shows).
    _reaching: function (box) {
      var a = this.a, sprites = this._spriteList(), found = [];
      var dpr = this._dpr, ox = this._origin.x, oy = this._origin.y, m = this._styles.maxExt + 2;   // + rounding
      this._eachNear(ox + box[0] / dpr - m, oy + box[1] / dpr - m, ox + box[2] / dpr + m, oy + box[3] / dpr + m,
        function (k) {
          var half = sprites[a.g[k]].half;
          var cx = Math.floor((a.x[k] - ox) * dpr), cy = Math.floor((a.y[k] - oy) * dpr);
          if (cx + half >= box[0] && cx - half < box[2] && cy + half >= box[1] && cy - half < box[3]) { found.push(k); }
        });
      return Int32Array.from(found).sort();
    },

    // Stamps the slots found[0..n) inside box [x0, y0, x1, y1) in the drawing order: the base
    // groups (counting sort), then the news by the order of their changes.
    _drawInOrder: function (found, n, box) {
      var a = this.a, groups = this._styles.groups, counts = new Int32Array(groups.length + 1);
      var news = [], base = 0, i, k;
      for (i = 0; i < n; i++) {
        k = found[i];
        if (a.news[k]) { news.push(k); } else { counts[a.g[k] + 1]++; base++; }
      }
      for (i = 1; i <= groups.length; i++) { counts[i] += counts[i - 1]; }
      var order = new Int32Array(base);
      for (i = 0; i < n; i++) {
        k = found[i];
        if (!a.news[k]) { order[counts[a.g[k]]++] = k; }
      }
      news.sort(function (p, q) { return a.news[p] - a.news[q]; });
      var surface = this._surface, sprites = this._spriteList();
      var ox = this._origin.x, oy = this._origin.y, dpr = this._dpr;
      var x0 = box[0], y0 = box[1], x1 = box[2], y1 = box[3];
      for (i = 0; i < base + news.length; i++) {
        k = i < base ? order[i] : news[i - base];
        surface.stamp(sprites[a.g[k]], Math.floor((a.x[k] - ox) * dpr), Math.floor((a.y[k] - oy) * dpr),
                      x0, y0, x1, y1);
      }
    },

    // -- questions from the page -------------------------------------------------------------
    /** The report under a container point: of those under it the one on top, else the nearest
     * within SLACK px; null if none (or while the map zooms). */
    idAt: function (containerPoint) {
      var map = this._map;
      if (!map || this._zoom === null || map.getZoom() !== this._zoom || map._animatingZoom) { return null; }
      var w = map.containerPointToLayerPoint(containerPoint).add(map.getPixelOrigin());
      var a = this.a, groups = this._styles.groups, reach = this._styles.maxExt + SLACK;
      var best = -1, bestUnder = false, bestTop = -1, bestD = Infinity;
      this._eachNear(w.x - reach, w.y - reach, w.x + reach, w.y + reach, function (k) {
        var g = groups[a.g[k]], outer = g.r + g.weight / 2;
        var d = Math.sqrt((a.x[k] - w.x) * (a.x[k] - w.x) + (a.y[k] - w.y) * (a.y[k] - w.y));
        if (d > outer + SLACK) { return; }
        var under = d <= outer, top = a.news[k] ? groups.length + a.news[k] : a.g[k];
        var better = best < 0 || (under && !bestUnder) ||
          (under === bestUnder && (under ? top > bestTop || (top === bestTop && d < bestD) : d < bestD));
        if (better) { best = k; bestUnder = under; bestTop = top; bestD = d; }
      });
      return best < 0 ? null : a.id[best];
    },

    count: function () { return this.index.size; },

    /** Whether the canvas stands where the map is (no move or zoom since it was drawn). */
    isPlaced: function () {
      var map = this._map;
      if (!map || this._zoom === null || map.getZoom() !== this._zoom) { return false; }
      var corner = map.containerPointToLayerPoint(map.getSize().multiplyBy(-PAD).round()).round();
      return corner.add(map.getPixelOrigin()).equals(this._origin);
    },

    /** {id, lat, lon, s, p, o, title} of a report, or undefined. */
    record: function (id) {
      var k = this.index.get(id), a = this.a;
      if (k === undefined) { return undefined; }
      return {id: a.id[k], lat: a.lat[k], lon: a.lon[k], s: a.s[k], p: a.p[k], o: a.o[k] === 1,
              title: a.t[k] >= 0 ? this._titles[a.t[k]] : ''};
    },

    /** How a report is drawn: {fillColor, fillOpacity, color, weight, opacity, radius}, or null. */
    styleOf: function (id) {
      var k = this.index.get(id);
      if (k === undefined) { return null; }
      var g = this._styles.groups[this.a.g[k]];
      return {fillColor: g.fill, fillOpacity: FILL_OPACITY, color: g.stroke, weight: g.weight, opacity: 1,
              radius: g.radius};
    },

    canvas: function () { return this._canvas; },

    radiusOf: function (id) {
      var k = this.index.get(id);
      return k === undefined ? 0 : this._styles.groups[this.a.g[k]].r;
    }
  });

  window.QlueMarkers = {ReportLayer: ReportLayer, PAD: PAD, CELL: CELL, NEWS_MAX: NEWS_MAX};
}());
