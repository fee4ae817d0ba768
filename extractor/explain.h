// Explain: how each mention or claim of an article was found and computed,
// for people who debug rules without reading C++ (`claimx explain`), in the
// spirit of Duckling's debug derivations.
//
// For an item the derivation gives: the rule id and where the rule is written
// (file and line of a YAML rule, or the gazetteer row of a place), the rule's
// doc and pattern, the named groups of the match with the text each one
// matched, the steps from those groups to the value (a number word parsed, a
// word looked up in a named table, a fixed `set` field, a date resolved
// against the document date, a gazetteer entry), and the value itself.
//
// How: the annotator runs as usual with an AnnotationTrace (the normalized
// text and sentences, kept only when asked for), then the item's rule set is
// run again on the item's sentence and the match of the item's rule at the
// item's span is read for its groups. The normal annotation path is not
// touched: explaining costs one more rule pass per explained sentence.
//
// Thread safety: as Annotator::Annotate.
#ifndef CLAIMX_EXTRACTOR_EXPLAIN_H_
#define CLAIMX_EXTRACTOR_EXPLAIN_H_

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "extractor/annotator.h"

namespace claimx {

struct Derivation {
  std::string id;    // "m4", "c1"
  std::string kind;  // mention kind, or "claim"
  Span span;         // original offsets
  std::string text;  // the evidence, made displayable
  std::string rule;
  std::string rule_file;  // empty when the rule is not found in the rule files
  int rule_line = 0;
  std::string rule_doc;
  std::string pattern;  // as written in the rule file, with {{defines}}
  // Named groups of the match, in pattern order: name, matched text.
  std::vector<std::pair<std::string, std::string>> groups;
  std::vector<std::string> steps;  // how the value was computed, in order
  nlohmann::ordered_json value;    // the item's JSON form (schema v1)
};

struct ExplainFilter {
  std::optional<size_t> at;         // items whose span holds this byte offset
  std::optional<std::string> rule;  // items produced by this rule id
};

// Annotates `original` and explains the mentions and claims that pass
// `filter`, in text order (mentions, then claims). Fails as Annotate does.
Result<std::vector<Derivation>> Explain(const Annotator& annotator,
                                        std::string_view original,
                                        const DocumentOptions& options,
                                        const ExplainFilter& filter);

// The derivations as readable text, one block per item.
void WriteDerivations(std::ostream& out, const std::vector<Derivation>& derivations);

}  // namespace claimx

#endif  // CLAIMX_EXTRACTOR_EXPLAIN_H_
