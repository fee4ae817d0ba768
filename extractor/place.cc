#include "extractor/place.h"

#include <utf8proc.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "extractor/segmenter.h"
#include "extractor/word_gate.h"

namespace claimx {

namespace fs = std::filesystem;

namespace {

// FNV-1a, extended one token at a time as a key grows, then mixed
// (SplitMix64's finalizer) so that both the low bits (slot) and the high
// bits (tag, filter) are usable.
constexpr uint64_t kFnvBasis = 0xcbf29ce484222325ULL;

// The smallest population of a place named with its article contracted
// ("au Mans", "du Havre"): below it, the communes list would make places
// of every "au Pin" and "du Bourg"; above it, ambiguity.tsv lists the few
// that are common words or names (`no_contraction`: "au Port", "du
// Robert").
constexpr int64_t kMinContractedPopulation = 15000;

// The id prefix of a city's or region's demonym, before the id of the
// place it names: "demonym:insee:75056" is "parisien".
constexpr std::string_view kDemonymOf = "demonym:";

uint64_t FnvStep(uint64_t h, unsigned char c) {
  return (h ^ c) * 0x100000001b3ULL;
}

uint64_t Extend(uint64_t h, std::string_view bytes) {
  for (char c : bytes) h = FnvStep(h, static_cast<unsigned char>(c));
  return h;
}

uint64_t Mix(uint64_t h) {
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  return h ^ (h >> 31);
}

constexpr std::string_view kGazetteerHeader =
    "id\tname\tvariants\ttype\tcountry\tadmin1\tlat\tlon\tpopulation\tsource";
constexpr size_t kGazetteerColumns = 10;

// A foreign city smaller than this is a place only after a cue word: bare,
// such names are mostly people ("Barroso, le président", "ajoute Hassan").
// A `region_cue` ("en") does not count there: French puts "à" before a
// city, and "en" before a person is "voir en Obama le favori" (Obama is also
// a town of Japan).
constexpr int64_t kBareCityMinPopulation = 200000;

// What a cue word says besides "a place follows" (ambiguity.tsv policies).
enum CueKind : uint8_t {
  // "en" (region_cue): a country or a region, not a city.
  kRegionCue = 1,
  // "le", "la", "l'" (article_cue): not the cue a small foreign city needs,
  // nor one that keeps a capitalized word glued after a city from making it
  // part of a longer name ("le Lincoln Center", "la France insoumise").
  kArticleCue = 2,
  // "au", "du" (contraction_cue): an article with its preposition.
  kContractionCue = 4,
};

// The CueKind bits of a cue policy, or nullopt when `policy` is no cue.
std::optional<uint8_t> CueKindOf(std::string_view policy) {
  if (policy == "cue") return 0;
  if (policy == "region_cue") return kRegionCue;
  if (policy == "article_cue") return kArticleCue;
  if (policy == "contraction_cue") return kContractionCue;
  return std::nullopt;
}

// Latin-1 letters U+00C0..U+00FF, folded: lower case, no diacritic. 0 marks
// the two that are not letters (× ÷) and ß, left to utf8proc.
constexpr char kLatin1Fold[64] = {
    'a', 'a', 'a', 'a', 'a', 'a', 0,   'c', 'e', 'e', 'e', 'e', 'i',
    'i', 'i', 'i', 'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u',
    'u', 'u', 'u', 'y', 0,   0,   'a', 'a', 'a', 'a', 'a', 'a', 0,
    'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i', 'd', 'n', 'o', 'o',
    'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 0,   'y'};

// Appends the folded form of one token (see place.h) to `out`.
void FoldToken(std::string_view token, std::string* out) {
  size_t i = 0;
  while (i < token.size()) {
    unsigned char c = static_cast<unsigned char>(token[i]);
    if (c < 0x80) {
      out->push_back(c == '-' ? ' '
                              : static_cast<char>(c >= 'A' && c <= 'Z'
                                                      ? c + ('a' - 'A')
                                                      : c));
      ++i;
      continue;
    }
    if (c == 0xC3 && i + 1 < token.size()) {
      unsigned char d = static_cast<unsigned char>(token[i + 1]);
      if (d >= 0x80 && d <= 0xBF && kLatin1Fold[d - 0x80] != 0) {
        out->push_back(kLatin1Fold[d - 0x80]);
        i += 2;
        continue;
      }
    }
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t len = utf8proc_iterate(
        reinterpret_cast<const utf8proc_uint8_t*>(token.data() + i),
        static_cast<utf8proc_ssize_t>(token.size() - i), &cp);
    if (len <= 0) {  // not valid UTF-8: keep the byte as it is
      out->push_back(token[i]);
      ++i;
      continue;
    }
    utf8proc_int32_t folded[8];
    int boundclass = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(
        cp, folded, 8,
        static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD |
                                       UTF8PROC_STRIPMARK),
        &boundclass);
    if (n < 0 || n > 8) {
      out->append(token.substr(i, static_cast<size_t>(len)));
    } else {
      for (utf8proc_ssize_t k = 0; k < n; ++k) {
        utf8proc_uint8_t buf[4];
        utf8proc_ssize_t w = utf8proc_encode_char(folded[k], buf);
        out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(w));
      }
    }
    i += static_cast<size_t>(len);
  }
}

// ASCII or Latin-1 letters in words joined by inner hyphens, words separated
// by single spaces: "Saint-Étienne", "Pays de la Loire", not "Côte d'Ivoire".
bool IsPlainName(std::string_view name) {
  bool after_letter = false;
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      after_letter = true;
    } else if (c == 0xC3 && i + 1 < name.size()) {
      unsigned char d = static_cast<unsigned char>(name[++i]);
      if (d < 0x80 || d > 0xBF || kLatin1Fold[d - 0x80] == 0) return false;
      after_letter = true;
    } else if ((c == ' ' || c == '-') && after_letter && i + 1 < name.size()) {
      after_letter = false;
    } else {
      return false;
    }
  }
  return after_letter;
}

// Extend(kFnvBasis, folded form of `word`) without writing the folded form,
// for words of ASCII and Latin-1 letters (nearly every French word); nullopt
// for the others, which take FoldToken.
std::optional<uint64_t> FoldedHash(std::string_view word) {
  uint64_t h = kFnvBasis;
  for (size_t i = 0; i < word.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c >= 0x80) {
      if (c != 0xC3 || i + 1 == word.size()) return std::nullopt;
      unsigned char d = static_cast<unsigned char>(word[++i]);
      if (d < 0x80 || d > 0xBF || kLatin1Fold[d - 0x80] == 0) return std::nullopt;
      c = static_cast<unsigned char>(kLatin1Fold[d - 0x80]);
    } else if (c >= 'A' && c <= 'Z') {
      c = static_cast<unsigned char>(c + ('a' - 'A'));
    } else if (c == '-') {
      c = ' ';
    }
    h = FnvStep(h, c);
  }
  return h;
}

// ---------------------------------------------------------------------------
// The word scan of Recognize(): word tokens exactly as Tokenize() cuts them,
// with the hash of their folded form computed on the way, for words of ASCII
// and Latin-1 letters. A word holding any other letter is "complex": the
// scan stops there and the tokenizer takes over.

// For each byte: the lower-case ASCII letter it folds to; 0 for a byte that
// is no ASCII letter.
constexpr std::array<unsigned char, 256> kAsciiFold = [] {
  std::array<unsigned char, 256> fold{};
  for (int c = 'a'; c <= 'z'; ++c) {
    fold[static_cast<size_t>(c)] = static_cast<unsigned char>(c);
    fold[static_cast<size_t>(c - 'a' + 'A')] = static_cast<unsigned char>(c);
  }
  return fold;
}();

// An ASCII byte that is no letter (space, digit, punctuation): no word
// token starts there, and the scan steps over it.
inline bool IsAsciiNonLetter(char c) {
  const auto b = static_cast<unsigned char>(c);
  return b < 0x80 && kAsciiFold[b] == 0;
}

// The folded form of the ASCII or Latin-1 letter at view[i] in *folded, and
// its length (1 or 2); 0 for anything else.
inline size_t PlainLetterAt(std::string_view view, size_t i, unsigned char* folded) {
  const auto c = static_cast<unsigned char>(view[i]);
  if (c < 0x80) {
    if (kAsciiFold[c] == 0) return 0;
    *folded = kAsciiFold[c];
    return 1;
  }
  if (c != 0xC3 || i + 1 >= view.size()) return 0;
  const auto d = static_cast<unsigned char>(view[i + 1]);
  if (d < 0x80 || d > 0xBF || kLatin1Fold[d - 0x80] == 0) return 0;
  *folded = static_cast<unsigned char>(kLatin1Fold[d - 0x80]);
  return 2;
}

struct PlainWord {
  size_t start = 0;
  size_t end = 0;   // == start: no word starts here; skip `skip` bytes
  size_t skip = 1;
  uint64_t hash = kFnvBasis;  // FoldedHash() of the word (from `seed`)
  bool upper = false;         // starts with a capital
  bool complex = false;       // holds a letter that is not ASCII or Latin-1
  bool gated = false;         // turned away by a WordStartGate: no key, `hash` unset
};

// The word token starting at view[pos], if one does (see PlainWord). Follows
// ScanWord() in segmenter.cc: letters (and marks), inner hyphens and
// apostrophes followed by a letter, an elision ending at its apostrophe.
// place_test checks that Recognize() and RecognizeEveryToken() agree.
inline PlainWord ScanPlainWord(std::string_view view, size_t pos,
                               uint64_t seed = kFnvBasis) {
  PlainWord w;
  w.hash = seed;
  w.start = pos;
  w.end = pos;
  unsigned char folded = 0;
  if (PlainLetterAt(view, pos, &folded) == 0) {
    if (static_cast<unsigned char>(view[pos]) >= 0x80) {
      const CharAt c = ClassifyAt(view, pos);
      if (c.cls == CharClass::kLetter) {
        w.complex = true;
        w.end = pos + c.len;
        return w;
      }
      w.skip = c.len;
    }
    return w;
  }
  const auto first = static_cast<unsigned char>(view[pos]);
  if (first < 0x80) {
    w.upper = first >= 'A' && first <= 'Z';
  } else {  // C3 80..9E is U+00C0..U+00DE, the Latin-1 capitals (9E: Þ)
    const auto second = static_cast<unsigned char>(view[pos + 1]);
    w.upper = second <= 0x9E && second != 0x97;  // 97: ×, not a letter anyway
  }
  // Locals, not w's fields, in the loops: they stay in registers.
  const char* const data = view.data();
  const size_t size = view.size();
  uint64_t hash = seed;
  size_t i = pos;
  bool joined = false;
  while (i < size) {
    // The bulk: ASCII letters, one table load each.
    if (const unsigned char ascii = kAsciiFold[static_cast<unsigned char>(data[i])]) {
      hash = FnvStep(hash, ascii);
      ++i;
      continue;
    }
    if (const size_t len = PlainLetterAt(view, i, &folded)) {  // Latin-1
      hash = FnvStep(hash, folded);
      i += len;
      continue;
    }
    const char c = data[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      const CharClass cls = ClassifyAt(view, i).cls;
      if (cls == CharClass::kLetter || cls == CharClass::kMark) {
        w.complex = true;
        w.end = i + 1;
        return w;
      }
      break;
    }
    if (c == '\'' && !joined && IsElision(view.substr(pos, i - pos))) {
      w.hash = FnvStep(hash, '\'');
      w.end = i + 1;
      return w;
    }
    if ((c != '\'' && c != '-') || i + 1 >= size) break;
    if (PlainLetterAt(view, i + 1, &folded) != 0) {
      joined = true;
      hash = FnvStep(hash, c == '-' ? ' ' : '\'');
      ++i;
      continue;
    }
    if (static_cast<unsigned char>(data[i + 1]) >= 0x80 &&
        ClassifyAt(view, i + 1).cls == CharClass::kLetter) {
      w.complex = true;
      w.end = i + 1;
      return w;
    }
    break;
  }
  w.hash = hash;
  w.end = i;
  return w;
}

// The word tokens of a text in order, as ScanPlainWord() finds them, 64
// bytes at a time: a bit mask of the bytes that are ASCII letters or not
// ASCII (which may be letters) finds where the next word starts and where a
// run of them ends without a branch per byte. A run of ASCII and Latin-1
// letters ended by an ASCII byte other than an apostrophe or a hyphen is a
// word token as it stands (a run that reaches the end of the 64 bytes is
// looked at again from a block that starts with it); any other run (NBSP,
// other scripts, "l'", "Saint-", a run of 64 bytes or more, the last 63
// bytes of the text) goes to ScanPlainWord().
//
// `view` ends where the scan must end (a sentence, say); the masks may be
// loaded from the bytes after it, up to `readable` bytes from view.data(),
// and are cut at the view's end. A lower-case word of ASCII letters that
// `lower_gate` turns away comes back `gated`, unhashed.
class WordScanner {
 public:
  WordScanner(std::string_view view, size_t readable, const WordStartGate& lower_gate)
      : view_(view), readable_(std::max(readable, view.size())), lower_gate_(lower_gate) {}

  // The next word token starting at or after `pos`; start == end ==
  // view.size() when there is none.
  PlainWord Next(size_t pos) {
    const size_t size = view_.size();
    while (pos < size) {
      if (readable_ - pos < kBlock) {  // the tail, a byte at a time
        if (IsAsciiNonLetter(view_[pos])) {
          ++pos;
          continue;
        }
        const PlainWord w = ScanPlainWord(view_, pos);
        if (w.end != w.start) return w;
        pos += w.skip;
        continue;
      }
      if (!loaded_ || pos < base_ || pos - base_ >= kBlock) Load(pos);
      const size_t offset = pos - base_;
      const uint64_t wordish = wordish_ >> offset;
      if (wordish == 0) {
        pos = base_ + kBlock;
        continue;
      }
      const size_t skip = static_cast<size_t>(__builtin_ctzll(wordish));
      pos += skip;
      // The run of ASCII letters and non-ASCII bytes from pos (the shift
      // brings in zeros: a run that reaches the block's end stops there,
      // and one that fills the whole block, from its first byte, is 64).
      const uint64_t run = wordish >> skip;
      const size_t length =
          run == ~uint64_t{0} ? kBlock : static_cast<size_t>(__builtin_ctzll(~run));
      if (pos - base_ + length >= kBlock && pos != base_) {
        // A word across the block's end: a block from its start, loaded at
        // the top of the loop, which first checks 64 bytes are readable
        // there (else the tail path takes the word).
        loaded_ = false;
        continue;
      }
      PlainWord w;
      if (pos - base_ + length >= kBlock ||
          (pos + length < size &&
           (view_[pos + length] == '\'' || view_[pos + length] == '-'))) {
        w = ScanPlainWord(view_, pos);  // "l'", "Saint-", a long run
        if (w.end != w.start) return w;
        pos += w.skip;
        continue;
      }
      const auto* p = reinterpret_cast<const unsigned char*>(view_.data()) + pos;
      const bool ascii = ((non_ascii_ >> (pos - base_)) & ((uint64_t{1} << length) - 1)) == 0;
      if (ascii && (p[0] & 0x20) != 0 &&
          !lower_gate_.MayStart(std::string_view(view_.data() + pos, length))) {
        w.start = pos;
        w.end = pos + length;
        w.gated = true;
        return w;
      }
      if (!HashLetters(pos, length, &w)) {
        w = ScanPlainWord(view_, pos);  // NBSP, «, other scripts, "l'"...
        if (w.end != w.start) return w;
        pos += w.skip;
        continue;
      }
      return w;
    }
    PlainWord none;
    none.start = none.end = size;
    return none;
  }

 private:
  static constexpr size_t kBlock = 64;

  // The word view_[pos, pos + length) if it is made of ASCII letters and
  // Latin-1 letters only (as ScanPlainWord() would hash them); false for
  // anything else in it.
  bool HashLetters(size_t pos, size_t length, PlainWord* w) const {
    const auto* p = reinterpret_cast<const unsigned char*>(view_.data()) + pos;
    uint64_t hash = kFnvBasis;
    // A Latin-1 letter's second byte is not ASCII, so it is in the run too
    // (or past the view, where PlainLetterAt says no letter).
    for (size_t i = pos; i < pos + length;) {
      unsigned char folded = 0;
      const size_t letter = PlainLetterAt(view_, i, &folded);
      if (letter == 0) return false;
      hash = FnvStep(hash, folded);
      i += letter;
    }
    w->start = pos;
    w->end = pos + length;
    // C3 80..9E is U+00C0..U+00DE, the Latin-1 capitals (97, ×, is no letter)
    w->upper = p[0] < 0x80 ? (p[0] & 0x20) == 0 : p[1] <= 0x9E;
    w->hash = hash;
    return true;
  }

  // The masks of the 64 bytes from `pos`, which the caller has checked are
  // readable, with the bits past the view's end cleared.
  void Load(size_t pos) {
    loaded_ = true;
    base_ = pos;
    const char* p = view_.data() + pos;
#if defined(__SSE2__)
    uint64_t letters = 0;
    uint64_t high = 0;
    for (size_t k = 0; k < kBlock; k += 16) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + k));
      // (byte | 0x20) in 'a'..'z', as a signed compare after a shift of the
      // range to start at -128 (SSE2 has no unsigned byte compare).
      const __m128i shifted = _mm_add_epi8(_mm_or_si128(bytes, _mm_set1_epi8(0x20)),
                                           _mm_set1_epi8(static_cast<char>(0x80 - 'a')));
      const __m128i letter = _mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(-128 + 26)));
      letters |= static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(letter))) << k;
      high |= static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(bytes))) << k;
    }
#else
    uint64_t letters = 0;
    uint64_t high = 0;
    for (size_t k = 0; k < kBlock; ++k) {
      const auto b = static_cast<unsigned char>(p[k]);
      if (kAsciiFold[b] != 0) letters |= uint64_t{1} << k;
      if (b >= 0x80) high |= uint64_t{1} << k;
    }
#endif
    const size_t in_view = view_.size() - pos;
    const uint64_t keep = in_view >= kBlock ? ~uint64_t{0} : (uint64_t{1} << in_view) - 1;
    wordish_ = (letters | high) & keep;
    non_ascii_ = high & keep;
  }

  std::string_view view_;
  size_t readable_;
  const WordStartGate& lower_gate_;
  size_t base_ = 0;
  uint64_t wordish_ = 0;    // bit k: byte base_ + k is an ASCII letter or not ASCII
  uint64_t non_ascii_ = 0;  // bit k: byte base_ + k is not ASCII
  bool loaded_ = false;
};

utf8proc_int32_t FirstCodePoint(std::string_view s) {
  if (!s.empty() && static_cast<unsigned char>(s[0]) < 0x80) return s[0];
  utf8proc_int32_t cp = -1;
  utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                   static_cast<utf8proc_ssize_t>(s.size()), &cp);
  return cp;
}

bool IsUpper(utf8proc_int32_t cp) {
  if (cp < 0) return false;
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp < 0x100) return cp >= 0xC0 && cp <= 0xDE && cp != 0xD7;  // Latin-1
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

// Two letters or more, all of them capitals ("ONG", "DOM-TOM").
bool IsAllCaps(std::string_view s) {
  size_t letters = 0;
  size_t i = 0;
  while (i < s.size()) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t len = utf8proc_iterate(
        reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
        static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (len <= 0) return false;
    i += static_cast<size_t>(len);
    utf8proc_category_t cat = utf8proc_category(cp);
    if (cat == UTF8PROC_CATEGORY_LL) return false;
    if (cat == UTF8PROC_CATEGORY_LU) ++letters;
  }
  return letters >= 2;
}

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    return std::hash<std::string_view>{}(s);
  }
};

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> cells;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    cells.push_back(line.substr(start, tab == std::string_view::npos
                                           ? std::string_view::npos
                                           : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return cells;
}

std::optional<double> ParseDouble(std::string_view s) {
  double v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

std::string FoldPlaceKey(std::string_view text) {
  std::string key;
  for (const Token& t : Tokenize(text, Span{0, text.size()})) {
    if (!key.empty()) key.push_back(' ');
    FoldToken(t.span.Of(text), &key);
  }
  return key;
}

// Bit k set when token k of a gazetteer name does not start with a capital
// (a lower-case word, a particle, punctuation), up to kMaxNameTokens.
// A plain name (IsPlainName) has one token per space-separated word, and
// is read without tokenizing it, as IndexName does.
uint8_t LowercaseTokens(std::string_view name) {
  static_assert(kMaxNameTokens <= 8, "one bit per token of a name");
  uint8_t bits = 0;
  size_t k = 0;
  const auto add = [&](std::string_view token) {
    if (k < kMaxNameTokens && !IsUpper(FirstCodePoint(token))) {
      bits |= static_cast<uint8_t>(1u << k);
    }
    ++k;
  };
  if (IsPlainName(name)) {
    for (size_t start = 0; start <= name.size();) {
      const size_t space = std::min(name.find(' ', start), name.size());
      add(name.substr(start, space - start));
      start = space + 1;
    }
  } else {
    for (const Token& t : Tokenize(name, Span{0, name.size()})) add(t.span.Of(name));
  }
  return bits;
}

struct PlaceRecognizer::Index {
  struct Entry {
    std::string id;
    std::string name;
    std::string type;  // as in the gazetteer: capital, city, demonym...
    std::string country;
    std::string admin1;
    std::optional<double> lat;
    std::optional<double> lon;
    int64_t population = 0;
    double rank = 0;
    bool hand_kept = false;  // source "hand" (regions_presse.tsv)
    // A demonym of a city or region ("parisien", "francilien"): the name
    // of the place its id names ("demonym:insee:75056"), set at Finish.
    // Empty for a country's demonym, which names the country.
    std::string referent;
  };

  // What one folded key stands for.
  struct KeyInfo {
    int32_t place = -1;    // best place entry with this key
    int32_t demonym = -1;  // best demonym entry with this key
    // Best entry that is no city (a country, a region, a subdivision), for
    // a key whose best place is a city: "au Québec" is the province, "à
    // Québec" the city (French puts an article before a region, none
    // before a city).
    int32_t area = -1;
    // The best entry with this key that is a part of a country (admin,
    // region, area), for a name after an area noun: "la province de
    // Luxembourg" is the Belgian province, not the country.
    int32_t subdivision = -1;
    bool lowercase_name = false;  // some name with this key starts lower-case
    // Bit k: token k of some name with this key does not start with a
    // capital (bit 0 is lowercase_name's token); "Des Moines" has none
    // past the first, "Kurdistan irakien" has bit 1.
    uint8_t lowercase_tokens = 0;
    bool caps_name = false;       // some name with this key is in capitals
    bool not_place = false;
    bool needs_cue = false;
    bool common_word = false;
    bool prefix = false;  // a longer key starts with this one and a space
    // A name that loses its article to a contraction: "au Mans", "du
    // Havre", "aux Mureaux" are Le Mans, Le Havre, Les Mureaux. The entry,
    // read only after "au"/"du" (kAfterAuDu) or "aux"/"des" (kAfterAuxDes).
    static constexpr uint8_t kAfterAuDu = 1;
    static constexpr uint8_t kAfterAuxDes = 2;
    int32_t contracted = -1;
    uint8_t contraction = 0;

    bool full() const { return place >= 0 || demonym >= 0 || not_place || contracted >= 0; }
  };

  std::vector<Entry> entries;
  // Built at load time; Freeze() then copies it into the flat table below,
  // which is what Find() probes.
  std::unordered_map<std::string, KeyInfo, StringHash, std::equal_to<>> keys;
  // Cue words and what else they say (CueKind bits, 0 for a plain cue):
  // one lookup per candidate tells all.
  std::unordered_map<std::string, uint8_t, StringHash, std::equal_to<>> cues;
  // Lower-case words that, right after a name, continue a longer foreign
  // proper name ("University of the Ryukyus", "Bank of America").
  std::unordered_set<std::string, StringHash, std::equal_to<>> name_continues;
  // Nouns of an area ("État", "province"): "de" and a name after them pick
  // the area of that name, not its city (ambiguity.tsv `area_noun`).
  std::unordered_set<std::string, StringHash, std::equal_to<>> area_nouns;
  // Nouns of streets ("rue", "place"): "de" and a name after them name a
  // street, not the place (ambiguity.tsv `street_noun`).
  std::unordered_set<std::string, StringHash, std::equal_to<>> street_nouns;
  std::unordered_set<std::string, StringHash, std::equal_to<>> name_before;
  std::unordered_set<std::string, StringHash, std::equal_to<>> language_before;
  std::unordered_set<std::string, StringHash, std::equal_to<>> language_article;
  std::unordered_map<std::string, std::string> country_names;  // code -> name

  // Open addressing, linear probing, at most half full. A slot holds the
  // upper 32 bits of the key's hash and 1 + its index in `keys` (0: empty),
  // so a probe that misses, the common case, compares no string.
  // std::unordered_map's node chasing cost three times as much on the bench
  // corpus.
  struct FlatTable {
    std::vector<uint64_t> slots;
    std::vector<std::string> keys;
    std::vector<KeyInfo> infos;
    uint64_t mask = 0;

    void Add(const std::string& key, const KeyInfo& info) {
      keys.push_back(key);
      infos.push_back(info);
    }

    void Build(size_t filter_bits_per_key) {
      size_t capacity = 16;
      while (capacity < keys.size() * 2) capacity <<= 1;
      slots.assign(capacity, 0);
      mask = capacity - 1;
      bloom_log2 = 10;
      while (bloom_log2 < kMaxBloomLog2 && (size_t{1} << bloom_log2) < keys.size() * filter_bits_per_key) {
        ++bloom_log2;
      }
      bloom.assign((size_t{1} << bloom_log2) / 64, 0);
      for (size_t i = 0; i < keys.size(); ++i) {
        if (const size_t space = keys[i].find(' '); space != std::string::npos) {
          second_word_gate.Add(std::string_view(keys[i]).substr(space + 1));
        }
        const uint64_t h = Mix(Extend(kFnvBasis, keys[i]));
        size_t slot = h & mask;
        while (slots[slot] != 0) slot = (slot + 1) & mask;
        slots[slot] = (h & kTagMask) | (i + 1);
        const uint64_t bit = FilterBit(Extend(kFnvBasis, keys[i]));
        bloom[bit / 64] |= uint64_t{1} << (bit % 64);
      }
    }

    // The filter's bit for a key: one multiply (Fibonacci hashing) of the
    // FNV hash, not the full Mix, which is on the path of every word of a
    // text and whose multiply chain was a fifth of the recognizer's time.
    uint64_t FilterBit(uint64_t fnv) const {
      return (fnv * 0x9E3779B97F4A7C15ULL) >> (64 - bloom_log2);
    }

    // False when no key hashes to `fnv`, Extend(kFnvBasis, key).
    bool MayContain(uint64_t fnv) const {
      const uint64_t bit = FilterBit(fnv);
      return (bloom[bit / 64] & (uint64_t{1} << (bit % 64))) != 0;
    }

    // Calls visit(index) for each key in the probe chain of `fnv` whose tag
    // (the upper 32 bits of Mix(fnv)) matches, until visit returns true;
    // returns whether it did. No match proves that no key hashes to `fnv`.
    template <typename Visit>
    bool VisitTagMatches(uint64_t fnv, Visit visit) const {
      if (!MayContain(fnv)) return false;
      const uint64_t h = Mix(fnv);
      const uint64_t tag = h & kTagMask;
      for (size_t slot = h & mask;; slot = (slot + 1) & mask) {
        const uint64_t entry = slots[slot];
        if (entry == 0) return false;
        if ((entry & kTagMask) == tag && visit((entry & ~kTagMask) - 1)) return true;
      }
    }

    // What the keys whose tag matches may be, without comparing strings:
    // `full` is set if any match is a full key (two keys can share a tag in
    // one probe chain, so every match is looked at).
    struct TagMatch {
      bool any = false;
      bool full = false;
    };
    TagMatch ProbeTag(uint64_t fnv) const {
      TagMatch match;
      VisitTagMatches(fnv, [&](size_t index) {
        match.any = true;
        match.full = match.full || infos[index].full();
        return false;
      });
      return match;
    }

    // `fnv` is Extend(kFnvBasis, key), which callers build token by token.
    const KeyInfo* Find(std::string_view key, uint64_t fnv) const {
      const KeyInfo* found = nullptr;
      VisitTagMatches(fnv, [&](size_t index) {
        if (keys[index] != key) return false;
        found = &infos[index];
        return true;
      });
      return found;
    }
    const KeyInfo* Find(std::string_view key) const {
      return Find(key, Extend(kFnvBasis, key));
    }

    // A bit filter in front of the slots, 32 KiB at most: most words are in
    // no key, and the filter answers for them from cache.
    static constexpr int kMaxBloomLog2 = 18;
    static constexpr uint64_t kTagMask = 0xFFFFFFFF00000000ULL;
    int bloom_log2 = 10;
    std::vector<uint64_t> bloom;
    // The first three bytes of the second word of the keys of several
    // words: MayExtend() turns most next words away with it, unhashed
    // ("la" and "le" start keys, "la France" and "le gouvernement" none).
    WordStartGate second_word_gate;
  };

  // Every key, probed when a run starts with a capital; and the few keys a
  // lower-case word can start (demonyms, names the gazetteer writes in lower
  // case, and their prefixes), a table small enough to stay in cache for
  // the lower-case words that make up most of a text.
  FlatTable all;
  FlatTable lower;
  // In front of `lower`'s filter: most lower-case words are turned away
  // by their first three letters, unhashed (callgrind, 3 MB of the bench
  // corpus: 181 M -> 172 M instructions for Recognize()).
  WordStartGate lower_gate;

  void Freeze() {
    std::unordered_set<std::string> lower_keys;
    for (const auto& [key, info] : keys) {
      if (info.demonym < 0 && !info.lowercase_name) continue;
      lower_keys.insert(key);
      for (size_t sp = key.find(' '); sp != std::string::npos;
           sp = key.find(' ', sp + 1)) {
        lower_keys.insert(key.substr(0, sp));
      }
    }
    all.keys.reserve(keys.size());
    all.infos.reserve(keys.size());
    while (!keys.empty()) {
      auto node = keys.extract(keys.begin());
      if (lower_keys.count(node.key()) != 0) lower.Add(node.key(), node.mapped());
      all.keys.push_back(std::move(node.key()));
      all.infos.push_back(node.mapped());
    }
    // 8 filter bits per key for the table of every key (capped at 32 KiB);
    // 64 for the lower-case table (1 369 keys: 16 KiB), which then turns
    // away all but ~1% of the lower-case words that are no key:
    // with 8 bits, one in ten ("et", "un", "au", "ces") got through to a
    // probe, which cost 12% of the recognizer's time on the bench corpus.
    all.Build(8);
    lower.Build(64);
    for (const std::string& key : lower.keys) lower_gate.Add(key);
  }

  const KeyInfo* Find(std::string_view key) const { return all.Find(key); }

  KeyInfo& AddKey(const std::string& key) {
    for (size_t sp = key.find(' '); sp != std::string::npos;
         sp = key.find(' ', sp + 1)) {
      keys[key.substr(0, sp)].prefix = true;
    }
    return keys[key];
  }
};

namespace {

using Index = PlaceRecognizer::Index;

double Rank(const Index::Entry& e, bool hand_kept) {
  if (hand_kept) return 4e12;
  if (e.type == "country") return 3e12;
  if (e.type == "capital") return 2e12 + static_cast<double>(e.population);
  if (e.type == "region" && e.country == "FR") return 1e12;
  double population = static_cast<double>(e.population);
  if (e.type == "admin" && population == 0) population = 5e5;
  return e.country == "FR" ? population * 10 : population;
}

class IndexLoader {
 public:
  explicit IndexLoader(Index* index) : index_(index) {}

  Status LoadDir(const std::string& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      return NotFound("gazetteer directory not found: " + dir);
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.path().extension() == ".tsv") files.push_back(entry.path());
    }
    if (files.empty()) return NotFound("no *.tsv gazetteer in " + dir);
    // About 40 000 names and their prefixes: no rehash while loading.
    index_->keys.reserve(size_t{1} << 16);
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) CLAIMX_RETURN_IF_ERROR(LoadFile(file));
    CLAIMX_RETURN_IF_ERROR(ResolveDemonymReferents());
    Finish();
    return Status::Ok();
  }

 private:
  Status LoadFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return IoError("cannot read " + path.string());
    std::string data((std::istreambuf_iterator<char>(in)),
                     std::istreambuf_iterator<char>());
    file_ = path.string();
    std::string_view rest(data);
    bool gazetteer = false;
    for (line_ = 1; !rest.empty(); ++line_) {
      size_t nl = rest.find('\n');
      std::string_view line = rest.substr(0, nl);
      rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
      if (line_ == 1) {
        if (line == kGazetteerHeader) {
          gazetteer = true;
        } else if (line.substr(0, line.find('\t')) != "phrase" &&
                   line.substr(0, line.find('\t')) != "word") {
          return Error("unknown header (expected the gazetteer columns or "
                       "'phrase/word, policy, note')");
        }
        continue;
      }
      if (line.empty() || line[0] == '#') continue;
      CLAIMX_RETURN_IF_ERROR(gazetteer ? AddEntry(line) : AddPolicy(line));
    }
    return Status::Ok();
  }

  Status Error(const std::string& message) const {
    return InvalidArgument(file_ + ":" + std::to_string(line_) + ": " + message);
  }

  Status AddEntry(std::string_view line) {
    std::vector<std::string_view> cells = SplitTabs(line);
    if (cells.size() != kGazetteerColumns) {
      return Error("expected " + std::to_string(kGazetteerColumns) +
                   " tab-separated columns, got " + std::to_string(cells.size()));
    }
    Index::Entry e;
    e.id = cells[0];
    e.name = cells[1];
    e.type = cells[3];
    e.country = cells[4];
    e.admin1 = cells[5];
    if (e.id.empty() || e.name.empty()) return Error("empty id or name");
    if (!ids_.insert(e.id).second) return Error("duplicate id '" + e.id + "'");
    if (e.type.empty() ||
        !std::all_of(e.type.begin(), e.type.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; })) {
      return Error("type '" + e.type + "' is not lower-case letters");
    }
    if (!e.country.empty() &&
        (e.country.size() != 2 ||
         !std::all_of(e.country.begin(), e.country.end(),
                      [](char c) { return c >= 'A' && c <= 'Z'; }))) {
      return Error("country '" + e.country + "' is not ISO 3166-1 alpha-2");
    }
    if (!cells[6].empty() || !cells[7].empty()) {
      e.lat = ParseDouble(cells[6]);
      e.lon = ParseDouble(cells[7]);
      if (!e.lat || !e.lon || *e.lat < -90 || *e.lat > 90 || *e.lon < -180 ||
          *e.lon > 180) {
        return Error("bad coordinates '" + std::string(cells[6]) + "', '" +
                     std::string(cells[7]) + "'");
      }
    }
    if (!cells[8].empty()) {
      auto [ptr, ec] = std::from_chars(cells[8].data(),
                                       cells[8].data() + cells[8].size(),
                                       e.population);
      if (ec != std::errc() || ptr != cells[8].data() + cells[8].size()) {
        return Error("bad population '" + std::string(cells[8]) + "'");
      }
    }
    e.hand_kept = cells[9] == "hand";
    e.rank = Rank(e, e.hand_kept);
    const int32_t index = static_cast<int32_t>(index_->entries.size());
    const bool demonym = e.type == "demonym";
    if (e.type == "country") index_->country_names[e.country] = e.name;

    std::vector<std::string_view> names = {cells[1]};
    std::string_view variants = cells[2];
    while (!variants.empty()) {
      size_t bar = variants.find('|');
      names.push_back(variants.substr(0, bar));
      variants = bar == std::string_view::npos ? std::string_view()
                                               : variants.substr(bar + 1);
    }
    index_->entries.push_back(std::move(e));
    for (std::string_view name : names) {
      if (name.empty()) continue;
      CLAIMX_RETURN_IF_ERROR(IndexName(name, index, demonym));
    }
    return Status::Ok();
  }

  // "Le Mans", "Les Mureaux": the name without its article, read after
  // the contraction that swallows it. Only for places large enough to be
  // named so in the news (kMinContractedPopulation, or capitals), not for
  // every "Le Port" and "Le Robert" of the communes list.
  Status IndexContracted(std::string_view name, int32_t entry) {
    const Index::Entry& e = index_->entries[static_cast<size_t>(entry)];
    if (e.population < kMinContractedPopulation && e.type != "capital") return Status::Ok();
    uint8_t contraction = 0;
    std::string_view rest;
    if (name.starts_with("Le ")) {
      contraction = Index::KeyInfo::kAfterAuDu;
      rest = name.substr(3);
    } else if (name.starts_with("Les ")) {
      contraction = Index::KeyInfo::kAfterAuxDes;
      rest = name.substr(4);
    } else {
      return Status::Ok();
    }
    if (rest.empty() || !IsUpper(FirstCodePoint(rest))) return Status::Ok();
    std::string key;
    CLAIMX_RETURN_IF_ERROR(NameKey(rest, &key));
    Index::KeyInfo& info = index_->AddKey(key);
    const auto& entries = index_->entries;
    if (info.contracted < 0 || entries[static_cast<size_t>(info.contracted)].rank < e.rank) {
      info.contracted = entry;
      info.contraction = contraction;
    }
    return Status::Ok();
  }

  // The folded key of a name, checked for length.
  Status NameKey(std::string_view name, std::string* key) {
    size_t tokens = 0;
    if (IsPlainName(name)) {
      // Words of letters and hyphens between single spaces, most names: one
      // token per word, so folding the whole name gives the same key as
      // FoldPlaceKey without tokenizing it.
      FoldToken(name, key);
      tokens = static_cast<size_t>(std::count(name.begin(), name.end(), ' ')) + 1;
    } else {
      *key = FoldPlaceKey(name);
      tokens = Tokenize(name, Span{0, name.size()}).size();
    }
    if (key->empty()) return Error("name '" + std::string(name) + "' has no word");
    if (tokens > kMaxNameTokens) {
      return Error("name '" + std::string(name) + "' is longer than " +
                   std::to_string(kMaxNameTokens) + " tokens");
    }
    return Status::Ok();
  }

  Status IndexName(std::string_view name, int32_t entry, bool demonym) {
    std::string key;
    CLAIMX_RETURN_IF_ERROR(NameKey(name, &key));
    if (!demonym) CLAIMX_RETURN_IF_ERROR(IndexContracted(name, entry));
    Index::KeyInfo& info = index_->AddKey(key);
    int32_t& slot = demonym ? info.demonym : info.place;
    const auto& entries = index_->entries;
    if (slot < 0 || entries[static_cast<size_t>(slot)].rank <
                        entries[static_cast<size_t>(entry)].rank) {
      slot = entry;
    }
    const std::string& type = entries[static_cast<size_t>(entry)].type;
    const auto outranks = [&](int32_t current) {
      return current < 0 ||
             entries[static_cast<size_t>(current)].rank < entries[static_cast<size_t>(entry)].rank;
    };
    if (!demonym && type != "city" && type != "capital" && outranks(info.area)) {
      info.area = entry;
    }
    if (!demonym && (type == "admin" || type == "region" || type == "area") &&
        outranks(info.subdivision)) {
      info.subdivision = entry;
    }
    if (!demonym) {
      if (!IsUpper(FirstCodePoint(name))) info.lowercase_name = true;
      info.lowercase_tokens |= LowercaseTokens(name);
      if (IsAllCaps(name.substr(0, name.find(' ')))) info.caps_name = true;
    }
    return Status::Ok();
  }

  Status AddPolicy(std::string_view line) {
    std::vector<std::string_view> cells = SplitTabs(line);
    if (cells.size() < 2 || cells[0].empty()) {
      return Error("expected 'phrase<TAB>policy[<TAB>note]'");
    }
    std::string phrase(cells[0]);
    std::string_view policy = cells[1];
    if (const auto kind = CueKindOf(policy)) {
      index_->cues[FoldPlaceKey(phrase)] |= *kind;
    } else if (policy == "name_continues") {
      index_->name_continues.insert(FoldPlaceKey(phrase));
    } else if (policy == "area_noun") {
      index_->area_nouns.insert(FoldPlaceKey(phrase));
    } else if (policy == "street_noun") {
      index_->street_nouns.insert(FoldPlaceKey(phrase));
    } else if (policy == "needs_cue") {
      needs_cue_.insert(FoldPlaceKey(phrase));
    } else if (policy == "common_word") {
      common_words_.insert(FoldPlaceKey(phrase));
    } else if (policy == "no_contraction") {
      no_contraction_.insert(FoldPlaceKey(phrase));
    } else if (policy == "place") {
      always_place_.insert(FoldPlaceKey(phrase));
    } else if (policy == "not_place") {
      index_->AddKey(FoldPlaceKey(phrase)).not_place = true;
    } else if (policy == "language_before") {
      index_->language_before.insert(FoldPlaceKey(phrase));
    } else if (policy == "language_article") {
      index_->language_article.insert(FoldPlaceKey(phrase));
    } else if (policy == "name_before") {
      if (phrase.size() > 1 && phrase.back() == '.') phrase.pop_back();
      index_->name_before.insert(phrase);
    } else {
      return Error("unknown policy '" + std::string(policy) + "'");
    }
    return Status::Ok();
  }

  void Finish() {
    for (const std::string& word : needs_cue_) {
      if (always_place_.count(word) != 0) continue;
      auto it = index_->keys.find(word);
      if (it != index_->keys.end()) it->second.needs_cue = true;
    }
    for (const std::string& word : no_contraction_) {
      auto it = index_->keys.find(word);
      if (it != index_->keys.end()) it->second.contracted = -1;
    }
    for (const std::string& word : common_words_) {
      if (always_place_.count(word) != 0) continue;
      auto it = index_->keys.find(word);
      if (it != index_->keys.end()) it->second.common_word = true;
    }
    // Countries take the centroid of their demonym's row when they have no
    // coordinates of their own.
    std::unordered_map<std::string, const Index::Entry*> centroid;
    for (const Index::Entry& e : index_->entries) {
      // (Not a city's demonym: "new-yorkais" has New York's coordinates.)
      if (e.type == "demonym" && e.lat && e.referent.empty()) centroid[e.country] = &e;
    }
    for (Index::Entry& e : index_->entries) {
      if (e.type != "country" || e.lat) continue;
      auto it = centroid.find(e.country);
      if (it == centroid.end()) continue;
      e.lat = it->second->lat;
      e.lon = it->second->lon;
    }
    index_->Freeze();
  }

  // "demonym:insee:75056" is the demonym of the entry insee:75056 (Paris):
  // its mentions name that place. An id that names no entry is an error.
  Status ResolveDemonymReferents() {
    std::unordered_map<std::string_view, size_t> wanted;  // referent id -> demonym entry
    auto& entries = index_->entries;
    for (size_t k = 0; k < entries.size(); ++k) {
      const std::string& id = entries[k].id;
      if (id.starts_with(kDemonymOf)) wanted[std::string_view(id).substr(kDemonymOf.size())] = k;
    }
    if (wanted.empty()) return Status::Ok();
    for (const Index::Entry& e : entries) {
      auto it = wanted.find(e.id);
      if (it == wanted.end()) continue;
      Index::Entry& demonym = entries[it->second];
      demonym.referent = e.name;
      if (demonym.admin1.empty()) demonym.admin1 = e.admin1;
      if (!demonym.lat) {
        demonym.lat = e.lat;
        demonym.lon = e.lon;
      }
    }
    for (const auto& [referent, k] : wanted) {
      if (entries[k].referent.empty()) {
        return InvalidArgument("gazetteer: " + entries[k].id + " names no entry '" +
                               std::string(referent) + "'");
      }
    }
    return Status::Ok();
  }

  Index* index_;
  std::string file_;
  int line_ = 0;
  std::unordered_set<std::string> ids_;
  std::unordered_set<std::string> needs_cue_;
  std::unordered_set<std::string> common_words_;
  std::unordered_set<std::string> no_contraction_;
  std::unordered_set<std::string> always_place_;
};

}  // namespace

Result<PlaceRecognizer> PlaceRecognizer::Load(const std::string& dir) {
  auto index = std::make_shared<Index>();
  IndexLoader loader(index.get());
  CLAIMX_RETURN_IF_ERROR(loader.LoadDir(dir));
  return PlaceRecognizer(std::move(index));
}

Result<PlaceRecognizer> PlaceRecognizer::Create(const RuleBook& rules) {
  return Load((fs::path(rules.dir()) / "gazetteers").string());
}

size_t PlaceRecognizer::entry_count() const { return index_->entries.size(); }
size_t PlaceRecognizer::key_count() const { return index_->all.keys.size(); }

namespace {

// Tokens i-1 and i are one space apart or touching (an elision: "d'Ivoire").
bool Adjacent(std::string_view text, const Token& a, const Token& b) {
  return b.span.start == a.span.end ||
         (b.span.start == a.span.end + 1 && text[a.span.end] == ' ');
}

// Punctuation after which a capital proves nothing: the word opens a
// sentence, a quotation or a parenthesis.
bool OpensPhrase(std::string_view punct) {
  return punct != "," && punct != ";" && punct != "'";
}

// The tokens of a range, numbered from 0 as Tokenize() would return them,
// read through a TokenCursor as the matcher asks for them: it reads ahead
// only as far as a name goes and, with Forget(), keeps only the few tokens
// behind the current one that the context checks look at.
class TokenWindow {
 public:
  TokenWindow(std::string_view text, Span range) : cursor_(text, range) {}

  // Starts again at `range`, keeping the memory.
  void Reset(std::string_view text, Span range) {
    cursor_ = TokenCursor(text, range);
    tokens_.clear();
    // One small allocation for most windows, not one per doubling.
    tokens_.reserve(2 * kMaxNameTokens);
    base_ = 0;
  }

  // Whether token k exists (reads ahead to it).
  bool Has(size_t k) {
    while (k >= base_ + tokens_.size()) {
      Token t;
      if (!cursor_.Next(&t)) return false;
      tokens_.push_back(t);
    }
    return true;
  }

  // Token k, which Has(k) said exists and which is not before Forget()'s
  // bound.
  const Token& operator[](size_t k) const { return tokens_[k - base_]; }

  // Drops the tokens before k (kept: k and after).
  void Forget(size_t k) {
    if (k <= base_ + kSlack) return;
    const size_t drop = std::min(k - base_, tokens_.size());
    tokens_.erase(tokens_.begin(), tokens_.begin() + static_cast<std::ptrdiff_t>(drop));
    base_ += drop;
  }

 private:
  static constexpr size_t kSlack = 32;  // erase in batches
  TokenCursor cursor_;
  std::vector<Token> tokens_;
  size_t base_ = 0;  // index of tokens_[0]
};

// Whether the key of word `w`, a prefix of some key ("la", "saint"), may go
// on with the next token: false only when that token is not adjacent (one
// space or touching), is no word or number, or makes a key no key starts
// with. A number or a word the scan cannot hash may go on.
bool MayExtend(const Index::FlatTable& table, std::string_view view,
               const PlainWord& w) {
  size_t next = w.end;
  if (next < view.size() && view[next] == ' ') ++next;
  if (next >= view.size()) return false;
  if (view[next] >= '0' && view[next] <= '9') return true;
  // Three ASCII letters: the word's first three letters, whatever its
  // length, so the gate's answer is the one its key would get.
  const auto* p = reinterpret_cast<const unsigned char*>(view.data()) + next;
  if (next + 3 <= view.size() && kAsciiFold[p[0]] != 0 && kAsciiFold[p[1]] != 0 &&
      kAsciiFold[p[2]] != 0 &&
      !table.second_word_gate.MayStart(std::string_view(view.data() + next, 3))) {
    return false;
  }
  const PlainWord second = ScanPlainWord(view, next, FnvStep(w.hash, ' '));
  if (second.end == second.start) return false;
  return second.complex || table.ProbeTag(second.hash).any;
}

// The longest full key starting at word token i, extended token by token
// while the key so far is a prefix of some key (at most kMaxNameTokens).
// `key` is scratch space.
struct KeyMatch {
  const Index::KeyInfo* info = nullptr;
  size_t tokens = 0;
};

KeyMatch LongestKey(const Index::FlatTable& table, std::string_view text,
                    TokenWindow& tokens, size_t i, std::string* key) {
  key->clear();
  uint64_t fnv = kFnvBasis;
  KeyMatch best;
  for (size_t n = 1; n <= kMaxNameTokens && tokens.Has(i + n - 1); ++n) {
    const Token t = tokens[i + n - 1];
    if (n > 1) {
      if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) break;
      if (!Adjacent(text, tokens[i + n - 2], t)) break;
      key->push_back(' ');
    }
    const size_t before = key->size() - (n > 1 ? 1 : 0);
    FoldToken(t.span.Of(text), key);
    fnv = Extend(fnv, std::string_view(*key).substr(before));
    const Index::KeyInfo* info = table.Find(*key, fnv);
    if (info == nullptr) break;
    if (info->full()) best = {info, n};
    if (!info->prefix) break;
  }
  return best;
}

// The checks of place.h at one word token: the longest key from there, then
// whether the context lets it be a place or a demonym. Appends the mention
// found, if any, to `out`; returns how many tokens were used (at least 1).
// `tokens[i]` is a word token; the window holds at least the two tokens
// before it (fewer only at the start of the range). `known`, if given, is
// the longest key from token i, which the caller has already looked up.
size_t MatchAt(const Index& index, std::string_view text, TokenWindow& tokens,
               size_t i, std::vector<Mention>* out, std::vector<Span>* names_of_people,
               const KeyMatch* known = nullptr) {
  std::string key;
  std::string scratch;
  auto fold = [&](const Token& t) -> const std::string& {
    scratch.clear();
    FoldToken(t.span.Of(text), &scratch);
    return scratch;
  };
  // The token before, folded once: the cue, language and subject checks
  // all read it.
  std::string prev;
  if (i > 0) FoldToken(tokens[i - 1].span.Of(text), &prev);
  auto is_upper_word = [&](size_t i) {
    return tokens[i].kind == TokenKind::kWord &&
           IsUpper(FirstCodePoint(tokens[i].span.Of(text)));
  };
  // Token i starts a sentence, a quotation or a parenthesis.
  auto opens = [&](size_t i) {
    return i == 0 || (tokens[i - 1].kind == TokenKind::kPunct &&
                      OpensPhrase(tokens[i - 1].span.Of(text)));
  };
  auto after_name = [&](size_t i) {
    if (i == 0) return false;
    size_t p = i - 1;
    if (tokens[p].kind == TokenKind::kPunct && tokens[p].span.Of(text) == "." &&
        p > 0) {
      --p;
    }
    return tokens[p].kind == TokenKind::kWord &&
           index.name_before.count(tokens[p].span.Of(text)) != 0;
  };

  // "la langue française", "du français", "en anglais": the language, not
  // the country. The masculine singular form is the demonym entry's name.
  auto IsLanguage = [&](size_t i, size_t n) {
    if (i == 0 || n != 1) return false;
    if (index.language_before.count(prev) != 0) return true;
    if (index.language_article.count(prev) == 0) return false;
    const Index::KeyInfo* info = index.Find(fold(tokens[i]));
    return info != nullptr && info->demonym >= 0 &&
           FoldPlaceKey(index.entries[static_cast<size_t>(info->demonym)].name) ==
               fold(tokens[i]) &&
           !IsUpper(FirstCodePoint(tokens[i].span.Of(text)));
  };

  const auto longest_key = [&] {
    if (known != nullptr) return *known;
    const std::string_view word = tokens[i].span.Of(text);
    const Index::FlatTable& table =
        IsUpper(FirstCodePoint(word)) ? index.all : index.lower;
    // Fast path for the bulk of a text: the filter turns most words away
    // from a hash of their folded form, without writing that form.
    if (std::optional<uint64_t> h = FoldedHash(word); h && !table.MayContain(*h)) {
      return KeyMatch{};
    }
    return LongestKey(table, text, tokens, i, &key);
  };
  auto [best, best_n] = longest_key();
  if (best == nullptr) return 1;
  // "au Mans": the name whose article the contraction swallowed; "Mans"
  // after anything else is no such name.
  Index::KeyInfo contracted;
  if (best->contracted >= 0) {
    const bool au_du = (best->contraction & Index::KeyInfo::kAfterAuDu) != 0 &&
                       (prev == "au" || prev == "du");
    const bool aux_des = (best->contraction & Index::KeyInfo::kAfterAuxDes) != 0 &&
                         (prev == "aux" || prev == "des");
    if (au_du || aux_des) {
      contracted = *best;
      contracted.place = best->contracted;
      contracted.area = -1;
      contracted.subdivision = -1;
      contracted.needs_cue = false;
      contracted.common_word = false;
      best = &contracted;
    } else if (best->place < 0 && best->demonym < 0 && !best->not_place) {
      return 1;
    }
  }
  const size_t last = i + best_n - 1;
  const Span span{tokens[i].span.start, tokens[last].span.end};
  const std::string_view first = tokens[i].span.Of(text);
  const bool upper = IsUpper(FirstCodePoint(first));
  const auto cue_found = i > 0 && tokens[i - 1].kind == TokenKind::kWord
                             ? index.cues.find(prev)
                             : index.cues.end();
  const bool cue = cue_found != index.cues.end();
  const uint8_t cue_kind = cue ? cue_found->second : 0;
  const bool all_caps = IsAllCaps(first);
  const bool initial = opens(i);
  const bool next_word = tokens.Has(last + 1) &&
                         tokens[last + 1].kind == TokenKind::kWord &&
                         Adjacent(text, tokens[last], tokens[last + 1]);

  // The mention is built in place in `out`: a Mention is large, and moving
  // one (and its PlaceValue twice) cost a tenth of the recognizer's
  // instructions on the bench corpus, whose sentences name many places.
  auto emit = [&](std::string_view rule) -> PlaceValue& {
    Mention& m = out->emplace_back();
    m.kind = MentionKind::kPlace;
    m.span = span;
    m.rule = std::string(rule);
    return m.value.emplace<PlaceValue>();
  };
  bool emitted = false;
  if (!best->not_place && best->place >= 0) {
    bool ok = upper || best->lowercase_name;
    // "des moines" (monks) is not "Des Moines": a later word the name
    // always capitalizes must be capitalized here too.
    for (size_t k = 1; k < best_n && ok; ++k) {
      ok = ((best->lowercase_tokens >> k) & 1) != 0 ||
           IsUpper(FirstCodePoint(tokens[i + k].span.Of(text)));
    }
    if (all_caps && !best->caps_name) ok = false;
    if (best->needs_cue && !cue) ok = false;
    if (best->common_word && initial && !cue) ok = false;
    if (after_name(i)) {
      ok = false;
      if (names_of_people != nullptr) names_of_people->push_back(span);
    }
    // "au Québec", "du Québec", "le Québec", "en Irak": a cue that is more
    // than a preposition (an article, one contracted with its preposition,
    // "en") says region, not city. A plain cue ("à", "de") says neither.
    const bool plain_cue = cue && cue_kind == 0;
    const bool region_cue = cue_kind != 0;
    // The noun before "de": "l'État de New York", "la province de
    // Victoria" name the kind of area; "place de Londres", "rue de Paris"
    // a street named after the place.
    const std::string noun_before =
        (prev == "de" || prev == "d'") && i >= 2 ? fold(tokens[i - 2]) : std::string();
    const bool area_noun_before = index.area_nouns.count(noun_before) != 0;
    if (index.street_nouns.count(noun_before) != 0) ok = false;
    const std::string& best_type = index.entries[static_cast<size_t>(best->place)].type;
    const bool best_is_city = best_type == "city" || best_type == "capital";
    int32_t chosen = best->area >= 0 && region_cue && best_is_city ? best->area : best->place;
    if (area_noun_before) {
      if (best->subdivision >= 0) {
        chosen = best->subdivision;
      } else if (best->area >= 0 && best_is_city) {
        chosen = best->area;
      }
    }
    const Index::Entry& e = index.entries[static_cast<size_t>(chosen)];
    // A foreign city this small is read after a plain cue only: not bare,
    // nor after an article, alone or with its preposition, as French names
    // a city without one unless the name holds it ("Le Caire");
    // "l'Alliance" is the Atlantic one, "du Sterling & Francine Clark Art
    // Institute" a museum.
    const bool small_foreign_city = e.type == "city" && e.country != "FR" &&
                                    e.population < kBareCityMinPopulation && !e.hand_kept;
    if (!plain_cue && small_foreign_city) ok = false;
    // (A name that is a city first, even where the article picked its
    // region: "les New York Knicks"; so does an article with its
    // preposition: "des Chicago Bulls", "du Paris Saint-Germain"; and a
    // plain cue before a small foreign city: "34 points d'Allen Houston",
    // "face à Elizabeth Warren".)
    if (!cue || (best_is_city && (cue_kind & (kArticleCue | kContractionCue)) != 0) ||
        (plain_cue && small_foreign_city)) {
      // Glued to another capitalized word: part of a longer proper name.
      // A preposition before the name says place ("à Paris Saint-Germain"
      // is rare); an article before a city says only that a name follows
      // ("le Lincoln Center"). Before a country it does say place: "le
      // président de la France François Hollande".
      const Index::KeyInfo* next_info =
          next_word ? index.Find(fold(tokens[last + 1])) : nullptr;
      // (A place glued after a place is two of them, but not after a small
      // foreign city read from a plain cue: "d'Allen Houston".)
      if (next_word && is_upper_word(last + 1) &&
          (next_info == nullptr || !next_info->full() || plain_cue)) {
        ok = false;
      }
      if (!cue && !initial && i > 0 && is_upper_word(i - 1) && !opens(i - 1) &&
          Adjacent(text, tokens[i - 1], tokens[i])) {
        ok = false;
      }
    }
    if (next_word && index.name_continues.count(fold(tokens[last + 1])) != 0) ok = false;
    if (ok) {
      // "Washington ne reconnaît", "Washington et les autres capitales":
      // a capital as the subject, not a location, stands for its
      // government.
      const bool subject =
          initial || (i > 0 && (prev == "et" ||
                                tokens[i - 1].span.Of(text) == ","));
      const bool government = e.type == "capital" && !cue && subject &&
                              next_word && !is_upper_word(last + 1);
      PlaceValue& v = emit("fr.place.gazetteer");
      v.name = e.name;
      if (!e.country.empty()) v.country = e.country;
      v.type = e.type == "capital" ? "city" : e.type;
      v.gazetteer_id = e.id;
      v.lat = e.lat;
      v.lon = e.lon;
      if (!e.admin1.empty()) v.admin1 = e.admin1;
      if (government) v.metonymy = "government";
      emitted = true;
    }
  }
  // The demonym of a city or a region is a place only as its people, a
  // capitalized noun ("les Parisiens", "les Franciliens"): the adjective
  // ("l'élite parisienne", "la police londonienne") describes, as
  // docs/eval/places.md has it. After a capitalized word that is no
  // article or cue it is a family name ("Thierry Breton").
  const auto city_demonym_ok = [&] {
    const Index::Entry& e = index.entries[static_cast<size_t>(best->demonym)];
    if (e.referent.empty()) return true;
    // (Not after a sentence's first word: "Deux Parisiens", "Ces Lyonnais".)
    const bool surname = i > 0 && tokens[i - 1].kind == TokenKind::kWord &&
                         IsUpper(FirstCodePoint(tokens[i - 1].span.Of(text))) &&
                         index.cues.count(prev) == 0 && !opens(i - 1);
    return upper && !surname;
  };
  if (!emitted && !best->not_place && best->demonym >= 0 &&
      !all_caps && city_demonym_ok() && !IsLanguage(i, best_n)) {
    const Index::Entry& e = index.entries[static_cast<size_t>(best->demonym)];
    auto country = index.country_names.find(e.country);
    PlaceValue& v = emit("fr.place.demonym");
    v.name = !e.referent.empty()                    ? e.referent
             : country != index.country_names.end() ? country->second
                                                    : e.name;
    v.country = e.country;
    v.type = "demonym";
    v.gazetteer_id = e.id;
    v.lat = e.lat;
    v.lon = e.lon;
    if (!e.admin1.empty()) v.admin1 = e.admin1;
  }
  return best_n;
}

}  // namespace

void PlaceRecognizer::RecognizeEveryToken(std::string_view text, Span range,
                                          std::vector<Mention>* out,
                                          std::vector<Span>* names_of_people) const {
  TokenWindow tokens(text, range);
  for (size_t i = 0; tokens.Has(i);) {
    // The context checks look two tokens back at most (after_name).
    if (i >= 2) tokens.Forget(i - 2);
    if (tokens[i].kind != TokenKind::kWord) {
      ++i;
      continue;
    }
    i += MatchAt(*index_, text, tokens, i, out, names_of_people);
  }
}

void PlaceRecognizer::Recognize(std::string_view text, Span range,
                                std::vector<Mention>* out,
                                std::vector<Span>* names_of_people) const {
  const Index& index = *index_;
  const size_t end = std::min(range.end, text.size());
  const size_t begin = std::min(range.start, end);
  const std::string_view view = text.substr(0, end);
  // Starts of the last two word tokens before `pos`: token boundaries from
  // which a TokenWindow can be started with the two tokens of context a
  // candidate needs.
  size_t recent[2] = {0, 0};
  size_t recent_count = 0;
  auto remember = [&](size_t word_start) {
    recent[0] = recent[1];
    recent[1] = word_start;
    ++recent_count;
  };
  TokenWindow context(text, Span{begin, begin});
  std::string key;
  size_t pos = begin;
  WordScanner scanner(view, text.size(), index.lower_gate);
  while (pos < end) {
    const PlainWord w = scanner.Next(pos);
    if (w.end == w.start) break;  // no word left
    if (w.gated) {
      remember(w.start);
      pos = w.end;
      continue;
    }
    if (!w.complex) {
      const Index::FlatTable& table = w.upper ? index.all : index.lower;
      const Index::FlatTable::TagMatch match = table.ProbeTag(w.hash);
      if (!match.any || (!match.full && !MayExtend(table, view, w))) {
        remember(w.start);
        pos = w.end;
        continue;
      }
    }
    // A candidate: tokenize from two words back (or from the start of the
    // range, which the context checks must know), look for the longest key
    // from the word on, then run the checks. Nine candidates in ten are
    // names on the bench corpus, so the context is tokenized once, not
    // after a separate look-ahead for the key.
    const size_t from = recent_count >= 2 ? recent[0] : begin;
    TokenWindow& tokens = context;  // reused: its memory stays allocated
    tokens.Reset(text, Span{from, end});
    size_t i = 0;
    while (tokens.Has(i) && tokens[i].span.start < w.start) {
      // Between two words there may be any number of other tokens
      // ("« « « ..."): keep only the last few, as MatchAt needs.
      if (i >= 2) tokens.Forget(i - 2);
      ++i;
    }
    if (!tokens.Has(i) || tokens[i].span.start != w.start ||
        tokens[i].kind != TokenKind::kWord) {
      // Cannot happen if the scan cuts words as Tokenize() does (tests
      // check it); should it ever, the plain way finishes the range.
      std::vector<Mention> rest;
      RecognizeEveryToken(text, Span{from, end}, &rest, names_of_people);
      for (Mention& m : rest) {
        if (m.span.start >= w.start) out->push_back(std::move(m));
      }
      return;
    }
    const bool upper =
        w.complex ? IsUpper(FirstCodePoint(tokens[i].span.Of(text))) : w.upper;
    const KeyMatch found =
        LongestKey(upper ? index.all : index.lower, text, tokens, i, &key);
    if (found.info == nullptr) {
      remember(w.start);
      pos = tokens[i].span.end;
      continue;
    }
    const size_t used = MatchAt(index, text, tokens, i, out, names_of_people, &found);
    for (size_t k = i; k < i + used; ++k) {
      if (tokens[k].kind == TokenKind::kWord) remember(tokens[k].span.start);
    }
    pos = tokens[i + used - 1].span.end;
  }
}

}  // namespace claimx
