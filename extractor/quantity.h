// QuantityRecognizer: the figures a reader would check ("1787 civils",
// "94 000 manifestants", "80% des bombardements", "2,5 milliards").
//
// Driven by the rules of dimension "quantity" (rules/fr/quantity.yaml). Each
// rule's pattern captures the literal in a group named `number`; its `set`
// block gives fixed fields: `unit` ("%", an ISO 4217 code, a SI-style
// symbol), `bound` (exact, at_least, at_most, up_to, range), `approx`
// ("true"), or `emit: none` for rules that only claim a span so that nothing
// else is read there (a year after "en" is a date, not a count).
//
// Thread safety: immutable after Create(); Recognize() is const and may run
// on many threads at once.
#ifndef CLAIMX_EXTRACTOR_QUANTITY_H_
#define CLAIMX_EXTRACTOR_QUANTITY_H_

#include <optional>
#include <string_view>
#include <vector>

#include "extractor/mention.h"
#include "extractor/rules.h"
#include "extractor/span.h"
#include "extractor/status.h"

namespace claimx {

// Parses a number written in digits the French way: spaces or dots group
// thousands ("94 000", "1.787.000"), a comma marks decimals ("2,5",
// "1 787,5"). Returns nullopt for anything else ("49.3": a dot that does not
// group exactly three digits is not French).
std::optional<double> ParseFrenchDigits(std::string_view literal);

class QuantityRecognizer {
 public:
  // Fails when the rule book has no "quantity" rules or a rule lacks the
  // `number` group.
  static Result<QuantityRecognizer> Create(const RuleBook& rules);

  // Appends the quantity mentions found in text[range] to `out`, with spans
  // into `text` (normalized offsets), sorted by start. Ids are left empty;
  // the annotator numbers mentions once all dimensions are in.
  void Recognize(std::string_view text, Span range,
                 std::vector<Mention>* out) const;

 private:
  explicit QuantityRecognizer(const RuleSet* rules) : rules_(rules) {}
  const RuleSet* rules_;
};

}  // namespace claimx

#endif  // CLAIMX_EXTRACTOR_QUANTITY_H_
