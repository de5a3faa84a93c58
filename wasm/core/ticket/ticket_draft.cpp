#include "ticket/ticket_draft.h"

#include <string_view>

namespace support {
namespace {

using nlohmann::json;

// Keys with a meaning of their own; everything else at the top level goes to `extra`.
constexpr std::string_view kKnownKeys[] = {
    "name",    "email",           "subject",         "description",     "category", "product",
    "locale",  "idempotency_key", "troubleshooting", "articles_opened", "extra",
    "screening", "attachments"};

bool is_known_key(const std::string& key) {
  for (std::string_view known : kKnownKeys) {
    if (key == known) return true;
  }
  return false;
}

void read_string(const json& j, const char* key, std::string& out, TicketDraft& draft) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return;
  if (it->is_string()) {
    out = it->get_ref<const std::string&>();
  } else {
    draft.wrong_type_fields.emplace_back(key);
  }
}

void read_articles(const json& j, TicketDraft& draft) {
  const auto it = j.find("articles_opened");
  if (it == j.end() || it->is_null()) return;
  if (!it->is_array()) {
    draft.wrong_type_fields.emplace_back("articles_opened");
    return;
  }
  for (const json& item : *it) {
    if (!item.is_string()) {
      draft.wrong_type_fields.emplace_back("articles_opened");
      draft.articles_opened.clear();
      return;
    }
    draft.articles_opened.push_back(item.get<std::string>());
  }
}

// [{"name", "type", "size", "content"}]; any item of the wrong shape makes the whole list a
// wrong-type field (a file is never dropped silently).
void read_attachments(const json& j, TicketDraft& draft) {
  const auto it = j.find("attachments");
  if (it == j.end() || it->is_null()) return;
  bool ok = it->is_array();
  if (ok) {
    for (const json& item : *it) {
      const auto name = item.is_object() ? item.find("name") : item.end();
      if (!item.is_object() || name == item.end() || !name->is_string() || !item.value("type", json()).is_string() ||
          !item.value("size", json()).is_number_unsigned() || !item.value("content", json()).is_string()) {
        ok = false;
        break;
      }
      draft.attachments.push_back({item["name"].get<std::string>(), item["type"].get<std::string>(),
                                   item["size"].get<std::size_t>(), item["content"].get<std::string>()});
    }
  }
  if (!ok) {
    draft.attachments.clear();
    draft.wrong_type_fields.emplace_back("attachments");
  }
}

std::string_view trim(std::string_view text) {
  const char* const spaces = " \t\r\n\f\v";
  const auto first = text.find_first_not_of(spaces);
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(spaces);
  return text.substr(first, last - first + 1);
}

void trim_in_place(std::string& text) { text = std::string(trim(text)); }

}  // namespace

nlohmann::json to_json(const TicketDraft& draft) {
  json articles = json::array();
  for (const std::string& id : draft.articles_opened) articles.push_back(id);
  json out{
      {"name", draft.name},
      {"email", draft.email},
      {"subject", draft.subject},
      {"description", draft.description},
      {"category", draft.category},
      {"product", draft.product},
      {"locale", draft.locale},
      {"idempotency_key", draft.idempotency_key},
      {"troubleshooting", draft.troubleshooting.is_array() ? draft.troubleshooting : json::array()},
      {"articles_opened", std::move(articles)},
      {"extra", draft.extra.is_object() ? draft.extra : json::object()},
  };
  if (!draft.screening.is_null()) out["screening"] = draft.screening;   // only when something was asked
  if (!draft.attachments.empty()) {
    json files = json::array();
    for (const TicketAttachment& file : draft.attachments)
      files.push_back({{"name", file.name}, {"type", file.type}, {"size", file.size}, {"content", file.content}});
    out["attachments"] = std::move(files);
  }
  return out;
}

TicketDraft ticket_draft_from_json(const nlohmann::json& j) {
  TicketDraft draft;
  if (!j.is_object()) {
    draft.wrong_type_fields.emplace_back("draft");
    return draft;
  }
  read_string(j, "name", draft.name, draft);
  read_string(j, "email", draft.email, draft);
  read_string(j, "subject", draft.subject, draft);
  read_string(j, "description", draft.description, draft);
  read_string(j, "category", draft.category, draft);
  read_string(j, "product", draft.product, draft);
  read_string(j, "locale", draft.locale, draft);
  read_string(j, "idempotency_key", draft.idempotency_key, draft);

  if (const auto it = j.find("troubleshooting"); it != j.end() && !it->is_null()) {
    if (it->is_array()) {
      draft.troubleshooting = *it;
    } else {
      draft.wrong_type_fields.emplace_back("troubleshooting");
    }
  }
  read_articles(j, draft);
  if (const auto it = j.find("screening"); it != j.end()) draft.screening = *it;   // checked by validate_ticket_draft
  read_attachments(j, draft);

  for (const auto& [key, value] : j.items()) {
    if (!is_known_key(key)) draft.extra[key] = value;
  }
  if (const auto it = j.find("extra"); it != j.end() && !it->is_null()) {
    if (it->is_object()) {
      for (const auto& [key, value] : it->items()) draft.extra[key] = value;
    } else {
      draft.wrong_type_fields.emplace_back("extra");
    }
  }
  return draft;
}

void normalize_ticket_draft(TicketDraft& draft) {
  trim_in_place(draft.name);
  trim_in_place(draft.email);
  trim_in_place(draft.subject);
  trim_in_place(draft.description);
}

}  // namespace support
