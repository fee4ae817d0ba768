#include "extractor/quantity.h"

#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "extractor/annotator.h"
#include "extractor/emit_json.h"
#include "tests/test_util.h"

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
  CHECK_FALSE(ParseFrenchDigits("0.200"));      // no thousands after a zero
  CHECK_FALSE(ParseFrenchDigits("2,"));
  CHECK_FALSE(ParseFrenchDigits(""));
  CHECK_FALSE(ParseFrenchDigits("12a"));
}

NumberWords ProjectNumberWords() {
  auto book = RuleBook::Load(std::string(CLAIMX_RULES_DIR) + "/fr");
  REQUIRE(book.ok());
  NumberWords words;
  for (const auto& [word, value] : *(*book)->Lexicon("number_words")) {
    words[word] = std::stod(value);
  }
  return words;
}

TEST_CASE("decimal figures times a scale word are the whole numbers written", "[quantity]") {
  const NumberWords words = ProjectNumberWords();
  // Exact equality: 66.6 * 1e6 is 66599999.99999999 in binary.
  CHECK(ParseFrenchNumber("66,6 millions", words) == 66600000.0);
  CHECK(ParseFrenchNumber("2,3 milliards", words) == 2300000000.0);
  CHECK(ParseFrenchNumber("0,7 million", words) == 700000.0);
  CHECK(ParseFrenchNumber("un million et demi", words) == 1500000.0);
  CHECK(ParseFrenchNumber("2 milliards et demi", words) == 2500000000.0);
  CHECK_FALSE(ParseFrenchNumber("trois et demi", words).has_value());
  CHECK(Scaled(66.6, 1e6) == 66600000.0);
  CHECK(Scaled(0.5, 3) == 1.5);  // not a whole number: kept as is
}

TEST_CASE("a zero in digits before a scale word is zero", "[quantity]") {
  const NumberWords words = ProjectNumberWords();
  CHECK(ParseFrenchNumber("0 million", words) == 0.0);  // was 1 000 000
  CHECK(ParseFrenchNumber("mille", words) == 1000.0);   // a scale alone is one of it
  CHECK(ParseFrenchNumber("2 millions", words) == 2000000.0);
}

TEST_CASE("French number words compose to their value", "[quantity]") {
  const NumberWords words = ProjectNumberWords();
  auto parse = [&](const char* text) { return ParseFrenchNumber(text, words); };
  CHECK(parse("huit") == 8);
  CHECK(parse("dix-sept") == 17);
  CHECK(parse("vingt et un") == 21);
  CHECK(parse("soixante et onze") == 71);
  CHECK(parse("soixante-dix") == 70);
  CHECK(parse("soixante-dix-neuf") == 79);
  CHECK(parse("quatre-vingts") == 80);
  CHECK(parse("quatre-vingt-dix-neuf") == 99);
  CHECK(parse("cent") == 100);
  CHECK(parse("cent un") == 101);
  CHECK(parse("deux cents") == 200);
  CHECK(parse("deux-cent-vingt") == 220);  // 1990 spelling
  CHECK(parse("mille") == 1000);
  CHECK(parse("mille deux cents") == 1200);
  CHECK(parse("dix-sept cents") == 1700);
  CHECK(parse("trois cent mille") == 300000);
  CHECK(parse("deux millions trois cent mille") == 2300000);
  CHECK(parse("deux millions mille") == 2001000);
  CHECK(parse("trois millions") == 3000000);
  CHECK(parse("deux milliards") == 2000000000);
  CHECK(parse("Septante-cinq") == 75);
  CHECK(parse("huitante") == 80);
  CHECK(parse("nonante-neuf") == 99);
  CHECK(parse("2,5 milliards") == 2500000000);
  CHECK(parse("1,2 milliard") == 1200000000);
  CHECK(parse("94 000") == 94000);
  // Digits alone take a shorter path: the same values, trailing spaces
  // dropped, malformed groups refused.
  CHECK(parse("1 787,5 ") == 1787.5);
  CHECK(parse("1.787.000") == 1787000);
  CHECK_FALSE(parse("94 00"));
  CHECK_FALSE(parse("1.787,000.5"));
}

TEST_CASE("word sequences that are not one number are refused", "[quantity]") {
  const NumberWords words = ProjectNumberWords();
  auto parse = [&](const char* text) { return ParseFrenchNumber(text, words); };
  CHECK_FALSE(parse("deux trois"));
  CHECK_FALSE(parse("cent cent"));
  CHECK_FALSE(parse("mille mille"));
  CHECK_FALSE(parse("vingt trente"));
  CHECK_FALSE(parse("huit dix"));
  CHECK_FALSE(parse("pommes"));
  CHECK_FALSE(parse(""));
}

TEST_CASE("the prefilter passes sentences with a digit or a table word", "[quantity]") {
  QuantityPrefilter prefilter;
  for (const char* word : {"millions", "an", "tiers", "dizaine", "km"}) prefilter.AddWord(word);
  const std::string long_word(40, 'x');
  prefilter.AddWord(long_word);
  CHECK(prefilter.MayHoldQuantity("il y a 3 blessés"));
  CHECK(prefilter.MayHoldQuantity("Trois MILLIONS d'habitants"));  // ASCII case folded
  CHECK(prefilter.MayHoldQuantity("depuis un an."));
  CHECK(prefilter.MayHoldQuantity("une quarante-dizaine"));  // hyphens split words
  CHECK(prefilter.MayHoldQuantity("(km)"));
  CHECK(prefilter.MayHoldQuantity("mot " + long_word + " mot"));
  // Same first letter, other lengths or other words: the gate and the hash
  // both turn them away.
  CHECK_FALSE(prefilter.MayHoldQuantity("l'antenne annonce ans"));
  CHECK_FALSE(prefilter.MayHoldQuantity("mot " + std::string(39, 'x') + "y mot"));
  CHECK_FALSE(prefilter.MayHoldQuantity("Rien à compter ici."));
  CHECK_FALSE(prefilter.MayHoldQuantity(""));
}

TEST_CASE("entity lemmas are singular and lower case", "[quantity]") {
  std::map<std::string, std::string> exceptions = {{"pays", "pays"},
                                                   {"travaux", "travail"}};
  CHECK(EntityLemma("victimes civiles", exceptions) == "victime civile");
  CHECK(EntityLemma("Civils", exceptions) == "civil");
  CHECK(EntityLemma("hôpitaux", exceptions) == "hôpital");
  CHECK(EntityLemma("demandeurs d'emploi", exceptions) == "demandeur d'emploi");
  CHECK(EntityLemma("chiffre d'affaires", exceptions) == "chiffre d'affaires");
  CHECK(EntityLemma("pays européens", exceptions) == "pays européen");
  CHECK(EntityLemma("travaux", exceptions) == "travail");
  CHECK(EntityLemma("adresse", exceptions) == "adresse");
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

std::vector<Mention> QuantitiesIn(const std::string& text) {
  auto doc = testing::ProjectAnnotator().Annotate(text, {"case", "2016-11-10"});
  REQUIRE(doc.ok());
  std::vector<Mention> quantities;
  for (const Mention& m : doc->mentions) {
    if (m.kind == MentionKind::kQuantity) quantities.push_back(m);
  }
  return quantities;
}

TEST_CASE("a duration and the time quantity over it point at each other",
          "[quantity][link]") {
  const std::string text = "Sur les douze derniers mois, 64 civils sont morts.";
  auto doc = testing::ProjectAnnotator().Annotate(text, {"case", "2016-11-10"});
  REQUIRE(doc.ok());
  const Mention* duration = nullptr;
  const Mention* months = nullptr;
  const Mention* count = nullptr;
  for (const Mention& m : doc->mentions) {
    if (m.kind == MentionKind::kDate) duration = &m;
    if (m.kind == MentionKind::kQuantity) (m.span.Of(text) == "64" ? count : months) = &m;
  }
  REQUIRE(duration != nullptr);
  REQUIRE(months != nullptr);
  REQUIRE(count != nullptr);
  CHECK(std::get<DateValue>(duration->value).value == "P12M");
  CHECK(std::get<QuantityValue>(months->value).unit == "mo");
  CHECK(duration->link == months->id);
  CHECK(months->link == duration->id);
  CHECK_FALSE(count->link);
}

TEST_CASE("a 500-digit number is no quantity", "[quantity][bad_input]") {
  // Past 15 digits a figure is a code: refused, not rounded.
  CHECK(QuantitiesIn("il y a " + std::string(500, '9') + " morts").empty());
  CHECK_FALSE(ParseFrenchDigits(std::string(500, '9')));
}

TEST_CASE("a digit count over 15 with a scale word is no quantity", "[quantity][bad_input]") {
  CHECK(QuantitiesIn("9999999999999999999999 milliards d'euros").empty());
  CHECK(QuantitiesIn("9999999999999999999999 milliards").empty());
  // The largest figure kept: 15 digits times a scale stays finite and exact
  // enough to print.
  auto kept = QuantitiesIn("999999999999999 milliards d'euros");
  REQUIRE(kept.size() == 1);
  CHECK(std::get<QuantityValue>(kept[0].value).value == 999999999999999e9);
}

TEST_CASE("100 000 comma-separated digits give no quantity, in linear time",
          "[quantity][bad_input]") {
  // "1,2,3,4,5,..." is a list, not decimals: no "1,2" is read out of it.
  // A quadratic scan would not finish within the test timeout.
  std::string text = "compter ";
  for (int i = 0; i < 100000; ++i) {
    text += std::to_string(i % 10);
    text += ',';
  }
  text += " fin";
  CHECK(QuantitiesIn(text).empty());
}

// Runs every case of corpora/fr/quantity/*.jsonl (format in its README).
TEST_CASE("quantity regression corpus", "[quantity][corpus]") {
  const Annotator& annotator = testing::ProjectAnnotator();
  fs::path dir = fs::path(CLAIMX_CORPORA_DIR) / "fr" / "quantity";
  size_t cases = 0;
  cases = testing::ForEachCorpusCase(dir, [&](const nlohmann::json& c) {
    const std::string text = c["text"];
    auto doc = annotator.Annotate(text, {"case", c.value("date", "2016-11-10")});
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
        CHECK(testing::SameField((*it)[key], value));
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
  });
  CHECK(cases >= 30);
}

}  // namespace
}  // namespace claimx
