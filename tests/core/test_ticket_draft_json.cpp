#include <doctest/doctest.h>

#include "ticket/ticket_draft.h"
#include "ticket/ticket_validation.h"

using nlohmann::json;
using support::TicketDraft;

TEST_CASE("ticket draft JSON: round trip keeps every field") {
  TicketDraft draft;
  draft.name = "Ada";
  draft.email = "ada@example.com";
  draft.subject = "Subject";
  draft.description = "Description with \xC3\xBCmlauts";
  draft.category = "plugin_issue";
  draft.product = "pro";
  draft.locale = "de";
  draft.idempotency_key = "k-123";
  draft.troubleshooting = json::array({{{"step", "cache"}, {"answer", "no"}}});
  draft.articles_opened = {"kb-1", "kb-2"};
  draft.extra = {{"agent_name", "Sam"}};

  const json j = support::to_json(draft);
  CHECK(j["extra"]["agent_name"] == "Sam");
  const TicketDraft back = support::ticket_draft_from_json(j);
  CHECK(back.name == draft.name);
  CHECK(back.email == draft.email);
  CHECK(back.subject == draft.subject);
  CHECK(back.description == draft.description);
  CHECK(back.category == draft.category);
  CHECK(back.product == draft.product);
  CHECK(back.locale == draft.locale);
  CHECK(back.idempotency_key == draft.idempotency_key);
  CHECK(back.troubleshooting == draft.troubleshooting);
  CHECK(back.articles_opened == draft.articles_opened);
  CHECK(back.extra == draft.extra);
  CHECK(back.wrong_type_fields.empty());
  CHECK(support::to_json(back) == j);
}

TEST_CASE("ticket draft JSON: unknown top-level keys are kept in extra") {
  const TicketDraft draft = support::ticket_draft_from_json(
      {{"name", "Ada"}, {"site_url", "https://example.org"}, {"extra", {{"agent_name", "Sam"}}}});
  CHECK(draft.extra["site_url"] == "https://example.org");
  CHECK(draft.extra["agent_name"] == "Sam");
  CHECK(draft.wrong_type_fields.empty());
}

TEST_CASE("ticket draft JSON: wrong types become invalid_type errors, not exceptions") {
  const json j = {{"name", 42},
                  {"email", json::array()},
                  {"subject", "ok"},
                  {"description", nullptr},
                  {"troubleshooting", "not a list"},
                  {"articles_opened", json::array({"a", 3})},
                  {"extra", "nope"}};
  const TicketDraft draft = support::ticket_draft_from_json(j);
  CHECK(draft.wrong_type_fields ==
        std::vector<std::string>{"name", "email", "troubleshooting", "articles_opened", "extra"});
  const support::FieldErrors errors = support::validate_ticket_draft(draft, support::ValidationRules{});
  REQUIRE(errors.size() >= 6);
  CHECK(errors[0].field == "name");
  CHECK(errors[0].code == "invalid_type");
  CHECK(errors[1].field == "email");
  CHECK(errors[1].code == "invalid_type");
  bool description_required = false;
  for (const auto& e : errors) description_required |= e.field == "description" && e.code == "required";
  CHECK(description_required);  // null is "not given"
}

TEST_CASE("ticket draft JSON: a non-object is reported, not thrown") {
  for (const json& j : {json(nullptr), json(3), json("text"), json::array()}) {
    const TicketDraft draft = support::ticket_draft_from_json(j);
    CHECK(draft.wrong_type_fields == std::vector<std::string>{"draft"});
    CHECK_FALSE(support::validate_ticket_draft(draft, support::ValidationRules{}).empty());
  }
}

TEST_CASE("ticket draft: normalize trims surrounding whitespace") {
  TicketDraft draft;
  draft.email = "  ada@example.com \n";
  draft.name = "\tAda ";
  draft.description = "\n text \n";
  support::normalize_ticket_draft(draft);
  CHECK(draft.email == "ada@example.com");
  CHECK(draft.name == "Ada");
  CHECK(draft.description == "text");
}
