// The app's work between frames: a KB of 300 articles or more teaches the duplicate check latent
// topics, learned a few milliseconds per frame once the first frame is on screen, with frames
// kept coming until they are learned.
#include "../core/latent_topic_fixtures.h"
#include "headless_widget.h"

#include <algorithm>

using test_ui::read_test_file;

namespace {

// The headless backend with a clock that moves 1 ms at every reading, as a real one moves while
// work runs, so the app's per-frame budget runs out after a few readings.
class MovingClockBackend final : public app::WidgetBackend {
 public:
  FaceMetrics measure_glyphs(const app::GlyphFace& face, const std::vector<char32_t>& code_points,
                             std::vector<app::GlyphBox>& boxes) override {
    return inner_.measure_glyphs(face, code_points, boxes);
  }
  void draw_glyphs(const std::vector<app::GlyphFace>& faces, const std::vector<app::GlyphPlacement>& glyphs,
                   unsigned char* rgba, int width, int height) override {
    inner_.draw_glyphs(faces, glyphs, rgba, width, height);
  }
  void fonts_changed() override { inner_.fonts_changed(); }
  void new_frame() override { inner_.new_frame(); }
  void render(ImDrawData* data, int framebuffer_width, int framebuffer_height) override {
    inner_.render(data, framebuffer_width, framebuffer_height);
  }
  void set_cursor(const char* name) override { inner_.set_cursor(name); }
  double now_ms() override { return now_ += 1; }

 private:
  headless::HeadlessBackend inner_;
  double now_ = 1000;
};

// The UI tests' configuration with `count` more KB articles on four topics.
std::string with_topic_articles(int count) {
  nlohmann::json config = nlohmann::json::parse(read_test_file("configs/ui.json"));
  const std::vector<std::string> texts = support::latent_topic_fixtures::topic_texts(count);
  for (int i = 0; i < count; ++i)
    config["kb"]["articles"].push_back(
        {{"id", "topic-" + std::to_string(i)}, {"title", "Article"}, {"body", texts[static_cast<std::size_t>(i)]}});
  return config.dump();
}

}  // namespace

TEST_CASE("a KB of 300 articles: topics learned after the first frame, within each frame's budget, frames coming until done") {
  MovingClockBackend backend;
  app::WidgetApp app(backend);
  app.start(with_topic_articles(400), "", "seed", "", R"(["en"])");
  app.resize(380, 640, 1);
  support::SupportSession* session = app.session();
  REQUIRE(session);
  CHECK(session->learning_topics());

  CHECK(app.frame(backend.now_ms()));
  CHECK(session->topic_steps_taken() == 0);   // the first frame comes as fast as without topics

  int frames = 1, frames_learning = 0;
  std::size_t most_steps_in_a_frame = 0;
  bool more = true;
  while (more && frames < 1000) {
    const std::size_t before = session->topic_steps_taken();
    more = app.frame(backend.now_ms());
    ++frames;
    const std::size_t steps = session->topic_steps_taken() - before;
    if (steps > 0) ++frames_learning;
    most_steps_in_a_frame = std::max(most_steps_in_a_frame, steps);
    if (session->learning_topics()) CHECK(more);   // unfinished: another frame, please
  }
  CHECK(session->has_duplicate_topics());
  CHECK_FALSE(more);   // learned: the frames stop
  CHECK(frames_learning >= 3);   // a few steps per frame, over several frames
  CHECK(most_steps_in_a_frame > 0);
  CHECK(most_steps_in_a_frame <= 6);   // the 6 ms budget, one reading of the clock per step
}

TEST_CASE("a small KB has no topics to learn: frames stop as before") {
  test_ui::HeadlessWidget w(read_test_file("configs/ui.json"));
  CHECK_FALSE(w.app().session()->learning_topics());
  CHECK_FALSE(w.app().frame(5000));
}
