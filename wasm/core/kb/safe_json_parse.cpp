#include "kb/safe_json_parse.h"

#include <algorithm>

namespace support {
namespace {

using json = nlohmann::json;

constexpr std::size_t kMaxErrorChars = 160;

// Builds the DOM through nlohmann's own SAX builder, but stops at the depth limit and keeps
// the error instead of throwing.
class BoundedDomBuilder {
 public:
  BoundedDomBuilder(json& root, std::size_t max_depth) : dom_(root, false), max_depth_(max_depth) {}

  bool null() { return dom_.null(); }
  bool boolean(bool v) { return dom_.boolean(v); }
  bool number_integer(json::number_integer_t v) { return dom_.number_integer(v); }
  bool number_unsigned(json::number_unsigned_t v) { return dom_.number_unsigned(v); }
  bool number_float(json::number_float_t v, const json::string_t& s) { return dom_.number_float(v, s); }
  bool string(json::string_t& v) { return dom_.string(v); }
  bool binary(json::binary_t& v) { return dom_.binary(v); }
  bool start_object(std::size_t n) { return enter() && dom_.start_object(n); }
  bool key(json::string_t& v) { return dom_.key(v); }
  bool end_object() { --depth_; return dom_.end_object(); }
  bool start_array(std::size_t n) { return enter() && dom_.start_array(n); }
  bool end_array() { --depth_; return dom_.end_array(); }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
    failed_ = true;
    error_position_ = position;
    error_what_ = e.what();
    return false;
  }

  bool too_deep() const { return too_deep_; }
  bool failed() const { return failed_; }
  std::size_t error_position() const { return error_position_; }
  const std::string& error_what() const { return error_what_; }

 private:
  bool enter() {
    if (++depth_ <= max_depth_) return true;
    too_deep_ = true;
    return false;
  }

  nlohmann::detail::json_sax_dom_parser<json> dom_;
  std::size_t max_depth_;
  std::size_t depth_ = 0;
  bool too_deep_ = false;
  bool failed_ = false;
  std::size_t error_position_ = 0;
  std::string error_what_;
};

// "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..." ->
// "syntax error ..." (we report the place ourselves), ASCII only and of bounded length: the
// library quotes the bytes it read, which may be anything.
std::string readable_error(const std::string& what) {
  std::string_view text = what;
  if (text.rfind("[json.exception.", 0) == 0) {
    const std::size_t end = text.find("] ");
    if (end != std::string_view::npos) text.remove_prefix(end + 2);
  }
  if (text.rfind("parse error", 0) == 0) {
    const std::size_t colon = text.find(": ");
    if (colon != std::string_view::npos) text.remove_prefix(colon + 2);
  }
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    if (out.size() >= kMaxErrorChars) {
      out += "...";
      break;
    }
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7F) {
      out += c;
    } else {
      out += "\\x";
      out += hex[byte >> 4];
      out += hex[byte & 0xF];
    }
  }
  return out;
}

}  // namespace

SafeJsonParse safe_json_parse(std::string_view text, std::size_t max_depth) {
  SafeJsonParse result;
  BoundedDomBuilder builder(result.value, max_depth);
  const bool ok = json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json, true);
  if (ok && !builder.failed() && !builder.too_deep()) {
    result.ok = true;
    return result;
  }
  result.value = nullptr;  // drop the part built before the failure
  if (builder.too_deep()) {  // the builder stopped the parse: the library gives no position
    result.too_deep = true;
    result.error = "nested deeper than " + std::to_string(max_depth) + " levels";
    return result;
  }
  // The library counts the bytes it read; one past the end means the text stopped mid-value.
  const std::size_t position = builder.error_position();
  result.incomplete = builder.failed() && position > text.size();
  const std::size_t consumed = std::min(position, text.size());
  const std::size_t newline = consumed == 0 ? std::string_view::npos : text.rfind('\n', consumed - 1);
  result.line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + consumed, '\n'));
  result.column = newline == std::string_view::npos ? position : position - newline - 1;
  if (result.column == 0) result.column = 1;
  result.error = readable_error(builder.error_what());
  return result;
}

}  // namespace support
