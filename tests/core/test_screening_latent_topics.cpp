// screening/latent_topics (LSA basis by subspace iteration), screening/background_sample, and
// what latent topics do to the duplicate check: words that only meet in the background bring two
// tickets closer; the same input gives the same scores; without topics the score is the mean of
// the other measures; a check never builds them.
#include <doctest/doctest.h>

#include "latent_topic_fixtures.h"
#include "screening/background_sample.h"
#include "screening/duplicate_index.h"
#include "screening/latent_topics.h"
#include "screening/questions.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace {

using support::TermWeights;
using support::latent_topic_fixtures::scattered_documents;
using support::latent_topic_fixtures::topic_texts;

// Q^T Q, read back through project(): row t of Q is the projection of the unit vector of term t.
std::vector<std::vector<double>> gram_of_basis(const support::LatentTopics& topics, std::uint32_t term_count) {
  const std::size_t k = topics.dimensions();
  std::vector<std::vector<double>> gram(k, std::vector<double>(k, 0.0));
  for (std::uint32_t t = 0; t < term_count; ++t) {
    const std::vector<float> row = topics.project({{t, 1.0f}});
    for (std::size_t a = 0; a < k; ++a)
      for (std::size_t b = 0; b < k; ++b) gram[a][b] += static_cast<double>(row[a]) * row[b];
  }
  return gram;
}

// FNV-1a over the bits of every value of the basis: equal only when every value is.
std::uint64_t basis_bits(const support::LatentTopics& topics, std::uint32_t term_count) {
  std::uint64_t hash = 0xCBF29CE484222325ull;
  for (std::uint32_t t = 0; t < term_count; ++t)
    for (const float value : topics.project({{t, 1.0f}})) {
      std::uint32_t bits = 0;
      std::memcpy(&bits, &value, sizeof bits);
      for (int byte = 0; byte < 4; ++byte) {
        hash ^= (bits >> (8 * byte)) & 0xFFu;
        hash *= 0x100000001B3ull;
      }
    }
  return hash;
}

support::DuplicateParams small_background_params() {
  support::DuplicateParams params;
  params.latent_min_documents = 20;
  params.latent_dimensions = 4;
  return params;
}

void add_planted_tickets(support::DuplicateIndex& index) {
  index.add_ticket({"1", "Car hire", "I booked car hire with a driver at the airport.", "", "open"});
  index.add_ticket({"2", "Printer jam", "The printer shows a paper jam in the tray.", "", "open"});
}

// The background and the tickets, then (build_topics) the topics, learned from both.
support::DuplicateIndex planted_index(bool build_topics) {
  support::DuplicateIndex index(small_background_params());
  for (const std::string& text : topic_texts(200)) index.add_background("", text);
  add_planted_tickets(index);
  if (build_topics) index.build_latent_topics();
  return index;
}

const support::DuplicateCandidate& candidate_for(const support::DuplicateIndex& index,
                                                 const std::vector<support::DuplicateCandidate>& result,
                                                 const std::string& number) {
  for (const auto& c : result)
    if (index.tickets()[c.ticket].number == number) return c;
  FAIL("no candidate " << number);
  return result.front();
}

}  // namespace

TEST_CASE("latent topics: the basis is orthonormal and no larger than the documents allow") {
  const std::vector<TermWeights> docs = scattered_documents(40, 60);
  const support::LatentTopics topics = support::LatentTopics::build(docs, 10, 16, 1);
  REQUIRE(topics.dimensions() == 10);
  const auto gram = gram_of_basis(topics, 60);
  for (std::size_t a = 0; a < 10; ++a)
    for (std::size_t b = 0; b < 10; ++b) CHECK(gram[a][b] == doctest::Approx(a == b ? 1.0 : 0.0).epsilon(1e-5));

  // Three documents, two of them the same: two directions, however many are asked for.
  const std::vector<TermWeights> few = {{{0, 1.0f}, {1, 2.0f}}, {{0, 1.0f}, {1, 2.0f}}, {{2, 1.0f}, {3, 1.0f}}};
  CHECK(support::LatentTopics::build(few, 25, 16, 1).dimensions() == 2);
  CHECK(support::LatentTopics::build({}, 25, 16, 1).empty());
  CHECK(support::LatentTopics::build(few, 25, 16, 1).project({{99, 1.0f}}) == std::vector<float>{0.0f, 0.0f});
}

TEST_CASE("latent topics: the iteration finds the strongest direction, not just any") {
  // Twelve columns along u = (1, 2, 2) / 3 and twelve along w = (1, 1) / sqrt 2 on other terms,
  // 0.8 times as strong: the top direction is u. A random start alone would mix u and w.
  std::vector<TermWeights> docs;
  for (int d = 1; d <= 12; ++d) {
    docs.push_back({{0, 1.0f * d}, {1, 2.0f * d}, {2, 2.0f * d}});
    docs.push_back({{3, 0.8f * 3 * d / std::sqrt(2.0f)}, {4, 0.8f * 3 * d / std::sqrt(2.0f)}});
  }
  for (const std::uint64_t seed : {1, 2, 3}) {
    const support::LatentTopics topics = support::LatentTopics::build(docs, 1, 16, seed);
    REQUIRE(topics.dimensions() == 1);
    CHECK(std::fabs(topics.project({{0, 1.0f / 3}, {1, 2.0f / 3}, {2, 2.0f / 3}})[0]) == doctest::Approx(1.0).epsilon(1e-4));
    CHECK(std::fabs(topics.project({{3, 0.7071f}, {4, 0.7071f}})[0]) < 0.01);
  }
}

TEST_CASE("latent topics: the same documents and seed give the same basis, bit for bit") {
  const std::vector<TermWeights> docs = scattered_documents(30, 50);
  const auto a = support::LatentTopics::build(docs, 8, 16, 1);
  const auto b = support::LatentTopics::build(docs, 8, 16, 1);
  for (std::uint32_t t = 0; t < 50; ++t) CHECK(a.project({{t, 1.0f}}) == b.project({{t, 1.0f}}));
}

TEST_CASE("latent topics: the random start is our own, so every build (native, wasm) starts alike") {
  // No rounds: the basis is orth(X orth(G)), G drawn with seed 7. These values were printed by
  // the native build; the wasm build of this test must find the same.
  const std::vector<TermWeights> docs = {
      {{0, 1.0f}, {1, 2.0f}}, {{1, 1.0f}, {2, 1.0f}}, {{0, 0.5f}, {3, 3.0f}}, {{2, 2.0f}, {3, 1.0f}}};
  const support::LatentTopics topics = support::LatentTopics::build(docs, 2, 0, 7);
  const double expected[4][2] = {
      {-0.5797417, 0.1569035}, {-0.5225471, 0.2626439}, {-0.3324322, 0.5505756}, {0.5294648, 0.7767020}};
  for (std::uint32_t t = 0; t < 4; ++t) {
    const std::vector<float> row = topics.project({{t, 1.0f}});
    REQUIRE(row.size() == 2);
    CHECK(row[0] == doctest::Approx(expected[t][0]).epsilon(1e-6));
    CHECK(row[1] == doctest::Approx(expected[t][1]).epsilon(1e-6));
  }
}

TEST_CASE("latent topics: learned a step at a time, the basis is build's, bit for bit, as before the steps") {
  // The hashes were printed by the one-go build before it was cut into steps (natively and in
  // wasm alike): the steps did not change one bit.
  struct Case {
    int documents;
    std::uint32_t terms;
    std::size_t dimensions;
    std::uint64_t bits;
  };
  for (const Case c : {Case{40, 60, 10, 0xE72B4CDEDB38914Eull}, Case{300, 400, 25, 0xDF7D15F8CB162692ull}}) {
    const std::vector<TermWeights> docs = scattered_documents(c.documents, c.terms);
    support::LatentTopicsBuilder builder(docs, c.dimensions, 16, 1);
    int steps = 0;
    while (builder.step()) {
      ++steps;
      CHECK(builder.take().empty());  // nothing to take before the last step
    }
    CHECK(builder.done());
    const support::LatentTopics stepped = builder.take();
    REQUIRE(stepped.dimensions() == c.dimensions);
    CHECK(basis_bits(stepped, c.terms) == c.bits);
    CHECK(basis_bits(support::LatentTopics::build(docs, c.dimensions, 16, 1), c.terms) == c.bits);
    if (c.documents == 300) CHECK(steps >= 20);  // ~30 M multiply-adds, about 1 M per step
  }

  support::LatentTopicsBuilder nothing({}, 25, 16, 1);
  CHECK_FALSE(nothing.step());
  CHECK(nothing.take().empty());
  support::LatentTopicsBuilder none;
  CHECK(none.done());
  CHECK_FALSE(none.step());
}

TEST_CASE("background sample: the texts with the smallest keys, whatever the order they came in") {
  support::BackgroundSample forward(3), backward(3);
  for (std::uint32_t i = 0; i < 10; ++i) forward.offer(100 - i, {{i, 1.0f}});
  for (std::uint32_t i = 10; i-- > 0;) backward.offer(100 - i, {{i, 1.0f}});
  REQUIRE(forward.size() == 3);
  const auto kept = forward.texts();
  const auto kept_backward = backward.texts();
  REQUIRE(kept_backward.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK((*kept[i])[0].first == 9 - i);  // keys 91, 92, 93
    CHECK(*kept[i] == *kept_backward[i]);
  }
  CHECK(support::BackgroundSample::key_of("a b |") != support::BackgroundSample::key_of("a b | |"));
}

TEST_CASE("duplicates: words that only meet in the background bring two tickets closer with latent topics") {
  const support::DuplicateIndex without = planted_index(false);
  const support::DuplicateIndex with = planted_index(true);
  REQUIRE_FALSE(without.has_latent_topics());
  REQUIRE(with.has_latent_topics());
  const char* subject = "Vehicle rental";
  const char* description = "Need a vehicle rental with a chauffeur for a pickup.";

  const auto plain = without.check(subject, description);
  const auto& plain_car = candidate_for(without, plain, "1");
  CHECK(plain_car.features.cosine == 0);  // not one word in common
  CHECK_FALSE(plain_car.features.latent_used);

  const auto topical = with.check(subject, description);
  const auto& car = candidate_for(with, topical, "1");
  const auto& printer = candidate_for(with, topical, "2");
  REQUIRE(car.features.latent_used);
  CHECK(car.features.latent > 0.8);
  CHECK(printer.features.latent < 0.3);
  CHECK(car.score > plain_car.score);
  CHECK(with.tickets()[topical[0].ticket].number == "1");
}

TEST_CASE("duplicates: the same input gives the same scores") {
  const support::DuplicateIndex a = planted_index(true);
  const support::DuplicateIndex b = planted_index(true);
  const auto ra = a.check("Vehicle rental", "A chauffeur and a vehicle, please.");
  const auto rb = b.check("Vehicle rental", "A chauffeur and a vehicle, please.");
  REQUIRE(ra.size() == rb.size());
  for (std::size_t i = 0; i < ra.size(); ++i) {
    CHECK(ra[i].ticket == rb[i].ticket);
    CHECK(ra[i].score == rb[i].score);
    CHECK(ra[i].features.latent == rb[i].features.latent);
  }
  // and the second check of one index gives the first one's answer
  const auto again = a.check("Vehicle rental", "A chauffeur and a vehicle, please.");
  for (std::size_t i = 0; i < ra.size(); ++i) CHECK(again[i].score == ra[i].score);
}

TEST_CASE("duplicates: without latent topics the score is the weighted mean of the other measures") {
  const support::DuplicateParams p;
  const support::DuplicateIndex without = planted_index(false);
  for (const auto& c : without.check("Car hire at the airport", "The driver never came to the airport.")) {
    const auto& f = c.features;
    CHECK_FALSE(f.latent_used);
    CHECK(c.score == doctest::Approx((p.cosine_weight * f.cosine + p.bm25_weight * f.bm25 +
                                      p.subject_coverage_weight * f.subject_coverage) /
                                     (p.cosine_weight + p.bm25_weight + p.subject_coverage_weight)));
  }
  const support::DuplicateIndex with = planted_index(true);
  for (const auto& c : with.check("Car hire at the airport", "The driver never came to the airport.")) {
    const auto& f = c.features;
    REQUIRE(f.latent_used);
    CHECK(c.score == doctest::Approx((p.cosine_weight * f.cosine + p.bm25_weight * f.bm25 +
                                      p.subject_coverage_weight * f.subject_coverage + p.latent_weight * f.latent) /
                                     (p.cosine_weight + p.bm25_weight + p.subject_coverage_weight + p.latent_weight)));
    CHECK(c.score <= 1.0);
  }
}

TEST_CASE("duplicates: latent topics come only from build_latent_topics, and only from enough texts") {
  support::DuplicateIndex index(small_background_params());
  for (const std::string& text : topic_texts(19)) index.add_background("", text);
  index.build_latent_topics();
  CHECK_FALSE(index.has_latent_topics());  // 19 < latent_min_documents

  for (const std::string& text : topic_texts(30)) index.add_background("Topic", text);
  index.add_ticket({"1", "Car hire", "Car hire with a driver.", "", "open"});
  const auto before = index.check("Vehicle rental", "A vehicle rental with a chauffeur.");
  CHECK_FALSE(index.has_latent_topics());  // a check never builds them
  CHECK_FALSE(before.front().features.latent_used);
  index.build_latent_topics();
  CHECK(index.has_latent_topics());
  CHECK(index.latent_dimensions() == 4);
  CHECK(index.check("Vehicle rental", "A vehicle rental with a chauffeur.").front().features.latent_used);

  // The default needs a few hundred texts: two KB articles teach no topics.
  support::DuplicateIndex small;
  small.add_background("Reset your password", "Use the reset link on the login page.");
  small.add_background("Renew a licence", "Licences renew every year from the account page.");
  small.build_latent_topics();
  CHECK_FALSE(small.has_latent_topics());
}

TEST_CASE("duplicates: topics learned a step at a time; tickets joining start the learning again; checks keep the last topics") {
  const support::DuplicateIndex built = planted_index(true);
  support::DuplicateIndex stepped(small_background_params());
  for (const std::string& text : topic_texts(200)) stepped.add_background("", text);
  stepped.start_latent_topics();
  CHECK(stepped.learning_latent_topics());
  CHECK_FALSE(stepped.has_latent_topics());
  CHECK(stepped.learn_latent_topics_step());   // under way with the background alone
  // The tickets join the texts the topics are learned from: the learning starts again.
  add_planted_tickets(stepped);
  CHECK(stepped.learning_latent_topics());
  const char* subject = "Vehicle rental";
  const char* description = "Need a vehicle rental with a chauffeur for a pickup.";
  const std::size_t before = stepped.latent_topic_steps();
  CHECK_FALSE(stepped.check(subject, description).front().features.latent_used);
  CHECK(stepped.latent_topic_steps() == before);  // a check learns nothing

  std::size_t steps = 1;
  while (stepped.learn_latent_topics_step()) {
    ++steps;
    CHECK_FALSE(stepped.check(subject, description).front().features.latent_used);
  }
  CHECK(steps >= 2);  // the columns, then the basis (small enough for one step)
  CHECK(stepped.latent_topic_steps() == before + steps);
  CHECK_FALSE(stepped.learning_latent_topics());
  CHECK_FALSE(stepped.learn_latent_topics_step());  // done: nothing more to do
  REQUIRE(stepped.has_latent_topics());
  const auto with_topics = stepped.check(subject, description);
  const auto expected = built.check(subject, description);
  REQUIRE(with_topics.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(with_topics[i].ticket == expected[i].ticket);
    CHECK(with_topics[i].features.latent_used);
    CHECK(with_topics[i].features.latent == expected[i].features.latent);
    CHECK(with_topics[i].score == expected[i].score);
  }

  // A later ticket: the topics learned stay in use until those with it are learned.
  stepped.add_ticket({"9", "Invoice address", "Please put our new address on the next invoice.", "", ""});
  CHECK(stepped.learning_latent_topics());
  CHECK(stepped.check(subject, description).front().features.latent_used);
  while (stepped.learn_latent_topics_step()) {
  }
  CHECK(stepped.has_latent_topics());

  // The same ticket listed again (a rebuild) is the same text: nothing to learn again.
  stepped.clear_tickets();
  add_planted_tickets(stepped);
  CHECK_FALSE(stepped.learning_latent_topics());

  // Without latent_with_tickets the tickets never touch the topics.
  support::DuplicateParams apart_params = small_background_params();
  apart_params.latent_with_tickets = false;
  support::DuplicateIndex apart(apart_params);
  for (const std::string& text : topic_texts(200)) apart.add_background("", text);
  apart.build_latent_topics();
  add_planted_tickets(apart);
  CHECK_FALSE(apart.learning_latent_topics());
  CHECK(apart.check(subject, description).front().features.latent !=
        built.check(subject, description).front().features.latent);
}

TEST_CASE("duplicates: question words count, and a draft's questions weigh more") {
  CHECK(support::is_question_word("how"));
  CHECK(support::is_question_word("whom"));
  CHECK_FALSE(support::is_question_word("hows"));
  CHECK_FALSE(support::is_question_word("the"));

  const std::string text = "I renewed. Where is my key?\nIt was here!Is it gone ?  Thanks";
  const auto questions = support::question_sentences(text);
  REQUIRE(questions.size() == 2);
  CHECK(text.substr(questions[0].begin, questions[0].end - questions[0].begin) == "Where is my key?");
  CHECK(text.substr(questions[1].begin, questions[1].end - questions[1].begin) == "It was here!Is it gone ?");
  CHECK(support::question_sentences("No question here.").empty());
  CHECK(support::question_sentences("Why?").size() == 1);

  // "how" vs "where": the only difference between the two earlier tickets.
  support::DuplicateIndex index;
  index.add_background("Licences", "Licences renew every year from the account page.");
  index.add_ticket({"1", "Where to renew licence", "Where do I renew the licence for the plugin", "", "open"});
  index.add_ticket({"2", "How to renew licence", "How do I renew the licence for the plugin", "", "open"});
  const auto how = index.check("Renewing", "How do I renew my licence?");
  CHECK(index.tickets()[how[0].ticket].number == "2");
  CHECK(how[0].score > how[1].score);
  support::DuplicateParams stopped;
  stopped.keep_question_words = false;
  support::DuplicateIndex without_question_words(stopped);
  without_question_words.add_ticket({"1", "Where to renew licence", "Where do I renew the licence for the plugin", "", "open"});
  without_question_words.add_ticket({"2", "How to renew licence", "How do I renew the licence for the plugin", "", "open"});
  const auto tie = without_question_words.check("Renewing", "How do I renew my licence?");
  CHECK(tie[0].score == tie[1].score);

  // The same words in a question of the draft weigh more than in a statement.
  support::DuplicateIndex plain;
  plain.add_ticket({"1", "Licence", "renew licence", "", "open"});
  plain.add_ticket({"2", "Licence", "invoice licence", "", "open"});
  const auto asked = plain.check("Licence", "Please send the invoice. Can I renew?");
  const auto told = plain.check("Licence", "Please send the invoice. I can renew.");
  CHECK(plain.tickets()[asked[0].ticket].number == "1");
  CHECK(candidate_for(plain, asked, "1").features.cosine > candidate_for(plain, told, "1").features.cosine);
}
