#include "extractor/place.h"

#include <sys/mman.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <variant>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "extractor/emit_json.h"
#include "extractor/normalizer.h"
#include "tests/test_util.h"

namespace claimx {
namespace {

namespace fs = std::filesystem;
using testing::ProjectAnnotator;
using testing::ReadFile;
using testing::SeedPath;

std::string GazetteerDir() {
  return std::string(CLAIMX_RULES_DIR) + "/fr/gazetteers";
}

TEST_CASE("place keys fold case, accents and hyphens", "[place]") {
  CHECK(FoldPlaceKey("États-Unis") == FoldPlaceKey("Etats Unis"));
  CHECK(FoldPlaceKey("ÉTATS-UNIS") == "etats unis");
  CHECK(FoldPlaceKey("Saint-Étienne") == "saint etienne");
  CHECK(FoldPlaceKey("Côte d'Ivoire") == "cote d' ivoire");
  CHECK(FoldPlaceKey("Yabrūd") == "yabrud");
  CHECK(FoldPlaceKey("Œuf") == "œuf");
}

TEST_CASE("the project gazetteers load quickly", "[place]") {
  auto start = std::chrono::steady_clock::now();
  auto places = PlaceRecognizer::Load(GazetteerDir());
  double ms = std::chrono::duration<double, std::milli>(
                  std::chrono::steady_clock::now() - start).count();
  REQUIRE(places.ok());
  CHECK(places->entry_count() > 25000);
  // The bound is 200 ms; leave room for a loaded CI machine and
  // sanitizer builds.
  CHECK(ms < 2000);
}

void WriteFile(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

TEST_CASE("a malformed gazetteer row is an error naming file and line",
          "[place]") {
  fs::path dir = fs::temp_directory_path() / "claimx_place_bad";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string header =
      "id\tname\tvariants\ttype\tcountry\tadmin1\tlat\tlon\tpopulation\tsource\n";
  WriteFile(dir / "a.tsv", header + "x:1\tAlep\t\tcity\tSY\t\t36.2\t37.1\t\thand\n" +
                               "x:2\tRaqa\t\tcity\tsyria\t\t\t\t\thand\n");
  auto bad_country = PlaceRecognizer::Load(dir.string());
  REQUIRE_FALSE(bad_country.ok());
  CHECK(bad_country.status().code() == StatusCode::kInvalidArgument);
  CHECK_THAT(bad_country.status().message(), Catch::Contains("a.tsv:3"));

  WriteFile(dir / "a.tsv", header + "x:1\tAlep\tcity\tSY\n");
  auto short_row = PlaceRecognizer::Load(dir.string());
  REQUIRE_FALSE(short_row.ok());
  CHECK_THAT(short_row.status().message(), Catch::Contains("a.tsv:2"));

  WriteFile(dir / "a.tsv", header + "x:1\tAlep\t\tcity\tSY\t\t360\t37\t\thand\n");
  CHECK_FALSE(PlaceRecognizer::Load(dir.string()).ok());

  WriteFile(dir / "a.tsv", header);
  WriteFile(dir / "b.tsv", "phrase\tpolicy\tnote\nNice\tmaybe\t\n");
  auto bad_policy = PlaceRecognizer::Load(dir.string());
  REQUIRE_FALSE(bad_policy.ok());
  CHECK_THAT(bad_policy.status().message(), Catch::Contains("b.tsv:2"));

  fs::remove_all(dir);
  CHECK(PlaceRecognizer::Load(dir.string()).status().code() ==
        StatusCode::kNotFound);
}

TEST_CASE("the seed article yields its places, demonyms and no place in "
          "Amnesty International",
          "[place]") {
  std::string seed = ReadFile(SeedPath());
  auto doc = ProjectAnnotator().Annotate(seed, {"seed", "2016-11-10"});
  REQUIRE(doc.ok());
  std::vector<std::string> found;
  for (const Mention& m : doc->mentions) {
    if (m.kind != MentionKind::kPlace) continue;
    const auto& v = std::get<PlaceValue>(m.value);
    found.push_back(std::string(m.span.Of(seed)) + "=" + v.name + "/" +
                    v.country.value_or("-") + "/" + v.type +
                    (v.metonymy ? "/" + *v.metonymy : ""));
    CHECK(m.span.Of(seed).find("Amnesty") == std::string_view::npos);
  }
  CHECK(found == std::vector<std::string>{
      "américains=États-Unis/US/demonym", "Irak=Irak/IQ/country",
      "Syrie=Syrie/SY/country", "américains=États-Unis/US/demonym",
      "Washington=Washington/US/city/government",
      "États-Unis=États-Unis/US/country", "Londres=Londres/GB/city",
      "Irak=Irak/IQ/country", "Syrie=Syrie/SY/country",
      "Syrie=Syrie/SY/country", "Mossoul=Mossoul/IQ/city",
      "Irak=Irak/IQ/country", "Raqa=Raqa/SY/city", "Syrie=Syrie/SY/country",
      "américaines=États-Unis/US/demonym", "américain=États-Unis/US/demonym",
      "Moyen-Orient=Moyen-Orient/-/area", "États-Unis=États-Unis/US/country",
      "États-Unis=États-Unis/US/country", "Russes=Russie/RU/demonym",
      "Syrie=Syrie/SY/country", "Washington=Washington/US/city/government",
      "syriens=Syrie/SY/demonym", "russes=Russie/RU/demonym",
      "Alep=Alep/SY/city"});
}

// Runs every case of corpora/fr/place/*.jsonl (format in its README).
// Recognize() scans the words of plain text itself and tokenizes only
// around the words that may start a name; RecognizeEveryToken() looks up
// every token. They must agree mention for mention.
std::vector<std::string> PlaceMentionsOf(const std::vector<Mention>& mentions) {
  std::vector<std::string> out;
  for (const Mention& m : mentions) {
    const auto& v = std::get<PlaceValue>(m.value);
    out.push_back(std::to_string(m.span.start) + "-" + std::to_string(m.span.end) + " " +
                  m.rule + " " + v.name + " " + v.country.value_or("") + " " + v.type +
                  " " + v.metonymy.value_or(""));
  }
  return out;
}

void CheckScanAgrees(const PlaceRecognizer& places, std::string_view text, Span range) {
  std::vector<Mention> fast;
  std::vector<Mention> plain;
  places.Recognize(text, range, &fast);
  places.RecognizeEveryToken(text, range, &plain);
  CHECK(PlaceMentionsOf(fast) == PlaceMentionsOf(plain));
}

TEST_CASE("the word scan finds what looking up every token finds", "[place]") {
  auto places = PlaceRecognizer::Load(GazetteerDir());
  REQUIRE(places.ok());

  SECTION("every line of the shared corpora, normalized") {
    const fs::path corpora = fs::path(CLAIMX_SHARED_DIR) / "corpora";
    REQUIRE(fs::is_directory(corpora));  // ../shared is part of the checkout CI runs
    size_t lines = 0;
    size_t mentions = 0;
    for (const auto& entry : fs::recursive_directory_iterator(corpora)) {
      if (entry.path().extension() != ".txt") continue;
      const std::string text = Normalize(ReadFile(entry.path().string())).text;
      INFO(entry.path());
      size_t start = 0;
      while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        CheckScanAgrees(*places, text, Span{start, end});
        std::vector<Mention> found;
        places->Recognize(text, Span{start, end}, &found);
        mentions += found.size();
        ++lines;
        start = end + 1;
      }
    }
    CHECK(lines > 500);
    CHECK(mentions > 500);
  }

  SECTION("words as long as the scan's 64-byte blocks, and longer") {
    // A run of letters that fills a whole block from its first byte (the
    // scan loads a block where a word starts), with names around it.
    for (size_t n : {63, 64, 65, 127, 128, 200}) {
      const std::string run(n, 'a');
      for (const std::string& text :
           {run + " Paris", "Paris " + run + " Syrie", run + "é Irak", "en " + run}) {
        INFO("text: " << text);
        CheckScanAgrees(*places, text, Span{0, text.size()});
      }
    }
  }

  SECTION("random text of names, articles, marks and other scripts") {
    const std::vector<std::string> pieces = {
        "Paris", "France", "la", "La", "le", "Le", "Mans", "les", "Les", "l'", "L'",
        "d'", "qu'", "Irak", "Syrie", "Barceloneta", "Vila", "de", "Gràcia", "à",
        "au", "en", "Saint", "-", "Étienne", "États", "Unis", "Côte", "Ivoire",
        "français", "française", "Français", "syriens", "est", "timorais", "Yabrūd",
        "Москва", "Ελλάδα", "ß", "×", "\u0301", "\xFF", "\u00A0", "13", "2016",
        "94 000", ",", ".", "«", "»", "'", "  ", "\n", "M.", "Washington", "ne",
        "reconnaît", "Nice", "Amnesty", "International", "NICE", "Œ", "aujourd'hui"};
    const std::vector<std::string> glue = {" ", " ", " ", "", "-", "'", ", "};
    std::mt19937 rng(2026);
    for (int round = 0; round < 20000; ++round) {
      std::string text;
      // One text in four is long enough for the scan's 64-byte blocks
      // (words across a block's edge, blocks past the range's end).
      const int length = 1 + static_cast<int>(rng() % (round % 4 == 0 ? 60 : 12));
      for (int k = 0; k < length; ++k) {
        text += pieces[rng() % pieces.size()];
        text += glue[rng() % glue.size()];
      }
      INFO("text: " << text);
      CheckScanAgrees(*places, text, Span{0, text.size()});
      // A range inside the text: its edges cut words and characters.
      const size_t a = rng() % (text.size() + 1);
      const size_t b = a + rng() % (text.size() - a + 1);
      CheckScanAgrees(*places, text, Span{a, b});
    }
  }
}

TEST_CASE("a name the document gives a storm or a person is no place elsewhere in it",
          "[place]") {
  // The annotator drops them after the last sentence; the links between a
  // duration and its time quantity, held as indices, must follow.
  const std::string text =
      "L'ouragan Sandy a frappé. Le passage de Sandy a été bref. Il vit à Sandy. "
      "Sur les douze derniers mois, 64 civils sont morts.";
  auto doc = ProjectAnnotator().Annotate(text, {"case", "2016-11-10"});
  REQUIRE(doc.ok());
  std::vector<size_t> places;
  const Mention* duration = nullptr;
  const Mention* months = nullptr;
  for (const Mention& m : doc->mentions) {
    if (m.kind == MentionKind::kPlace) places.push_back(m.span.start);
    if (m.kind == MentionKind::kDate) duration = &m;
    if (m.kind == MentionKind::kQuantity && m.span.Of(text) != "64") months = &m;
  }
  // Only "à Sandy": a preposition only a place takes.
  CHECK(places == std::vector<size_t>{text.find("Sandy. Sur")});
  REQUIRE(duration != nullptr);
  REQUIRE(months != nullptr);
  CHECK(duration->link == months->id);
  CHECK(months->link == duration->id);
}

TEST_CASE("place regression corpus", "[place][corpus]") {
  const Annotator& annotator = ProjectAnnotator();
  fs::path dir = fs::path(CLAIMX_CORPORA_DIR) / "fr" / "place";
  size_t cases = 0;
  cases = testing::ForEachCorpusCase(dir, [&](const nlohmann::json& c) {
    const std::string text = c["text"];
    auto doc = annotator.Annotate(text, {"case", std::nullopt});
    REQUIRE(doc.ok());
    std::vector<nlohmann::ordered_json> found;
    for (const Mention& m : doc->mentions) {
      if (m.kind == MentionKind::kPlace) found.push_back(MentionToJson(m, text));
    }
    size_t next = 0;
    for (const auto& want : c.value("expect", nlohmann::json::array())) {
      auto it = std::find_if(found.begin() + static_cast<long>(next), found.end(),
                             [&](const auto& m) { return m["text"] == want["text"]; });
      INFO("expected mention " << want.dump());
      REQUIRE(it != found.end());
      next = static_cast<size_t>(it - found.begin()) + 1;
      for (const auto& [key, value] : want.items()) {
        INFO("field " << key << " is " << (it->contains(key) ? (*it)[key].dump() : "absent"));
        REQUIRE(it->contains(key));
        CHECK(testing::SameField((*it)[key], value));
      }
    }
    for (const auto& reject : c.value("reject", nlohmann::json::array())) {
      for (const auto& m : found) {
        INFO("rejected text found: " << m.dump());
        CHECK(m["text"].get<std::string>().find(reject.get<std::string>()) ==
              std::string::npos);
      }
    }
    if (c.value("exhaustive", false)) {
      INFO("found " << found.size() << " places");
      CHECK(found.size() == c.value("expect", nlohmann::json::array()).size());
    }
  }, "eval_");
  CHECK(cases >= 25);
}

}  // namespace
}  // namespace claimx

namespace claimx {
namespace {

// The 64-byte scan must not read past the text: each text here ends right
// before a page the process may not read, so an over-read crashes the test
// in any build (ASan or not). Words of every length end there, crossing
// the scan's block ends at every offset.
TEST_CASE("the word scan reads nothing past the end of the text", "[place]") {
  auto places = PlaceRecognizer::Load(GazetteerDir());
  REQUIRE(places.ok());
  const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  void* mapped = mmap(nullptr, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                      -1, 0);
  REQUIRE(mapped != MAP_FAILED);
  char* base = static_cast<char*>(mapped);
  REQUIRE(mprotect(base + page, page, PROT_NONE) == 0);
  const std::vector<std::string> words = {"la",    "Syrie",   "villes", "Saint-Étienne",
                                          "d'Alep", "française", "Royaume-Uni", "au",
                                          "constitutionnellement", "Moyen-Orient", "x"};
  std::mt19937 random(64);
  size_t mentions = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    const size_t length = 20 + random() % 300;
    while (text.size() < length) {
      text += words[random() % words.size()];
      text += random() % 7 == 0 ? ", " : " ";
    }
    text += words[random() % words.size()];  // the last word touches the end
    if (text.size() > page) continue;
    char* start = base + page - text.size();
    std::memcpy(start, text.data(), text.size());
    const std::string_view view(start, text.size());
    std::vector<Mention> found;
    places->Recognize(view, Span{0, view.size()}, &found);
    mentions += found.size();
  }
  CHECK(mentions > 0);
  munmap(mapped, 2 * page);
}

}  // namespace
}  // namespace claimx
