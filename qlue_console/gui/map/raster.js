/* Qlue Console map page: the marker canvas's pixels, stamped in script (QlueRaster).
 *
 * Without a GPU, Chromium rasterises canvas paths in software: one antialiased, outlined circle
 * costs it 6-9 µs. A city-wide view of 100,000 reports piles hundreds of markers on every spot,
 * so repainting the 20 spots a live stream changes in 0.4 s meant some 10,000 circles (~100 ms
 * of the page's main thread, 2.5 times a second), and a whole drawing took ~0.6 s.
 *
 * Here each marker style is drawn ONCE by the canvas itself into a small sprite (the same
 * antialiased disc and outline), and markers are stamped from their sprite into a pixel buffer
 * the size of the canvas with plain typed-array loops (about 1.5 µs each); rectangles of the
 * buffer go to the canvas with putImageData. Stamping is integer arithmetic: repainting a
 * rectangle gives exactly the pixels drawing everything again gives.
 *
 * Pixels are RGBA bytes, not premultiplied (as ImageData holds them), read four at a time as one
 * little-endian Uint32: alpha in the top byte.
 */
(function () {
  'use strict';

  var TAU = Math.PI * 2;

  /** One style at devicePixelRatio `dpr`: a square of (2 * half + 1) device pixels with the
   * circle centred on its middle pixel. style: {fill, fillOpacity, stroke, weight, r, ext} with
   * lengths in CSS pixels; ext is half the box the style paints, antialiasing included. */
  function Sprite(style, dpr) {
    var half = Math.ceil(style.ext * dpr), size = 2 * half + 1;
    var canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    var ctx = canvas.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.beginPath();
    ctx.arc((half + 0.5) / dpr, (half + 0.5) / dpr, style.r, 0, TAU, false);
    ctx.globalAlpha = style.fillOpacity;
    ctx.fillStyle = style.fill;
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.strokeStyle = style.stroke;
    ctx.lineWidth = style.weight;
    ctx.stroke();
    var pixels = new Uint32Array(ctx.getImageData(0, 0, size, size).data.buffer.slice(0));
    var alpha = new Uint8Array(size * size);
    for (var i = 0; i < pixels.length; i++) { alpha[i] = pixels[i] >>> 24; }
    this.half = half;
    this.size = size;
    this.pixels = pixels;
    this.alpha = alpha;
  }

  /** A buffer of width x height device pixels, all transparent. */
  function Surface(width, height) {
    this.width = width;
    this.height = height;
    this.image = new ImageData(width, height);
    this.words = new Uint32Array(this.image.data.buffer);
  }

  /** Makes the rectangle [x0, x1) x [y0, y1) transparent. */
  Surface.prototype.clear = function (x0, y0, x1, y1) {
    var w = this.width;
    if (x0 === 0 && x1 === w) { this.words.fill(0, y0 * w, y1 * w); return; }
    for (var y = y0; y < y1; y++) { this.words.fill(0, y * w + x0, y * w + x1); }
  };

  /** Draws `sprite` centred on device pixel (cx, cy) over what is there ("source-over"), only
   * inside the rectangle [x0, x1) x [y0, y1). */
  Surface.prototype.stamp = function (sprite, cx, cy, x0, y0, x1, y1) {
    var left = cx - sprite.half, top = cy - sprite.half, size = sprite.size;
    var ya = Math.max(top, y0), yb = Math.min(top + size, y1);
    var xa = Math.max(left, x0), xb = Math.min(left + size, x1);
    var out = this.words, w = this.width, src = sprite.pixels, alpha = sprite.alpha;
    for (var y = ya; y < yb; y++) {
      var s = (y - top) * size + (xa - left), d = y * w + xa;
      for (var x = xa; x < xb; x++, s++, d++) {
        var a = alpha[s];
        if (a === 0) { continue; }
        var under = out[d];
        if (a === 255 || under === 0) { out[d] = src[s]; continue; }
        out[d] = over(src[s], a, under);
      }
    }
  };

  /** Copies the rectangle [x0, x1) x [y0, y1) of the buffer onto the canvas. */
  Surface.prototype.show = function (ctx, x0, y0, x1, y1) {
    if (x1 > x0 && y1 > y0) { ctx.putImageData(this.image, 0, 0, x0, y0, x1 - x0, y1 - y0); }
  };

  // Source pixel p (alpha a, 1-254) over destination pixel q, neither premultiplied:
  // alpha = a + qa (1 - a); colour = (c a + qc qa (1 - a)) / alpha, in units of 1/255.
  function over(p, a, q) {
    var qa = q >>> 24, t = qa * (255 - a), sa = a * 255, total = sa + t;
    var r = ((p & 255) * sa + (q & 255) * t) / total;
    var g = (((p >>> 8) & 255) * sa + ((q >>> 8) & 255) * t) / total;
    var b = (((p >>> 16) & 255) * sa + ((q >>> 16) & 255) * t) / total;
    return (((total + 127) / 255) << 24 | (b << 16) | (g << 8) | r) >>> 0;
  }

  window.QlueRaster = {Sprite: Sprite, Surface: Surface};
}());
