// JavaScript side of the browser glue, linked into widget.mjs with --js-library.
// Kept to what C++ cannot do through emscripten's own libraries.
mergeInto(LibraryManager.library, {
  // The WebGL context is made by widget-host.js on the canvas in the host's shadow root, with its
  // attributes, as soon as loading starts (making one takes tens of milliseconds, done while the
  // module and files are still on their way), and handed in as Module.glContext; null when the
  // browser has no WebGL2. No extension is switched on: ImGui's WebGL2 renderer (GLES3) needs
  // none, and Emscripten's default of asking for every supported one costs ~25 ms of
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
  web_set_cursor: function (name) {
    var canvas = Module['canvas'];
    if (canvas) canvas.style.cursor = UTF8ToString(name);
  },
});
