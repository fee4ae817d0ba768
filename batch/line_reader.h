// LineReader: the lines of a ByteSource, with their number and byte offset,
// in bounded memory.
//
// A line ends at '\n' (a '\r' before it is dropped) or at the end of the
// input. A line longer than `max_line_bytes` is never held in memory: its
// bytes are skipped as they stream past and the reader returns it with
// `oversized` set and its size, so the caller can report it and go on. The
// reader's memory is therefore O(max_line_bytes) whatever the input.
//
// Offsets count decompressed bytes from the start of the input (what `sed`
// or `zcat | tail -c` would show), line numbers start at 1. Not thread-safe.
#ifndef CLAIMX_BATCH_LINE_READER_H_
#define CLAIMX_BATCH_LINE_READER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "batch/byte_source.h"
#include "extractor/status.h"

namespace claimx {

struct Line {
  std::string_view text;  // without the line end; empty when oversized;
                          // valid until the next call to Next()
  uint64_t number = 0;    // 1-based
  uint64_t offset = 0;    // decompressed byte offset of its first byte
  uint64_t size = 0;      // bytes, line end excluded
  bool oversized = false;
};

class LineReader {
 public:
  LineReader(ByteSource* source, size_t max_line_bytes);

  // The next line, nullopt at the clean end of the input. On a read error
  // (truncated or corrupt compressed stream, I/O error) returns the error;
  // the line it interrupted is described by pending_number() and
  // pending_offset(), and every earlier line was returned whole. The reader
  // is finished after an error.
  Result<std::optional<Line>> Next();

  uint64_t pending_number() const { return number_ + 1; }
  uint64_t pending_offset() const { return offset_; }
  uint64_t pending_bytes() const { return buffer_.size() - begin_ + skipped_; }

 private:
  Status Fill();

  ByteSource* source_;
  size_t max_line_bytes_;
  std::string buffer_;
  size_t begin_ = 0;       // start of the current line in buffer_
  size_t scanned_ = 0;     // bytes after begin_ already searched for '\n'
  uint64_t skipped_ = 0;   // bytes of an oversized line dropped so far
  uint64_t number_ = 0;    // lines returned so far
  uint64_t offset_ = 0;    // offset of the current line
  bool at_end_ = false;
  bool failed_ = false;
};

}  // namespace claimx

#endif  // CLAIMX_BATCH_LINE_READER_H_
