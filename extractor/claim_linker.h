// ClaimLinker: who says what. Finds the attribution cues of each sentence,
// reads the source phrase they introduce (extractor/source.h) and the
// statement they attribute, and assembles claims:
//
//   «...», a déclaré X / «...», poursuit-elle      direct   fr.claim.quote_inverted
//   X a déclaré : «...»                            direct   fr.claim.quote_colon
//   X estime que ... / X chiffre à ... le nombre   indirect (mixed when the
//                                                  statement holds a quote)
//                                                           fr.claim.reported_speech
//   selon X, ... / ..., d'après X / pour X, ...    according_to  fr.claim.<cue rule>
//   a sentence with a quantity and no claim        unattributed  fr.claim.unattributed
//
// Cues: the `source` rules of rules/fr/source.yaml (one RE2 alternation pass
// per sentence) and the reporting verb forms (one hash probe per word);
// cues inside a quote are not attributions. An incise splitting a quote
// ("«A», a déclaré X, «B»") makes one claim over both parts.
//
// Sources are resolved within the article: a pronoun ("il", "selon elle", the
// "-t-il" of an inversion) names the last source of a compatible kind and
// gender; a title alone ("le porte-parole") the last source holding it; a
// surname alone or an acronym the full name introduced earlier. Resolved
// sources keep the full name, role and type learned before; their `mention`
// is null when no words of the sentence name them.
//
// Output spans index the text given (normalized); source mentions carry a
// temporary id ("s<N>") that claims refer to, renumbered by the annotator.
// Confidence per claim rule comes from `claim_confidence` in source.yaml.
//
// Thread safety: immutable after Create(); Link() is const.
#ifndef CLAIMX_EXTRACTOR_CLAIM_LINKER_H_
#define CLAIMX_EXTRACTOR_CLAIM_LINKER_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/claim.h"
#include "extractor/mention.h"
#include "extractor/quote.h"
#include "extractor/rules.h"
#include "extractor/segmenter.h"
#include "extractor/source.h"
#include "extractor/status.h"

namespace claimx {

struct LinkedClaims {
  std::vector<Mention> mentions;  // source and quote mentions
  std::vector<Claim> claims;      // quantities/dates/places left empty
};

class ClaimLinker {
 public:
  // Fails when source.yaml is missing or incomplete.
  static Result<ClaimLinker> Create(const RuleBook& rules);

  // `mentions` are the recognizers' mentions (normalized spans): quantities
  // make unattributed claims, places tell governments ("Washington").
  LinkedClaims Link(std::string_view text, const Segmentation& segmentation,
                    const std::vector<Mention>& mentions) const;

  const SourceGrammar& grammar() const { return grammar_; }

 private:
  ClaimLinker(const RuleSet* cues, SourceGrammar grammar,
              std::map<std::string, double, std::less<>> confidence);
  double Confidence(std::string_view rule) const;

  const RuleSet* cues_;  // owned by the RuleBook, which outlives the linker
  SourceGrammar grammar_;
  std::map<std::string, double, std::less<>> confidence_;
  friend class LinkPass;
};

// The claim id of `rule` for an attribution found by the cue rule
// `cue_rule` (fr.source.selon -> fr.claim.selon).
std::string ClaimRuleForCue(std::string_view cue_rule);

}  // namespace claimx

#endif  // CLAIMX_EXTRACTOR_CLAIM_LINKER_H_
