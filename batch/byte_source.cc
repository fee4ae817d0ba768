#include "batch/byte_source.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace claimx {

std::string_view CompressionName(Compression compression) {
  switch (compression) {
    case Compression::kGzip: return "gzip";
    case Compression::kZstd: return "zstd";
    case Compression::kNone: break;
  }
  return "none";
}

namespace {

constexpr size_t kRawChunk = size_t{256} << 10;

// The raw bytes of a file descriptor or of a string, with one buffer that
// the decoders consume from.
class RawInput {
 public:
  RawInput(int fd, bool owns_fd, std::string name)
      : fd_(fd), owns_fd_(owns_fd), name_(std::move(name)) {}
  RawInput(std::string bytes, std::string name)
      : memory_(std::move(bytes)), name_(std::move(name)) {}
  ~RawInput() {
    if (owns_fd_) close(fd_);
  }
  RawInput(const RawInput&) = delete;
  RawInput& operator=(const RawInput&) = delete;

  // Unconsumed bytes, refilled from the file when empty. Empty at the end.
  Result<std::string_view> Available() {
    if (pos_ < buffer_.size()) return std::string_view(buffer_).substr(pos_);
    if (fd_ < 0) {
      if (memory_consumed_) return std::string_view();
      memory_consumed_ = true;
      buffer_ = std::move(memory_);
      pos_ = 0;
      total_ += buffer_.size();
      return std::string_view(buffer_);
    }
    buffer_.resize(kRawChunk);
    ssize_t n;
    do {
      n = read(fd_, buffer_.data(), buffer_.size());
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
      buffer_.clear();
      pos_ = 0;
      return IoError(name_ + ": read error: " + std::strerror(errno));
    }
    buffer_.resize(static_cast<size_t>(n));
    pos_ = 0;
    total_ += static_cast<uint64_t>(n);
    return std::string_view(buffer_);
  }
  void Consume(size_t n) { pos_ += n; }
  uint64_t total() const { return total_; }
  const std::string& name() const { return name_; }

 private:
  int fd_ = -1;
  bool owns_fd_ = false;
  std::string memory_;
  bool memory_consumed_ = false;
  std::string buffer_;
  size_t pos_ = 0;
  uint64_t total_ = 0;
  std::string name_;
};

class SourceBase : public ByteSource {
 public:
  explicit SourceBase(std::unique_ptr<RawInput> raw) : raw_(std::move(raw)) {}
  uint64_t raw_bytes_read() const override { return raw_->total(); }
  uint64_t bytes_delivered() const override { return delivered_; }
  const std::string& name() const override { return raw_->name(); }

 protected:
  std::unique_ptr<RawInput> raw_;
  uint64_t delivered_ = 0;
};

class PlainSource : public SourceBase {
 public:
  using SourceBase::SourceBase;
  Result<size_t> Read(char* out, size_t capacity) override {
    auto available = raw_->Available();
    if (!available.ok()) return available.status();
    size_t n = std::min(capacity, available->size());
    // An empty input's buffer may be null, and memcpy from null is undefined
    // even for 0 bytes (found by the batch_jsonl fuzzer under UBSan).
    if (n > 0) std::memcpy(out, available->data(), n);
    raw_->Consume(n);
    delivered_ += n;
    return n;
  }
  Compression compression() const override { return Compression::kNone; }
};

class GzipSource : public SourceBase {
 public:
  explicit GzipSource(std::unique_ptr<RawInput> raw) : SourceBase(std::move(raw)) {
    std::memset(&stream_, 0, sizeof(stream_));
    // 15 + 16: a gzip wrapper, the largest window.
    ok_ = inflateInit2(&stream_, 15 + 16) == Z_OK;
  }
  ~GzipSource() override { inflateEnd(&stream_); }

  Result<size_t> Read(char* out, size_t capacity) override {
    if (!ok_) return IoError(name() + ": cannot initialize zlib");
    capacity = std::min<size_t>(capacity, size_t{1} << 30);
    if (capacity == 0) return size_t{0};
    stream_.next_out = reinterpret_cast<Bytef*>(out);
    stream_.avail_out = static_cast<uInt>(capacity);
    // inflate is called even with no input left: it may still hold output
    // (a match cut short by a full buffer).
    while (stream_.avail_out == capacity) {
      auto available = raw_->Available();
      if (!available.ok()) return available.status();
      if (between_members_) {
        if (available->empty()) return size_t{0};
        inflateReset(&stream_);
        between_members_ = false;
      }
      stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(available->data()));
      stream_.avail_in = static_cast<uInt>(available->size());
      int rc = inflate(&stream_, Z_NO_FLUSH);
      raw_->Consume(available->size() - stream_.avail_in);
      if (rc == Z_STREAM_END) {
        between_members_ = true;
      } else if (rc == Z_BUF_ERROR && available->empty() &&
                 stream_.avail_out == capacity) {
        return IoError(name() + ": truncated gzip stream: the input ends inside a member, after " +
                       std::to_string(delivered_) + " decompressed bytes");
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        return IoError(name() + ": corrupt gzip stream after " +
                       std::to_string(delivered_) + " decompressed bytes: " +
                       (stream_.msg ? stream_.msg : "inflate failed"));
      }
    }
    size_t n = capacity - stream_.avail_out;
    delivered_ += n;
    return n;
  }
  Compression compression() const override { return Compression::kGzip; }

 private:
  z_stream stream_;
  bool ok_ = false;
  bool between_members_ = false;
};

class ZstdSource : public SourceBase {
 public:
  explicit ZstdSource(std::unique_ptr<RawInput> raw)
      : SourceBase(std::move(raw)), context_(ZSTD_createDCtx()) {}
  ~ZstdSource() override { ZSTD_freeDCtx(context_); }

  Result<size_t> Read(char* out, size_t capacity) override {
    if (context_ == nullptr) return IoError(name() + ": cannot initialize zstd");
    ZSTD_outBuffer output{out, capacity, 0};
    while (output.pos == 0 && capacity > 0) {
      auto available = raw_->Available();
      if (!available.ok()) return available.status();
      ZSTD_inBuffer input{available->data(), available->size(), 0};
      size_t rc = ZSTD_decompressStream(context_, &output, &input);
      raw_->Consume(input.pos);
      if (ZSTD_isError(rc)) {
        return IoError(name() + ": corrupt zstd stream after " +
                       std::to_string(delivered_) + " decompressed bytes: " +
                       ZSTD_getErrorName(rc));
      }
      // With no input, zstd answers the size of a next frame's header:
      // that says nothing about the frame just read.
      if (input.pos > 0 || output.pos > 0) frame_complete_ = rc == 0;
      // With no input left, one call flushes what zstd still holds; when it
      // produced nothing the stream is over, cleanly or not.
      if (available->empty() && output.pos == 0) {
        if (frame_complete_) return size_t{0};
        return IoError(name() + ": truncated zstd stream: the input ends inside a frame, after " +
                       std::to_string(delivered_) + " decompressed bytes");
      }
    }
    delivered_ += output.pos;
    return output.pos;
  }
  Compression compression() const override { return Compression::kZstd; }

 private:
  ZSTD_DCtx* context_;
  bool frame_complete_ = true;
};

Result<std::unique_ptr<ByteSource>> Detect(std::unique_ptr<RawInput> raw) {
  auto head = raw->Available();
  if (!head.ok()) return head.status();
  auto starts_with = [&](std::string_view magic) {
    return head->size() >= magic.size() && head->substr(0, magic.size()) == magic;
  };
  if (starts_with("\x1f\x8b")) return std::unique_ptr<ByteSource>(new GzipSource(std::move(raw)));
  if (starts_with("\x28\xb5\x2f\xfd")) {
    return std::unique_ptr<ByteSource>(new ZstdSource(std::move(raw)));
  }
  return std::unique_ptr<ByteSource>(new PlainSource(std::move(raw)));
}

}  // namespace

Result<std::unique_ptr<ByteSource>> ByteSource::Open(const std::string& path) {
  if (path == "-") {
    return Detect(std::make_unique<RawInput>(STDIN_FILENO, false, "<stdin>"));
  }
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return NotFound(path + ": " + std::strerror(errno));
  return Detect(std::make_unique<RawInput>(fd, true, path));
}

std::unique_ptr<ByteSource> ByteSource::FromBytes(std::string bytes,
                                                  std::string name) {
  auto source = Detect(std::make_unique<RawInput>(std::move(bytes), std::move(name)));
  return std::move(source).value();  // memory reads cannot fail
}

}  // namespace claimx
