// DocumentSink: where annotated articles go when claimx runs over a dump —
// a JSONL stream (batch/), a SQLite file or a PostgreSQL database (db/).
//
// The batch runner hands a sink batches of documents in input order (or in
// completion order with --unordered). Each document is the schema v1 object
// of docs/schema.md, exactly as DocumentToJson (extractor/emit_json.h) builds
// it, with batch fields added to the open `doc` object:
//   doc.content_hash  hex digest of the original article bytes (always)
//   doc.title, doc.url  when the input record has them
// `claimx load` reads that same object back from JSONL and feeds the same
// sinks, so a database loaded from a mapper run equals one written directly.
//
// Resume contract: a document is identified by (doc.id, doc.content_hash).
// A re-run skips documents whose id is stored with the same hash; an id stored
// with a different hash is a conflict the runner reports (never a silent
// overwrite, never a duplicate row).
#ifndef CLAIMX_BATCH_SINK_H_
#define CLAIMX_BATCH_SINK_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "extractor/status.h"

namespace claimx {

// A document already serialized by the runner, for sinks that store JSON
// text (StoresJsonText): `json` is the line a JSONL sink writes, the bytes
// of DumpJson(document, -1) (AppendDocumentJsonLine writes them directly); `id` and `content_hash` are its doc.id and doc.content_hash.
struct SerializedDocument {
  std::string json;
  std::string id;
  std::string content_hash;
};

class DocumentSink {
 public:
  virtual ~DocumentSink() = default;

  // Whether the sink stores each document as its JSON text. The runner then
  // serializes documents in its worker threads, in parallel and where they
  // were built (so their many small blocks are freed by the thread that
  // allocated them), and calls WriteSerialized instead of Write.
  virtual bool StoresJsonText() const { return false; }

  // The content hash stored for `doc_id` by an earlier (possibly killed) run,
  // or nullopt when the document is not stored.
  virtual Result<std::optional<std::string>> StoredHash(
      std::string_view doc_id) = 0;

  // Stores a batch atomically: after a crash or kill -9 at any point, either
  // every document of the batch is stored or none is. Errors (disk full,
  // server gone) are returned, never swallowed; the sink stays consistent.
  virtual Status Write(const std::vector<nlohmann::ordered_json>& batch) = 0;

  // Write, for documents the runner serialized (StoresJsonText() sinks only;
  // the others are never called with it and refuse).
  virtual Status WriteSerialized(const std::vector<SerializedDocument>& batch) {
    (void)batch;
    return Status(StatusCode::kInternal, "this sink takes documents, not their JSON text");
  }

  // Flushes and releases the sink. Documents written before a failed Close
  // are still stored; the status says whether the run ended cleanly.
  virtual Status Close() = 0;
};

}  // namespace claimx

#endif  // CLAIMX_BATCH_SINK_H_
