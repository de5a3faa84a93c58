#include "flow/flow_step.h"

namespace support {

namespace {
struct StepTypeName {
  StepType type;
  const char* name;
};
constexpr StepTypeName kStepTypeNames[] = {
    {StepType::info, "info"},         {StepType::checklist, "checklist"}, {StepType::choice, "choice"},
    {StepType::kb_check, "kb_check"}, {StepType::form, "form"},           {StepType::advice, "advice"},
    {StepType::end, "end"},
};
}  // namespace

const char* step_type_name(StepType type) {
  for (const auto& entry : kStepTypeNames)
    if (entry.type == type) return entry.name;
  return "unknown";
}

bool step_type_from_name(const std::string& name, StepType& out) {
  for (const auto& entry : kStepTypeNames) {
    if (name == entry.name) {
      out = entry.type;
      return true;
    }
  }
  return false;
}

FieldPurpose field_purpose(const std::string& field_id) {
  if (field_id == "name") return FieldPurpose::name;
  if (field_id == "email") return FieldPurpose::email;
  if (field_id == "subject") return FieldPurpose::subject;
  if (field_id == "description") return FieldPurpose::description;
  return FieldPurpose::extra;
}

bool is_standard_ticket_field(const std::string& field_id) { return field_purpose(field_id) != FieldPurpose::extra; }

const StepAnswer* FlowStep::find_answer(const std::string& answer_id) const {
  for (const StepAnswer& answer : answers)
    if (answer.id == answer_id) return &answer;
  return nullptr;
}

}  // namespace support
