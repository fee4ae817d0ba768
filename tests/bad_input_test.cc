// Hostile and degenerate inputs: each gives a valid (possibly empty) schema
// v1 document or an error Status, never a crash, a hang or unbounded memory.
#include <random>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "extractor/emit_json.h"
#include "tests/test_util.h"

namespace claimx {
namespace {

using testing::ProjectAnnotator;

// Annotates, emits and parses the JSON back; returns the parsed document.
nlohmann::json RoundTrip(const std::string& input) {
  auto doc = ProjectAnnotator().Annotate(input, {"bad", std::nullopt});
  REQUIRE(doc.ok());
  std::string json = DumpJson(DocumentToJson(*doc, input), -1);
  auto parsed = nlohmann::json::parse(json);  // throws (fails) if invalid
  CHECK(parsed["doc"]["bytes"] == input.size());
  for (const auto& m : parsed["mentions"]) {
    CHECK(m["end"].get<size_t>() <= input.size());
    CHECK(m["start"].get<size_t>() <= m["end"].get<size_t>());
  }
  return parsed;
}

TEST_CASE("an empty document gives an empty valid document", "[bad_input]") {
  auto parsed = RoundTrip("");
  CHECK(parsed["mentions"].empty());
  CHECK(parsed["doc"]["sentences"] == 0);
}

TEST_CASE("whitespace-only documents give no sentence", "[bad_input]") {
  auto parsed = RoundTrip(" \n\n\t \r\n \u00A0\n");
  CHECK(parsed["doc"]["sentences"] == 0);
}

TEST_CASE("a 50 MB single line is handled", "[bad_input][large]") {
  std::string line;
  line.reserve(50u << 20);
  std::mt19937 rng(7);
  while (line.size() < (50u << 20)) line += static_cast<char>('a' + rng() % 26);
  auto parsed = RoundTrip(line);
  CHECK(parsed["mentions"].empty());
  CHECK(parsed["doc"]["sentences"].get<size_t>() >= 1);
}

TEST_CASE("binary garbage is repaired, counted and annotated", "[bad_input]") {
  std::mt19937 rng(99);
  std::string garbage(1 << 20, '\0');
  for (char& c : garbage) c = static_cast<char>(rng() & 0xFF);
  auto parsed = RoundTrip(garbage);
  CHECK(parsed["doc"]["normalization"]["invalid_utf8"].get<size_t>() > 1000);
}

TEST_CASE("invalid UTF-8 in the middle of a word keeps neighbours exact",
          "[bad_input]") {
  std::string text = "Les bombar\xC3\x28" "dements ont tué 1787 ci\xE2\x82" "vils.";
  auto parsed = RoundTrip(text);
  REQUIRE(parsed["mentions"].size() == 1);
  CHECK(parsed["mentions"][0]["text"] == "1787");
  CHECK(parsed["mentions"][0]["start"] == text.find("1787"));
  CHECK(parsed["doc"]["normalization"]["invalid_utf8"] == 2);
}

TEST_CASE("a lone opening guillemet does not disturb extraction", "[bad_input]") {
  auto parsed = RoundTrip("« Il a dit que 12 personnes\n\nUn autre paragraphe, 13 morts.");
  CHECK(parsed["mentions"].size() == 2);
  CHECK(parsed["doc"]["paragraphs"] == 2);
}

TEST_CASE("10 000 nested quotes are handled", "[bad_input]") {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += "« ";
  text += "12 morts";
  for (int i = 0; i < 10000; ++i) text += " »";
  auto parsed = RoundTrip(text);
  REQUIRE(parsed["mentions"].size() == 2);  // the figure and one outer quote
  CHECK(parsed["mentions"][0]["kind"] == "quote");
  CHECK(parsed["mentions"][0]["end"] == text.size());
  CHECK(parsed["mentions"][1]["text"] == "12");
}

TEST_CASE("NUL bytes are treated as spaces, with exact offsets", "[bad_input]") {
  std::string text("12\0morts\0\0 et 13", 16);
  auto parsed = RoundTrip(text);
  REQUIRE(parsed["mentions"].size() == 2);
  CHECK(parsed["mentions"][1]["start"] == 14);
}

TEST_CASE("100 000 digits in a row are no quantity (no finite value)", "[bad_input]") {
  std::string text = "x " + std::string(100000, '7') + " y";
  auto parsed = RoundTrip(text);
  CHECK(parsed["mentions"].empty());
}

}  // namespace
}  // namespace claimx
