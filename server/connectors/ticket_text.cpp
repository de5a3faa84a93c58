#include "connectors/ticket_text.h"

namespace support::server {
namespace {

std::string text_of(const nlohmann::json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string string_at(const nlohmann::json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

}  // namespace

std::string ticket_plain_text(const nlohmann::json& ticket) {
  std::string text = string_at(ticket, "description");
  text += "\n\n";
  if (const std::string category = string_at(ticket, "category"); !category.empty()) text += "Category: " + category + "\n";
  if (const std::string product = string_at(ticket, "product"); !product.empty()) text += "Product: " + product + "\n";
  const auto steps = ticket.find("troubleshooting");
  if (steps != ticket.end() && steps->is_array() && !steps->empty()) {
    text += "Troubleshooting done in the widget:\n";
    for (const auto& step : *steps) {
      if (!step.is_object()) continue;
      std::string line = "- " + string_at(step, "title");
      if (const std::string label = string_at(step, "label"); !label.empty()) line += " -> " + label;
      if (step.contains("resolved")) line += step["resolved"] == true ? " (resolved)" : " (not resolved)";
      text += line + "\n";
    }
  }
  const auto articles = ticket.find("articles_opened");
  if (articles != ticket.end() && articles->is_array() && !articles->empty()) {
    text += "Articles read:";
    for (const auto& id : *articles) text += " " + text_of(id);
    text += "\n";
  }
  const auto extra = ticket.find("extra");
  if (extra != ticket.end() && extra->is_object()) {
    for (const auto& item : extra->items()) text += item.key() + ": " + text_of(item.value()) + "\n";
  }
  // The files by name, so an agent can tell when a helpdesk lost one (osTicket drops oversized ones).
  const auto files = ticket.find("attachments");
  if (files != ticket.end() && files->is_array() && !files->empty()) {
    text += "Files sent:";
    for (const auto& file : *files) text += " " + (file.is_object() ? string_at(file, "name") : text_of(file));
    text += "\n";
  }
  text += "Support widget ticket " + string_at(ticket, "id");
  if (ticket.contains("number")) text += " (#" + text_of(ticket["number"]) + ")";
  text += "\n";
  return text;
}

}  // namespace support::server
