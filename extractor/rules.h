// Rules: the French knowledge of claimx, loaded from data files.
//
// A rule file (rules/fr/<dimension>.yaml) holds the rules of one dimension;
// any file may also hold `defines`, named sub-patterns that every rule of
// every file can use as {{name}} (a number pattern shared by the quantity and
// date rules is written once), and `lexicons`, typed word tables (word ->
// value) that patterns use as {{name}} (an alternation of the words) and that
// recognizers read for the values. The format is documented in docs/rules.md:
//
//   dimension: quantity
//   defines:
//     int_grouped:
//       pattern: '\d{1,3}(?: \d{3})+'
//   rules:
//     - id: fr.quantity.digits_grouped      # stable, readable, unique
//       doc: Integers in French thousands groups.
//       pattern: '(?P<number>{{int_grouped}})'
//       boundary: word                      # default; or none
//       priority: 10                        # breaks ties between overlaps
//       set: {unit: "%"}                    # fixed fields for the recognizer
//       examples:                           # must be found, by this rule
//         - {text: "94 000 manifestants", match: "94 000", expect: {value: 94000}}
//       counterexamples:                    # must not be found (by any rule)
//         - {text: "le 3e arrondissement", match: "3"}
//   tables:                                 # typed word lists, global
//     month:
//       doc: Month names with their number.
//       entries: {janvier: 1, janv: 1}
//
// A table is both a lookup (word -> value, for the recognizers) and a define
// of the same name whose pattern is the case-insensitive alternation of its
// words, longest first, so a rule writes (?P<month>{{month}}) and the
// recognizer reads the value of whatever matched. Words are stored case-folded
// and looked up case-folded.
//
// Patterns are RE2 syntax over normalized text (see normalizer.h: spaces are
// ASCII ' ', apostrophes ASCII '). With `boundary: word` a match must not be
// glued to a letter or digit on either side; RE2 has no look-behind, so the
// engine checks the left side with a consumed, non-reported prefix and the
// right side after matching.
//
// Loading never aborts: every problem (YAML syntax, missing field, duplicate
// id, undefined or cyclic {{define}}, RE2 compile error) is collected as a
// RuleError naming the file, line and rule id, and Load() fails if there is
// any. `claimx rules check` prints them all.
//
// Thread safety: a loaded RuleBook is immutable; FindAll() is const and safe
// to call from many threads at once (RE2 objects are thread-safe).
#ifndef CLAIMX_EXTRACTOR_RULES_H_
#define CLAIMX_EXTRACTOR_RULES_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "extractor/span.h"
#include "extractor/status.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace claimx {

// Memory budget for each compiled pattern (RE2's max_mem), which bounds its
// DFA cache: no text can make a rule set grow past it. A dimension's combined
// alternation, with its lexicons, needs room: at 8 MiB a 2 MB one-line
// document exhausted the cache and RE2 fell back to its NFA at 0.1 MB/s; at
// 64 MiB the same document takes 0.5 s. The cache fills only as far as the
// text needs (peak RSS is measured by claimx-bench).
inline constexpr int64_t kRuleMaxMemBytes = 64 << 20;

// Bounds on {{define}} expansion, so that a rule file cannot make loading
// recurse without end or expand exponentially (each define using the
// previous one twice doubles the pattern per level): nesting depth, and the
// size of one rule's expanded pattern. Both are far above what rules/fr
// needs (see docs/robustness.md).
inline constexpr size_t kMaxDefineDepth = 32;
inline constexpr size_t kMaxExpandedPatternBytes = size_t{4} << 20;

struct RuleError {
  std::string file;
  int line = 0;         // 1-based; 0 when not known
  std::string rule_id;  // empty for file-level errors
  std::string message;

  // "rules/fr/quantity.yaml:12: fr.quantity.x: missing 'pattern'"
  std::string ToString() const;
};

struct RuleExample {
  std::string text;
  std::string match;        // the expected mention text; defaults to `text`
  nlohmann::json expect;    // fields the mention must have (object or null)
  int line = 0;
};

struct Rule {
  std::string id;
  std::string dimension;
  std::string doc;
  std::string pattern;           // as written, with {{defines}}
  std::string expanded_pattern;  // after define expansion
  bool word_boundary = true;
  int priority = 0;
  std::map<std::string, std::string, std::less<>> set;  // fixed fields for the recognizer
  std::vector<RuleExample> examples;
  std::vector<RuleExample> counterexamples;
  std::string file;
  int line = 0;
  std::shared_ptr<const re2::RE2> regex;  // compiled expanded_pattern
  std::vector<std::string> group_names;   // index i -> name of group i (or "")
};

// A typed word list: keys case-folded (FoldCase), values as written.
struct Table {
  std::string name;
  std::string doc;
  std::map<std::string, std::string, std::less<>> entries;
  std::string file;
  int line = 0;

  // The value of `word` (folded first), or nullopt.
  std::optional<std::string_view> Lookup(std::string_view word) const;
};

// Lower-cases UTF-8 text code point by code point (utf8proc simple case
// mapping), so "Août" and "AOÛT" fold to "août". Invalid bytes are kept.
std::string FoldCase(std::string_view text);

// A capture group of this name narrows what a match reports: the rule
// matches "en 2014" to know 2014 is a year, but reports "2014".
inline constexpr std::string_view kReportedGroup = "span";

// A letter, digit or underscore at text[pos]: what a word-bounded match must
// not touch.
bool IsWordCharAt(std::string_view text, size_t pos);
// Whether a match ending at `end` runs on into a word or number: a letter or
// digit follows, or a '.'/',' and then a digit ("49" in "49.3").
bool GluedOnTheRight(std::string_view text, size_t end);
// RE2 syntax for what may follow a word-bounded match, consumed: the end of
// the text, or a character that GluedOnTheRight would not glue, ASCII
// letters and digits only (a non-ASCII letter passes; GluedOnTheRight
// decides there). Written after a rule matched leftmost-first, it makes RE2
// choose the alternative that ends at a word ("années" in
// "ans|an|années"), not one that stops inside it.
std::string_view LooseRightBoundary();

// One match of one rule. `span` is the reported match (without the boundary
// prefix; the `span` group when the rule has one and it is not empty);
// `groups` holds each named capture that participated with its span, in the
// rule's group order. Names point into the storage of what made the match
// (the RuleSet, or a recognizer's own compiled rules) and live as long as
// it. Offsets are absolute in the text given to FindAll.
struct RuleMatch {
  const Rule* rule = nullptr;
  Span span;
  std::vector<std::pair<std::string_view, Span>> groups;

  // The span of the named group, or nullopt when it did not take part. A
  // linear search: rules have a handful of groups, and a map of strings
  // built per match cost a node and a string per group.
  std::optional<Span> Group(std::string_view name) const;
};

// The rules of one dimension, compiled together into ONE RE2 alternation, so
// the text is scanned once whatever the number of rules (the DFA runs at
// hundreds of MB/s; per-rule passes would multiply the cost by the rule count).
class RuleSet {
 public:
  RuleSet(std::string dimension, std::vector<Rule> rules);
  ~RuleSet();
  RuleSet(RuleSet&&) noexcept;

  const std::string& dimension() const { return dimension_; }
  const std::vector<Rule>& rules() const { return rules_; }

  // Compiles the combined alternation; errors are appended to `errors`.
  void Compile(std::vector<RuleError>* errors);

  // Whether FindAll narrows each match to the rules that can have made it
  // with one RE2::Set pass. It cannot when a rule tests \b or \B (the
  // set sees the match without its context) or the set does not compile;
  // every match then tries every rule, about five times the cost of the
  // quantity recognizer. Word-bounded rules need no \b: the boundaries
  // are around them already.
  bool HasCandidateSet() const;

  // What a caller may say about a match from the span the alternation found
  // (`found`, boundary characters included) before its rule and groups are
  // worked out, which costs ~15 000 instructions a match: the span of a
  // match it would drop whatever rule matched, which FindAll then steps over
  // unreported; nullopt for the others. It must only answer for spans whose
  // reported match it knows exactly (the scan resumes at that end).
  using DropFilter = std::optional<Span> (*)(std::string_view text, Span found);

  // The matches in text[range], leftmost-longest and non-overlapping: at each
  // position the longest match of any rule wins, ties go to the higher
  // priority, then to the earlier rule in the file. Matches see the text
  // outside `range` as context for boundaries; offsets are into `text`.
  // A reported match with a `span` group resumes the scan at the span's
  // end: what the rule read after it was look-ahead.
  //
  // Rules whose `set` says `emit: none` claim spans that are no mention
  // ("en 2014" is a year, not a count) so that no other rule reads them.
  // With kStepOver their matches still end other matches and resume the
  // scan, but are not reported, and cost less: which rule won needs no
  // groups, and RE2's DFA alone says whether a body matches (~50 ns on
  // this machine, against ~1.1 µs with the groups).
  enum class Silent { kReport, kStepOver };
  std::vector<RuleMatch> FindAll(std::string_view text, Span range,
                                 DropFilter drop = nullptr,
                                 Silent silent = Silent::kReport) const;
  // FindAll as it was before the bodies: the groups of every match taken
  // from its rule's regex with the boundaries around it, never from the
  // rule's body alone, and every match reported. The reference tests
  // compare FindAll with.
  std::vector<RuleMatch> FindAllBounded(std::string_view text, Span range,
                                        DropFilter drop = nullptr) const;

 private:
  std::vector<RuleMatch> Find(std::string_view text, Span range, DropFilter drop,
                              bool bodies_first, Silent silent) const;
  struct Combined;
  std::string dimension_;
  std::vector<Rule> rules_;
  std::unique_ptr<Combined> combined_;
};

// All the rule files of one language directory (e.g. rules/fr).
class RuleBook {
 public:
  // Loads and compiles every *.yaml in `dir`, a language directory
  // (rules/fr) or a rules root holding one (rules/, for French). On any error returns a Status
  // summarizing them, and appends each to `errors` when given.
  static Result<std::shared_ptr<const RuleBook>> Load(
      const std::string& dir, std::vector<RuleError>* errors = nullptr);
  // Load(dir), or, when `dir` is empty (no --rules given), the directory
  // FindDefaultRulesDir(argv0) finds: what every tool does at start-up.
  static Result<std::shared_ptr<const RuleBook>> LoadOrDefault(
      const std::string& dir, std::string_view argv0,
      std::vector<RuleError>* errors = nullptr);
  // Loads one rule file given as YAML text (`name` stands for its path in
  // errors and dir()); no abbreviations. For the rule-file fuzzer and tests.
  static Result<std::shared_ptr<const RuleBook>> LoadFromText(
      std::string_view yaml, const std::string& name,
      std::vector<RuleError>* errors = nullptr);

  // The rule set of `dimension`, or nullptr when no file defines it.
  const RuleSet* Dimension(std::string_view dimension) const;
  // The rule with this id, or nullptr.
  const Rule* FindRule(std::string_view id) const;
  // The lexicon with this name (word -> value, words in lower case), or
  // nullptr.
  const std::map<std::string, std::string>* Lexicon(std::string_view name) const;

  const std::string& dir() const { return dir_; }
  const std::vector<RuleSet>& sets() const { return sets_; }
  size_t rule_count() const;

  // Extra lines of plain-text lists kept beside the rules (e.g.
  // abbreviations.txt): one entry per line, '#' comments and blanks skipped.
  const std::vector<std::string>& abbreviations() const {
    return abbreviations_;
  }

  // The table of this name (any file), or nullptr.
  const Table* FindTable(std::string_view name) const;
  // The pattern of a define with every {{reference}} expanded, or nullopt.
  std::optional<std::string> ExpandedDefine(std::string_view name) const;

 private:
  // The book, or an error summarizing errors[errors_before..].
  static Result<std::shared_ptr<const RuleBook>> Finish(
      std::shared_ptr<RuleBook> book, const std::vector<RuleError>& errors,
      size_t errors_before);

  std::string dir_;
  std::vector<RuleSet> sets_;
  std::map<std::string, std::map<std::string, std::string>, std::less<>> lexicons_;
  std::map<std::string, Table, std::less<>> tables_;
  std::map<std::string, std::string, std::less<>> expanded_defines_;
  std::vector<std::string> abbreviations_;
};

// The lookup key of a matched word in a lexicon: lower case (full Unicode
// case folding), so "Deux", "DEUX" and "deux" find the same entry.
std::string LexiconKey(std::string_view word);

// Whether LexiconKey(word) == word, answered without a copy for words of
// ASCII, lower-case Latin-1 letters, œ and the common punctuation (Latin-1
// signs but µ, U+2002..U+206F): most words and punctuation tokens of French
// text, whose lookups then need no folded copy. False for any other word,
// folded or not (the caller folds it).
bool IsLatin1LexiconKey(std::string_view word);

// Where the rules are when --rules is not given, in order: $CLAIMX_RULES,
// <dir of the executable>/../share/claimx/rules/fr, the install data dir, the
// source tree the binary was built from. Returns the first that exists.
Result<std::string> FindDefaultRulesDir(std::string_view argv0);

}  // namespace claimx

#endif  // CLAIMX_EXTRACTOR_RULES_H_
