// Submatcher: PCRE2's groups where RE2's would be taken (submatch.h). The
// rule sets' comparison with their RE2-only reference over the corpora is
// in rules_test.cc; these pin the edges one by one.
#include "extractor/submatch.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>
#include <re2/re2.h>

#include "extractor/rules.h"
#include "tests/test_util.h"

namespace claimx {
namespace {

namespace fs = std::filesystem;

using Anchor = Submatcher::Anchor;
using Outcome = Submatcher::Outcome;

// The groups as offsets into `text` ("-1:-1" for a group that took no
// part), so that two engines' answers compare as strings.
std::vector<std::string> Offsets(std::string_view text,
                                 const std::vector<re2::StringPiece>& groups) {
  std::vector<std::string> out;
  for (const re2::StringPiece& g : groups) {
    if (g.data() == nullptr) {
      out.push_back("-1:-1");
      continue;
    }
    const size_t from = static_cast<size_t>(g.data() - text.data());
    out.push_back(std::to_string(from) + ":" + std::to_string(from + g.size()));
  }
  return out;
}

RE2::Options Options(bool longest) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_longest_match(longest);
  options.set_log_errors(false);
  return options;
}

// RE2's answer over text[start, end), with the same anchoring.
std::optional<std::vector<std::string>> Re2Groups(const std::string& pattern,
                                                  std::string_view text, size_t start,
                                                  size_t end, Anchor anchor) {
  RE2 regex(pattern, Options(anchor == Anchor::kBoth));
  REQUIRE(regex.ok());
  std::vector<re2::StringPiece> groups(
      static_cast<size_t>(regex.NumberOfCapturingGroups()) + 1);
  if (!regex.Match(re2::StringPiece(text.data(), text.size()), start, end,
                   anchor == Anchor::kBoth ? RE2::ANCHOR_BOTH : RE2::ANCHOR_START,
                   groups.data(), static_cast<int>(groups.size()))) {
    return std::nullopt;
  }
  return Offsets(text, groups);
}

void CheckSameAsRe2(const std::string& pattern, std::string_view text, size_t start,
                    size_t end, Anchor anchor) {
  INFO(pattern << " on [" << text.substr(start, end - start) << "]");
  auto submatcher = Submatcher::Create(pattern, anchor);
  REQUIRE(submatcher != nullptr);
  std::vector<re2::StringPiece> groups;
  const Outcome outcome = submatcher->Match(text, start, end, &groups);
  const auto want = Re2Groups(pattern, text, start, end, anchor);
  if (!want) {
    CHECK(outcome == Outcome::kNoMatch);
    return;
  }
  REQUIRE(outcome == Outcome::kMatch);
  CHECK(Offsets(text, groups) == *want);
}

TEST_CASE("submatcher takes the groups RE2 takes", "[submatch]") {
  // Ambiguous parses: which alternative, how long a greedy repetition,
  // which optional group takes part.
  const std::string number = R"((?P<bound>(?i:au moins|plus de) )?(?P<n>\d+(?: \d{3})*))";
  CheckSameAsRe2(number, "au moins 94 000", 0, 15, Anchor::kBoth);
  CheckSameAsRe2(number, "Plus de 300", 0, 11, Anchor::kBoth);
  CheckSameAsRe2("(a|ab)(c|bcd)(d*)", "abcd", 0, 4, Anchor::kBoth);
  CheckSameAsRe2("(a*)(a*)", "aaa", 0, 3, Anchor::kBoth);
  CheckSameAsRe2("(a*?)(a*)", "aaa", 0, 3, Anchor::kBoth);
  CheckSameAsRe2("(x)?(x)?(xx)", "xxx", 0, 3, Anchor::kBoth);
  CheckSameAsRe2("((?i:janv\\.|janv|janvier))( \\d+)?", "Janvier 12", 0, 10, Anchor::kBoth);
  // Unicode classes and case folding, offsets in bytes.
  CheckSameAsRe2(R"((?P<w>\pL+) (?P<d>\pN+))", "Août ٣٤", 0, 12, Anchor::kBoth);
  CheckSameAsRe2("(?i:(été|ÉTÉ))", "ÉtÉ", 0, 5, Anchor::kBoth);
  // Leftmost-first from a start: the first parse, not the longest.
  CheckSameAsRe2("(mars|mars 2016)( suivant)?", "mars 2016 suivant", 0, 17, Anchor::kStart);
  CheckSameAsRe2("(\\d+)(?: (h)(\\d+)?)?", "14 h 30 et", 0, 10, Anchor::kStart);
  // No match, either way.
  CheckSameAsRe2("(\\d+)", "12a", 0, 3, Anchor::kBoth);
  CheckSameAsRe2("(\\d+)", "a12", 0, 3, Anchor::kStart);
}

TEST_CASE("submatcher sees the text before the span as RE2 does", "[submatch]") {
  // ^ holds only at the text's start, not at the span's; \b sees the
  // character before the span.
  CheckSameAsRe2("^(\\d+)", "x12", 1, 3, Anchor::kBoth);
  CheckSameAsRe2("(^|[^a-z])(\\d+)", "x 12", 1, 4, Anchor::kBoth);
  CheckSameAsRe2("\\b(\\d+)", "a12", 1, 3, Anchor::kBoth);
  CheckSameAsRe2("\\b(\\d+)", " 12", 1, 3, Anchor::kBoth);
}

TEST_CASE("submatcher leaves to RE2 what depends on the text after the span",
          "[submatch]") {
  std::vector<re2::StringPiece> groups;
  // $ at a span that ends before the text: RE2 sees more text, so no
  // match; PCRE2 is told so.
  CheckSameAsRe2("(\\d+)$", "12 ans", 0, 2, Anchor::kBoth);
  CheckSameAsRe2("(\\d+)(?:$| )", "12 ans", 0, 3, Anchor::kBoth);
  CheckSameAsRe2("(\\d+)$", "12", 0, 2, Anchor::kBoth);
  // \b, \B, \z and multi-line $ would need the text after the span.
  for (const char* pattern : {"(\\d+)\\b", "(\\d+)\\B", "(\\d+)\\z", "(?m)(\\d+)$",
                              "(?im:(\\d+)$)"}) {
    INFO(pattern);
    auto submatcher = Submatcher::Create(pattern, Anchor::kBoth);
    REQUIRE(submatcher != nullptr);
    CHECK(submatcher->Match("12a", 0, 2, &groups) == Outcome::kUnknown);
    // At the text's end there is nothing more to see.
    CHECK(submatcher->Match("x12", 1, 3, &groups) != Outcome::kUnknown);
  }
  CheckSameAsRe2("(\\d+)\\b", "x12", 1, 3, Anchor::kBoth);
}

TEST_CASE("submatcher refuses syntax PCRE2 reads otherwise", "[submatch]") {
  // RE2's \v is the vertical tab, PCRE2's any vertical space; PCRE2's \s
  // holds the vertical tab, RE2's does not; \C is a byte in RE2.
  for (const char* pattern : {"a\\vb", "a\\sb", "a\\Sb", "a\\Cb"}) {
    INFO(pattern);
    CHECK(Submatcher::Create(pattern, Anchor::kBoth) == nullptr);
  }
  // An escaped backslash before s is no \s.
  CHECK(Submatcher::Create("a\\\\sb", Anchor::kBoth) != nullptr);
  // Not a pattern for either engine.
  CHECK(Submatcher::Create("(a", Anchor::kBoth) == nullptr);
}

TEST_CASE("submatcher gives up on bad UTF-8 and runaway backtracking", "[submatch]") {
  std::vector<re2::StringPiece> groups;
  auto words = Submatcher::Create("(\\pL+)", Anchor::kBoth);
  REQUIRE(words != nullptr);
  const std::string bad = "ab\xff" "cd";
  CHECK(words->Match(bad, 0, bad.size(), &groups) == Outcome::kUnknown);
  // Exponential for a backtracker, linear for RE2: the step limit stops it.
  auto nested = Submatcher::Create("((a+)+)(b|c)", Anchor::kBoth);
  REQUIRE(nested != nullptr);
  const std::string as = std::string(40, 'a') + "bx";
  CHECK(nested->Match(as, 0, as.size(), &groups) == Outcome::kUnknown);
  CHECK(groups.empty());  // untouched unless kMatch
  // A repeated group over a long span outgrows the JIT's 32 KiB stack or
  // the step limit: an error, so RE2 answers, and no crash.
  auto repeated = Submatcher::Create("((a)|b)*c", Anchor::kBoth);
  REQUIRE(repeated != nullptr);
  std::string long_span;
  for (int i = 0; i < 100000; ++i) long_span += "ab";
  long_span += "c";
  CHECK(repeated->Match(long_span, 0, long_span.size(), &groups) == Outcome::kUnknown);
}

TEST_CASE("submatcher takes the date rules' groups as RE2 does, over the corpora",
          "[submatch]") {
  // The date recognizer matches each rule anchored at a candidate start,
  // leftmost-first, and takes the groups with PCRE2; here every rule at
  // every word start of the shared corpora, against RE2.
  auto book = RuleBook::Load(std::string(CLAIMX_RULES_DIR) + "/fr");
  REQUIRE(book.ok());
  const RuleSet* dates = (*book)->Dimension("date");
  REQUIRE(dates != nullptr);
  std::vector<std::string> texts;
  const fs::path corpora = fs::path(CLAIMX_SHARED_DIR) / "corpora";
  REQUIRE(fs::is_directory(corpora));
  for (const auto& entry : fs::recursive_directory_iterator(corpora)) {
    if (entry.path().extension() == ".txt") texts.push_back(testing::ReadFile(entry.path()));
  }
  size_t compared = 0;
  for (const Rule& rule : dates->rules()) {
    const std::string pattern = "(" + rule.expanded_pattern + ")";
    RE2 regex(pattern, Options(/*longest=*/false));
    REQUIRE(regex.ok());
    auto submatcher = Submatcher::Create(pattern, Anchor::kStart);
    if (submatcher == nullptr) continue;  // RE2 alone, nothing to compare
    std::vector<re2::StringPiece> want(
        static_cast<size_t>(regex.NumberOfCapturingGroups()) + 1);
    std::vector<re2::StringPiece> got;
    for (const std::string& text : texts) {
      const re2::StringPiece whole(text.data(), text.size());
      for (size_t start = 0; start < text.size(); ++start) {
        const bool word_start = IsWordCharAt(text, start) &&
                                (start == 0 || !IsWordCharAt(text, start - 1));
        if (!word_start) continue;
        // Windows end inside the text too, as the recognizer's do.
        const size_t end = std::min(text.size(), start + 80);
        const bool matched = regex.Match(whole, start, end, RE2::ANCHOR_START, want.data(),
                                         static_cast<int>(want.size()));
        const Outcome outcome = submatcher->Match(text, start, end, &got);
        if (outcome == Outcome::kUnknown) continue;
        INFO(rule.id << " at " << start << ": " << text.substr(start, 60));
        REQUIRE(matched == (outcome == Outcome::kMatch));
        if (!matched) continue;
        REQUIRE(Offsets(text, got) == Offsets(text, want));
        ++compared;
      }
    }
  }
  CHECK(compared > 500);  // 819 on the corpora of 2026-12
}

TEST_CASE("submatcher runs on several threads at once", "[submatch]") {
  auto submatcher = Submatcher::Create("(\\d+) (\\pL+)", Anchor::kBoth);
  REQUIRE(submatcher != nullptr);
  const std::string text = "94 manifestants";
  std::vector<int> matched(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      std::vector<re2::StringPiece> groups;
      for (int i = 0; i < 2000; ++i) {
        if (submatcher->Match(text, 0, text.size(), &groups) == Outcome::kMatch &&
            groups.size() == 3 && groups[2] == "manifestants") {
          ++matched[t];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(matched == std::vector<int>(4, 2000));
}

}  // namespace
}  // namespace claimx
