#include "stored_attachment.h"

#include "hmac_sha256.h"

#include "text/base64.h"
#include "ticket/attachment_types.h"

namespace support::server {

std::vector<StoredAttachment> take_attachments_for_storage(const TicketDraft& draft, nlohmann::json& stored_draft) {
  std::vector<StoredAttachment> files;
  for (std::size_t i = 0; i < draft.attachments.size(); ++i) {
    const TicketAttachment& file = draft.attachments[i];
    StoredAttachment stored;
    stored.name = file.name;
    // The type the name's ending means (validation made sure the declared one agrees with it).
    const AttachmentType* type = attachment_type_for_name(file.name);
    stored.type = type ? type->mime : file.type;
    stored.content = base64_decode(file.content).value_or(std::string());
    stored.size = static_cast<std::int64_t>(stored.content.size());
    stored.sha256 = sha256_hex(stored.content);
    nlohmann::json& meta = stored_draft["attachments"][i];
    meta.erase("content");
    meta["type"] = stored.type;
    meta["sha256"] = stored.sha256;
    files.push_back(std::move(stored));
  }
  return files;
}

}  // namespace support::server
