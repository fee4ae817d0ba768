#include "extractor/quantity.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>

#include <utf8proc.h>

namespace claimx {

namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// "94 000" or "1.787.000": the first group has 1 to 3 digits, every later
// group exactly 3, all separated by the same separator.
bool ValidGrouping(std::string_view integer, char separator) {
  size_t group_start = 0;
  bool first = true;
  while (true) {
    size_t next = integer.find(separator, group_start);
    std::string_view group = integer.substr(
        group_start, next == std::string_view::npos ? next : next - group_start);
    if (!AllDigits(group)) return false;
    if (first ? group.size() > 3 : group.size() != 3) return false;
    // "0.200" is a decimal written the English way, never two hundred.
    if (first && !group.empty() && group[0] == '0' && next != std::string_view::npos) {
      return false;
    }
    if (next == std::string_view::npos) return true;
    first = false;
    group_start = next + 1;
  }
}

constexpr size_t kMaxIntegerDigits = 15;

bool StartsWithDigit(std::string_view s) {
  return !s.empty() && std::isdigit(static_cast<unsigned char>(s[0]));
}

}  // namespace

// "66,6 millions" is 66 600 000: in binary, 66.6 * 1e6 is
// 66599999.99999999. A decimal figure times a scale word is a whole
// number as written (up to six decimals a million), so a product within
// a billionth of one is that number.
double Scaled(double figure, double scale) {
  const double product = figure * scale;
  const double whole = std::round(product);
  return std::abs(product - whole) <= 1e-9 * std::abs(product) ? whole : product;
}

std::optional<double> ParseFrenchDigits(std::string_view literal) {
  std::string_view integer = literal;
  std::string_view fraction;
  if (size_t comma = literal.find(','); comma != std::string_view::npos) {
    integer = literal.substr(0, comma);
    fraction = literal.substr(comma + 1);
    if (!AllDigits(fraction)) return std::nullopt;
  }
  char separator = 0;
  if (integer.find(' ') != std::string_view::npos) separator = ' ';
  if (integer.find('.') != std::string_view::npos) {
    if (separator != 0) return std::nullopt;  // mixed separators
    separator = '.';
  }
  if (separator != 0 ? !ValidGrouping(integer, separator) : !AllDigits(integer)) {
    return std::nullopt;
  }
  // Past 15 integer digits a double no longer holds the figure exactly, and
  // what is written is an identifier or a code, not something counted.
  size_t integer_digits = std::count_if(integer.begin(), integer.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
  if (integer_digits > kMaxIntegerDigits) return std::nullopt;
  std::string plain;
  plain.reserve(literal.size());
  for (char c : integer) {
    if (c != separator) plain += c;
  }
  if (!fraction.empty()) {
    plain += '.';
    plain.append(fraction);
  }
  double value = 0;
  auto [ptr, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
  if (ec != std::errc() || ptr != plain.data() + plain.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

namespace {

// Splits "quatre-vingt-dix-neuf", "vingt et un", "2,5 milliards" into the
// words of the number: a leading digit literal stays whole (its inner spaces
// group thousands), words split on spaces and hyphens, "et" is dropped.
std::vector<std::string> NumberTokens(std::string_view text) {
  std::vector<std::string> tokens;
  size_t pos = 0;
  if (StartsWithDigit(text)) {
    // The literal runs up to the first letter.
    size_t end = 0;
    while (end < text.size() && !std::isalpha(static_cast<unsigned char>(text[end])) &&
           static_cast<unsigned char>(text[end]) < 0x80) {
      ++end;
    }
    std::string_view literal = text.substr(0, end);
    while (!literal.empty() && literal.back() == ' ') literal.remove_suffix(1);
    tokens.emplace_back(literal);
    pos = end;
  }
  while (pos < text.size()) {
    size_t end = text.find_first_of(" -", pos);
    if (end == std::string_view::npos) end = text.size();
    std::string word = LexiconKey(text.substr(pos, end - pos));
    if (!word.empty() && word != "et") tokens.push_back(std::move(word));
    pos = end + 1;
  }
  return tokens;
}

}  // namespace

NumberWords ToNumberWords(const std::map<std::string, std::string>& lexicon) {
  NumberWords words;
  for (const auto& [word, value] : lexicon) {
    double number = 0;
    std::from_chars(value.data(), value.data() + value.size(), number);
    words[word] = number;
  }
  return words;
}

std::optional<double> ParseFrenchNumber(std::string_view text,
                                        const NumberWords& words) {
  // Digits alone ("300", "94 000", "2,5"), most of what the rules match:
  // NumberTokens would make them one token; no words to split and copy.
  if (StartsWithDigit(text) && std::none_of(text.begin(), text.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b >= 0x80 || std::isalpha(b);
      })) {
    while (text.back() == ' ') text.remove_suffix(1);
    return ParseFrenchDigits(text);
  }
  std::vector<std::string> tokens = NumberTokens(text);
  if (tokens.empty()) return std::nullopt;
  double total = 0;     // completed groups: thousands, millions...
  double current = 0;   // the group being read, below 1000 (or digits)
  double previous = 0;  // value of the previous word, 0 at the start
  double last_scale = HUGE_VAL;  // scales must decrease: "deux millions mille"
  bool digits_read = false;  // "0 million" is 0: a zero in digits is no "mille" alone
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i == 0 && StartsWithDigit(tokens[i])) {
      auto digits = ParseFrenchDigits(tokens[i]);
      if (!digits) return std::nullopt;
      current = previous = *digits;
      digits_read = true;
      continue;
    }
    // "un million et demi", "2 milliards et demi": half the last scale,
    // right after it and last.
    if (tokens[i] == "demi") {
      if (i + 1 != tokens.size() || previous < 1000 || current != 0) return std::nullopt;
      total += last_scale / 2;
      break;
    }
    auto it = words.find(tokens[i]);
    if (it == words.end()) return std::nullopt;
    const double value = it->second;
    if (value >= 1000) {
      if (value >= last_scale) return std::nullopt;  // "mille mille"
      total += Scaled(current == 0 && !digits_read ? 1 : current, value);
      digits_read = false;
      current = 0;
      last_scale = value;
    } else if (value == 100) {
      if (current >= 100) return std::nullopt;  // "cent cent"
      current = (current == 0 ? 1 : current) * 100;
    } else if (value == 20 && previous == 4 && std::fmod(current, 100) == 4) {
      current += 80 - 4;  // quatre-vingt(s)
    } else {
      // Words add up only in the orders French uses: a new group after
      // nothing, "cent" or a scale; a unit or teen after a tens word
      // ("vingt et un", "soixante-dix", "quatre-vingt-dix"); a unit after
      // "dix" ("dix-sept"). "deux trois" is two numbers, not one.
      bool starts_group = std::fmod(current, 100) == 0;
      bool after_tens = previous >= 20 && previous < 100 && value < 20;
      bool after_dix = previous == 10 && value < 10;
      if (!starts_group && !after_tens && !after_dix) return std::nullopt;
      current += value;
    }
    previous = value;
  }
  double result = total + current;
  if (!std::isfinite(result)) return std::nullopt;
  return result;
}

std::string EntityLemma(std::string_view entity,
                        const std::map<std::string, std::string>& exceptions) {
  std::string lemma;
  size_t pos = 0;
  while (pos <= entity.size()) {
    size_t end = entity.find(' ', pos);
    if (end == std::string_view::npos) end = entity.size();
    std::string word = LexiconKey(entity.substr(pos, end - pos));
    // "chiffre d'affaires", "demandeurs d'emploi": a complement keeps its
    // number.
    if (!word.starts_with("d'")) {
      if (auto it = exceptions.find(word); it != exceptions.end()) {
        word = it->second;
      } else if (word.size() > 4 && word.ends_with("aux")) {
        word.replace(word.size() - 3, 3, "al");
      } else if (word.size() > 2 && (word.back() == 's' || word.back() == 'x') &&
                 !word.ends_with("ss")) {
        word.pop_back();
      }
    }
    if (!lemma.empty()) lemma += ' ';
    lemma += word;
    pos = end + 1;
  }
  return lemma;
}

namespace {

std::string_view SetField(const Rule& rule, const std::string& key) {
  auto it = rule.set.find(key);
  return it == rule.set.end() ? std::string_view() : std::string_view(it->second);
}

std::optional<Bound> ParseBound(std::string_view name) {
  for (Bound b : {Bound::kExact, Bound::kAtLeast, Bound::kAtMost, Bound::kUpTo,
                  Bound::kRange}) {
    if (BoundName(b) == name) return b;
  }
  return std::nullopt;
}

// Looks a matched phrase up in a lexicon: case-folded, and with hyphens read
// as spaces when the phrase is not found as written.
const std::string* Lookup(const WordMap<std::string>& table, std::string_view phrase) {
  std::string key = LexiconKey(phrase);
  if (const std::string* value = table.Find(key)) return value;
  std::replace(key.begin(), key.end(), '-', ' ');
  return table.Find(key);
}

double ToDouble(const std::string& s) {
  double value = 0;
  std::from_chars(s.data(), s.data() + s.size(), value);
  return value;
}

bool IsLetterAt(std::string_view text, size_t pos, size_t* length) {
  unsigned char b = static_cast<unsigned char>(text[pos]);
  if (b < 0x80) {
    *length = 1;
    return std::isalpha(b);
  }
  utf8proc_int32_t cp;
  utf8proc_ssize_t n = utf8proc_iterate(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
      static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
  if (n <= 0) {
    *length = 1;
    return false;
  }
  *length = static_cast<size_t>(n);
  utf8proc_category_t cat = utf8proc_category(cp);
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

// The word starting at `pos` (letters, inner hyphens, a final elision
// apostrophe as in "d'"), or an empty view.
std::string_view WordAt(std::string_view text, size_t pos, size_t limit) {
  size_t end = pos;
  size_t length = 0;
  while (end < limit) {
    if (IsLetterAt(text, end, &length)) {
      end += length;
    } else if (text[end] == '-' && end > pos && end + 1 < limit &&
               IsLetterAt(text, end + 1, &length)) {
      end += 1;
    } else if (text[end] == '\'' && end > pos) {
      end += 1;  // elision: the apostrophe ends the word
      break;
    } else {
      break;
    }
  }
  return text.substr(pos, end - pos);
}

size_t SkipSpaces(std::string_view text, size_t pos, size_t limit) {
  while (pos < limit && text[pos] == ' ') ++pos;
  return pos;
}

bool IsLowerInitial(std::string_view word) {
  unsigned char b = static_cast<unsigned char>(word[0]);
  if (b < 0x80) return std::islower(b);
  utf8proc_int32_t cp;
  utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
                   static_cast<utf8proc_ssize_t>(word.size()), &cp);
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

}  // namespace

namespace {

constexpr uint64_t kFnvOffset = 14695981039346656037ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

// Bytes of a word for the prefilter: ASCII letters and every byte of a
// multi-byte UTF-8 character ("é", "°", "€"). Hyphens and spaces split.
constexpr bool IsWordByte(unsigned char b) {
  return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b >= 0x80;
}

// What the prefilter's scan does with each byte, read from one table
// rather than tested with IsWordByte's ranges.
enum ByteKind : unsigned char { kOtherByte, kWordByte, kDigitByte };
constexpr std::array<unsigned char, 256> ByteKinds() {
  std::array<unsigned char, 256> kinds{};
  for (int b = 0; b < 256; ++b) {
    const auto byte = static_cast<unsigned char>(b);
    kinds[byte] = (byte >= '0' && byte <= '9') ? kDigitByte
                  : IsWordByte(byte)           ? kWordByte
                                               : kOtherByte;
  }
  return kinds;
}
constexpr std::array<unsigned char, 256> kByteKinds = ByteKinds();

constexpr unsigned char AsciiLower(unsigned char b) {
  return (b >= 'A' && b <= 'Z') ? static_cast<unsigned char>(b | 0x20) : b;
}

uint64_t FoldedHash(std::string_view word) {
  uint64_t hash = kFnvOffset;
  for (char c : word) hash = (hash ^ AsciiLower(static_cast<unsigned char>(c))) * kFnvPrime;
  return hash | 1;  // 0 marks an empty slot
}

}  // namespace

void QuantityPrefilter::AddWord(std::string_view word) {
  if (word.empty()) return;
  uint64_t hash = FoldedHash(word);
  if (Contains(hash)) return;
  if (2 * (size_ + 1) > slots_.size()) {  // keep the table at most half full
    std::vector<uint64_t> old(slots_.size() * 2, 0);
    old.swap(slots_);
    size_ = 0;
    for (uint64_t h : old) {
      if (h == 0) continue;
      size_t i = h & (slots_.size() - 1);
      while (slots_[i] != 0) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = h;
      ++size_;
    }
  }
  size_t i = hash & (slots_.size() - 1);
  while (slots_[i] != 0) i = (i + 1) & (slots_.size() - 1);
  slots_[i] = hash;
  ++size_;
  max_length_ = std::max(max_length_, word.size());
  const unsigned char first = AsciiLower(static_cast<unsigned char>(word[0]));
  first_byte_lengths_[first] |= uint32_t{1} << std::min(word.size(), kGateLengths - 1);
}

bool QuantityPrefilter::Contains(uint64_t hash) const {
  for (size_t i = hash & (slots_.size() - 1); slots_[i] != 0;
       i = (i + 1) & (slots_.size() - 1)) {
    if (slots_[i] == hash) return true;
  }
  return false;
}

bool QuantityPrefilter::MayHoldQuantity(std::string_view sentence) const {
  const auto* p = reinterpret_cast<const unsigned char*>(sentence.data());
  const auto* end = p + sentence.size();
  while (p < end) {
    const unsigned char kind = kByteKinds[*p];
    if (kind == kDigitByte) return true;
    if (kind == kOtherByte) {
      ++p;
      continue;
    }
    const unsigned char* start = p;
    while (p < end && kByteKinds[*p] == kWordByte) ++p;
    const size_t length = static_cast<size_t>(p - start);
    if (length > max_length_ || !MayBeTableWord(AsciiLower(*start), length)) continue;
    if (Contains(FoldedHash(std::string_view(reinterpret_cast<const char*>(start), length)))) {
      return true;
    }
  }
  return false;
}

namespace {

// The words whose presence lets a sentence hold a quantity (see
// QuantityPrefilter): every word of the number, noun and cue tables, and the
// first word of every unit; not "un"/"une".
void AddTableWords(const std::map<std::string, std::string>& table, bool first_word_only,
                   QuantityPrefilter* prefilter) {
  for (const auto& [key, unused] : table) {
    size_t pos = 0;
    while (pos < key.size()) {
      size_t end = pos;
      while (end < key.size() && IsWordByte(static_cast<unsigned char>(key[end]))) ++end;
      std::string_view word = std::string_view(key).substr(pos, end - pos);
      if (!word.empty() && word != "un" && word != "une") prefilter->AddWord(word);
      if (first_word_only && !word.empty()) break;
      pos = end + 1;
    }
  }
}

}  // namespace

Result<QuantityRecognizer> QuantityRecognizer::Create(const RuleBook& rules) {
  const RuleSet* set = rules.Dimension("quantity");
  if (set == nullptr) {
    return InvalidArgument("no quantity rules in " + rules.dir());
  }
  for (const Rule& rule : set->rules()) {
    bool has_number = false;
    for (const std::string& name : rule.group_names) {
      has_number |= name == "number" || name == "low" || name == "approx_noun" ||
                    name == "fraction";
    }
    if (!has_number) {
      return InvalidArgument(rule.file + ":" + std::to_string(rule.line) + ": " +
                             rule.id +
                             ": a quantity rule needs a number, low, approx_noun or "
                             "fraction group");
    }
  }
  Tables tables;
  auto need = [&](const char* name, const Table** slot) -> Status {
    *slot = rules.Lexicon(name);
    if (*slot == nullptr) {
      return InvalidArgument("quantity rules need the lexicon '" + std::string(name) +
                             "' in " + rules.dir());
    }
    return Status::Ok();
  };
  const Table* number_words = nullptr;
  CLAIMX_RETURN_IF_ERROR(need("number_words", &number_words));
  tables.number_words = ToNumberWords(*number_words);
  // A lexicon of the rule book, copied into a hash table.
  auto copy = [&](const char* name, Lexicon* into, const Table** table = nullptr) -> Status {
    const Table* found = nullptr;
    CLAIMX_RETURN_IF_ERROR(need(name, &found));
    into->insert(found->begin(), found->end());
    if (table != nullptr) *table = found;
    return Status::Ok();
  };
  const Table* approx_nouns = nullptr;
  const Table* fraction_nouns = nullptr;
  CLAIMX_RETURN_IF_ERROR(copy("bound_modifiers", &tables.bound_modifiers));
  CLAIMX_RETURN_IF_ERROR(copy("approx_modifiers", &tables.approx_modifiers));
  CLAIMX_RETURN_IF_ERROR(copy("approx_nouns", &tables.approx_nouns, &approx_nouns));
  CLAIMX_RETURN_IF_ERROR(copy("fraction_nouns", &tables.fraction_nouns, &fraction_nouns));
  CLAIMX_RETURN_IF_ERROR(copy("added_fractions", &tables.added_fractions));
  CLAIMX_RETURN_IF_ERROR(copy("per_units", &tables.per_units));
  CLAIMX_RETURN_IF_ERROR(copy("number_scales", &tables.number_scales));
  CLAIMX_RETURN_IF_ERROR(copy("symbol_scales", &tables.symbol_scales));
  CLAIMX_RETURN_IF_ERROR(need("entity_joiners", &tables.entity_joiners));
  CLAIMX_RETURN_IF_ERROR(copy("entity_stopwords", &tables.entity_stopwords));
  CLAIMX_RETURN_IF_ERROR(copy("entity_anaphors", &tables.entity_anaphors));
  CLAIMX_RETURN_IF_ERROR(copy("figure_subject_verbs", &tables.figure_subject_verbs));
  CLAIMX_RETURN_IF_ERROR(need("lemma_exceptions", &tables.lemma_exceptions));
  QuantityPrefilter prefilter;
  std::map<std::string, size_t, std::less<>> unit_lexicon_index;  // name -> index
  for (const Rule& rule : set->rules()) {
    if (auto lexicon = rule.set.find("unit_lexicon"); lexicon != rule.set.end()) {
      if (unit_lexicon_index.count(lexicon->second) > 0) continue;
      unit_lexicon_index[lexicon->second] = tables.unit_lexicons.size();
      const Table* table = nullptr;
      CLAIMX_RETURN_IF_ERROR(
          copy(lexicon->second.c_str(), &tables.unit_lexicons.emplace_back(), &table));
      AddTableWords(*table, true, &prefilter);
    }
  }
  AddTableWords(*number_words, false, &prefilter);
  AddTableWords(*approx_nouns, false, &prefilter);
  AddTableWords(*fraction_nouns, false, &prefilter);
  const Table* cue_words = nullptr;
  CLAIMX_RETURN_IF_ERROR(need("prefilter_cue_words", &cue_words));
  AddTableWords(*cue_words, false, &prefilter);
  std::vector<RuleFields> fields;
  for (const Rule& rule : set->rules()) {
    RuleFields& f = fields.emplace_back();
    f.bound = ParseBound(SetField(rule, "bound"));
    f.approx = SetField(rule, "approx") == "true";
    if (auto unit = SetField(rule, "unit"); !unit.empty()) f.unit = std::string(unit);
    if (auto lexicon = SetField(rule, "unit_lexicon"); !lexicon.empty()) {
      f.unit_lexicon = unit_lexicon_index.find(lexicon)->second;
      f.measure_units = lexicon == "measure_units";
    }
  }
  return QuantityRecognizer(set, std::move(tables), std::move(fields), std::move(prefilter));
}

namespace {

// "de 3 à 5 millions", "entre 2 et 2,5 milliards": the scale word of the
// high end (lexicon number_scales) is the low end's too when the low end
// is one word and the scaled low end still lies below the high one ("de
// 3 000 à 5 millions" stays 3 000, "de 300 à 400 millions" scales).
// Digits grouped by thousands, "10 à 15.000 enfants", "entre 2 et 3 000
// manifestants", share them the same way: the low end is thousands too
// when it is a short plain figure and the scaled one lies below the high
// one by less than ten times ("de 1 à 10 000" stays 1).
double SharedScale(const WordMap<std::string>& scales, double low, std::string_view low_text,
                   double high, std::string_view high_text) {
  const bool low_plain = !low_text.empty() && low_text.substr(0, low_text.find(',')).size() <= 3 &&
                         low_text.find_first_of(" .") == std::string_view::npos &&
                         StartsWithDigit(low_text) && StartsWithDigit(high_text);
  const size_t group = high_text.find_last_of(" .");
  if (low_plain && group != std::string_view::npos && high_text.size() - group == 4 &&
      AllDigits(high_text.substr(group + 1)) && low * 1000 <= high && high < low * 10000) {
    return Scaled(low, 1000);
  }
  const size_t space = high_text.find_last_of(' ');
  if (space == std::string_view::npos) return low;
  const std::string* scale = Lookup(scales, high_text.substr(space + 1));
  // One word ("3", "2,5", "trois"): "3 000", "deux millions" carry their own.
  if (scale == nullptr || low_text.find(' ') != std::string_view::npos) return low;
  const double scaled = Scaled(low, ToDouble(*scale));
  return scaled <= high ? scaled : low;
}

}  // namespace

std::optional<QuantityValue> QuantityRecognizer::Evaluate(
    const RuleMatch& match, std::string_view text) const {
  const Rule& rule = *match.rule;
  auto group = [&](std::string_view name) -> std::optional<std::string_view> {
    auto span = match.Group(name);
    if (!span) return std::nullopt;
    return span->Of(text);
  };
  // A figure written with a decimal point ("0.20 mSv/h", "12.5 millions
  // de dollars") is read as the decimal comma it stands for, but kept only
  // with a unit or a scale word: bare, "49.3" is an article of the
  // Constitution and "4.1" a version (rule file's `decimal_point`).
  bool bare_point_decimal = false;
  auto number = [&](std::string_view name) -> std::optional<double> {
    auto literal = group(name);
    if (!literal) return std::nullopt;
    if (auto value = ParseFrenchNumber(*literal, tables_.number_words)) return value;
    const size_t point = literal->find('.');
    if (point == std::string_view::npos || literal->find_first_of(", ") < point) {
      return std::nullopt;
    }
    std::string comma(*literal);
    comma[point] = ',';
    auto value = ParseFrenchNumber(comma, tables_.number_words);
    const auto digit_or_point = [](char c) {
      return std::isdigit(static_cast<unsigned char>(c)) || c == '.';
    };
    if (value && std::all_of(literal->begin(), literal->end(), digit_or_point)) {
      bare_point_decimal = true;  // no scale word after it
    }
    return value;
  };

  QuantityValue q;
  if (auto low = number("low")) {
    auto high = number("high");
    if (high) *low = SharedScale(tables_.number_scales, *low, *group("low"), *high, *group("high"));
    if (!high) return std::nullopt;
    // "passera de 90 à 80 km/h": a fall, after "de", keeps both figures as
    // the range they span (the value is its low end, as for every range,
    // docs/schema.md). Without "de" a larger first figure is no range
    // ("s'impose 3 à 1").
    const std::string_view matched = match.span.Of(text);
    const bool fall = *high < *low && (matched.starts_with("de ") || matched.starts_with("De "));
    if (*high < *low && !fall) return std::nullopt;
    q.low = std::min(*low, *high);
    q.high = std::max(*low, *high);
    q.value = *q.low;
    q.bound = Bound::kRange;
  } else if (auto noun = group("approx_noun")) {
    const std::string* value = Lookup(tables_.approx_nouns, *noun);
    if (value == nullptr) return std::nullopt;
    q.value = ToDouble(*value);
    q.approx = true;
    // "des dizaines de milliers": tens of thousands.
    if (auto of = group("approx_of")) {
      const std::string* scale = Lookup(tables_.approx_nouns, *of);
      if (scale == nullptr) scale = Lookup(tables_.number_scales, *of);
      if (scale == nullptr) return std::nullopt;
      q.value = Scaled(q.value, ToDouble(*scale));
    }
    if (group("plural")) {
      q.value *= 2;
      q.bound = Bound::kAtLeast;
    }
  } else if (auto fraction = group("fraction")) {
    const std::string* denominator = Lookup(tables_.fraction_nouns, *fraction);
    if (denominator == nullptr) return std::nullopt;
    q.value = number("number").value_or(1) / ToDouble(*denominator);
  } else {
    auto value = number("number");
    // "divisé par deux": one over the figure.
    if (!value && group("denominator")) value = 1;
    // "une demi-heure": the added fraction alone.
    if (!value && !group("plus_fraction")) return std::nullopt;
    q.value = value.value_or(0);
    // A denominator that reads as no number gives no figure, not the
    // numerator alone.
    if (group("denominator")) {
      auto denominator = number("denominator");
      if (!denominator || *denominator == 0) return std::nullopt;
      q.value /= *denominator;
    }
    // "deux fois moins": a factor of less, one over the figure.
    if (group("inverse")) {
      if (q.value == 0) return std::nullopt;
      q.value = 1 / q.value;
    }
  }
  // "deux ans et demi": 2.5 years.
  if (auto plus = group("plus_fraction")) {
    const std::string* part = Lookup(tables_.added_fractions, *plus);
    if (part == nullptr) return std::nullopt;
    q.value += ToDouble(*part);
  }
  // "10 M€": the scale letter before the currency sign.
  if (auto scale = group("scale")) {
    const std::string* factor = Lookup(tables_.symbol_scales, *scale);
    if (factor == nullptr) return std::nullopt;
    q.value = Scaled(q.value, ToDouble(*factor));
  }
  if (auto sign = group("sign"); sign && *sign == "-") q.value = -q.value;

  // "un peu plus de" is in both tables: a bound, and approximate. Which
  // group of q_modifier took it is the regex engine's choice.
  const auto bound_and_approx = [&](std::string_view modifier) {
    if (const std::string* name = Lookup(tables_.bound_modifiers, modifier)) {
      if (auto b = ParseBound(*name)) q.bound = *b;
    }
    if (Lookup(tables_.approx_modifiers, modifier) != nullptr) q.approx = true;
  };
  if (auto bound = group("bound")) bound_and_approx(*bound);
  if (auto approx = group("approx")) {
    q.approx = true;
    bound_and_approx(*approx);
  }
  const RuleFields& fields = FieldsOf(rule);
  if (fields.bound) q.bound = *fields.bound;
  if (fields.approx) q.approx = true;

  if (fields.unit) q.unit = fields.unit;
  if (group("percent")) q.unit = "%";
  if (fields.unit_lexicon) {
    auto word = group("unit");
    if (!word) return std::nullopt;
    const std::string* symbol = Lookup(tables_.unit_lexicons[*fields.unit_lexicon], *word);
    if (symbol == nullptr) return std::nullopt;
    q.unit = *symbol;
  }
  // "1 h 30", "2 h 01 min 09 s": one figure in the smallest unit written,
  // as the date recognizer's duration over the same words.
  if (auto minutes = number("plus_minutes")) {
    if (q.unit != "h") return std::nullopt;
    q.value = q.value * 60 + *minutes;
    q.unit = "min";
  }
  if (auto seconds = number("plus_seconds")) {
    if (q.unit != "min") return std::nullopt;
    q.value = q.value * 60 + *seconds;
    q.unit = "s";
  }
  // "1 500 euros par mois": a rate.
  if (auto per = group("per"); per && q.unit) {
    const std::string* symbol = Lookup(tables_.per_units, *per);
    if (symbol == nullptr) return std::nullopt;
    *q.unit += '/';
    *q.unit += *symbol;
  }
  if (auto entity = group("entity")) q.entity = std::string(*entity);
  if (bare_point_decimal && !q.unit) return std::nullopt;
  return q;
}

namespace {

// Whether text[.., end) ends with `word` and one space, `word` starting a
// word ("dont 6", not "fondont 6").
bool EndsWithWord(std::string_view text, size_t end, std::string_view word) {
  if (end < word.size() + 1 || text[end - 1] != ' ') return false;
  const size_t start = end - 1 - word.size();
  if (text.substr(start, word.size()) != word) return false;
  return start == 0 || !IsWordCharAt(text, start - 1);
}

// Whether text[end, limit) starts with one space and `word`, ending a word
// ("3,5 millions selon la CGT").
bool FollowedByWord(std::string_view text, size_t end, size_t limit, std::string_view word) {
  if (end + 1 + word.size() > limit || text[end] != ' ') return false;
  if (text.substr(end + 1, word.size()) != word) return false;
  return end + 1 + word.size() == limit || !IsWordCharAt(text, end + 1 + word.size());
}

}  // namespace

// Whether the word right after a figure ending at `end` is one of
// figure_subject_verbs ("300 étaient mineurs", "12 d'entre elles").
bool QuantityRecognizer::SubjectOfVerb(std::string_view text, size_t end, size_t limit) const {
  if (end >= limit || text[end] != ' ') return false;
  size_t word_end = end + 1;
  while (word_end < limit) {
    const unsigned char c = static_cast<unsigned char>(text[word_end]);
    // Bytes of "é" go on, and the apostrophe of "d'entre".
    if (c < 0x80 && !std::isalpha(c) && c != '\'') break;
    ++word_end;
  }
  if (word_end == end + 1) return false;
  return Lookup(tables_.figure_subject_verbs, text.substr(end + 1, word_end - end - 1)) != nullptr;
}

std::optional<std::string> QuantityRecognizer::NumberOfBefore(std::string_view text,
                                                              size_t range_start,
                                                              size_t start) const {
  constexpr std::string_view kNumber = "nombre ";
  // Looked for near the figure only, so that a sentence of many figures
  // stays linear ("le nombre de X … a reculé de 0,9 % au troisième
  // trimestre, à 3,02 millions" is 90 bytes).
  constexpr size_t kLookBackBytes = 160;
  range_start = std::max(range_start, start > kLookBackBytes ? start - kLookBackBytes : 0);
  const size_t at = text.substr(range_start, start - range_start).rfind(kNumber);
  if (at == std::string_view::npos) return std::nullopt;
  const size_t word_start = range_start + at;
  if (word_start > 0 && IsWordCharAt(text, word_start - 1)) return std::nullopt;  // "dénombre"
  size_t after = word_start + kNumber.size() - 1;
  constexpr std::string_view kTotal = " total";  // "le nombre total de"
  if (text.substr(after, kTotal.size()) == kTotal) after += kTotal.size();
  if (!FollowedByWord(text, after, start, "de") && !FollowedByWord(text, after, start, "des") &&
      text.substr(after, 3) != " d'") {
    return std::nullopt;
  }
  return FindEntity(text, after, start, /*after_joiner=*/true);
}

namespace {

// A lone lower-case word ending in -ent or -ront right after a figure ("sur
// les neuf enquêtes, huit donnent une avance", "les notes entre 8 et 10
// devront …"): a verb in the third person plural, present or future, whose
// subject is the figure standing for a noun said before. A noun after a
// figure of two or more ends in -ents or -ronts ("deux fronts").
bool IsPluralVerb(std::string_view entity) {
  return entity.size() > 4 && (entity.ends_with("ent") || entity.ends_with("ront")) &&
         IsLowerInitial(entity) && entity.find(' ') == std::string_view::npos;
}

// "à 20 kilomètres de la côte", "À plus de 1 750 km de Fukushima": a
// measure after "à" says where something lies, and what follows "de" is the
// place it is measured from, not what it measures.
bool LocatesByMeasure(std::string_view text, size_t start) {
  constexpr std::string_view kA = "\xC3\xA0 ";      // "à "
  constexpr std::string_view kCapitalA = "\xC3\x80 ";  // "À "
  if (start < kA.size()) return false;
  const std::string_view before = text.substr(start - kA.size(), kA.size());
  if (before != kA && before != kCapitalA) return false;
  const size_t word_start = start - kA.size();
  return word_start == 0 || text[word_start - 1] == ' ' || text[word_start - 1] == '\n' ||
         text[word_start - 1] == '(' || text[word_start - 1] == ',';
}

}  // namespace

std::optional<std::string> QuantityRecognizer::FindEntity(
    std::string_view text, size_t end, size_t range_end, bool after_joiner) const {
  size_t pos = SkipSpaces(text, end, range_end);
  const size_t first_word = pos;
  // At most one joiner, the longest that fits: "le nombre de" before "de".
  size_t best_joiner_end = pos;
  const char first_byte = pos < range_end ? text[pos] : '\0';
  for (const auto& [joiner, unused] : *tables_.entity_joiners) {
    if (joiner.empty() || joiner[0] != first_byte) continue;  // most joiners, cheaply
    if (text.substr(pos, joiner.size()) == joiner) {
      size_t after = pos + joiner.size();
      bool elided = joiner.back() == '\'';
      if (!elided && (after >= range_end || text[after] != ' ')) continue;
      if (after > best_joiner_end) best_joiner_end = after;
    }
  }
  pos = SkipSpaces(text, best_joiner_end, range_end);
  std::string_view first = WordAt(text, pos, range_end);
  if (first.empty() || first.back() == '\'' ||
      Lookup(tables_.entity_stopwords, first) != nullptr) {
    return std::nullopt;
  }
  // "31 de Latrell Sprewell", "à 1 750 kilomètres de Fukushima": after
  // "de" alone, a capitalized word is whose figure it is, or where from,
  // unless it is a plural people ("2 millions d'Américains"). ("3,2 % du
  // PIB", "12,4 % des Zizeeria maha": the article says a thing.)
  const std::string_view joiner = text.substr(first_word, best_joiner_end - first_word);
  if ((joiner == "de" || joiner == "d'") && !IsLowerInitial(first) &&
      !first.ends_with('s') && !first.ends_with('x')) {
    return std::nullopt;
  }
  // "deux F-16": a letter alone counts nothing. "deux des cinq
  // représentants légaux": the next figure's noun, which
  // ShareEntityForward gives it.
  if (first.size() == 1 || tables_.number_words.count(LexiconKey(first)) > 0) {
    return std::nullopt;
  }
  std::string entity(first);
  if (IsPluralVerb(first)) return entity;  // the caller reads it as elided
  if (after_joiner && best_joiner_end == first_word) return std::nullopt;
  size_t next = SkipSpaces(text, pos + first.size(), range_end);
  if (next > pos + first.size() && next < range_end) {
    std::string_view second = WordAt(text, next, range_end);
    // A complement of one lower-case word with no article names the kind
    // of thing counted: elided ("1 500 lits d'hôpital", "les demandeurs
    // d'asile", "3 % de son chiffre d'affaires") or after "de" ("24 % des
    // intentions de vote", "12 000 points de vente"; "1 500 gardiens de la
    // paix" has an article: the noun stays alone).
    if (second == "d'" || second == "de") {
      const bool elided = second == "d'";
      const size_t after = next + second.size();
      const size_t at = elided ? after : SkipSpaces(text, after, range_end);
      const std::string_view complement = WordAt(text, at, range_end);
      if ((elided || at > after) && !complement.empty() && complement.back() != '\'' &&
          IsLowerInitial(complement) && Lookup(tables_.entity_stopwords, complement) == nullptr &&
          tables_.number_words.count(LexiconKey(complement)) == 0) {
        entity += ' ';
        entity += second;
        if (!elided) entity += ' ';
        entity += complement;
      }
      return entity;
    }
    // A second word ending in -ent or -ront is a verb far more often than
    // an adjective ("les deux parties revendiquent"); one ending in -ant is a
    // participle ("plus de 80 pompiers maîtrisant le feu"), since after a
    // plural noun an adjective would end in -ants.
    if (!second.empty() && second.back() != '\'' && IsLowerInitial(second) &&
        !second.ends_with("ent") && !second.ends_with("ant") && !second.ends_with("ront") &&
        Lookup(tables_.entity_stopwords, second) == nullptr &&
        Lookup(tables_.entity_anaphors, second) == nullptr) {
      entity += ' ';
      entity += second;
    }
  }
  return entity;
}

namespace {

// A space or ASCII punctuation that a rule's boundary may take beside a
// word and that no quantity rule reads as part of one.
bool IsPlainEdge(char c) {
  switch (c) {
    case ' ': case '\t': case '\n': case ',': case '.': case ';': case ':':
    case '!': case '?': case '(': case ')': case '"': case '\'':
      return true;
    default:
      return false;
  }
}

// "un"/"une" alone is the article, which Recognize() drops whatever rule
// matched it (below): one match in three on news text, each of which cost
// a group extraction (~15 000 instructions). Answers only when the found
// span is the word and at most two plain edge characters on each side (the
// boundaries' widths), so that the match is the word itself.
std::optional<Span> BareArticle(std::string_view text, Span found) {
  size_t start = found.start;
  size_t end = found.end;
  for (int k = 0; k < 2 && start < end && IsPlainEdge(text[start]); ++k) ++start;
  for (int k = 0; k < 2 && end > start && IsPlainEdge(text[end - 1]); ++k) --end;
  const size_t n = end - start;
  if (n != 2 && n != 3) return std::nullopt;
  const auto lower = [&](size_t k) { return static_cast<char>(text[start + k] | 0x20); };
  if (lower(0) != 'u' || lower(1) != 'n' || (n == 3 && lower(2) != 'e')) return std::nullopt;
  return Span{start, end};
}

}  // namespace

void QuantityRecognizer::Recognize(std::string_view text, Span range,
                                   std::vector<Mention>* out) const {
  if (!prefilter_.MayHoldQuantity(range.Of(text))) return;
  const size_t first_in_range = out->size();
  // The last figure of this sentence so far that `fits`, looking at most
  // `max_back` figures back; null when none.
  constexpr size_t kAnyDistance = std::numeric_limits<size_t>::max();
  auto last_figure = [&](const auto& fits, size_t max_back) -> const QuantityValue* {
    for (size_t i = out->size(); i > first_in_range && out->size() - i < max_back; --i) {
      const auto& previous = std::get<QuantityValue>((*out)[i - 1].value);
      if (fits(previous)) return &previous;
    }
    return nullptr;
  };
  for (const RuleMatch& match :
       rules_->FindAll(text, range, &BareArticle, RuleSet::Silent::kStepOver)) {
    const Rule& rule = *match.rule;
    std::optional<QuantityValue> quantity = Evaluate(match, text);
    if (!quantity) continue;
    // "un"/"une" alone is an article, not a count (see BareArticle for the
    // spans FindAll already stepped over).
    if (auto number = match.Group("number"); number && !quantity->unit &&
        !match.Group("denominator") && !match.Group("fraction")) {
      std::string key = LexiconKey(number->Of(text));
      if (key == "un" || key == "une") continue;
    }
    bool counts_things =
        !quantity->unit || *quantity->unit == "%" || *quantity->unit == "ratio" ||
        FieldsOf(rule).measure_units;
    const bool located = FieldsOf(rule).measure_units && LocatesByMeasure(text, match.span.start);
    if (!quantity->entity && counts_things && !located) {
      const bool after_joiner =
          quantity->unit && (*quantity->unit == "%" || FieldsOf(rule).measure_units);
      quantity->entity = FindEntity(text, match.span.end, range.end, after_joiner);
      // "huit autres", "huit donnent une avance": the noun of the previous
      // figure in the sentence.
      if (quantity->entity && (Lookup(tables_.entity_anaphors, *quantity->entity) != nullptr ||
                               IsPluralVerb(*quantity->entity))) {
        quantity->entity.reset();
        const auto with_noun = [](const QuantityValue& q) { return q.entity.has_value(); };
        if (const QuantityValue* previous = last_figure(with_noun, kAnyDistance)) {
          quantity->entity = previous->entity;
        }
      }
    }
    // "18 mois de prison dont 6 avec sursis", "312 voix contre 202": a bare
    // figure after "contre" is in the previous figure's unit and counts its
    // noun; after "dont", a part, in those of the last figure at least as
    // large ("10 millions de connexions sur 4 000 codes, dont 1 million":
    // connexions).
    // "1,28 million de personnes selon la police, 3,5 millions selon la
    // CGT": a bare figure another source gives is a count of the same.
    const bool bare = !quantity->entity && !quantity->unit;
    const bool part = bare && (EndsWithWord(text, match.span.start, "dont") ||
                               SubjectOfVerb(text, match.span.end, range.end));
    const bool contrasted = EndsWithWord(text, match.span.start, "contre");
    const bool by_another_source = FollowedByWord(text, match.span.end, range.end, "selon") ||
                                   FollowedByWord(text, match.span.end, range.end, "d'après");
    if (bare && (part || contrasted || by_another_source)) {
      // After "dont", a part of a figure at least as large.
      const auto whole_of_part = [&](const QuantityValue& q) {
        return !part || q.value >= quantity->value;
      };
      if (const QuantityValue* previous = last_figure(whole_of_part, kAnyDistance)) {
        quantity->unit = previous->unit;
        quantity->entity = previous->entity;
      }
    } else if (!quantity->entity && quantity->unit && (contrasted || by_another_source)) {
      // "5,5 % du PIB en 2023, contre 4,8 % en 2022": a figure in the
      // previous one's unit, set against it, measures the same noun. (A
      // few figures back at most: a sentence of many stays linear.)
      constexpr size_t kFiguresBack = 4;
      const auto same_unit = [&](const QuantityValue& q) { return q.unit == quantity->unit; };
      if (const QuantityValue* previous = last_figure(same_unit, kFiguresBack)) {
        quantity->entity = previous->entity;
      }
    }
    if (!quantity->entity && !quantity->unit) {
      quantity->entity = NumberOfBefore(text, range.start, match.span.start);
    }
    if (quantity->entity) {
      quantity->entity_lemma = EntityLemma(*quantity->entity, *tables_.lemma_exceptions);
    }
    Mention mention;
    mention.kind = MentionKind::kQuantity;
    mention.span = match.span;
    mention.rule = rule.id;
    mention.value = std::move(*quantity);
    out->push_back(std::move(mention));
  }
  ShareEntityForward(text, out->data() + first_in_range, out->size() - first_in_range);
}

void QuantityRecognizer::ShareEntityForward(std::string_view text, Mention* mentions,
                                            size_t count) const {
  for (size_t k = count; k-- > 1;) {
    auto& before = std::get<QuantityValue>(mentions[k - 1].value);
    const auto& after = std::get<QuantityValue>(mentions[k].value);
    if (mentions[k - 1].span.end > mentions[k].span.start) continue;
    const std::string_view between =
        text.substr(mentions[k - 1].span.end, mentions[k].span.start - mentions[k - 1].span.end);
    // "de 18, 24 et 26 ans": a bare figure in a list takes the unit.
    // Not a figure scaled already: "2,5 milliards et 0,8 point" are two.
    const auto scaled = [&] {
      const std::string_view figure = mentions[k - 1].span.Of(text);
      const size_t last_space = figure.find_last_of(' ');
      return last_space != std::string_view::npos &&
             Lookup(tables_.number_scales, figure.substr(last_space + 1)) != nullptr;
    };
    if (!before.unit && !before.entity && after.unit && before.bound == Bound::kExact &&
        (between == ", " || between == " et " || between == " ou ") && !scaled()) {
      before.unit = after.unit;
    }
    if (before.entity || !after.entity || before.unit != after.unit) continue;
    // "2 000 des 3 550 soldats": a part of the figure after "des".
    if (between != " et " && between != " ou " && between != " des ") continue;
    before.entity = after.entity;
    before.entity_lemma = after.entity_lemma;
  }
}

}  // namespace claimx
