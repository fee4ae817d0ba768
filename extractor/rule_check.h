// Rule checking: every example written beside a rule is run through the whole
// annotator, so rule files carry their own tests (Duckling keeps Rules.hs and
// Corpus.hs side by side the same way).
//
//   * an example must yield a mention of the rule's dimension whose text is
//     exactly `match`, produced by that rule, with every `expect` field equal
//     to the emitted JSON field (numbers compared by value); for a rule with
//     `set: {emit: none}` it must yield NO mention overlapping `match`;
//   * a counterexample must yield no mention of the rule's dimension whose
//     text is `match` (when `match` is omitted: no mention of that dimension
//     at all).
//
// `claimx rules check` and the test suite both call CheckRuleExamples.
#ifndef CLAIMX_EXTRACTOR_RULE_CHECK_H_
#define CLAIMX_EXTRACTOR_RULE_CHECK_H_

#include <vector>

#include "extractor/annotator.h"
#include "extractor/rules.h"

namespace claimx {

struct RuleCheckReport {
  size_t examples = 0;         // examples and counterexamples run
  std::vector<RuleError> failures;
};

RuleCheckReport CheckRuleExamples(const Annotator& annotator);

}  // namespace claimx

#endif  // CLAIMX_EXTRACTOR_RULE_CHECK_H_
