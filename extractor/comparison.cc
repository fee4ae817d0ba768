#include "extractor/comparison.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <sstream>
#include <unordered_map>
#include <utility>

#include "extractor/document.h"
#include "extractor/rules.h"

namespace claimx {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
// How far an approximate figure ("environ 80") may be from the true one.
constexpr double kApproxTolerance = 0.10;

// A place as far as overlap is concerned.
struct PlaceScope {
  std::string name;
  std::optional<std::string> country;
  bool is_country = false;  // a country or a demonym standing for one
};

// A closed interval of days, as "YYYY-MM-DD" strings (they sort as dates).
struct Period {
  std::string first;
  std::string last;
};

// One quantity of one claim, before grouping.
struct Candidate {
  ComparisonItem item;
  std::string measure;
  std::optional<std::string> unit;
  std::vector<PlaceScope> places;
  std::vector<Period> periods;  // only the dates with a known extent
};

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return c >= '0' && c <= '9';
  });
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::string TwoDigits(int n) {
  return (n < 10 ? "0" : "") + std::to_string(n);
}

// The days a TIMEX3 calendar value covers: "2014" -> 2014-01-01..2014-12-31,
// "2014-08" -> August, "2016-11-09" and "2016-11-09T14:30" -> that day.
// Anything else (weeks, seasons, quarters, decades, unknown parts, durations)
// has no extent here.
std::optional<Period> CalendarPeriod(std::string_view value) {
  if (size_t t = value.find('T'); t != std::string_view::npos) {
    value = value.substr(0, t);
  }
  if (value.size() < 4 || !AllDigits(value.substr(0, 4))) return std::nullopt;
  std::string year(value.substr(0, 4));
  if (value.size() == 4) return Period{year + "-01-01", year + "-12-31"};
  if (value.size() == 7 && value[4] == '-' && AllDigits(value.substr(5, 2))) {
    int month = std::stoi(std::string(value.substr(5, 2)));
    if (month < 1 || month > 12) return std::nullopt;
    std::string ym(value.substr(0, 7));
    return Period{ym + "-01", ym + "-" + TwoDigits(DaysInMonth(std::stoi(year), month))};
  }
  if (value.size() == 10 && value[4] == '-' && value[7] == '-' &&
      AllDigits(value.substr(5, 2)) && AllDigits(value.substr(8, 2))) {
    return Period{std::string(value), std::string(value)};
  }
  return std::nullopt;
}

std::optional<Period> DateExtent(const DateValue& date) {
  if (date.range) {
    auto first = CalendarPeriod(date.range->start);
    auto last = CalendarPeriod(date.range->end);
    if (first && last) return Period{first->first, last->last};
    return std::nullopt;
  }
  if (date.type == "duration" || date.type == "set") return std::nullopt;
  return CalendarPeriod(date.value);
}

bool PlacesOverlap(const std::vector<PlaceScope>& a,
                   const std::vector<PlaceScope>& b) {
  if (a.empty() || b.empty()) return true;
  for (const PlaceScope& x : a) {
    for (const PlaceScope& y : b) {
      if (x.name == y.name || !x.country || !y.country) return true;
      if ((x.is_country || y.is_country) && *x.country == *y.country) return true;
    }
  }
  return false;
}

bool PeriodsOverlap(const std::vector<Period>& a, const std::vector<Period>& b) {
  if (a.empty() || b.empty()) return true;
  for (const Period& x : a) {
    for (const Period& y : b) {
      if (x.first <= y.last && y.first <= x.last) return true;
    }
  }
  return false;
}

bool Comparable(const Candidate& a, const Candidate& b) {
  return a.measure == b.measure && a.unit == b.unit &&
         PlacesOverlap(a.places, b.places) && PeriodsOverlap(a.periods, b.periods);
}

// The interval of true values an item allows.
std::pair<double, double> Interval(const ComparisonItem& item) {
  switch (item.bound) {
    case Bound::kAtLeast: return {item.value, kInfinity};
    case Bound::kAtMost:
    case Bound::kUpTo: return {-kInfinity, item.value};
    case Bound::kRange:
      return {item.low.value_or(item.value), item.high.value_or(item.value)};
    case Bound::kExact: break;
  }
  double slack = item.approx ? std::abs(item.value) * kApproxTolerance : 0;
  return {item.value - slack, item.value + slack};
}

bool Disagree(const std::vector<ComparisonItem>& items) {
  double low = -kInfinity;
  double high = kInfinity;
  for (const ComparisonItem& item : items) {
    auto [l, h] = Interval(item);
    low = std::max(low, l);
    high = std::min(high, h);
  }
  return low > high;
}

template <typename T>
void PushUnique(std::vector<T>* values, T value) {
  if (std::find(values->begin(), values->end(), value) == values->end()) {
    values->push_back(std::move(value));
  }
}

size_t Find(std::vector<size_t>* parent, size_t i) {
  while ((*parent)[i] != i) {
    (*parent)[i] = (*parent)[(*parent)[i]];
    i = (*parent)[i];
  }
  return i;
}

// The places and periods of a candidate as one string: candidates with the
// same scope are comparable with the same others.
std::string ScopeKey(const Candidate& c) {
  std::string key;
  for (const PlaceScope& p : c.places) {
    key += p.name;
    key += '\x1f';
    key += p.country.value_or("\x1e");
    key += p.is_country ? "\x1d" "C" : "\x1d" "P";
  }
  key += '\x1c';
  for (const Period& p : c.periods) {
    key += p.first;
    key += '\x1f';
    key += p.last;
    key += '\x1d';
  }
  return key;
}

// Joins in `parent` (union-find) the members of one bucket that are
// comparable, directly or through others. Comparing every pair made a
// document or batch with thousands of figures of one measure quadratic
// ("Selon la police, 3 000 manifestants." 43 000 times took 13 s), so the
// pairs are read between scopes, not figures: members of one scope join
// its first member when it is comparable with itself (a range whose start
// is after its end is not), and a scope with no place and no period is
// comparable with every other, which joins the whole bucket.
void JoinComparable(const std::vector<Candidate>& candidates, const std::vector<size_t>& members,
                    std::vector<size_t>* parent) {
  auto join = [&](size_t a, size_t b) { (*parent)[Find(parent, b)] = Find(parent, a); };
  std::map<std::string, size_t> first_of_scope;
  std::vector<size_t> scopes;  // one member per scope (or per member, when not self-comparable)
  for (size_t m : members) {
    auto [it, inserted] = first_of_scope.emplace(ScopeKey(candidates[m]), m);
    if (inserted) {
      scopes.push_back(m);
    } else if (Comparable(candidates[it->second], candidates[m])) {
      join(it->second, m);
    } else {
      scopes.push_back(m);
    }
  }
  auto wildcard = std::find_if(scopes.begin(), scopes.end(), [&](size_t m) {
    return candidates[m].places.empty() && candidates[m].periods.empty();
  });
  if (wildcard != scopes.end()) {
    for (size_t m : scopes) join(*wildcard, m);
    return;
  }
  for (size_t x = 0; x < scopes.size(); ++x) {
    for (size_t y = x + 1; y < scopes.size(); ++y) {
      if (Comparable(candidates[scopes[x]], candidates[scopes[y]])) join(scopes[x], scopes[y]);
    }
  }
}

// The candidates of one document, in claim order.
void CollectCandidates(const AnnotatedDocument& doc,
                       const ClaimComparer& comparer,
                       std::vector<Candidate>* out) {
  if (doc.claims.empty()) return;  // the common case costs nothing
  std::unordered_map<std::string, const Mention*> by_id;
  for (const Mention& m : doc.mentions) by_id.emplace(m.id, &m);
  for (size_t c = 0; c < doc.claims.size(); ++c) {
    const Claim& claim = doc.claims[c];
    std::vector<PlaceScope> places;
    std::vector<std::string> place_names;
    for (const std::string& id : claim.places) {
      auto it = by_id.find(id);
      if (it == by_id.end()) continue;
      const auto* p = std::get_if<PlaceValue>(&it->second->value);
      if (p == nullptr) continue;
      places.push_back({p->name, p->country, p->type == "country" || p->type == "demonym"});
      PushUnique(&place_names, p->name);
    }
    std::vector<Period> periods;
    std::vector<std::string> date_values;
    for (const std::string& id : claim.dates) {
      auto it = by_id.find(id);
      if (it == by_id.end()) continue;
      const auto* d = std::get_if<DateValue>(&it->second->value);
      if (d == nullptr) continue;
      if (auto extent = DateExtent(*d)) periods.push_back(*extent);
      PushUnique(&date_values, d->value);
    }
    std::vector<std::string> measures_seen;
    for (const std::string& id : claim.quantities) {
      auto it = by_id.find(id);
      if (it == by_id.end()) continue;
      const auto* q = std::get_if<QuantityValue>(&it->second->value);
      if (q == nullptr || !q->entity_lemma) continue;
      std::string measure = comparer.Measure(*q->entity_lemma);
      // One item per claim and measure: its first figure.
      if (std::find(measures_seen.begin(), measures_seen.end(), measure) !=
          measures_seen.end()) {
        continue;
      }
      measures_seen.push_back(measure);
      Candidate candidate;
      ComparisonItem& item = candidate.item;
      item.doc = doc.info.id;
      item.claim = claim.id;
      item.quantity = id;
      if (claim.source) item.source = claim.source->name;
      item.value = q->value;
      item.bound = q->bound;
      item.low = q->low;
      item.high = q->high;
      item.approx = q->approx;
      item.places = place_names;
      item.dates = date_values;
      candidate.measure = std::move(measure);
      candidate.unit = q->unit;
      candidate.places = places;
      candidate.periods = periods;
      out->push_back(std::move(candidate));
    }
  }
}

// Whether a group holds figures from at least two voices: a source in a
// document, the unattributed claims of a document being its own voice. One
// voice giving two figures for a measure is most often speaking of two
// things ("des centaines de Tibétains manifestent", then "6 Tibétains se
// sont immolés"), not contradicting itself.
bool HasTwoVoices(const std::vector<Candidate>& candidates,
                  const std::vector<size_t>& members) {
  const ComparisonItem& first = candidates[members.front()].item;
  return std::any_of(members.begin() + 1, members.end(), [&](size_t i) {
    const ComparisonItem& item = candidates[i].item;
    return item.doc != first.doc || item.source != first.source;
  });
}

}  // namespace

ClaimComparer ClaimComparer::Create(const RuleBook& rules) {
  const auto* lexicon = rules.Lexicon("comparison_measure");
  return ClaimComparer(lexicon ? *lexicon : std::map<std::string, std::string>{});
}

std::string ClaimComparer::Measure(const std::string& lemma) const {
  auto it = measures_.find(lemma);
  return it == measures_.end() ? lemma : it->second;
}

std::vector<Comparison> ClaimComparer::Compare(const AnnotatedDocument& doc) const {
  return Compare(std::vector<const AnnotatedDocument*>{&doc});
}

std::vector<Comparison> ClaimComparer::Compare(
    const std::vector<const AnnotatedDocument*>& docs) const {
  std::vector<Candidate> candidates;
  for (const AnnotatedDocument* doc : docs) CollectCandidates(*doc, *this, &candidates);
  // Union-find over comparable pairs, within buckets of one measure and
  // unit. An article holds tens of figures; across a batch the buckets keep
  // the pairwise test to figures of the same measure.
  std::map<std::pair<std::string, std::optional<std::string>>, std::vector<size_t>>
      buckets;
  for (size_t i = 0; i < candidates.size(); ++i) {
    buckets[{candidates[i].measure, candidates[i].unit}].push_back(i);
  }
  std::vector<size_t> parent(candidates.size());
  std::iota(parent.begin(), parent.end(), 0);
  for (const auto& [key, members] : buckets) {
    JoinComparable(candidates, members, &parent);
  }
  // Candidates are in document then text order, so the first member of each
  // group fixes the group's position.
  std::map<size_t, std::vector<size_t>> groups;
  for (size_t i = 0; i < candidates.size(); ++i) {
    groups[Find(&parent, i)].push_back(i);
  }
  std::vector<std::pair<size_t, Comparison>> ordered;
  for (auto& [root, members] : groups) {
    if (!HasTwoVoices(candidates, members)) continue;
    Comparison comparison;
    comparison.entity = candidates[members.front()].measure;
    comparison.unit = candidates[members.front()].unit;
    for (size_t i : members) comparison.items.push_back(candidates[i].item);
    comparison.disagreement = Disagree(comparison.items);
    ordered.emplace_back(members.front(), std::move(comparison));
  }
  std::sort(ordered.begin(), ordered.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Comparison> out;
  out.reserve(ordered.size());
  for (auto& [first, comparison] : ordered) out.push_back(std::move(comparison));
  return out;
}

namespace {

std::string NumberText(double v) {
  constexpr double kMaxExactInteger = 9007199254740992.0;  // 2^53
  if (std::abs(v) < kMaxExactInteger && v == std::floor(v)) {
    return std::to_string(static_cast<long long>(v));
  }
  std::ostringstream out;
  out << v;
  return out.str();
}

}  // namespace

std::string FigureText(double value, Bound bound, std::optional<double> low,
                       std::optional<double> high, bool approx) {
  std::string text;
  switch (bound) {
    case Bound::kExact: text = NumberText(value); break;
    case Bound::kAtLeast: text = "\u2265 " + NumberText(value); break;
    case Bound::kAtMost: text = "\u2264 " + NumberText(value); break;
    case Bound::kUpTo: text = "up to " + NumberText(value); break;
    case Bound::kRange:
      text = NumberText(low.value_or(value)) + "\u2013" + NumberText(high.value_or(value));
      break;
  }
  return approx ? "~" + text : text;
}

std::string FigureText(const ComparisonItem& item) {
  return FigureText(item.value, item.bound, item.low, item.high, item.approx);
}

}  // namespace claimx
