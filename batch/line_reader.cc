#include "batch/line_reader.h"

#include <algorithm>
#include <cstring>

namespace claimx {

namespace {
constexpr size_t kReadChunk = size_t{1} << 20;
}  // namespace

LineReader::LineReader(ByteSource* source, size_t max_line_bytes)
    : source_(source), max_line_bytes_(max_line_bytes) {}

Status LineReader::Fill() {
  // Keep only the current line's bytes, then append a chunk after them.
  if (begin_ > 0) {
    buffer_.erase(0, begin_);
    begin_ = 0;
  }
  size_t old_size = buffer_.size();
  buffer_.resize(old_size + kReadChunk);
  auto n = source_->Read(buffer_.data() + old_size, kReadChunk);
  if (!n.ok()) {
    buffer_.resize(old_size);
    return n.status();
  }
  buffer_.resize(old_size + *n);
  if (*n == 0) at_end_ = true;
  return Status::Ok();
}

Result<std::optional<Line>> LineReader::Next() {
  if (failed_) return IoError(source_->name() + ": read after an error");
  while (true) {
    const char* start = buffer_.data() + begin_;
    size_t available = buffer_.size() - begin_;
    const void* newline = std::memchr(start + scanned_, '\n', available - scanned_);
    if (newline != nullptr || (at_end_ && (available > 0 || skipped_ > 0))) {
      size_t length = newline != nullptr
                          ? static_cast<size_t>(static_cast<const char*>(newline) - start)
                          : available;
      Line line;
      line.number = ++number_;
      line.offset = offset_;
      line.size = skipped_ + length;
      line.oversized = skipped_ > 0 || length > max_line_bytes_;
      size_t text_length = length;
      if (text_length > 0 && start[text_length - 1] == '\r') --text_length;
      if (!line.oversized) line.text = std::string_view(start, text_length);
      if (line.size > 0 && !line.oversized && text_length < length) line.size = text_length;
      size_t consumed = length + (newline != nullptr ? 1 : 0);
      offset_ += skipped_ + consumed;
      begin_ += consumed;
      scanned_ = 0;
      skipped_ = 0;
      return std::optional<Line>(line);
    }
    if (at_end_) return std::optional<Line>();
    if (available > max_line_bytes_) {
      // Drop the oversized line's bytes as they come.
      skipped_ += available;
      begin_ = buffer_.size();
      scanned_ = 0;
    } else {
      scanned_ = available;
    }
    Status status = Fill();
    if (!status.ok()) {
      failed_ = true;
      return status;
    }
  }
}

}  // namespace claimx
