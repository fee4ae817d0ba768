// Hostile article text: markup and script, terminal escapes, bidi overrides,
// emoji where digits and quote marks are expected, invalid UTF-8 dressed up
// as digits. Every emitter keeps it inert: the JSON stays one well-formed
// line carrying the exact bytes, the text view carries nothing that acts on
// a terminal, and invalid encodings never turn into the characters they
// pretend to be.
#include <sstream>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "extractor/emit_json.h"
#include "extractor/emit_text.h"
#include "tests/test_util.h"

namespace claimx {
namespace {

using testing::ProjectAnnotator;

AnnotatedDocument AnnotateOk(const std::string& text) {
  auto doc = ProjectAnnotator().Annotate(text, {"hostile", "2016-11-10"});
  REQUIRE(doc.ok());
  return std::move(doc).value();
}

std::string TextView(const std::string& text, bool color) {
  AnnotatedDocument doc = AnnotateOk(text);
  std::ostringstream out;
  WriteText(out, doc, text, TextOptions{color, 80});
  return out.str();
}

// Byte sequences that act on a terminal or reorder what it shows.
const std::vector<std::string>& TerminalControls() {
  static const std::vector<std::string> controls = {
      "\x1b", "\x07", "\x08", "\r", std::string(1, '\0'), "\x7f",
      "\xC2\x9B",      // U+009B, the 8-bit CSI
      "\xC2\x9D",      // U+009D, the 8-bit OSC
      "\xE2\x80\xAE",  // U+202E RIGHT-TO-LEFT OVERRIDE
      "\xE2\x80\xAD",  // U+202D LEFT-TO-RIGHT OVERRIDE
      "\xE2\x80\xAB",  // U+202B RIGHT-TO-LEFT EMBEDDING
      "\xE2\x81\xA6",  // U+2066 LEFT-TO-RIGHT ISOLATE
      "\xE2\x81\xA7",  // U+2067 RIGHT-TO-LEFT ISOLATE
      "\xE2\x81\xA9",  // U+2069 POP DIRECTIONAL ISOLATE
      "\xE2\x80\x8F",  // U+200F RIGHT-TO-LEFT MARK
      "\xD8\x9C",      // U+061C ARABIC LETTER MARK
  };
  return controls;
}

const std::string kHostile =
    "Le maire a d\u00E9clar\u00E9 \u00AB\u00A0<script>alert(\"x\")</script>"
    "\u00A0\u00BB le 3 ao\u00FBt 2014.\n"
    "\x1b]0;pwned\x07 Il y a eu 12 morts \x1b[2J\xC2\x9B" "2J \xE2\x80\xAE"
    "stnom 000 31\xE2\x80\xAC \xE2\x81\xA6" "Paris\xE2\x81\xA9 et \xD8\x9C\x08\x08\x08"
    "\r1500 bless\u00E9s.\n"
    "<img src=x onerror=alert(1)> \\\" \\u0000 </p>\u2028 42 %.\n";

TEST_CASE("no terminal or bidi control from the article reaches the text view",
          "[hostile]") {
  for (bool color : {false, true}) {
    std::string view = TextView(kHostile, color);
    INFO("color " << color << "\n" << view);
    for (const std::string& control : TerminalControls()) {
      if (color && control == "\x1b") {
        // Our own colour codes are the only escapes: ESC '[' digits ';' 'm'.
        for (size_t at = view.find('\x1b'); at != std::string::npos;
             at = view.find('\x1b', at + 1)) {
          size_t end = view.find('m', at);
          REQUIRE(end != std::string::npos);
          std::string code = view.substr(at + 1, end - at - 1);
          CHECK(code[0] == '[');
          CHECK(code.find_first_not_of("[0123456789;") == std::string::npos);
        }
        continue;
      }
      CHECK(view.find(control) == std::string::npos);
    }
    CHECK(view.find("12") != std::string::npos);  // the text is still shown
  }
}

TEST_CASE("markup and script in the article stay inert in the JSON", "[hostile]") {
  AnnotatedDocument doc = AnnotateOk(kHostile);
  std::string json = DumpJson(DocumentToJson(doc, kHostile), -1);
  CHECK(json.find('\n') == std::string::npos);
  // Nothing from the article can close a JSON string early: every '"' and
  // '\' it held is escaped, every control is \u-escaped.
  for (char c : json) CHECK(static_cast<unsigned char>(c) >= 0x20);
  auto parsed = nlohmann::json::parse(json);
  REQUIRE(!parsed["mentions"].empty());
  for (const auto& m : parsed["mentions"]) {
    size_t start = m["start"], end = m["end"];
    CHECK(m["text"] == kHostile.substr(start, end - start));
  }
}

TEST_CASE("4-byte emoji inside numbers split them at code point boundaries",
          "[hostile]") {
  const std::string text =
      "Il y a 1\U0001F600" "000 euros, 3,\U0001F4A5" "5 % et \u00AB\U0001F600"
      " 12 \U0001F600\u00BB le 1\U0001F600 mai.";
  AnnotatedDocument doc = AnnotateOk(text);
  std::string json = DumpJson(DocumentToJson(doc, text), -1);
  auto parsed = nlohmann::json::parse(json);
  for (const auto& m : parsed["mentions"]) {
    size_t start = m["start"], end = m["end"];
    INFO(m.dump());
    // Never a span that cuts a 4-byte sequence, never a number read across
    // the emoji ("1😀000" is not 1000).
    CHECK((static_cast<unsigned char>(text[start]) & 0xC0) != 0x80);
    CHECK((end == text.size() ||
           (static_cast<unsigned char>(text[end]) & 0xC0) != 0x80));
    CHECK(m["text"] == text.substr(start, end - start));
    if (m["kind"] == "quantity" && m["value"].is_number()) {
      CHECK(m["value"] != 1000);
      CHECK(m["value"] != 35);
    }
  }
  CHECK(doc.info.normalization.invalid_utf8 == 0);
}

TEST_CASE("overlong encodings and surrogates are invalid, not the characters "
          "they spell", "[hostile]") {
  // Overlong "12" (C0 B1 C0 B2), overlong '%' (E0 80 A5), a CESU-style
  // surrogate pair for U+1F600, and U+110000.
  const std::string text =
      "Il y a \xC0\xB1\xC0\xB2 morts, 5\xE0\x80\xA5 et \xED\xA0\xBD\xED\xB8\x80"
      " \xF4\x90\x80\x80 fin.";
  AnnotatedDocument doc = AnnotateOk(text);
  CHECK(doc.info.normalization.invalid_utf8 >= 4 + 3 + 6 + 4);
  CHECK(doc.info.normalization.first_invalid_offset == text.find('\xC0'));
  std::string json = DumpJson(DocumentToJson(doc, text), -1);
  auto parsed = nlohmann::json::parse(json);  // valid UTF-8 out
  for (const auto& m : parsed["mentions"]) {
    INFO(m.dump());
    CHECK(m["value"] != 12);
    if (m.contains("unit")) CHECK(m["unit"] != "%");
  }
  CHECK(json.find("\xED\xA0") == std::string::npos);
  std::string view = TextView(text, false);
  CHECK(view.find("\xC0\xB1") == std::string::npos);
  CHECK(view.find("\xED\xA0\xBD") == std::string::npos);
}

// A rule file is data a user may edit or download: loading it is bounded too.
// Every load error, one per line.
std::string LoadErrors(const std::string& yaml) {
  std::vector<RuleError> errors;
  auto book = RuleBook::LoadFromText(yaml, "hostile.yaml", &errors);
  REQUIRE(!book.ok());
  REQUIRE(!errors.empty());
  std::string all;
  for (const RuleError& e : errors) all += e.ToString() + "\n";
  return all;
}

// A rule whose pattern is `pattern`, with the example every rule needs.
std::string RuleYaml(const std::string& id, const std::string& pattern) {
  return "rules:\n  - id: " + id + "\n    pattern: '" + pattern +
         "'\n    examples:\n      - {text: 'x 12 y', match: '12'}\n";
}

TEST_CASE("a rule file loads from text like from disk", "[hostile][rules]") {
  auto book = RuleBook::LoadFromText(
      "dimension: quantity\n" + RuleYaml("fr.quantity.x", "\\d+"), "text.yaml");
  REQUIRE(book.ok());
  const RuleSet* set = (*book)->Dimension("quantity");
  REQUIRE(set != nullptr);
  std::string_view text = "il y a 12 morts";
  auto matches = set->FindAll(text, Span{0, text.size()});
  REQUIRE(matches.size() == 1);
  CHECK(matches[0].span.Of(text) == "12");
}

TEST_CASE("a megabyte rule id is refused without deep recursion", "[hostile][rules]") {
  std::string id = "fr.quantity." + std::string(1 << 20, 'a') + "!";
  CHECK_THAT(LoadErrors("dimension: quantity\n" + RuleYaml(id, "x")),
             Catch::Contains("id must look like"));
}

TEST_CASE("defines that double at every level are refused, not expanded",
          "[hostile][rules]") {
  std::string yaml = "dimension: quantity\ndefines:\n  d0: 'abcdefgh'\n";
  for (int i = 1; i <= 30; ++i) {
    yaml += "  d" + std::to_string(i) + ": '{{d" + std::to_string(i - 1) +
            "}}{{d" + std::to_string(i - 1) + "}}'\n";
  }
  yaml += RuleYaml("fr.quantity.bomb", "{{d30}}");
  CHECK_THAT(LoadErrors(yaml), Catch::Contains("expands to over"));
}

TEST_CASE("a chain of defines deeper than the bound is refused", "[hostile][rules]") {
  std::string yaml = "dimension: quantity\ndefines:\n  d0: 'x'\n";
  for (int i = 1; i <= 10000; ++i) {
    yaml += "  d" + std::to_string(i) + ": '{{d" + std::to_string(i - 1) + "}}'\n";
  }
  yaml += RuleYaml("fr.quantity.chain", "{{d10000}}");
  CHECK_THAT(LoadErrors(yaml), Catch::Contains("nests defines over"));
}

TEST_CASE("deeply nested YAML is an error, not a stack overflow", "[hostile][rules]") {
  std::string yaml = "dimension: quantity\nrules: " + std::string(100000, '[') +
                     std::string(100000, ']') + "\n";
  CHECK_THAT(LoadErrors(yaml), Catch::Contains("hostile.yaml"));
}

}  // namespace
}  // namespace claimx
