// Rows: a schema v1 document (docs/schema.md) flattened into the rows of the
// claims database (docs/db.md, schema/*.sql), independent of the engine.
//
// Flattening validates what the database needs (types of the fields it
// stores, "mN"/"cN" ids, references between claims and mentions) and reports
// the first problem naming the document id and the field. It does not check
// offsets against the text (the loader has no text): tests/validate_schema.py
// does that for emitter output.
//
// Two values are only known to the engine: the article's row id and the ids
// of sources in the `sources` table. Rows carry placeholders for them
// (ArticleRef, SourceRef) that the engine substitutes when it writes.
//
// String fields are views into the JSON object the rows were built from, or
// into strings the DocumentRows owns: the object must outlive the rows.
#ifndef CLAIMX_DB_ROWS_H_
#define CLAIMX_DB_ROWS_H_

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "extractor/status.h"

namespace claimx::db {

// The row id of the document's article, assigned by the engine.
struct ArticleRef {};
// Index into DocumentRows::sources; the engine writes that source's row id.
struct SourceRef {
  size_t index = 0;
};

// One column value. Booleans are integers 0/1 (SQLite has no boolean).
using Field = std::variant<std::monostate, int64_t, double, std::string_view,
                           ArticleRef, SourceRef>;
using Row = std::vector<Field>;

// A table of schema/*.sql and the columns the loader fills, in order.
struct TableSpec {
  std::string_view name;
  std::vector<std::string_view> columns;
};

enum TableIndex : size_t {
  kArticles = 0,
  kMentions,
  kClaims,
  kClaimMentions,
  kComparisons,
  kComparisonItems,
  kTableCount,
};

// The tables a document fills, indexed by TableIndex (sources are separate:
// they are shared between documents).
const std::vector<TableSpec>& DocumentTables();

struct SourceKey {
  std::string_view name;
  std::string_view type;
  bool operator==(const SourceKey&) const = default;
};

struct DocumentRows {
  std::string_view id;
  std::string_view content_hash;
  std::vector<SourceKey> sources;                 // distinct within the document
  std::vector<Row> tables[kTableCount];           // rows per TableIndex
  std::deque<std::string> owned;                  // storage for computed strings
  size_t claim_count = 0;
  size_t mention_count = 0;
};

// Flattens one schema v1 object. When doc.content_hash is absent (claimx
// annotate output), the rows carry JsonContentHash(document) instead.
Result<DocumentRows> FlattenDocument(const nlohmann::ordered_json& document);

// The bytes of value.dump(-1, ' ', false, error_handler_t::replace), the
// one-line JSON the database stores and hashes, written without
// nlohmann's per-character output adapter: strings that are valid UTF-8 are
// copied in runs, numbers and invalid UTF-8 go through nlohmann itself.
std::string CompactJson(const nlohmann::ordered_json& value);

// A stable digest of a document that has no doc.content_hash: "json-fnv1a64:"
// and the FNV-1a 64-bit hash of its one-line serialization, so loading the
// same annotate output twice is idempotent and a changed output conflicts.
std::string JsonContentHash(const nlohmann::ordered_json& document);

}  // namespace claimx::db

#endif  // CLAIMX_DB_ROWS_H_
