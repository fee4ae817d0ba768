#include "extractor/claim.h"
#include "extractor/mention.h"

namespace claimx {

std::string_view MentionKindName(MentionKind kind) {
  switch (kind) {
    case MentionKind::kQuantity: return "quantity";
    case MentionKind::kDate: return "date";
    case MentionKind::kPlace: return "place";
    case MentionKind::kSource: return "source";
    case MentionKind::kQuote: return "quote";
  }
  return "quantity";
}

std::string_view BoundName(Bound bound) {
  switch (bound) {
    case Bound::kExact: return "exact";
    case Bound::kAtLeast: return "at_least";
    case Bound::kAtMost: return "at_most";
    case Bound::kUpTo: return "up_to";
    case Bound::kRange: return "range";
  }
  return "exact";
}

std::string_view ClaimTypeName(ClaimType type) {
  switch (type) {
    case ClaimType::kDirect: return "direct";
    case ClaimType::kIndirect: return "indirect";
    case ClaimType::kAccordingTo: return "according_to";
    case ClaimType::kMixed: return "mixed";
    case ClaimType::kUnattributed: return "unattributed";
  }
  return "unattributed";
}

}  // namespace claimx
