// Span: a half-open byte range [start, end).
//
// Which text a span indexes is part of its owner's contract: spans produced by
// the recognizers index the normalized text; spans in the schema v1 output
// index the ORIGINAL input bytes (see normalizer.h, OffsetMap::ToOriginal).
#ifndef CLAIMX_EXTRACTOR_SPAN_H_
#define CLAIMX_EXTRACTOR_SPAN_H_

#include <cstddef>
#include <string_view>

namespace claimx {

struct Span {
  size_t start = 0;
  size_t end = 0;

  size_t size() const { return end - start; }
  bool empty() const { return end <= start; }
  bool Contains(const Span& other) const {
    return start <= other.start && other.end <= end;
  }
  bool Overlaps(const Span& other) const {
    return start < other.end && other.start < end;
  }
  std::string_view Of(std::string_view text) const {
    return text.substr(start, end - start);
  }
  friend bool operator==(const Span&, const Span&) = default;
};

}  // namespace claimx

#endif  // CLAIMX_EXTRACTOR_SPAN_H_
