// Fuzz target: Normalize() on arbitrary bytes.
//
// Checks the normalizer's contract (normalizer.h): the output is valid UTF-8
// at most 3x the input, and the offset map sends every normalized offset to
// an original offset in range, in order, with the ends mapping to the ends;
// and the output is NFC (so normalizing it again changes nothing).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <utf8proc.h>

#include "extractor/normalizer.h"
#include "fuzz/fuzz_util.h"

namespace {

// The longest run of code points that may compose or reorder with what
// precedes them (marks, non-zero combining class, Hangul vowels and
// trailing consonants). The normalizer composes runs of at most 32 (its
// bound for linear time, after Unicode's Stream-Safe Text Format), so only
// output without longer runs is promised to be NFC.
size_t LongestCombiningRun(std::string_view text) {
  size_t longest = 0, run = 0, i = 0;
  while (i < text.size()) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()) + i,
                                          static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (n <= 0) return SIZE_MAX;  // not UTF-8: reported by the validity check
    const utf8proc_property_t* p = utf8proc_get_property(cp);
    bool combining = p->combining_class != 0 || p->category == UTF8PROC_CATEGORY_MN ||
                     p->category == UTF8PROC_CATEGORY_MC || p->category == UTF8PROC_CATEGORY_ME ||
                     p->boundclass == UTF8PROC_BOUNDCLASS_V ||
                     p->boundclass == UTF8PROC_BOUNDCLASS_T ||
                     p->boundclass == UTF8PROC_BOUNDCLASS_EXTEND ||
                     p->boundclass == UTF8PROC_BOUNDCLASS_SPACINGMARK;
    run = combining ? run + 1 : 0;
    if (run > longest) longest = run;
    i += static_cast<size_t>(n);
  }
  return longest;
}

bool IsNfc(const std::string& text) {
  utf8proc_uint8_t* nfc = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(text.c_str()));
  if (nfc == nullptr) return false;
  bool same = text == reinterpret_cast<const char*>(nfc);
  std::free(nfc);
  return same;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view original(reinterpret_cast<const char*>(data), size);
  claimx::NormalizedText normalized = claimx::Normalize(original);
  const std::string& text = normalized.text;
  CLAIMX_FUZZ_CHECK(claimx::fuzz::IsValidUtf8(text));
  CLAIMX_FUZZ_CHECK(text.size() <= 3 * size);
  // utf8proc_NFC stops at a NUL byte, which the normalizer turns into a space
  // anyway.
  if (LongestCombiningRun(text) <= 30) CLAIMX_FUZZ_CHECK(IsNfc(text));
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
