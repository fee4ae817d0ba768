// JsonlSink: the DocumentSink of `claimx batch --out FILE` (and of standard
// output): one schema v1 document per line, as batch/sink.h describes it.
//
// Resume: opening an existing FILE cuts a torn last line (a run killed
// mid-write) and reads back the (doc.id, doc.content_hash) of every line, so
// StoredHash answers for documents of earlier runs; a line that is not a
// claimx document makes Open fail rather than append to a foreign file.
// Atomicity is per line, not per batch: after kill -9 the file holds whole
// documents plus at most one torn line, which the next Open removes, so the
// resume contract (no duplicate, no missing document) holds.
// Memory: the ids and digests read back at open, about 100 bytes per
// document of the earlier runs. What this run writes is not added: StoredHash
// answers for earlier runs (batch/sink.h), and the runner knows this run's
// ids itself, so memory does not grow with the dump being written.
// Not thread-safe: the batch runner calls it from one thread at a time.
#ifndef CLAIMX_BATCH_JSONL_SINK_H_
#define CLAIMX_BATCH_JSONL_SINK_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "batch/sink.h"

namespace claimx {

class JsonlSink : public DocumentSink {
 public:
  static Result<std::unique_ptr<JsonlSink>> OpenFile(const std::string& path);
  // Writes to `fd` (not owned, not closed), standard output for instance.
  // Nothing is resumed or remembered: StoredHash always answers nullopt, so
  // memory stays constant over an endless stream.
  static std::unique_ptr<JsonlSink> ForDescriptor(int fd, std::string name);
  ~JsonlSink() override;

  Result<std::optional<std::string>> StoredHash(std::string_view doc_id) override;
  Status Write(const std::vector<nlohmann::ordered_json>& batch) override;
  bool StoresJsonText() const override { return true; }
  Status WriteSerialized(const std::vector<SerializedDocument>& batch) override;
  Status Close() override;

  size_t resumed_documents() const { return resumed_; }
  uint64_t torn_bytes_removed() const { return torn_bytes_; }

 private:
  JsonlSink(int fd, bool owns_fd, std::string name)
      : fd_(fd), owns_fd_(owns_fd), name_(std::move(name)) {}
  Status Remember(std::string_view id, std::string_view hash_hex);

  int fd_;
  bool owns_fd_;
  std::string name_;
  std::unordered_map<std::string, std::array<uint8_t, 32>> stored_;
  size_t resumed_ = 0;
  uint64_t torn_bytes_ = 0;
  std::string buffer_;
};

// The (doc.id, doc.content_hash) of one output line, read from the `doc`
// object alone (the mentions and claims after it are not parsed).
struct DocumentKey {
  std::string id;
  std::string content_hash;
};
Result<DocumentKey> ReadDocumentKey(std::string_view line);

}  // namespace claimx

#endif  // CLAIMX_BATCH_JSONL_SINK_H_
