#include "extractor/rules.h"

#include <filesystem>
#include <unistd.h>

#include <fstream>
#include <map>

#include <random>

#include <catch2/catch.hpp>
#include <utf8proc.h>

#include "extractor/annotator.h"
#include "extractor/rule_check.h"

namespace claimx {
namespace {

namespace fs = std::filesystem;

std::shared_ptr<const RuleBook> ProjectRules() {
  auto book = RuleBook::Load(std::string(CLAIMX_RULES_DIR) + "/fr");
  REQUIRE(book.ok());
  return *book;
}

using Files = std::map<std::string, std::string>;

// A scratch rules directory holding the given files.
class RuleDir {
 public:
  explicit RuleDir(const Files& files) {
    path_ = fs::temp_directory_path() /
            ("claimx_rules_test_" + std::to_string(::getpid()) + "_" +
             std::to_string(counter_++));
    fs::remove_all(path_);
    fs::create_directories(path_);
    for (const auto& [name, content] : files) std::ofstream(path_ / name) << content;
  }
  ~RuleDir() { fs::remove_all(path_); }
  std::string path() const { return path_.string(); }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

const char* kGoodRule = R"(
dimension: quantity
rules:
  - id: fr.quantity.plain
    pattern: '(?P<number>\d+)'
    examples: ["12"]
)";

std::vector<RuleError> LoadErrors(const std::string& yaml) {
  RuleDir dir(Files{{"quantity.yaml", yaml}});
  std::vector<RuleError> errors;
  auto book = RuleBook::Load(dir.path(), &errors);
  CHECK(!book.ok());
  return errors;
}

TEST_CASE("the project's rules load and every example beside them holds",
          "[rules]") {
  auto book = ProjectRules();
  CHECK(book->rule_count() >= 5);
  auto annotator = Annotator::Create(book);
  REQUIRE(annotator.ok());
  RuleCheckReport report = CheckRuleExamples(**annotator);
  for (const RuleError& failure : report.failures) FAIL_CHECK(failure.ToString());
  CHECK(report.examples >= 20);
}

TEST_CASE("a rules root resolves to its French directory", "[rules]") {
  auto book = RuleBook::Load(CLAIMX_RULES_DIR);
  REQUIRE(book.ok());
  CHECK(fs::path((*book)->dir()).filename() == "fr");
}

TEST_CASE("a missing rules directory is an error, not an abort", "[rules]") {
  auto book = RuleBook::Load("/nonexistent/claimx/rules");
  REQUIRE(!book.ok());
  CHECK(book.status().code() == StatusCode::kNotFound);
}

TEST_CASE("a bad pattern is reported with file, line and rule id", "[rules]") {
  auto errors = LoadErrors(R"(dimension: quantity
rules:
  - id: fr.quantity.ok
    pattern: '(?P<number>\d+)'
    examples: ["1"]
  - id: fr.quantity.broken
    pattern: '(?P<number>\d+'
    examples: ["1"]
)");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].rule_id == "fr.quantity.broken");
  CHECK(errors[0].line == 6);
  CHECK(fs::path(errors[0].file).filename() == "quantity.yaml");
  CHECK_THAT(errors[0].message, Catch::Contains("RE2"));
  CHECK_THAT(errors[0].ToString(), Catch::Contains("quantity.yaml:6: fr.quantity.broken"));
}

TEST_CASE("every bad rule in a file is reported, not just the first", "[rules]") {
  auto errors = LoadErrors(R"(dimension: quantity
rules:
  - id: fr.quantity.a
    pattern: '(?P<number>\d+'
    examples: ["1"]
  - id: fr.quantity.a
    pattern: '\d'
    examples: ["1"]
  - id: Bad-Id
    pattern: '\d'
    examples: ["1"]
  - id: fr.quantity.no_pattern
    examples: ["1"]
  - id: fr.quantity.no_examples
    pattern: '\d'
  - id: fr.quantity.undefined
    pattern: '{{nothing_here}}'
    examples: ["1"]
  - id: fr.quantity.empty
    pattern: '\d*'
    examples: ["1"]
  - id: fr.quantity.bad_example
    pattern: '\d'
    examples: [{text: "12", match: "3"}]
)");
  auto has = [&](const std::string& id, const std::string& words) {
    for (const auto& e : errors) {
      if (e.rule_id == id && e.message.find(words) != std::string::npos) return true;
    }
    return false;
  };
  CHECK(errors.size() == 8);
  CHECK(has("fr.quantity.a", "RE2"));
  CHECK(has("fr.quantity.a", "duplicate"));
  CHECK(has("Bad-Id", "id must look like"));
  CHECK(has("fr.quantity.no_pattern", "missing 'pattern'"));
  CHECK(has("fr.quantity.no_examples", "at least one example"));
  CHECK(has("fr.quantity.undefined", "undefined {{nothing_here}}"));
  CHECK(has("fr.quantity.empty", "empty string"));
  CHECK(has("fr.quantity.bad_example", "not in its text"));
}

TEST_CASE("a YAML syntax error names its line", "[rules]") {
  auto errors = LoadErrors("dimension: quantity\nrules:\n  - id: [unclosed\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].line >= 3);
  CHECK_THAT(errors[0].message, Catch::Contains("YAML"));
}

TEST_CASE("cyclic and undefined defines are errors", "[rules]") {
  auto errors = LoadErrors(R"(dimension: quantity
defines:
  a: {pattern: 'x{{b}}'}
  b: {pattern: 'y{{a}}'}
rules:
  - id: fr.quantity.uses_cycle
    pattern: '(?P<number>{{a}})'
    examples: ["xy"]
)");
  REQUIRE(!errors.empty());
  bool cyclic = false;
  for (const auto& e : errors) cyclic |= e.message.find("cyclic") != std::string::npos;
  CHECK(cyclic);
}

TEST_CASE("defines are shared across rule files", "[rules]") {
  RuleDir dir(Files{{"common.yaml", "defines:\n  two_digits: '\\d\\d'\n"},
               {"quantity.yaml", R"(dimension: quantity
rules:
  - id: fr.quantity.pair
    pattern: '(?P<number>{{two_digits}})'
    examples: ["42"]
)"}});
  auto book = RuleBook::Load(dir.path());
  REQUIRE(book.ok());
  const Rule* rule = (*book)->FindRule("fr.quantity.pair");
  REQUIRE(rule != nullptr);
  CHECK(rule->expanded_pattern == "(?P<number>(?:\\d\\d))");
}

std::vector<std::string> MatchTexts(const RuleSet& set, std::string_view text) {
  std::vector<std::string> out;
  for (const RuleMatch& m : set.FindAll(text, {0, text.size()})) {
    out.emplace_back(m.span.Of(text));
  }
  return out;
}

TEST_CASE("word boundaries hold on both sides, with Unicode letters", "[rules]") {
  RuleDir dir(Files{{"quantity.yaml", kGoodRule}});
  auto book = RuleBook::Load(dir.path());
  REQUIRE(book.ok());
  const RuleSet& set = *(*book)->Dimension("quantity");
  using V = std::vector<std::string>;
  CHECK(MatchTexts(set, "12 et 34") == V{"12", "34"});
  CHECK(MatchTexts(set, "é12 3e 4ème AF447 x5") == V{});
  CHECK(MatchTexts(set, "l'article 49.3 et 2,5") == V{});
  CHECK(MatchTexts(set, "(12), 13. «14»") == V{"12", "13", "14"});
}

TEST_CASE("a match may use context before its range for the boundary",
          "[rules]") {
  RuleDir dir(Files{{"quantity.yaml", kGoodRule}});
  auto book = RuleBook::Load(dir.path());
  REQUIRE(book.ok());
  const RuleSet& set = *(*book)->Dimension("quantity");
  std::string text = "Fin. 12 morts. x34";
  auto in_second = set.FindAll(text, {5, 14});
  REQUIRE(in_second.size() == 1);
  CHECK(in_second[0].span == Span{5, 7});
  CHECK(set.FindAll(text, {16, 18}).empty());  // glued to 'x' before range
}

TEST_CASE("a drop filter steps over the spans it answers for, unreported",
          "[rules]") {
  RuleDir dir(Files{{"quantity.yaml", kGoodRule}});
  auto book = RuleBook::Load(dir.path());
  REQUIRE(book.ok());
  const RuleSet& set = *(*book)->Dimension("quantity");
  // Drops "12" (found with its boundary characters), keeps the rest; the
  // scan goes on right after the dropped match.
  RuleSet::DropFilter drop_twelve = [](std::string_view text,
                                       Span found) -> std::optional<Span> {
    const size_t at = text.substr(found.start, found.size()).find("12");
    if (at == std::string_view::npos) return std::nullopt;
    return Span{found.start + at, found.start + at + 2};
  };
  const std::string text = "12 34 (12) 56 12";
  std::vector<std::string> kept;
  for (const RuleMatch& m : set.FindAll(text, {0, text.size()}, drop_twelve)) {
    kept.emplace_back(m.span.Of(text));
  }
  CHECK(kept == std::vector<std::string>{"34", "56"});
  CHECK(MatchTexts(set, text) == std::vector<std::string>{"12", "34", "12", "56", "12"});
}

TEST_CASE("the longest match wins, then the higher priority, then file order",
          "[rules]") {
  RuleDir dir(Files{{"quantity.yaml", R"(dimension: quantity
rules:
  - id: fr.quantity.short
    pattern: '(?P<number>\d+)'
    examples: ["12"]
  - id: fr.quantity.long
    pattern: '(?P<number>\d+) ?%'
    examples: ["12 %"]
  - id: fr.quantity.first
    pattern: '(?P<number>\d+) km'
    examples: ["3 km"]
  - id: fr.quantity.preferred
    pattern: '(?P<number>\d+) k[m]'
    priority: 5
    examples: [{text: "4 km", match: "4 km"}]
)"}});
  auto book = RuleBook::Load(dir.path());
  REQUIRE(book.ok());
  const RuleSet& set = *(*book)->Dimension("quantity");
  std::string text = "12 % et 3 km, 7";
  auto matches = set.FindAll(text, {0, text.size()});
  REQUIRE(matches.size() == 3);
  CHECK(matches[0].rule->id == "fr.quantity.long");
  CHECK(matches[1].rule->id == "fr.quantity.preferred");  // ties on length
  CHECK(matches[2].rule->id == "fr.quantity.short");
  CHECK(matches[1].Group("number")->Of(text) == "3");
}

TEST_CASE("lexicons expand to alternations, longest word first", "[rules]") {
  RuleDir dir(Files{{"quantity.yaml", R"(dimension: quantity
lexicons:
  scale: {mille: 1000, milliard: 1000000000, milliards: 1000000000, quatre vingt: 80}
rules:
  - id: fr.quantity.scaled
    pattern: '(?P<number>\d+) (?i:{{scale}})'
    examples: ["3 milliards", "2 mille", "4 quatre-vingt", "5 Milliard"]
)"}});
  auto book = RuleBook::Load(dir.path());
  REQUIRE(book.ok());
  const auto* scale = (*book)->Lexicon("scale");
  REQUIRE(scale != nullptr);
  CHECK(scale->at("milliards") == "1000000000");
  const RuleSet& set = *(*book)->Dimension("quantity");
  using V = std::vector<std::string>;
  CHECK(MatchTexts(set, "3 milliards, 4 quatre vingt") == V{"3 milliards", "4 quatre vingt"});
}

TEST_CASE("lexicon words must be written in lower case", "[rules]") {
  auto errors = LoadErrors(R"(dimension: quantity
lexicons:
  units: {KM: km}
rules:
  - id: fr.quantity.x
    pattern: '(?P<number>\d+)'
    examples: ["1"]
)");
  REQUIRE(errors.size() == 1);
  CHECK_THAT(errors[0].message, Catch::Contains("lower case"));
}

TEST_CASE("lexicon keys fold case with full Unicode", "[rules]") {
  CHECK(LexiconKey("Deux") == "deux");
  CHECK(LexiconKey("ÉTATS") == "états");
  CHECK(LexiconKey("Km²") == "km²");
}

TEST_CASE("LexiconKey's Latin-1 fast paths fold as utf8proc does", "[rules]") {
  // Every word of ASCII and U+00C0..U+00FF (plus a few others that must
  // take utf8proc's path) against utf8proc's own CASEFOLD.
  auto reference = [](const std::string& word) {
    utf8proc_uint8_t* folded = nullptr;
    utf8proc_ssize_t n = utf8proc_map(
        reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
        static_cast<utf8proc_ssize_t>(word.size()), &folded,
        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
    REQUIRE(n >= 0);
    std::string key(reinterpret_cast<char*>(folded), static_cast<size_t>(n));
    std::free(folded);
    return key;
  };
  auto utf8 = [](char32_t c) {
    std::string out;
    if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
    } else {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    }
    out += static_cast<char>(0x80 | (c & 0x3F));
    return out;
  };
  // Every character of the fast paths' ranges and their neighbours, each
  // alone and, below, in random words.
  std::vector<std::string> letters;
  for (char c = 'A'; c <= 'Z'; ++c) letters.emplace_back(1, c);
  for (char c = 'a'; c <= 'z'; ++c) letters.emplace_back(1, c);
  for (char32_t c = 0x80; c <= 0x17F; ++c) letters.push_back(utf8(c));
  for (char32_t c = 0x1FF0; c <= 0x20CF; ++c) letters.push_back(utf8(c));
  for (const char* other : {"-", "'", "e\xCC\x81", "\xE2\x82\xAC"}) letters.emplace_back(other);
  for (const std::string& letter : letters) {
    CAPTURE(letter);
    CHECK(LexiconKey(letter) == reference(letter));
    if (IsLatin1LexiconKey(letter)) CHECK(reference(letter) == letter);
  }
  // The characters the no-copy test must know as keys: news text's own.
  for (const char* key : {"\xC2\xAB", "\xC2\xBB", "\xC2\xB0", "\xC2\xA0", "\xC5\x93",
                          "\xE2\x80\x94", "\xE2\x80\xA6", "\xE2\x80\x99", "\xE2\x80\xB9",
                          "\xE2\x80\xAF", "\xC3\xA9", "\xC3\xBF"}) {
    CAPTURE(key);
    CHECK(IsLatin1LexiconKey(key));
  }
  // Bytes cut short or out of place take utf8proc's path, which keeps
  // them as they are.
  for (const char* broken : {"\xC3", "\xE2\x80", "a\xC2", "\xC5\x92\xE2"}) {
    CAPTURE(std::string(broken));
    CHECK_FALSE(IsLatin1LexiconKey(broken));
  }
  std::mt19937 random(20261203);
  for (int i = 0; i < 20000; ++i) {
    std::string word;
    const int length = 1 + static_cast<int>(random() % 8);
    for (int k = 0; k < length; ++k) word += letters[random() % letters.size()];
    CAPTURE(word);
    CHECK(LexiconKey(word) == reference(word));
    // The no-copy test says "already a key" only of keys, and of every key
    // made of ASCII and Latin-1 letters.
    const std::string key = reference(word);
    if (IsLatin1LexiconKey(word)) CHECK(key == word);
  }
  // And it knows every word of folded ASCII and Latin-1 letters and the
  // punctuation above as a key, whatever their places in its 8-byte
  // blocks.
  const std::vector<std::string> folded = {"a", "z", "0", "-", "'", " ", "\xC3\xA9", "\xC3\xA0",
                                           "\xC3\xA7", "\xC3\xBF", "\xC5\x93", "\xC2\xAB",
                                           "\xE2\x80\x99", "\xE2\x80\xA6"};
  for (int i = 0; i < 5000; ++i) {
    std::string word;
    const int length = 1 + static_cast<int>(random() % 20);
    for (int k = 0; k < length; ++k) word += folded[random() % folded.size()];
    CAPTURE(word);
    CHECK(IsLatin1LexiconKey(word));
    CHECK(LexiconKey(word) == word);
  }
}

// FindAll finds each span with the alternation's DFA, then takes the groups
// from the first rule, in priority order, that matches that span in context.
// Unbounded rules sit outside the shared boundaries, and a rule testing \b
// turns off the candidate set (it sees the span without its context).
TEST_CASE("unbounded rules and rules testing \\b keep the longest-then-priority order",
          "[rules]") {
  RuleDir dir(Files{{"quantity.yaml", R"(dimension: quantity
rules:
  - id: fr.quantity.plain
    pattern: '(?P<number>\d+)'
    examples: ["12"]
  - id: fr.quantity.sign_first
    pattern: '(?P<unit>[$])(?P<number>\d+)'
    boundary: none
    examples: ["$12"]
  - id: fr.quantity.years
    pattern: '(?P<number>\d+)\b ans'
    examples: ["30 ans"]
  - id: fr.quantity.years_preferred
    pattern: '(?P<number>\d+) an[s]'
    priority: 5
    examples: ["40 ans"]
)"}});
  auto book = RuleBook::Load(dir.path());
  REQUIRE(book.ok());
  const RuleSet& set = *(*book)->Dimension("quantity");
  std::string text = "a$12b et 30 ans, 7 x$5 ";
  auto matches = set.FindAll(text, {0, text.size()});
  REQUIRE(matches.size() == 4);
  CHECK(matches[0].rule->id == "fr.quantity.sign_first");
  CHECK(matches[0].Group("unit")->Of(text) == "$");
  CHECK(matches[0].Group("number")->Of(text) == "12");
  CHECK(matches[1].rule->id == "fr.quantity.years_preferred");  // ties on length
  CHECK(matches[1].span.Of(text) == "30 ans");
  CHECK(matches[1].Group("number")->Of(text) == "30");
  CHECK(matches[2].rule->id == "fr.quantity.plain");
  // The bounded match counts its boundary characters: "$5 " beats "$5".
  CHECK(matches[3].rule->id == "fr.quantity.plain");
  CHECK(matches[3].span.Of(text) == "5");
}

TEST_CASE("a rule testing \\b costs its dimension the candidate set", "[rules]") {
  RuleDir plain(Files{{"quantity.yaml", kGoodRule}});
  auto book = RuleBook::Load(plain.path());
  REQUIRE(book.ok());
  CHECK((*book)->Dimension("quantity")->HasCandidateSet());
  RuleDir bounded(Files{{"quantity.yaml", R"(dimension: quantity
rules:
  - id: fr.quantity.plain
    pattern: '(?P<number>\d+)'
    examples: ["12"]
  - id: fr.quantity.hours
    pattern: '(?P<number>\d+) ?h\b'
    examples: ["4 h"]
)"}});
  auto with_b = RuleBook::Load(bounded.path());
  REQUIRE(with_b.ok());
  CHECK_FALSE((*with_b)->Dimension("quantity")->HasCandidateSet());
}

// Without it every quantity match tries every rule: about five times the
// recognizer's instructions on news text (a \b in one rule did this once).
// Its rules are word-bounded already and need no \b.
TEST_CASE("the shipped quantity rules keep their candidate set", "[rules]") {
  auto book = ProjectRules();
  CHECK(book->Dimension("quantity")->HasCandidateSet());
}

// Every field of two match lists, for the comparison below.
void CheckSameMatches(std::string_view text, const std::vector<RuleMatch>& got,
                      const std::vector<RuleMatch>& want) {
  REQUIRE(got.size() == want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    INFO("match " << i << ": " << want[i].span.Of(text) << " by " << want[i].rule->id);
    CHECK(got[i].rule == want[i].rule);
    CHECK(got[i].span == want[i].span);
    CHECK(got[i].groups == want[i].groups);
  }
}

TEST_CASE("groups read from a rule's body alone equal its bounded regex's",
          "[rules]") {
  // FindAll reads a word-bounded match's groups from the rule's body when
  // the boundary characters around it can have only one width, only asks
  // a silent rule's body whether it matches, and takes groups with PCRE2
  // (submatch.h); the bounded regex, FindAllBounded's, with RE2 alone, is
  // the reference. Text: the shared corpora, and random strings of the
  // characters the boundaries weigh (letters, digits, . , - _ and spaces,
  // non-ASCII letters and signs) mixed with number, unit and modifier
  // words, and bytes that are not UTF-8.
  auto book = ProjectRules();
  std::vector<std::string> texts;
  const fs::path corpora = fs::path(CLAIMX_SHARED_DIR) / "corpora";
  REQUIRE(fs::is_directory(corpora));
  for (const auto& entry : fs::recursive_directory_iterator(corpora)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  const std::vector<std::string> pieces = {
      "1", "2", "3", "0", "19", "2014", "94 000", "2,5", "1.787.000", ".", ",", "-", "_",
      " ", " ", " ", "a", "e", "é", "É", "«", "»", "%", "€", "$", "km", "h", "ans", "mois",
      "millions", "milliards", "euros", "deux", "trois", "vingt", "et", "un", "une", "cent",
      "dizaine", "au moins", "plus de", "environ", "entre", "à", "de", "d'", "le", "la", "en",
      "tiers", "sur", "pour cent", "points", "article", "n°", "vers", "mars", "mai", "(", ")",
      "'", "/", ":", "+", "\n", "\xff", "\xc3"};
  std::mt19937 random(20261204);
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    const int n = 1 + static_cast<int>(random() % 12);
    for (int k = 0; k < n; ++k) text += pieces[random() % pieces.size()];
    texts.push_back(std::move(text));
  }
  size_t matches = 0;
  size_t silent = 0;
  for (const char* dimension : {"quantity", "date", "place", "source"}) {
    const RuleSet* set = book->Dimension(dimension);
    if (set == nullptr) continue;
    for (const std::string& text : texts) {
      INFO(dimension << ": " << text.substr(0, 200));
      // The whole text, and a range after some context (a sentence's).
      for (const Span range : {Span{0, text.size()}, Span{text.size() / 3, text.size()}}) {
        auto got = set->FindAll(text, range);
        const auto want = set->FindAllBounded(text, range);
        CheckSameMatches(text, got, want);
        matches += got.size();
        // Stepping over the `emit: none` rules drops their matches, and
        // only theirs.
        std::vector<RuleMatch> emitted;
        for (const RuleMatch& m : want) {
          const auto emit = m.rule->set.find("emit");
          if (emit == m.rule->set.end() || emit->second != "none") emitted.push_back(m);
        }
        silent += want.size() - emitted.size();
        CheckSameMatches(text, set->FindAll(text, range, nullptr, RuleSet::Silent::kStepOver),
                         emitted);
      }
    }
  }
  CHECK(matches > 10000);
  CHECK(silent > 100);
}

}  // namespace
}  // namespace claimx
