#include "extractor/quote.h"

#include <array>
#include <optional>

namespace claimx {

namespace {

enum class Mark { kNone, kFrenchOpen, kFrenchClose, kEnglishOpen, kEnglishClose,
                  kSingleOpen, kSingleClose, kStraight };

struct MarkAt {
  Mark mark = Mark::kNone;
  size_t length = 0;
};

// The quote mark starting at text[pos], if any.
MarkAt ReadMark(std::string_view text, size_t pos) {
  unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c == '"') return {Mark::kStraight, 1};
  if (c == 0xC2 && pos + 1 < text.size()) {
    unsigned char d = static_cast<unsigned char>(text[pos + 1]);
    if (d == 0xAB) return {Mark::kFrenchOpen, 2};
    if (d == 0xBB) return {Mark::kFrenchClose, 2};
  }
  if (c == 0xE2 && pos + 2 < text.size() &&
      static_cast<unsigned char>(text[pos + 1]) == 0x80) {
    switch (static_cast<unsigned char>(text[pos + 2])) {
      case 0x9C: return {Mark::kEnglishOpen, 3};
      case 0x9D: return {Mark::kEnglishClose, 3};
      case 0xB9: return {Mark::kSingleOpen, 3};
      case 0xBA: return {Mark::kSingleClose, 3};
      default: break;
    }
  }
  return {};
}

// Whether a mark may start at this byte: '"', or the lead byte of « » (C2)
// or of “ ” ‹ › (E2). The scans below test it before ReadMark, which cost a
// call per byte of every paragraph.
constexpr bool MayStartMark(unsigned char c) { return c == '"' || c == 0xC2 || c == 0xE2; }

// What closes an opening mark.
Mark CloserOf(Mark open) {
  switch (open) {
    case Mark::kFrenchOpen: return Mark::kFrenchClose;
    case Mark::kEnglishOpen: return Mark::kEnglishClose;
    case Mark::kSingleOpen: return Mark::kSingleClose;
    default: return Mark::kStraight;
  }
}

QuoteStyle StyleOf(Mark open) {
  switch (open) {
    case Mark::kFrenchOpen:
    case Mark::kSingleOpen: return QuoteStyle::kFrench;
    case Mark::kEnglishOpen: return QuoteStyle::kEnglish;
    default: return QuoteStyle::kStraight;
  }
}

bool IsSpace(char c) { return c == ' ' || c == '\n'; }

Span Trimmed(std::string_view text, Span span) {
  while (span.start < span.end && IsSpace(text[span.start])) ++span.start;
  while (span.end > span.start && IsSpace(text[span.end - 1])) --span.end;
  return span;
}

// The stack of open marks, capped: marks past kMaxQuoteDepth are counted
// in `overflow` so their closers are ignored instead of closing outer ones.
class OpenMarks {
 public:
  bool empty() const { return size_ == 0; }
  size_t size() const { return size_; }
  void Push(Mark closer, size_t at) {
    if (size_ == kMaxQuoteDepth) {
      ++overflow_;
      return;
    }
    stack_[size_++] = {closer, at};
  }
  // Closes the innermost mark closed by `closer`; returns the opening
  // offset of the outermost quote when it closed, else nullopt.
  std::optional<size_t> Close(Mark closer, bool* matched) {
    *matched = false;
    if (overflow_ > 0) {
      --overflow_;
      *matched = true;
      return std::nullopt;
    }
    for (size_t i = size_; i-- > 0;) {
      if (stack_[i].closer != closer) continue;
      *matched = true;
      size_ = i;
      if (i == 0) return stack_[0].open_at;
      return std::nullopt;
    }
    return std::nullopt;
  }
  bool Expects(Mark closer) const {
    for (size_t i = size_; i-- > 0;) {
      if (stack_[i].closer == closer) return true;
    }
    return false;
  }
  Mark Outer() const { return size_ ? stack_[0].closer : Mark::kNone; }
  Mark Innermost() const { return size_ ? stack_[size_ - 1].closer : Mark::kNone; }
  size_t OuterStart() const { return stack_[0].open_at; }
  // Keeps only the outermost mark (a continued quote across paragraphs).
  void KeepOuter() {
    size_ = size_ ? 1 : 0;
    overflow_ = 0;
  }
  void Clear() {
    size_ = 0;
    overflow_ = 0;
  }

 private:
  struct Open {
    Mark closer;
    size_t open_at;
  };
  std::array<Open, kMaxQuoteDepth> stack_{};
  size_t size_ = 0;
  size_t overflow_ = 0;
};

// Web text mistypes English marks: "“A“" closes with an opening mark. A
// “ glued to a word on its left and followed by a space, punctuation or
// the end, while a “ is open, closes it (Markdown reads emphasis marks by
// their neighbours likewise). The other mistake, "”A”", is left alone: ICU
// reads ” as closing punctuation and ends the sentence after it, so a
// quote opened by it would straddle two sentences.
bool GluedLeftOnly(std::string_view text, size_t start, size_t end) {
  if (start == 0 || IsSpace(text[start - 1])) return false;
  if (end >= text.size()) return true;
  const char next = text[end];
  return IsSpace(next) || next == ',' || next == '.' || next == ';' || next == ':' ||
         next == '!' || next == '?' || next == ')';
}

// The first non-space byte of the paragraph starts a French reopening mark.
bool StartsWithFrenchOpen(std::string_view text, Span paragraph) {
  size_t pos = paragraph.start;
  while (pos < paragraph.end && IsSpace(text[pos])) ++pos;
  return pos < paragraph.end && ReadMark(text, pos).mark == Mark::kFrenchOpen;
}

// Whether the first quote mark of the paragraph is a straight " that can
// only close (glued to a word on its left, a space or punctuation on its
// right): 'Ce n'est pas le cas" insiste-t-elle' ends a straight quote
// opened in the paragraph before, whose writer did not reopen it.
bool StraightClosesFirst(std::string_view text, Span paragraph) {
  for (size_t pos = paragraph.start; pos < paragraph.end && pos < text.size(); ++pos) {
    if (!MayStartMark(static_cast<unsigned char>(text[pos]))) continue;
    const MarkAt at = ReadMark(text, pos);
    if (at.mark == Mark::kNone) continue;
    return at.mark == Mark::kStraight && GluedLeftOnly(text, pos, pos + at.length);
  }
  return false;
}

// The mark at [start, end), an opening “ read as a closing one when it
// can only close; and a closing mark of the wrong kind closing the
// innermost quote when nothing expects it: web text pairs “A » and "A »
// (typed with two keyboards), « A ” more rarely.
Mark Directed(std::string_view text, size_t start, size_t end, Mark mark,
              const OpenMarks& open) {
  if (mark == Mark::kEnglishOpen && open.Expects(Mark::kEnglishClose) &&
      GluedLeftOnly(text, start, end)) {
    return Mark::kEnglishClose;
  }
  const Mark innermost = open.Innermost();
  if ((mark == Mark::kFrenchClose || mark == Mark::kEnglishClose) && !open.Expects(mark) &&
      (innermost == Mark::kFrenchClose || innermost == Mark::kEnglishClose ||
       innermost == Mark::kStraight)) {
    return innermost;
  }
  return mark;
}

}  // namespace

std::string_view QuoteRuleId(QuoteStyle style) {
  switch (style) {
    case QuoteStyle::kFrench: return "fr.quote.french";
    case QuoteStyle::kEnglish: return "fr.quote.english";
    case QuoteStyle::kStraight: return "fr.quote.straight";
  }
  return "fr.quote.french";
}

std::vector<Quote> FindQuotes(std::string_view text,
                              const std::vector<Span>& paragraphs,
                              QuoteOptions options) {
  std::vector<Quote> quotes;
  OpenMarks open;
  Mark outer_open = Mark::kNone;  // the opening mark of the outermost quote
  size_t paragraphs_used = 0;     // paragraphs the open quote has spanned
  for (size_t p = 0; p < paragraphs.size(); ++p) {
    const Span paragraph = paragraphs[p];
    size_t pos = paragraph.start;
    if (!open.empty()) {
      // A continued French quote: skip the reopening «.
      while (pos < paragraph.end && IsSpace(text[pos])) ++pos;
      pos += ReadMark(text, pos).length;
    }
    for (; pos < paragraph.end && pos < text.size(); ++pos) {
      if (!MayStartMark(static_cast<unsigned char>(text[pos]))) continue;
      MarkAt at = ReadMark(text, pos);
      if (at.mark == Mark::kNone) continue;
      at.mark = Directed(text, pos, pos + at.length, at.mark, open);
      const size_t mark_start = pos;
      pos += at.length - 1;
      bool opens = at.mark == Mark::kFrenchOpen || at.mark == Mark::kEnglishOpen ||
                   at.mark == Mark::kSingleOpen ||
                   (at.mark == Mark::kStraight && !open.Expects(Mark::kStraight));
      if (opens) {
        if (open.empty()) {
          outer_open = at.mark;
          paragraphs_used = 1;
        }
        open.Push(CloserOf(at.mark), mark_start);
        continue;
      }
      bool matched = false;
      std::optional<size_t> start = open.Close(at.mark, &matched);
      if (!start) continue;
      Quote quote;
      quote.span = Span{*start, pos + 1};
      quote.content = Trimmed(
          text, Span{*start + ReadMark(text, *start).length, mark_start});
      quote.style = StyleOf(outer_open);
      quotes.push_back(quote);
    }
    if (open.empty()) continue;
    const bool room = p + 1 < paragraphs.size() && paragraphs_used < options.paragraph_budget;
    const bool continues =
        room &&
        ((outer_open == Mark::kFrenchOpen && StartsWithFrenchOpen(text, paragraphs[p + 1])) ||
         (outer_open == Mark::kStraight && open.size() == 1 &&
          StraightClosesFirst(text, paragraphs[p + 1])));
    if (continues) {
      open.KeepOuter();
      ++paragraphs_used;
    } else {
      open.Clear();  // unbalanced: dropped, the next paragraph starts afresh
    }
  }
  return quotes;
}

}  // namespace claimx
