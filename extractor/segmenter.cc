// Segmenter: see segmenter.h for the contract.
//
// Sentence breaks come from ICU's French sentence iterator, run once over the
// whole text through a UTF-8 UText (no UTF-16 copy of the document). Breaks
// after abbreviations and initials are suppressed here rather than by ICU's
// FilteredBreakIterator, because that filter matches suffixes, not words: with
// "p." listed it keeps "beaucoup. Ensuite" together, its French data lists
// "sept.", "mer." and "Var.", and it never suppresses the break after a
// dotted abbreviation such as "U.S." (it only handles a break between "U."
// and "S."). Our check looks at the whole word before the period, so "M."
// matches in "à M. Dupont" and not in "l'ONU. Le".

#include "extractor/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <functional>
#include <iterator>
#include <string>
#include <utility>

namespace claimx {
namespace {

// ---------------------------------------------------------------------------
// Character classes
// ---------------------------------------------------------------------------

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' ||
         c == '\f';
}

// Spaces a blank line may hold (every ASCII space except the line feed).
bool IsBlankByte(char c) { return c != '\n' && IsAsciiSpace(c); }

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

bool IsContinuationByte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }

// ASCII classes follow the Unicode general category (P* punctuation, S*
// symbol), except '%', which Unicode files under punctuation but which the
// quantity recognizer treats as a unit, like '€' and '‰'.
constexpr std::array<CharClass, 128> MakeAsciiClasses() {
  std::array<CharClass, 128> classes{};
  for (auto& c : classes) c = CharClass::kSymbol;  // controls
  for (unsigned char c : std::string_view(" \t\n\r\v\f")) {
    classes[c] = CharClass::kSpace;
  }
  for (unsigned char c = 'a'; c <= 'z'; ++c) classes[c] = CharClass::kLetter;
  for (unsigned char c = 'A'; c <= 'Z'; ++c) classes[c] = CharClass::kLetter;
  for (unsigned char c = '0'; c <= '9'; ++c) classes[c] = CharClass::kDigit;
  for (unsigned char c : std::string_view("!\"#&'()*,-./:;?@[\\]_{}")) {
    classes[c] = CharClass::kPunct;
  }
  for (unsigned char c : std::string_view("$%+<=>^`|~")) {
    classes[c] = CharClass::kSymbol;
  }
  return classes;
}

constexpr std::array<CharClass, 128> kAsciiClasses = MakeAsciiClasses();

CharClass ClassOfCodePoint(utf8proc_int32_t cp) {
  // Per mille, per ten thousand and the fullwidth percent are units like '%'.
  if (cp == 0x2030 || cp == 0x2031 || cp == 0xFF05) return CharClass::kSymbol;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
      return CharClass::kLetter;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return CharClass::kMark;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
      return CharClass::kPunct;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
      return CharClass::kSpace;
    default:
      // Symbols, non-ASCII digits ("²", "٣"), controls, unassigned: numbers
      // are ASCII digits only, so the rest is one opaque character.
      return CharClass::kSymbol;
  }
}

// Decodes the code point at text[i] (i < text.size()) and returns its length,
// or a negative value when the bytes there are not valid UTF-8 (a character
// cut by the end of a span, say).
utf8proc_ssize_t DecodeAt(std::string_view text, size_t i,
                          utf8proc_int32_t* cp) {
  return utf8proc_iterate(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
      static_cast<utf8proc_ssize_t>(text.size() - i), cp);
}

}  // namespace

CharAt ClassifyAt(std::string_view text, size_t i) {
  const auto byte = static_cast<unsigned char>(text[i]);
  if (byte < 0x80) return {kAsciiClasses[byte], 1};
  // U+00C0..U+00FF (C3 80..BF), French's accented letters, without a
  // decode and a category lookup: all letters but × (D7) and ÷ (F7).
  if (byte == 0xC3 && i + 1 < text.size()) {
    const auto next = static_cast<unsigned char>(text[i + 1]);
    if (next >= 0x80 && next <= 0xBF) {
      return {next == 0x97 || next == 0xB7 ? CharClass::kSymbol : CharClass::kLetter, 2};
    }
  }
  utf8proc_int32_t cp = 0;
  const utf8proc_ssize_t len = DecodeAt(text, i, &cp);
  if (len <= 0) return {CharClass::kSymbol, 1};
  return {ClassOfCodePoint(cp), static_cast<size_t>(len)};
}

namespace {

bool IsLetterAt(std::string_view text, size_t i) {
  return i < text.size() && ClassifyAt(text, i).cls == CharClass::kLetter;
}

// Length of the capital letter at text[i], or 0 if there is none.
size_t UppercaseLengthAt(std::string_view text, size_t i) {
  if (i >= text.size()) return 0;
  if (static_cast<unsigned char>(text[i]) < 0x80) {
    return IsAsciiUpper(text[i]) ? 1 : 0;
  }
  utf8proc_int32_t cp = 0;
  const utf8proc_ssize_t len = DecodeAt(text, i, &cp);
  if (len <= 0) return 0;
  const utf8proc_category_t category = utf8proc_category(cp);
  return category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LT
             ? static_cast<size_t>(len)
             : 0;
}

// End of the run of letters and combining marks starting at i.
size_t SkipLetters(std::string_view text, size_t i) {
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      if (kAsciiClasses[byte] != CharClass::kLetter) break;
      ++i;
      continue;
    }
    const CharAt c = ClassifyAt(text, i);
    if (c.cls != CharClass::kLetter && c.cls != CharClass::kMark) break;
    i += c.len;
  }
  return i;
}

// French elided words: "l'ONG" is "l'" + "ONG". Closed class, so code, not
// rule data. Compared ASCII-case-insensitively ("L'Irak", "QU'IL").
constexpr std::string_view kElisions[] = {
    "l", "d", "j", "n", "s", "c", "m", "t", "qu", "lorsqu", "puisqu", "jusqu"};

}  // namespace

bool IsElision(std::string_view word) {
  if (word.size() > 6) return false;
  for (std::string_view elision : kElisions) {
    if (elision.size() != word.size()) continue;
    bool same = true;
    for (size_t i = 0; i < word.size() && same; ++i) {
      same = (word[i] | 0x20) == elision[i];
    }
    if (same) return true;
  }
  return false;
}

namespace {

// ---------------------------------------------------------------------------
// Paragraphs
// ---------------------------------------------------------------------------

// Offset of the first non-blank byte of [begin, end), or end.
size_t SkipBlanks(std::string_view text, size_t begin, size_t end) {
  while (begin < end && IsBlankByte(text[begin])) ++begin;
  return begin;
}

// End of [begin, end) once trailing blanks are dropped.
size_t TrimBlanksRight(std::string_view text, size_t begin, size_t end) {
  while (end > begin && IsBlankByte(text[end - 1])) --end;
  return end;
}

// One memchr per line: the paragraph scan costs next to nothing beside ICU.
std::vector<Span> FindParagraphs(std::string_view text) {
  std::vector<Span> paragraphs;
  // The non-blank lines of the first paragraph, trimmed: the paragraphs
  // when no blank line separates two lines (scrapers and dumps write one
  // paragraph per line).
  std::vector<Span> lines;
  Span current;
  bool open = false;
  size_t line_start = 0;
  while (line_start < text.size()) {
    const void* newline =
        std::memchr(text.data() + line_start, '\n', text.size() - line_start);
    const size_t line_end =
        newline != nullptr
            ? static_cast<size_t>(static_cast<const char*>(newline) -
                                  text.data())
            : text.size();
    const size_t first = SkipBlanks(text, line_start, line_end);
    if (first == line_end) {
      if (open) paragraphs.push_back(current);
      open = false;
    } else {
      if (!open) current.start = first;
      open = true;
      current.end = TrimBlanksRight(text, first, line_end);
      if (paragraphs.empty()) lines.push_back(Span{first, current.end});
    }
    line_start = line_end + 1;
  }
  if (open) paragraphs.push_back(current);
  if (paragraphs.size() == 1) return lines;
  return paragraphs;
}

// ---------------------------------------------------------------------------
// Sentences
// ---------------------------------------------------------------------------

// Cuts ICU segments at paragraph boundaries, trims them and records them.
// ICU already breaks after every line feed (UAX #29 rule SB4), so a segment
// normally lies inside one line; the cut makes "a sentence never crosses a
// paragraph" hold whatever the ICU rules do.
class SentenceSink {
 public:
  SentenceSink(std::string_view text, const std::vector<Span>& paragraphs,
               std::vector<Sentence>* out)
      : text_(text), paragraphs_(paragraphs), out_(out) {}

  // Segments arrive in text order, so the paragraph cursor only moves
  // forward: linear in segments plus paragraphs.
  void Add(size_t start, size_t end) {
    while (start < end) {
      while (next_ < paragraphs_.size() && paragraphs_[next_].end <= start) {
        ++next_;
      }
      if (next_ == paragraphs_.size()) return;
      const Span& paragraph = paragraphs_[next_];
      AddTrimmed(std::max(start, paragraph.start),
                 std::min(end, paragraph.end));
      start = paragraph.end;
    }
  }

 private:
  void AddTrimmed(size_t start, size_t end) {
    while (start < end && IsAsciiSpace(text_[start])) ++start;
    while (end > start && IsAsciiSpace(text_[end - 1])) --end;
    if (start < end) out_->push_back(Sentence{Span{start, end}, next_});
  }

  std::string_view text_;
  const std::vector<Span>& paragraphs_;
  std::vector<Sentence>* out_;
  size_t next_ = 0;  // first paragraph that may still receive a sentence
};

// ICU break positions are int32_t, so ICU sees the text in windows of at most
// this many bytes.
constexpr size_t kMaxIcuWindow = INT32_MAX;

// End of the ICU window starting at `start`: the whole rest of the text in
// practice. Beyond 2 GiB the cut goes after a line feed, where ICU breaks
// anyway, so the result is the same as one pass.
size_t WindowEnd(std::string_view text, size_t start) {
  if (text.size() - start <= kMaxIcuWindow) return text.size();
  const void* newline = memrchr(text.data() + start, '\n', kMaxIcuWindow);
  if (newline != nullptr) {
    return static_cast<size_t>(static_cast<const char*>(newline) + 1 -
                               text.data());
  }
  // One line over 2 GiB: cut before a character's first byte.
  size_t end = start + kMaxIcuWindow;
  while (end > start + 1 && IsContinuationByte(text[end])) --end;
  return end;
}

// "J.", "U.S.", "J.-C.", "É.": capital letters, each followed by a period,
// joined by nothing or by a hyphen.
bool IsInitials(std::string_view word) {
  size_t i = 0;
  while (i < word.size()) {
    if (i > 0 && word[i] == '-') ++i;
    const size_t letter = UppercaseLengthAt(word, i);
    if (letter == 0) return false;
    i += letter;
    if (i >= word.size() || word[i] != '.') return false;
    ++i;
  }
  return !word.empty();
}

// The word a break follows, without what may stick to its front: opening
// punctuation and an elision, so "(M.", "«M." and "l'U.S." give "M." and
// "U.S.".
std::string_view StripWordPrefix(std::string_view word) {
  size_t i = 0;
  while (i < word.size()) {
    const CharAt c = ClassifyAt(word, i);
    if (c.cls == CharClass::kLetter) break;
    i += c.len;
  }
  word.remove_prefix(i);
  const size_t apostrophe = word.find('\'');
  if (apostrophe != std::string_view::npos &&
      IsElision(word.substr(0, apostrophe))) {
    word.remove_prefix(apostrophe + 1);
  }
  return word;
}

// The least FollowsAbbreviation() looks back from a break, spaces included:
// room for initials such as "S.M.A.R.T." and a few spaces. Bounding the
// look-back keeps Segment() linear on text without spaces.
constexpr size_t kMinAbbreviationScan = 64;

// Words that start sentences and never names. After "C." or "X." one of them
// shows that the period ended a sentence ("38 degrés C. Il fera beau") rather
// than an initial ("B. Obama"). "Le", "La" and "D'" are not in the list:
// "J.-Y. Le Drian", "J. D'Ormesson". Closed class, so code, not rule data.
constexpr std::string_view kSentenceOpeners[] = {
    "Il",    "Ils",   "Elle",  "Elles", "On",       "Nous",      "Vous",
    "Je",    "Cela",  "Ceci",  "Ce",    "Cet",      "Cette",     "Ces",
    "Mais",  "Et",    "Or",    "Donc",  "Car",      "Puis",      "Selon",
    "Pour",  "Dans",  "Sur",   "Après", "Avant",    "Depuis",    "Lors",
    "Alors", "Ainsi", "En",    "Un",    "Pourtant", "Cependant", "Toutefois",
    "Une",   "C'",    "Qu'",   "J'",    "N'"};

// True when the word at text[pos] is one of kSentenceOpeners.
bool OpensSentence(std::string_view text, size_t pos) {
  // The longest opener has 9 bytes; 16 shows whether a longer word goes on.
  const std::string_view ahead = text.substr(pos, 16);
  size_t end = SkipLetters(ahead, 0);
  if (end < ahead.size() && ahead[end] == '\'') ++end;
  return std::find(std::begin(kSentenceOpeners), std::end(kSentenceOpeners),
                   ahead.substr(0, end)) != std::end(kSentenceOpeners);
}

// Where a sentence that ICU ends at `pos` really ends: after the closing
// quote marks that follow it. French sets a space before » ("pas. »"), and
// ICU breaks before a mark that follows a space, making a sentence of ».
// Returns `pos` when no closing mark follows.
size_t AfterClosingMarks(std::string_view text, size_t pos) {
  static constexpr std::string_view kClosers[] = {"\u00bb", "\u201d", "\u203a"};
  for (size_t i = pos;;) {
    size_t j = i;
    while (j < text.size() && text[j] == ' ') ++j;
    const auto closer = std::find_if(std::begin(kClosers), std::end(kClosers),
                                     [&](std::string_view c) {
                                       return text.substr(j, c.size()) == c;
                                     });
    if (closer == std::end(kClosers)) return i;
    pos = i = j + closer->size();
  }
}

// Whether the text at `pos` (after spaces) goes on with the same sentence:
// a comma, a colon, a semicolon or a lower-case ASCII letter ("« Non. », a-t-il
// dit").
bool ContinuesSentence(std::string_view text, size_t pos) {
  while (pos < text.size() && text[pos] == ' ') ++pos;
  if (pos >= text.size()) return false;
  const char c = text[pos];
  return c == ',' || c == ';' || c == ':' || (c >= 'a' && c <= 'z');
}

}  // namespace

// ---------------------------------------------------------------------------
// Segmenter
// ---------------------------------------------------------------------------

struct Segmenter::Impl {
  // Stateful: Segment() points it at the caller's text, then at "" again.
  std::unique_ptr<icu::BreakIterator> sentences;
  std::vector<std::string> abbreviations;  // sorted, each ends with '.'
  size_t max_scan = kMinAbbreviationScan;  // bytes looked at before a break

  bool IsAbbreviation(std::string_view word) const {
    return std::binary_search(abbreviations.begin(), abbreviations.end(), word,
                              std::less<>());
  }

  // True when ICU's break at `pos` in `text` comes right after an
  // abbreviation or initials (and spaces), so that it must be dropped.
  bool FollowsAbbreviation(std::string_view text, size_t pos) const {
    const size_t lowest = pos > max_scan ? pos - max_scan : 0;
    size_t end = pos;
    while (end > lowest && text[end - 1] == ' ') --end;
    if (end == lowest || text[end - 1] != '.') return false;
    size_t start = end;
    while (start > lowest && !IsAsciiSpace(text[start - 1])) --start;
    if (start > 0 && !IsAsciiSpace(text[start - 1])) return false;  // too long
    const std::string_view word =
        StripWordPrefix(text.substr(start, end - start));
    return IsInitials(word) || IsAbbreviation(word);
  }

  // Runs ICU over `window` (text[offset, offset + window.size())) through
  // `ut` and hands the sentence segments to `sink`.
  void BreakWindow(std::string_view window, size_t offset, UText* ut,
                   SentenceSink* sink) const {
    UErrorCode status = U_ZERO_ERROR;
    utext_openUTF8(ut, window.data(), static_cast<int64_t>(window.size()),
                   &status);
    sentences->setText(ut, status);
    if (U_FAILURE(status)) {
      // In practice only memory exhaustion gets here; paragraphs as
      // sentences beat dropping the text.
      sink->Add(offset, offset + window.size());
      return;
    }
    size_t previous = 0;
    for (int32_t next = sentences->next(); next != icu::BreakIterator::DONE;
         next = sentences->next()) {
      auto pos = static_cast<size_t>(next);
      if (pos < window.size() && FollowsAbbreviation(window, pos) &&
          !OpensSentence(window, pos)) {
        continue;
      }
      if (pos < window.size() && IsAsciiDigit(window[pos]) &&
          SeptemberBefore(window, previous, pos)) {
        continue;  // "le 20 sept. 2014", at the text's end (ICU breaks there)
      }
      if (pos < window.size()) {
        const size_t closed = AfterClosingMarks(window, pos);
        if (closed > pos && ContinuesSentence(window, closed)) continue;
        pos = closed;
      }
      if (pos <= previous) continue;  // the marks ICU had broken before
      AddSplitAtNumbers(window, offset, previous, pos, sink);
      previous = pos;
    }
    if (previous < window.size()) {
      AddSplitAtNumbers(window, offset, previous, window.size(), sink);
    }
  }

  // Adds window[begin, end) as sentences, also broken where ICU keeps two
  // sentences together:
  // - before a number that opens one: "… à la grève. 600 soignants se
  //   sont …". ICU keeps those together (UAX #29 rule SB8 reads a lower-case
  //   word after the number as the sentence going on, for "approx. 5
  //   apples"); a full stop after a word of two letters or more that is no
  //   abbreviation, then a space and a digit, ends a sentence in news text.
  // - after a full stop with no space after it, between a lower-case word
  //   and a capitalized one: "… lors d'une conférence de presse.La
  //   procureure a expliqué …", a typing slip of scraped pages (3 in the
  //   538 scratch paragraphs, each one claim lost), also after a closing
  //   quote mark ("… de 28 %».Pour lui"). Not in "M.Diez"
  //   (one letter), "Mme.Roux" (an abbreviation), nor in a web address or
  //   a word with another dot ("lemonde.fr", "U.S.Army").
  void AddSplitAtNumbers(std::string_view window, size_t offset, size_t begin, size_t end,
                         SentenceSink* sink) const {
    // Searched up to `end` only: to the window's end, each sentence of a
    // text without ". " read the rest of the text.
    const std::string_view part = window.substr(0, end);
    std::vector<size_t> splits;
    for (size_t dot = part.find(". ", begin); dot != std::string_view::npos && dot + 2 < end;
         dot = part.find(". ", dot + 1)) {
      size_t digit = dot + 1;
      while (digit < end && window[digit] == ' ') ++digit;
      if (digit >= end || window[digit] < '0' || window[digit] > '9') continue;
      if (dot < begin + 2 || !IsLetterByte(window[dot - 1]) || !IsLetterByte(window[dot - 2]) ||
          FollowsAbbreviation(window, digit) || SeptemberAfterDay(window, begin, dot)) {
        continue;
      }
      splits.push_back(digit);
    }
    for (size_t stop = FindStopMark(part, begin); stop != std::string_view::npos && stop + 2 < end;
         stop = FindStopMark(part, stop + 1)) {
      if (stop >= begin + 2 && EndsGluedSentence(window, begin, stop)) splits.push_back(stop + 1);
    }
    // "dans l'export… Patrick Vasseur a proposé": the ellipsis character
    // after a word, then a space and a capitalized word, ends a sentence as
    // "..." does for ICU.
    constexpr std::string_view kEllipsis = "\u2026";
    for (size_t dots = part.find(kEllipsis, begin); dots != std::string_view::npos;
         dots = part.find(kEllipsis, dots + 1)) {
      size_t next = dots + kEllipsis.size();
      if (dots < begin + 1 || !IsLowerByte(window[dots - 1]) || next >= end ||
          window[next] != ' ') {
        continue;
      }
      while (next < end && window[next] == ' ') ++next;
      if (next + 1 < end && CapitalThenLowerAt(window, next)) splits.push_back(next);
    }
    std::sort(splits.begin(), splits.end());
    size_t from = begin;
    for (size_t split : splits) {
      if (split <= from) continue;
      sink->Add(offset + from, offset + split);
      from = split;
    }
    sink->Add(offset + from, offset + end);
  }

  // Whether the word ending at window[dot] ('.') is "sept" after a day of
  // the month ("le 20 sept. 2014", "1er sept. 2014"): September
  // abbreviated, not a sentence that ends on the number seven ("Ils étaient
  // sept. 2014 fut …"), which abbreviations.txt cannot tell apart.
  static bool SeptemberAfterDay(std::string_view window, size_t begin, size_t dot) {
    constexpr std::string_view kSept = "sept";
    if (dot < begin + kSept.size() + 2) return false;
    const size_t word = dot - kSept.size();
    if (window.substr(word, kSept.size()) != kSept || window[word - 1] != ' ') return false;
    size_t day_end = word - 1;
    if (day_end >= begin + 2 && window.substr(day_end - 2, 2) == "er") day_end -= 2;  // "1er"
    size_t day_start = day_end;
    while (day_start > begin && window[day_start - 1] >= '0' && window[day_start - 1] <= '9') {
      --day_start;
    }
    const size_t digits = day_end - day_start;
    if (digits == 0 || digits > 2 || (day_start > begin && IsLetterByte(window[day_start - 1]))) {
      return false;
    }
    int day = 0;
    for (size_t i = day_start; i < day_end; ++i) day = day * 10 + (window[i] - '0');
    return day >= 1 && day <= 31 && (day_end == word - 1 || day == 1);
  }

  // Whether the break at `pos` follows "sept." after a day of the month
  // (and spaces): SeptemberAfterDay at that full stop.
  static bool SeptemberBefore(std::string_view window, size_t begin, size_t pos) {
    size_t end = pos;
    while (end > begin && window[end - 1] == ' ') --end;
    return end > begin && window[end - 1] == '.' && SeptemberAfterDay(window, begin, end - 1);
  }

  // The first '.', '!' or '?' of text at or after `from`, or npos. A
  // byte loop: string_view::find_first_of runs a memchr over its set for
  // each byte of the text, which made this search 2% of the annotate path.
  static size_t FindStopMark(std::string_view text, size_t from) {
    for (size_t i = from; i < text.size(); ++i) {
      const char c = text[i];
      if (c == '.' || c == '!' || c == '?') return i;
    }
    return std::string_view::npos;
  }

  // Letters: ASCII, or bytes of a multi-byte character.
  static bool IsLetterByte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           static_cast<unsigned char>(c) >= 0x80;
  }

  // Whether the '.', '!' or '?' at `stop` (begin + 2 <= stop, stop + 2 <
  // window.size()) ends a sentence glued to the next: after a lower-case
  // word ("presse.La") or a closing quote mark ("28 %».Pour lui").
  bool EndsGluedSentence(std::string_view window, size_t begin, size_t stop) const {
    if (!CapitalThenLowerAt(window, stop + 1)) return false;
    const std::string_view before = window.substr(begin, stop - begin);
    if (before.ends_with("\u00BB") || before.ends_with("\u201D") || before.ends_with('"')) {
      return true;
    }
    if (!IsLowerByte(window[stop - 1]) || !IsLowerByte(window[stop - 2])) return false;
    // The word before: no other dot, no address, and a word's length (a
    // longer run without spaces is no word, and reading it back from
    // each mark in it would be quadratic).
    constexpr size_t kMaxWordBytes = 64;
    for (size_t k = stop; k > begin && !IsAsciiSpace(window[k - 1]); --k) {
      const char c = window[k - 1];
      if (c == '.' || c == '/' || c == '@' || c == ':' || stop - k >= kMaxWordBytes) return false;
    }
    return !FollowsAbbreviation(window, stop + 1);
  }

  // Lower-case: ASCII, or bytes of a multi-byte character.
  static bool IsLowerByte(char c) {
    return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
  }

  // A capital at `pos` (ASCII, or Latin-1's À to Þ: C3 80 to C3 9E), then
  // a lower-case letter.
  static bool CapitalThenLowerAt(std::string_view window, size_t pos) {
    size_t next = pos;
    if (pos < window.size() && window[pos] >= 'A' && window[pos] <= 'Z') {
      next = pos + 1;
    } else if (pos + 1 < window.size() && static_cast<unsigned char>(window[pos]) == 0xC3 &&
               static_cast<unsigned char>(window[pos + 1]) >= 0x80 &&
               static_cast<unsigned char>(window[pos + 1]) <= 0x9E) {
      next = pos + 2;
    } else {
      return false;
    }
    return next < window.size() && IsLowerByte(window[next]);
  }

  void FindSentences(std::string_view text, const std::vector<Span>& paragraphs,
                     std::vector<Sentence>* out) const {
    SentenceSink sink(text, paragraphs, out);
    UText ut = UTEXT_INITIALIZER;
    for (size_t start = 0; start < text.size();) {
      const size_t end = WindowEnd(text, start);
      BreakWindow(text.substr(start, end - start), start, &ut, &sink);
      start = end;
    }
    // Leave no pointer to the caller's text in the iterator: Clone() copies
    // the iterator, and the text may be freed before the next Segment().
    UErrorCode status = U_ZERO_ERROR;
    utext_openUTF8(&ut, "", 0, &status);
    sentences->setText(&ut, status);
    utext_close(&ut);
  }
};

Segmenter::Segmenter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Segmenter::~Segmenter() = default;

namespace {

// Checks one abbreviation and returns it with its final period.
Result<std::string> CanonicalAbbreviation(const std::string& entry,
                                          size_t index) {
  const std::string where =
      "abbreviation #" + std::to_string(index + 1) + " \"" + entry + "\"";
  if (entry.empty()) return InvalidArgument(where + " is empty");
  if (std::any_of(entry.begin(), entry.end(), IsAsciiSpace)) {
    return InvalidArgument(where +
                           " contains a space: breaks are suppressed after "
                           "one word, so it could never match");
  }
  if (!IsLetterAt(entry, 0)) {
    return InvalidArgument(where + " does not start with a letter");
  }
  return entry.back() == '.' ? entry : entry + ".";
}

Status IcuStatus(UErrorCode code, const char* what) {
  std::string message = std::string(what) + ": " + u_errorName(code);
  if (code == U_MEMORY_ALLOCATION_ERROR) {
    return ResourceExhausted(std::move(message));
  }
  return NotFound(std::move(message) + " (is the ICU data installed?)");
}

}  // namespace

Result<std::unique_ptr<Segmenter>> Segmenter::Create(
    const std::vector<std::string>& abbreviations) {
  auto impl = std::make_unique<Impl>();
  for (size_t i = 0; i < abbreviations.size(); ++i) {
    Result<std::string> entry = CanonicalAbbreviation(abbreviations[i], i);
    if (!entry.ok()) return entry.status();
    impl->max_scan = std::max(impl->max_scan, entry->size() + 16);
    impl->abbreviations.push_back(std::move(entry).value());
  }
  std::sort(impl->abbreviations.begin(), impl->abbreviations.end());
  impl->abbreviations.erase(
      std::unique(impl->abbreviations.begin(), impl->abbreviations.end()),
      impl->abbreviations.end());

  UErrorCode status = U_ZERO_ERROR;
  impl->sentences.reset(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getFrench(),
                                                 status));
  if (U_FAILURE(status) || impl->sentences == nullptr) {
    return IcuStatus(U_FAILURE(status) ? status : U_MEMORY_ALLOCATION_ERROR,
                     "cannot build ICU's French sentence break iterator");
  }
  return std::unique_ptr<Segmenter>(new Segmenter(std::move(impl)));
}

std::unique_ptr<Segmenter> Segmenter::Clone() const {
  auto impl = std::make_unique<Impl>();
  impl->sentences.reset(impl_->sentences->clone());
  if (impl->sentences == nullptr) return nullptr;
  impl->abbreviations = impl_->abbreviations;
  impl->max_scan = impl_->max_scan;
  return std::unique_ptr<Segmenter>(new Segmenter(std::move(impl)));
}

Segmentation Segmenter::Segment(std::string_view text) const {
  Segmentation result;
  result.paragraphs = FindParagraphs(text);
  if (!result.paragraphs.empty()) {
    impl_->FindSentences(text, result.paragraphs, &result.sentences);
  }
  return result;
}

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

namespace {

// A word starting at `start` (a letter): letters joined by inner hyphens and
// apostrophes, except that an elision ends at its apostrophe.
Token ScanWord(std::string_view text, size_t start) {
  size_t i = start;
  bool joined = false;  // an inner hyphen or apostrophe was taken
  while (true) {
    i = SkipLetters(text, i);
    if (i >= text.size()) break;
    const char c = text[i];
    if (c == '\'' && !joined && IsElision(text.substr(start, i - start))) {
      return Token{Span{start, i + 1}, TokenKind::kWord};
    }
    if ((c == '\'' || c == '-') && IsLetterAt(text, i + 1)) {
      joined = true;
      ++i;
      continue;
    }
    break;
  }
  return Token{Span{start, i}, TokenKind::kWord};
}

size_t SkipDigits(std::string_view text, size_t i) {
  while (i < text.size() && IsAsciiDigit(text[i])) ++i;
  return i;
}

// " ddd" at i, not followed by a fourth digit: a French thousands group.
bool IsThousandsGroupAt(std::string_view text, size_t i) {
  return i + 4 <= text.size() && text[i] == ' ' && IsAsciiDigit(text[i + 1]) &&
         IsAsciiDigit(text[i + 2]) && IsAsciiDigit(text[i + 3]) &&
         (i + 4 == text.size() || !IsAsciiDigit(text[i + 4]));
}

// A number starting at `start` (a digit): "94 000" (space groups only after a
// leading group of 1 to 3 digits), then ',' or '.' followed by digits, as
// often as they come ("2,5", "1.787.000", "1 000,5").
Token ScanNumber(std::string_view text, size_t start) {
  size_t i = SkipDigits(text, start);
  if (i - start <= 3) {
    while (IsThousandsGroupAt(text, i)) i += 4;
  }
  while (i + 1 < text.size() && (text[i] == ',' || text[i] == '.') &&
         IsAsciiDigit(text[i + 1])) {
    i = SkipDigits(text, i + 1);
  }
  return Token{Span{start, i}, TokenKind::kNumber};
}

}  // namespace

TokenCursor::TokenCursor(std::string_view text, Span span)
    : end_(std::min(span.end, text.size())),
      pos_(std::min(span.start, end_)),
      // Cutting the view at the span's end bounds every look-ahead below.
      view_(text.substr(0, end_)) {}

bool TokenCursor::Next(Token* token) {
  while (pos_ < end_) {
    const auto byte = static_cast<unsigned char>(view_[pos_]);
    const CharAt c = byte < 0x80 ? CharAt{kAsciiClasses[byte], 1}
                                 : ClassifyAt(view_, pos_);
    switch (c.cls) {
      case CharClass::kSpace:
        pos_ += c.len;
        continue;
      case CharClass::kLetter:
        *token = ScanWord(view_, pos_);
        break;
      case CharClass::kDigit:
        *token = ScanNumber(view_, pos_);
        break;
      case CharClass::kPunct:
        *token = Token{Span{pos_, pos_ + c.len}, TokenKind::kPunct};
        break;
      case CharClass::kMark:
      case CharClass::kSymbol:
        *token = Token{Span{pos_, pos_ + c.len}, TokenKind::kSymbol};
        break;
    }
    pos_ = token->span.end;
    return true;
  }
  return false;
}

std::vector<Token> Tokenize(std::string_view text, Span span) {
  TokenCursor cursor(text, span);
  std::vector<Token> tokens;
  const size_t end = std::min(span.end, text.size());
  tokens.reserve((end - std::min(span.start, end)) / 5 + 1);
  Token token;
  while (cursor.Next(&token)) tokens.push_back(token);
  return tokens;
}

}  // namespace claimx
