// ReadWithSimdjson: one JSONL line parsed by the calling thread's simdjson
// parser (Debian libsimdjson-dev), the one both of the db's line readers
// use: ParseJsonLine (db/json_line.h) and FlattenJsonLine (db/rows.h).
//
// Returns false when simdjson refuses the line (invalid JSON, an integer
// past 64 bits, nesting past its depth limit) or it is longer than
// kSimdjsonMaxLineBytes; the callers then read it with nlohmann. `root`
// points into the parser's buffers: it is valid until this thread's next
// call. Thread safe: each thread keeps its own parser.
#ifndef CLAIMX_DB_SIMDJSON_LINE_H_
#define CLAIMX_DB_SIMDJSON_LINE_H_

#include <cstddef>
#include <string_view>

#include <simdjson.h>

namespace claimx::db {

// Longer lines go to nlohmann: simdjson's parser keeps buffers of several
// times the longest line it read, for the life of the thread.
inline constexpr size_t kSimdjsonMaxLineBytes = size_t{4} << 20;

bool ReadWithSimdjson(std::string_view line, simdjson::dom::element* root);

}  // namespace claimx::db

#endif  // CLAIMX_DB_SIMDJSON_LINE_H_
