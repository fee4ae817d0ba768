// JSON emitter: schema v1 (docs/schema.md, docs/schema/claimx-v1.schema.json).
//
// One JSON object per article. `text` and `statement` fields are the original
// bytes of their span; where those bytes are not valid UTF-8 the invalid
// sequences appear as U+FFFD (JSON cannot carry them), the offsets stay exact.
// Keys are emitted in a fixed order so output is byte-stable for golden tests.
#ifndef CLAIMX_EXTRACTOR_EMIT_JSON_H_
#define CLAIMX_EXTRACTOR_EMIT_JSON_H_

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "extractor/document.h"

namespace claimx {

inline constexpr std::string_view kSchemaVersion = "claimx/1";

nlohmann::ordered_json MentionToJson(const Mention& mention,
                                     std::string_view original);
// One group of the `comparisons` list. `with_doc` adds each item's document
// id, for comparisons across the articles of a batch.
nlohmann::ordered_json ComparisonToJson(const Comparison& comparison,
                                        bool with_doc);
nlohmann::ordered_json DocumentToJson(const AnnotatedDocument& doc,
                                      std::string_view original);

// Serializes `json`, replacing invalid UTF-8 rather than throwing. indent < 0
// gives one line (JSONL).
std::string DumpJson(const nlohmann::ordered_json& json, int indent);

// A string field appended to the `doc` object (the batch's content_hash,
// title, url), after its schema fields.
struct ExtraDocField {
  std::string_view key;
  std::string_view value;
};

// Appends to `line` exactly the bytes of DumpJson(DocumentToJson(doc,
// original), -1) with `extra` appended to its `doc` object, written
// directly: no JSON tree is built (building and dumping it was 22% of a
// one-worker batch run). Strings that are not valid
// UTF-8, and doubles, are still written by nlohmann (its U+FFFD
// replacement and its shortest round-trip form); emit_test checks the two
// ways agree on corpora and hostile texts.
void AppendDocumentJsonLine(const AnnotatedDocument& doc, std::string_view original,
                            const std::vector<ExtraDocField>& extra, std::string* line);

}  // namespace claimx

#endif  // CLAIMX_EXTRACTOR_EMIT_JSON_H_
