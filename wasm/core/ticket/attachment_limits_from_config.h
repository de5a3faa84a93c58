#pragma once
// The attachment limits a configuration sets: its "attachments" section, the categories whose
// form has an "attachments" field, and (for a locale) the refusal texts "attachments.error.*".
#include "config/config.h"
#include "ticket/attachment_limits.h"

#include <string>

namespace support {

// locale "": the English defaults of AttachmentMessages (the server's answers).
AttachmentLimits attachment_limits_from_config(const Config& config, const std::string& locale = "");

// The text keys of the refusals, in AttachmentMessages order (lint checks each locale has them).
const std::vector<std::string>& attachment_text_keys();

}  // namespace support
