// Files with a ticket: base64, the checks of one file (type by name, declared type and first
// bytes; size, count and total), the server's check of a whole draft, and the session's list
// with its refusals, submit and local draft.
#include "config/config_lint.h"
#include "session/support_session.h"
#include "test_files.h"
#include "text/base64.h"
#include "ticket/attachment_check.h"
#include "ticket/attachment_limits_from_config.h"
#include "ticket/ticket_rules_from_config.h"
#include "ticket/ticket_validation.h"

#include <doctest/doctest.h>

using namespace support;
using namespace support::test_files;

namespace {

const std::string kPng = std::string("\x89PNG\r\n\x1a\n", 8) + std::string("\0\0\0\rIHDR", 8) + "pixels";
const std::string kJpeg = "\xFF\xD8\xFF\xE0 jfif";
const std::string kLog = "2026-12-02 06:00:01 plugin loaded\n2026-12-02 06:00:02 error: cache dir not writable\n";

AttachmentLimits limits() {
  AttachmentLimits l;
  l.max_files = 3;
  l.max_file_bytes = 1000;
  l.max_total_bytes = 1500;
  l.types = {"image/png", "image/jpeg", "text/plain"};
  l.categories = {"plugin_issue"};
  return l;
}

TicketAttachment file(const std::string& name, const std::string& type, const std::string& bytes) {
  return {name, type, bytes.size(), base64_encode(bytes)};
}

// The plugin-problem form of the shipped configuration, which takes screenshots and logs.
void open_plugin_form(SupportSession& s) {
  REQUIRE(s.jump_to("plugin_issue", "plugin_form"));
  REQUIRE(s.flow()->reached_form());
}

void fill(SupportSession& s) {
  s.set_form_value("name", "Ada");
  s.set_form_value("email", "ada@example.com");
  s.set_form_value("site_url", "https://example.org");
  s.set_form_value("subject", "Gallery plugin shows a blank page");
  s.set_form_value("description", std::string(100, 'x') + " the gallery page stays blank after the update to 2.1");
}

}  // namespace

TEST_CASE("base64: round trip, padding and refusal of what is not canonical") {
  CHECK(base64_encode("") == "");
  CHECK(base64_encode("f") == "Zg==");
  CHECK(base64_encode("fo") == "Zm8=");
  CHECK(base64_encode("foo") == "Zm9v");
  CHECK(base64_encode(kPng) == "iVBORw0KGgoAAAANSUhEUnBpeGVscw==");
  for (const std::string& bytes : {std::string(), kPng, kJpeg, kLog, std::string("\0\xff\x10", 3)}) {
    CHECK(base64_decode(base64_encode(bytes)) == bytes);
    CHECK(base64_decoded_size(base64_encode(bytes)) == bytes.size());
  }
  CHECK_FALSE(base64_decode("Zg="));        // length not a multiple of 4
  CHECK_FALSE(base64_decode("Zm9v\n"));     // no whitespace
  CHECK_FALSE(base64_decode("Zh=="));       // bits after the end set: not canonical
  CHECK_FALSE(base64_decode("Z*9v"));
  CHECK_FALSE(base64_decode("=m9v"));
}

TEST_CASE("check_attachment: accepted files get their type from the name's ending") {
  const auto png = check_attachment("Screenshot 2026.PNG", "image/png", kPng, {}, limits());
  CHECK_FALSE(png.refusal);
  CHECK(png.type == "image/png");
  // Browsers give no type (or a text/* one) for .log files.
  CHECK(check_attachment("debug.log", "", kLog, {}, limits()).type == "text/plain");
  CHECK(check_attachment("debug.log", "text/x-log", kLog, {}, limits()).type == "text/plain");
  CHECK(check_attachment("photo.jpeg", "application/octet-stream", kJpeg, {}, limits()).type == "image/jpeg");
}

TEST_CASE("check_attachment: each refusal names the file and the limit") {
  auto refused = [](const std::string& name, const std::string& type, const std::string& bytes,
                    const std::vector<TicketAttachment>& before = {}) {
    const auto decision = check_attachment(name, type, bytes, before, limits());
    REQUIRE(decision.refusal);
    CHECK(decision.refusal->field == "attachments");
    return *decision.refusal;
  };
  const FieldError bmp = refused("screenshot.bmp", "image/bmp", "BM....");
  CHECK(bmp.code == "type_not_accepted");
  CHECK(bmp.message == "screenshot.bmp: this type of file is not accepted (accepted: PNG, JPEG, text/log).");
  CHECK(refused("notes", "", "text").code == "type_not_accepted");          // no ending at all
  CHECK(refused("invoice.pdf", "application/pdf", "%PDF-1.7").code == "type_not_accepted");   // known, not configured

  const FieldError fake = refused("cat.png", "image/png", "GIF89a not a png");
  CHECK(fake.code == "content_mismatch");
  CHECK(fake.message.find("cat.png") == 0);
  CHECK(fake.message.find("PNG") != std::string::npos);
  CHECK(refused("cat.png", "image/jpeg", kPng).code == "content_mismatch");   // the browser says otherwise
  CHECK(refused("dump.log", "", std::string("bin\0ary", 7)).code == "content_mismatch");
  CHECK(refused("empty.log", "", "").code == "empty");

  const FieldError large = refused("big.log", "", std::string(1001, 'a'));
  CHECK(large.code == "too_large");
  CHECK(large.message == "big.log: the file is larger than 1000 bytes, the limit for one file.");

  const std::vector<TicketAttachment> three = {file("a.log", "text/plain", "a"), file("b.log", "text/plain", "b"),
                                               file("c.log", "text/plain", "c")};
  const FieldError many = refused("d.log", "", "d", three);
  CHECK(many.code == "too_many");
  CHECK(many.message == "d.log: at most 3 files can be attached.");

  const std::vector<TicketAttachment> one_large = {file("a.log", "text/plain", std::string(900, 'a'))};
  const FieldError total = refused("b.log", "", std::string(700, 'b'), one_large);
  CHECK(total.code == "total_too_large");
  CHECK(total.message == "b.log: together the files would be larger than 1.5 KB.");

  AttachmentLimits none = limits();
  none.max_files = 0;
  CHECK(check_attachment("a.log", "", "a", {}, none).refusal->code == "not_accepted");
}

TEST_CASE("format_file_size reads like people write sizes") {
  CHECK(format_file_size(1) == "1 byte");
  CHECK(format_file_size(512) == "512 bytes");
  CHECK(format_file_size(1024) == "1 KB");
  CHECK(format_file_size(1536) == "1.5 KB");
  CHECK(format_file_size(12 * 1024 + 300) == "12 KB");
  CHECK(format_file_size(5 * 1024 * 1024) == "5 MB");
  CHECK(format_file_size(2621440) == "2.5 MB");
}

TEST_CASE("validate_attachments: the server's check of a whole draft, field by field") {
  std::vector<TicketAttachment> files = {file("shot.png", "image/png", kPng), file("a.bmp", "image/bmp", "BM"),
                                         file("debug.log", "text/plain", kLog)};
  files.push_back({"broken.log", "text/plain", 3, "%%%%"});
  files.push_back({"liar.log", "text/plain", 99, base64_encode("abc")});
  files.push_back({"../etc/passwd.log", "text/plain", 3, base64_encode("abc")});
  const FieldErrors errors = validate_attachments(files, "plugin_issue", limits());
  REQUIRE(errors.size() == 4);
  CHECK(errors[0].field == "attachments[1]");
  CHECK(errors[0].code == "type_not_accepted");
  CHECK(errors[1].field == "attachments[3]");
  CHECK(errors[1].code == "unreadable");
  CHECK(errors[2].field == "attachments[4]");
  CHECK(errors[2].code == "size_mismatch");
  CHECK(errors[3].field == "attachments[5]");
  CHECK(errors[3].code == "invalid_name");

  // Another category's form takes no files.
  const FieldErrors elsewhere = validate_attachments({file("shot.png", "image/png", kPng)}, "sales", limits());
  REQUIRE(elsewhere.size() == 1);
  CHECK(elsewhere[0].code == "not_accepted");
  CHECK(validate_attachments({file("shot.png", "image/png", kPng)}, "plugin_issue", limits()).empty());
}

TEST_CASE("ticket draft JSON: attachments only when there are some, and a bad list is a field error") {
  TicketDraft draft;
  CHECK_FALSE(to_json(draft).contains("attachments"));   // old drafts fingerprint as before
  draft.attachments.push_back(file("shot.png", "image/png", kPng));
  const nlohmann::json j = to_json(draft);
  REQUIRE(j["attachments"].size() == 1);
  CHECK(j["attachments"][0]["size"] == kPng.size());
  const TicketDraft back = ticket_draft_from_json(j);
  REQUIRE(back.attachments.size() == 1);
  CHECK(base64_decode(back.attachments[0].content) == kPng);
  CHECK(back.extra.empty());   // not mistaken for an extra field

  const TicketDraft bad = ticket_draft_from_json(nlohmann::json::parse(R"({"attachments": [{"name": "a.png"}]})"));
  CHECK(bad.attachments.empty());
  CHECK(bad.wrong_type_fields == std::vector<std::string>{"attachments"});
}

TEST_CASE("shipped configuration: the plugin-problem form takes screenshots and logs, and lints clean") {
  const Config config = load_config(default_config_path());
  CHECK(lint_config(config).empty());
  const AttachmentLimits l = attachment_limits_from_config(config, "de");
  CHECK(l.categories == std::set<std::string>{"plugin_issue"});
  CHECK(l.max_files == 5);
  CHECK(l.messages.too_many.find("{count}") != std::string::npos);
  CHECK(l.messages.too_many != AttachmentMessages().too_many);   // the German text, not the default
  const ValidationRules rules = ticket_rules_from_config(config);
  CHECK(rules.attachments.accepts_category("plugin_issue"));
  CHECK_FALSE(rules.attachments.accepts_category("sales_question"));
}

TEST_CASE("lint: a form with files needs the refusal texts and limits") {
  const std::string text = R"({
    "brand": {"company_name": "Acme"}, "locales": {"default": "en"},
    "texts": {"en": {"t": "T", "f": "Files"}},
    "categories": [{"id": "c", "title_key": "t", "flow": "f"}],
    "flows": {"f": {"title_key": "t", "steps": [{"id": "form", "type": "form", "title_key": "t",
      "fields": [{"id": "files", "label_key": "f", "type": "attachments"}, {"id": "more", "label_key": "f", "type": "attachments"}]}]}},
    "attachments": {"max_files": 0, "types": ["image/png", "image/bmp"]}})";
  const ConfigProblems problems = lint_config_text(text);
  auto has = [&](const std::string& path, const std::string& words) {
    for (const auto& p : problems)
      if (p.path == path && p.message.find(words) != std::string::npos) return true;
    return false;
  };
  CHECK(has("attachments.types[1]", "unknown attachment type \"image/bmp\""));
  CHECK(has("flows.f.steps[0].fields", "one field of type \"attachments\""));
  CHECK(has("attachments", "max_files is 0"));
  CHECK(has("texts.en", "attachments.error.too_large"));
}

TEST_CASE("session: files are added, refused with a message, removed, and sent with the ticket") {
  const Config config = load_config(default_config_path());
  SupportSession s(config, "en", "seed");
  // Not on a form that takes files: refused with a message, not dropped.
  CHECK_FALSE(s.add_attachment("shot.png", "image/png", kPng));
  REQUIRE(s.attachments().refusals().size() == 1);
  CHECK(s.attachments().refusals()[0].find("shot.png") == 0);

  open_plugin_form(s);
  s.begin_adding_files();
  CHECK(s.attachments().refusals().empty());
  CHECK(s.add_attachment("shot.png", "image/png", kPng));
  CHECK(s.add_attachment("debug.log", "", kLog));
  CHECK_FALSE(s.add_attachment("screenshot.bmp", "image/bmp", "BM"));
  CHECK(s.add_attachment("second.png", "image/png", kPng));
  REQUIRE(s.attachments().files().size() == 3);
  REQUIRE(s.attachments().refusals().size() == 1);
  CHECK(s.attachments().refusals()[0] ==
        "screenshot.bmp: files of this type cannot be attached (accepted: PNG, JPEG, GIF, WebP, text/log, PDF).");
  s.remove_attachment(2);
  CHECK(s.attachments().files().size() == 2);
  CHECK(s.attachments().refusals().empty());   // the list changed: the old messages went

  fill(s);
  s.submit();
  auto requests = s.take_requests();
  REQUIRE(requests.size() == 1);
  const TicketDraft sent = ticket_draft_from_json(nlohmann::json::parse(requests[0].body));
  REQUIRE(sent.attachments.size() == 2);
  CHECK(sent.attachments[0].name == "shot.png");
  CHECK(base64_decode(sent.attachments[0].content) == kPng);
  CHECK(sent.attachments[1].type == "text/plain");
  CHECK(base64_decode(sent.attachments[1].content) == kLog);
  CHECK(validate_ticket_draft(sent, ticket_rules_from_config(config)).empty());   // what the server checks

  s.on_response(requests[0].id, {201, R"({"id":"t_1","number":7,"created_at":"2026-12-02T06:00:00Z"})"});
  CHECK(s.attachments().files().empty());   // the next ticket starts without them
}

TEST_CASE("session: other files make another request, with another idempotency key") {
  const Config config = load_config(default_config_path());
  SupportSession s(config, "en", "seed");
  open_plugin_form(s);
  fill(s);
  REQUIRE(s.add_attachment("shot.png", "image/png", kPng));
  s.submit();
  auto first = s.take_requests();
  REQUIRE(first.size() == 1);
  s.on_response(first[0].id, {400, R"({"error":"no"})"});   // a final answer: nothing stored
  s.remove_attachment(0);
  REQUIRE(s.add_attachment("debug.log", "", kLog));
  s.submit();
  auto second = s.take_requests();
  REQUIRE(second.size() == 1);
  const auto key = [](const HttpRequest& r) { return nlohmann::json::parse(r.body)["idempotency_key"].get<std::string>(); };
  CHECK(key(first[0]) != key(second[0]));
}

TEST_CASE("session: the local draft keeps small files and says which to add again") {
  const Config config = load_config(default_config_path());
  nlohmann::json saved;
  {
    SupportSession s(config, "en", "seed");
    open_plugin_form(s);
    fill(s);
    REQUIRE(s.add_attachment("shot.png", "image/png", kPng));
    const std::string large = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(TicketAttachments::kSavedBytesBudget, 'p');
    REQUIRE(s.add_attachment("large.png", "image/png", large));
    REQUIRE(s.add_attachment("debug.log", "", kLog));
    saved = s.saved_draft();
  }
  REQUIRE(saved["attachments"].size() == 3);
  CHECK(saved["attachments"][1]["kept"] == false);
  CHECK_FALSE(saved["attachments"][1].contains("content"));
  CHECK(saved.dump().size() < 2 * TicketAttachments::kSavedBytesBudget);

  SupportSession reloaded(config, "en", "seed-2");
  reloaded.restore_draft(saved);
  REQUIRE(reloaded.attachments().files().size() == 2);
  CHECK(reloaded.attachments().files()[0].name == "shot.png");
  CHECK(base64_decode(reloaded.attachments().files()[1].content) == kLog);
  REQUIRE(reloaded.attachments().refusals().size() == 1);
  CHECK(reloaded.attachments().refusals()[0].find("large.png") == 0);
}
