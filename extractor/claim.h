// Claim: who says what, linked to the mentions inside what is said.
//
// A claim's spans index the ORIGINAL input, like mentions. The source and cue
// are optional: an unattributed statement with a checkable figure is still a
// claim. The linker that fills claims lives in extractor/claim_linker.h; the
// Annotator runs it after the recognizers.
#ifndef CLAIMX_EXTRACTOR_CLAIM_H_
#define CLAIMX_EXTRACTOR_CLAIM_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/span.h"

namespace claimx {

enum class ClaimType { kDirect, kIndirect, kAccordingTo, kMixed, kUnattributed };

struct ClaimSource {
  std::string name;
  std::string type;
  std::optional<std::string> role;
  std::optional<std::string> mention;  // id of the source mention
};

struct ClaimCue {
  Span span;
  std::string lemma;  // "déclarer", "selon"
};

struct Claim {
  std::string id;  // "c1", "c2"...
  ClaimType type = ClaimType::kUnattributed;
  Span span;       // the reported content (the statement)
  std::optional<ClaimSource> source;
  std::optional<ClaimCue> cue;
  std::vector<std::string> quantities;  // mention ids inside the statement
  std::vector<std::string> dates;
  std::vector<std::string> places;
  std::string rule;
  double confidence = 0;  // 0..1
};

std::string_view ClaimTypeName(ClaimType type);

}  // namespace claimx

#endif  // CLAIMX_EXTRACTOR_CLAIM_H_
