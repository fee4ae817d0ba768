#include "extractor/normalizer.h"

#include <algorithm>
#include <bitset>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <vector>

#include <utf8proc.h>

namespace claimx {

// ---------------------------------------------------------------------------
// OffsetMap

void OffsetMap::AddEdit(size_t norm_start, size_t norm_len, size_t orig_start,
                        size_t orig_len) {
  if (!runs_.empty()) {
    Run& last = runs_.back();
    if (last.norm_unit == norm_len && last.orig_unit == orig_len &&
        last.norm_end() == norm_start && last.orig_end() == orig_start) {
      ++last.count;
      return;
    }
  }
  runs_.push_back(Run{norm_start, orig_start, static_cast<uint32_t>(norm_len),
                      static_cast<uint32_t>(orig_len), 1});
}

const OffsetMap::Run* OffsetMap::RunAtOrBefore(size_t norm) const {
  auto it = std::upper_bound(
      runs_.begin(), runs_.end(), norm,
      [](size_t n, const Run& run) { return n < run.norm_start; });
  if (it == runs_.begin()) return nullptr;
  return &*(it - 1);
}

size_t OffsetMap::OriginalStart(size_t norm) const {
  const Run* run = RunAtOrBefore(norm);
  if (run == nullptr) return norm;
  if (norm < run->norm_end()) {
    size_t index = (norm - run->norm_start) / run->norm_unit;
    return run->orig_start + index * run->orig_unit;
  }
  return norm - run->norm_end() + run->orig_end();
}

size_t OffsetMap::OriginalEnd(size_t norm_end) const {
  if (norm_end == 0) return OriginalStart(0);
  size_t last_byte = norm_end - 1;
  const Run* run = RunAtOrBefore(last_byte);
  if (run == nullptr) return norm_end;
  if (last_byte < run->norm_end()) {
    size_t index = (last_byte - run->norm_start) / run->norm_unit;
    return run->orig_start + (index + 1) * run->orig_unit;
  }
  return last_byte - run->norm_end() + run->orig_end() + 1;
}

Span OffsetMap::ToOriginal(Span normalized) const {
  size_t start = OriginalStart(normalized.start);
  if (normalized.empty()) return Span{start, start};
  return Span{start, OriginalEnd(normalized.end)};
}

// ---------------------------------------------------------------------------
// UTF-8 decoding with the Unicode "maximal subpart" replacement practice:
// an ill-formed sequence is replaced by one U+FFFD per maximal prefix of a
// well-formed sequence, so offsets stay exact and nothing is skipped silently.

namespace {

struct Decoded {
  char32_t cp;
  size_t length;  // bytes consumed (>= 1)
  bool valid;
};

bool IsContinuation(unsigned char b) { return (b & 0xC0) == 0x80; }

Decoded DecodeUtf8(const unsigned char* p, size_t avail) {
  unsigned char b0 = p[0];
  if (b0 < 0x80) return {b0, 1, true};
  size_t need;
  char32_t cp;
  unsigned char lo = 0x80, hi = 0xBF;  // bounds of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return {0xFFFD, 1, false};
  }
  for (size_t k = 1; k <= need; ++k) {
    if (k >= avail) return {0xFFFD, k, false};
    unsigned char b = p[k];
    bool ok = (k == 1) ? (b >= lo && b <= hi) : IsContinuation(b);
    if (!ok) return {0xFFFD, k, false};
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, need + 1, true};
}

// ---------------------------------------------------------------------------
// Character folding table: what becomes of each code point that is not kept
// as it is (the replacement is empty for removed characters).

enum class Fold { kKeep, kSpace, kRemove, kReplace };

struct FoldResult {
  Fold fold = Fold::kKeep;
  const char* replacement = nullptr;
};

FoldResult FoldCodePoint(char32_t cp) {
  switch (cp) {
    // Spaces: NBSP, narrow NBSP, the U+2000 family, medium math space,
    // ideographic space, ogham space mark.
    case 0x00A0: case 0x202F: case 0x205F: case 0x3000: case 0x1680:
    case 0x2000: case 0x2001: case 0x2002: case 0x2003: case 0x2004:
    case 0x2005: case 0x2006: case 0x2007: case 0x2008: case 0x2009:
    case 0x200A:
      return {Fold::kSpace, " "};
    // Apostrophes as typeset (’ ‘ ʼ ′ ´).
    case 0x2019: case 0x2018: case 0x02BC: case 0x2032: case 0x00B4:
      return {Fold::kReplace, "'"};
    // Hyphen, non-breaking hyphen, minus sign.
    case 0x2010: case 0x2011: case 0x2212:
      return {Fold::kReplace, "-"};
    // Compatibility ligatures (not œ/æ, which are letters of French).
    case 0xFB00: return {Fold::kReplace, "ff"};
    case 0xFB01: return {Fold::kReplace, "fi"};
    case 0xFB02: return {Fold::kReplace, "fl"};
    case 0xFB03: return {Fold::kReplace, "ffi"};
    case 0xFB04: return {Fold::kReplace, "ffl"};
    case 0xFB05: return {Fold::kReplace, "st"};
    case 0xFB06: return {Fold::kReplace, "st"};
    // Modifier (superscript) small letters as typesetters write French
    // ordinals and abbreviations: "1ᵉʳ", "XIXᵉ", "2ᵈ", "Mᵐᵉ", "Mˡˡᵉ",
    // "Mᵍʳ", "nᵒ", "Cⁱᵉ". Rules read "1er", "XIXe", "Mme".
    case 0x1D49: return {Fold::kReplace, "e"};
    case 0x02B3: return {Fold::kReplace, "r"};
    case 0x1D48: return {Fold::kReplace, "d"};
    case 0x1D50: return {Fold::kReplace, "m"};
    case 0x02E1: return {Fold::kReplace, "l"};
    case 0x1D4D: return {Fold::kReplace, "g"};
    case 0x1D52: return {Fold::kReplace, "o"};
    case 0x1D57: return {Fold::kReplace, "t"};
    case 0x02E2: return {Fold::kReplace, "s"};
    case 0x207F: return {Fold::kReplace, "n"};
    case 0x2071: return {Fold::kReplace, "i"};
    // Invisible characters: soft hyphen, zero-width space/joiners, word
    // joiner, BOM, Mongolian vowel separator, bidi marks (LRM, RLM and the
    // Arabic letter mark) and controls.
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060:
    case 0xFEFF: case 0x180E: case 0x200E: case 0x200F: case 0x061C: case 0x202A:
    case 0x202B: case 0x202C: case 0x202D: case 0x202E: case 0x2066:
    case 0x2067: case 0x2068: case 0x2069:
      return {Fold::kRemove, ""};
    // Line and paragraph separators.
    case 0x0085: case 0x2028:
      return {Fold::kReplace, "\n"};
    case 0x2029:
      return {Fold::kReplace, "\n\n"};
    default:
      break;
  }
  if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
    return {Fold::kSpace, " "};  // TAB, VT, FF, NUL and other controls
  }
  return {};
}

// ---------------------------------------------------------------------------
// NFC quick check. A code point is "NFC-safe" when it is NFC on its own and
// can never compose with, or reorder against, the character before it; a run
// of safe code points is therefore NFC and is copied as is. Anything else
// (combining marks, Hangul vowel/trailing jamo, composition exclusions,
// singletons) sends its cluster through utf8proc.

bool ComputeNfcSafe(char32_t cp) {
  if (cp < 0x300) return true;
  const utf8proc_property_t* prop = utf8proc_get_property(cp);
  switch (prop->category) {
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return false;
    default:
      break;
  }
  if (prop->combining_class != 0 || prop->comp_exclusion) return false;
  switch (prop->boundclass) {
    case UTF8PROC_BOUNDCLASS_EXTEND: case UTF8PROC_BOUNDCLASS_SPACINGMARK:
    case UTF8PROC_BOUNDCLASS_V: case UTF8PROC_BOUNDCLASS_T:
      return false;
    default:
      break;
  }
  bool has_canonical_decomposition =
      prop->decomp_seqindex != UINT16_MAX && prop->decomp_type == 0;
  if (!has_canonical_decomposition) return true;
  utf8proc_int32_t in = static_cast<utf8proc_int32_t>(cp);
  // Decompose then compose one code point: it is NFC iff it comes back.
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t len = utf8proc_encode_char(in, buf);
  utf8proc_uint8_t* nfc = nullptr;
  utf8proc_ssize_t nfc_len = utf8proc_map(
      buf, len, &nfc,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  bool same = nfc_len == len && std::memcmp(nfc, buf, len) == 0;
  std::free(nfc);
  return same;
}

class NfcSafeTable {
 public:
  NfcSafeTable() {
    for (char32_t cp = 0; cp < 0x10000; ++cp) {
      if (cp >= 0xD800 && cp <= 0xDFFF) continue;
      bmp_[cp] = ComputeNfcSafe(cp);
    }
  }
  bool IsSafe(char32_t cp) const {
    return cp < 0x10000 ? bmp_[cp] : ComputeNfcSafe(cp);
  }

 private:
  std::bitset<0x10000> bmp_;
};

const NfcSafeTable& NfcTable() {
  static const NfcSafeTable* table = new NfcSafeTable();  // never destroyed
  return *table;
}

// Longest run of non-safe code points composed in one utf8proc call. Unicode's
// Stream-Safe Text Format bounds real clusters to 30 non-starters; the bound
// keeps adversarial input (100 000 combining marks) linear.
constexpr size_t kMaxClusterCodePoints = 32;

// Starters (combining class 0) that are the second character of a canonical
// composition (Hangul vowels and trailing consonants, Indic and Myanmar vowel
// signs): the last code point of the decomposition of every composite that
// NFC recomposes. Sorted, for binary search.
std::vector<char32_t> ComputeComposingStarters() {
  std::vector<char32_t> seconds;
  utf8proc_int32_t decomposed[8];
  for (utf8proc_int32_t cp = 0x300; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    const utf8proc_property_t* prop = utf8proc_get_property(cp);
    if (prop->decomp_seqindex == UINT16_MAX || prop->decomp_type != 0 ||
        prop->comp_exclusion) {
      continue;
    }
    int last_boundclass = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(
        cp, decomposed, 8, UTF8PROC_DECOMPOSE, &last_boundclass);
    if (n < 2 || n > 8) continue;  // singletons never recompose
    char32_t second = static_cast<char32_t>(decomposed[n - 1]);
    if (utf8proc_get_property(second)->combining_class == 0) {
      seconds.push_back(second);
    }
  }
  for (char32_t v = 0x1161; v <= 0x1175; ++v) seconds.push_back(v);
  for (char32_t t = 0x11A8; t <= 0x11C2; ++t) seconds.push_back(t);
  std::sort(seconds.begin(), seconds.end());
  seconds.erase(std::unique(seconds.begin(), seconds.end()), seconds.end());
  return seconds;
}

// Whether a run of non-safe code points too long for one utf8proc call may be
// cut just before `cp`: a starter that composes with nothing before it, so
// that NFC of the two pieces, concatenated, is NFC of the whole. Cutting
// anywhere else would leave marks unordered (ccc 230 then ccc 220 across the
// cut). Rare (only runs over kMaxClusterCodePoints get here), so the table
// is built on first use.
bool IsChunkBoundary(char32_t cp) {
  if (utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->combining_class != 0) {
    return false;
  }
  static const std::vector<char32_t>* seconds =
      new std::vector<char32_t>(ComputeComposingStarters());  // never destroyed
  return !std::binary_search(seconds->begin(), seconds->end(), cp);
}

// True for bytes that are copied unchanged with no further look: printable
// ASCII and LF.
inline bool IsPlainAsciiByte(unsigned char b) {
  return (b >= 0x20 && b < 0x7F) || b == '\n';
}

}  // namespace

// ---------------------------------------------------------------------------
// Normalizer

class NormalizerState {
 public:
  explicit NormalizerState(std::string_view original)
      : in_(reinterpret_cast<const unsigned char*>(original.data())),
        n_(original.size()) {
    result_.text.reserve(original.size() + original.size() / 16 + 16);
    result_.map.original_size_ = original.size();
  }

  NormalizedText Run() {
    SkipLeadingBom();
    while (pos_ < n_) {
      CopyIdentityRun();
      if (pos_ >= n_) break;
      NormalizeOneCharacter();
    }
    result_.map.normalized_size_ = result_.text.size();
    return std::move(result_);
  }

 private:
  std::string& out() { return result_.text; }

  void Emit(std::string_view replacement, size_t orig_len) {
    result_.map.AddEdit(out().size(), replacement.size(), pos_, orig_len);
    out().append(replacement);
    pos_ += orig_len;
    prev_identity_ = false;
  }

  void SkipLeadingBom() {
    if (n_ >= 3 && in_[0] == 0xEF && in_[1] == 0xBB && in_[2] == 0xBF) {
      result_.stats.had_bom = true;
      ++result_.stats.removed;
      Emit("", 3);
    }
  }

  // The fast path: printable ASCII, LF and Latin-1 letters (U+00C0..U+00FF,
  // encoded C3 80..C3 BF), which make up nearly all French text, are copied
  // in one append with no per-byte bookkeeping.
  void CopyIdentityRun() {
    size_t start = pos_;
    size_t i = pos_;
    while (i < n_) {
      i = SkipPrintableAsciiWords(i);
      if (i >= n_) break;
      unsigned char b = in_[i];
      if (IsPlainAsciiByte(b)) {
        ++i;
      } else if (b == 0xC3 && i + 1 < n_ && IsContinuation(in_[i + 1])) {
        i += 2;
      } else {
        break;
      }
    }
    if (i == start) return;
    out().append(reinterpret_cast<const char*>(in_ + start), i - start);
    pos_ = i;
    prev_identity_ = true;
  }

  // Skips 8 bytes at a time while all of them are printable ASCII
  // (0x20..0x7E): the common case, at several GB/s. Stops before any word
  // holding something else, for the byte loop to look at.
  size_t SkipPrintableAsciiWords(size_t i) const {
    constexpr uint64_t kOnes = 0x0101010101010101ULL;
    constexpr uint64_t kHighs = 0x8080808080808080ULL;
    while (i + 8 <= n_) {
      uint64_t w;
      std::memcpy(&w, in_ + i, 8);
      bool non_ascii = (w & kHighs) != 0;
      bool below_space = ((w - kOnes * 0x20) & ~w & kHighs) != 0;
      uint64_t del = w ^ (kOnes * 0x7F);
      bool has_del = ((del - kOnes) & ~del & kHighs) != 0;
      if (non_ascii || below_space || has_del) break;
      i += 8;
    }
    return i;
  }

  void NormalizeOneCharacter() {
    unsigned char b = in_[pos_];
    if (b == '\r') {
      bool crlf = pos_ + 1 < n_ && in_[pos_ + 1] == '\n';
      Emit("\n", crlf ? 2 : 1);
      return;
    }
    Decoded d = DecodeUtf8(in_ + pos_, n_ - pos_);
    if (!d.valid) {
      if (result_.stats.invalid_utf8 == 0) {
        result_.stats.first_invalid_offset = pos_;
      }
      ++result_.stats.invalid_utf8;
      Emit("\xEF\xBF\xBD", d.length);
      return;
    }
    FoldResult fold = FoldCodePoint(d.cp);
    switch (fold.fold) {
      case Fold::kSpace:
        ++result_.stats.spaces_unified;
        EmitReplacement(fold.replacement, d.length);
        return;
      case Fold::kRemove:
        if (prev_identity_ && CombiningMarkFollows(pos_ + d.length)) {
          // "e", U+200B, U+0301: once the zero-width space is gone the mark
          // belongs to the "e", and NFC composes them.
          ComposeCluster();
          return;
        }
        ++result_.stats.removed;
        Emit("", d.length);
        return;
      case Fold::kReplace:
        EmitReplacement(fold.replacement, d.length);
        return;
      case Fold::kKeep:
        break;
    }
    if (NfcTable().IsSafe(d.cp)) {
      out().append(reinterpret_cast<const char*>(in_ + pos_), d.length);
      pos_ += d.length;
      prev_identity_ = true;
      return;
    }
    ComposeCluster();
  }

  // Writes the replacement of the character at pos_ (orig_len bytes). When a
  // combining mark follows, the replacement is the base it composes with
  // (the ligature "ﬂ" then U+0301 is "fĺ").
  void EmitReplacement(std::string_view replacement, size_t orig_len) {
    if (CombiningMarkFollows(pos_ + orig_len)) {
      ComposeCluster(replacement, orig_len);
    } else {
      Emit(replacement, orig_len);
    }
  }

  // Composes the cluster made of its base and the run of non-safe code
  // points after it. The base is `replacement`, standing for the
  // replaced_len bytes at pos_; or, with no replacement, the previous
  // character when it was copied unchanged (it may be the base of a
  // combining sequence), the run starting at pos_.
  void ComposeCluster(std::string_view replacement = {}, size_t replaced_len = 0) {
    size_t cluster_in = pos_;
    size_t cluster_out = out().size();
    if (replaced_len == 0 && prev_identity_ && cluster_out > 0) {
      size_t k = cluster_out - 1;
      while (k > 0 && IsContinuation(static_cast<unsigned char>(out()[k]))) {
        --k;
      }
      cluster_in -= cluster_out - k;
      cluster_out = k;
    }
    // The code points to compose: the base taken back, then the run, less
    // the invisible characters inside it (removed, as anywhere else).
    std::string cluster(out(), cluster_out);
    cluster.append(replacement);
    size_t end = pos_ + replaced_len;
    size_t code_points = 0;
    size_t removed = 0;
    // The last place where the run may be cut if it is too long.
    struct Cut {
      size_t end = 0, cluster_size = 0, removed = 0;
    } cut;
    while (end < n_ && code_points < kMaxClusterCodePoints) {
      Decoded d = DecodeUtf8(in_ + end, n_ - end);
      if (!d.valid || d.cp == '\r') break;
      Fold fold = FoldCodePoint(d.cp).fold;
      // Invisible characters do not count towards the bound: at most
      // kMaxClusterCodePoints of them stand between two marks of the run.
      if (fold == Fold::kRemove && CombiningMarkFollows(end + d.length)) {
        ++removed;
      } else if (fold == Fold::kKeep && !NfcTable().IsSafe(d.cp)) {
        if (code_points > 0 && IsChunkBoundary(d.cp)) {
          cut = {end, cluster.size(), removed};
        }
        cluster.append(reinterpret_cast<const char*>(in_ + end), d.length);
        ++code_points;
      } else {
        break;
      }
      end += d.length;
    }
    if (code_points == kMaxClusterCodePoints && cut.end != 0 &&
        CombiningMarkFollows(end)) {
      // The run goes on: end this piece before its last starter, which
      // begins the next piece, rather than between two marks.
      end = cut.end;
      cluster.resize(cut.cluster_size);
      removed = cut.removed;
    }
    result_.stats.removed += removed;
    utf8proc_uint8_t* nfc = nullptr;
    utf8proc_ssize_t nfc_len = utf8proc_map(
        reinterpret_cast<const utf8proc_uint8_t*>(cluster.data()),
        static_cast<utf8proc_ssize_t>(cluster.size()), &nfc,
        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(nfc,
                                                                  &std::free);
    out().resize(cluster_out);
    pos_ = cluster_in;
    ++result_.stats.nfc_runs;
    if (nfc_len < 0) {
      // Cannot happen on valid UTF-8; keep the code points rather than lose them.
      Emit(cluster, end - cluster_in);
      return;
    }
    Emit(std::string_view(reinterpret_cast<const char*>(nfc),
                          static_cast<size_t>(nfc_len)),
         end - cluster_in);
  }

  // Whether, after invisible characters (removed) starting at `pos`, the
  // next character is one that composes with what precedes (not NFC-safe).
  // Looks at most kMaxClusterCodePoints ahead, so that 100 000 zero-width
  // spaces stay linear.
  bool CombiningMarkFollows(size_t pos) const {
    for (size_t seen = 0; pos < n_ && seen < kMaxClusterCodePoints; ++seen) {
      Decoded d = DecodeUtf8(in_ + pos, n_ - pos);
      if (!d.valid || d.cp == '\r') return false;
      Fold fold = FoldCodePoint(d.cp).fold;
      if (fold == Fold::kKeep) return !NfcTable().IsSafe(d.cp);
      if (fold != Fold::kRemove) return false;
      pos += d.length;
    }
    return false;
  }

  const unsigned char* in_;
  size_t n_;
  size_t pos_ = 0;
  // Whether the last character written was copied unchanged (so it can be
  // taken back and composed with a following combining mark).
  bool prev_identity_ = false;
  NormalizedText result_;
};

NormalizedText Normalize(std::string_view original) {
  return NormalizerState(original).Run();
}

Utf8Char DecodeUtf8At(std::string_view text, size_t pos) {
  Decoded d = DecodeUtf8(reinterpret_cast<const unsigned char*>(text.data()) + pos,
                         text.size() - pos);
  return {d.cp, d.length, d.valid};
}

}  // namespace claimx
