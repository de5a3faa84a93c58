// JavaScript side of the browser glue, linked into widget.mjs with --js-library.
// Kept to what C++ cannot do through emscripten's own libraries.
mergeInto(LibraryManager.library, {
  // The WebGL context is made by widget-host.js on the canvas in the host's shadow root, with its
  // attributes, as soon as loading starts (making one takes tens of milliseconds, done while the
  // module and files are still on their way), and handed in as Module.glContext; null when the
  // browser has no WebGL2. No extension is switched on: the widget's WebGL2 renderer
  // (web_renderer.cpp) needs none, and Emscripten's default of asking for every supported one costs ~25 ms of
  // getExtension calls (30 of them in Chromium). Unquoted keys: only Emscripten's own code,
  // minified with this file by Closure, reads them.
  web_create_gl_context__deps: ['$GL'],
  web_create_gl_context: function () {
    var ctx = Module['glContext'];
    if (!ctx) return 0;
    var handle = GL.registerContext(ctx, { majorVersion: 2, minorVersion: 0, enableExtensionsByDefault: false });
    if (handle) GL.makeContextCurrent(handle);
    return handle;
  },
  // ---- glyphs: the browser's own fonts draw the widget's text (wasm/app/glyph_atlas.cpp) ----
  // Newer TextMetrics members are quoted: Closure's 2022 externs do not know them all.
  // One 2D canvas does the measuring and drawing, with CSS fonts: weight, size in device pixels,
  // family.
  $glyphs: { ctx: null, loading: {} },
  $glyphFont__deps: ['$glyphs'],
  $glyphFont: function (family, bold, emSize) {
    if (!glyphs.ctx) {
      var canvas = typeof OffscreenCanvas != 'undefined' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
      glyphs.ctx = canvas.getContext('2d', { 'willReadFrequently': true });
    }
    var font = (bold ? '600 ' : '400 ') + emSize + 'px ' + family;
    // A web font of the page that has not loaded yet: the fallback is drawn now, the real one once
    // it is there (the app builds its atlas again).
    if (typeof document != 'undefined' && document.fonts && !document.fonts.check(font) && !glyphs.loading[font]) {
      glyphs.loading[font] = 1;
      document.fonts.load(font).then(function () { if (Module['_widget_fonts_loaded']) Module['_widget_fonts_loaded'](); }, function () {});
    }
    return font;
  },
  // out: ascent, descent, then per code point advance, left, top, width, height (pixels around
  // the pen on the baseline; 0 x 0 for a blank).
  web_measure_glyphs__deps: ['$glyphFont'],
  web_measure_glyphs: function (familyPtr, bold, emSize, codePoints, count, out) {
    var font = glyphFont(UTF8ToString(familyPtr), bold, emSize), ctx = glyphs.ctx;
    ctx.font = font;
    var face = ctx.measureText('Hg'), f = out >> 2;
    HEAPF32[f] = face['fontBoundingBoxAscent'] || face['actualBoundingBoxAscent'] * 1.2;
    HEAPF32[f + 1] = face['fontBoundingBoxDescent'] || face['actualBoundingBoxDescent'] * 1.6;
    for (var i = 0; i < count; i++) {
      var m = ctx.measureText(String.fromCodePoint(HEAPU32[(codePoints >> 2) + i]));
      var o = f + 2 + i * 5;
      var blank = m['actualBoundingBoxLeft'] + m['actualBoundingBoxRight'] <= 0 || m['actualBoundingBoxAscent'] + m['actualBoundingBoxDescent'] <= 0;
      var left = Math.floor(-m['actualBoundingBoxLeft']) - 1, top = Math.floor(-m['actualBoundingBoxAscent']) - 1;
      HEAPF32[o] = m.width;
      HEAPF32[o + 1] = blank ? 0 : left;
      HEAPF32[o + 2] = blank ? 0 : top;
      HEAPF32[o + 3] = blank ? 0 : Math.ceil(m['actualBoundingBoxRight']) + 1 - left;
      HEAPF32[o + 4] = blank ? 0 : Math.ceil(m['actualBoundingBoxDescent']) + 1 - top;
    }
  },
  // faces: (bold, size in device pixels) pairs; glyphs: (face, code point, pen x, pen y) quadruples. Draws
  // them white on transparent and copies the image into rgba (width x height x 4 bytes).
  web_draw_glyphs__deps: ['$glyphFont'],
  web_draw_glyphs: function (familyPtr, faces, faceCount, list, count, rgba, width, height) {
    var family = UTF8ToString(familyPtr), fonts = [];
    for (var f = 0; f < faceCount; f++) fonts.push(glyphFont(family, HEAP32[(faces >> 2) + 2 * f], HEAP32[(faces >> 2) + 2 * f + 1]));
    var ctx = glyphs.ctx;
    ctx.canvas.width = width;    // also clears it
    ctx.canvas.height = height;
    ctx.fillStyle = '#fff';
    ctx.textBaseline = 'alphabetic';
    var current = -1;
    for (var i = 0; i < count; i++) {
      var g = (list >> 2) + i * 4;
      if (HEAP32[g] != current) ctx.font = fonts[current = HEAP32[g]];
      ctx.fillText(String.fromCodePoint(HEAP32[g + 1]), HEAP32[g + 2], HEAP32[g + 3]);
    }
    HEAPU8.set(ctx.getImageData(0, 0, width, height).data, rgba);
  },
  web_set_cursor: function (name) {
    var canvas = Module['canvas'];
    if (canvas) canvas.style.cursor = UTF8ToString(name);
  },
});
