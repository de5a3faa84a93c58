// The screens as a screen reader and the DOM mirror see them: what each one publishes in the
// semantic tree (roles, names, order, states, focus), and what activating its controls does.
#include "headless_widget.h"

#include "text/utf8_codec.h"
#include "theme.h"

#include <imgui.h>

using test_ui::HeadlessWidget;
using test_ui::read_test_file;

namespace {

const std::string& ui_config() {
  static const std::string text = read_test_file("configs/ui.json");
  return text;
}

// Home → "Something is broken" → Alpha → the KB check did not answer it → the checklist.
void walk_to_checklist(HeadlessWidget& w) {
  w.activate("button", "Something is broken");
  w.activate("button", "Alpha");
  w.activate("button", "Not answered");
}

void walk_to_form(HeadlessWidget& w) {
  walk_to_checklist(w);
  w.activate("button", "Can't do that");
}

uint32_t id_of(const nlohmann::json& item) { return item["id"].get<uint32_t>(); }

}  // namespace

TEST_CASE("the home screen: the dialog's title, a search box, one button per category in configured order") {
  HeadlessWidget w(ui_config());
  CHECK(w.screen() == "home");
  CHECK(w.doc()["title"] == "Test Co help");
  CHECK(w.find("textbox", "Search the help articles")["type"] == "search");
  const auto buttons = w.names("button");
  const auto broken = std::find(buttons.begin(), buttons.end(), "Something is broken");
  const auto sales = std::find(buttons.begin(), buttons.end(), "Sales question");
  REQUIRE(broken != buttons.end());
  REQUIRE(sales != buttons.end());
  CHECK(broken < sales);
  CHECK(w.has("heading", "What do you need help with?"));
}

TEST_CASE("a screen change sends focus to the new step's heading, never to one of its controls") {
  HeadlessWidget w(ui_config());
  w.activate("button", "Something is broken");
  CHECK(w.screen() == "flow:fix:pick:0");
  const auto heading = w.find("heading", "Which product?");
  CHECK(w.doc()["focus"] == heading["id"]);
  CHECK(heading["level"] == 2);   // the host page keeps its own h1
  w.activate("button", "Alpha");
  CHECK(w.doc()["focus"] == w.find("heading", "Read this first")["id"]);
}

TEST_CASE("a checklist step publishes its text and its three outcomes as buttons, in order") {
  HeadlessWidget w(ui_config());
  walk_to_checklist(w);
  CHECK(w.has("heading", "Restart Alpha Tool"));   // {product.name} filled from the choice
  CHECK(w.has("text", "Turn it off and on."));
  std::vector<std::string> outcomes;
  for (const auto& name : w.names("button"))
    if (name == "Fixed it" || name == "Didn't help" || name == "Can't do that") outcomes.push_back(name);
  CHECK(outcomes == std::vector<std::string>{"Fixed it", "Didn't help", "Can't do that"});
}

TEST_CASE("an advice step publishes its advice as list items") {
  HeadlessWidget w(ui_config());
  w.activate("button", "Something is broken");
  w.activate("button", "Beta");
  w.activate("button", "Not answered");
  w.activate("button", "Didn't help");   // Beta → its own tip before the form
  CHECK(w.has("heading", "Beta tip"));
  CHECK(w.names("listitem") == std::vector<std::string>{"Update Beta."});
}

namespace {

// What Beta's tip screen shows when its list item says `text` (one app at a time: the app owns
// ImGui's current context).
struct TipSeen {
  nlohmann::json item;     // the list item in the semantic list
  int link_vertices = 0;   // vertices of the last frame drawn in the theme's link colour
};
TipSeen beta_tip_saying(const std::string& text) {
  nlohmann::json config = nlohmann::json::parse(ui_config());
  config["texts"]["en"]["beta_tip.item"] = text;
  HeadlessWidget w(config.dump());
  w.activate("button", "Something is broken");
  w.activate("button", "Beta");
  w.activate("button", "Not answered");
  w.activate("button", "Didn't help");
  REQUIRE(w.has("heading", "Beta tip"));
  return {w.find("listitem", text.substr(0, 12)), w.backend().vertices_coloured(ui::theme().link)};
}

}  // namespace

TEST_CASE("a web address in a step's text is drawn as a link where ImGui would put it, and published as one") {
  const std::string words = "Download the newest Beta from your members area, then install it over the old one: ";
  const TipSeen plain = beta_tip_saying("Update Beta.");
  const TipSeen with_address = beta_tip_saying(words + "https://test.example/members/beta.");
  const TipSeen without_scheme = beta_tip_saying(words + "hxxps://test.example/members/beta.");

  CHECK(with_address.item["value"] == "https://test.example/members/beta");   // the full stop is not part of it
  CHECK_FALSE(without_scheme.item.contains("value"));

  // The address's 32 glyphs (4 vertices each) and its underline take the link colour; the words
  // before it and the full stop after it keep the text colour.
  const int added = with_address.link_vertices - plain.link_vertices;
  CHECK(added >= 32 * 4 + 4);
  CHECK(added <= 32 * 4 + 16);
  CHECK(without_scheme.link_vertices == plain.link_vertices);

  // Lines break exactly where ImGui's own wrapped text breaks them (headless glyphs are all one
  // width, so the text without a link wraps the same): the same height, over several lines.
  const double height = with_address.item["rect"][3].get<double>();   // rect: x, y, width, height
  CHECK(height == without_scheme.item["rect"][3].get<double>());
  CHECK(with_address.item["rect"][2] == without_scheme.item["rect"][2]);
  CHECK(height >= 3 * plain.item["rect"][3].get<double>());
}

TEST_CASE("the form publishes its fields with their kinds; Email is an email textbox the browser can autofill") {
  HeadlessWidget w(ui_config());
  walk_to_form(w);
  const auto email = w.find("textbox", "Email");
  CHECK(email["type"] == "email");
  CHECK(email["autocomplete"] == "email");
  CHECK(email["required"] == true);
  CHECK(w.find("textbox", "Name")["autocomplete"] == "name");
  CHECK(w.find("textarea", "Description")["required"] == true);
  CHECK_FALSE(w.find("textbox", "Earlier ticket").contains("required"));
  CHECK(w.has("button", "Send"));
}

TEST_CASE("a refused submit: the summary first, each empty required field invalid with its error, nothing sent") {
  HeadlessWidget w(ui_config());
  walk_to_form(w);
  w.type("Email", "not-an-address");
  w.activate("button", "Send");
  CHECK(w.doc()["invalidSubmits"] == 1);
  const auto alert = w.find("alert", "Please fix the marked fields.");
  const auto email = w.find("textbox", "Email");
  CHECK(email["invalid"] == true);
  CHECK(email["description"] == "Not an email address.");
  CHECK(email["value"] == "not-an-address");   // what was typed stays
  CHECK(w.find("textbox", "Name")["description"] == "Required.");
  CHECK(alert["rect"][1].get<double>() < w.find("textbox", "Name")["rect"][1].get<double>());
  CHECK_FALSE(w.find("textbox", "Earlier ticket").contains("invalid"));
  CHECK(w.requests().empty());
}

TEST_CASE("a field fixed after a refused submit loses its error at once") {
  HeadlessWidget w(ui_config());
  walk_to_form(w);
  w.activate("button", "Send");
  REQUIRE(w.find("textbox", "Name")["invalid"] == true);
  w.type("Name", "Ada");
  CHECK_FALSE(w.find("textbox", "Name").contains("invalid"));
  CHECK(w.find("textbox", "Email")["invalid"] == true);
}

TEST_CASE("a valid form: one request with what was typed, a double click sends no second, 201 shows the number") {
  HeadlessWidget w(ui_config());
  walk_to_form(w);
  w.type("Name", "Ada Lovelace");
  w.type("Email", "ada@example.com");
  w.type("Subject", "It stopped");
  w.type("Description", "After the update the tool stops at the second screen every time.");
  w.activate("button", "Send");
  w.activate("button", "Send");   // the second click of a double click
  const auto requests = w.requests();
  REQUIRE(requests.size() == 1);
  CHECK(requests[0]["method"] == "POST");
  CHECK(requests[0]["path"] == "/api/tickets");
  const auto body = nlohmann::json::parse(requests[0]["body"].get<std::string>());
  CHECK(body["email"] == "ada@example.com");
  CHECK(body["description"] == "After the update the tool stops at the second screen every time.");
  CHECK(requests[0]["headers"]["Idempotency-Key"] == body["idempotency_key"]);

  w.app().http_response(requests[0]["id"].get<int>(), 201, R"({"number":7,"created_at":"2026-12-02T08:00:00Z"})", "");
  w.settle();
  CHECK(w.screen().rfind("sent", 0) == 0);
  CHECK(w.has("status", "7"));
  CHECK(w.has("button", "New request"));
  bool saved_sent = false;
  for (const auto& out : w.outboxes())
    if (out.contains("draft")) saved_sent = out["draft"].get<std::string>().find("\"number\":7") != std::string::npos;
  CHECK(saved_sent);   // a reload shows what was sent
}

TEST_CASE("Close asks the platform to close the panel") {
  HeadlessWidget w(ui_config());
  w.activate("button", "Close");
  bool close = false;
  for (const auto& out : w.outboxes()) close |= out.value("close", false);
  CHECK(close);
}

TEST_CASE("another language mid-flow: the same step, its names in that language, what was typed kept") {
  HeadlessWidget w(ui_config());
  walk_to_form(w);
  w.type("Name", "Ada");
  CHECK(w.app().set_locale("de", std::nullopt)["locale"] == "de");
  w.settle();
  CHECK(w.has("heading", "DE Write to us"));
  CHECK(w.find("textbox", "DE Name")["value"] == "Ada");
  CHECK(w.app().set_locale("fr", std::nullopt)["reason"].get<std::string>().find("fr") != std::string::npos);
}

TEST_CASE("a language whose texts are in a file: named for the platform to fetch, spoken once they arrive") {
  nlohmann::json config = nlohmann::json::parse(ui_config());
  const std::string german = config["texts"]["de"].dump();
  config["texts"]["de"] = "ui.de.json";
  HeadlessWidget w(config.dump());
  CHECK(w.app().locale_json()["texts_file"] == "");   // English: nothing to fetch
  walk_to_form(w);
  w.type("Name", "Ada");
  const nlohmann::json choice = w.app().set_locale("de", std::nullopt);
  CHECK(choice["locale"] == "de");
  CHECK(choice["texts_file"] == "ui.de.json");
  w.settle();
  CHECK(w.has("heading", "Write to us"));   // the default locale's words meanwhile, never blank
  CHECK_FALSE(w.has("heading", "DE Write to us"));
  CHECK(w.app().add_locale_texts("de", "{\"broken\"").size() == 1);   // a bad file: said, nothing taken
  CHECK(w.app().locale_json()["texts_file"] == "ui.de.json");
  CHECK(w.app().add_locale_texts("de", german).empty());
  w.settle();
  CHECK(w.has("heading", "DE Write to us"));
  CHECK(w.find("textbox", "DE Name")["value"] == "Ada");
  CHECK(w.app().locale_json()["texts_file"] == "");
}

TEST_CASE("a configuration with problems: the error panel names them instead of a half-working widget") {
  HeadlessWidget w(read_test_file("configs/not_json.json"));
  CHECK(w.app().session() == nullptr);
  CHECK(w.screen() != "home");
  bool names_problem = false;
  for (const auto& item : w.items()) names_problem |= item["name"].get<std::string>().find("JSON") != std::string::npos;
  INFO(w.items().dump());
  CHECK(names_problem);
}

TEST_CASE("the headless backend draws: the atlas is built once per pixel ratio and frames have vertices") {
  HeadlessWidget w(ui_config());
  CHECK(w.backend().atlas_uploads() == 1);
  CHECK(w.backend().vertices_drawn() > 0);
  w.app().resize(380, 640, 2);
  w.settle();
  CHECK(w.backend().atlas_uploads() == 2);
}

TEST_CASE("text that is not valid UTF-8 (a lone surrogate from the page) is sent, never a crash") {
  HeadlessWidget w(ui_config());
  walk_to_form(w);
  w.type("Name", "Ada Lovelace");
  w.type("Email", "ada@example.com");
  w.type("Subject", "Odd \xED\xA0\x80 character");
  w.type("Description", "The tool stops at the second screen; the log shows \xED\xA0\x80 and nothing else.");
  w.activate("button", "Send");
  REQUIRE(w.requests().size() == 1);
  const auto body = nlohmann::json::parse(w.requests()[0]["body"].get<std::string>());
  CHECK(body["subject"] == "ATTN: Pat Doe Odd \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD character");   // each bad byte is U+FFFD, the rest kept
  bool draft_saved = false;
  for (const auto& out : w.outboxes()) draft_saved |= out.contains("draft");
  CHECK(draft_saved);
}

TEST_CASE("my tickets: an identified customer opens the list from home; each ticket a list item with its status") {
  HeadlessWidget w(ui_config());
  CHECK_FALSE(w.has("button", "My tickets"));   // nobody identified: no list to show
  w.app().identified();
  w.settle();
  REQUIRE(w.requests().size() == 1);
  const auto first = w.requests()[0];
  CHECK(first["path"] == "/api/my/tickets");
  w.app().http_response(first["id"].get<int>(), 200,
                        R"({"tickets":[{"number":12,"subject":"Export is empty","status":"open",)"
                        R"("updated_at":"2026-12-01T10:15:00Z"},{"number":4,"subject":"Old one","status":"closed"}]})",
                        "");
  w.settle();
  w.activate("button", "My tickets");
  CHECK(w.screen() == "my_tickets");
  CHECK(w.find("heading", "My tickets")["level"].is_number());
  const auto refetch = w.requests().back();
  CHECK(refetch["path"] == "/api/my/tickets");   // opened: fetched again
  w.app().http_response(refetch["id"].get<int>(), 401, R"({"error":"expired"})", "");
  w.settle();
  CHECK(w.has("alert", "Signed out."));
  CHECK(w.has("listitem", "#12 Export is empty — open, last update 2026-12-01 10:15 UTC"));   // the last good list stays
  CHECK(w.has("listitem", "#4 Old one — closed"));
  CHECK(w.has("status", "Listed: 2"));   // the list shown, not "loading": nothing is loading
  w.activate("button", "Try again");
  w.app().http_response(w.requests().back()["id"].get<int>(), 200, R"({"tickets":[]})", "");
  w.settle();
  CHECK(w.has("status", "No tickets yet."));
  CHECK(w.with_role("listitem").empty());
  w.activate("button", "Back");
  CHECK(w.screen() == "home");
}


TEST_CASE("the glyph atlas: ASCII and the language's texts at start; any script shown later is added before a frame draws it") {
  nlohmann::json config = nlohmann::json::parse(ui_config());
  config["texts"]["en"]["my_tickets.loading"] = "Loading \u2192 your tickets\u2026";   // → in an English text
  config["texts"]["de"]["my_tickets.loading"] = "L\u00e4dt\u2026";                      // ä only in German
  HeadlessWidget w(config.dump());
  const int uploads = w.backend().atlas_uploads();
  CHECK(uploads >= 1);
  CHECK(w.app().atlas_has_glyph(U'A'));             // ASCII, always
  CHECK(w.app().atlas_has_glyph(U'\u2026'));        // …: ImGui's ellipsis, always
  CHECK(w.app().atlas_has_glyph(U'\u2192'));        // →: in an English text of the configuration
  CHECK_FALSE(w.app().atlas_has_glyph(U'\u00E4'));  // ä: only the German texts have it
  CHECK_FALSE(w.app().atlas_has_glyph(U'\u00E9'));  // é: no text has it yet
  CHECK_FALSE(w.app().atlas_has_glyph(U'\u0141'));  // Ł: no text has it yet
  CHECK_FALSE(w.app().atlas_has_glyph(U'\u0416'));  // Ж: no text has it yet
  CHECK(w.backend().font_family().find("system-ui") == 0);   // the customer's own interface font

  walk_to_form(w);
  const std::string subject = "\xC5\x81\xC3\xB3" "d\xC5\xBA \xD0\x96\xE6\x97\xA5";   // "Łódź Ж日"
  for (const auto& [name, text] : std::vector<std::pair<std::string, std::string>>{
           {"Name", "Ada Lovelace"}, {"Email", "ada@example.com"}, {"Subject", subject},
           {"Description", "After the update the tool stops at the second screen every time."}}) {
    const uint32_t id = w.find_field(name)["id"].get<uint32_t>();
    const int end = int(support::utf16_length(text));
    w.app().dom_input({ui::SemanticInput::Kind::SetText, id, text, end, end});
    w.settle();
  }
  CHECK_FALSE(w.app().atlas_has_glyph(U'\u0141'));  // typed: the page's own field draws it
  w.activate("button", "Send");
  REQUIRE(w.requests().size() == 1);
  w.app().http_response(w.requests()[0]["id"].get<int>(), 201, R"({"number":7,"created_at":"2026-12-02T08:00:00Z"})", "");
  // Frame by frame: no published screen shows the subject before the atlas can draw it.
  bool shown = false;
  for (int i = 0; i < 20 && !shown; ++i) {
    w.app().frame(2000.0 + 16 * i);
    if (auto changed = w.app().take_semantic()) {
      shown = changed->find("\xC5\x81\xC3\xB3" "d\xC5\xBA") != std::string::npos;
      if (shown)
        for (char32_t cp : {U'\u0141', U'\u017A', U'\u0416', U'\u65E5'}) CHECK(w.app().atlas_has_glyph(cp));
    }
  }
  CHECK(shown);
  CHECK(w.backend().atlas_uploads() == uploads + 1);   // one more build for all four new characters
  w.app().set_locale("de", std::nullopt);   // the German texts' letters before a German frame
  w.settle();
  CHECK(w.app().atlas_has_glyph(U'\u00E4'));
}

TEST_CASE("the glyph atlas follows the configuration's font and the device pixel ratio") {
  nlohmann::json config = nlohmann::json::parse(ui_config());
  config["brand"]["font_family"] = "Lato, sans-serif";
  HeadlessWidget w(config.dump());
  CHECK(w.backend().font_family() == "Lato, sans-serif");
  const int builds = w.app().atlas_builds();
  w.app().resize(380, 640, 2);
  w.settle();
  CHECK(w.app().atlas_builds() == builds + 1);   // drawn again at device pixels
  CHECK(ImGui::GetIO().FontGlobalScale == doctest::Approx(0.5));
  CHECK(ImGui::GetIO().Fonts->Fonts[0]->FontSize == doctest::Approx(30));
  w.app().fonts_loaded();   // the page's web font arrived
  w.settle();
  CHECK(w.app().atlas_builds() == builds + 2);
  CHECK(w.app().palette_json()["font"] == "Lato, sans-serif");   // the page's fields use it too
}
