#include "extractor/emit_json.h"
#include "extractor/emit_text.h"

#include <cstdlib>
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
