// Shared checks for the fuzz targets. A broken invariant is a bug in claimx,
// not in the input: Violated() aborts so libFuzzer (or the replay driver)
// records the input that caused it. Library code never aborts; only these
// harnesses do.
#ifndef CLAIMX_FUZZ_FUZZ_UTIL_H_
#define CLAIMX_FUZZ_FUZZ_UTIL_H_

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace claimx::fuzz {

[[noreturn]] inline void Violated(const char* what) {
  std::fprintf(stderr, "fuzz invariant violated: %s\n", what);
  std::abort();
}

#define CLAIMX_FUZZ_CHECK(cond) \
  do {                          \
    if (!(cond)) ::claimx::fuzz::Violated(#cond); \
  } while (0)

// Strict UTF-8 validity (no overlong forms, no surrogates, <= U+10FFFF).
inline bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char b0 = static_cast<unsigned char>(s[i]);
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b0 < 0x80) {
      ++i;
      continue;
    } else if (b0 >= 0xC2 && b0 <= 0xDF) {
      len = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      len = 3;
      if (b0 == 0xE0) lo = 0xA0;
      if (b0 == 0xED) hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      len = 4;
      if (b0 == 0xF0) lo = 0x90;
      if (b0 == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (i + len > s.size()) return false;
    unsigned char b1 = static_cast<unsigned char>(s[i + 1]);
    if (b1 < lo || b1 > hi) return false;
    for (size_t k = 2; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

// Whether `s` holds a byte or code point that would act on a terminal rather
// than print: C0 controls other than LF, DEL, C1 controls, bidi embedding,
// override and isolate controls, and the LRM/RLM/ALM marks.
inline bool HasTerminalControl(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if ((b < 0x20 && b != '\n') || b == 0x7F) return true;
    if (b == 0xC2 && i + 1 < s.size()) {
      unsigned char c = static_cast<unsigned char>(s[i + 1]);
      if (c >= 0x80 && c < 0xA0) return true;  // U+0080..U+009F
    }
    if (b == 0xD8 && i + 1 < s.size() &&
        static_cast<unsigned char>(s[i + 1]) == 0x9C) {
      return true;  // U+061C ARABIC LETTER MARK
    }
    if (b == 0xE2 && i + 2 < s.size()) {
      unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
      unsigned char c2 = static_cast<unsigned char>(s[i + 2]);
      if (c1 == 0x80 && (c2 == 0x8E || c2 == 0x8F)) return true;  // LRM RLM
      if (c1 == 0x80 && c2 >= 0xAA && c2 <= 0xAE) return true;  // LRE..RLO
      if (c1 == 0x81 && c2 >= 0xA6 && c2 <= 0xA9) return true;  // LRI..PDI
    }
  }
  return false;
}

}  // namespace claimx::fuzz

#endif  // CLAIMX_FUZZ_FUZZ_UTIL_H_
