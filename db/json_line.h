// ParseJsonLine: one JSONL line into an nlohmann::ordered_json, the same
// value nlohmann::ordered_json::parse gives (member order kept; a repeated
// key keeps its first position and its last value), built faster.
//
// Why: `claimx load` spent about half of its time parsing, and a fifth in
// ordered_json's objects growing one member at a time — each growth copies
// every member, since an ordered_map's keys are const and cannot be moved.
// Here each object's members are gathered with movable keys and the object
// is built once, at its closing brace.
//
// simdjson (Debian libsimdjson-dev) reads the line, and the tree is built
// from its own: nlohmann's lexer, which appends every character of a
// string one push_back at a time, was most of the parse. Lines simdjson
// refuses go to nlohmann's SAX parser (the earlier code), so that errors
// and nlohmann's own leniencies (integers past 64 bits read as doubles)
// stay as they were.
//
// On invalid JSON, returns an InvalidArgument naming the byte offset (as
// nlohmann's parse_error::byte counts it) and nlohmann's message. Thread
// safe: each thread keeps its own simdjson parser.
#ifndef CLAIMX_DB_JSON_LINE_H_
#define CLAIMX_DB_JSON_LINE_H_

#include <string_view>

#include <nlohmann/json.hpp>

#include "extractor/status.h"

namespace claimx::db {

Result<nlohmann::ordered_json> ParseJsonLine(std::string_view line);

}  // namespace claimx::db

#endif  // CLAIMX_DB_JSON_LINE_H_
