#pragma once
// A widget app on the headless backend, driven the way the browser glue drives it: frames at a
// clock the test moves, DOM input by semantic id, the semantic list read back as JSON. Tests
// find items by role and name, as the e2e tests and screen readers do.
#include "headless_backend.h"
#include "widget_app.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace test_ui {

inline std::string read_test_file(const std::string& relative) {
  const std::string path = std::string(SUPPORT_TEST_DATA_DIR) + "/" + relative;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("test data missing: " + path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class HeadlessWidget {
 public:
  explicit HeadlessWidget(const std::string& config_json, const std::string& saved_draft = "")
      : app_(backend_) {
    app_.start(config_json, "", "seed", saved_draft, R"(["en"])");
    app_.resize(380, 640, 1);
    settle();
  }

  app::WidgetApp& app() { return app_; }
  headless::HeadlessBackend& backend() { return backend_; }
  const nlohmann::json& doc() const { return doc_; }
  const nlohmann::json& items() const { return doc_["items"]; }
  std::string screen() const { return doc_.value("screen", std::string()); }

  // Frames until the app wants no more (at most 20), reading the semantic list as the page does.
  void settle() {
    for (int i = 0; i < 20; ++i) {
      now_ += 16;
      backend_.set_now(now_);
      const bool more = app_.frame(now_);
      if (auto changed = app_.take_semantic()) doc_ = nlohmann::json::parse(*changed);
      if (auto out = app_.take_outbox()) outbox_.push_back(*out);
      if (!more) break;
    }
  }
  // Time passes (debounced searches, retries) with frames drawn.
  void wait(double ms) {
    now_ += ms;
    settle();
  }

  std::vector<nlohmann::json> with_role(const std::string& role) const {
    std::vector<nlohmann::json> found;
    for (const auto& item : items())
      if (item["role"] == role) found.push_back(item);
    return found;
  }
  std::vector<std::string> names(const std::string& role) const {
    std::vector<std::string> out;
    for (const auto& item : with_role(role)) out.push_back(item["name"].get<std::string>());
    return out;
  }
  // The one item of `role` whose name contains `name`; fails the test otherwise.
  nlohmann::json find(const std::string& role, const std::string& name) const {
    std::vector<nlohmann::json> matches;
    for (const auto& item : with_role(role))
      if (item["name"].get<std::string>().find(name) != std::string::npos) matches.push_back(item);
    INFO("looking for ", role, " \"", name, "\" in ", items().dump());
    REQUIRE(matches.size() == 1);
    return matches.front();
  }
  bool has(const std::string& role, const std::string& name) const {
    for (const auto& item : with_role(role))
      if (item["name"].get<std::string>().find(name) != std::string::npos) return true;
    return false;
  }

  // What the mirrored DOM sends: a click (or Enter) on a button or link, a field's new text.
  void activate(const std::string& role, const std::string& name) {
    app_.dom_input({ui::SemanticInput::Kind::Activate, find(role, name)["id"].get<uint32_t>(), "", 0, 0});
    settle();
  }
  void type(const std::string& field_name, const std::string& text) {
    const auto field = find_field(field_name);
    const uint32_t id = field["id"].get<uint32_t>();
    app_.dom_input({ui::SemanticInput::Kind::Focus, id, "", 0, 0});
    const int end = int(text.size());   // ASCII in these tests: bytes = UTF-16 units
    app_.dom_input({ui::SemanticInput::Kind::SetText, id, text, end, end});
    app_.dom_input({ui::SemanticInput::Kind::Blur, id, "", 0, 0});
    settle();
  }
  nlohmann::json find_field(const std::string& name) const {
    for (const char* role : {"textbox", "textarea"})
      if (has(role, name)) return find(role, name);
    FAIL("no text field named ", name, " in ", items().dump());
    return {};
  }

  // Every request the app handed to the platform so far.
  std::vector<nlohmann::json> requests() const {
    std::vector<nlohmann::json> out;
    for (const auto& o : outbox_)
      if (o.contains("requests"))
        for (const auto& r : o["requests"]) out.push_back(r);
    return out;
  }
  const std::vector<nlohmann::json>& outboxes() const { return outbox_; }

 private:
  headless::HeadlessBackend backend_;
  app::WidgetApp app_;
  double now_ = 1000;
  nlohmann::json doc_ = nlohmann::json::object();
  std::vector<nlohmann::json> outbox_;
};

}  // namespace test_ui
