// JavaScript side of the browser glue, linked into widget.mjs with --js-library.
// Kept to what C++ cannot do through emscripten's own libraries.
mergeInto(LibraryManager.library, {
  // The canvas lives in the host's shadow root, handed in as Module.canvas by widget-host.js;
  // creating the context here avoids CSS-selector lookups that cannot see into shadow roots.
  web_create_gl_context__deps: ['$GL'],
  web_create_gl_context: function () {
    var canvas = Module['canvas'];
    if (!canvas) return 0;
    var handle = GL.createContext(canvas, {
      'majorVersion': 2, 'minorVersion': 0, 'alpha': false, 'depth': false, 'stencil': false,
      'antialias': false, 'premultipliedAlpha': true, 'preserveDrawingBuffer': false
    });
    if (handle) GL.makeContextCurrent(handle);
    return handle;
  },
  web_set_cursor: function (name) {
    var canvas = Module['canvas'];
    if (canvas) canvas.style.cursor = UTF8ToString(name);
  },
});
