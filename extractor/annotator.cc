#include "extractor/annotator.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace claimx {

bool IsIsoDate(std::string_view date) { return ParseIsoDate(date).has_value(); }

Annotator::Annotator(std::shared_ptr<const RuleBook> rules,
                     AnnotatorOptions options,
                     std::unique_ptr<Segmenter> segmenter,
                     QuantityRecognizer quantities, DateRecognizer dates, PlaceRecognizer places,
                     ClaimLinker claims, ClaimComparer comparer)
    : rules_(std::move(rules)),
      options_(options),
      segmenter_(std::move(segmenter)),
      quantities_(std::move(quantities)),
      dates_(std::move(dates)),
      places_(std::move(places)),
      claims_(std::move(claims)),
      comparer_(std::move(comparer)) {}

Result<std::unique_ptr<Annotator>> Annotator::Create(
    std::shared_ptr<const RuleBook> rules, AnnotatorOptions options) {
  auto segmenter = Segmenter::Create(rules->abbreviations());
  if (!segmenter.ok()) return segmenter.status();
  auto quantities = QuantityRecognizer::Create(*rules);
  if (!quantities.ok()) return quantities.status();
  auto dates = DateRecognizer::Create(*rules);
  if (!dates.ok()) return dates.status();
  auto places = PlaceRecognizer::Create(*rules);
  if (!places.ok()) return places.status();
  auto claims = ClaimLinker::Create(*rules);
  if (!claims.ok()) return claims.status();
  ClaimComparer comparer = ClaimComparer::Create(*rules);
  return std::unique_ptr<Annotator>(new Annotator(
      std::move(rules), options, std::move(segmenter).value(),
      std::move(quantities).value(), std::move(dates).value(),
      std::move(places).value(), std::move(claims).value(), std::move(comparer)));
}

std::unique_ptr<Annotator> Annotator::Clone() const {
  return std::unique_ptr<Annotator>(
      new Annotator(rules_, options_, segmenter_->Clone(), quantities_, dates_, places_,
                    claims_, comparer_));
}

namespace {

// Index of the sentence whose span holds `pos` (spans sorted, disjoint).
std::optional<size_t> SentenceAt(const std::vector<Span>& sentences,
                                 size_t pos) {
  auto it = std::upper_bound(
      sentences.begin(), sentences.end(), pos,
      [](size_t p, const Span& s) { return p < s.start; });
  if (it == sentences.begin()) return std::nullopt;
  --it;
  if (pos >= it->end) return std::nullopt;
  return static_cast<size_t>(it - sentences.begin());
}

bool IsDuration(const Mention& m) {
  return m.kind == MentionKind::kDate &&
         std::get<DateValue>(m.value).type == "duration";
}

// A quantity counting time ("trois mois", "plus de deux ans"): its unit is
// one of the symbols of the `time_units` lexicon.
bool CountsTime(const Mention& m, const RuleBook& rules) {
  if (m.kind != MentionKind::kQuantity) return false;
  const auto& unit = std::get<QuantityValue>(m.value).unit;
  const auto* time_units = rules.Lexicon("time_units");
  if (!unit || time_units == nullptr) return false;
  return std::any_of(time_units->begin(), time_units->end(),
                     [&](const auto& entry) { return entry.second == *unit; });
}

size_t SharedBytes(Span a, Span b) {
  size_t start = std::max(a.start, b.start);
  size_t end = std::min(a.end, b.end);
  return end > start ? end - start : 0;
}

// Pairs each duration the date recognizer found with the time-counting
// quantity over the same words ("les douze derniers mois" and "douze
// derniers mois"): the two readings of one expression, which the output
// links rather than leaving as competing guesses. One-to-one; a duration
// takes the quantity sharing the most bytes with it. Appends index pairs
// (date, quantity) into `mentions` to `links`.
void LinkDurations(const std::vector<Mention>& mentions, size_t from,
                   const RuleBook& rules,
                   std::vector<std::pair<size_t, size_t>>* links) {
  std::vector<bool> taken(mentions.size() - from, false);
  for (size_t d = from; d < mentions.size(); ++d) {
    if (!IsDuration(mentions[d])) continue;
    size_t best = mentions.size();
    size_t best_shared = 0;
    for (size_t q = from; q < mentions.size(); ++q) {
      size_t shared = SharedBytes(mentions[d].span, mentions[q].span);
      if (taken[q - from] || shared <= best_shared || !CountsTime(mentions[q], rules)) {
        continue;
      }
      best = q;
      best_shared = shared;
    }
    if (best == mentions.size()) continue;
    taken[best - from] = true;
    links->emplace_back(d, best);
  }
}

// A date that gives way to a quantity counting something on its figure
// (DateRecognizer::YieldsToCount).
bool YieldsToCount(const Mention& m, const DateRecognizer& dates) {
  return m.kind == MentionKind::kDate && dates.YieldsToCount(m.rule);
}

// A quantity that counts or measures something: a counted noun, a unit, a
// bound or an approximation ("2000 manifestants", "plus de 1950", "2012
// euros"), which a bare number that may be a year has none of.
bool CountsSomething(const Mention& m) {
  if (m.kind != MentionKind::kQuantity) return false;
  const auto& q = std::get<QuantityValue>(m.value);
  return q.entity || q.unit || q.bound != Bound::kExact || q.approx;
}

// Drops the dates that yield to a count (YieldsToCount) where a quantity
// that counts something overlaps them. Quantities do not overlap one
// another (one leftmost-longest scan), so sorted by start their ends are
// sorted too, and each date needs one binary search.
void DropDatesThatYieldToCounts(std::vector<Mention>* mentions, size_t from,
                                const DateRecognizer& dates) {
  std::vector<Span> counts;
  bool any_yielding = false;
  for (size_t i = from; i < mentions->size(); ++i) {
    const Mention& m = (*mentions)[i];
    if (CountsSomething(m)) counts.push_back(m.span);
    any_yielding = any_yielding || YieldsToCount(m, dates);
  }
  if (counts.empty() || !any_yielding) return;
  std::sort(counts.begin(), counts.end(),
            [](const Span& a, const Span& b) { return a.start < b.start; });
  auto counted = [&](const Mention& m) {
    if (!YieldsToCount(m, dates)) return false;
    auto first_ending_after = std::upper_bound(
        counts.begin(), counts.end(), m.span.start,
        [](size_t start, const Span& c) { return start < c.end; });
    return first_ending_after != counts.end() && first_ending_after->start < m.span.end;
  };
  mentions->erase(std::remove_if(mentions->begin() + static_cast<std::ptrdiff_t>(from),
                                 mentions->end(), counted),
                  mentions->end());
}

// Records the days the sentence's date mentions state with a day number
// ("samedi 29 mai", "le 29/05"), so that a later bare "samedi" is that day
// (DateContext::stated_days). A day said without one ("hier", "samedi")
// states nothing: the tense decides for those, and a later weekday keeps
// deciding by its own tense.
void StateDaysWithNumbers(const std::vector<Mention>& mentions, size_t from,
                          std::string_view text, DateContext* context) {
  for (size_t i = from; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    if (m.kind != MentionKind::kDate) continue;
    const std::string& value = std::get<DateValue>(m.value).value;
    const std::string_view said = m.span.Of(text);
    if (value.size() < 10 ||
        std::none_of(said.begin(), said.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      continue;
    }
    if (auto day = ParseIsoDate(std::string_view(value).substr(0, 10))) StateDay(*day, context);
  }
}

// Records the sentence's last date (in text order) that names a calendar
// period, for a later "cette année-là" (DateContext::last_stated). A date
// after "du" or "de" dates a noun ("au référendum du 1er juillet 1962"),
// not what the sentence tells: another date of the sentence is preferred
// ("le 5 juillet 1962, De Gaulle proclamait l'indépendance … après le
// référendum du 1er juillet 1962. Ce jour-là" is the 5th).
void StateLastDateOf(const std::vector<Mention>& mentions, size_t from, std::string_view text,
                     DateContext* context) {
  auto dates_a_noun = [&](const Mention& m) {
    const std::string_view before = text.substr(0, m.span.start);
    return before.ends_with(" du ") || before.ends_with(" de ") || before.ends_with(" d'");
  };
  const Mention* last = nullptr;
  const Mention* last_of_a_noun = nullptr;
  for (size_t i = from; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    if (m.kind != MentionKind::kDate) continue;
    const std::string& value = std::get<DateValue>(m.value).value;
    if (!NamesCalendarPeriod(value)) continue;  // durations, sets, decades
    const Mention*& slot = dates_a_noun(m) ? last_of_a_noun : last;
    if (slot == nullptr || m.span.start > slot->span.start) slot = &m;
  }
  if (last == nullptr) last = last_of_a_noun;
  if (last != nullptr) StateLastDate(std::get<DateValue>(last->value).value, context);
}

// "Le passage de Sandy" after "l'ouragan Sandy", "à Nice" aside, "Nice a
// dit" after "M. Nice": a name the document gives a person or a storm (a
// title or first name before it: PlaceRecognizer's `names_of_people`) is
// not a place elsewhere in it either, unless a preposition that only a
// place takes comes right before it ("à", "en", "au", "aux", "dans").
// Places hold no links, but the links' indices into `mentions` shift.
void DropPlacesNamedAsPeople(std::string_view text, const std::vector<Span>& names_of_people,
                             std::vector<Mention>* mentions,
                             std::vector<std::pair<size_t, size_t>>* links) {
  if (names_of_people.empty()) return;
  std::unordered_set<std::string> names;
  for (const Span& s : names_of_people) names.insert(FoldPlaceKey(s.Of(text)));
  auto located = [&](const Span& span) {
    const std::string_view before = text.substr(0, span.start);
    for (std::string_view cue : {"\xC3\xA0 ", "\xC3\x80 ", "en ", "En ", "au ", "Au ", "aux ",
                                 "Aux ", "dans ", "Dans "}) {
      if (!before.ends_with(cue)) continue;
      const size_t word = before.size() - cue.size();
      if (word == 0 || !std::isalpha(static_cast<unsigned char>(before[word - 1]))) return true;
    }
    return false;
  };
  std::vector<size_t> new_index(mentions->size());
  size_t kept = 0;
  for (size_t i = 0; i < mentions->size(); ++i) {
    Mention& m = (*mentions)[i];
    const bool drop = m.kind == MentionKind::kPlace && m.rule == "fr.place.gazetteer" &&
                      names.count(FoldPlaceKey(m.span.Of(text))) != 0 && !located(m.span);
    if (drop) continue;
    new_index[i] = kept;
    if (kept != i) (*mentions)[kept] = std::move(m);
    ++kept;
  }
  if (kept == mentions->size()) return;
  mentions->resize(kept);
  for (auto& [a, b] : *links) {
    a = new_index[a];
    b = new_index[b];
  }
}

// "7 euros par mois": the recurrence "par mois" is the rate's
// denominator (unit EUR/mo), not a date of its own.
void DropRecurrencesInsideRates(std::vector<Mention>* mentions, size_t from) {
  std::vector<Span> rates;
  for (size_t i = from; i < mentions->size(); ++i) {
    const Mention& m = (*mentions)[i];
    if (m.kind != MentionKind::kQuantity) continue;
    const auto& unit = std::get<QuantityValue>(m.value).unit;
    if (unit && unit->find('/') != std::string::npos) rates.push_back(m.span);
  }
  if (rates.empty()) return;  // the common case
  auto inside_rate = [&](const Mention& m) {
    if (m.kind != MentionKind::kDate || std::get<DateValue>(m.value).type != "set") return false;
    return std::any_of(rates.begin(), rates.end(), [&](const Span& r) {
      return r.start <= m.span.start && m.span.end <= r.end;
    });
  };
  mentions->erase(std::remove_if(mentions->begin() + static_cast<std::ptrdiff_t>(from),
                                 mentions->end(), inside_rate),
                  mentions->end());
}

// The one place where dimensions meet. A figure that is part of a date or a
// time ("29" in "29 mai", "2014" in "en août 2014") is not a quantity. A
// figure inside a duration ("les douze derniers mois") stays: it is the
// duration's count, and the two mentions are linked (LinkDurations). A bare
// year yields to a quantity that counts something on the same figure
// (DropDatesThatYieldToCounts), and wins over one that does not.
// Dropping is linear after a sort: a quantity overlaps some date iff the
// largest end among the dates that start before the quantity ends lies past
// the quantity's start.
void ResolveQuantitiesAndDates(std::vector<Mention>* mentions, size_t from,
                               const RuleBook& rules, const DateRecognizer& date_recognizer,
                               std::vector<std::pair<size_t, size_t>>* links) {
  DropDatesThatYieldToCounts(mentions, from, date_recognizer);
  DropRecurrencesInsideRates(mentions, from);
  std::vector<Span> dates;
  for (size_t i = from; i < mentions->size(); ++i) {
    const Mention& m = (*mentions)[i];
    if (m.kind == MentionKind::kDate && !IsDuration(m)) dates.push_back(m.span);
  }
  if (!dates.empty()) {
    std::sort(dates.begin(), dates.end(),
              [](const Span& a, const Span& b) { return a.start < b.start; });
    std::vector<size_t> max_end(dates.size());
    for (size_t i = 0; i < dates.size(); ++i) {
      max_end[i] = std::max(dates[i].end, i > 0 ? max_end[i - 1] : 0);
    }
    auto inside_date = [&](const Mention& m) {
      if (m.kind != MentionKind::kQuantity) return false;
      auto after = std::lower_bound(
          dates.begin(), dates.end(), m.span.end,
          [](const Span& d, size_t end) { return d.start < end; });
      if (after == dates.begin()) return false;
      return max_end[after - dates.begin() - 1] > m.span.start;
    };
    mentions->erase(
        std::remove_if(mentions->begin() + static_cast<std::ptrdiff_t>(from),
                       mentions->end(), inside_date),
        mentions->end());
  }
  LinkDurations(*mentions, from, rules, links);
}

// Claims index the original text like mentions; their id lists name the
// quantity, date and place mentions inside the statement, and their source
// the renumbered source mention (the linker used temporary ids).
void FinishClaims(const OffsetMap& map, const std::map<std::string, std::string>& renamed,
                  const std::vector<Mention>& mentions, std::vector<Claim>* claims) {
  for (Claim& c : *claims) {
    c.span = map.ToOriginal(c.span);
    if (c.cue) c.cue->span = map.ToOriginal(c.cue->span);
    if (c.source && c.source->mention) {
      auto it = renamed.find(*c.source->mention);
      c.source->mention = it == renamed.end() ? std::nullopt
                                              : std::optional<std::string>(it->second);
    }
  }
  std::stable_sort(claims->begin(), claims->end(), [](const Claim& a, const Claim& b) {
    return a.span.start != b.span.start ? a.span.start < b.span.start
                                        : a.span.end < b.span.end;
  });
  for (size_t i = 0; i < claims->size(); ++i) {
    Claim& c = (*claims)[i];
    c.id = "c" + std::to_string(i + 1);
    auto first = std::lower_bound(
        mentions.begin(), mentions.end(), c.span.start,
        [](const Mention& m, size_t start) { return m.span.start < start; });
    for (auto it = first; it != mentions.end() && it->span.start < c.span.end; ++it) {
      if (!c.span.Contains(it->span)) continue;
      if (it->kind == MentionKind::kQuantity) c.quantities.push_back(it->id);
      if (it->kind == MentionKind::kDate) c.dates.push_back(it->id);
      if (it->kind == MentionKind::kPlace) c.places.push_back(it->id);
    }
  }
}

}  // namespace

Result<AnnotatedDocument> Annotator::Annotate(
    std::string_view original, const DocumentOptions& options,
    AnnotationTrace* trace) const {
  if (original.size() > options_.max_document_bytes) {
    return ResourceExhausted(
        "document is " + std::to_string(original.size()) +
        " bytes, over the limit of " +
        std::to_string(options_.max_document_bytes) + " bytes");
  }
  if (options.date && !IsIsoDate(*options.date)) {
    return InvalidArgument("date '" + *options.date +
                           "' is not a calendar date YYYY-MM-DD");
  }
  AnnotatedDocument doc;
  doc.info.id = options.id;
  doc.info.date = options.date;
  doc.info.bytes = original.size();

  NormalizedText normalized = Normalize(original);
  doc.info.normalization = normalized.stats;
  Segmentation segmentation = segmenter_->Segment(normalized.text);

  DateContext date_context;
  if (options.date) date_context.document_date = ParseIsoDate(*options.date);
  std::vector<Mention> mentions;
  std::vector<std::pair<size_t, size_t>> links;  // indices into `mentions`
  std::vector<Span> names_of_people;  // place names read as people's or storms'
  for (const Sentence& sentence : segmentation.sentences) {
    if (options.deadline && std::chrono::steady_clock::now() > *options.deadline) {
      return ResourceExhausted("time budget exceeded at sentence " +
                               std::to_string(&sentence - segmentation.sentences.data()) +
                               " of " + std::to_string(segmentation.sentences.size()));
    }
    const size_t first = mentions.size();
    quantities_.Recognize(normalized.text, sentence.span, &mentions);
    dates_.Recognize(normalized.text, sentence.span, date_context, &mentions);
    places_.Recognize(normalized.text, sentence.span, &mentions, &names_of_people);
    ResolveQuantitiesAndDates(&mentions, first, *rules_, dates_, &links);
    StateDaysWithNumbers(mentions, first, normalized.text, &date_context);
    StateLastDateOf(mentions, first, normalized.text, &date_context);
  }
  DropPlacesNamedAsPeople(normalized.text, names_of_people, &mentions, &links);
  LinkedClaims linked = claims_.Link(normalized.text, segmentation, mentions);
  for (Mention& m : linked.mentions) mentions.push_back(std::move(m));

  doc.paragraphs.reserve(segmentation.paragraphs.size());
  for (const Span& p : segmentation.paragraphs) {
    doc.paragraphs.push_back(normalized.map.ToOriginal(p));
  }
  doc.sentences.reserve(segmentation.sentences.size());
  for (const Sentence& s : segmentation.sentences) {
    doc.sentences.push_back(normalized.map.ToOriginal(s.span));
  }
  for (Mention& m : mentions) m.span = normalized.map.ToOriginal(m.span);
  // Sorted through a permutation so the links, held as indices, follow.
  std::vector<size_t> order(mentions.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Span& x = mentions[a].span;
    const Span& y = mentions[b].span;
    return x.start != y.start ? x.start < y.start : x.end < y.end;
  });
  std::vector<size_t> position(mentions.size());
  for (size_t i = 0; i < order.size(); ++i) position[order[i]] = i;
  auto id_at = [](size_t i) { return "m" + std::to_string(i + 1); };
  for (const auto& [date, quantity] : links) {
    mentions[date].link = id_at(position[quantity]);
    mentions[quantity].link = id_at(position[date]);
  }
  std::map<std::string, std::string> renamed;  // linker's ids -> final ids
  doc.mentions.reserve(mentions.size());
  for (size_t i = 0; i < order.size(); ++i) {
    Mention& m = mentions[order[i]];
    std::string id = id_at(i);
    if (!m.id.empty()) renamed[m.id] = id;
    m.id = std::move(id);
    m.sentence = SentenceAt(doc.sentences, m.span.start);
    doc.mentions.push_back(std::move(m));
  }
  FinishClaims(normalized.map, renamed, doc.mentions, &linked.claims);
  doc.claims = std::move(linked.claims);
  // After the claims: comparisons group the figures of claims.
  doc.comparisons = comparer_.Compare(doc);
  if (trace != nullptr) {
    trace->sentences.clear();
    for (const Sentence& s : segmentation.sentences) trace->sentences.push_back(s.span);
    trace->normalized = std::move(normalized);
  }
  return doc;
}

}  // namespace claimx
