// HtmlToText: the readable text of an HTML article, as a browser would show
// it, parsed with Gumbo (Debian libgumbo-dev, a conformant HTML5 parser, so
// unclosed tags, stray bytes and tag soup parse as browsers parse them).
//
// The text is what claimx annotates: every offset in the output of an HTML
// article indexes the returned text, not the HTML bytes (doc.bytes is its
// size, doc.content_hash its digest). Rules, documented in docs/batch.md:
//   - runs of whitespace collapse to one space (none inside <pre>);
//   - block elements (p, div, h1-h6, li, blockquote, article, section, tr,
//     table, ...) are separated by a blank line, so they become paragraphs;
//     <br> is a line break;
//   - <head> (save <title>), script, style, noscript, template, svg, iframe,
//     nav, aside, footer and form are dropped;
//   - character references are decoded (&nbsp; becomes U+00A0, which the
//     normalizer then treats as a space).
// Pure function, thread-safe. Invalid UTF-8 becomes U+FFFD (Gumbo's rule).
#ifndef CLAIMX_BATCH_HTML_TEXT_H_
#define CLAIMX_BATCH_HTML_TEXT_H_

#include <string>
#include <string_view>

namespace claimx {

struct HtmlText {
  std::string text;
  std::string title;  // the <title>, whitespace collapsed; empty when none
};

HtmlText HtmlToText(std::string_view html);

}  // namespace claimx

#endif  // CLAIMX_BATCH_HTML_TEXT_H_
