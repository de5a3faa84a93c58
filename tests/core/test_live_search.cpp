// LiveSearch: one search per pause in typing, never one per frame.
#include "session/live_search.h"
#include "session/support_session.h"
#include "test_articles.h"
#include "test_files.h"

#include <doctest/doctest.h>

using namespace support;
using test_articles::article;

TEST_CASE("live search: waits for the typing to rest, then searches once") {
  SearchIndex index;
  index.upsert(article("pw", "Reset your password", "Reset your password"));
  index.upsert(article("lic", "Activate your licence", "Activate your licence"));
  LiveSearch live;

  CHECK_FALSE(live.update("pas", index, 0, 100));        // just typed: waiting
  REQUIRE(live.due_at());
  CHECK(*live.due_at() == doctest::Approx(100));
  CHECK_FALSE(live.update("pass", index, 50, 100));      // still typing: the wait starts again
  CHECK(*live.due_at() == doctest::Approx(150));
  CHECK_FALSE(live.update("pass", index, 120, 100));
  CHECK(live.hits().empty());
  CHECK(live.update("pass", index, 150, 100));            // rested: one search
  REQUIRE(live.hits().size() == 1);
  CHECK(live.hits()[0].id == "pw");
  CHECK_FALSE(live.due_at());
  CHECK_FALSE(live.update("pass", index, 400, 100));     // same text: no search again
}

TEST_CASE("live search: no delay answers at once; an empty text clears; invalidate searches again") {
  SearchIndex index;
  index.upsert(article("pw", "Reset your password", "Reset your password"));
  LiveSearch live;
  CHECK(live.update("password", index, 0, 0));
  CHECK(live.hits().size() == 1);
  CHECK(live.searched_text() == "password");

  index.upsert(article("pw2", "Password rules", "Password rules"));
  CHECK_FALSE(live.update("password", index, 1, 0));     // nothing changed as far as it knows
  live.invalidate();
  CHECK(live.update("password", index, 2, 0));
  CHECK(live.hits().size() == 2);

  CHECK(live.update("", index, 3, 0));
  CHECK(live.hits().empty());
}

TEST_CASE("session: suggestions wait for a pause, and survive a visit to an article") {
  SupportSession s(test_files::load_config(test_files::minimal_config_path()), "en", "seed");
  s.choose_category("sales");
  REQUIRE(s.flow()->reached_form());
  s.set_form_value("subject", "how do I restart it");
  CHECK_FALSE(s.tick(1000));                // just typed: nothing yet, a wake-up is due
  REQUIRE(s.wake_at());
  CHECK(s.form_suggestions().empty());
  CHECK(s.tick(*s.wake_at()));               // paused: one search
  REQUIRE_FALSE(s.form_suggestions().empty());
  const std::string first = s.form_suggestions()[0].id;
  CHECK_FALSE(s.wake_at());

  s.open_article(first);                     // read it, come back: the same hits, no new search
  CHECK_FALSE(s.tick(5000));
  CHECK_FALSE(s.wake_at());
  s.article_answered(false);
  CHECK_FALSE(s.tick(5001));
  REQUIRE_FALSE(s.form_suggestions().empty());
  CHECK(s.form_suggestions()[0].id == first);
}
