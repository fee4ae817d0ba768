// Article records: what one input unit (a JSONL line, a file) holds, and why
// one may be refused.
//
// ParseJsonlRecord is the JSONL entry point, bytes in, an Article or a
// RecordError out, for the batch reader and for the fuzzer: it never throws,
// never aborts, and its memory is linear in the line.
#ifndef CLAIMX_BATCH_RECORD_H_
#define CLAIMX_BATCH_RECORD_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace claimx {

// Why a record went to quarantine; the snake_case name is the `reason`
// field of a quarantine line (docs/batch.md lists them).
enum class QuarantineReason {
  kInvalidJson,      // the line is not one JSON object
  kMissingText,      // no text field
  kBadField,         // text, id, title or url of the wrong type; empty id
  kMissingId,        // no id field
  kBadDate,          // a date that is not YYYY-MM-DD (a time after it is allowed)
  kTooLarge,         // over --max-doc-bytes
  kTimeout,          // over --doc-timeout-ms
  kTruncatedInput,   // the input (or its gzip/zstd stream) ends inside the record
  kReadError,        // the input could not be read or decompressed
  kBinaryFile,       // a NUL byte in an article file
  kDuplicateId,      // an id seen earlier in the run (or stored) with other text
  kAnnotateFailed,   // the annotator refused the document
};

std::string_view QuarantineReasonName(QuarantineReason reason);

// The names of the JSONL fields (flags --id-field, --text-field...).
struct RecordFields {
  std::string id = "id";
  std::string date = "date";
  std::string title = "title";
  std::string text = "text";
  std::string url = "url";
};

struct Article {
  std::string id;
  std::optional<std::string> date;  // YYYY-MM-DD
  std::optional<std::string> title;
  std::optional<std::string> url;
  std::string text;  // the bytes every output offset indexes
};

struct RecordError {
  QuarantineReason reason;
  std::string message;
  std::optional<std::string> id;  // when the record had a usable one
};

using ParsedRecord = std::variant<Article, RecordError>;

// One JSON object per line. id: a non-empty string or an integer (written
// as its decimal form). text: a string. date: a string starting with
// YYYY-MM-DD (an ISO datetime keeps its date part), or null/absent. title,
// url: strings, or null/absent. Other fields are ignored; of duplicate keys
// the last counts.
//
// Records as the batch expects them are read by simdjson (Debian
// libsimdjson-dev), at about a tenth of the instructions per byte of
// nlohmann's parser, which built every character of the text into its
// string one push_back at a time. Any other line (invalid JSON, a field of
// another type, a bad date, a line over kJsonlFastPathMaxBytes) goes to
// ParseJsonlRecordWithNlohmann, the reference, which accepts or refuses it
// with its own messages; tests compare the two on every record.
ParsedRecord ParseJsonlRecord(std::string_view line, const RecordFields& fields);
ParsedRecord ParseJsonlRecordWithNlohmann(std::string_view line, const RecordFields& fields);

// Lines longer than this take the reference path: simdjson's parser keeps,
// per thread, buffers of several times the longest line it read.
inline constexpr size_t kJsonlFastPathMaxBytes = size_t{1} << 20;

// "2016-11-10", "2016-11-10T08:00:00Z" -> "2016-11-10"; nullopt otherwise.
std::optional<std::string> DatePart(std::string_view value);

}  // namespace claimx

#endif  // CLAIMX_BATCH_RECORD_H_
