#include "extractor/quantity.h"

#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "extractor/annotator.h"
#include "extractor/emit_json.h"

namespace claimx {
namespace {

namespace fs = std::filesystem;

TEST_CASE("French digit literals parse to their value", "[quantity]") {
  CHECK(ParseFrenchDigits("1787") == 1787);
  CHECK(ParseFrenchDigits("94 000") == 94000);
  CHECK(ParseFrenchDigits("1 787 000") == 1787000);
  CHECK(ParseFrenchDigits("1.787.000") == 1787000);
  CHECK(ParseFrenchDigits("2,5") == 2.5);
  CHECK(ParseFrenchDigits("1 787,5") == 1787.5);
  CHECK(ParseFrenchDigits("0,8") == 0.8);
}

TEST_CASE("malformed digit literals are refused", "[quantity]") {
  CHECK_FALSE(ParseFrenchDigits("49.3"));       // a dot must group 3 digits
  CHECK_FALSE(ParseFrenchDigits("1 78 000"));   // inner group of 2
  CHECK_FALSE(ParseFrenchDigits("1234 000"));   // leading group of 4
  CHECK_FALSE(ParseFrenchDigits("1 787.000"));  // mixed separators
  CHECK_FALSE(ParseFrenchDigits("2,"));
  CHECK_FALSE(ParseFrenchDigits(""));
  CHECK_FALSE(ParseFrenchDigits("12a"));
}

TEST_CASE("a quantity rule without a number group is refused", "[quantity]") {
  fs::path dir = fs::temp_directory_path() / "claimx_quantity_no_group";
  fs::create_directories(dir);
  std::ofstream(dir / "quantity.yaml") << R"(dimension: quantity
rules:
  - id: fr.quantity.nameless
    pattern: '\d+'
    examples: ["1"]
)";
  auto book = RuleBook::Load(dir.string());
  REQUIRE(book.ok());
  auto recognizer = QuantityRecognizer::Create(**book);
  CHECK_FALSE(recognizer.ok());
  CHECK_THAT(recognizer.status().message(), Catch::Contains("fr.quantity.nameless"));
  fs::remove_all(dir);
}

std::unique_ptr<Annotator> MakeAnnotator() {
  auto book = RuleBook::Load(std::string(CLAIMX_RULES_DIR) + "/fr");
  REQUIRE(book.ok());
  auto annotator = Annotator::Create(*book);
  REQUIRE(annotator.ok());
  return std::move(annotator).value();
}

bool SameField(const nlohmann::ordered_json& actual, const nlohmann::json& want) {
  if (actual.is_number() && want.is_number()) {
    return actual.get<double>() == want.get<double>();
  }
  return nlohmann::json::parse(actual.dump()) == want;
}

// Runs every case of corpora/fr/quantity/*.jsonl (format in its README).
TEST_CASE("quantity regression corpus", "[quantity][corpus]") {
  auto annotator = MakeAnnotator();
  fs::path dir = fs::path(CLAIMX_CORPORA_DIR) / "fr" / "quantity";
  size_t cases = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".jsonl") continue;
    std::ifstream in(entry.path());
    std::string line;
    size_t line_number = 0;
    while (std::getline(in, line)) {
      ++line_number;
      if (line.empty()) continue;
      auto c = nlohmann::json::parse(line);
      ++cases;
      const std::string text = c["text"];
      INFO(entry.path().filename().string() << ":" << line_number << " "
                                            << c.value("id", ""));
      auto doc = annotator->Annotate(text, {"case", c.value("date", "2016-11-10")});
      REQUIRE(doc.ok());
      std::vector<nlohmann::ordered_json> found;
      for (const Mention& m : doc->mentions) {
        if (m.kind == MentionKind::kQuantity) found.push_back(MentionToJson(m, text));
      }
      size_t matched = 0;
      for (const auto& want : c.value("expect", nlohmann::json::array())) {
        auto it = std::find_if(found.begin(), found.end(), [&](const auto& m) {
          return m["text"] == want["text"];
        });
        INFO("expected mention " << want.dump());
        REQUIRE(it != found.end());
        ++matched;
        for (const auto& [key, value] : want.items()) {
          INFO("field " << key << " is " << (*it)[key].dump());
          CHECK(SameField((*it)[key], value));
        }
      }
      for (const auto& reject : c.value("reject", nlohmann::json::array())) {
        for (const auto& m : found) {
          INFO("rejected text found: " << m.dump());
          CHECK(m["text"] != reject);
        }
      }
      if (c.value("exhaustive", false)) {
        INFO("found " << found.size() << " quantities");
        CHECK(found.size() == matched);
      }
    }
  }
  CHECK(cases >= 20);
}

}  // namespace
}  // namespace claimx
