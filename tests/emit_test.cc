#include "extractor/emit_json.h"
#include "extractor/emit_text.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <random>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "tests/test_util.h"

namespace claimx {
namespace {

using testing::ProjectAnnotator;
using testing::ReadFile;
using testing::SeedPath;

// The checked-in golden output of `claimx annotate --format json --date
// 2016-11-10` on the seed article. Run the tests with CLAIMX_UPDATE_GOLDEN=1
// to rewrite it after an intended change, then review the diff.
TEST_CASE("seed article JSON matches the golden file", "[emit][golden]") {
  std::string seed = ReadFile(SeedPath());
  auto doc = ProjectAnnotator().Annotate(seed, {"afp_frappes_civils", "2016-11-10"});
  REQUIRE(doc.ok());
  std::string actual = DumpJson(DocumentToJson(*doc, seed), 2) + "\n";
  std::string golden_path =
      std::string(CLAIMX_CORPORA_DIR) + "/fr/examples/afp_frappes_civils.golden.json";
  if (const char* update = std::getenv("CLAIMX_UPDATE_GOLDEN"); update && *update == '1') {
    std::ofstream(golden_path, std::ios::binary) << actual;
  }
  CHECK(actual == ReadFile(golden_path));
}

TEST_CASE("JSON output carries the original bytes and escapes what it must",
          "[emit]") {
  std::string text = "<script>alert(\"x\")</script> 12 \"morts\"\n";
  auto doc = ProjectAnnotator().Annotate(text, {"x", std::nullopt});
  REQUIRE(doc.ok());
  std::string json = DumpJson(DocumentToJson(*doc, text), -1);
  CHECK(json.find('\n') == std::string::npos);  // one line: JSONL-safe
  auto parsed = nlohmann::json::parse(json);
  CHECK(parsed["schema"] == "claimx/1");
  // Two straight-quoted passages, then the figure between them.
  REQUIRE(parsed["mentions"].size() == 3);
  CHECK(parsed["mentions"][0]["text"] == "\"x\"");
  CHECK(parsed["mentions"][1]["text"] == "12");
  CHECK(parsed["mentions"][1]["value"].is_number_integer());
  CHECK(parsed["mentions"][2]["text"] == "\"morts\"");
  CHECK(parsed["mentions"][2]["kind"] == "quote");
}

TEST_CASE("invalid UTF-8 in a mention's text is replaced in JSON, offsets exact",
          "[emit]") {
  std::string text = "12\xFF";
  Mention m;
  m.id = "m1";
  m.span = {0, 3};
  m.rule = "fr.quantity.test";
  m.value = QuantityValue{};
  std::string json = DumpJson(MentionToJson(m, text), -1);
  auto parsed = nlohmann::json::parse(json);
  CHECK(parsed["text"] == "12\uFFFD");
  CHECK(parsed["end"] == 3);
}

// The direct JSONL writer must give the tree's bytes exactly: every corpus
// text, texts with what JSON must escape or cannot carry (invalid UTF-8,
// control characters, quotes, backslashes) and random mixes of them, with
// and without the batch's extra doc fields.
TEST_CASE("the direct JSON line writer gives the tree's bytes", "[emit]") {
  const Annotator& annotator = ProjectAnnotator();
  auto check = [&](const std::string& text, const std::optional<std::string>& date) {
    auto doc = annotator.Annotate(text, {"id \"q\"\\", date});
    REQUIRE(doc.ok());
    nlohmann::ordered_json tree = DocumentToJson(*doc, text);
    std::string direct;
    AppendDocumentJsonLine(*doc, text, {}, &direct);
    CHECK(direct == DumpJson(tree, -1));
    tree["doc"]["content_hash"] = "ab\x01";
    tree["doc"]["title"] = "Titre « \xC3";
    std::string with_extra;
    AppendDocumentJsonLine(*doc, text, {{"content_hash", "ab\x01"}, {"title", "Titre « \xC3"}},
                           &with_extra);
    CHECK(with_extra == DumpJson(tree, -1));
  };
  namespace fs = std::filesystem;
  const fs::path corpora = fs::path(CLAIMX_SHARED_DIR) / "corpora";
  REQUIRE(fs::is_directory(corpora));
  size_t texts = 0;
  for (const auto& entry : fs::recursive_directory_iterator(corpora)) {
    if (entry.path().extension() != ".txt") continue;
    INFO(entry.path());
    check(ReadFile(entry.path().string()), "2016-11-10");
    ++texts;
  }
  CHECK(texts > 50);
  check("« Il y a eu 12 morts\t\x01 », a déclaré \"le\\ préfet\" à Paris le 3 mars 2016.\r\n",
        std::nullopt);
  check("Selon l'ONU, 40 % des \xFF\xFE écoles \xC3\x28 sont fermées \xED\xA0\x80 depuis 2014.",
        "2016-11-10");
  const std::vector<std::string> pieces = {
      "Selon l'ONU, ", "12 morts", " à Paris", " le 3 mars 2016", ", a déclaré Jean Dupont. ",
      "« ", " »", "\"", "\\", "\x01", "\x1f", "\x7f", "\xC3", "\xE2\x80", "\xF0\x9F\x98\x80",
      "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\n", "\t", "2,5 milliards d'euros", "é"};
  std::mt19937 random(20261203);
  for (int i = 0; i < 300; ++i) {
    std::string text;
    const int count = 1 + static_cast<int>(random() % 24);
    for (int k = 0; k < count; ++k) text += pieces[random() % pieces.size()];
    INFO(text);
    check(text, "2016-11-10");
  }
}

// The writer reads strings eight bytes at a time where they are plain
// ASCII: each byte that needs care, at each place in and around a block.
TEST_CASE("the direct JSON line writer escapes at every place in a string", "[emit]") {
  const std::string text = "Selon l'ONU, 12 morts.";
  auto doc = ProjectAnnotator().Annotate(text, {"id", "2016-11-10"});
  REQUIRE(doc.ok());
  const std::vector<std::string> specials = {"\"", "\\", "\x01", "\x1f", " ", "\x7f", "\n",
                                             "é", "\xE2\x82\xAC", "\xC3", "\xED\xA0\x80", "~"};
  for (const std::string& special : specials) {
    for (size_t at = 0; at <= 17; ++at) {
      const std::string value = std::string(at, 'a') + special + std::string(17 - at, 'b');
      INFO("special " << nlohmann::json(nlohmann::json::binary_t(
                             std::vector<uint8_t>(special.begin(), special.end())))
                      << " at " << at);
      nlohmann::ordered_json tree = DocumentToJson(*doc, text);
      tree["doc"]["title"] = value;
      std::string direct;
      AppendDocumentJsonLine(*doc, text, {{"title", value}}, &direct);
      CHECK(direct == DumpJson(tree, -1));
    }
  }
}

// The writer writes doubles itself, as nlohmann's serializer would: each
// kind of value a figure may hold, at the edges of integer, fixed and
// exponent notation, and those JSON has no number for.
TEST_CASE("the direct JSON line writer writes numbers as the tree does", "[emit]") {
  const std::string text = "Selon l'ONU, 12 morts.";
  auto doc = ProjectAnnotator().Annotate(text, {"id", "2016-11-10"});
  REQUIRE(doc.ok());
  auto quantity = std::find_if(doc->mentions.begin(), doc->mentions.end(), [](const Mention& m) {
    return std::holds_alternative<QuantityValue>(m.value);
  });
  REQUIRE(quantity != doc->mentions.end());
  REQUIRE(!doc->claims.empty());
  const double values[] = {0.0, -0.0, 0.1, -2.5, 1.0 / 3, 12.0, 1e15, 1e16, 1e17,
                           9007199254740992.0, 9007199254740994.0, -9007199254740994.0, 1e21,
                           1e300, 1.7976931348623157e308, 1e-4, 1e-5, 1e-7, 5e-324,
                           2.2250738585072014e-308, 123456.789,
                           std::numeric_limits<double>::quiet_NaN(),
                           std::numeric_limits<double>::infinity(),
                           -std::numeric_limits<double>::infinity()};
  for (const double value : values) {
    INFO("value " << value);
    auto& figure = std::get<QuantityValue>(quantity->value);
    figure.value = value;
    figure.low = -value;
    figure.high = value / 7;
    doc->claims.front().confidence = value;  // a double, written as one ("12.0")
    std::string direct;
    AppendDocumentJsonLine(*doc, text, {}, &direct);
    CHECK(direct == DumpJson(DocumentToJson(*doc, text), -1));
  }
}

// The writer fills a scratch buffer of its thread, then appends to the
// string it was given: after what the string holds, whatever the length of
// the line (one past the buffer it keeps, then short ones again).
TEST_CASE("the direct JSON line writer appends lines of any length", "[emit]") {
  const std::string text = "Selon l'ONU, 12 morts.";
  auto doc = ProjectAnnotator().Annotate(text, {"id", "2016-11-10"});
  REQUIRE(doc.ok());
  for (size_t title_bytes : {size_t{0}, size_t{70000}, size_t{5} << 20, size_t{3}}) {
    INFO("title of " << title_bytes << " bytes");
    const std::string title(title_bytes, 'x');
    nlohmann::ordered_json tree = DocumentToJson(*doc, text);
    tree["doc"]["title"] = title;
    std::string line = "held\n";
    AppendDocumentJsonLine(*doc, text, {{"title", title}}, &line);
    CHECK(line == "held\n" + DumpJson(tree, -1));
  }
}

TEST_CASE("text view marks mentions without colour when asked", "[emit]") {
  std::string seed = ReadFile(SeedPath());
  auto doc = ProjectAnnotator().Annotate(seed, {"seed", "2016-11-10"});
  REQUIRE(doc.ok());
  std::ostringstream out;
  WriteText(out, *doc, seed, TextOptions{false, 80});
  std::string view = out.str();
  CHECK(view.find('\x1b') == std::string::npos);
  CHECK(view.find("[1787]") != std::string::npos);
  CHECK(view.find("fr.quantity.percent") != std::string::npos);
  // Wrapped at 80 columns.
  std::istringstream lines(view);
  for (std::string line; std::getline(lines, line);) {
    size_t columns = 0;
    for (unsigned char c : line) columns += (c & 0xC0) != 0x80;
    INFO(line);
    CHECK(columns <= 80);
  }
}

TEST_CASE("escape sequences in the article never reach the terminal", "[emit]") {
  std::string text = "Attention \x1b]0;pwned\x07 12 morts \x1b[2J.";
  auto doc = ProjectAnnotator().Annotate(text, {"x", std::nullopt});
  REQUIRE(doc.ok());
  std::ostringstream out;
  WriteText(out, *doc, text, TextOptions{true, 80});
  std::string view = out.str();
  CHECK(view.find("\x1b]") == std::string::npos);
  CHECK(view.find("\x1b[2J") == std::string::npos);
  CHECK(view.find('\x07') == std::string::npos);
  CHECK(view.find("\x1b[") != std::string::npos);  // our own colours are there
}

}  // namespace
}  // namespace claimx
