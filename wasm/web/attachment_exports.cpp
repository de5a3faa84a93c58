// The one entry point for files (picked, dropped or pasted): the page glue reads each file's
// bytes (shell/widget-host.js) and hands them over here; the session checks and keeps them.
#include "web_app.h"

#include <emscripten/emscripten.h>

#include <string>
#include <string_view>

extern "C" {

// first = 1 for the first file of what arrived together (one pick, one drop, one paste): the
// refusals of the batch before are cleared, so the messages beside the list are about this one.
// length -1: the browser could not read the file (it is refused as unreadable, with its name).
// Returns 1 when the file was added, 0 when it was refused (the form says why).
EMSCRIPTEN_KEEPALIVE int widget_add_attachment(const char* name, const char* type, const char* bytes, int length,
                                               int first) {
  support::SupportSession* session = web::widget_app().session();
  if (!session || !name) return 0;
  if (first) session->begin_adding_files();
  web::widget_app().want_frames(3);
  if (length < 0) {
    session->file_unreadable(name);
    return 0;
  }
  return session->add_attachment(name, type ? type : "", std::string_view(bytes ? bytes : "", std::size_t(length))) ? 1 : 0;
}

}  // extern "C"
