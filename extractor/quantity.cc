#include "extractor/quantity.h"

#include <cctype>
#include <charconv>
#include <string>

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
    if (next == std::string_view::npos) return true;
    first = false;
    group_start = next + 1;
  }
}

}  // namespace

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
  if (ec != std::errc() || ptr != plain.data() + plain.size()) return std::nullopt;
  return value;
}

Result<QuantityRecognizer> QuantityRecognizer::Create(const RuleBook& rules) {
  const RuleSet* set = rules.Dimension("quantity");
  if (set == nullptr) {
    return InvalidArgument("no quantity rules in " + rules.dir());
  }
  for (const Rule& rule : set->rules()) {
    bool has_number = false;
    for (const std::string& name : rule.group_names) has_number |= name == "number";
    if (!has_number) {
      return InvalidArgument(rule.file + ":" + std::to_string(rule.line) + ": " +
                             rule.id + ": a quantity rule needs a (?P<number>...) group");
    }
  }
  return QuantityRecognizer(set);
}

namespace {

std::optional<Bound> ParseBound(std::string_view name) {
  for (Bound b : {Bound::kExact, Bound::kAtLeast, Bound::kAtMost, Bound::kUpTo,
                  Bound::kRange}) {
    if (BoundName(b) == name) return b;
  }
  return std::nullopt;
}

std::string_view SetField(const Rule& rule, const std::string& key) {
  auto it = rule.set.find(key);
  return it == rule.set.end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace

void QuantityRecognizer::Recognize(std::string_view text, Span range,
                                   std::vector<Mention>* out) const {
  for (const RuleMatch& match : ResolveOverlaps(rules_->FindAll(text, range))) {
    const Rule& rule = *match.rule;
    if (SetField(rule, "emit") == "none") continue;
    std::optional<Span> number = match.Group("number");
    if (!number) continue;
    std::optional<double> value = ParseFrenchDigits(number->Of(text));
    if (!value) continue;
    QuantityValue quantity;
    quantity.value = *value;
    if (auto unit = SetField(rule, "unit"); !unit.empty()) quantity.unit = std::string(unit);
    if (auto bound = ParseBound(SetField(rule, "bound"))) quantity.bound = *bound;
    quantity.approx = SetField(rule, "approx") == "true";
    Mention mention;
    mention.kind = MentionKind::kQuantity;
    mention.span = match.span;
    mention.rule = rule.id;
    mention.value = std::move(quantity);
    out->push_back(std::move(mention));
  }
}

}  // namespace claimx
