#pragma once
// A file sent with a ticket (a screenshot, a log): what the customer's system called it, its
// type, its size and its bytes. In the widget and in the request the bytes travel as base64; the
// server keeps them apart from the ticket (in its store's own table, server/storage/relay_store.h)
// and the stored ticket JSON then carries `sha256` instead of `content`.
#include <cstddef>
#include <string>

namespace support {

struct TicketAttachment {
  std::string name;      // "screenshot.png"; never a path
  std::string type;      // MIME type as checked, e.g. "image/png"
  std::size_t size = 0;  // bytes (not base64 characters)
  std::string content;   // the bytes, standard base64 with padding
};

}  // namespace support
