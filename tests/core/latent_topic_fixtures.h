#pragma once
// Texts and documents the latent-topic tests share (core and UI): generated from fixed seeds, so
// every run and every build sees the same ones.
#include "screening/latent_topics.h"

#include <cstdint>
#include <string>
#include <vector>

namespace support::latent_topic_fixtures {

// Documents over `term_count` terms with a few pseudo-random weights each (fixed seed).
inline std::vector<TermWeights> scattered_documents(int count, std::uint32_t term_count) {
  std::vector<TermWeights> docs;
  std::uint32_t state = 12345;
  auto next = [&state] { return state = state * 1103515245u + 12345u; };
  for (int d = 0; d < count; ++d) {
    TermWeights doc;
    for (std::uint32_t t = 0; t < term_count; ++t)
      if ((next() >> 16) % 4 == 0) doc.emplace_back(t, 0.5f + static_cast<float>((next() >> 16) % 100) / 50.0f);
    docs.push_back(doc);
  }
  return docs;
}

// Background texts on four topics, each drawn from its own words. Topic 0 holds the planted
// pairs: "car hire driver" and "vehicle rental chauffeur" are never in one ticket, but meet here.
inline std::vector<std::string> topic_texts(int count) {
  const std::vector<std::vector<std::string>> topics = {
      {"car", "vehicle", "hire", "rental", "driver", "chauffeur", "airport", "pickup", "minibus", "sedan"},
      {"invoice", "billing", "payment", "refund", "receipt", "charge", "bank", "transfer", "vat", "currency"},
      {"password", "login", "reset", "account", "email", "username", "locked", "verify", "session", "token"},
      {"printer", "paper", "toner", "scanner", "cartridge", "jam", "tray", "duplex", "colour", "spool"}};
  std::vector<std::string> texts;
  std::uint32_t state = 777;
  auto next = [&state] { return (state = state * 1103515245u + 12345u) >> 16; };
  for (int i = 0; i < count; ++i) {
    const auto& words = topics[static_cast<std::size_t>(i) % topics.size()];
    std::string text;
    for (int w = 0; w < 12; ++w) text += words[next() % words.size()] + " ";
    texts.push_back(text);
  }
  return texts;
}

}  // namespace support::latent_topic_fixtures
