// Fuzz target: the batch reader on arbitrary bytes, the way `claimx batch`
// reads a dump: ByteSource::FromBytes (which sniffs gzip and zstd magic, so
// the decompressors are fuzzed too) -> LineReader -> ParseJsonlRecord.
//
// Checks the reader's contract (line_reader.h, record.h): lines come in
// order with consecutive numbers and increasing offsets that stay within the
// decompressed bytes delivered; a held line is never longer than the limit;
// an oversized line is reported, not held; after an error the reader stops.
// Every line parses to an Article or a RecordError with a known reason,
// never a throw or an abort; an Article has a non-empty id and, when dated,
// a YYYY-MM-DD date.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "batch/byte_source.h"
#include "batch/line_reader.h"
#include "batch/record.h"
#include "fuzz/fuzz_util.h"

namespace {

// Small enough that libFuzzer's inputs (4 KB by default) hit the oversized
// path, large enough to hold typical records.
constexpr size_t kMaxLineBytes = 512;

void CheckRecord(std::string_view line) {
  claimx::ParsedRecord parsed = claimx::ParseJsonlRecord(line, claimx::RecordFields{});
  if (const auto* article = std::get_if<claimx::Article>(&parsed)) {
    CLAIMX_FUZZ_CHECK(!article->id.empty());
    if (article->date) {
      CLAIMX_FUZZ_CHECK(article->date->size() == 10);
      CLAIMX_FUZZ_CHECK(claimx::DatePart(*article->date) == *article->date);
    }
    CLAIMX_FUZZ_CHECK(article->text.size() <= line.size());
  } else {
    const auto& error = std::get<claimx::RecordError>(parsed);
    CLAIMX_FUZZ_CHECK(!claimx::QuarantineReasonName(error.reason).empty());
    CLAIMX_FUZZ_CHECK(!error.message.empty());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  auto source = claimx::ByteSource::FromBytes(std::move(bytes), "<fuzz>");
  claimx::LineReader reader(source.get(), kMaxLineBytes);
  uint64_t expected_number = 1;
  uint64_t next_offset = 0;
  for (;;) {
    auto line = reader.Next();
    if (!line.ok()) {
      CLAIMX_FUZZ_CHECK(reader.pending_number() == expected_number);
      CLAIMX_FUZZ_CHECK(reader.pending_offset() >= next_offset);
      // Finished after an error: it must not yield more lines.
      auto after = reader.Next();
      CLAIMX_FUZZ_CHECK(!after.ok() || !after.value().has_value());
      break;
    }
    if (!line.value().has_value()) break;
    const claimx::Line& current = *line.value();
    CLAIMX_FUZZ_CHECK(current.number == expected_number);
    CLAIMX_FUZZ_CHECK(current.offset >= next_offset);
    CLAIMX_FUZZ_CHECK(current.offset + current.size <= source->bytes_delivered());
    if (current.oversized) {
      CLAIMX_FUZZ_CHECK(current.text.empty());
      CLAIMX_FUZZ_CHECK(current.size > kMaxLineBytes);
    } else {
      CLAIMX_FUZZ_CHECK(current.text.size() == current.size);
      CLAIMX_FUZZ_CHECK(current.size <= kMaxLineBytes);
      CheckRecord(current.text);
    }
    ++expected_number;
    next_offset = current.offset + current.size;
  }
  return 0;
}
