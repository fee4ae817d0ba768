// Text emitter: a readable terminal view of an AnnotatedDocument.
//
// Sentence by sentence, numbered by paragraph, with every mention marked:
// coloured by kind when `color` is set (the CLI sets it only when stdout is a
// TTY and NO_COLOR is unset), otherwise in brackets tagged with the kind, so
// the view survives pipes and logs. Under each sentence, one line per mention
// gives its normalized value and the rule that produced it; after each
// paragraph, its claims (source, cue, statement, figures, places, dates);
// at the end, the comparisons (figures of several claims side by side, with
// whether they disagree). Lines are wrapped at `width` columns. Article text is shown through the normalizer, so
// control characters and escape sequences in the input can never reach the
// terminal.
#ifndef CLAIMX_EXTRACTOR_EMIT_TEXT_H_
#define CLAIMX_EXTRACTOR_EMIT_TEXT_H_

#include <ostream>
#include <string_view>

#include "extractor/document.h"

namespace claimx {

struct TextOptions {
  bool color = false;
  size_t width = 100;
};

void WriteText(std::ostream& out, const AnnotatedDocument& doc,
               std::string_view original, const TextOptions& options);

}  // namespace claimx

#endif  // CLAIMX_EXTRACTOR_EMIT_TEXT_H_
