// ByteSource: the bytes of one input (a file or standard input), transparently
// decompressed.
//
// Compression is detected from the first bytes, never from the file name:
// gzip (1f 8b; concatenated members are read one after the other, as gzip -d
// does) and zstd (28 b5 2f fd; concatenated frames likewise). Anything else
// is read as is.
//
// Errors are values: a stream that ends inside a gzip member or a zstd frame
// (a truncated download, a killed compressor) and a corrupt stream are
// reported by Read() as kIoError naming the input and how many decompressed
// bytes came before; every byte before that point was delivered. Not
// thread-safe: one reader at a time.
#ifndef CLAIMX_BATCH_BYTE_SOURCE_H_
#define CLAIMX_BATCH_BYTE_SOURCE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "extractor/status.h"

namespace claimx {

enum class Compression { kNone, kGzip, kZstd };

std::string_view CompressionName(Compression compression);

class ByteSource {
 public:
  virtual ~ByteSource() = default;

  // Opens `path`; "-" is standard input (never closed). kNotFound when the
  // file cannot be opened.
  static Result<std::unique_ptr<ByteSource>> Open(const std::string& path);

  // A source over bytes in memory, named `name` in errors (tests, fuzzing).
  static std::unique_ptr<ByteSource> FromBytes(std::string bytes,
                                               std::string name);

  // Reads up to `capacity` decompressed bytes into `out`. Returns 0 only at
  // the clean end of the input; an error after a partial read is returned by
  // the next call.
  virtual Result<size_t> Read(char* out, size_t capacity) = 0;

  // Bytes consumed from the underlying file so far (compressed bytes for a
  // compressed input): what progress and ETA are computed from.
  virtual uint64_t raw_bytes_read() const = 0;
  // Decompressed bytes delivered so far.
  virtual uint64_t bytes_delivered() const = 0;
  virtual Compression compression() const = 0;
  virtual const std::string& name() const = 0;
};

}  // namespace claimx

#endif  // CLAIMX_BATCH_BYTE_SOURCE_H_
