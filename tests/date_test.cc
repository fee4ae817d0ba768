#include "extractor/date.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "extractor/emit_json.h"
#include "tests/test_util.h"
#include "tools/eval/scorer.h"

namespace claimx {
namespace {

namespace fs = std::filesystem;
using testing::ProjectAnnotator;
using testing::ReadFile;
using testing::SeedPath;

std::vector<nlohmann::ordered_json> DateMentions(std::string_view text,
                                                 std::optional<std::string> date) {
  auto doc = ProjectAnnotator().Annotate(text, {"case", std::move(date)});
  REQUIRE(doc.ok());
  std::vector<nlohmann::ordered_json> out;
  for (const Mention& m : doc->mentions) {
    if (m.kind == MentionKind::kDate) out.push_back(MentionToJson(m, text));
  }
  return out;
}

const nlohmann::ordered_json* FindText(const std::vector<nlohmann::ordered_json>& found,
                                       std::string_view text) {
  for (const auto& m : found) {
    if (m["text"] == text) return &m;
  }
  return nullptr;
}

TEST_CASE("document dates parse only when they are calendar dates", "[date]") {
  using namespace std::chrono;
  CHECK(ParseIsoDate("2016-11-10") == year_month_day{year(2016), November, day(10)});
  CHECK(ParseIsoDate("2016-02-29").has_value());
  CHECK_FALSE(ParseIsoDate("2015-02-29"));
  CHECK_FALSE(ParseIsoDate("2016-13-01"));
  CHECK_FALSE(ParseIsoDate("2016-1-1"));
  CHECK_FALSE(ParseIsoDate(""));
}

// The issue's acceptance list, on the seed article with --date 2016-11-10.
TEST_CASE("the seed article's dates resolve against 2016-11-10", "[date]") {
  std::string seed = ReadFile(SeedPath());
  auto found = DateMentions(seed, "2016-11-10");
  struct Want {
    const char* text;
    const char* value;
    const char* type;
    std::optional<std::string> mod;
  };
  for (const Want& w : {Want{"2014", "2014", "date", std::nullopt},
                        Want{"mercredi", "2016-11-09", "date", std::nullopt},
                        Want{"août 2014", "2014-08", "date", std::nullopt},
                        Want{"il y a plus de deux ans", "P2Y", "duration", "AFTER"},
                        Want{"fin 2015", "2015", "date", "END"},
                        Want{"septembre 2016", "2016-09", "date", std::nullopt},
                        Want{"les douze derniers mois", "P12M", "duration", std::nullopt}}) {
    INFO(w.text);
    const auto* m = FindText(found, w.text);
    REQUIRE(m != nullptr);
    CHECK((*m)["value"] == w.value);
    CHECK((*m)["type"] == w.type);
    CHECK((*m)["mod"] == (w.mod ? nlohmann::ordered_json(*w.mod) : nlohmann::ordered_json()));
  }
  const auto* since = FindText(found, "2014");
  REQUIRE(since->contains("range"));
  CHECK((*since)["range"]["start"] == "2014");
  CHECK((*since)["range"]["end"] == "2016-11-10");
  CHECK(FindText(found, "Washington") == nullptr);
  CHECK(found.size() == 7);
}

// Runs every case of corpora/fr/date/*.jsonl (format in its README).
TEST_CASE("date regression corpus", "[date][corpus]") {
  fs::path dir = fs::path(CLAIMX_CORPORA_DIR) / "fr" / "date";
  size_t cases = 0;
  cases = testing::ForEachCorpusCase(dir, [&](const nlohmann::json& c) {
    const std::string text = c["text"];
    std::optional<std::string> date = "2016-11-10";
    if (c.contains("date")) {
      date = c["date"].is_null() ? std::nullopt
                                 : std::optional<std::string>(c["date"].get<std::string>());
    }
    auto found = DateMentions(text, date);
    for (const auto& want : c.value("expect", nlohmann::json::array())) {
      INFO("expected mention " << want.dump());
      const auto* m = FindText(found, want["text"].get<std::string>());
      CHECK(m != nullptr);
      if (m == nullptr) continue;
      for (const auto& [key, value] : want.items()) {
        if (key == "range" && value.is_null()) {
          CHECK_FALSE(m->contains("range"));
          continue;
        }
        INFO("field " << key << " is " << (m->contains(key) ? (*m)[key].dump() : "absent"));
        CHECK((m->contains(key) && testing::SameField((*m)[key], value)));
      }
    }
    for (const auto& reject : c.value("reject", nlohmann::json::array())) {
      CHECK(FindText(found, reject.get<std::string>()) == nullptr);
    }
    if (c.value("exhaustive", false)) {
      std::string all;
      for (const auto& m : found) all += m.dump() + "\n";
      INFO("found:\n" << all);
      CHECK(found.size() == c.value("expect", nlohmann::json::array()).size());
    }
  });
  CHECK(cases >= 60);
}

TEST_CASE("an anaphoric date takes the last stated period of its unit", "[date]") {
  SECTION("a month from a time, a year from a season") {
    auto found = DateMentions(
        "Le 3 mars 2015 à 14 h, il est arrivé. Ce mois-là, il pleuvait. "
        "L'hiver 2013 fut rude. Cette année-là, il gela.",
        "2016-11-10");
    const auto* month = FindText(found, "Ce mois-là");
    REQUIRE(month != nullptr);
    CHECK((*month)["value"] == "2015-03");
    const auto* year = FindText(found, "Cette année-là");
    REQUIRE(year != nullptr);
    CHECK((*year)["value"] == "2013");
  }
  SECTION("a day after a year, or after nothing but durations, is unknown") {
    auto found = DateMentions("En 2006, il arrive. Ce jour-là, il pleut.", "2016-11-10");
    CHECK(FindText(found, "Ce jour-là") == nullptr);
    found = DateMentions("Il est resté trois ans. Cette année-là, il pleut.", "2016-11-10");
    CHECK(FindText(found, "Cette année-là") == nullptr);
    CHECK(FindText(found, "Cette année") == nullptr);  // not the document's year
  }
  SECTION("a decade later in the sentence is no period to refer to") {
    // The annotator picks the sentence's last date that StateLastDate
    // keeps: both ask NamesCalendarPeriod, so "201" does not hide 2006.
    auto found = DateMentions(
        "Il arrive en 2006, au seuil des années 2010. Cette année-là, il pleut.", "2016-11-10");
    const auto* year = FindText(found, "Cette année-là");
    REQUIRE(year != nullptr);
    CHECK((*year)["value"] == "2006");
    CHECK_FALSE(NamesCalendarPeriod("201"));
    CHECK(NamesCalendarPeriod("2016-W45"));
  }
  SECTION("StateLastDate keeps calendar values only") {
    DateContext context;
    StateLastDate("2016-11-10T14:00", &context);
    StateLastDate("P3Y", &context);
    StateLastDate("XXXX-07-14", &context);
    StateLastDate("PRESENT_REF", &context);
    CHECK(context.last_stated == "2016-11-10T14:00");
  }
}

TEST_CASE("repeated relative words stay linear and every one resolves", "[date][bad_input]") {
  // A ratio, not a wall-clock limit: 4x the input must cost about 4x the
  // time (quadratic work would cost 16x), whatever the machine's load.
  // Best of three runs per size keeps a noisy neighbour out of the ratio.
  auto best_seconds = [](int words, size_t* found) {
    std::string text;
    for (int i = 0; i < words; ++i) text += "hier ";
    double best = 1e9;
    for (int round = 0; round < 3; ++round) {
      auto start = std::chrono::steady_clock::now();
      *found = DateMentions(text, "2016-11-10").size();
      best = std::min(best, std::chrono::duration<double>(
                                std::chrono::steady_clock::now() - start).count());
    }
    return best;
  };
  size_t small_found = 0, large_found = 0;
  const double small = best_seconds(25000, &small_found);
  const double large = best_seconds(100000, &large_found);
  CHECK(small_found == 25000);
  CHECK(large_found == 100000);
  CHECK(large < 10 * std::max(small, 1e-3));
}

TEST_CASE("long runs of digits and date-like noise are not dates", "[date][bad_input]") {
  for (std::string text : {std::string(100000, '9'), std::string("le ") + std::string(5000, '3') + " mars",
                           std::string("99999"), std::string(20000, '/'), std::string("31/31/31/31")}) {
    CHECK(DateMentions(text, "2016-11-10").empty());
  }
}

// The project's common, number and date rule files plus `extra_rules` (a
// rule file's text), loaded from a temporary directory named `name`.
std::shared_ptr<const RuleBook> DateRulesWith(const char* name, const char* extra_rules) {
  fs::path dir = fs::temp_directory_path() / name;
  fs::create_directories(dir);
  for (const char* file : {"common.yaml", "numbers.yaml", "date.yaml"}) {
    fs::copy_file(fs::path(CLAIMX_RULES_DIR) / "fr" / file, dir / file,
                  fs::copy_options::overwrite_existing);
  }
  std::ofstream(dir / "zz.yaml") << extra_rules;
  auto book = RuleBook::Load(dir.string());
  fs::remove_all(dir);
  INFO((book.ok() ? std::string() : book.status().message()));
  REQUIRE(book.ok());
  return *book;
}

TEST_CASE("a date rule with an unknown kind is refused with its id", "[date]") {
  auto book = DateRulesWith("claimx_date_bad_kind", R"(dimension: date
rules:
  - id: fr.date.strange
    pattern: 'bientôt'
    set: {kind: someday}
    examples: ["bientôt"]
)");
  auto recognizer = DateRecognizer::Create(*book);
  CHECK_FALSE(recognizer.ok());
  CHECK_THAT(recognizer.status().message(), Catch::Contains("fr.date.strange"));
}

// RE2 and PCRE2 take the first alternative that lets the pattern match;
// the word boundary after a date rule is part of its pattern, so a short
// alternative written first ("an" before "années") does not stop a match
// inside a word, at a sentence's end either.
TEST_CASE("a date rule's alternatives end at a word, whatever their order", "[date][rules]") {
  auto book = DateRulesWith("claimx_date_short_first", R"(dimension: date
rules:
  - id: fr.date.short_first
    pattern: '[Pp]our (?P<count>{{count_number}}) (?P<unit>an|ans|année|années)'
    set: {kind: duration}
    examples: ["pour deux années"]
)");
  auto recognizer = DateRecognizer::Create(*book);
  REQUIRE(recognizer.ok());
  DateContext context;
  context.document_date = ParseIsoDate("2016-11-10");
  for (std::string text : {"Il est parti pour deux années en Inde.",
                           "Il est parti pour deux années."}) {
    std::vector<Mention> found;
    recognizer->Recognize(text, Span{0, text.size() - 1}, context, &found);
    INFO(text);
    REQUIRE(found.size() == 1);
    CHECK(found[0].span.Of(text) == "pour deux années");
    CHECK(found[0].rule == "fr.date.short_first");
  }
}

TEST_CASE("tables are lookups and defines, case-folded", "[date][rules]") {
  const RuleBook& rules = ProjectAnnotator().rules();
  const Table* month = rules.FindTable("month");
  REQUIRE(month != nullptr);
  CHECK(month->Lookup("Août") == "8");
  CHECK(month->Lookup("AOÛT") == "8");
  CHECK_FALSE(month->Lookup("mardi"));
  REQUIRE(rules.ExpandedDefine("month"));
  CHECK_THAT(*rules.ExpandedDefine("month"), Catch::Contains("septembre"));
}

// The floors reached on the French TimeBank (docs/eval/dates.md); the test
// fails when a rule change loses ground. Skipped when ../shared is absent.
TEST_CASE("FTiB extraction F1 and value accuracy hold their floors", "[date][eval]") {
  fs::path ftib = fs::path(CLAIMX_SHARED_DIR) / "corpora" / "fr" / "ftib";
  if (!fs::exists(ftib / "index.jsonl")) {
    WARN("no FTiB corpus at " << ftib << ": skipped");
    return;
  }
  auto cases = eval::LoadFtib(ftib.string());
  REQUIRE(cases.ok());
  auto report = eval::Evaluate(ProjectAnnotator(), "ftib", *cases, {});
  INFO(eval::FormatReport(report));
  CHECK(report.cases == 29);
  CHECK(report.total.gold == 85);
  CHECK(report.total.F1(report.total.overlap) >= 0.93);
  CHECK(report.total.F1(report.total.exact) >= 0.91);
  CHECK(report.total.ValueAccuracy() >= 0.93);
}

}  // namespace
}  // namespace claimx
