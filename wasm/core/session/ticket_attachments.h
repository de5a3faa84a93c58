#pragma once
// The files a customer added to the form (picked, dropped or pasted), each checked as it comes
// (ticket/attachment_check.h), and a message for every file that was refused, so none disappears
// without a word. The local draft keeps the small ones; a file too large to keep on the device is
// remembered by name, and after a reload the customer is told to add it again.
#include "ticket/attachment_limits.h"
#include "ticket/ticket_attachment.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace support {

class TicketAttachments {
 public:
  // Bytes kept in the local draft at most (base64 is a third more; browsers give a page ~5 MB).
  static constexpr std::size_t kSavedBytesBudget = 1024 * 1024;

  // A file from the platform. false, with a refusal naming the file and the limit, if refused.
  bool add(const std::string& name, const std::string& declared_type, std::string_view bytes,
           const AttachmentLimits& limits);
  // Removes the index-th file; false if there is none.
  bool remove(std::size_t index);
  const std::vector<TicketAttachment>& files() const { return files_; }
  std::size_t total_bytes() const;
  // One line per refused file (and per file to add again after a reload), oldest first.
  const std::vector<std::string>& refusals() const { return refusals_; }
  void clear_refusals() { refusals_.clear(); }
  void refuse(std::string message) { refusals_.push_back(std::move(message)); }
  // The ticket was stored: the next one starts without files.
  void clear();

  // For the local draft: [{"name","type","size","content"}] for files that fit the budget (in
  // the order added), {"name","size","kept":false} for the others.
  nlohmann::json to_saved_json() const;
  // Puts the saved files back. `add_again` is the text for a file that was not kept ({name}).
  void restore_saved(const nlohmann::json& saved, const std::string& add_again);

 private:
  std::vector<TicketAttachment> files_;
  std::vector<std::string> refusals_;
};

}  // namespace support
