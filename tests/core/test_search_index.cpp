#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "search/search_index.h"
#include "test_articles.h"
#include "search/typo.h"

using namespace support;
using test_articles::article;
using test_articles::ids;
using test_articles::top_id;

namespace {

SearchIndex sample_kb() {
  SearchIndex index;
  index.upsert(article("reset", "Reset your password",
                       "If you forgot your password, click 'Forgot password' on the login page and follow the email link."));
  index.upsert(article("2fa", "Two-factor authentication",
                       "Turn on two-factor authentication in Settings > Security to protect your login."));
  index.upsert(article("refund", "Requesting a refund",
                       "Payments can be refunded within 30 days. Open Billing and choose the invoice to refund."));
  index.upsert(article("plugin", "Plugin conflicts",
                       "If a plugin stops working after an update, disable other plugins one at a time to find the conflict."));
  index.upsert(article("email", "Email notifications not arriving",
                       "Check your spam folder and add our address to your contacts so notification emails arrive."));
  return index;
}

bool has(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

TEST_CASE("search ranks the article about the query's topic first") {
  SearchIndex index = sample_kb();
  CHECK(index.size() == 5);
  auto hits = index.search("how do I reset my password?");
  REQUIRE_FALSE(hits.empty());
  CHECK(hits[0].id == "reset");
  CHECK(hits[0].score > 0);
  CHECK(has(hits[0].matched_terms, "password"));
  CHECK(has(hits[0].matched_terms, "reset"));

  CHECK(top_id(index, "refunds for payments") == "refund");  // stemming: refunds -> refund
  CHECK(top_id(index, "plugins conflicting") == "plugin");
  CHECK(top_id(index, "notification e-mails") == "email");
  // Scores come best first.
  for (std::size_t i = 1; i < hits.size(); ++i) CHECK(hits[i - 1].score >= hits[i].score);
}

TEST_CASE("a title match outranks the same word in another article's body") {
  SearchIndex index;
  index.upsert(article("body", "Account settings", "You can change the login security options and the password here."));
  index.upsert(article("title", "Security options", "Everything you can switch on or off."));
  CHECK(top_id(index, "security") == "title");
}

TEST_CASE("words next to each other in the document get a proximity boost") {
  SearchIndex index;
  index.upsert(article("apart", "Guide", "The card was declined. Later the payment page showed a new design."));
  index.upsert(article("phrase", "Guide", "The payment card was declined. Later the page showed a new design."));
  const auto hits = index.search("payment card");
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].id == "phrase");
  CHECK(hits[0].score > hits[1].score);
}

TEST_CASE("the last word matches as a prefix while typing, not after a space") {
  SearchIndex index = sample_kb();
  CHECK(top_id(index, "forgot passw") == "reset");
  CHECK(top_id(index, "authent") == "2fa");
  CHECK(top_id(index, "ref") == "refund");
  SearchOptions whole_words;
  whole_words.prefix_last = false;
  CHECK(top_id(index, "paym") == "refund");
  CHECK(index.search("paym", whole_words).empty());
  CHECK(index.search("paym ").empty());  // the word is finished: no completions
  const auto typed = index.search("notif");
  REQUIRE_FALSE(typed.empty());
  CHECK(typed[0].id == "email");
  CHECK(has(typed[0].matched_terms, "notifications"));
}

TEST_CASE("typo tolerance: one edit from five letters, none for short words") {
  SearchIndex index = sample_kb();
  const auto hits = index.search("pasword", SearchOptions{10, false, nullptr});
  REQUIRE_FALSE(hits.empty());
  CHECK(hits[0].id == "reset");
  CHECK(has(hits[0].matched_terms, "password"));
  CHECK(top_id(index, "plguin conflcts", SearchOptions{10, false, nullptr}) == "plugin");  // swaps count as one edit
  CHECK(top_id(index, "refnd", SearchOptions{10, false, nullptr}) == "refund");
  CHECK(index.search("rset", SearchOptions{10, false, nullptr}).empty());  // 4 letters: no guessing

  CHECK(allowed_typos(4) == 0);
  CHECK(allowed_typos(5) == 1);
  CHECK(allowed_typos(9) == 2);
  CHECK(bounded_edit_distance("password", "password", 1) == 0);
  CHECK(bounded_edit_distance("pasword", "password", 1) == 1);
  CHECK(bounded_edit_distance("passowrd", "password", 1) == 1);
  CHECK(bounded_edit_distance("paswrd", "password", 1) == 2);  // more than allowed
  CHECK(bounded_edit_distance("", "", 1) == 0);
}

TEST_CASE("accents and case do not matter, and matched terms keep the accents") {
  SearchIndex index;
  index.upsert(article("fr", "Réinitialiser le mot de passe", "Cliquez sur « Mot de passe oublié »."));
  index.upsert(article("en", "Reset password", "Click forgot password."));
  const auto hits = index.search("reinitialiser");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].id == "fr");
  CHECK(has(hits[0].matched_terms, "réinitialiser"));
  CHECK(top_id(index, "OUBLIÉ") == "fr");
}

TEST_CASE("incremental updates: upsert replaces, remove removes") {
  SearchIndex index = sample_kb();
  CHECK(top_id(index, "invoice") == "refund");

  index.upsert(article("refund", "Requesting your money back", "Write to billing within 30 days."));
  CHECK(index.size() == 5);
  CHECK(index.search("invoice").empty());  // the old text is gone
  CHECK(top_id(index, "money") == "refund");

  index.upsert(article("new", "Invoice downloads", "Download any invoice as PDF from Billing."));
  CHECK(index.size() == 6);
  CHECK(top_id(index, "invoice pdf") == "new");
  CHECK(top_id(index, "invo") == "new");  // new words join the prefix dictionary

  CHECK(index.remove("new"));
  CHECK_FALSE(index.remove("new"));
  CHECK_FALSE(index.contains("new"));
  CHECK(index.size() == 5);
  CHECK(index.search("invoice pdf").empty());
  CHECK(top_id(index, "reset password") == "reset");

  index.clear();
  CHECK(index.size() == 0);
  CHECK(index.search("password").empty());
}

TEST_CASE("candidate restriction ranks only the given articles") {
  SearchIndex index = sample_kb();
  const std::vector<std::string> candidates = {"2fa", "email", "unknown-id"};
  SearchOptions options;
  options.candidates = &candidates;
  const auto hits = index.search("password login email", options);
  for (const auto& hit : hits) CHECK((hit.id == "2fa" || hit.id == "email"));
  CHECK(hits.size() == 2);
  const std::vector<std::string> none;
  options.candidates = &none;
  CHECK(index.search("password", options).empty());
  // The restriction does not leak into the next search.
  CHECK(top_id(index, "password") == "reset");
}

TEST_CASE("limit, empty and odd queries") {
  SearchIndex index = sample_kb();
  CHECK(index.search("your", SearchOptions{10, false, nullptr}).empty());  // only a stop word
  CHECK(index.search("").empty());
  CHECK(index.search("😀 \xFF\xFE").empty());
  CHECK(index.search(std::string(50000, 'x')).empty());
  CHECK(index.search("password", SearchOptions{0, true, nullptr}).empty());
  CHECK(index.search("the login", SearchOptions{1, true, nullptr}).size() == 1);
  SearchIndex empty;
  CHECK(empty.search("password").empty());
  // Articles with odd content index without trouble.
  index.upsert(article("odd", "", std::string(200000, 'z') + " \xF0\x9F\x98\x80 \xC3"));
  CHECK(index.size() == 6);
}

TEST_CASE("tags are searchable") {
  SearchIndex index = sample_kb();
  index.upsert(article("sso", "Single sign-on", "Use your company account.", {"saml", "okta"}));
  CHECK(top_id(index, "okta") == "sso");
}
