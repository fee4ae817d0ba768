#include "extractor/rules.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>

#include <re2/re2.h>
#include <re2/set.h>
#include <utf8proc.h>
#include <yaml-cpp/yaml.h>

#include "extractor/submatch.h"

namespace claimx {

namespace fs = std::filesystem;

std::string RuleError::ToString() const {
  std::ostringstream out;
  out << file;
  if (line > 0) out << ':' << line;
  out << ": ";
  if (!rule_id.empty()) out << rule_id << ": ";
  out << message;
  return out.str();
}

std::string FoldCase(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    unsigned char b = static_cast<unsigned char>(text[pos]);
    if (b < 0x80) {
      out += static_cast<char>(std::tolower(b));
      ++pos;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(
        reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
        static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
    if (n <= 0) {
      out += text[pos++];
      continue;
    }
    utf8proc_uint8_t buffer[4];
    utf8proc_ssize_t written = utf8proc_encode_char(utf8proc_tolower(cp), buffer);
    out.append(reinterpret_cast<const char*>(buffer), static_cast<size_t>(written));
    pos += static_cast<size_t>(n);
  }
  return out;
}

std::optional<std::string_view> Table::Lookup(std::string_view word) const {
  auto it = entries.find(FoldCase(word));
  if (it == entries.end()) return std::nullopt;
  return std::string_view(it->second);
}

// A letter, digit or underscore: what a word-bounded match must not touch.
bool IsWordCharAt(std::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  unsigned char b = static_cast<unsigned char>(text[pos]);
  if (b < 0x80) return std::isalnum(b) || b == '_';
  utf8proc_int32_t cp;
  utf8proc_ssize_t n = utf8proc_iterate(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
      static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
  if (n <= 0) return false;
  utf8proc_category_t cat = utf8proc_category(cp);
  return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
         (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
}

// Whether a match ending at `end` runs on into a word or number: a letter or
// digit follows, or a '.'/',' and then a digit ("49" in "49.3").
bool GluedOnTheRight(std::string_view text, size_t end) {
  if (IsWordCharAt(text, end)) return true;
  return end + 1 < text.size() && (text[end] == '.' || text[end] == ',') &&
         std::isdigit(static_cast<unsigned char>(text[end + 1]));
}

std::optional<Span> RuleMatch::Group(std::string_view name) const {
  for (const auto& [group, span] : groups) {
    if (group == name) return span;
  }
  return std::nullopt;
}

namespace {

// Start of the UTF-8 character that ends at `pos` (pos > 0).
size_t PreviousCharStart(std::string_view text, size_t pos) {
  size_t k = pos - 1;
  while (k > 0 && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;
  return k;
}

// The left boundary is a consumed, unreported prefix (RE2 has no
// look-behind): the start of the text, or one character that is not a letter,
// digit or underscore.
// A '.' or ',' between digits glues them into one number ("49.3", "2,5"),
// so it counts as part of the word on both sides; a '-' after a letter or
// digit glues a model name ("MD-83", "F-16") on the left.
//
// The right boundary is consumed too, after the reported group, so that the
// leftmost-longest search only ever compares matches that end at a boundary
// ("94 m" glued to "anifestants" must not beat "94"); the scan restarts at
// the end of the reported group, so the next match can use that character
// as its own left boundary.
constexpr std::string_view kLeftBoundary =
    R"((?:^|[^\pL\pN_.,-]|(?:^|[^\pN])[.,]|(?:^|[^\pL\pN])-))";
constexpr std::string_view kRightBoundary =
    R"((?:$|[^\pL\pN_.,]|[.,](?:$|[^\pN])))";

// Supersets of the two boundaries, for the candidate set only (see
// RuleSet::Combined): letters and digits outside ASCII count as boundaries.
// Each \pL or \pN class costs RE2 milliseconds to compile; written once per
// rule in a set of fifty, they made the set most of claimx's start-up time.
constexpr std::string_view kLooseLeftBoundary =
    R"((?:^|[^a-zA-Z0-9_.,-]|(?:^|[^0-9])[.,]|(?:^|[^a-zA-Z0-9])-))";
constexpr std::string_view kLooseRightBoundary = R"((?:$|[^a-zA-Z0-9_.,]|[.,](?:$|[^0-9])))";

}  // namespace

std::string_view LooseRightBoundary() { return kLooseRightBoundary; }

namespace {

std::string Wrap(const Rule& rule, std::string_view left, std::string_view right) {
  std::string full;
  if (rule.word_boundary) full += left;
  full += '(';
  full += rule.expanded_pattern;
  full += ')';
  if (rule.word_boundary) full += right;
  return full;
}

std::string WrapPattern(const Rule& rule) { return Wrap(rule, kLeftBoundary, kRightBoundary); }

RE2::Options RuleOptions() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_max_mem(kRuleMaxMemBytes);
  options.set_log_errors(false);
  return options;
}

// ---------------------------------------------------------------------------
// Loading

struct Define {
  std::string pattern;
  std::string file;
  int line = 0;
};

class Loader {
 public:
  explicit Loader(std::vector<RuleError>* errors) : errors_(errors) {}

  void LoadFile(const fs::path& path);
  // One rule file given as text; `name` stands for its file name in errors.
  void LoadText(std::string_view yaml, const std::string& name);
  void ExpandAndCompile();
  std::vector<RuleSet> TakeSets();
  std::map<std::string, std::map<std::string, std::string>, std::less<>>
  TakeLexicons() {
    return std::move(lexicons_);
  }
  std::map<std::string, Table, std::less<>> TakeTables() { return std::move(tables_); }
  // Every define expanded; call after ExpandAndCompile.
  std::map<std::string, std::string, std::less<>> ExpandedDefines();

 private:
  void Error(const std::string& file, int line, const std::string& rule_id,
             const std::string& message) {
    errors_->push_back(RuleError{file, line, rule_id, message});
  }
  static int LineOf(const YAML::Node& node) { return node.Mark().line + 1; }

  void LoadRoot(const YAML::Node& root, const std::string& file);
  void ParseDefines(const YAML::Node& defines, const std::string& file);
  void ParseLexicons(const YAML::Node& lexicons, const std::string& file);
  void ParseTables(const YAML::Node& tables, const std::string& file);
  void ParseRule(const YAML::Node& node, const std::string& dimension,
                 const std::string& file);
  bool ParseExamples(const YAML::Node& list, const std::string& file,
                     const std::string& id, std::vector<RuleExample>* out);
  // Replaces every {{name}} in `pattern`; `stack` detects cycles.
  bool Expand(const std::string& pattern, const std::string& file, int line,
              const std::string& id, std::vector<std::string>* stack,
              std::string* out);
  void Compile(Rule* rule);

  std::vector<RuleError>* errors_;
  std::map<std::string, Define> defines_;
  std::map<std::string, std::map<std::string, std::string>, std::less<>> lexicons_;
  std::map<std::string, std::vector<Rule>> rules_by_dimension_;
  std::set<std::string> ids_;
  std::map<std::string, Table, std::less<>> tables_;
};

// The define a table stands for: its words, longest first so that RE2's
// leftmost-first alternation prefers "janv." to "janv", case-insensitive.
std::string TablePattern(const Table& table) {
  std::vector<std::string> words;
  for (const auto& [word, value] : table.entries) words.push_back(word);
  std::stable_sort(words.begin(), words.end(),
                   [](const std::string& a, const std::string& b) {
                     return a.size() > b.size();
                   });
  std::string pattern = "(?i:";
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) pattern += '|';
    pattern += RE2::QuoteMeta(words[i]);
  }
  pattern += ')';
  return pattern;
}

// `ll.dimension.name`: two lowercase letters, a lowercase/underscore word,
// a lowercase/digit/underscore word. Checked by hand rather than with
// std::regex, whose matcher recurses once per character of the id (a long id
// in a hostile rule file would overflow the stack).
bool IsWellFormedRuleId(std::string_view id) {
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  auto in_word = [&](char c, bool digits) {
    return lower(c) || c == '_' || (digits && c >= '0' && c <= '9');
  };
  size_t first_dot = id.find('.');
  size_t second_dot = first_dot == std::string_view::npos
                          ? std::string_view::npos
                          : id.find('.', first_dot + 1);
  if (first_dot != 2 || second_dot == std::string_view::npos) return false;
  std::string_view dimension = id.substr(3, second_dot - 3);
  std::string_view name = id.substr(second_dot + 1);
  return lower(id[0]) && lower(id[1]) && !dimension.empty() && !name.empty() &&
         std::all_of(dimension.begin(), dimension.end(),
                     [&](char c) { return in_word(c, false); }) &&
         std::all_of(name.begin(), name.end(),
                     [&](char c) { return in_word(c, true); });
}

void Loader::LoadFile(const fs::path& path) {
  const std::string file = path.string();
  YAML::Node root;
  try {
    root = YAML::LoadFile(file);
  } catch (const YAML::Exception& e) {
    Error(file, e.mark.line + 1, "", "YAML: " + e.msg);
    return;
  }
  LoadRoot(root, file);
}

void Loader::LoadText(std::string_view yaml, const std::string& name) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    Error(name, e.mark.line + 1, "", "YAML: " + e.msg);
    return;
  }
  LoadRoot(root, name);
}

void Loader::LoadRoot(const YAML::Node& root, const std::string& file) {
  if (!root.IsMap()) {
    Error(file, 0, "", "a rule file is a mapping with 'dimension' and 'rules'");
    return;
  }
  // yaml-cpp conversions throw on a value of the wrong shape (a list where a
  // word was expected): each section reports that as one error, and the
  // other sections still load and report theirs.
  auto guarded = [&](auto&& parse) {
    try {
      parse();
    } catch (const YAML::Exception& e) {
      Error(file, e.mark.line + 1, "", "YAML: " + e.msg);
    }
  };
  if (root["defines"]) guarded([&] { ParseDefines(root["defines"], file); });
  if (root["lexicons"]) guarded([&] { ParseLexicons(root["lexicons"], file); });
  if (root["tables"]) guarded([&] { ParseTables(root["tables"], file); });
  if (!root["rules"]) return;  // a file of defines only
  if (!root["dimension"] || !root["dimension"].IsScalar()) {
    Error(file, 1, "", "missing 'dimension'");
    return;
  }
  std::string dimension = root["dimension"].as<std::string>();
  const YAML::Node& rules = root["rules"];
  if (!rules.IsSequence()) {
    Error(file, LineOf(rules), "", "'rules' must be a list");
    return;
  }
  for (const YAML::Node& node : rules) {
    guarded([&] { ParseRule(node, dimension, file); });
  }
}

void Loader::ParseDefines(const YAML::Node& defines, const std::string& file) {
  if (!defines.IsMap()) {
    Error(file, LineOf(defines), "", "'defines' must be a mapping");
    return;
  }
  for (const auto& entry : defines) {
    std::string name = entry.first.as<std::string>();
    const YAML::Node& value = entry.second;
    YAML::Node pattern = value.IsMap() ? value["pattern"] : value;
    if (!pattern || !pattern.IsScalar()) {
      Error(file, LineOf(entry.first), "", "define '" + name + "' has no pattern");
      continue;
    }
    if (defines_.count(name)) {
      const Define& first = defines_[name];
      Error(file, LineOf(entry.first), "",
            "define '" + name + "' already defined at " + first.file + ":" +
                std::to_string(first.line));
      continue;
    }
    defines_[name] = Define{pattern.as<std::string>(), file, LineOf(entry.first)};
  }
}

void Loader::ParseLexicons(const YAML::Node& lexicons, const std::string& file) {
  if (!lexicons.IsMap()) {
    Error(file, LineOf(lexicons), "", "'lexicons' must be a mapping");
    return;
  }
  for (const auto& entry : lexicons) {
    std::string name = entry.first.as<std::string>();
    const YAML::Node& table = entry.second;
    if (!table.IsMap() || table.size() == 0) {
      Error(file, LineOf(entry.first), "",
            "lexicon '" + name + "' must be a non-empty mapping word: value");
      continue;
    }
    if (defines_.count(name) || lexicons_.count(name)) {
      Error(file, LineOf(entry.first), "",
            "'" + name + "' is already a define or lexicon");
      continue;
    }
    auto& words = lexicons_[name];
    for (const auto& kv : table) {
      std::string word = kv.first.as<std::string>();
      if (word != LexiconKey(word)) {
        Error(file, LineOf(kv.first), "",
              "lexicon '" + name + "': write '" + word + "' in lower case");
        continue;
      }
      words[word] = kv.second.IsNull() ? "" : kv.second.as<std::string>();
    }
  }
}

// A lexicon used in a pattern: its words as an alternation, longest first so
// that leftmost-first matching prefers "milliards" to "milliard".
std::string LexiconAlternation(const std::map<std::string, std::string>& words) {
  std::vector<std::string> sorted;
  for (const auto& [word, value] : words) sorted.push_back(word);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const std::string& a, const std::string& b) {
                     return a.size() > b.size();
                   });
  std::string out;
  for (const std::string& word : sorted) {
    if (!out.empty()) out += '|';
    // Quote each character but let a space match any run of spaces or a
    // hyphen ("quatre vingt" / "quatre-vingt" are written both ways).
    for (char c : word) {
      if (c == ' ' || c == '-') {
        out += "[ -]";
      } else {
        out += RE2::QuoteMeta(std::string(1, c));
      }
    }
  }
  return out;
}

void Loader::ParseTables(const YAML::Node& tables, const std::string& file) {
  if (!tables.IsMap()) {
    Error(file, LineOf(tables), "", "'tables' must be a mapping");
    return;
  }
  for (const auto& entry : tables) {
    Table table;
    table.name = entry.first.as<std::string>();
    table.file = file;
    table.line = LineOf(entry.first);
    const YAML::Node& body = entry.second;
    if (!body.IsMap() || !body["entries"] || !body["entries"].IsMap() ||
        body["entries"].size() == 0) {
      Error(file, table.line, "", "table '" + table.name +
                                      "' needs a non-empty 'entries' mapping");
      continue;
    }
    if (defines_.count(table.name) || tables_.count(table.name) ||
        lexicons_.count(table.name)) {
      Error(file, table.line, "", "table '" + table.name +
                                      "' clashes with a define, lexicon or table of that name");
      continue;
    }
    if (body["doc"]) table.doc = body["doc"].as<std::string>();
    bool ok = true;
    for (const auto& kv : body["entries"]) {
      if (!kv.second.IsScalar()) {
        Error(file, LineOf(kv.first), "", "table '" + table.name +
                                              "': a value must be a scalar");
        ok = false;
        break;
      }
      std::string word = FoldCase(kv.first.as<std::string>());
      if (!table.entries.emplace(word, kv.second.as<std::string>()).second) {
        Error(file, LineOf(kv.first), "", "table '" + table.name +
                                              "': duplicate word '" + word + "'");
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    defines_[table.name] = Define{TablePattern(table), file, table.line};
    tables_.emplace(table.name, std::move(table));
  }
}

std::map<std::string, std::string, std::less<>> Loader::ExpandedDefines() {
  // Broken defines were reported by ExpandAndCompile; they are just left out.
  std::vector<RuleError> already_reported;
  std::vector<RuleError>* errors = errors_;
  errors_ = &already_reported;
  std::map<std::string, std::string, std::less<>> out;
  for (const auto& [name, define] : defines_) {
    std::vector<std::string> stack{name};
    std::string expanded;
    if (Expand(define.pattern, define.file, define.line, "{{" + name + "}}",
               &stack, &expanded)) {
      out[name] = std::move(expanded);
    }
  }
  errors_ = errors;
  return out;
}

bool Loader::ParseExamples(const YAML::Node& list, const std::string& file,
                           const std::string& id,
                           std::vector<RuleExample>* out) {
  if (!list) return true;
  if (!list.IsSequence()) {
    Error(file, LineOf(list), id, "examples must be a list");
    return false;
  }
  for (const YAML::Node& item : list) {
    RuleExample example;
    example.line = LineOf(item);
    if (item.IsScalar()) {
      example.text = item.as<std::string>();
    } else if (item.IsMap() && item["text"]) {
      example.text = item["text"].as<std::string>();
      if (item["match"]) example.match = item["match"].as<std::string>();
      if (item["expect"]) {
        // Scalars come back as strings; the checker compares them loosely
        // with the emitted JSON (numbers by value).
        const YAML::Node& expect = item["expect"];
        if (!expect.IsMap()) {
          Error(file, example.line, id, "'expect' must be a mapping");
          return false;
        }
        example.expect = nlohmann::json::object();
        for (const auto& kv : expect) {
          example.expect[kv.first.as<std::string>()] =
              kv.second.IsNull() ? nlohmann::json() : nlohmann::json(kv.second.as<std::string>());
        }
      }
    } else {
      Error(file, example.line, id, "an example is a string or {text, match}");
      return false;
    }
    if (example.match.empty()) example.match = example.text;
    if (example.text.find(example.match) == std::string::npos) {
      Error(file, example.line, id,
            "example match '" + example.match + "' is not in its text");
      return false;
    }
    out->push_back(std::move(example));
  }
  return true;
}

void Loader::ParseRule(const YAML::Node& node, const std::string& dimension,
                       const std::string& file) {
  int line = LineOf(node);
  if (!node.IsMap() || !node["id"]) {
    Error(file, line, "", "a rule needs an 'id'");
    return;
  }
  Rule rule;
  rule.id = node["id"].as<std::string>();
  rule.dimension = dimension;
  rule.file = file;
  rule.line = line;
  if (!IsWellFormedRuleId(rule.id) ||
      rule.id.find("." + dimension + ".") == std::string::npos) {
    Error(file, line, rule.id,
          "id must look like fr." + dimension + ".snake_case_name");
    return;
  }
  if (!ids_.insert(rule.id).second) {
    Error(file, line, rule.id, "duplicate rule id");
    return;
  }
  if (!node["pattern"] || !node["pattern"].IsScalar()) {
    Error(file, line, rule.id, "missing 'pattern'");
    return;
  }
  rule.pattern = node["pattern"].as<std::string>();
  if (node["doc"]) rule.doc = node["doc"].as<std::string>();
  try {
    if (node["priority"]) rule.priority = node["priority"].as<int>();
    if (node["boundary"]) {
      std::string boundary = node["boundary"].as<std::string>();
      if (boundary != "word" && boundary != "none") {
        Error(file, line, rule.id, "boundary is 'word' or 'none'");
        return;
      }
      rule.word_boundary = boundary == "word";
    }
  } catch (const YAML::Exception& e) {
    Error(file, LineOf(node), rule.id, "bad field: " + e.msg);
    return;
  }
  if (node["set"]) {
    if (!node["set"].IsMap()) {
      Error(file, line, rule.id, "'set' must be a mapping");
      return;
    }
    for (const auto& kv : node["set"]) {
      rule.set[kv.first.as<std::string>()] = kv.second.as<std::string>();
    }
  }
  if (!ParseExamples(node["examples"], file, rule.id, &rule.examples) ||
      !ParseExamples(node["counterexamples"], file, rule.id,
                     &rule.counterexamples)) {
    return;
  }
  if (rule.examples.empty()) {
    Error(file, line, rule.id, "a rule needs at least one example");
    return;
  }
  rules_by_dimension_[dimension].push_back(std::move(rule));
}

bool Loader::Expand(const std::string& pattern, const std::string& file,
                    int line, const std::string& id,
                    std::vector<std::string>* stack, std::string* out) {
  size_t pos = 0;
  while (true) {
    size_t open = pattern.find("{{", pos);
    if (open == std::string::npos) break;
    size_t close = pattern.find("}}", open);
    if (close == std::string::npos) {
      Error(file, line, id, "unclosed '{{' in pattern");
      return false;
    }
    out->append(pattern, pos, open - pos);
    std::string name = pattern.substr(open + 2, close - open - 2);
    if (auto lexicon = lexicons_.find(name); lexicon != lexicons_.end()) {
      out->append("(?:" + LexiconAlternation(lexicon->second) + ")");
      pos = close + 2;
      continue;
    }
    auto it = defines_.find(name);
    if (it == defines_.end()) {
      Error(file, line, id, "undefined {{" + name + "}}");
      return false;
    }
    if (std::find(stack->begin(), stack->end(), name) != stack->end()) {
      Error(file, line, id, "cyclic {{" + name + "}}");
      return false;
    }
    if (stack->size() >= kMaxDefineDepth) {
      Error(file, line, id, "{{" + name + "}} nests defines over " +
                                std::to_string(kMaxDefineDepth) + " deep");
      return false;
    }
    stack->push_back(name);
    out->append("(?:");
    if (!Expand(it->second.pattern, file, line, id, stack, out)) return false;
    out->append(")");
    stack->pop_back();
    pos = close + 2;
    if (out->size() > kMaxExpandedPatternBytes) {
      // Defines that each use the previous one twice double the pattern at
      // every level: 30 short lines would expand to gigabytes.
      Error(file, line, id, "pattern expands to over " +
                                std::to_string(kMaxExpandedPatternBytes) +
                                " bytes");
      return false;
    }
  }
  out->append(pattern, pos, std::string::npos);
  return true;
}

void Loader::Compile(Rule* rule) {
  std::vector<std::string> stack;
  if (!Expand(rule->pattern, rule->file, rule->line, rule->id, &stack,
              &rule->expanded_pattern)) {
    return;
  }
  // The bare pattern, not the wrapped one: the boundaries are fixed and
  // valid, and their \pL classes would make this compile ten times slower.
  // The wrapped regex is compiled on first use (RuleSet::Combined).
  auto regex = std::make_shared<RE2>(rule->expanded_pattern, RuleOptions());
  if (!regex->ok()) {
    Error(rule->file, rule->line, rule->id, "RE2: " + regex->error());
    return;
  }
  if (RE2::FullMatch("", *regex)) {
    Error(rule->file, rule->line, rule->id, "pattern matches the empty string");
    return;
  }
  // Numbered as in the wrapped pattern, whose group 1 is the whole rule.
  rule->group_names.assign(regex->NumberOfCapturingGroups() + 2, "");
  for (const auto& [index, name] : regex->CapturingGroupNames()) {
    rule->group_names[index + 1] = name;
  }
  rule->regex = std::move(regex);
}

void Loader::ExpandAndCompile() {
  // Each define is also compiled alone, so a broken one is reported at its
  // own line rather than at every rule that uses it.
  for (const auto& [name, define] : defines_) {
    std::vector<std::string> stack{name};
    std::string expanded;
    if (!Expand(define.pattern, define.file, define.line, "{{" + name + "}}",
                &stack, &expanded)) {
      continue;
    }
    RE2 regex(expanded, RuleOptions());
    if (!regex.ok()) {
      Error(define.file, define.line, "{{" + name + "}}", "RE2: " + regex.error());
    }
  }
  for (auto& [dimension, rules] : rules_by_dimension_) {
    for (Rule& rule : rules) Compile(&rule);
  }
}

std::vector<RuleSet> Loader::TakeSets() {
  std::vector<RuleSet> sets;
  for (auto& [dimension, rules] : rules_by_dimension_) {
    sets.emplace_back(dimension, std::move(rules));
    sets.back().Compile(errors_);
  }
  return sets;
}

std::vector<std::string> ReadList(const fs::path& path) {
  std::vector<std::string> entries;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    size_t hash = line.find('#');
    if (hash != std::string::npos) line.resize(hash);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) {
      line.pop_back();
    }
    size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos) continue;
    entries.push_back(line.substr(first));
  }
  return entries;
}

std::vector<fs::path> YamlFilesIn(const std::string& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  return files;
}

}  // namespace

// ---------------------------------------------------------------------------
// RuleSet

// The alternation finds where each match is with its DFA alone (no groups):
// asked for the groups too, RE2 runs its NFA over the match with every rule
// of the alternation and their word lists. The groups come from the winning
// rule's own regex instead, run over that span only.
struct RuleSet::Combined {
  explicit Combined(std::string pattern, const RE2::Options& options)
      : regex(std::move(pattern), options) {}
  RE2 regex;
  // The rules in alternation order (indices into rules_), and for each its
  // wrapped pattern compiled alone with the alternation's options, so that
  // on the same span it takes the same path and reports the same groups.
  // Compiled on first use: a short article needs a few of them, and
  // compiling all made up a third of the start-up of every claimx process.
  // Each is part of the alternation, which compiled within the same memory
  // budget, so it compiles too.
  std::vector<size_t> order;
  RE2::Options alone_options;

  // A pattern compiled on first use, once whatever the threads, by RE2 and
  // for PCRE2's submatches (submatch.h; Fast is null when PCRE2 cannot
  // take it).
  struct LazyRegex {
    std::string pattern;  // empty: none
    std::once_flag once;
    std::unique_ptr<RE2> regex;
    std::optional<LazySubmatcher> submatcher;

    const RE2* Get(const RE2::Options& options) {
      if (pattern.empty()) return nullptr;
      std::call_once(once, [&] {
        regex = std::make_unique<RE2>(pattern, options);
        submatcher.emplace(pattern, Submatcher::Anchor::kBoth,
                           regex->NumberOfCapturingGroups());
      });
      return regex.get();
    }
    const Submatcher* Fast(const RE2::Options& options) {
      return Get(options) != nullptr ? submatcher->Get() : nullptr;
    }
  };
  std::unique_ptr<LazyRegex[]> alone;

  const RE2& Alone(size_t k) const { return *alone[k].Get(alone_options); }
  const Submatcher* FastAlone(size_t k) const { return alone[k].Fast(alone_options); }

  // For the word-bounded rules, the rule without its boundaries ("(body)",
  // group 1 the reported match as in `alone`), run on the parts of a span
  // its boundaries may leave when their characters are ASCII (BodiesOf). The
  // \pL and \pN classes of the boundaries make a rule's program about
  // 5 000 RE2 instructions larger (fr.quantity.number: 5 919 against 931),
  // which RE2's NFA walks for the groups of every match. Null for the
  // other rules, whose `alone` is their body already.
  std::unique_ptr<LazyRegex[]> body;
  std::vector<bool> silent;  // the rule says `emit: none`

  const RE2* Body(size_t k) const { return body[k].Get(alone_options); }
  const Submatcher* FastBody(size_t k) const { return body[k].Fast(alone_options); }

  // The same patterns, with looser boundaries, anchored at both ends, to
  // find in one DFA pass which rules can match a span. It sees only the
  // span, so ^ and $ hold at its edges: that and the looser boundaries can
  // only add candidates, which `alone` then checks in context. Null when a
  // rule tests \b or \B, which the edges could also make fail, or when the
  // set does not compile.
  std::unique_ptr<RE2::Set> candidates;
};

RuleSet::RuleSet(std::string dimension, std::vector<Rule> rules)
    : dimension_(std::move(dimension)), rules_(std::move(rules)) {}
RuleSet::~RuleSet() = default;
RuleSet::RuleSet(RuleSet&&) noexcept = default;

bool RuleSet::HasCandidateSet() const {
  return combined_ != nullptr && combined_->candidates != nullptr;
}

namespace {

// Whether a pattern may use \b or \B, whose truth at a span's edge depends on
// the text around it. Errs on the side of yes.
bool MayTestWordBoundary(std::string_view pattern) { return HasEscapeOf(pattern, "bB"); }

}  // namespace

void RuleSet::Compile(std::vector<RuleError>* errors) {
  // Alternatives in priority order: on equal length, RE2's leftmost-longest
  // search keeps the first alternative.
  std::vector<size_t> order;
  for (size_t i = 0; i < rules_.size(); ++i) {
    if (rules_[i].regex) order.push_back(i);  // others were reported already
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return rules_[a].priority > rules_[b].priority;
  });
  if (order.empty()) return;
  // The boundaries are written once around all the word-bounded rules, not
  // once per rule: each \pL or \pN class is hundreds of RE2 instructions, and
  // repeated for every rule they made the program so large (150 000
  // instructions for the quantity rules) that its DFA ran out of memory on
  // every search and RE2 fell back to its NFA. The language, hence every
  // leftmost-longest span, is the same.
  std::string bounded;
  std::string pattern;
  for (size_t i : order) {
    std::string& into = rules_[i].word_boundary ? bounded : pattern;
    if (!into.empty()) into += '|';
    into += "(?:" + rules_[i].expanded_pattern + ")";
  }
  if (!bounded.empty()) {
    bounded = std::string(kLeftBoundary) + "(?:" + bounded + ")" + std::string(kRightBoundary);
    pattern = pattern.empty() ? bounded : bounded + "|" + pattern;
  }
  RE2::Options options = RuleOptions();
  options.set_longest_match(true);
  // Spans only: several rules name a group `number`, which one regex could
  // not hold twice.
  RE2::Options spans_only = options;
  spans_only.set_never_capture(true);
  auto combined = std::make_unique<Combined>(pattern, spans_only);
  if (!combined->regex.ok()) {
    errors->push_back(RuleError{rules_.front().file, 0, "",
                                "the '" + dimension_ + "' rules do not compile together: " +
                                    combined->regex.error()});
    return;
  }
  bool set_is_safe = true;
  auto candidates = std::make_unique<RE2::Set>(spans_only, RE2::ANCHOR_BOTH);
  combined->alone = std::make_unique<Combined::LazyRegex[]>(order.size());
  combined->body = std::make_unique<Combined::LazyRegex[]>(order.size());
  for (size_t k = 0; k < order.size(); ++k) {
    const Rule& rule = rules_[order[k]];
    std::string loose = Wrap(rule, kLooseLeftBoundary, kLooseRightBoundary);
    set_is_safe &= !MayTestWordBoundary(loose) && candidates->Add(loose, nullptr) >= 0;
    combined->alone[k].pattern = WrapPattern(rule);
    if (rule.word_boundary) combined->body[k].pattern = "(" + rule.expanded_pattern + ")";
    const auto emit = rule.set.find("emit");
    combined->silent.push_back(emit != rule.set.end() && emit->second == "none");
  }
  if (set_is_safe && candidates->Compile()) combined->candidates = std::move(candidates);
  combined->alone_options = options;
  combined->order = std::move(order);
  combined_ = std::move(combined);
}

namespace {

// Whether a rule's regex matches whole[start, end) exactly, seeing the text
// around it; if so, its groups. `fast`, when given, is the same pattern for
// PCRE2, which takes the groups of a match in a ninth of RE2's time
// (submatch.h); on any other answer RE2 decides, and says no in ~50 ns.
bool MatchAlone(const RE2& alone, const Submatcher* fast, std::string_view whole, size_t start,
                size_t end, std::vector<re2::StringPiece>* groups) {
  if (fast != nullptr && fast->Match(whole, start, end, groups) == Submatcher::Outcome::kMatch) {
    return true;
  }
  groups->resize(static_cast<size_t>(alone.NumberOfCapturingGroups()) + 1);
  return alone.Match(re2::StringPiece(whole.data(), whole.size()), start, end,
                     RE2::ANCHOR_BOTH, groups->data(), static_cast<int>(groups->size()));
}

// What the boundaries' \pN and \pL hold among ASCII bytes.
bool IsAsciiDigit(unsigned char b) { return b >= '0' && b <= '9'; }
bool IsAsciiAlnum(unsigned char b) {
  return IsAsciiDigit(b) || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
}

// The spans a word-bounded match found at whole[start, end) may have as
// its body, one per pair of widths its two boundaries can take there;
// nullopt at the text's start (where ^ adds widths), when a
// boundary character is not ASCII (no second copy of RE2's Unicode classes
// here) or when the span is too short for a body. kLeftBoundary takes one
// character that is not a letter, digit, '_', '.', ',' or '-', or two: a
// non-digit and '.' or ',', a non-alphanumeric and '-'. kRightBoundary
// takes one character that is not a letter, digit, '_', '.' or ',', or
// two: '.' or ',' and a non-digit; at the text's end also none, or a lone
// '.' or ','.
struct BodySpans {
  Span spans[2 * 3];  // left widths 1, 2; right widths 0 (at the end), 1, 2
  size_t count = 0;
};

std::optional<BodySpans> BodiesOf(std::string_view whole, size_t start, size_t end) {
  if (start == 0 || end < start + 3) return std::nullopt;
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(whole[i]); };
  const unsigned char first = byte(start);
  const unsigned char second = byte(start + 1);
  const unsigned char last = byte(end - 1);
  const unsigned char before_last = byte(end - 2);
  if (first >= 0x80 || last >= 0x80) return std::nullopt;
  const bool at_end = end == whole.size();
  const bool dot_or_comma_last = last == '.' || last == ',';
  const bool lefts[2] = {
      !IsAsciiAlnum(first) && first != '_' && first != '.' && first != ',' && first != '-',
      ((second == '.' || second == ',') && !IsAsciiDigit(first)) ||
          (second == '-' && !IsAsciiAlnum(first))};
  const bool rights[3] = {
      at_end,
      (!IsAsciiAlnum(last) && last != '_' && !dot_or_comma_last) || (at_end && dot_or_comma_last),
      (before_last == '.' || before_last == ',') && !IsAsciiDigit(last)};
  BodySpans bodies;
  for (size_t l = 1; l <= 2; ++l) {
    for (size_t r = 0; r <= 2; ++r) {
      if (!lefts[l - 1] || !rights[r] || start + l >= end - r) continue;
      bodies.spans[bodies.count++] = Span{start + l, end - r};
    }
  }
  return bodies;
}

// Whether `regex` matches whole[span] exactly; RE2's DFA alone answers.
bool MatchesExactly(const RE2& regex, std::string_view whole, Span span) {
  return regex.Match(re2::StringPiece(whole.data(), whole.size()), span.start, span.end,
                     RE2::ANCHOR_BOTH, nullptr, 0);
}

}  // namespace

std::vector<RuleMatch> RuleSet::FindAll(std::string_view text, Span range, DropFilter drop,
                                        Silent silent) const {
  return Find(text, range, drop, /*bodies_first=*/true, silent);
}

std::vector<RuleMatch> RuleSet::FindAllBounded(std::string_view text, Span range,
                                               DropFilter drop) const {
  return Find(text, range, drop, /*bodies_first=*/false, Silent::kReport);
}

std::vector<RuleMatch> RuleSet::Find(std::string_view text, Span range, DropFilter drop,
                                     bool bodies_first, Silent silent) const {
  std::vector<RuleMatch> matches;
  if (!combined_ || range.empty()) return matches;
  const RE2& regex = combined_->regex;
  // The text ends at the range end, so that `$` and the right boundary see
  // the end of the sentence; what precedes the range stays visible as left
  // context.
  const std::string_view whole = text.substr(0, range.end);
  // The boundary prefix may need the character just before the range.
  size_t pos = range.start > 0 ? PreviousCharStart(text, range.start) : 0;
  re2::StringPiece found;
  std::vector<int> candidates;
  std::vector<re2::StringPiece> groups;
  // FindAllBounded, the reference, takes every group from RE2.
  const auto fast = [bodies_first](const Submatcher* submatcher) {
    return bodies_first ? submatcher : nullptr;
  };
  while (pos < range.end &&
         regex.Match(re2::StringPiece(whole.data(), whole.size()), pos, range.end,
                     RE2::UNANCHORED, &found, 1)) {
    const size_t found_start = found.data() - text.data();
    const size_t found_end = found_start + found.size();
    if (drop != nullptr) {
      if (const std::optional<Span> dropped = drop(whole, Span{found_start, found_end})) {
        pos = std::max(pos + 1, dropped->end);
        continue;
      }
    }
    // The winner is the first rule, in alternation order, that matches the
    // whole span: RE2's submatch pass would have kept that alternative.
    candidates.clear();
    if (combined_->candidates == nullptr ||
        !combined_->candidates->Match(found, &candidates)) {
      candidates.resize(combined_->order.size());
      for (size_t k = 0; k < candidates.size(); ++k) candidates[k] = static_cast<int>(k);
    }
    std::sort(candidates.begin(), candidates.end());
    size_t winner = combined_->order.size();
    const std::optional<BodySpans> bodies =
        bodies_first ? BodiesOf(whole, found_start, found_end) : std::nullopt;
    std::optional<Span> silent_body;  // the body of a silent winner
    for (int k : candidates) {
      const size_t rule_k = static_cast<size_t>(k);
      const RE2* body_regex = bodies ? combined_->Body(rule_k) : nullptr;
      if (body_regex == nullptr) {
        if (MatchAlone(combined_->Alone(rule_k), fast(combined_->FastAlone(rule_k)), whole,
                       found_start, found_end, &groups)) {
          winner = rule_k;
          break;
        }
        continue;
      }
      // The rule matches the span iff its body matches one of the spans
      // the boundaries leave; when exactly one does, the groups are the
      // body's there. RE2's DFA tells them apart (~50 ns each, against
      // ~1.1 µs for the groups).
      const bool silent_rule = silent == Silent::kStepOver && combined_->silent[rule_k];
      std::optional<Span> only;
      size_t matching = 0;
      if (bodies->count == 1 && !silent_rule) {
        only = bodies->spans[0];
        matching = 1;
      } else {
        for (size_t b = 0; b < bodies->count && matching < 2; ++b) {
          if (MatchesExactly(*body_regex, whole, bodies->spans[b])) {
            only = bodies->spans[b];
            ++matching;
          }
        }
      }
      if (matching == 0) continue;
      if (matching > 1) {  // two parses: the bounded regex says which
        if (MatchAlone(combined_->Alone(rule_k), fast(combined_->FastAlone(rule_k)), whole,
                       found_start, found_end, &groups)) {
          winner = rule_k;
          break;
        }
        continue;
      }
      if (silent_rule) {
        winner = rule_k;
        silent_body = only;
        break;
      }
      if (MatchAlone(*body_regex, fast(combined_->FastBody(rule_k)), whole, only->start,
                     only->end, &groups)) {
        winner = rule_k;
        break;
      }
    }
    if (winner == combined_->order.size()) {
      // The alternation matched, so one of its rules does: not reached unless
      // RE2 disagrees with itself. Move on rather than loop.
      pos = std::max(pos, found_end) + 1;
      continue;
    }
    if (silent_body) {  // the body is the reported match, never empty
      pos = silent_body->end;
      continue;
    }
    const size_t rule_index = combined_->order[winner];
    const Rule& rule = rules_[rule_index];
    const re2::StringPiece& reported = groups[1];
    size_t start = reported.data() - text.data();
    size_t end = start + reported.size();
    if (end == start) {  // an empty match: step over one byte
      pos = std::max(pos, end) + 1;
      continue;
    }
    pos = end;
    if (start < range.start) continue;
    if (silent == Silent::kStepOver && combined_->silent[winner]) continue;
    RuleMatch match;
    match.rule = &rule;
    match.span = Span{start, end};
    for (size_t g = 2; g < groups.size(); ++g) {
      const std::string& name = rule.group_names[g];
      if (name.empty() || groups[g].data() == nullptr) continue;
      size_t gs = groups[g].data() - text.data();
      match.groups.emplace_back(name, Span{gs, gs + groups[g].size()});
    }
    // Context the rule needs but does not report ("en" in "en 2014"). What
    // follows the reported span is read again, as a look-ahead would:
    // "trois ans" in "210 jeunes sur trois ans" is a duration of its own.
    // (Silent rules, stepped over above, claim their whole match.)
    if (auto narrowed = match.Group(kReportedGroup); narrowed && !narrowed->empty()) {
      match.span = *narrowed;
      pos = narrowed->end;
    }
    matches.push_back(std::move(match));
  }
  return matches;
}

// ---------------------------------------------------------------------------
// RuleBook

Result<std::shared_ptr<const RuleBook>> RuleBook::Load(
    const std::string& dir, std::vector<RuleError>* errors) {
  std::vector<RuleError> local_errors;
  if (errors == nullptr) errors = &local_errors;
  size_t errors_before = errors->size();
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return NotFound("rules directory not found: " + dir);
  }
  std::vector<fs::path> files = YamlFilesIn(dir);
  if (files.empty() && fs::is_directory(fs::path(dir) / "fr", ec)) {
    // A rules root (rules/) rather than a language directory (rules/fr).
    return Load((fs::path(dir) / "fr").string(), errors);
  }
  if (files.empty()) return NotFound("no *.yaml rule files in " + dir);
  std::sort(files.begin(), files.end());

  Loader loader(errors);
  for (const fs::path& file : files) loader.LoadFile(file);
  loader.ExpandAndCompile();
  auto book = std::make_shared<RuleBook>();
  book->dir_ = dir;
  book->sets_ = loader.TakeSets();
  book->lexicons_ = loader.TakeLexicons();
  book->tables_ = loader.TakeTables();
  book->expanded_defines_ = loader.ExpandedDefines();
  fs::path abbreviations = fs::path(dir) / "abbreviations.txt";
  if (fs::exists(abbreviations, ec)) book->abbreviations_ = ReadList(abbreviations);
  return Finish(std::move(book), *errors, errors_before);
}

Result<std::shared_ptr<const RuleBook>> RuleBook::LoadOrDefault(
    const std::string& dir, std::string_view argv0, std::vector<RuleError>* errors) {
  if (!dir.empty()) return Load(dir, errors);
  auto found = FindDefaultRulesDir(argv0);
  if (!found.ok()) return found.status();
  return Load(*found, errors);
}

Result<std::shared_ptr<const RuleBook>> RuleBook::LoadFromText(
    std::string_view yaml, const std::string& name,
    std::vector<RuleError>* errors) {
  std::vector<RuleError> local_errors;
  if (errors == nullptr) errors = &local_errors;
  size_t errors_before = errors->size();
  Loader loader(errors);
  loader.LoadText(yaml, name);
  loader.ExpandAndCompile();
  auto book = std::make_shared<RuleBook>();
  book->dir_ = name;
  book->sets_ = loader.TakeSets();
  book->lexicons_ = loader.TakeLexicons();
  book->tables_ = loader.TakeTables();
  book->expanded_defines_ = loader.ExpandedDefines();
  return Finish(std::move(book), *errors, errors_before);
}

Result<std::shared_ptr<const RuleBook>> RuleBook::Finish(
    std::shared_ptr<RuleBook> book, const std::vector<RuleError>& errors,
    size_t errors_before) {
  size_t found = errors.size() - errors_before;
  if (found > 0) {
    return InvalidArgument(std::to_string(found) + " bad rule(s); first: " +
                           errors[errors_before].ToString());
  }
  return std::shared_ptr<const RuleBook>(std::move(book));
}

const RuleSet* RuleBook::Dimension(std::string_view dimension) const {
  for (const RuleSet& set : sets_) {
    if (set.dimension() == dimension) return &set;
  }
  return nullptr;
}

const Rule* RuleBook::FindRule(std::string_view id) const {
  for (const RuleSet& set : sets_) {
    for (const Rule& rule : set.rules()) {
      if (rule.id == id) return &rule;
    }
  }
  return nullptr;
}

const std::map<std::string, std::string>* RuleBook::Lexicon(
    std::string_view name) const {
  auto it = lexicons_.find(name);
  return it == lexicons_.end() ? nullptr : &it->second;
}

namespace {

// The byte length of the multi-byte character at word[i] (its lead byte
// >= 0x80) when the fast paths below know what utf8proc's CASEFOLD (with
// STABLE and COMPOSE) does to it, 0 otherwise; `*delta` is then what to add
// to its second byte to fold it (0: the character is its own fold). Known:
// the Latin-1 letters of French (C3 80..BF, but ß, which folds to "ss"),
// and, so that the punctuation tokens of news text take the fast path too,
// Latin-1 signs (C2 80..BF: « » ° NBSP..., but µ, which folds to μ), Œ œ,
// and general punctuation U+2002..U+206F (— – … ’ “ ” ‹ ›; U+2000 and
// U+2001 compose to U+2002 and U+2003).
size_t KnownFold(std::string_view word, size_t i, int* delta) {
  *delta = 0;
  if (i + 1 >= word.size()) return 0;
  const auto lead = static_cast<unsigned char>(word[i]);
  const auto second = static_cast<unsigned char>(word[i + 1]);
  if (second < 0x80 || second > 0xBF) return 0;
  switch (lead) {
    case 0xC3:
      if (second == 0x9F) return 0;
      if (second <= 0x9E && second != 0x97) *delta = 0x20;  // À..Þ but ×
      return 2;
    case 0xC2:
      return second == 0xB5 ? 0 : 2;
    case 0xC5:
      if (second != 0x92 && second != 0x93) return 0;
      if (second == 0x92) *delta = 1;  // Œ
      return 2;
    case 0xE2: {
      if (i + 2 >= word.size()) return 0;
      const auto third = static_cast<unsigned char>(word[i + 2]);
      if (third < 0x80 || third > 0xBF) return 0;
      if (second == 0x80) return third >= 0x82 ? 3 : 0;
      if (second == 0x81) return third <= 0xAF ? 3 : 0;
      return 0;
    }
    default:
      return 0;
  }
}

// Case-folds, in place, ASCII and the characters KnownFold() knows without
// utf8proc. False, with `key` unspecified, when the word holds anything
// else (ß, Ÿ, combining marks, other scripts...): the caller then asks
// utf8proc. Most words of French text take this path. In place is safe:
// KnownFold() reads bytes from i on, and only bytes before i, or i + 1 once
// read, are changed.
bool FoldLatin1(std::string* key) {
  char* bytes = key->data();
  const std::string_view word(*key);
  for (size_t i = 0; i < word.size(); ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') bytes[i] = static_cast<char>(c + ('a' - 'A'));
      continue;
    }
    int delta = 0;
    const size_t length = KnownFold(word, i, &delta);
    if (length == 0) return false;
    bytes[i + 1] = static_cast<char>(static_cast<unsigned char>(bytes[i + 1]) + delta);
    i += length - 1;
  }
  return true;
}

}  // namespace

bool IsLatin1LexiconKey(std::string_view word) {
  for (size_t i = 0; i < word.size(); ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') return false;
      continue;
    }
    int delta = 0;
    const size_t length = KnownFold(word, i, &delta);
    if (length == 0 || delta != 0) return false;
    i += length - 1;
  }
  return true;
}

std::string LexiconKey(std::string_view word) {
  std::string key(word);
  if (FoldLatin1(&key)) return key;
  utf8proc_uint8_t* folded = nullptr;
  utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
      static_cast<utf8proc_ssize_t>(word.size()), &folded,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                     UTF8PROC_CASEFOLD));
  // One object returned on every path, so that it is built in place (NRVO).
  if (n < 0) {
    key.assign(word);
  } else {
    key.assign(reinterpret_cast<char*>(folded), static_cast<size_t>(n));
    std::free(folded);
  }
  return key;
}

const Table* RuleBook::FindTable(std::string_view name) const {
  auto it = tables_.find(name);
  return it == tables_.end() ? nullptr : &it->second;
}

std::optional<std::string> RuleBook::ExpandedDefine(std::string_view name) const {
  auto it = expanded_defines_.find(name);
  if (it == expanded_defines_.end()) return std::nullopt;
  return it->second;
}

size_t RuleBook::rule_count() const {
  size_t count = 0;
  for (const RuleSet& set : sets_) count += set.rules().size();
  return count;
}

Result<std::string> FindDefaultRulesDir(std::string_view argv0) {
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("CLAIMX_RULES"); env && *env) {
    candidates.emplace_back(env);
  }
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) exe = fs::path(argv0);
  if (!exe.empty()) {
    candidates.push_back(exe.parent_path() / ".." / "share" / "claimx" / "rules" / "fr");
  }
  candidates.push_back(fs::path(CLAIMX_INSTALL_DATADIR) / "fr");
  candidates.push_back(fs::path(CLAIMX_SOURCE_RULES_DIR) / "fr");
  for (const fs::path& dir : candidates) {
    if (fs::is_directory(dir, ec)) return fs::weakly_canonical(dir, ec).string();
  }
  std::string tried;
  for (const fs::path& dir : candidates) tried += " " + dir.string();
  return NotFound("no rules directory found (tried:" + tried +
                  "); pass --rules DIR");
}

}  // namespace claimx
