// Runs email/email_syntax against Dominic Sayers' isemail test suite v3.05 (164 addresses, BSD-3;
// tests/data/email/isemail-tests.xml with its licence beside it). A missing file or a short one
// fails the test: the suite must never silently not run.
//
// What each of the suite's categories must get from a web form's check:
//   ISEMAIL_VALID_CATEGORY, ISEMAIL_DNSWARN -> accepted (DNSWARN only says the domain may not
//                                              receive mail, which syntax cannot know)
//   ISEMAIL_ERR                             -> rejected
//   ISEMAIL_RFC5321/RFC5322/DEPREC/CFWS     -> valid mail syntax that a web form should not take
//                                              (quoted local parts, comments, address literals,
//                                              obsolete forms): rejected, except single-label
//                                              domains (test@org), which HTML's email input
//                                              accepts as well. docs/api.md, "Email addresses".
#include <doctest/doctest.h>

#include "email/email_syntax.h"
#include "test_files.h"
#include "text/utf8_codec.h"

#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace {

struct IsemailCase {
  std::string id;
  std::string address;
  std::string category;
};

// XML text -> raw bytes. The suite writes control character N as &#x2400+N; (see the file's notes).
std::string decode_xml_text(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out += text[i];
      continue;
    }
    const std::size_t end = text.find(';', i);
    REQUIRE(end != std::string::npos);
    const std::string entity = text.substr(i + 1, end - i - 1);
    i = end;
    if (entity == "amp") out += '&';
    else if (entity == "lt") out += '<';
    else if (entity == "gt") out += '>';
    else if (entity == "quot") out += '"';
    else if (entity == "apos") out += '\'';
    else if (entity.size() > 2 && entity[0] == '#') {
      const bool hex = entity[1] == 'x' || entity[1] == 'X';
      const unsigned long code = std::stoul(entity.substr(hex ? 2 : 1), nullptr, hex ? 16 : 10);
      if (code >= 0x2400 && code <= 0x241F) out += static_cast<char>(code - 0x2400);
      else support::utf8_append(out, static_cast<char32_t>(code));
    } else {
      FAIL("unknown XML entity &" << entity << ";");
    }
  }
  return out;
}

std::string element_text(const std::string& block, const std::string& name) {
  if (block.find("<" + name + "/>") != std::string::npos) return "";
  const std::size_t open = block.find("<" + name + ">");
  if (open == std::string::npos) return "";
  const std::size_t start = open + name.size() + 2;
  const std::size_t close = block.find("</" + name + ">", start);
  return close == std::string::npos ? "" : block.substr(start, close - start);
}

std::vector<IsemailCase> load_cases(const std::string& path) {
  const std::string xml = support::test_files::read_file(path);
  std::vector<IsemailCase> cases;
  std::size_t pos = 0;
  while ((pos = xml.find("<test id=\"", pos)) != std::string::npos) {
    const std::size_t id_start = pos + 10;
    const std::size_t id_end = xml.find('"', id_start);
    const std::size_t end = xml.find("</test>", pos);
    if (id_end == std::string::npos || end == std::string::npos) break;
    const std::string block = xml.substr(pos, end - pos);
    cases.push_back({xml.substr(id_start, id_end - id_start),
                     decode_xml_text(element_text(block, "address")),
                     element_text(block, "category")});
    pos = end;
  }
  return cases;
}

}  // namespace

TEST_CASE("email: isemail suite v3.05") {
  const std::string path = support::test_files::test_data_path("email/isemail-tests.xml");
  const std::vector<IsemailCase> cases = load_cases(path);  // read_file fails the test when it is missing
  REQUIRE_MESSAGE(cases.size() == 164, path << " holds " << cases.size() << " cases, the suite has 164");

  // The "technically valid" addresses this form accepts on purpose (see the header comment).
  const std::set<std::string> accepted_technical = {"166"};  // test@org

  std::map<std::string, std::pair<int, int>> accepted_of_total;  // category -> {accepted, total}
  for (const IsemailCase& c : cases) {
    const support::EmailSyntaxError error = support::check_email_syntax(c.address);
    const bool accepted = error == support::EmailSyntaxError::none;
    auto& counts = accepted_of_total[c.category];
    counts.first += accepted ? 1 : 0;
    counts.second += 1;
    CAPTURE(c.id);
    CAPTURE(c.address);
    CAPTURE(support::email_syntax_error_name(error));
    if (c.category == "ISEMAIL_VALID_CATEGORY" || c.category == "ISEMAIL_DNSWARN") {
      CHECK(accepted);
    } else if (c.category == "ISEMAIL_ERR") {
      CHECK_FALSE(accepted);
    } else {
      CHECK(accepted == (accepted_technical.count(c.id) == 1));
    }
  }
  std::printf("isemail suite (%zu addresses), accepted per category:\n", cases.size());
  for (const auto& [category, counts] : accepted_of_total) {
    std::printf("  %-24s %3d of %3d\n", category.c_str(), counts.first, counts.second);
  }
}
