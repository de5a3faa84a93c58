#pragma once
// Reads the configuration's "attachments" section (docs/config.md, "attachments").
#include "config/attachment_settings.h"
#include "json/json_reader.h"

#include <nlohmann/json.hpp>

#include <string>

namespace support {

// The largest request body the server should take for tickets with files: every file at its
// largest in base64 plus room for the ticket's text. Server and docs use the same sum.
long attachment_body_allowance(const AttachmentSettings& settings);

void parse_attachments(const nlohmann::json& value, const std::string& path, JsonReader& reader,
                       AttachmentSettings& out);

}  // namespace support
