#include "api_routes.h"

#include "client_address.h"
#include "duplicate_guard.h"
#include "http_json.h"
#include "identity_token.h"
#include "my_tickets.h"
#include "server_options.h"
#include "staff_token.h"
#include "stored_attachment.h"

#include "ticket/ticket_draft.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string_view>

namespace support::server {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxIdempotencyKey = 200;
constexpr std::size_t kMaxJsonDepth = 32;
constexpr std::size_t kMaxEventBytes = 4096;
constexpr std::size_t kMaxEventField = 200;
constexpr std::size_t kDefaultListLimit = 500;
constexpr std::size_t kMaxListLimit = 5000;
constexpr std::size_t kMaxScreenedTickets = 200;  // a customer's newest tickets the duplicate check reads

// The outcomes a flow reports; anything else is a client bug worth a clear 422.
constexpr std::string_view kEventTypes[] = {
    "flow_started", "resolved", "unresolved", "escalated", "abandoned",
    "article_opened", "article_helpful", "article_not_helpful", "search_no_results",
};

bool is_known_event_type(const std::string& type) {
  return std::find(std::begin(kEventTypes), std::end(kEventTypes), type) != std::end(kEventTypes);
}

// nlohmann's messages start with "[json.exception.parse_error.101] "; people need the rest.
std::string readable_parse_error(const std::string& what) {
  const std::size_t bracket = what.find("] ");
  return bracket == std::string::npos ? what : what.substr(bracket + 2);
}

bool is_printable_ascii(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c > 0x20 && c < 0x7F; });
}

json errors_to_json(const FieldErrors& errors) {
  json list = json::array();
  for (const FieldError& e : errors) list.push_back({{"field", e.field}, {"code", e.code}, {"message", e.message}});
  return {{"errors", list}};
}

// Reads a JSON object body, answering 413/415/400 itself. nullopt means "already answered".
std::optional<json> read_json_object(const httplib::Request& request, httplib::Response& response,
                                     std::size_t max_bytes) {
  if (request.body.size() > max_bytes) {
    send_error(response, 413, "request body too large: at most " + std::to_string(max_bytes) + " bytes");
    return std::nullopt;
  }
  if (!has_json_content_type(request)) {
    send_error(response, 415, "Content-Type must be application/json");
    return std::nullopt;
  }
  if (json_nesting_depth(request.body) > kMaxJsonDepth) {
    send_error(response, 400, "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    return std::nullopt;
  }
  json body;
  try {
    body = json::parse(request.body);
  } catch (const json::parse_error& e) {
    send_error(response, 400, "malformed JSON: " + readable_parse_error(e.what()));
    return std::nullopt;
  } catch (const json::out_of_range&) {  // a number too large for a double, e.g. 5E9555555
    send_error(response, 400, "malformed JSON: a number is too large");
    return std::nullopt;
  }
  if (!body.is_object()) {
    send_error(response, 400, "the request body must be a JSON object");
    return std::nullopt;
  }
  return body;
}

bool require_staff(const ApiContext& context, const httplib::Request& request, httplib::Response& response) {
  const std::string presented = bearer_token(request.get_header_value("Authorization"));
  if (staff_token_matches(context.staff_token, presented)) return true;
  response.set_header("WWW-Authenticate", "Bearer");
  send_error(response, 401, presented.empty() ? "staff token required (Authorization: Bearer <token>)"
                                              : "wrong staff token");
  return false;
}

std::optional<std::size_t> list_limit(const httplib::Request& request, httplib::Response& response) {
  if (!request.has_param("limit")) return kDefaultListLimit;
  const std::string text = request.get_param_value("limit");
  std::size_t value = 0;
  const bool digits = !text.empty() && text.size() <= 6 &&
                      std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits) value = std::stoul(text);
  if (!digits || value == 0 || value > kMaxListLimit) {
    send_error(response, 400, "limit must be a number from 1 to " + std::to_string(kMaxListLimit));
    return std::nullopt;
  }
  return value;
}

// 429 with Retry-After when `limiter` has no token left for `key`; true means "answered".
bool over_limit(RateLimiter* limiter, const std::string& key, const char* what, httplib::Response& response) {
  if (!limiter) return false;
  const RateLimiter::Decision decision = limiter->take(key);
  if (decision.allowed) return false;
  response.set_header("Retry-After", std::to_string(decision.retry_after_seconds));
  send_json(response, 429,
            {{"error", std::string("too many ") + what + "; try again in " + std::to_string(decision.retry_after_seconds) +
                           " s"},
             {"code", "rate_limited"},
             {"retry_after_seconds", decision.retry_after_seconds}});
  return true;
}

std::int64_t unix_now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string lower_case(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

void post_ticket(ApiContext& context, const httplib::Request& request, httplib::Response& response) {
  ApiRateLimits* limits = context.relay.limits;
  const std::string client = client_address(request, context.relay.trusted_proxies);
  if (over_limit(limits ? &limits->tickets_per_ip : nullptr, client, "tickets from this address", response)) {
    return;
  }
  std::optional<json> body = read_json_object(request, response, context.max_body);
  if (!body) return;
  TicketDraft draft = ticket_draft_from_json(*body);

  const std::string header_key = request.get_header_value("Idempotency-Key");
  if (!header_key.empty()) {
    if (!draft.idempotency_key.empty() && draft.idempotency_key != header_key) {
      return send_error(response, 400, "Idempotency-Key header and idempotency_key field differ");
    }
    draft.idempotency_key = header_key;
  }
  if (!draft.idempotency_key.empty() &&
      (draft.idempotency_key.size() > kMaxIdempotencyKey || !is_printable_ascii(draft.idempotency_key))) {
    return send_error(response, 400, "idempotency key must be 1 to 200 printable ASCII characters");
  }

  normalize_ticket_draft(draft);
  const FieldErrors errors = validate_ticket_draft(draft, context.rules);
  if (!errors.empty()) return send_json(response, 422, errors_to_json(errors));
  if (over_limit(limits ? &limits->tickets_per_email : nullptr, lower_case(draft.email), "tickets for this email address",
                 response)) {
    return;
  }

  // The files go to the store's own table in the ticket's transaction; the stored JSON keeps their
  // metadata and sha256, so a repeat with other files is a different request.
  json stored = to_json(draft);   // with the widget's screening record, checked above
  const std::vector<StoredAttachment> files = take_attachments_for_storage(draft, stored);
  // The customer saw the earlier ticket and said this is another problem (ticket/ticket_draft.h).
  const bool confirmed_different =
      draft.screening.is_object() && draft.screening.value("choice", std::string()) == "different_problem";

  // An identified customer's certain duplicate is refused (duplicate_guard.h), unless they said
  // it is a different problem. One check-and-insert per customer at a time, across every relay on
  // the store (RelayStore::lock_customer), so a double click under two keys, even one that reaches
  // two relays, cannot slip two copies past the check. A token that does not verify identifies nobody: the
  // ticket is taken as from anyone, never lost.
  std::unique_ptr<RelayStore::CustomerLock> customer_lock;  // held until the insert is done
  const IdentityCheck identity =
      verify_identity_token(request.get_header_value("X-Support-Identity"), context.identity_secret, unix_now_seconds());
  if (identity.identity && !confirmed_different) {
    customer_lock = context.store.lock_customer(identity.identity->email);
    const std::optional<CertainDuplicate> duplicate =
        find_certain_duplicate(context.store.list_tickets_for_email(identity.identity->email, kMaxScreenedTickets),
                               draft.subject, draft.description, draft.idempotency_key,
                               context.screening.duplicate_threshold);
    if (duplicate) {
      return send_json(response, 409,
                       {{"error", "you already have an open ticket about this (number " +
                                      std::to_string(duplicate->number) +
                                      "); add to that one, or confirm this is a different problem"},
                        {"code", "duplicate_ticket"},
                        {"number", duplicate->number},
                        {"subject", duplicate->subject},
                        {"created_at", duplicate->created_at},
                        {"exact", duplicate->exact},
                        {"score", duplicate->score}});
    }
  }
  const TicketInsertResult result = context.store.insert_ticket(stored, draft.category, draft.idempotency_key, client, files);
  if (result.key_reused) {
    return send_json(response, 422,
                     {{"error", "this idempotency key was already used for a different ticket; "
                                "send a new ticket under a new key"},
                      {"code", "idempotency_key_reused"}});
  }
  send_json(response, result.created ? 201 : 200,
            {{"id", result.ticket.id}, {"number", result.ticket.number}, {"created_at", result.ticket.created_at}});
  if (result.created) {
    response.set_header("Location", "/api/tickets/" + result.ticket.id);
    if (context.relay.forwarder) context.relay.forwarder->wake();
  }
}

void retry_delivery(ApiContext& context, const httplib::Request& request, httplib::Response& response) {
  if (!require_staff(context, request, response)) return;
  const std::string id = request.matches[1];
  switch (context.store.retry_failed(id)) {
    case Outbox::RetryResult::no_such_ticket:
      return send_error(response, 404, "no ticket with id " + id);
    case Outbox::RetryResult::not_failed:
      return send_json(response, 409,
                       {{"error", "only a failed delivery can be retried; this one is not failed"},
                        {"code", "delivery_not_failed"}});
    case Outbox::RetryResult::queued:
      break;
  }
  if (context.relay.forwarder) context.relay.forwarder->wake();
  send_json(response, 202, {{"id", id}, {"delivery", {{"state", "pending"}}}});
}

// Readiness: the database answers. The outbox numbers are for monitoring: a backlog alone does
// not make the relay unready (tickets are still accepted safely; it is the helpdesk that is down).
void get_readiness(ApiContext& context, httplib::Response& response) {
  json body = {{"status", "ready"}, {"database", "ok"}};
  try {
    {
      const OutboxBacklog backlog = context.store.backlog();
      json outbox = {{"pending", backlog.pending}, {"failed", backlog.failed}};
      outbox["oldest_pending_age_seconds"] =
          backlog.oldest_pending_enqueued_ms
              ? json(std::max<std::int64_t>(0, unix_now_ms() - *backlog.oldest_pending_enqueued_ms) / 1000.0)
              : json();
      body["outbox"] = outbox;
    }
  } catch (const std::exception& e) {
    if (context.relay.log) context.relay.log->write({{"kind", "readiness_error"}, {"error", e.what()}});
    return send_json(response, 503, {{"status", "not ready"}, {"database", "unreachable"}});
  }
  send_json(response, 200, body);
}

// GET /api/tickets/{id}: the ticket the 201's Location header names, for staff.
// A ticket as staff see it: the draft's fields and its delivery state (outbox), so staff see what
// reached the helpdesk. The list and GET /api/tickets/{id} answer the same object.
json staff_ticket_json(ApiContext& context, const StoredTicket& ticket) {
  json out = ticket_to_json(ticket);
  if (out.contains("attachments") && out["attachments"].is_array()) {
    for (std::size_t i = 0; i < out["attachments"].size(); ++i)
      out["attachments"][i]["url"] = "/api/tickets/" + ticket.id + "/attachments/" + std::to_string(i);
  }
  const std::optional<DeliveryState> delivery = context.store.find_delivery(ticket.number);
  out["delivery"] = delivery ? delivery_to_json(*delivery) : json();
  return out;
}

void get_ticket(ApiContext& context, const httplib::Request& request, httplib::Response& response) {
  if (!require_staff(context, request, response)) return;
  const std::string id = request.matches[1];
  const std::optional<StoredTicket> ticket = context.store.find_ticket_by_id(id);
  if (!ticket) return send_error(response, 404, "no ticket with id " + id);
  send_json(response, 200, staff_ticket_json(context, *ticket));
}

// RFC 6266: a plain ASCII fallback name (quotes, backslashes and controls replaced) and the
// exact name percent-encoded as UTF-8.
std::string content_disposition(const std::string& name) {
  std::string plain, encoded;
  static const char* hex = "0123456789ABCDEF";
  for (unsigned char c : name) {
    plain += (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') ? '_' : static_cast<char>(c);
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += hex[c >> 4];
      encoded += hex[c & 15];
    }
  }
  return "attachment; filename=\"" + plain + "\"; filename*=UTF-8''" + encoded;
}

// GET /api/tickets/{id}/attachments/{n}: one file as it was sent, for staff. Always a download
// (never shown inline on our origin) and never sniffed into another type.
void get_attachment(ApiContext& context, const httplib::Request& request, httplib::Response& response) {
  if (!require_staff(context, request, response)) return;
  const std::string id = request.matches[1];
  const std::string position = request.matches[2];
  if (!context.store.find_ticket_by_id(id)) return send_error(response, 404, "no ticket with id " + id);
  std::optional<StoredAttachment> file;
  if (position.size() <= 3) file = context.store.find_attachment(id, std::stoul(position));
  if (!file) return send_error(response, 404, "ticket " + id + " has no attachment " + position);
  response.status = 200;
  response.set_header("Content-Disposition", content_disposition(file->name));
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Content-Security-Policy", "default-src 'none'; sandbox");
  response.set_header("Cache-Control", "no-store");
  response.set_content(file->content, file->type);
}

void post_event(ApiContext& context, const httplib::Request& request, httplib::Response& response) {
  ApiRateLimits* limits = context.relay.limits;
  if (over_limit(limits ? &limits->events_per_ip : nullptr, client_address(request, context.relay.trusted_proxies),
                 "events from this address", response)) {
    return;
  }
  const std::optional<json> body = read_json_object(request, response, std::min(context.max_body, kMaxEventBytes));
  if (!body) return;
  FieldErrors errors;
  const auto type = body->find("type");
  if (type == body->end() || !type->is_string() || type->get_ref<const std::string&>().empty()) {
    errors.push_back({"type", "required", "type is required and must be a string"});
  } else if (!is_known_event_type(type->get<std::string>())) {
    errors.push_back({"type", "invalid_value", "unknown event type '" + type->get<std::string>() + "'"});
  }
  for (const auto& [key, value] : body->items()) {
    if (key == "type") continue;
    if (value.is_object() || value.is_array()) {
      errors.push_back({key, "invalid_type", key + " must be a string, number, boolean or null"});
    } else if (value.is_string() && value.get_ref<const std::string&>().size() > kMaxEventField) {
      errors.push_back({key, "too_long", key + " must be at most " + std::to_string(kMaxEventField) + " bytes"});
    }
  }
  if (!errors.empty()) return send_json(response, 422, errors_to_json(errors));
  const StoredEvent event = context.store.insert_event(type->get<std::string>(), *body);
  send_json(response, 202, {{"accepted", true}, {"number", event.number}});
}

void get_config(ApiContext& context, httplib::Response& response) {
  std::string text;
  if (context.config_text) {
    text = *context.config_text;
  } else {
    std::ifstream file(web_default_config_path(context.web_dir), std::ios::binary);
    if (context.web_dir.empty() || !file) {
      return send_error(response, 404, "no widget configuration: start the server with --config FILE");
    }
    std::stringstream content;
    content << file.rdbuf();
    text = content.str();
  }
  response.status = 200;
  response.set_header("Cache-Control", "no-cache");
  response.set_content(text, "application/json");
}

// GET of a staff list (tickets, events): token, ?limit=N, newest first, as {"<key>": [...]}.
template <class ListNewestFirst, class ToJson>
void send_staff_list(ApiContext& context, const httplib::Request& request, httplib::Response& response,
                     const char* key, ListNewestFirst list_newest_first, ToJson to_json) {
  if (!require_staff(context, request, response)) return;
  const std::optional<std::size_t> limit = list_limit(request, response);
  if (!limit) return;
  json list = json::array();
  for (const auto& item : list_newest_first(*limit)) list.push_back(to_json(item));
  send_json(response, 200, {{key, list}});
}

}  // namespace

void register_api_routes(httplib::Server& server, ApiContext& context) {
  // Every route runs through here: CORS on every answer, and no exception ever reaches httplib
  // (which would answer an empty 500).
  auto route = [&context](auto handler) {
    return [&context, handler](const httplib::Request& request, httplib::Response& response) {
      try {
        handler(request, response);
      } catch (const std::exception& e) {
        // The reason goes to the log only: it can name tables, files and paths of this machine.
        if (context.relay.log) {
          context.relay.log->write({{"kind", "internal_error"}, {"route", request.path}, {"error", e.what()}});
        }
        response.headers.erase("Location");
        response.headers.erase("Retry-After");
        send_error(response, 500, "internal error; the server's log has the details");
      }
      context.cors.apply(request, response);
    };
  };

  server.Options(R"(/api/.*)", [&context](const httplib::Request& request, httplib::Response& response) {
    context.cors.answer_preflight(request, response);
  });
  server.Get("/api/health", route([](const httplib::Request&, httplib::Response& response) {
    send_json(response, 200, {{"status", "ok"}});
  }));
  // Liveness for orchestrators: the process answers HTTP. Readiness: it can do its work.
  server.Get("/healthz", route([](const httplib::Request&, httplib::Response& response) {
    send_json(response, 200, {{"status", "ok"}});
  }));
  server.Get("/readyz", route([&context](const httplib::Request&, httplib::Response& response) {
    get_readiness(context, response);
  }));
  server.Get("/api/config", route([&context](const httplib::Request&, httplib::Response& response) {
    get_config(context, response);
  }));
  server.Post("/api/tickets", route([&context](const httplib::Request& request, httplib::Response& response) {
    post_ticket(context, request, response);
  }));
  server.Get("/api/tickets", route([&context](const httplib::Request& request, httplib::Response& response) {
    // Each ticket with its delivery state (outbox), so staff see what reached the helpdesk.
    send_staff_list(context, request, response, "tickets",
                    [&context](std::size_t limit) { return context.store.list_tickets_newest_first(limit); },
                    [&context](const StoredTicket& ticket) { return staff_ticket_json(context, ticket); });
  }));
  server.Get(R"(/api/tickets/([^/]+))", route([&context](const httplib::Request& request, httplib::Response& response) {
    get_ticket(context, request, response);
  }));
  server.Get(R"(/api/tickets/([^/]+)/attachments/([0-9]+))",
             route([&context](const httplib::Request& request, httplib::Response& response) {
               get_attachment(context, request, response);
             }));
  server.Post(R"(/api/tickets/([^/]+)/retry-delivery)",
              route([&context](const httplib::Request& request, httplib::Response& response) {
                retry_delivery(context, request, response);
              }));
  server.Post("/api/events", route([&context](const httplib::Request& request, httplib::Response& response) {
    post_event(context, request, response);
  }));
  server.Get("/api/events", route([&context](const httplib::Request& request, httplib::Response& response) {
    send_staff_list(context, request, response, "events",
                    [&context](std::size_t limit) { return context.store.list_events_newest_first(limit); },
                    event_to_json);
  }));
  server.Get("/api/my/tickets", route([&context](const httplib::Request& request, httplib::Response& response) {
    answer_my_tickets(context, request, response);
  }));
  server.Get(R"(/api/.*)", route([](const httplib::Request& request, httplib::Response& response) {
    send_error(response, 404, "no such API endpoint: " + request.path);
  }));
}

}  // namespace support::server
