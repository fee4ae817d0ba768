// Submatches: the capture groups of a rule's regex where RE2 has found, or
// is about to confirm, a match, taken by PCRE2's JIT instead of RE2's NFA.
//
// Why a second engine. RE2 finds where rules match with its DFA, at
// hundreds of MB/s. For the groups it needs one of its submatch engines,
// and with programs over 512 instructions (any rule holding a lexicon:
// number words, units, months) the only one left is its NFA: about 15 000
// instructions per match, half of the quantity recognizer's time. PCRE2's
// JIT takes the same groups over the same span about nine times faster
// (docs/bench/README.md, 2026-12-05 twenty-second session).
//
// Why the same groups. Given a span, RE2 reports the groups of the parse
// that comes first in Perl's priority order (left alternative before
// right, a greedy repetition longest first) among the parses that match:
// its NFA keeps the first thread to reach each state, which is a
// backtracker's order. PCRE2 is such a backtracker. So with the span's
// ends fixed (anchored at both ends), or with its start fixed under
// leftmost-first semantics, both engines answer with the same parse.
// Tests compare them over the corpora and random text
// (tests/submatch_test.cc, and the rule sets' reference path).
//
// Where they could still differ, RE2, which stays the reference, answers:
//   - the pattern does not compile for PCRE2 or its JIT (RE2 syntax PCRE2
//     reads otherwise is refused at compile time: see Create), so there is
//     no Submatcher;
//   - the pattern looks at the text after the span (\b, \B, \z, or a
//     multi-line flag) and the span ends before the text: PCRE2 cannot see
//     past its subject, RE2 sees its whole context (Match says kUnknown);
//   - PCRE2 reports an error: its step limit or its JIT stack reached
//     (backtracking that would take long: RE2 is linear), or bytes that
//     are not UTF-8 (kUnknown).
// A kNoMatch is PCRE2's answer too; the callers in rules.cc and date.cc
// still ask RE2 then, whose DFA says no quickly, since a wrong "no" would
// silently let another rule win.
//
// Thread safety: a Submatcher is immutable after Create; Match may run on
// many threads at once (each thread keeps its own PCRE2 match data).
#ifndef CLAIMX_EXTRACTOR_SUBMATCH_H_
#define CLAIMX_EXTRACTOR_SUBMATCH_H_

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <re2/stringpiece.h>

namespace claimx {

// PCRE2 backtracking steps one Match may take before it gives up and says
// kUnknown. The rules' matches here take tens to hundreds; the cap bounds a
// pathological pattern's exponential backtracking, which RE2 then answers
// in linear time.
inline constexpr uint32_t kSubmatchStepLimit = 100000;

class Submatcher {
 public:
  // Compiles `pattern`, written in RE2 syntax for UTF-8 text, for PCRE2's
  // JIT; nullptr when PCRE2 cannot take it (the caller keeps RE2 alone).
  // Patterns with syntax that both engines accept but read differently
  // are refused: \v (the vertical tab in RE2, any vertical space in
  // PCRE2), \s and \S (PCRE2's space includes the vertical tab), \C.
  // The rest of RE2's syntax ((?P<name>), \pL, \d, [[:alpha:]], (?i),
  // (?s), (?U)) reads the same in PCRE2 with the options Create sets.
  enum class Anchor {
    kBoth,   // the match is exactly text[start, end)
    kStart,  // the first match (Perl order) starting at start, within end
  };
  // PCRE2's JIT takes anchoring at compile time only (set at match time,
  // it makes PCRE2 fall back to its interpreter, slower than RE2's NFA).
  static std::unique_ptr<Submatcher> Create(std::string_view pattern, Anchor anchor);
  ~Submatcher();
  Submatcher(const Submatcher&) = delete;
  Submatcher& operator=(const Submatcher&) = delete;

  enum class Outcome { kMatch, kNoMatch, kUnknown };

  // Matches the pattern, anchored as created, in text[start, end), seeing
  // the text before `start`
  // as context (for ^ and \b). On kMatch, `groups` holds group 0 (the
  // match) and every capture group, as RE2::Match would fill them (null
  // data for a group that did not take part); otherwise it is unchanged.
  Outcome Match(std::string_view text, size_t start, size_t end,
                std::vector<re2::StringPiece>* groups) const;

  // Capture groups, not counting group 0.
  int group_count() const { return group_count_; }

 private:
  struct Code;
  explicit Submatcher(std::unique_ptr<Code> code, int group_count, bool reads_right_context);
  std::unique_ptr<Code> code_;
  int group_count_ = 0;
  bool reads_right_context_ = false;
};

// Whether an RE2 pattern holds a backslash escape of one of `letters`
// ("bB" for \b and \B), an escaped backslash not counting. Errs on the
// side of yes: an escape inside a character class counts too.
bool HasEscapeOf(std::string_view pattern, std::string_view letters);

// A Submatcher compiled on first use, once whatever the threads (the date
// rules, and RuleSet's rules beside their RE2): compiling every date rule
// for PCRE2's JIT at start-up added 14 ms to each claimx process, and an
// article needs few of them. Get() is null when PCRE2 cannot take the
// pattern or counts other groups than RE2 (`groups`).
class LazySubmatcher {
 public:
  LazySubmatcher(std::string pattern, Submatcher::Anchor anchor, int groups)
      : pattern_(std::move(pattern)), anchor_(anchor), groups_(groups) {}
  const Submatcher* Get() const;

 private:
  std::string pattern_;
  Submatcher::Anchor anchor_;
  int groups_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<Submatcher> submatcher_;
};

}  // namespace claimx

#endif  // CLAIMX_EXTRACTOR_SUBMATCH_H_
