#include "session/ticket_attachments.h"

#include "text/base64.h"
#include "ticket/attachment_check.h"
#include "ticket/validation_messages.h"

namespace support {

bool TicketAttachments::add(const std::string& name, const std::string& declared_type, std::string_view bytes,
                            const AttachmentLimits& limits) {
  AttachmentDecision decision = check_attachment(name, declared_type, bytes, files_, limits);
  if (decision.refusal) {
    refusals_.push_back(decision.refusal->message);
    return false;
  }
  files_.push_back({name, decision.type, bytes.size(), base64_encode(bytes)});
  return true;
}

bool TicketAttachments::remove(std::size_t index) {
  if (index >= files_.size()) return false;
  files_.erase(files_.begin() + static_cast<std::ptrdiff_t>(index));
  return true;
}

std::size_t TicketAttachments::total_bytes() const {
  std::size_t total = 0;
  for (const TicketAttachment& file : files_) total += file.size;
  return total;
}

void TicketAttachments::clear() {
  files_.clear();
  refusals_.clear();
}

nlohmann::json TicketAttachments::to_saved_json() const {
  nlohmann::json out = nlohmann::json::array();
  std::size_t kept = 0;
  for (const TicketAttachment& file : files_) {
    if (kept + file.size <= kSavedBytesBudget) {
      kept += file.size;
      out.push_back({{"name", file.name}, {"type", file.type}, {"size", file.size}, {"content", file.content}});
    } else {
      out.push_back({{"name", file.name}, {"size", file.size}, {"kept", false}});
    }
  }
  return out;
}

void TicketAttachments::restore_saved(const nlohmann::json& saved, const std::string& add_again) {
  if (!saved.is_array()) return;
  for (const nlohmann::json& item : saved) {
    if (!item.is_object() || !item.value("name", nlohmann::json()).is_string()) continue;
    const std::string name = item["name"].get<std::string>();
    const nlohmann::json content = item.value("content", nlohmann::json());
    const std::optional<std::string> bytes = content.is_string() ? base64_decode(content.get<std::string>())
                                                                 : std::nullopt;
    if (!bytes || !item.value("type", nlohmann::json()).is_string()) {
      refusals_.push_back(format_validation_message(add_again, {{"name", name}}));
      continue;
    }
    files_.push_back({name, item["type"].get<std::string>(), bytes->size(), content.get<std::string>()});
  }
}

}  // namespace support
