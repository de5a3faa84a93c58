// libFuzzer target: requests to the server's API as a browser or a script could send them. The
// real routes (register_api_routes) run in-process behind a real httplib server on loopback, over
// an in-memory store; the input chooses the route and supplies body and headers. Every answer must
// be a well-formed JSON object with the status the API documents; a 500 means an exception got
// into a route (a bug), and a crash or sanitizer report is one too. The identity-token, header
// and JSON-depth helpers also get the raw pieces directly (they are cheap and need no socket).
#include "accept_encoding.h"
#include "api_routes.h"
#include "client_address.h"
#include "http_json.h"
#include "identity_token.h"
#include "storage/relay_store.h"
#include "storage/request_fingerprint.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

using namespace support::server;
using nlohmann::json;

namespace {

const std::string kIdentitySecret = "fuzz-identity-secret-0123456789";
const std::string kStaffToken = "fuzz-staff-token-0123456789abcdef";

// Enough of a store for the routes: tickets (and their files) by key with the same idempotency
// rule as the real stores (request_fingerprint), nothing durable. Bounded so a long run does not grow forever.
class MemoryStore final : public RelayStore {
 public:
  TicketInsertResult insert_ticket(const json& draft, const std::string& category, const std::string& key,
                                   const std::string&, const std::vector<StoredAttachment>& files) override {
    std::lock_guard<std::mutex> guard(mutex_);
    if (tickets_.size() > 1000) tickets_.clear(), by_key_.clear(), files_.clear();
    if (!key.empty()) {
      const auto found = by_key_.find(key);
      if (found != by_key_.end()) {
        const StoredTicket& existing = tickets_.at(found->second);
        if (request_fingerprint(existing.draft) != request_fingerprint(draft)) return {StoredTicket{}, false, true};
        return {existing, false};
      }
    }
    StoredTicket ticket{"t_" + std::to_string(++number_), number_, "2026-01-01T00:00:00.000Z", category, "open", draft};
    tickets_[ticket.number] = ticket;
    if (!files.empty()) files_[ticket.id] = files;
    if (!key.empty()) by_key_[key] = ticket.number;
    return {ticket, true};
  }
  std::optional<StoredTicket> find_ticket_by_id(const std::string& id) override {
    std::lock_guard<std::mutex> guard(mutex_);
    for (const auto& [number, ticket] : tickets_) if (ticket.id == id) return ticket;
    return std::nullopt;
  }
  std::optional<StoredTicket> find_ticket_by_number(std::int64_t number) override {
    std::lock_guard<std::mutex> guard(mutex_);
    const auto found = tickets_.find(number);
    if (found == tickets_.end()) return std::nullopt;
    return found->second;
  }
  std::vector<StoredTicket> list_tickets_newest_first(std::size_t limit) override {
    std::lock_guard<std::mutex> guard(mutex_);
    std::vector<StoredTicket> out;
    for (auto it = tickets_.rbegin(); it != tickets_.rend() && out.size() < limit; ++it) out.push_back(it->second);
    return out;
  }
  std::vector<StoredTicket> list_tickets_for_email(const std::string& email, std::size_t limit) override {
    std::lock_guard<std::mutex> guard(mutex_);
    std::vector<StoredTicket> out;
    for (auto it = tickets_.rbegin(); it != tickets_.rend() && out.size() < limit; ++it) {
      if (it->second.draft.value("email", std::string()) == email) out.push_back(it->second);
    }
    return out;
  }
  std::int64_t count_tickets() override { return static_cast<std::int64_t>(tickets_.size()); }
  std::unique_ptr<CustomerLock> lock_customer(const std::string&) override {
    return std::make_unique<CustomerLock>();  // one thread runs the fuzzer
  }
  std::vector<StoredAttachment> list_attachments(const std::string& ticket_id) override {
    std::lock_guard<std::mutex> guard(mutex_);
    const auto found = files_.find(ticket_id);
    return found == files_.end() ? std::vector<StoredAttachment>() : found->second;
  }
  std::optional<StoredAttachment> find_attachment(const std::string& ticket_id, std::size_t position) override {
    const std::vector<StoredAttachment> files = list_attachments(ticket_id);
    if (position >= files.size()) return std::nullopt;
    return files[position];
  }
  StoredEvent insert_event(const std::string& type, const json& payload) override {
    return {++events_, "2026-01-01T00:00:00.000Z", type, payload};
  }
  std::vector<StoredEvent> list_events_newest_first(std::size_t) override { return {}; }
  std::vector<DeliveryState> claim_due(const std::string&, std::int64_t, std::int64_t, std::size_t) override {
    return {};
  }
  std::optional<std::int64_t> next_due_ms() override { return std::nullopt; }
  bool mark_delivered(const std::string&, std::int64_t, const std::string&, const std::string&) override {
    return false;
  }
  bool mark_retry(const std::string&, std::int64_t, const std::string&, std::int64_t) override { return false; }
  bool mark_failed(const std::string&, std::int64_t, const std::string&) override { return false; }
  Outbox::RetryResult retry_failed(const std::string&) override { return Outbox::RetryResult::no_such_ticket; }
  std::optional<DeliveryState> find_delivery(std::int64_t) override { return std::nullopt; }
  OutboxBacklog backlog() override { return {}; }

 private:
  std::mutex mutex_;
  std::map<std::int64_t, StoredTicket> tickets_;
  std::map<std::string, std::int64_t> by_key_;
  std::map<std::string, std::vector<StoredAttachment>> files_;   // by ticket id
  std::int64_t number_ = 0;
  std::int64_t events_ = 0;
};

struct Harness {
  MemoryStore store;
  ApiContext context{store, kStaffToken, CorsPolicy({"*"}), 64 * 1024, std::nullopt, "", {}, kIdentitySecret, {}};
  httplib::Server server;
  std::thread thread;
  int port = 0;

  Harness() {
    context.relay.trusted_proxies = {"127.0.0.1"};
    register_api_routes(server, context);
    server.set_tcp_nodelay(true);
    port = server.bind_to_any_port("127.0.0.1");
    if (port <= 0) std::abort();
    thread = std::thread([this] { server.listen_after_bind(); });
    while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
};

Harness* harness = nullptr;

[[noreturn]] void finding(const char* what, int status, const std::string& body) {
  std::fprintf(stderr, "request_fuzzer: %s (status %d): %.500s\n", what, status, body.c_str());
  std::abort();
}

// Header values as a client can send them (no CR, LF or NUL: httplib's client would split them).
std::string header_value(std::string text) {
  std::string out;
  for (char c : text) if (c != '\r' && c != '\n' && c != '\0') out.push_back(c);
  return out;
}

void check_answer(const httplib::Result& result, const std::set<int>& allowed) {
  if (!result) return;  // the server closed the connection (e.g. a header httplib refuses): no answer to check
  const int status = result->status;
  if (status == 500) finding("an exception reached a route", status, result->body);
  if (!allowed.count(status)) finding("unexpected status", status, result->body);
  const json body = json::parse(result->body, nullptr, false);
  if (!body.is_object()) finding("answer is not a JSON object", status, result->body);
  if (status >= 400) {
    const bool has_error = body.contains("error") && body["error"].is_string() && !body["error"].get<std::string>().empty();
    const bool has_field_errors = body.contains("errors") && body["errors"].is_array() && !body["errors"].empty();
    if (!has_error && !has_field_errors) finding("4xx without an error message", status, result->body);
  }
  if (status == 201 && (!body.contains("id") || !result->has_header("Location"))) {
    finding("a 201 without the ticket's id and Location", status, result->body);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  harness = new Harness();  // lives for the whole run (the server thread uses it)
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t mode = data[0];
  // Pieces separated by NUL: body, Idempotency-Key, X-Support-Identity, Content-Type, X-Forwarded-For.
  std::vector<std::string> parts(1);
  for (std::size_t i = 1; i < size; ++i) {
    if (data[i] == 0 && parts.size() < 5) {
      parts.emplace_back();
    } else {
      parts.back().push_back(static_cast<char>(data[i]));
    }
  }
  parts.resize(5);
  const std::string& body = parts[0];

  // The helpers on their own, with whatever bytes came.
  (void)verify_identity_token(parts[2], kIdentitySecret, 1800000000);
  (void)accepts_encoding(parts[3], "br");
  (void)json_nesting_depth(body);
  {
    httplib::Request request;
    request.remote_addr = "127.0.0.1";
    request.set_header("X-Forwarded-For", parts[4]);
    (void)client_address(request, {"127.0.0.1", "::1"});
  }

  // One kept-alive connection for the whole run: the server's routes, not TCP set-up, get the time.
  static httplib::Client client("127.0.0.1", harness->port);
  client.set_keep_alive(true);
  client.set_tcp_nodelay(true);  // headers and body are separate writes: no Nagle wait between them
  client.set_read_timeout(10, 0);
  httplib::Headers headers;
  if (mode & 0x10) headers.emplace("Idempotency-Key", header_value(parts[1]));
  if (mode & 0x20) headers.emplace("X-Forwarded-For", header_value(parts[4]));
  const std::string content_type = (mode & 0x40) ? header_value(parts[3]) : "application/json";

  switch (mode & 0x03) {
    case 0:
    case 1:  // the ticket route: parse, normalise, validate, idempotency, answer
      check_answer(client.Post("/api/tickets", headers, body, content_type.c_str()), {200, 201, 400, 413, 415, 422});
      break;
    case 2:  // flow events
      check_answer(client.Post("/api/events", headers, body, content_type.c_str()), {202, 400, 413, 415, 422});
      break;
    case 3: {  // my tickets: a token from the input, or (bit 3) a genuinely signed one for its email
      std::string token = header_value(parts[2]);
      if (mode & 0x08) {
        // A site's signer works on text it has as JSON strings, i.e. valid UTF-8; signing other
        // bytes throws by design (nlohmann refuses to write them), so those are not tokens a site makes.
        CustomerIdentity identity{header_value(parts[1]), header_value(parts[3]), "c1", 1900000000};
        try {
          token = sign_identity_token(identity, kIdentitySecret);
        } catch (const json::type_error&) {
          return 0;
        }
      }
      headers.emplace("X-Support-Identity", token);
      check_answer(client.Get("/api/my/tickets", headers), {200, 400, 401});
      break;
    }
  }
  return 0;
}
