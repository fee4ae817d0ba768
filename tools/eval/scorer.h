// Scorer for claimx-eval: matches the mentions the library finds against
// gold entities (FTiB TIMEX3, Duckling's corpus) and reports, per expected
// type, extraction precision/recall/F1 (exact span and overlap) and value
// accuracy.
//
// The dimensions it knows are a table (TypeAdapters()): one row per expected
// type saying which mention kind answers it and how a value is compared. The
// date types (date, time, duration, set, range) are rows today; the quantity
// types (number, money, money_range, temperature, distance, volume, product,
// percent) are rows too, from tools/eval/quantity_eval.h.
//
// Cases the project leaves out by design are listed in out_of_scope.yaml (a
// suite, a regular expression over the input, a reason); they are counted and
// reported with their reason, never silently dropped. Cases whose expected
// type has no row are reported the same way ("no scorer for type ...").
#ifndef CLAIMX_TOOLS_EVAL_SCORER_H_
#define CLAIMX_TOOLS_EVAL_SCORER_H_

#include <filesystem>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "extractor/annotator.h"
#include "extractor/span.h"
#include "extractor/status.h"

namespace claimx::eval {

// The bytes of the file at `path`; empty when it cannot be read.
std::string ReadAll(const std::filesystem::path& path);

struct GoldEntity {
  std::string type;   // lower case: date, time, duration, set, range, number...
  Span span;          // byte offsets into the case text
  std::string value;  // as annotated
};

struct EvalCase {
  std::string id;
  std::string text;
  std::optional<std::string> document_date;  // YYYY-MM-DD
  std::vector<GoldEntity> expected;          // empty: nothing must be found
  // A type whose mentions are all scored even where nothing is expected
  // (the type of a no-entity case; "date" for a fully annotated corpus).
  std::string negative_for;
};

struct OutOfScopeRule {
  std::string suite;
  std::string pattern;  // ECMAScript regex, searched in the case text
  std::string reason;
  std::regex regex;
};

// FTiB: <dir>/index.jsonl, <name>.txt, <name>.timex.jsonl (byte offsets).
Result<std::vector<EvalCase>> LoadFtib(const std::string& dir);
// Duckling suite JSONL: the Time cases (with a reference date), the Duration
// corpus and the quantity corpora (number, ordinal, money, dimensions; typed
// and valued by quantity_eval.h). Code point spans become byte spans.
Result<std::vector<EvalCase>> LoadDuckling(const std::string& file);
// tools/eval/out_of_scope.yaml: a list of {suite, pattern, reason}.
Result<std::vector<OutOfScopeRule>> LoadOutOfScope(const std::string& file);

struct TypeScore {
  size_t gold = 0;
  size_t predicted = 0;
  size_t exact = 0;           // matched pairs with identical spans
  size_t overlap = 0;         // matched pairs (spans overlap)
  size_t value_correct = 0;   // among overlap pairs

  double Precision(size_t tp) const { return predicted ? double(tp) / predicted : 0; }
  double Recall(size_t tp) const { return gold ? double(tp) / gold : 0; }
  double F1(size_t tp) const {
    double p = Precision(tp), r = Recall(tp);
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  double ValueAccuracy() const { return overlap ? double(value_correct) / overlap : 0; }
  void Add(const TypeScore& other);
};

struct Skipped {
  std::string id;
  std::string text;
  std::string reason;
};

struct Mismatch {  // for reading the errors, not for scoring
  std::string id;
  std::string what;  // "missed", "spurious", "value"
  std::string gold;
  std::string found;
};

struct EvalReport {
  std::string suite;
  size_t cases = 0;  // scored
  std::map<std::string, TypeScore> by_type;
  TypeScore total;
  std::vector<Skipped> skipped;
  std::vector<Mismatch> mismatches;
};

// TIMEX3 values compared by meaning: "T15:00" equals "T15", "196X" equals
// "196", seconds ":00" dropped.
std::string NormalizeTimex(std::string_view value);

EvalReport Evaluate(const Annotator& annotator, const std::string& suite,
                    const std::vector<EvalCase>& cases,
                    const std::vector<OutOfScopeRule>& out_of_scope);

std::string FormatReport(const EvalReport& report);
nlohmann::json ReportToJson(const EvalReport& report);

}  // namespace claimx::eval

#endif  // CLAIMX_TOOLS_EVAL_SCORER_H_
