#pragma once
// Lenient reads of one member of a JSON object kept by the browser or sent by our server (a saved
// draft, the sent history, the customer's ticket list): a member of another type reads as empty,
// never throws (nlohmann's value() throws on a type mismatch). Configuration is read with
// JsonReader instead, which reports every problem.
#include <nlohmann/json.hpp>

#include <string>

namespace support {

// object[key] when it is a string, else "".
inline std::string text_member(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace support
