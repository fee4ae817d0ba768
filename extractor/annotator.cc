#include "extractor/annotator.h"

#include <algorithm>

namespace claimx {

bool IsIsoDate(std::string_view date) { return ParseIsoDate(date).has_value(); }

Annotator::Annotator(std::shared_ptr<const RuleBook> rules,
                     AnnotatorOptions options,
                     std::unique_ptr<Segmenter> segmenter,
                     QuantityRecognizer quantities, DateRecognizer dates, PlaceRecognizer places,
                     ClaimComparer comparer)
    : rules_(std::move(rules)),
      options_(options),
      segmenter_(std::move(segmenter)),
      quantities_(std::move(quantities)),
      dates_(std::move(dates)),
      places_(std::move(places)),
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
  ClaimComparer comparer = ClaimComparer::Create(*rules);
  return std::unique_ptr<Annotator>(new Annotator(
      std::move(rules), options, std::move(segmenter).value(),
      std::move(quantities).value(), std::move(dates).value(),
      std::move(places).value(), std::move(comparer)));
}

std::unique_ptr<Annotator> Annotator::Clone() const {
  return std::unique_ptr<Annotator>(
      new Annotator(rules_, options_, segmenter_->Clone(), quantities_, dates_, places_,
                    comparer_));
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

// The one place where dimensions meet: a figure that is part of a date or a
// time ("29" in "29 mai", "2014" in "en août 2014") is not a quantity. A
// figure inside a duration ("les douze derniers mois") stays: it is the
// duration's count, and both mentions are reported. Linear after a sort:
// a quantity overlaps some date iff the largest end among the dates that
// start before the quantity ends lies past the quantity's start.
void DropQuantitiesInsideDates(std::vector<Mention>* mentions, size_t from) {
  std::vector<Span> dates;
  for (size_t i = from; i < mentions->size(); ++i) {
    const Mention& m = (*mentions)[i];
    if (m.kind == MentionKind::kDate &&
        std::get<DateValue>(m.value).type != "duration") {
      dates.push_back(m.span);
    }
  }
  if (dates.empty()) return;
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
  for (const Sentence& sentence : segmentation.sentences) {
    const size_t first = mentions.size();
    quantities_.Recognize(normalized.text, sentence.span, &mentions);
    dates_.Recognize(normalized.text, sentence.span, date_context, &mentions);
    places_.Recognize(normalized.text, sentence.span, &mentions);
    DropQuantitiesInsideDates(&mentions, first);
  }

  doc.paragraphs.reserve(segmentation.paragraphs.size());
  for (const Span& p : segmentation.paragraphs) {
    doc.paragraphs.push_back(normalized.map.ToOriginal(p));
  }
  doc.sentences.reserve(segmentation.sentences.size());
  for (const Sentence& s : segmentation.sentences) {
    doc.sentences.push_back(normalized.map.ToOriginal(s.span));
  }
  for (Mention& m : mentions) m.span = normalized.map.ToOriginal(m.span);
  std::stable_sort(mentions.begin(), mentions.end(),
                   [](const Mention& a, const Mention& b) {
                     return a.span.start != b.span.start
                                ? a.span.start < b.span.start
                                : a.span.end < b.span.end;
                   });
  for (size_t i = 0; i < mentions.size(); ++i) {
    mentions[i].id = "m" + std::to_string(i + 1);
    mentions[i].sentence = SentenceAt(doc.sentences, mentions[i].span.start);
  }
  doc.mentions = std::move(mentions);
  doc.comparisons = comparer_.Compare(doc);
  if (trace != nullptr) {
    trace->sentences.clear();
    for (const Sentence& s : segmentation.sentences) trace->sentences.push_back(s.span);
    trace->normalized = std::move(normalized);
  }
  return doc;
}

}  // namespace claimx
