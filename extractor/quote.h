// Quotes: the quoted passages of an article, found from the quote marks
// alone (no data: the marks are the rule).
//
// Marks: « » (French, usually with a space or NBSP inside, which the
// normalizer has made an ASCII space), “ ” (English), ‹ › (nested in « »),
// and the straight ASCII " (opens when it closes nothing). A closing mark
// that matches a mark deeper in the stack closes that one and everything
// opened inside it; a closing mark matching nothing is ignored.
//
// French quotes that run over several paragraphs reopen each new paragraph
// with « and close only at the end: a « still open at the end of a paragraph
// continues into the next one when that paragraph starts with «, for at most
// `paragraph_budget` paragraphs. A straight " still open continues into
// the next paragraph when the first mark there is a " that can only close
// (glued to the word before it: 'le cas" insiste-t-elle'), since writers
// of straight quotes seldom reopen them. Otherwise the quote is unbalanced
// and is dropped, so a lone « never swallows the rest of the article.
//
// Only the outermost quotes are returned (a ‹ › inside « » is part of its
// quote). One pass over the text, no recursion: the stack of open marks is
// capped at kMaxQuoteDepth (deeper marks are counted, not stacked), so time
// is linear and memory constant whatever the nesting.
//
// Thread safety: a pure function.
#ifndef CLAIMX_EXTRACTOR_QUOTE_H_
#define CLAIMX_EXTRACTOR_QUOTE_H_

#include <string_view>
#include <vector>

#include "extractor/span.h"

namespace claimx {

inline constexpr size_t kMaxQuoteDepth = 16;

enum class QuoteStyle { kFrench, kEnglish, kStraight };

struct Quote {
  Span span;     // the quote marks included
  Span content;  // inside the marks, spaces trimmed
  QuoteStyle style = QuoteStyle::kFrench;
};

struct QuoteOptions {
  size_t paragraph_budget = 8;  // paragraphs one quote may span
};

// The outermost balanced quotes of `text`, in text order, offsets into
// `text`. `paragraphs` are the paragraph spans of `text` in order (from the
// segmenter); text outside them is ignored.
std::vector<Quote> FindQuotes(std::string_view text,
                              const std::vector<Span>& paragraphs,
                              QuoteOptions options = {});

// The rule id a quote mention carries: fr.quote.french, fr.quote.english,
// fr.quote.straight.
std::string_view QuoteRuleId(QuoteStyle style);

}  // namespace claimx

#endif  // CLAIMX_EXTRACTOR_QUOTE_H_
