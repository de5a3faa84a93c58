// libFuzzer target: arbitrary bytes go through the config parser, lint, short flow runs driven
// by the same bytes, and the preview's step list and jump-to. Anything that throws, crashes,
// hangs or trips a sanitizer is a bug: the widget loads site owners' configs it has never seen.
#include "config/config_lint.h"
#include "config/config_parser.h"
#include "config/config_text.h"
#include "run/flow_catalog.h"
#include "run/flow_jump.h"
#include "run/flow_run.h"
#include "run/form_submission.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using namespace support;

namespace {

// Reads bytes round-robin so a short input still drives a whole run.
class ByteSource {
 public:
  ByteSource(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  std::uint8_t next() { return size_ == 0 ? 0 : data_[position_++ % size_]; }
  std::string text(std::size_t length) {
    std::string out;
    for (std::size_t i = 0; i < length && size_ > 0; ++i) out.push_back(static_cast<char>(next()));
    return out;
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t position_ = 0;
};

void drive(const Config& config, FlowRun run, ByteSource& bytes) {
  for (int move = 0; move < 48; ++move) {
    const std::uint8_t choice = bytes.next();
    const std::vector<const StepAnswer*> answers = run.available_answers();
    switch (choice % 8) {
      case 0: run.back(); break;
      case 1: run.forward(); break;
      case 2: run.answer(bytes.text(4)); break;  // usually unknown: must be refused quietly
      default:
        if (!answers.empty()) run.answer(answers[choice % answers.size()]->id);
        break;
    }
    const FlowStep& step = run.current_step();
    (void)run.text(step.title_key);
    (void)run.text(step.text_key);
    (void)run.previous_answer();
    (void)run.is_resolved();
    (void)run.subject_prefix();
  }
  // The log goes into tickets as JSON; dumping it must never throw (e.g. on bad UTF-8).
  (void)run.log().dump();
  if (run.reached_form()) {
    FormValues values;
    for (const FormField& field : run.current_step().fields) values[field.id] = bytes.text(bytes.next() % 24);
    (void)validate_form_values(config, run, values);
    TicketDraft draft = ticket_draft_from_form(config, run, values);
    (void)draft.troubleshooting.dump();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ConfigParseResult parsed = parse_config(text);
  const Config& config = parsed.config;
  for (const ConfigProblem& problem : lint_config(config)) (void)format_problem(problem);
  (void)config_text(config, "en", "widget.title");

  ByteSource bytes(data, size);
  int runs = 0;
  for (const Category& category : config.categories) {
    if (++runs > 6) break;
    FlowContext context;
    context.set_logged_in(bytes.next() & 1);
    if (auto run = FlowRun::for_category(config, category.id, context)) drive(config, std::move(*run), bytes);
  }
  // Flows no category uses are still reachable from the preview page.
  for (const auto& entry : config.flows) {
    if (++runs > 10) break;
    drive(config, FlowRun(config, entry.second, FlowContext{}, "xx"), bytes);
  }
  // The preview's step list and "jump to": every step, by its shortest route (a bounded search).
  (void)flow_catalog_json(config, "en").dump();
  int jumps = 0;
  for (const auto& [flow_id, flow] : config.flows) {
    for (const FlowStep& step : flow.steps) {
      if (++jumps > 40) break;
      if (auto run = run_to_step(config, flow, step.id, FlowContext{}, "en")) (void)run->log().dump();
    }
  }
  return 0;
}
