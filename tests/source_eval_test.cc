// The source/claim scorer of claimx-eval (tools/eval/source_eval.h) on
// synthetic gold and predictions, and the validity of the hand-annotated
// gold over the Wikinews corpus (corpora/fr/source/EVAL.md).
#include <filesystem>
#include <fstream>
#include <set>

#include <unistd.h>

#include <catch2/catch.hpp>

#include "tests/test_util.h"
#include "tools/eval/source_eval.h"

namespace claimx {
namespace {

namespace fs = std::filesystem;
using eval::DocumentPrediction;
using eval::GoldClaim;
using eval::PredictedClaim;
using eval::SourceGold;

GoldClaim Gold(std::string id, Span span, std::string name, std::string form = "name",
               std::vector<std::string> aliases = {}, std::string type = "direct") {
  GoldClaim c;
  c.id = std::move(id);
  c.doc = "d";
  c.type = std::move(type);
  c.span = span;
  c.source.name = std::move(name);
  c.source.aliases = std::move(aliases);
  c.source.type = "person";
  c.speaker_form = std::move(form);
  return c;
}

PredictedClaim Found(Span span, std::optional<std::string> source, std::string type = "direct") {
  return PredictedClaim{std::move(type), span, std::move(source)};
}

eval::SourceReport Score(std::vector<GoldClaim> gold, std::vector<PredictedClaim> found) {
  SourceGold g{{"d"}, std::move(gold)};
  return eval::ScoreSources(g, {DocumentPrediction{"d", "", std::move(found)}});
}

TEST_CASE("Sha1Prefix8 is the start of the SHA-1 sha1sum prints", "[sources][eval]") {
  CHECK(eval::Sha1Prefix8("") == "da39a3ee");
  CHECK(eval::Sha1Prefix8("abc") == "a9993e36");
  // Two blocks of padding: 56 bytes and more.
  CHECK(eval::Sha1Prefix8("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "84983e44");
  CHECK(eval::Sha1Prefix8("« Je suis »") != eval::Sha1Prefix8("« Je suis » "));
}

TEST_CASE("source names compare with case, accents and leading articles folded",
          "[sources][eval]") {
  using eval::NormalizeSourceName;
  CHECK(NormalizeSourceName("l'ONG Airwars") == NormalizeSourceName("ONG Airwars"));
  CHECK(NormalizeSourceName("l’agence Moody’s") == NormalizeSourceName("agence Moody's"));
  CHECK(NormalizeSourceName("Le CERN") == "cern");
  CHECK(NormalizeSourceName("M. Houdré") == NormalizeSourceName("M.Houdre"));
  CHECK(NormalizeSourceName("Gilles-Éric SÉRALINI") == NormalizeSourceName("Gilles-Eric Séralini"));
  // Only a leading article goes; inner words stay.
  CHECK(NormalizeSourceName("Jean-Marie Le Pen") == "jean marie le pen");
  CHECK(NormalizeSourceName("Jean-Marie Le Pen") != NormalizeSourceName("Marine Le Pen"));
  CHECK(NormalizeSourceName("la police") != NormalizeSourceName("la police madrilène"));
  CHECK(NormalizeSourceName(" , ").empty());
}

TEST_CASE("a span matches when the shared bytes are half the longer span", "[sources][eval]") {
  auto spans_matched = [](Span gold, Span found) {
    return Score({Gold("g", gold, "X")}, {Found(found, "X")}).spans.matched;
  };
  // The prediction is shorter.
  CHECK(spans_matched({0, 100}, {0, 50}) == 1);
  CHECK(spans_matched({0, 100}, {0, 49}) == 0);
  CHECK(spans_matched({0, 100}, {50, 150}) == 1);
  CHECK(spans_matched({0, 100}, {51, 150}) == 0);
  // The prediction is longer.
  CHECK(spans_matched({0, 10}, {0, 20}) == 1);
  CHECK(spans_matched({0, 10}, {0, 21}) == 0);
  // Touching is not overlapping; an empty prediction matches nothing.
  CHECK(spans_matched({0, 10}, {10, 20}) == 0);
  CHECK(spans_matched({0, 1}, {0, 0}) == 0);
}

TEST_CASE("a claim needs the span and the source: name or alias", "[sources][eval]") {
  GoldClaim centcom = Gold("g", {10, 60}, "Centcom", "organization",
                           {"commandement militaire américain au Moyen-Orient"});
  SECTION("alias") {
    auto r = Score({centcom}, {Found({12, 60}, "le commandement militaire américain au Moyen-Orient")});
    CHECK(r.claims.matched == 1);
    CHECK(r.claims.F1() == 1.0);
    CHECK(r.speaker.Accuracy() == 1.0);
    CHECK(r.errors.empty());
  }
  SECTION("wrong source: the span counts, the claim does not") {
    auto r = Score({centcom}, {Found({12, 60}, "Pentagone")});
    CHECK(r.claims.matched == 0);
    CHECK(r.claims.Precision() == 0);
    CHECK(r.spans.matched == 1);
    CHECK(r.spans.F1() == 1.0);
    CHECK(r.speaker.span_matched == 1);
    CHECK(r.speaker.correct == 0);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].what == "wrong_source");
    CHECK(r.errors[0].gold_source == "Centcom");
    CHECK(r.errors[0].predicted_source == "Pentagone");
  }
  SECTION("no source at all") {
    auto r = Score({centcom}, {Found({10, 60}, std::nullopt)});
    CHECK(r.claims.matched == 0);
    CHECK(r.spans.matched == 1);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].predicted_source == "(none)");
  }
}

TEST_CASE("matching is one-to-one, largest overlap first", "[sources][eval]") {
  SECTION("two predictions on one gold claim: one is spurious") {
    auto r = Score({Gold("g", {0, 100}, "X")}, {Found({0, 60}, "X"), Found({0, 90}, "X")});
    CHECK(r.claims.matched == 1);
    CHECK(r.claims.predicted == 2);
    CHECK(r.claims.Precision() == Approx(0.5));
    CHECK(r.claims.Recall() == 1.0);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].what == "spurious");
    CHECK(r.errors[0].predicted_span == Span{0, 60});  // the larger overlap won
  }
  SECTION("one prediction over two gold claims: one is missed") {
    auto r = Score({Gold("a", {0, 10}, "X"), Gold("b", {10, 20}, "X")}, {Found({0, 20}, "X")});
    CHECK(r.claims.matched == 1);
    CHECK(r.claims.Recall() == Approx(0.5));
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].what == "missed");
    CHECK(r.errors[0].gold_id == "b");
  }
  SECTION("the claim match takes the prediction with the right source") {
    // The wrong-source prediction overlaps more: it wins the span matching
    // (speaker accuracy 0), but the claim match goes to the right source.
    auto r = Score({Gold("g", {0, 100}, "X")}, {Found({0, 100}, "Y"), Found({0, 90}, "X")});
    CHECK(r.claims.matched == 1);
    CHECK(r.spans.matched == 1);
    CHECK(r.speaker.correct == 0);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].what == "spurious");
    CHECK(r.errors[0].predicted_source == "Y");
  }
  SECTION("at equal overlap the span match takes the right source") {
    auto r = Score({Gold("g", {0, 100}, "X")}, {Found({0, 100}, "Y"), Found({0, 100}, "X")});
    CHECK(r.speaker.correct == 1);
    CHECK(r.claims.matched == 1);
  }
}

TEST_CASE("predicted unattributed claims are ignored", "[sources][eval]") {
  auto r = Score({Gold("g", {0, 100}, "X")},
                 {Found({0, 100}, std::nullopt, "unattributed"), Found({200, 300}, std::nullopt, "unattributed")});
  CHECK(r.ignored_unattributed == 2);
  CHECK(r.claims.predicted == 0);
  CHECK(r.spans.matched == 0);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].what == "missed");
}

TEST_CASE("speaker accuracy is counted per gold speaker_form", "[sources][eval]") {
  auto r = Score({Gold("p", {0, 50}, "Barack Obama", "pronoun"),
                  Gold("t", {100, 150}, "Barack Obama", "title"),
                  Gold("n", {200, 250}, "John Kerry", "name")},
                 {Found({0, 50}, "Barack Obama"), Found({100, 150}, "il")});
  CHECK(r.speaker_by_form.at("pronoun").Accuracy() == 1.0);
  CHECK(r.speaker_by_form.at("title").span_matched == 1);
  CHECK(r.speaker_by_form.at("title").Accuracy() == 0.0);
  CHECK(r.speaker_by_form.at("name").gold == 1);
  CHECK(r.speaker_by_form.at("name").span_matched == 0);
  CHECK(r.speaker.Accuracy() == Approx(0.5));
  CHECK(r.claims.Recall() == Approx(1.0 / 3));
}

TEST_CASE("a document with no claim in the gold still counts predictions", "[sources][eval]") {
  SourceGold gold{{"empty", "full"}, {Gold("g", {0, 10}, "X")}};
  gold.claims[0].doc = "full";
  auto r = eval::ScoreSources(
      gold, {DocumentPrediction{"empty", "", {Found({0, 10}, "X")}},
             DocumentPrediction{"full", "", {Found({0, 10}, "X")}},
             DocumentPrediction{"not_in_gold", "", {Found({0, 10}, "X")}}});
  CHECK(r.documents == 2);
  CHECK(r.claims.predicted == 2);  // the document outside the gold is not scored
  CHECK(r.claims.matched == 1);
  CHECK(r.claims_by_doc.at("empty").predicted == 1);
  CHECK(r.claims_by_doc.at("empty").matched == 0);
}

// A path in the temporary directory that no concurrent test run shares.
fs::path TempPath(const std::string& name) {
  return fs::temp_directory_path() / (name + "." + std::to_string(::getpid()));
}

// Writes `lines` to a temporary gold file and loads it.
Result<SourceGold> LoadLines(const std::vector<std::string>& lines) {
  fs::path file = TempPath("claimx_source_gold_test.jsonl");
  {
    std::ofstream out(file);
    for (const auto& l : lines) out << l << "\n";
  }
  auto gold = eval::LoadSourceGold(file.string());
  fs::remove(file);
  return gold;
}

const char* kHeader = R"({"kind": "header", "documents": ["d"]})";
std::string ClaimLine(const std::string& form = "pronoun", const std::string& cue =
                      R"({"start": 0, "end": 2, "sha1": "0123abcd"})",
                      const std::string& doc = "d") {
  return R"({"kind": "claim", "id": "d.01", "doc": ")" + doc +
         R"(", "type": "direct", "start": 3, "end": 9, "sha1": "89abcdef", "cue": )" + cue +
         R"(, "source": {"name": "Barack Obama", "type": "person"}, "speaker_form": ")" + form +
         R"("})";
}

TEST_CASE("LoadSourceGold reads claims and refuses bad ones naming the line", "[sources][eval]") {
  auto ok = LoadLines({kHeader, ClaimLine()});
  REQUIRE(ok.ok());
  REQUIRE(ok->claims.size() == 1);
  CHECK(ok->claims[0].span == Span{3, 9});
  CHECK(ok->claims[0].cue == Span{0, 2});
  CHECK(ok->claims[0].line == 2);

  auto bad_form = LoadLines({kHeader, ClaimLine("nickname")});
  REQUIRE_FALSE(bad_form.ok());
  CHECK_THAT(bad_form.status().message(), Catch::Contains(":2:") && Catch::Contains("nickname"));
  auto context_with_cue = LoadLines({kHeader, ClaimLine("context")});
  CHECK_FALSE(context_with_cue.ok());
  CHECK(LoadLines({kHeader, ClaimLine("context", "null")}).ok());
  auto unknown_doc = LoadLines({kHeader, ClaimLine("name", "null", "other")});
  REQUIRE_FALSE(unknown_doc.ok());
  CHECK_THAT(unknown_doc.status().message(), Catch::Contains("other"));
  CHECK_FALSE(LoadLines({ClaimLine()}).ok());                        // no header first
  CHECK_FALSE(LoadLines({kHeader, ClaimLine(), ClaimLine()}).ok());  // duplicate id
  CHECK_FALSE(LoadLines({kHeader, R"({"kind": "claim", "id": "x"})"}).ok());
}

TEST_CASE("CheckGoldClaim detects a text that changed under the gold", "[sources][eval]") {
  GoldClaim c = Gold("d.01", {4, 7}, "X");
  c.sha1 = eval::Sha1Prefix8("def");
  CHECK(eval::CheckGoldClaim(c, "abc def ghi").ok());
  Status changed = eval::CheckGoldClaim(c, "abc deF ghi");
  REQUIRE_FALSE(changed.ok());
  CHECK_THAT(changed.message(), Catch::Contains("d.01") && Catch::Contains("corpus change"));
  CHECK_FALSE(eval::CheckGoldClaim(c, "abc d").ok());  // span past the end
}

// ---------------------------------------------------------------------------
// The committed gold.

std::string GoldPath() {
  return std::string(CLAIMX_CORPORA_DIR) + "/fr/source/eval_wikinews.jsonl";
}

fs::path WikinewsDir() { return fs::path(CLAIMX_SHARED_DIR) / "corpora" / "fr" / "wikinews"; }

TEST_CASE("the Wikinews source gold is well formed", "[sources][eval][gold]") {
  auto gold = eval::LoadSourceGold(GoldPath());
  REQUIRE(gold.ok());
  CHECK(gold->documents.size() == 15);
  // EVAL.md and docs/eval/sources.md give the statistics of these claims.
  CHECK(gold->claims.size() == 69);
  for (const GoldClaim& a : gold->claims) {
    INFO(a.id);
    CHECK(a.id.rfind(a.doc + ".", 0) == 0);
    for (const GoldClaim& b : gold->claims) {
      if (&a != &b && a.doc == b.doc) CHECK_FALSE(a.span.Overlaps(b.span));
    }
  }
}

TEST_CASE("the Wikinews source gold matches the corpus bytes", "[sources][eval][gold]") {
  if (!fs::exists(WikinewsDir() / "index.jsonl")) {
    WARN("no Wikinews corpus at " << WikinewsDir() << ": skipped");
    return;
  }
  auto gold = eval::LoadSourceGold(GoldPath());
  REQUIRE(gold.ok());
  std::map<std::string, std::string> texts;
  for (const std::string& doc : gold->documents) {
    texts[doc] = testing::ReadFile(WikinewsDir() / (doc + ".txt"));
  }
  auto is_space = [](char c) { return c == ' ' || c == '\n'; };
  for (const GoldClaim& c : gold->claims) {
    INFO(c.id << " line " << c.line);
    const std::string& text = texts.at(c.doc);
    Status checked = eval::CheckGoldClaim(c, text);
    INFO(checked.message());
    REQUIRE(checked.ok());
    // Spans are trimmed: no statement or cue starts or ends on a space, and
    // the bytes the gold fingerprints are whole UTF-8 characters.
    std::string_view statement = c.span.Of(text);
    CHECK_FALSE(is_space(statement.front()));
    CHECK_FALSE(is_space(statement.back()));
    CHECK((static_cast<unsigned char>(statement.front()) & 0xC0) != 0x80);
    CHECK((static_cast<unsigned char>(text[c.span.end]) & 0xC0) != 0x80);
    // A statement does not run over a paragraph break; its cue sits in the
    // same paragraph (EVAL.md).
    CHECK(statement.find("\n\n") == std::string_view::npos);
    if (c.cue) {
      Span between{std::min(c.cue->start, c.span.start), std::max(c.cue->end, c.span.end)};
      CHECK(between.Of(text).find("\n\n") == std::string_view::npos);
    }
  }
}

TEST_CASE("the development golds load and match their corpora's bytes",
          "[sources][eval][gold]") {
  // docs/eval/sources.md gives these counts.
  struct Dev {
    const char* file;
    const char* corpus;
    size_t documents;
    size_t claims;
  };
  for (const Dev& dev : {Dev{"eval_dev_wikinews.jsonl", "wikinews", 30, 131},
                         Dev{"eval_dev_ftib.jsonl", "ftib", 12, 49},
                         Dev{"eval_dev2_wikinews.jsonl", "wikinews", 21, 20},
                         Dev{"eval_dev2_ftib.jsonl", "ftib", 17, 8}}) {
    INFO(dev.file);
    auto gold = eval::LoadSourceGold(std::string(CLAIMX_CORPORA_DIR) + "/fr/source/" + dev.file);
    REQUIRE(gold.ok());
    CHECK(gold->documents.size() == dev.documents);
    CHECK(gold->claims.size() == dev.claims);
    const fs::path dir = fs::path(CLAIMX_SHARED_DIR) / "corpora" / "fr" / dev.corpus;
    if (!fs::exists(dir / "index.jsonl")) {
      WARN("no corpus at " << dir << ": byte check skipped");
      continue;
    }
    for (const GoldClaim& c : gold->claims) {
      INFO(c.id << " line " << c.line);
      Status checked = eval::CheckGoldClaim(c, testing::ReadFile(dir / (c.doc + ".txt")));
      INFO(checked.message());
      CHECK(checked.ok());
    }
  }
}

TEST_CASE("the gold scores itself perfectly, and pronoun names as wrong speakers",
          "[sources][eval][gold]") {
  auto gold = eval::LoadSourceGold(GoldPath());
  REQUIRE(gold.ok());
  std::vector<DocumentPrediction> exact, pronouns;
  for (const std::string& doc : gold->documents) {
    exact.push_back({doc, "", {}});
    pronouns.push_back({doc, "", {}});
  }
  for (const GoldClaim& c : gold->claims) {
    auto doc = std::find(gold->documents.begin(), gold->documents.end(), c.doc) - gold->documents.begin();
    exact[size_t(doc)].claims.push_back(Found(c.span, c.source.aliases.empty() ? c.source.name : c.source.aliases.back(), c.type));
    pronouns[size_t(doc)].claims.push_back(Found(c.span, "il", c.type));
  }
  auto perfect = eval::ScoreSources(*gold, exact);
  CHECK(perfect.claims.F1() == 1.0);
  CHECK(perfect.speaker.Accuracy() == 1.0);
  CHECK(perfect.errors.empty());
  auto unresolved = eval::ScoreSources(*gold, pronouns);
  CHECK(unresolved.spans.F1() == 1.0);
  CHECK(unresolved.claims.matched == 0);
  CHECK(unresolved.speaker_by_form.at("pronoun").Accuracy() == 0.0);
  CHECK(unresolved.errors.size() == gold->claims.size());
}

TEST_CASE("EvaluateSources annotates the gold documents and refuses a changed corpus",
          "[sources][eval][gold]") {
  if (!fs::exists(WikinewsDir() / "index.jsonl")) {
    WARN("no Wikinews corpus at " << WikinewsDir() << ": skipped");
    return;
  }
  auto gold = eval::LoadSourceGold(GoldPath());
  REQUIRE(gold.ok());
  std::vector<DocumentPrediction> predictions;
  auto report = eval::EvaluateSources(testing::ProjectAnnotator(), *gold, WikinewsDir().string(),
                                      &predictions);
  REQUIRE(report.ok());
  CHECK(report->documents == 15);
  CHECK(report->claims.gold == 69);
  CHECK(predictions.size() == 15);

  // A copy of the corpus where one annotated statement lost a byte.
  fs::path copy = TempPath("claimx_source_eval_corpus");
  fs::remove_all(copy);
  fs::create_directories(copy);
  fs::copy_file(WikinewsDir() / "index.jsonl", copy / "index.jsonl");
  for (const std::string& doc : gold->documents) {
    fs::copy_file(WikinewsDir() / (doc + ".txt"), copy / (doc + ".txt"));
  }
  const GoldClaim& first = gold->claims.front();
  std::string text = testing::ReadFile(copy / (first.doc + ".txt"));
  text.erase(first.span.start, 1);
  std::ofstream(copy / (first.doc + ".txt"), std::ios::binary) << text;
  auto broken = eval::EvaluateSources(testing::ProjectAnnotator(), *gold, copy.string());
  REQUIRE_FALSE(broken.ok());
  CHECK_THAT(broken.status().message(), Catch::Contains(first.id));
  fs::remove_all(copy);
}

}  // namespace
}  // namespace claimx
