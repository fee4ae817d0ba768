#include "extractor/annotator.h"

#include <catch2/catch.hpp>

#include "tests/test_util.h"

namespace claimx {
namespace {

using testing::ProjectAnnotator;
using testing::ReadFile;
using testing::SeedPath;

TEST_CASE("the seed article yields exactly its figures, at exact offsets",
          "[annotator]") {
  std::string seed = ReadFile(SeedPath());
  auto doc = ProjectAnnotator().Annotate(seed, {"seed", "2016-11-10"});
  REQUIRE(doc.ok());
  std::vector<std::string> texts;
  std::vector<const Mention*> quantities;
  for (const Mention& m : doc->mentions) {
    if (m.kind != MentionKind::kQuantity) continue;
    quantities.push_back(&m);
    texts.emplace_back(m.span.Of(seed));
  }
  CHECK(texts == std::vector<std::string>{"jusqu'à 119", "1787", "plus de deux ans",
                                          "au moins 300", "douze derniers mois", "64",
                                          "huit", "environ 80%"});
  REQUIRE(quantities.size() == 8);
  // Offsets are into the original bytes: found independently with find().
  CHECK(quantities[0]->span.start == seed.find("jusqu'à 119 victimes"));
  CHECK(quantities[1]->span.start == seed.find("1787 civils"));
  CHECK(quantities[7]->span.start == seed.find("environ 80%"));
  auto quantity = [&](size_t i) { return std::get<QuantityValue>(quantities[i]->value); };
  CHECK(quantity(0).bound == Bound::kUpTo);
  CHECK(quantity(0).entity == "victimes civiles");
  CHECK(quantity(2).unit == "a");
  CHECK(quantity(2).bound == Bound::kAtLeast);
  CHECK(quantity(3).bound == Bound::kAtLeast);
  CHECK(quantity(3).entity_lemma == "victime civile");
  CHECK(quantity(4).unit == "mo");
  CHECK(quantity(6).value == 8);
  CHECK(quantity(6).entity == "civils");  // "huit autres": from "64 civils"
  CHECK(quantity(7).unit == "%");
  CHECK(quantity(7).approx);
  // Ids number every mention, of every kind, in text order.
  for (size_t i = 0; i < doc->mentions.size(); ++i) {
    CHECK(doc->mentions[i].id == "m" + std::to_string(i + 1));
  }
}

TEST_CASE("the seed article has 13 paragraphs and 14 sentences", "[annotator]") {
  std::string seed = ReadFile(SeedPath());
  auto doc = ProjectAnnotator().Annotate(seed, {"seed", std::nullopt});
  REQUIRE(doc.ok());
  CHECK(doc->paragraphs.size() == 13);
  CHECK(doc->sentences.size() == 14);
  // The colonel's initial does not end a sentence.
  bool thomas_whole = false;
  for (const Span& s : doc->sentences) {
    std::string_view text = s.Of(seed);
    if (text.find("John J. Thomas, un porte-parole") != std::string_view::npos) {
      thomas_whole = true;
    }
  }
  CHECK(thomas_whole);
  for (const Mention& m : doc->mentions) {
    REQUIRE(m.sentence.has_value());
    // A quote may run over several sentences: its sentence holds its start.
    Span evidence = m.kind == MentionKind::kQuote ? Span{m.span.start, m.span.start} : m.span;
    CHECK(doc->sentences[*m.sentence].Contains(evidence));
  }
}

TEST_CASE("a malformed document date is an error", "[annotator]") {
  for (std::string date : {"2016-13-01", "2016-02-30", "10/11/2016", "2016-1-1", ""}) {
    auto doc = ProjectAnnotator().Annotate("12 morts", {"x", date});
    INFO(date);
    CHECK_FALSE(doc.ok());
    CHECK(doc.status().code() == StatusCode::kInvalidArgument);
  }
  CHECK(ProjectAnnotator().Annotate("12 morts", {"x", "2016-02-29"}).ok());
}

TEST_CASE("documents over the byte limit are refused before any work",
          "[annotator]") {
  auto book = RuleBook::Load(std::string(CLAIMX_RULES_DIR) + "/fr");
  REQUIRE(book.ok());
  AnnotatorOptions options;
  options.max_document_bytes = 10;
  auto annotator = Annotator::Create(*book, options);
  REQUIRE(annotator.ok());
  auto doc = (*annotator)->Annotate("12345678901", {"x", std::nullopt});
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.status().code() == StatusCode::kResourceExhausted);
  CHECK((*annotator)->Annotate("1234567890", {"x", std::nullopt}).ok());
}

TEST_CASE("a clone annotates exactly like its original", "[annotator]") {
  std::string seed = ReadFile(SeedPath());
  auto clone = ProjectAnnotator().Clone();
  auto a = ProjectAnnotator().Annotate(seed, {"seed", std::nullopt});
  auto b = clone->Annotate(seed, {"seed", std::nullopt});
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  REQUIRE(a->mentions.size() == b->mentions.size());
  for (size_t i = 0; i < a->mentions.size(); ++i) {
    CHECK(a->mentions[i].span == b->mentions[i].span);
  }
  CHECK(a->sentences == b->sentences);
}

TEST_CASE("a clone outlives its original", "[annotator]") {
  // Batch workers clone one annotator; nothing of a clone may point into
  // the original (a unit lexicon read through a pointer once did).
  auto book = RuleBook::Load(std::string(CLAIMX_RULES_DIR) + "/fr");
  REQUIRE(book.ok());
  auto original = Annotator::Create(*book);
  REQUIRE(original.ok());
  std::unique_ptr<Annotator> clone = (*original)->Clone();
  original->reset();
  auto doc = clone->Annotate("La route fait 3 km et coûte 2,5 millions d'euros.",
                             {"x", std::nullopt});
  REQUIRE(doc.ok());
  std::vector<std::string> units;
  for (const Mention& m : doc->mentions) {
    const auto* q = std::get_if<QuantityValue>(&m.value);
    if (q != nullptr && q->unit) units.push_back(*q->unit);
  }
  CHECK(units == std::vector<std::string>{"km", "EUR"});
}

TEST_CASE("mentions keep original offsets through NBSP, CRLF and BOM",
          "[annotator]") {
  std::string text = "\xEF\xBB\xBFTitre\r\n\r\nIls \u00E9taient 94\u202F000, soit 12\u00A0%.";
  auto doc = ProjectAnnotator().Annotate(text, {"x", std::nullopt});
  REQUIRE(doc.ok());
  REQUIRE(doc->mentions.size() == 2);
  CHECK(doc->mentions[0].span.Of(text) == "94\u202F000");
  CHECK(doc->mentions[1].span.Of(text) == "12\u00A0%");
  CHECK(doc->paragraphs.size() == 2);
}

}  // namespace
}  // namespace claimx
