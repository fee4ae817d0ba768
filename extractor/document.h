// AnnotatedDocument: everything claimx says about one article, with every
// span in ORIGINAL byte offsets. This is what the emitters (emit_json.h,
// emit_text.h) write; schema v1 (docs/schema.md) is its JSON form.
#ifndef CLAIMX_EXTRACTOR_DOCUMENT_H_
#define CLAIMX_EXTRACTOR_DOCUMENT_H_

#include <optional>
#include <string>
#include <vector>

#include "extractor/claim.h"
#include "extractor/comparison.h"
#include "extractor/mention.h"
#include "extractor/normalizer.h"
#include "extractor/span.h"

namespace claimx {

struct DocumentInfo {
  std::string id;                   // caller-given, or the file name
  std::optional<std::string> date;  // publication date, YYYY-MM-DD
  std::string lang = "fr";
  size_t bytes = 0;                 // size of the original input
  NormalizationStats normalization;
};

struct AnnotatedDocument {
  DocumentInfo info;
  std::vector<Span> paragraphs;  // original offsets
  std::vector<Span> sentences;   // original offsets, in text order
  std::vector<Mention> mentions;  // sorted by (start, end)
  std::vector<Claim> claims;
  std::vector<Comparison> comparisons;  // figures of several claims side by side
};

}  // namespace claimx

#endif  // CLAIMX_EXTRACTOR_DOCUMENT_H_
