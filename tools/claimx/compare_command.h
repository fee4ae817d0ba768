// `claimx compare [FILE...|-]`: figures that measure the same thing across
// the articles of a batch.
//
// Reads what `claimx batch` (or `batch --mapper`, or `annotate --format
// jsonl`) wrote, one schema v1 document per line, and groups the quantity
// figures of every document's claims with ClaimComparer
// (extractor/comparison.h), as `annotate` does within one article. Writes one
// comparison per line: the `comparisons` object of docs/schema.md, every item
// with the `doc` it comes from.
//
// Memory holds the compared figures of the whole input (the claims that list
// a quantity with an entity, and their places and dates), not the articles.
// Grouping is pairwise within a measure and unit; for dumps where one measure
// has hundreds of thousands of figures, query the database instead
// (docs/db.md).
#ifndef CLAIMX_TOOLS_CLAIMX_COMPARE_COMMAND_H_
#define CLAIMX_TOOLS_CLAIMX_COMPARE_COMMAND_H_

#include <functional>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "extractor/document.h"
#include "extractor/status.h"

namespace claimx::cli {

// Adds the `compare` subcommand to `app`; the returned function runs it
// (call it when the subcommand was parsed) with argv[0], and returns the exit
// status: 0 when some figures were grouped, 1 when none were, 2 when a line
// was bad (named FILE:LINE on stderr; the others are still compared) or the
// input or output failed.
std::function<int(const char* argv0)> AddCompareCommand(CLI::App& app);

// The part of a schema v1 document that comparisons read: the id, the claims
// with their source and mention ids, and the quantity, place and date
// mentions those claims list. Claims without a quantity are dropped, so a
// document without figures costs nothing. An error names the JSON path of
// the first field that is missing or of the wrong type.
Result<AnnotatedDocument> ComparableDocumentFromJson(const nlohmann::ordered_json& doc);

}  // namespace claimx::cli

#endif  // CLAIMX_TOOLS_CLAIMX_COMPARE_COMMAND_H_
