// The local draft as JSON: what is saved comes back, and whatever the browser kept (possibly
// edited by hand) is read leniently, never by throwing.
#include <doctest/doctest.h>

#include "session/draft_store.h"

using namespace support;

TEST_CASE("draft store: a saved draft reads back as it was") {
  SessionDraft draft;
  draft.category = "billing";
  draft.answers = {"refund", "yes"};
  draft.values = {{"email", "ada@example.com"}, {"description", "half-typed"}};
  draft.articles_opened = {"kb-1"};
  draft.idempotency_key = "seed-3";
  draft.key_request = "00ff00ff00ff00ff";
  draft.screen = "flow";
  draft.last_sent = SentTicket{41, "Invoice", "2026-12-01T20:00:00Z"};

  const std::optional<SessionDraft> back = draft_from_json(draft_to_json(draft));
  REQUIRE(back);
  CHECK(back->category == "billing");
  CHECK(back->answers == std::vector<std::string>{"refund", "yes"});
  CHECK(back->values == draft.values);
  CHECK(back->articles_opened == draft.articles_opened);
  CHECK(back->idempotency_key == "seed-3");
  CHECK(back->key_request == "00ff00ff00ff00ff");
  CHECK(back->screen == "flow");
  REQUIRE(back->last_sent);
  CHECK(back->last_sent->number == 41);
  CHECK(back->last_sent->subject == "Invoice");
  CHECK(back->last_sent->created_at == "2026-12-01T20:00:00Z");
}

TEST_CASE("draft store: members of the wrong type are left out instead of throwing") {
  const nlohmann::json saved = {{"version", 1},
                                {"category", 5},
                                {"screen", nlohmann::json::array()},
                                {"answers", {"first", 2, "after_a_gap"}},
                                {"values", {{"email", "ada@example.com"}, {"name", false}}},
                                {"idempotency_key", 12},
                                {"key_request", "abc"},
                                {"last_sent", {{"number", "41"}, {"subject", "x"}}}};
  std::optional<SessionDraft> draft;
  CHECK_NOTHROW(draft = draft_from_json(saved));
  REQUIRE(draft);
  CHECK(draft->category.empty());
  CHECK(draft->screen.empty());
  CHECK(draft->answers == std::vector<std::string>{"first"});   // the route is known up to the gap
  CHECK(draft->values == FormValues{{"email", "ada@example.com"}});
  CHECK(draft->idempotency_key.empty());
  CHECK(draft->key_request.empty());   // a fingerprint means nothing without its key
  CHECK_FALSE(draft->last_sent);
}

TEST_CASE("draft store: anything but a version-1 object is no draft") {
  CHECK_FALSE(draft_from_json(nlohmann::json::array()));
  CHECK_FALSE(draft_from_json(nlohmann::json{{"version", 2}}));
  CHECK_FALSE(draft_from_json(nlohmann::json{{"version", "1"}}));
  CHECK_FALSE(draft_from_json(nlohmann::json("text")));
}
