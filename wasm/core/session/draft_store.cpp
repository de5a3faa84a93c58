#include "session/draft_store.h"

#include "json/json_member.h"

namespace support {

namespace {
// A saved draft is whatever the browser kept, possibly edited by hand: read members by type,
// never trusting it (json/json_member.h).
long number_member(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_number() ? it->get<long>() : 0;
}
}  // namespace

nlohmann::json draft_to_json(const SessionDraft& draft) {
  nlohmann::json saved = {{"version", 1},
                          {"category", draft.category},
                          {"answers", draft.answers},
                          {"values", draft.values},
                          {"articles_opened", draft.articles_opened},
                          {"idempotency_key", draft.idempotency_key},
                          {"key_request", draft.key_request},
                          {"screen", draft.screen}};
  if (draft.sending) saved["sending"] = true;
  if (draft.screening_record.is_object()) saved["screening"] = draft.screening_record;
  if (!draft.sent_history.entries().empty()) saved["sent_history"] = draft.sent_history.to_json();
  if (draft.last_sent)
    saved["last_sent"] = {{"number", draft.last_sent->number}, {"subject", draft.last_sent->subject},
                          {"created_at", draft.last_sent->created_at}};
  return saved;
}

std::optional<SessionDraft> draft_from_json(const nlohmann::json& saved) {
  if (!saved.is_object() || number_member(saved, "version") != 1) return std::nullopt;
  SessionDraft draft;
  draft.category = text_member(saved, "category");
  if (auto a = saved.find("answers"); a != saved.end() && a->is_array())
    for (const auto& id : *a) {
      if (!id.is_string()) break;   // the route is only known up to here
      draft.answers.push_back(id.get<std::string>());
    }
  if (auto v = saved.find("values"); v != saved.end() && v->is_object())
    for (auto it = v->begin(); it != v->end(); ++it)
      if (it.value().is_string()) draft.values[it.key()] = it.value().get<std::string>();
  if (auto a = saved.find("articles_opened"); a != saved.end() && a->is_array())
    for (const auto& id : *a)
      if (id.is_string()) draft.articles_opened.push_back(id.get<std::string>());
  if (auto k = saved.find("idempotency_key"); k != saved.end() && k->is_string()) {
    draft.idempotency_key = k->get<std::string>();
    // The fingerprint only means something with its key.
    if (auto r = saved.find("key_request"); !draft.idempotency_key.empty() && r != saved.end() && r->is_string())
      draft.key_request = r->get<std::string>();
  }
  if (auto l = saved.find("last_sent"); l != saved.end() && l->is_object() && number_member(*l, "number") > 0)
    draft.last_sent = SentTicket{number_member(*l, "number"), text_member(*l, "subject"),
                                 text_member(*l, "created_at")};
  draft.screen = text_member(saved, "screen");
  if (auto r = saved.find("screening"); r != saved.end() && r->is_object()) draft.screening_record = *r;
  if (auto h = saved.find("sent_history"); h != saved.end()) draft.sent_history = SentHistory::from_json(*h);
  if (auto s = saved.find("sending"); s != saved.end() && s->is_boolean()) draft.sending = s->get<bool>();
  return draft;
}

}  // namespace support
