#include "config/config_parser.h"

#include "config/attachment_settings_json.h"
#include "config/locale_texts_json.h"
#include "config/screening_settings_json.h"
#include "json/json_reader.h"
#include "flow/flow_json.h"
#include "kb/kb_json.h"

#include <cctype>
#include <string_view>

namespace support {

namespace {

using json = nlohmann::json;

bool is_hex_color(const std::string& text) {
  if (text.size() != 7 || text[0] != '#') return false;
  for (std::size_t i = 1; i < text.size(); ++i) {
    char c = text[i];
    bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (!hex) return false;
  }
  return true;
}

// A CSS font-family list such as `Lato, "Open Sans", sans-serif`: names, quotes, commas, spaces,
// hyphens. Anything else (";", braces, a size) would make the browser ignore the whole font.
bool is_font_family_list(const std::string& text) {
  if (text.find_first_not_of(" ,") == std::string::npos) return false;
  for (unsigned char c : text)
    if (c < 0x80 && !std::isalnum(c) && std::string_view(" ,-_.\"'").find(char(c)) == std::string_view::npos) return false;
  return true;
}

void parse_brand(const json& value, const std::string& path, JsonReader& reader, Brand& brand) {
  if (!reader.expect_object(value, path)) return;
  reader.check_known_keys(value, path, {"company_name", "product_family", "colors", "font_family"});
  reader.read_string(value, "company_name", path, brand.company_name, true);
  reader.read_string(value, "product_family", path, brand.product_family);
  std::string family;
  if (reader.read_string(value, "font_family", path, family)) {
    if (is_font_family_list(family)) brand.font_family = family;
    else reader.problem(JsonReader::child(path, "font_family"), "expected a CSS font-family list such as \"Lato, sans-serif\"");
  }
  const json* colors = reader.member(value, "colors", path, false);
  if (!colors) return;
  const std::string colors_path = JsonReader::child(path, "colors");
  if (!reader.expect_object(*colors, colors_path)) return;
  reader.check_known_keys(*colors, colors_path, {"primary", "accent", "background", "text"});
  const std::pair<const char*, std::string*> fields[] = {
      {"primary", &brand.colors.primary},
      {"accent", &brand.colors.accent},
      {"background", &brand.colors.background},
      {"text", &brand.colors.text},
  };
  for (const auto& [key, target] : fields) {
    std::string color;
    if (!reader.read_string(*colors, key, colors_path, color)) continue;
    if (is_hex_color(color)) {
      *target = color;
    } else {
      reader.problem(JsonReader::child(colors_path, key), "expected a color as \"#rrggbb\"");
    }
  }
}

void parse_locales(const json& value, const std::string& path, JsonReader& reader, LocaleTexts& texts) {
  if (!reader.expect_object(value, path)) return;
  reader.check_known_keys(value, path, {"default", "available"});
  reader.read_string(value, "default", path, texts.default_locale, true);
  reader.read_string_list(value, "available", path, texts.locales);
  for (std::size_t i = 0; i < texts.locales.size(); ++i)
    reader.check_id(texts.locales[i], JsonReader::index(JsonReader::child(path, "available"), i));
  bool has_default = false;
  for (const std::string& locale : texts.locales) has_default = has_default || locale == texts.default_locale;
  if (!has_default) texts.locales.insert(texts.locales.begin(), texts.default_locale);
}

void parse_texts(const json& value, const std::string& path, JsonReader& reader, LocaleTexts& texts) {
  if (!reader.expect_object(value, path)) return;
  for (auto locale = value.begin(); locale != value.end(); ++locale)
    parse_locale_texts(locale.key(), locale.value(), JsonReader::child(path, locale.key()), reader, texts);
}

void parse_categories(const json& value, const std::string& path, JsonReader& reader,
                      std::vector<Category>& categories) {
  reader.for_each_object(
      value, path,
      {"id", "title_key", "description_key", "flow", "requires_login_details", "min_description_length"},
      [&](const json& item, const std::string& item_path) {
        Category category;
        category.path = item_path;
        if (!reader.read_string(item, "id", item_path, category.id, true)) return;
        reader.check_id(category.id, JsonReader::child(item_path, "id"));
        reader.read_string(item, "title_key", item_path, category.title_key, true);
        reader.read_string(item, "description_key", item_path, category.description_key);
        reader.read_string(item, "flow", item_path, category.flow, true);
        reader.read_bool(item, "requires_login_details", item_path, category.requires_login_details);
        reader.read_int(item, "min_description_length", item_path, category.min_description_length, 0, 100000);
        categories.push_back(std::move(category));
      });
}

void parse_products(const json& value, const std::string& path, JsonReader& reader,
                    std::vector<Product>& products) {
  reader.for_each_object(value, path, {"id", "name", "tutorial_url"}, [&](const json& item, const std::string& item_path) {
    Product product;
    if (!reader.read_string(item, "id", item_path, product.id, true)) return;
    reader.check_id(product.id, JsonReader::child(item_path, "id"));
    reader.read_string(item, "name", item_path, product.name, true);
    reader.read_string(item, "tutorial_url", item_path, product.tutorial_url);
    products.push_back(std::move(product));
  });
}

void parse_flows(const json& value, const std::string& path, JsonReader& reader, std::map<std::string, Flow>& flows) {
  if (!reader.expect_object(value, path)) return;
  for (auto it = value.begin(); it != value.end(); ++it) {
    const std::string flow_path = JsonReader::child(path, it.key());
    reader.check_id(it.key(), flow_path);
    flows[it.key()] = flow_from_json(it.value(), it.key(), flow_path, reader);
  }
}

void parse_kb(const json& value, const std::string& path, JsonReader& reader, KbSettings& kb) {
  if (!reader.expect_object(value, path)) return;
  reader.check_known_keys(value, path, {"articles", "file"});
  reader.read_string(value, "file", path, kb.file);
  const json* articles = reader.member(value, "articles", path, false);
  if (!articles) return;
  const std::string articles_path = JsonReader::child(path, "articles");
  KbParseResult parsed = kb_articles_from_json(*articles, articles_path);
  kb.articles = std::move(parsed.articles);
  // The KB reader reports "path: message"; split it back so all problems share one shape.
  for (const std::string& error : parsed.errors) {
    std::size_t colon = error.find(": ");
    if (colon == std::string::npos) {
      reader.problem(articles_path, error);
    } else {
      reader.problem(error.substr(0, colon), error.substr(colon + 2));
    }
  }
}

void parse_escalation(const json& value, const std::string& path, JsonReader& reader, EscalationSettings& out) {
  if (!reader.expect_object(value, path)) return;
  reader.check_known_keys(value, path, {"contact_role", "contact_name", "subject_prefix", "shift_hours"});
  reader.read_string(value, "contact_role", path, out.contact_role);
  reader.read_string(value, "contact_name", path, out.contact_name, true);
  reader.read_string(value, "subject_prefix", path, out.subject_prefix);
  reader.read_string(value, "shift_hours", path, out.shift_hours);
}

void parse_email(const json& value, const std::string& path, JsonReader& reader, EmailSettings& out) {
  if (!reader.expect_object(value, path)) return;
  reader.check_known_keys(value, path, {"support_domain", "spam_folder_advice"});
  if (reader.read_string(value, "support_domain", path, out.support_domain)) {
    const std::string& domain = out.support_domain;
    bool plausible = domain.find('.') != std::string::npos && domain.find(' ') == std::string::npos &&
                     domain.find('@') == std::string::npos && domain.find('/') == std::string::npos;
    if (!plausible)
      reader.problem(JsonReader::child(path, "support_domain"), "expected a domain such as \"example.test\"");
  }
  const json* advice = reader.member(value, "spam_folder_advice", path, false);
  if (!advice) return;
  reader.for_each_object(*advice, JsonReader::child(path, "spam_folder_advice"), {"provider", "text_key"},
                         [&](const json& item, const std::string& item_path) {
                           SpamFolderAdvice entry;
                           reader.read_string(item, "provider", item_path, entry.provider, true);
                           reader.read_string(item, "text_key", item_path, entry.text_key, true);
                           out.spam_folder_advice.push_back(std::move(entry));
                         });
}

void parse_policy(const json& value, const std::string& path, JsonReader& reader, SupportPolicy& out) {
  if (!reader.expect_object(value, path)) return;
  reader.check_known_keys(value, path, {"max_lengths", "default_min_description_length", "category_overrides"});
  reader.read_int(value, "default_min_description_length", path, out.default_min_description_length, 0, 100000);
  if (const json* limits = reader.member(value, "max_lengths", path, false)) {
    const std::string limits_path = JsonReader::child(path, "max_lengths");
    if (reader.expect_object(*limits, limits_path)) {
      reader.check_known_keys(*limits, limits_path, {"name", "email", "subject", "description", "extra_field"});
      reader.read_int(*limits, "name", limits_path, out.max_lengths.name, 1, 100000);
      reader.read_int(*limits, "email", limits_path, out.max_lengths.email, 3, 100000);
      reader.read_int(*limits, "subject", limits_path, out.max_lengths.subject, 1, 100000);
      reader.read_int(*limits, "description", limits_path, out.max_lengths.description, 1, 1000000);
      reader.read_int(*limits, "extra_field", limits_path, out.max_lengths.extra_field, 1, 100000);
    }
  }
  if (const json* overrides = reader.member(value, "category_overrides", path, false)) {
    const std::string overrides_path = JsonReader::child(path, "category_overrides");
    if (reader.expect_object(*overrides, overrides_path)) {
      for (auto it = overrides->begin(); it != overrides->end(); ++it) {
        const std::string item_path = JsonReader::child(overrides_path, it.key());
        if (!reader.expect_object(it.value(), item_path)) continue;
        reader.check_known_keys(it.value(), item_path, {"min_description_length"});
        int minimum = 0;
        if (reader.read_int(it.value(), "min_description_length", item_path, minimum, 0, 100000, true))
          out.category_min_description_length[it.key()] = minimum;
      }
    }
  }
}

// Accepts every event and remembers where parsing failed; never throws.
struct JsonErrorLocator : nlohmann::json_sax<json> {
  bool found = false;
  std::size_t byte = 0;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) override {
    found = true;
    byte = position;
    return false;
  }
};

}  // namespace

ConfigParseResult parse_config_json(const json& document) {
  ConfigParseResult result;
  JsonReader reader(result.problems);
  if (!document.is_object()) {
    reader.problem("", "the configuration must be a JSON object, found " + describe_json_type(document));
    return result;
  }
  result.document_read = true;
  reader.check_known_keys(document, "",
                          {"brand", "locales", "texts", "categories", "products", "flows", "kb",
                           "escalation", "email", "policy", "screening", "attachments"});
  Config& config = result.config;
  if (const json* v = reader.member(document, "brand", "", true)) parse_brand(*v, "brand", reader, config.brand);
  if (const json* v = reader.member(document, "locales", "", true)) parse_locales(*v, "locales", reader, config.texts);
  if (config.texts.locales.empty()) config.texts.locales.push_back(config.texts.default_locale);
  if (const json* v = reader.member(document, "texts", "", true)) parse_texts(*v, "texts", reader, config.texts);
  if (const json* v = reader.member(document, "categories", "", true))
    parse_categories(*v, "categories", reader, config.categories);
  if (const json* v = reader.member(document, "products", "", false))
    parse_products(*v, "products", reader, config.products);
  if (const json* v = reader.member(document, "flows", "", true)) parse_flows(*v, "flows", reader, config.flows);
  if (const json* v = reader.member(document, "kb", "", false)) parse_kb(*v, "kb", reader, config.kb);
  if (const json* v = reader.member(document, "escalation", "", false))
    parse_escalation(*v, "escalation", reader, config.escalation);
  if (const json* v = reader.member(document, "email", "", false)) parse_email(*v, "email", reader, config.email);
  if (const json* v = reader.member(document, "policy", "", false)) parse_policy(*v, "policy", reader, config.policy);
  if (const json* v = reader.member(document, "screening", "", false))
    parse_screening(*v, "screening", reader, config.screening);
  if (const json* v = reader.member(document, "attachments", "", false))
    parse_attachments(*v, "attachments", reader, config.attachments);
  return result;
}

ConfigParseResult parse_config(std::string_view json_text) {
  if (json_text.size() > kMaxConfigBytes) {
    ConfigParseResult result;
    result.problems.push_back({"", "the configuration is larger than " + std::to_string(kMaxConfigBytes) + " bytes"});
    return result;
  }
  // Exception-free parse (wasm builds may not catch exceptions): a discarded value means the text
  // is not valid JSON, including ill-formed UTF-8. A SAX pass then finds the position for the message.
  json document = json::parse(json_text.begin(), json_text.end(), nullptr, false);
  if (document.is_discarded()) {
    ConfigParseResult result;
    JsonErrorLocator locator;
    json::sax_parse(json_text.begin(), json_text.end(), &locator, json::input_format_t::json, true);
    std::string message = "not valid JSON";
    if (locator.found) message += " (at byte " + std::to_string(locator.byte) + ")";
    result.problems.push_back({"", message});
    return result;
  }
  return parse_config_json(document);
}

}  // namespace support
