// InputReader: the article records of every input of a batch run, in order.
//
// An input is
//   - a JSONL file (or "-", standard input): one record per line, fields
//     named by RecordFields; blank lines are not records;
//   - a directory: every .txt, .html and .htm file under it, recursively, in
//     byte order of their paths, one article each; the id is the path below
//     the directory without its extensions ("2016/afp-123"); hidden files and
//     other extensions are skipped (counted in skipped_files()). An optional
//     sidecar `index.jsonl` in a directory gives per-file metadata, one line
//     per file: {"file": "afp-123.txt", "id": ..., "date": ..., "title": ...,
//     "url": ...} (every field but "file" optional);
//   - any of these files compressed with gzip or zstd (ByteSource detects it
//     from the magic bytes; a .gz/.zst/.zstd suffix is dropped from the id).
//
// Next() never fails: a record that cannot be used comes back as a
// RecordError with its place, so the caller can quarantine it and go on. A
// record over max_record_bytes (a JSONL line, or an article file after
// decompression) is refused without being held in memory. The reader's
// memory is O(max_record_bytes + the largest directory listing).
//
// Not thread-safe, except raw_bytes_read(), which a progress thread may read.
#ifndef CLAIMX_BATCH_INPUT_H_
#define CLAIMX_BATCH_INPUT_H_

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "batch/byte_source.h"
#include "batch/line_reader.h"
#include "batch/record.h"
#include "extractor/status.h"

namespace claimx {

// Where a record comes from: the input file (a file inside a directory for
// directory inputs), the 1-based line for JSONL (nullopt for a file
// article), and the decompressed byte offset of its first byte.
struct RecordLocation {
  std::string input;
  std::optional<uint64_t> line;
  uint64_t offset = 0;
};

struct InputRecord {
  RecordLocation where;
  ParsedRecord content;
  std::string excerpt;  // the record's first bytes, for a quarantine entry
};

struct InputOptions {
  RecordFields fields;
  size_t max_record_bytes = size_t{16} << 20;
  std::optional<std::string> default_date;  // for records without a date
};

class InputReader {
 public:
  // Fails (kNotFound) when an input does not exist, before reading anything.
  static Result<std::unique_ptr<InputReader>> Open(std::vector<std::string> inputs,
                                                   InputOptions options);

  std::optional<InputRecord> Next();

  // Bytes read from the input files so far (compressed bytes for compressed
  // files) and their total size (0 when unknown: standard input).
  uint64_t raw_bytes_read() const { return raw_bytes_read_.load(std::memory_order_relaxed); }
  uint64_t total_bytes() const { return total_bytes_; }
  size_t skipped_files() const { return skipped_files_; }

 private:
  struct SidecarEntry {
    std::optional<std::string> id, date, title, url;
    std::optional<RecordError> error;
  };
  struct DirectoryFrame {
    std::filesystem::path dir;
    std::vector<std::filesystem::path> entries;  // sorted
    size_t next = 0;
    std::map<std::string, SidecarEntry> sidecar;  // by file name
  };

  InputReader(std::vector<std::string> inputs, InputOptions options, uint64_t total);
  std::optional<InputRecord> NextJsonlRecord();
  std::optional<InputRecord> NextDirectoryRecord();
  InputRecord ReadArticleFile(const std::filesystem::path& file, const DirectoryFrame& frame);
  void PushDirectory(const std::filesystem::path& dir);
  void NoteRawBytes(uint64_t bytes) { raw_bytes_read_.fetch_add(bytes, std::memory_order_relaxed); }

  std::vector<std::string> inputs_;
  InputOptions options_;
  size_t next_input_ = 0;

  std::string root_;  // the directory input being walked
  std::vector<DirectoryFrame> directories_;

  std::unique_ptr<ByteSource> source_;  // the JSONL input being read
  std::unique_ptr<LineReader> lines_;
  uint64_t source_raw_counted_ = 0;

  std::atomic<uint64_t> raw_bytes_read_{0};
  uint64_t total_bytes_ = 0;
  size_t skipped_files_ = 0;
};

// The article kind a file name names, after dropping .gz/.zst/.zstd:
// "txt", "html" (for .html and .htm) or "" (not an article file).
std::string ArticleFileKind(const std::filesystem::path& file);

}  // namespace claimx

#endif  // CLAIMX_BATCH_INPUT_H_
