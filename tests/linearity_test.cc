// Linear time in input size: adversarial documents of 1, 4 and 16 units are
// annotated and the time ratios checked against linear growth with a wide
// margin. Time is the thread's user CPU time (a loaded machine deschedules the
// test, which wall time would count) and the best of three runs is kept for
// each size; no absolute time is checked (speed is claimx-bench's job). A stage that is quadratic in some
// pattern (a scan restarted per match, a search from the start of the
// sentence for every token) multiplies a 4x step's ratio by 4 and fails.
//
// The unit is 256 KB in the suite (64 KB under the sanitizers, which slow
// every byte alike), to keep ten cases within the CI budget on two loaded
// cores; CLAIMX_LINEARITY_UNIT_BYTES=1048576 runs the 1, 4 and 16 MB check
// (docs/robustness.md has its figures).
#include <sys/resource.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <string>

#include <catch2/catch.hpp>

#include "tests/test_util.h"
#include "tools/bench/cpu_clock.h"
#include "tools/bench/warm_heap.h"

namespace claimx {
namespace {

using testing::ProjectAnnotator;

#if defined(__SANITIZE_ADDRESS__)
constexpr size_t kDefaultUnitBytes = size_t{64} << 10;
#else
constexpr size_t kDefaultUnitBytes = size_t{256} << 10;
#endif

size_t UnitBytes() {
  const char* env = std::getenv("CLAIMX_LINEARITY_UNIT_BYTES");
  size_t unit = env ? std::strtoull(env, nullptr, 10) : 0;
  return unit > 0 ? unit : kDefaultUnitBytes;
}

// Repeats `piece` until the text holds `bytes` bytes (whole pieces only).
std::string Repeat(std::string_view piece, size_t bytes) {
  std::string text;
  text.reserve(bytes + piece.size());
  while (text.size() < bytes) text += piece;
  return text;
}

// "1,2,3,4,...,999,1,2,..." up to `bytes`: a number list with no end, the
// same mix of number lengths at every size.
std::string CountingList(size_t bytes) {
  std::string text;
  text.reserve(bytes + 16);
  for (size_t i = 0; text.size() < bytes; ++i) {
    text += std::to_string(i % 999 + 1);
    text += ',';
  }
  return text;
}

double BestSeconds(const std::string& text) {
  // Keep freed memory with the allocator so that every size reuses warm
  // pages in its second and third runs, as the smaller sizes do anyway.
  static const bool heap_kept = [] {
    KeepFreedMemory();
    return true;
  }();
  (void)heap_kept;
  double best = 1e9;
  for (int run = 0; run < 3; ++run) {
    double start = ThreadUserSeconds();
    auto doc = ProjectAnnotator().Annotate(text, {"linear", "2016-11-10"});
    double elapsed = ThreadUserSeconds() - start;
    REQUIRE(doc.ok());
    best = std::min(best, elapsed);
  }
  return best;
}

// Each 4x step of the input may take at most 8x the time (linear is 4x,
// quadratic 16x), checked from 4x to 16x and from 1x to 4x. Times under
// 50 ms are raised to 50 ms, below which cache effects dominate (a dense
// 1x run of 30 to 40 ms has measured 5.3x to 7.2x for its 4x step).
// The steps are checked one by one, not 16x against 1x, because the time
// per byte of a dense document rises as its mentions leave the cache while
// the work stays linear: "hier " x 13 000 / 52 000 / 210 000 runs 1.77 G /
// 3.54 G / 10.66 G instructions under callgrind (start-up included, exactly
// linear) but took 0.025 / 0.151 / 0.994 CPU seconds in CI on 2026-12-05,
// 39x for 16x the input; the 4x steps were 5.9x and 6.6x.
// `dense` documents (a mention every few bytes) cost about 100x more per
// byte than prose, so they use a quarter of the unit to stay in budget.
void CheckLinear(const std::function<std::string(size_t)>& make,
                 bool dense = false) {
  const size_t unit = dense ? UnitBytes() / 4 : UnitBytes();
  constexpr double kFloorSeconds = 0.05;
  double t1 = std::max(BestSeconds(make(unit)), kFloorSeconds);
  double t4 = std::max(BestSeconds(make(4 * unit)), kFloorSeconds);
  double t16 = BestSeconds(make(16 * unit));
  INFO("unit " << unit << " bytes, best-of-3 CPU seconds: 1x " << t1 << ", 4x "
                << t4 << ", 16x " << t16);
  CHECK(t4 <= 8 * t1);
  CHECK(t16 <= 8 * t4);
}

TEST_CASE("one line without spaces takes linear time", "[linearity]") {
  CheckLinear([](size_t n) { return Repeat("motsansespace", n); });
}

TEST_CASE("100 000s of opening guillemets take linear time", "[linearity]") {
  CheckLinear([](size_t n) { return Repeat("\u00AB", n); });
}

TEST_CASE("guillemets with spaces and words take linear time", "[linearity]") {
  CheckLinear([](size_t n) { return Repeat("\u00AB\u00A0il ", n); });
}

TEST_CASE("one endless run of digits takes linear time", "[linearity]") {
  CheckLinear([](size_t n) { return Repeat("7", n); }, /*dense=*/true);
}

TEST_CASE("endless thousands groups take linear time", "[linearity]") {
  CheckLinear([](size_t n) { return "1" + Repeat("\u00A0000", n); }, /*dense=*/true);
}

TEST_CASE("repeated cue verbs take linear time", "[linearity]") {
  CheckLinear([](size_t n) { return Repeat("a d\u00E9clar\u00E9 ", n); });
}

// "Les prix montent, <cue> Jean Ro, Les prix montent, <cue> Jean Rbo, …
// fin." of about `bytes`: one sentence of incises, each with a speaker of
// its own (a distinct capitalized surname).
std::string IncisesOfDistinctSpeakers(std::string_view cue, size_t bytes) {
  std::string text;
  for (size_t i = 0; text.size() < bytes; ++i) {
    std::string surname = "R";
    for (size_t k = i; k > 0; k /= 26) surname += static_cast<char>('a' + k % 26);
    text += "Les prix montent, ";
    text += cue;
    text += " Jean " + surname + "o, ";
  }
  return text + "fin.";
}

TEST_CASE("incises of different speakers in one sentence take linear time", "[linearity]") {
  // "A, a dit X, B, a dit Y, …": each incise's statement ran from the
  // sentence's start to its end (quadratic time and output; 2 GB of RSS
  // for 4 000 incises).
  CheckLinear([](size_t n) { return IncisesOfDistinctSpeakers("a dit", n); });
}

TEST_CASE("according-to incises in one sentence take linear time", "[linearity]") {
  // "A, selon X, B, selon Y, …": each incise's statement ran from the
  // sentence's start to its end (quadratic time and output).
  CheckLinear([](size_t n) { return IncisesOfDistinctSpeakers("selon", n); });
}

TEST_CASE("repeated 'pour qui' relatives take linear time", "[linearity]") {
  // Each relative cue's statement ends at the next cue, not the sentence's
  // end (it did: quadratic time and output).
  CheckLinear([](size_t n) { return Repeat("Jean Dupont pour qui ", n); });
}

TEST_CASE("quoted fragments with inverted cues in one sentence take linear time",
          "[linearity]") {
  // Each fragment's mixed statement starts after the claim before it, not
  // at the sentence's start (it did: quadratic time and output).
  CheckLinear([](size_t n) {
    return Repeat("\u00AB a b c \u00BB, a dit le chanteur. ", n);
  });
}

TEST_CASE("gerunds after no finite verb take linear time", "[linearity]") {
  // Each gerund looks back for the verb whose subject it shares, and its
  // content ends at the next gerund (both were quadratic: 16 000 of them
  // took 14 s).
  CheckLinear([](size_t n) { return "Le groupe Kramer" + Repeat(", affirmant que", n); },
              /*dense=*/true);
}

TEST_CASE("postposed cues after relatives in one sentence take linear time",
          "[linearity]") {
  // Every inverted cue's statement starts at the sentence's start, across
  // the relatives; cutting each claim at the cues inside it read all the
  // claims starting in every statement (32 000 cues: 16 s).
  CheckLinear([](size_t n) { return "Le texte passe" + Repeat(", indique Paul Roux, qui a dit", n); },
              /*dense=*/true);
}

TEST_CASE("nested reported speech in one sentence takes linear time", "[linearity]") {
  // Each "affirme que" reports the rest of the sentence: every statement
  // ran to its end (quadratic output, 16 000 cues took 240 s) and each
  // looked at every later cue. Statements now hold kMaxNestedVerbCues
  // cues at most and the later cues' cuts are computed once.
  CheckLinear([](size_t n) { return "Paul Roux estime que" + Repeat(" Marc affirme que", n); },
              /*dense=*/true);
}

TEST_CASE("quoted paragraphs without a full stop take linear time", "[linearity]") {
  // The segmenter looked for ". " from each sentence to the text's end, and
  // the context-quote rule for a comma: both read the rest of the text per
  // sentence when there was none.
  CheckLinear([](size_t n) { return Repeat("\u00AB A \u00BB\n\n", n); }, /*dense=*/true);
}

TEST_CASE("quotes after a person's sentence take linear time", "[linearity]") {
  // Each bare quote is given to the person before it, unless a claim
  // already covers it: that check read every claim per quote.
  CheckLinear([](size_t n) {
    return Repeat("Paul Roux est inquiet. \u00AB Le texte passe. \u00BB ", n);
  }, /*dense=*/true);
}

TEST_CASE("figures of one measure take linear time", "[linearity]") {
  // Every pair of figures of one measure was tested for comparison.
  CheckLinear([](size_t n) { return Repeat("Selon la police, 3 000 manifestants. ", n); },
              /*dense=*/true);
}

TEST_CASE("according-to sources in one endless sentence take linear time", "[linearity]") {
  // "A." reads as an initial, so the sentence never ends; each source read
  // the tokens to its statement's end for a colon before a quote.
  CheckLinear([](size_t n) { return Repeat("De source polici\u00E8re, A. ", n); },
              /*dense=*/true);
}

TEST_CASE("sources named after places take linear time", "[linearity]") {
  // Each source looked through every mention of the article for a country
  // or city naming it ("l'ONU" is no place; "Washington" would be).
  CheckLinear([](size_t n) { return Repeat("En 2014, 300 morts en Syrie, selon l'ONU. ", n); },
              /*dense=*/true);
}

TEST_CASE("quotes right before attributed quotes take linear time", "[linearity]") {
  // "« A », a dit X. « B. » « C. »": each quote before another asked every
  // claim of the article whether it was already claimed.
  CheckLinear([](size_t n) {
    return Repeat("\u00AB A \u00BB, a dit Jean Dupont. \u00AB B. \u00BB \u00AB C. \u00BB ", n);
  }, /*dense=*/true);
}

TEST_CASE("sentences quoting after their subject take linear time", "[linearity]") {
  // The first quote of each sentence's predicate was looked for from the
  // article's first quote.
  CheckLinear([](size_t n) {
    return Repeat("X a dit : \u00AB A \u00BB et \u00AB B \u00BB et \u00AB C \u00BB. ", n);
  }, /*dense=*/true);
}

TEST_CASE("pronouns read forward that no one resolves take linear time", "[linearity]") {
  // "a-t-elle dit" with no woman named before or after: each pronoun stays
  // open while a man is remembered in every sentence of the paragraph.
  // Checked by hand: a scan of every open pronoun per person remembered
  // costs so few instructions per pair that at this unit it stays under
  // the bound; the test guards against heavier per-pair work.
  CheckLinear([](size_t n) {
    return Repeat("\u00AB A \u00BB, a-t-elle dit. Paul Roux a parl\u00E9. ", n);
  }, /*dense=*/true);
}

TEST_CASE("pronouns after their statement in an endless sentence take linear time",
          "[linearity]") {
  // Each "lui" asked whether it opened its sentence by reading every token
  // before it (found by claimx-linearity).
  CheckLinear([](size_t n) { return "Le texte passe" + Repeat(", selon lui, ", n); },
              /*dense=*/true);
}

TEST_CASE("sentence marks glued to capitals without spaces take linear time",
          "[linearity]") {
  // Each '!' read the run of text without spaces back to its start, to
  // know the word before it.
  CheckLinear([](size_t n) { return Repeat("aa!Bb", n); }, /*dense=*/true);
}

TEST_CASE("ellipses before capitals take linear time", "[linearity]") {
  // Each "…" followed by a capital splits the sentence; a text of them is
  // as many sentences, each searched from its own start.
  CheckLinear([](size_t n) { return Repeat("mot\u2026 Mot ", n); }, /*dense=*/true);
  CheckLinear([](size_t n) { return Repeat("mot\u2026", n); }, /*dense=*/true);
}

TEST_CASE("figures in parentheses with their sources take linear time", "[linearity]") {
  // "(3 000 selon les syndicats)" repeated in one sentence: each cue asked
  // whether a claim of the sentence had its cue in its statement by
  // reading every claim of the sentence (found by claimx-linearity).
  CheckLinear([](size_t n) { return Repeat("(3 000 selon les syndicats) ", n); });
}

TEST_CASE("heads of many bodies take linear time", "[linearity]") {
  // Each "le numéro un de la CFB…", a body not spoken of before, looks
  // back for "la CFB… dirigée par X" (HeadNamedWith); the look-back is
  // bounded, so one paragraph of them stays linear.
  CheckLinear([](size_t n) {
    std::string text;
    for (size_t i = 0; text.size() < n; ++i) {
      std::string acronym = "CF";
      for (size_t k = i + 1; k > 0; k /= 26) acronym += static_cast<char>('A' + k % 26);
      text += "Le numéro un de la " + acronym + " a dit que tout irait bien. ";
    }
    return text;
  });
}

TEST_CASE("hier hier hier takes linear time", "[linearity]") {
  CheckLinear([](size_t n) { return Repeat("hier ", n); }, /*dense=*/true);
}

TEST_CASE("a counting list 1,2,3,4,... takes linear time", "[linearity]") {
  CheckLinear(CountingList);
}

TEST_CASE("repeated dates and places take linear time", "[linearity]") {
  CheckLinear([](size_t n) { return Repeat("le 3 ao\u00FBt 2014 \u00E0 Paris, ", n); },
              /*dense=*/true);
}

TEST_CASE("endless abbreviations without sentence ends take linear time",
          "[linearity]") {
  CheckLinear([](size_t n) { return Repeat("M. ", n); }, /*dense=*/true);
}

}  // namespace
}  // namespace claimx
