// Scorer of claims (who says what) against the hand-annotated source gold
// (corpora/fr/source/eval_wikinews.jsonl; guidelines in corpora/fr/source/
// EVAL.md, figures in docs/eval/sources.md).
//
// The gold holds offsets and checksums only, never article text: each claim
// is a statement span [start, end) in the bytes of a corpus document, its
// type, its cue span (none when the quote is attributed by context), its
// source (canonical name, aliases, type, role) and how the source is referred
// to at the cue (speaker_form). A short SHA-1 prefix of the statement bytes
// and of the cue bytes detects a corpus that changed under the gold.
//
// Matching, per document, one-to-one and greedy by overlap:
//   * a predicted claim and a gold claim span-match when the bytes their
//     statements share are at least half of the longer of the two spans;
//   * they match when they span-match AND the predicted source name,
//     normalized (NormalizeSourceName), equals the gold name or an alias;
//   * predicted `unattributed` claims are ignored: the gold annotates only
//     attributed statements.
// Claims P/R/F1 count matches; span P/R/F1 count span matches (source
// ignored); speaker accuracy is the share of span-matched pairs whose source
// matches, overall and per gold speaker_form.
//
// Thread safety: everything here is a pure function of its arguments.
#ifndef CLAIMX_TOOLS_EVAL_SOURCE_EVAL_H_
#define CLAIMX_TOOLS_EVAL_SOURCE_EVAL_H_

#include <map>
#include <ostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "extractor/annotator.h"
#include "extractor/document.h"
#include "extractor/span.h"
#include "extractor/status.h"

namespace claimx::eval {

// The values the gold may use; LoadSourceGold refuses anything else.
inline constexpr std::string_view kGoldClaimTypes[] = {"direct", "indirect", "according_to",
                                                       "mixed"};
inline constexpr std::string_view kGoldSourceTypes[] = {
    "person", "organization", "government", "anonymous", "document", "media"};
// "context": the source is not named in the statement's sentence, which has
// no cue; the quote belongs to the speaker of the text around it (EVAL.md).
// A claim with no cue may still have another form ("La chaîne met « ... »").
inline constexpr std::string_view kSpeakerForms[] = {
    "name", "title", "pronoun", "surname", "organization", "anonymous", "context"};

struct GoldSource {
  std::string name;  // canonical: the full name the article introduces
  std::vector<std::string> aliases;
  std::string type;  // one of kGoldSourceTypes
  std::optional<std::string> role;
};

struct GoldClaim {
  std::string id;   // "<doc>.<nn>"
  std::string doc;  // corpus document id
  std::string type;  // one of kGoldClaimTypes
  Span span;         // the statement, bytes of the document
  std::string sha1;  // first 8 hex digits of SHA-1 of the statement bytes
  std::optional<Span> cue;
  std::string cue_sha1;  // empty when there is no cue
  GoldSource source;
  std::string speaker_form;  // one of kSpeakerForms
  int line = 0;              // in the gold file, for messages
};

struct SourceGold {
  std::vector<std::string> documents;  // every annotated document, even empty
  std::vector<GoldClaim> claims;       // in file order
};

// Reads the gold: a header line {"kind": "header", "documents": [...]} then
// one {"kind": "claim", ...} per line. Checks every field's presence, type
// and vocabulary, that spans are well formed, that each claim's document is
// listed and that ids are unique; errors name the file and line.
Result<SourceGold> LoadSourceGold(const std::string& file);

// The first 8 hex digits of the SHA-1 of `bytes` (what `sha1sum` prints).
std::string Sha1Prefix8(std::string_view bytes);

// Checks one claim against its document's bytes: spans inside the text and
// checksums equal. The error names the claim id and what differs.
Status CheckGoldClaim(const GoldClaim& claim, std::string_view text);

// Lower-cased, diacritics stripped, hyphens and punctuation as spaces (the
// place key folding, FoldPlaceKey), then leading articles dropped ("le", "la",
// "les", "l'", "un", "une", "des", "du"): "l'ONG Airwars" and "ONG Airwars",
// "M. Houdré" and "M.Houdre" are equal.
std::string NormalizeSourceName(std::string_view name);

// True when `predicted` names the gold source (its name or an alias).
bool SourceMatches(const GoldSource& gold, std::string_view predicted);

// What the scorer needs of a predicted claim.
struct PredictedClaim {
  std::string type;  // ClaimTypeName: direct, ..., unattributed
  Span span;
  std::optional<std::string> source;  // the predicted source name
};

std::vector<PredictedClaim> PredictedClaims(const AnnotatedDocument& document);

// The predicted claims of one document, next to its gold ones.
struct DocumentPrediction {
  std::string doc;
  std::string text;  // for error listings; may be empty
  std::vector<PredictedClaim> claims;
};

struct SourceError {  // for reading the errors, not for scoring
  std::string doc;
  std::string what;  // "missed", "spurious", "wrong_source"
  std::string gold_id;
  std::optional<Span> gold_span;
  std::optional<Span> predicted_span;
  std::string gold_source;
  std::string predicted_source;
};

struct PRF {
  size_t gold = 0;
  size_t predicted = 0;
  size_t matched = 0;
  double Precision() const { return predicted ? double(matched) / predicted : 0; }
  double Recall() const { return gold ? double(matched) / gold : 0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct SpeakerScore {
  size_t gold = 0;         // gold claims with this form
  size_t span_matched = 0;  // of which span-matched
  size_t correct = 0;       // of which with the right source
  double Accuracy() const { return span_matched ? double(correct) / span_matched : 0; }
};

struct SourceReport {
  size_t documents = 0;
  size_t ignored_unattributed = 0;
  PRF claims;  // span and source
  PRF spans;   // span only
  SpeakerScore speaker;
  std::map<std::string, SpeakerScore> speaker_by_form;
  std::map<std::string, PRF> claims_by_type;  // recall per gold type
  std::map<std::string, PRF> claims_by_doc;
  std::vector<SourceError> errors;
};

// Scores `predictions` (one entry per document, documents without one count
// as predicting nothing) against the gold claims of `gold.documents`.
SourceReport ScoreSources(const SourceGold& gold,
                          const std::vector<DocumentPrediction>& predictions);

// Reads each gold document from `corpus_dir` (index.jsonl gives file and
// date), checks every gold claim against it (CheckGoldClaim), annotates it
// with `annotator` and scores the claims. Fails on a missing document or a
// checksum mismatch.
Result<SourceReport> EvaluateSources(const Annotator& annotator, const SourceGold& gold,
                                     const std::string& corpus_dir,
                                     std::vector<DocumentPrediction>* predictions = nullptr);

std::string FormatSourceReport(const SourceReport& report);
// One line per error, per document; statements quoted from the document
// text when `predictions` carries it.
std::string FormatSourceErrors(const SourceReport& report, const SourceGold& gold,
                               const std::vector<DocumentPrediction>& predictions);
nlohmann::json SourceReportToJson(const SourceReport& report);

// claimx-eval --sources: loads the gold, evaluates it over `corpus_dir`,
// writes the report (and, when `verbose`, the errors of each document) to
// `out`; returns the report as JSON.
Result<nlohmann::json> RunSourceEval(const Annotator& annotator, const std::string& gold_file,
                                     const std::string& corpus_dir, bool verbose,
                                     std::ostream& out);

}  // namespace claimx::eval

#endif  // CLAIMX_TOOLS_EVAL_SOURCE_EVAL_H_
