// HTML emitter: one self-contained page showing an AnnotatedDocument.
//
// The page needs no network (inline CSS and script, a Content-Security-Policy
// that forbids every fetch) and shows:
//   * the article, whitespace kept, with every mention highlighted by kind
//     (Okabe-Ito colours, safe for the common colour blindnesses, each kind
//     also told apart by a line style or weight, with a legend); each mention
//     is ONE element <span class="m m-KIND" data-id="mN" data-kind=...
//     data-rule=... data-start=... data-end=...> carrying its normalized value
//     as data attributes (the fields of its JSON form, `_` written `-`:
//     data-value, data-unit, data-entity-lemma, data-country, data-lat...),
//     focusable (tabindex=0); hovering or focusing it shows those values in a
//     tooltip;
//   * each claim's statement underlined (<span class="claim" data-id="cN">),
//     followed by a link to its source mention, and its cue marked;
//   * a side panel listing the claims grouped by source, and a panel with the
//     comparisons (figures of several claims side by side, disagreement
//     flagged).
// Spans nest in the DOM as they nest in the text (a quantity inside a quote
// inside a claim). A span that crosses another one's end is split: the first
// piece is the element above, the others are <span class="part"
// data-part-of="mN"> with the same classes, so that every mention and claim
// is still exactly one element with its id.
//
// Safety: all article text, in element content and in attribute values alike,
// is escaped (& < > " '), invalid UTF-8 is written as U+FFFD and control
// characters other than tab and newline as spaces, so nothing in the input can
// open a tag, close an attribute or reach the script. The script reads the
// data attributes and writes the tooltip with textContent only.
#ifndef CLAIMX_EXTRACTOR_EMIT_HTML_H_
#define CLAIMX_EXTRACTOR_EMIT_HTML_H_

#include <ostream>
#include <string>
#include <string_view>

#include "extractor/document.h"

namespace claimx {

void WriteHtml(std::ostream& out, const AnnotatedDocument& doc,
               std::string_view original);

// `text` made safe as HTML element content or as a quoted attribute value:
// & < > " ' as character references, each maximal invalid UTF-8 subpart as
// U+FFFD, NUL and other control characters except \t \n as a space.
std::string HtmlEscape(std::string_view text);

}  // namespace claimx

#endif  // CLAIMX_EXTRACTOR_EMIT_HTML_H_
