#include "attachment_list.h"

#include "widgets.h"

#include "ticket/attachment_limits.h"

#include <imgui.h>

namespace ui {

void draw_attachment_list(support::SupportSession& session, const support::FormField& field) {
  const support::FlowRun& run = *session.flow();
  const support::AttachmentLimits limits = session.attachment_limits();
  paragraph(run.text(field.label_key));
  if (!field.help_key.empty()) paragraph(support::fill_limit_placeholders(run.text(field.help_key), limits), true);
  file_picker_button(session.text("attachments.add"), support::accept_attribute(limits));
  const auto& files = session.attachments().files();
  std::size_t remove_at = files.size();
  for (std::size_t i = 0; i < files.size(); ++i) {
    bullet(files[i].name + " (" + support::format_file_size(files[i].size) + ")");
    ImGui::SameLine();   // Remove beside the file it removes
    if (button(session.text("attachments.remove") + "##attachment" + std::to_string(i), ButtonKind::Quiet))
      remove_at = i;
    describe_last_item(files[i].name);
  }
  for (const std::string& refusal : session.attachments().refusals()) alert(refusal);
  if (remove_at < files.size()) session.remove_attachment(remove_at);
  spacing(4);
}

}  // namespace ui
