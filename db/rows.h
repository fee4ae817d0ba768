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
// String fields are views into storage the DocumentRows owns (FlattenJsonLine)
// or into the JSON object they were built from (FlattenDocument: the object
// must outlive the rows).
#ifndef CLAIMX_DB_ROWS_H_
#define CLAIMX_DB_ROWS_H_

#include <cstdint>
#include <deque>
#include <memory>
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
  std::string arena;                              // strings copied from a line
  std::deque<std::string> owned;                  // computed strings
  std::unique_ptr<const nlohmann::ordered_json> tree;  // the JSON read, when kept
  size_t claim_count = 0;
  size_t mention_count = 0;
};

// Flattens one schema v1 object. When doc.content_hash is absent (claimx
// annotate output), the rows carry JsonContentHash(document) instead.
Result<DocumentRows> FlattenDocument(const nlohmann::ordered_json& document);

// Flattens one JSONL line, what `claimx load` reads: the same rows, or the
// same error, as ParseJsonLine then FlattenDocument, with the rows' strings
// owned by the DocumentRows.
//
// Why: building an nlohmann tree per line (a heap block per string, array
// and object) and freeing it was most of the load's reading thread. The line
// is read by simdjson and flattened from its tree, the strings copied into
// one arena. Lines that path cannot give exactly go the tree way: those
// simdjson refuses, those with a problem to report (so the message is the
// tree path's), and those with a repeated member name where the database
// stores JSON text (or anywhere, in a document without doc.content_hash:
// its hash is that of its whole dump), which nlohmann would write once.
Result<DocumentRows> FlattenJsonLine(std::string_view line);

// Every row of `rows` spelled out, each field with its type ("s'text'",
// "i12", "d0.5", "null", "article", "source0"), one row per line, for
// tests and fuzz targets to compare two flattenings whole.
std::string DescribeRows(const DocumentRows& rows);

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
