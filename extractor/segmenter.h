// Segmenter: paragraphs, sentences and tokens of normalized text.
//
// Input is the text produced by Normalize() (valid UTF-8, LF line ends, spaces
// unified); all offsets are byte offsets into that normalized text.
//
//   * Paragraphs are separated by one or more blank lines (a line holding only
//     spaces or tabs counts as blank). Leading and trailing blank lines belong
//     to no paragraph. A paragraph span runs from the first non-blank byte of
//     its first line to the last non-blank byte of its last line: it excludes
//     the trailing newline and surrounding spaces. A text with no blank line
//     between its lines has one paragraph per line: dumps and scrapers
//     write paragraphs so, and a quote or a statement must not run on
//     from one into the next.
//   * Sentences come from ICU's sentence break iterator for French, and a
//     sentence never crosses a paragraph. ICU breaks after every line feed
//     (UAX #29 rule SB4), so a paragraph of several lines (a title line, then
//     text) has at least one sentence per line. Breaks are suppressed after
//     abbreviations and initials, matched as whole words, case-sensitively:
//     initials are built in ("J." in "John J. Thomas", "U.S.", "J.-C.", "É."),
//     abbreviations come from Create() ("M.", "Mme", "MM.", "Dr", "p.", ...,
//     the list shipped in rules/fr/abbreviations.txt). So "à M. Dupont" does
//     not break but "l'ONU. Le" and "beaucoup. Le" do. The break is kept when
//     the next word only ever starts sentences ("Il", "Elle", "Mais", "C'"):
//     "38 degrés C. Il fera beau" is two sentences. Numbers such as "1.787"
//     never break, nor does "sept." after a day before a number ("le 20
//     sept. 2014"; "sept." is no abbreviation elsewhere: "Ils étaient
//     sept."). Sentence spans exclude surrounding whitespace.
//   * Tokens: see Tokenize().
//
// Thread safety: a Segmenter owns ICU break iterators, which are stateful, so
// one Segmenter must not be used by two threads at once. Clone() gives each
// worker thread its own cheaply.
#ifndef CLAIMX_EXTRACTOR_SEGMENTER_H_
#define CLAIMX_EXTRACTOR_SEGMENTER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/span.h"
#include "extractor/status.h"

namespace claimx {

struct Sentence {
  Span span;
  size_t paragraph = 0;  // index into Segmentation::paragraphs
};

struct Segmentation {
  std::vector<Span> paragraphs;
  std::vector<Sentence> sentences;  // in text order
};

enum class TokenKind { kWord, kNumber, kPunct, kSymbol };

struct Token {
  Span span;
  TokenKind kind;
};

class Segmenter {
 public:
  // Builds a French segmenter. `abbreviations` are words after which a
  // sentence must not break, typically the entries of
  // rules/fr/abbreviations.txt; the final '.' may be omitted ("Mme" stands
  // for "Mme."). Fails with kInvalidArgument naming the entry if one is empty,
  // contains whitespace or does not start with a letter (it could never
  // match), and with kNotFound if ICU cannot build the iterator (missing ICU
  // data).
  static Result<std::unique_ptr<Segmenter>> Create(
      const std::vector<std::string>& abbreviations = {});

  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  // An independent segmenter with the same configuration, for another thread
  // (nullptr only if memory is exhausted).
  std::unique_ptr<Segmenter> Clone() const;

  // Paragraphs and sentences of `text`, in text order. Linear in text size;
  // never fails on any valid UTF-8 input (empty input gives empty lists). The
  // Segmenter keeps no reference to `text` once Segment() returns.
  Segmentation Segment(std::string_view text) const;

 private:
  struct Impl;
  explicit Segmenter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Splits `text[span]` into tokens, in order, never overlapping, with offsets
// into `text`; spaces and newlines are skipped. A span reaching past the end
// of `text` is clipped to it.
//   * kWord: a run of letters (ASCII, or any Unicode letter, with combining
//     marks), joined by inner hyphens and apostrophes ("Moyen-Orient",
//     "quatre-vingt-dix", "aujourd'hui"), except that the elisions l' d' j'
//     n' s' c' m' t' qu' lorsqu' puisqu' jusqu' are tokens of their own,
//     apostrophe included: "l'ONG" is "l'" "ONG". Digits are not letters:
//     "G7" is "G" "7".
//   * kNumber: ASCII digits. Spaces group thousands only after a leading group
//     of 1 to 3 digits and before exactly three digits: "94 000" and
//     "1 000 000" are one token, "2016 2017" and "12 34567" are two. Then ','
//     or '.' followed by digits continue it: "2,5", "1.787.000".
//   * kPunct: one punctuation character each (ASCII, « » “ ” ‹ › — – ...).
//   * kSymbol: one character each: '%', '‰', currency and math signs, '°',
//     non-ASCII digits such as '²', and bytes that are not valid UTF-8 (a
//     character cut by the span's end).
// The apostrophe is ASCII '\'' only: Normalize() folds typographic ones into
// it. An ASCII fast path handles the common case; non-ASCII characters are
// classified with utf8proc. Linear in the span's size.
std::vector<Token> Tokenize(std::string_view text, Span span);

// The character classes Tokenize() cuts by: ASCII by table ('%' is a
// symbol), the rest by Unicode general category (L* letters, M* marks,
// P* punctuation, Z* spaces, everything else one symbol).
enum class CharClass : uint8_t {
  kSpace,
  kLetter,
  kMark,  // combining mark: continues a word, stands alone otherwise
  kDigit,
  kPunct,
  kSymbol,
};

struct CharAt {
  CharClass cls;
  size_t len;  // bytes of the character, >= 1
};

// The class and length of the character at text[i] (i < text.size()). Bytes
// that do not decode are one-byte symbols, so no input can stall a scan.
CharAt ClassifyAt(std::string_view text, size_t i);

// Whether `word` (the letters before an apostrophe) is one of the elisions
// that Tokenize() ends a word token at: l d j n s c m t qu lorsqu puisqu
// jusqu, in any ASCII case.
bool IsElision(std::string_view word);

// The tokens of Tokenize(text, span), one at a time, without building the
// vector: for a caller that looks at most tokens only briefly (the place
// recognizer). Copyable, so a caller can read ahead on a copy.
class TokenCursor {
 public:
  TokenCursor(std::string_view text, Span span);

  // Writes the next token and returns true, or returns false at the end.
  bool Next(Token* token);

 private:
  size_t end_;
  size_t pos_;
  std::string_view view_;
};

}  // namespace claimx

#endif  // CLAIMX_EXTRACTOR_SEGMENTER_H_
