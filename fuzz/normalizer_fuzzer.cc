// Fuzz target: Normalize() on arbitrary bytes.
//
// Checks the normalizer's contract (normalizer.h): the output is valid UTF-8
// at most 3x the input, and the offset map sends every normalized offset to
// an original offset in range, in order, with the ends mapping to the ends.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extractor/normalizer.h"
#include "fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view original(reinterpret_cast<const char*>(data), size);
  claimx::NormalizedText normalized = claimx::Normalize(original);
  const std::string& text = normalized.text;
  CLAIMX_FUZZ_CHECK(claimx::fuzz::IsValidUtf8(text));
  CLAIMX_FUZZ_CHECK(text.size() <= 3 * size);
  CLAIMX_FUZZ_CHECK(normalized.map.OriginalStart(text.size()) == size);
  // OriginalEnd leaves out characters removed after the span (a trailing
  // soft hyphen), so only its bound is checked.
  CLAIMX_FUZZ_CHECK(normalized.map.OriginalEnd(text.size()) <= size);
  if (normalized.stats.invalid_utf8 > 0) {
    CLAIMX_FUZZ_CHECK(normalized.stats.first_invalid_offset < size);
  }
  size_t previous = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    size_t start = normalized.map.OriginalStart(i);
    CLAIMX_FUZZ_CHECK(start <= size);
    CLAIMX_FUZZ_CHECK(start >= previous);
    previous = start;
    if (i > 0) {
      size_t end = normalized.map.OriginalEnd(i);
      CLAIMX_FUZZ_CHECK(end <= size);
      CLAIMX_FUZZ_CHECK(end >= normalized.map.OriginalStart(i - 1));
    }
  }
  return 0;
}
