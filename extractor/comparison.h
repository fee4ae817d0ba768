// Comparisons: figures from different claims that measure the same thing,
// side by side, and whether they can all be true at once.
//
// "jusqu'à 119 victimes civiles" (US military), "1787 civils" (Airwars), "au
// moins 300 victimes civiles ... pour la seule Syrie" (Amnesty) all count
// civilian deaths in the same war: a fact-checker wants them in one table.
//
// Grouping. Every quantity a claim lists (Claim::quantities) that has an
// entity lemma is a candidate. Its measure is the lemma, mapped through the
// lexicon `comparison_measure` (rules/fr/comparison.yaml) so that synonyms
// meet ("victime civile" and "civil" both measure "civil"). Two candidates are
// comparable when they have the same measure, the same unit (null for counts),
// their places overlap and their periods overlap; a group is a connected set
// of comparable candidates from at least two voices (a voice is a source in
// a document; a document's unattributed claims are one voice, the
// article's: one voice with two figures is most often speaking of two
// things, not contradicting itself). Each claim gives at
// most one item per group, its first figure for that measure ("tué 64 civils
// et blessé huit autres": 64).
//   * places overlap when either claim names none (the scope is unknown), or
//     a pair is the same place, or one is a country (or a demonym of it) and
//     the other lies in it, or one has no country (a region like
//     "Moyen-Orient": too vague to tell apart);
//   * periods overlap when either claim has no date with a known extent, or
//     some pair of date extents intersect. A date's extent is its `range` when
//     it has one, else the calendar period its value names ("2014-08" is the
//     whole of August 2014); durations without a range, weeks, seasons and
//     values with unknown parts have no known extent.
//
// Disagreement. Each item's figure is an interval: exact [v, v] (widened by
// 10 % each way when approximate), at_least [v, +inf), at_most and up_to
// (-inf, v], range [low, high]. A group's `disagreement` is true when no one
// number lies in every interval. Figures over nested scopes (one country
// against two) can differ and both be true: the flag says the figures
// differ, the reader judges whether the scopes do.
//
// Across a batch, CompareClaims takes several documents: items then carry the
// id of their document.
//
// Thread safety: a ClaimComparer is immutable after Create(); Compare() is
// const.
#ifndef CLAIMX_EXTRACTOR_COMPARISON_H_
#define CLAIMX_EXTRACTOR_COMPARISON_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "extractor/mention.h"

namespace claimx {

struct AnnotatedDocument;
class RuleBook;

struct ComparisonItem {
  std::string doc;       // id of the document holding the claim
  std::string claim;     // claim id ("c3")
  std::string quantity;  // id of the quantity mention compared ("m17")
  std::optional<std::string> source;  // canonical source name; null if none
  double value = 0;
  Bound bound = Bound::kExact;
  std::optional<double> low;   // for ranges
  std::optional<double> high;
  bool approx = false;
  std::vector<std::string> places;  // canonical place names, claim order, unique
  std::vector<std::string> dates;   // TIMEX3 values, claim order, unique
};

struct Comparison {
  std::string entity;               // the measure (entity lemma after mapping)
  std::optional<std::string> unit;  // null for counts
  std::vector<ComparisonItem> items;  // at least two, in document then text order
  bool disagreement = false;
};

class ClaimComparer {
 public:
  // Reads the lexicon `comparison_measure` when the rule book has one; without
  // it lemmas are compared as they are.
  static ClaimComparer Create(const RuleBook& rules);
  explicit ClaimComparer(std::map<std::string, std::string> measures = {})
      : measures_(std::move(measures)) {}

  // The comparisons within one article, or across several (documents given
  // in order; items keep that order). Groups are sorted by the position of
  // their first item.
  std::vector<Comparison> Compare(const AnnotatedDocument& doc) const;
  std::vector<Comparison> Compare(
      const std::vector<const AnnotatedDocument*>& docs) const;

  // The measure a lemma belongs to.
  std::string Measure(const std::string& lemma) const;

 private:
  std::map<std::string, std::string> measures_;
};

// A figure as people read it, for the views: "119", "up to 119", "≥ 300",
// "≤ 50", "3000–5000", "~80" (approximate). Integers without a decimal part.
std::string FigureText(double value, Bound bound, std::optional<double> low,
                       std::optional<double> high, bool approx);
std::string FigureText(const ComparisonItem& item);

}  // namespace claimx

#endif  // CLAIMX_EXTRACTOR_COMPARISON_H_
