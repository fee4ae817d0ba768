// Normalizer: raw article bytes in, normalized UTF-8 out, with an exact map
// from every normalized byte back to the original bytes.
//
// Every later stage (segmenter, recognizers) matches against the normalized
// text, where typographic variation is folded away; every output span is
// mapped back through the OffsetMap so that `original.substr(start, end -
// start)` is exactly the evidence in the user's file (SentencePiece keeps the
// same kind of alignment).
//
// What normalization does, in order of how often it matters in French news:
//   * already-NFC text, ASCII or not, is copied unchanged (fast path); runs
//     that are not NFC (decomposed accents, singletons) are composed to NFC
//     with utf8proc;
//   * every space variant (NBSP U+00A0, narrow NBSP U+202F, thin space U+2009,
//     the U+2000..U+200A family, U+205F, U+3000, U+1680, TAB, VT, FF) becomes
//     one ASCII space, so "94 000" matches whatever the typesetter used;
//   * typographic apostrophes (’ ‘ ʼ ′ ´) become ASCII ';
//   * quote marks « » “ ” „ ‹ › " are KEPT as they are: the quote extractor
//     needs to tell opening from closing;
//   * hyphen variants U+2010, U+2011 and the minus sign U+2212 become '-';
//     en and em dashes are kept;
//   * compatibility ligatures ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ are expanded; œ and æ are kept
//     (they are French letters, not ligatures of convenience);
//   * superscript (modifier) small letters of French ordinals and
//     abbreviations become plain letters: "1ᵉʳ" is "1er", "XIXᵉ" "XIXe",
//     "Mᵐᵉ" "Mme";
//   * soft hyphens, zero-width characters, word joiners, bidi controls and
//     byte order marks (at the start or anywhere) are removed;
//   * CRLF and lone CR become LF; NEL and U+2028 become LF; U+2029 becomes a
//     blank line (paragraph break);
//   * other control characters (NUL included) become a space;
//   * invalid UTF-8 (stray continuation bytes, truncated sequences, overlong
//     forms, surrogates, code points above U+10FFFF) becomes U+FFFD, one per
//     maximal invalid subpart, counted in the stats. It never fails.
//
// Thread safety: Normalize() is a free function with no shared mutable state
// (the NFC lookup table is built once, thread-safely, on first use).
#ifndef CLAIMX_EXTRACTOR_NORMALIZER_H_
#define CLAIMX_EXTRACTOR_NORMALIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/span.h"

namespace claimx {

// Maps normalized byte offsets back to original byte offsets.
//
// Stored as the list of edits (places where normalized and original bytes
// differ), so that unchanged text, almost all of it, costs no memory. A run of
// identical edits (say 1 000 NBSP in a row, or a block of invalid bytes) is one
// entry with a count.
class OffsetMap {
 public:
  // Original offset of the first byte of the original character that produced
  // normalized byte `norm` (0 <= norm <= normalized size; the normalized size
  // maps to the original size).
  size_t OriginalStart(size_t norm) const;

  // Original offset just past the original character that produced normalized
  // byte `norm_end - 1`: the end of a span whose last normalized byte is
  // norm_end - 1. Characters removed by normalization (a soft hyphen after the
  // span) are never included.
  size_t OriginalEnd(size_t norm_end) const;

  // [OriginalStart(start), OriginalEnd(end)); an empty span maps to an empty
  // span at OriginalStart(start).
  Span ToOriginal(Span normalized) const;

  // Number of stored edit runs (for tests and memory accounting).
  size_t edit_runs() const { return runs_.size(); }

 private:
  friend class NormalizerState;

  // `count` consecutive edits, each turning `orig_unit` original bytes into
  // `norm_unit` normalized bytes (norm_unit == 0 for removed characters).
  struct Run {
    size_t norm_start;
    size_t orig_start;
    uint32_t norm_unit;
    uint32_t orig_unit;
    size_t count;

    size_t norm_end() const { return norm_start + size_t{norm_unit} * count; }
    size_t orig_end() const { return orig_start + size_t{orig_unit} * count; }
  };

  void AddEdit(size_t norm_start, size_t norm_len, size_t orig_start,
               size_t orig_len);
  // The last run whose norm_start <= norm, or nullptr.
  const Run* RunAtOrBefore(size_t norm) const;

  std::vector<Run> runs_;
  size_t original_size_ = 0;
  size_t normalized_size_ = 0;
};

struct NormalizationStats {
  size_t invalid_utf8 = 0;          // U+FFFD substitutions made
  size_t first_invalid_offset = 0;  // original offset of the first one
  size_t removed = 0;               // soft hyphens, zero-width, BOM, bidi
  size_t spaces_unified = 0;        // non-ASCII or control spaces -> ' '
  size_t nfc_runs = 0;              // runs that needed composition
  bool had_bom = false;
};

struct NormalizedText {
  std::string text;  // valid UTF-8, NFC
  OffsetMap map;
  NormalizationStats stats;
};

// Normalizes `original` as described above. Never fails; output size is at
// most 3x the input size (an invalid byte becomes a 3-byte U+FFFD).
NormalizedText Normalize(std::string_view original);

// One UTF-8 character of `text` at byte `pos` (pos < text.size()), decoded as
// the normalizer does: an ill-formed sequence is one U+FFFD per maximal
// subpart, `length` >= 1 bytes. For emitters that must write valid UTF-8.
struct Utf8Char {
  char32_t code_point;
  size_t length;
  bool valid;
};
Utf8Char DecodeUtf8At(std::string_view text, size_t pos);

}  // namespace claimx

#endif  // CLAIMX_EXTRACTOR_NORMALIZER_H_
