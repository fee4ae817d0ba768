// Quarantine: where refused records go, one JSON object per line, so that
// nothing read is ever silently lost.
//
//   {"error": "invalid JSON at byte 12 of the line", "reason": "invalid_json",
//    "input": "dump.jsonl.gz", "line": 1742, "offset": 5308121,
//    "id": null, "excerpt": "{\"id\": 17, \"text\": ..."}
//
// `error` is the message, `reason` its stable code (QuarantineReasonName),
// `line` is null for a file article, `offset` the decompressed byte offset of
// the record's start (of the NUL byte for a binary file), `id` the record's
// id when it had a usable one, `excerpt` the record's first bytes ("" when
// not kept: oversized records are never held). A top-level "error" field is
// what tells a quarantine line from a document line (`--mapper` writes both
// to one stream; `claimx load` skips quarantine lines).
#ifndef CLAIMX_BATCH_QUARANTINE_H_
#define CLAIMX_BATCH_QUARANTINE_H_

#include <memory>
#include <optional>
#include <string>
#include <unordered_set>

#include "batch/input.h"
#include "batch/record.h"
#include "extractor/status.h"

namespace claimx {

struct QuarantineEntry {
  RecordLocation where;
  RecordError error;
  std::string excerpt;
};

// One line, without its '\n'.
std::string QuarantineEntryToJson(const QuarantineEntry& entry);

class QuarantineSink {
 public:
  virtual ~QuarantineSink() = default;
  // Records one entry; an error (disk full) is returned, never swallowed.
  virtual Status Add(const QuarantineEntry& entry) = 0;
  virtual Status Close() = 0;
  virtual size_t added() const = 0;  // entries recorded by this run
};

// A quarantine JSONL file, created on the first entry (a clean run leaves no
// file). Resumable like the output: a torn last line is cut on open and an
// entry already in the file (same input, line, offset and reason) is not
// written twice by a re-run. Called from one thread at a time.
class QuarantineFile : public QuarantineSink {
 public:
  static Result<std::unique_ptr<QuarantineFile>> Open(const std::string& path);
  ~QuarantineFile() override;
  Status Add(const QuarantineEntry& entry) override;
  Status Close() override;
  size_t added() const override { return added_; }
  const std::string& path() const { return path_; }

 private:
  explicit QuarantineFile(std::string path) : path_(std::move(path)) {}
  std::string path_;
  int fd_ = -1;
  std::unordered_set<std::string> existing_;  // keys of entries already in the file
  size_t added_ = 0;
};

// Quarantine lines written to a descriptor the caller owns (standard output
// in --mapper mode), unbuffered so they interleave with document lines.
class QuarantineStream : public QuarantineSink {
 public:
  explicit QuarantineStream(int fd) : fd_(fd) {}
  Status Add(const QuarantineEntry& entry) override;
  Status Close() override { return Status::Ok(); }
  size_t added() const override { return added_; }

 private:
  int fd_;
  size_t added_ = 0;
};

}  // namespace claimx

#endif  // CLAIMX_BATCH_QUARANTINE_H_
