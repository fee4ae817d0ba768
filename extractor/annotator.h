// Annotator: the whole pipeline for one article.
//
//   bytes -> Normalize -> Segment -> recognizers -> claims -> AnnotatedDocument
//
// The annotator owns the per-thread state (ICU break iterators) and shares
// the immutable rule book. Every span it returns indexes the ORIGINAL input.
//
// Thread safety: Annotate() must not run on two threads at once on the same
// Annotator; Clone() one per worker thread (clones share the rules).
#ifndef CLAIMX_EXTRACTOR_ANNOTATOR_H_
#define CLAIMX_EXTRACTOR_ANNOTATOR_H_

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "extractor/claim_linker.h"
#include "extractor/comparison.h"
#include "extractor/date.h"
#include "extractor/normalizer.h"
#include "extractor/document.h"
#include "extractor/place.h"
#include "extractor/quantity.h"
#include "extractor/rules.h"
#include "extractor/segmenter.h"
#include "extractor/status.h"

namespace claimx {

struct DocumentOptions {
  std::string id;
  std::optional<std::string> date;  // YYYY-MM-DD; checked by Annotate
  // A cooperative time budget: checked between sentences, so one sentence
  // (and the normalization and segmentation before the first) always runs to
  // its end. Past it, Annotate returns kResourceExhausted.
  std::optional<std::chrono::steady_clock::time_point> deadline = std::nullopt;
};

// What the annotator saw on the way, for tools that explain its output
// (extractor/explain.h): the normalized text the rules ran on and the
// sentences in normalized offsets. Filled only when asked for, so the normal
// path pays nothing.
struct AnnotationTrace {
  NormalizedText normalized;
  std::vector<Span> sentences;  // normalized offsets, as the recognizers saw them
};

struct AnnotatorOptions {
  // Larger inputs are refused with kResourceExhausted before any work, so
  // one huge record cannot take the memory of a whole batch.
  size_t max_document_bytes = size_t{256} << 20;
};

class Annotator {
 public:
  static Result<std::unique_ptr<Annotator>> Create(
      std::shared_ptr<const RuleBook> rules, AnnotatorOptions options = {});

  std::unique_ptr<Annotator> Clone() const;

  // Annotates one article. Fails only on a bad option (malformed date), an
  // input over max_document_bytes or a passed deadline; any byte sequence is otherwise accepted
  // (invalid UTF-8 is repaired and counted in info.normalization).
  Result<AnnotatedDocument> Annotate(std::string_view original,
                                     const DocumentOptions& options,
                                     AnnotationTrace* trace = nullptr) const;

  const RuleBook& rules() const { return *rules_; }

 private:
  Annotator(std::shared_ptr<const RuleBook> rules, AnnotatorOptions options,
            std::unique_ptr<Segmenter> segmenter, QuantityRecognizer quantities,
            DateRecognizer dates, PlaceRecognizer places,
            ClaimLinker claims, ClaimComparer comparer);

  std::shared_ptr<const RuleBook> rules_;
  AnnotatorOptions options_;
  std::unique_ptr<Segmenter> segmenter_;
  QuantityRecognizer quantities_;
  DateRecognizer dates_;
  PlaceRecognizer places_;
  ClaimLinker claims_;
  ClaimComparer comparer_;
};

// True for a real calendar date written YYYY-MM-DD.
bool IsIsoDate(std::string_view date);

}  // namespace claimx

#endif  // CLAIMX_EXTRACTOR_ANNOTATOR_H_
