// Mention: one thing a recognizer found in the text (a quantity, a date, a
// place, a source, a quote), with the byte span of its evidence and the id of
// the rule that produced it.
//
// Recognizers produce mentions with spans into the NORMALIZED text; the
// annotator maps them to ORIGINAL offsets before they leave the library, so a
// Mention inside an AnnotatedDocument always indexes the original bytes.
#ifndef CLAIMX_EXTRACTOR_MENTION_H_
#define CLAIMX_EXTRACTOR_MENTION_H_

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "extractor/span.h"

namespace claimx {

enum class MentionKind { kQuantity, kDate, kPlace, kSource, kQuote };

// How a quantity relates to the true figure: "jusqu'à 119" is up_to,
// "au moins 300" at_least, "entre 3 000 et 5 000" a range.
enum class Bound { kExact, kAtLeast, kAtMost, kUpTo, kRange };

struct QuantityValue {
  double value = 0;
  std::optional<std::string> unit;    // null for counts; "%", ISO 4217, SI
  std::optional<std::string> entity;  // the counted noun, as written
  std::optional<std::string> entity_lemma;  // singular, lower case
  Bound bound = Bound::kExact;
  std::optional<double> low;   // for ranges
  std::optional<double> high;  // for ranges
  bool approx = false;
};

// A resolved interval, both ends TIMEX3 values: "depuis 2014" in an article
// of 2016-11-10 is {2014, 2016-11-10}; "entre 2010 et 2015" is {2010, 2015}.
struct DateRange {
  std::string start;
  std::string end;
  friend bool operator==(const DateRange&, const DateRange&) = default;
};

struct DateValue {
  std::string value;  // TIMEX3 style: 2014, 2014-08, 2016-11-09, P2Y
  std::string type;   // date | time | duration | set
  std::optional<std::string> mod;  // START MID END BEFORE AFTER APPROX
  std::optional<DateRange> range;  // optional schema field `range`
};

struct PlaceValue {
  std::string name;
  std::optional<std::string> country;  // ISO 3166-1 alpha-2
  std::string type;  // country city region admin area water demonym...
  // Optional fields (absent from the JSON when unset, see docs/schema.md).
  std::optional<std::string> gazetteer_id;  // "geonames:99072", "cldr:SY"
  std::optional<double> lat;                // WGS 84 degrees
  std::optional<double> lon;
  std::optional<std::string> admin1;  // first-level subdivision code
  std::optional<std::string> metonymy;  // "government": the capital's rulers
};

struct SourceValue {
  std::string name;  // canonical full name
  std::string type;  // person organization government anonymous document media
  std::optional<std::string> role;
};

struct QuoteValue {};

using MentionValue =
    std::variant<QuantityValue, DateValue, PlaceValue, SourceValue, QuoteValue>;

struct Mention {
  std::string id;  // "m1", "m2"... unique within a document, in text order
  MentionKind kind = MentionKind::kQuantity;
  Span span;
  std::string rule;  // e.g. "fr.quantity.number"
  std::optional<size_t> sentence;  // index of the sentence holding `start`
  // The id of the other reading of the same words: a duration date and the
  // quantity with a time unit over it ("les douze derniers mois" / "douze
  // derniers mois") point at each other. Set by the annotator only.
  std::optional<std::string> link;
  MentionValue value;
};

std::string_view MentionKindName(MentionKind kind);
std::string_view BoundName(Bound bound);

}  // namespace claimx

#endif  // CLAIMX_EXTRACTOR_MENTION_H_
