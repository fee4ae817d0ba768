#include "batch/record.h"

#include <algorithm>
#include <cstring>
#include <memory>

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include "extractor/annotator.h"

namespace claimx {

std::string_view QuarantineReasonName(QuarantineReason reason) {
  switch (reason) {
    case QuarantineReason::kInvalidJson: return "invalid_json";
    case QuarantineReason::kMissingText: return "missing_text";
    case QuarantineReason::kBadField: return "bad_field";
    case QuarantineReason::kMissingId: return "missing_id";
    case QuarantineReason::kBadDate: return "bad_date";
    case QuarantineReason::kTooLarge: return "too_large";
    case QuarantineReason::kTimeout: return "timeout";
    case QuarantineReason::kTruncatedInput: return "truncated_input";
    case QuarantineReason::kReadError: return "read_error";
    case QuarantineReason::kBinaryFile: return "binary_file";
    case QuarantineReason::kDuplicateId: return "duplicate_id";
    case QuarantineReason::kAnnotateFailed: return "annotate_failed";
  }
  return "unknown";
}

std::optional<std::string> DatePart(std::string_view value) {
  if (value.size() > 10 && value[10] != 'T' && value[10] != ' ') return std::nullopt;
  std::string_view date = value.substr(0, 10);
  if (!IsIsoDate(date)) return std::nullopt;
  return std::string(date);
}

namespace {

using Json = nlohmann::json;

RecordError Refuse(QuarantineReason reason, std::string message,
                   std::optional<std::string> id = std::nullopt) {
  return RecordError{reason, std::move(message), std::move(id)};
}

// An optional string field: absent and null give nullopt; another type is
// an error naming the field.
std::optional<RecordError> OptionalString(const Json& record, const std::string& field,
                                          std::optional<std::string>* out) {
  auto it = record.find(field);
  if (it == record.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) {
    return Refuse(QuarantineReason::kBadField,
                  "field '" + field + "' is a " + it->type_name() + ", not a string");
  }
  *out = it->get<std::string>();
  return std::nullopt;
}

// A thread's copy of the line with the zeroed padding simdjson reads past
// its end, grown to the longest line the fast path took.
std::string_view PaddedCopy(std::string_view line) {
  struct Buffer {
    std::unique_ptr<char[]> data;
    size_t capacity = 0;
  };
  thread_local Buffer buffer;
  const size_t needed = line.size() + simdjson::SIMDJSON_PADDING;
  if (buffer.capacity < needed) {
    buffer.capacity = std::max(needed, 2 * buffer.capacity);
    buffer.data = std::make_unique<char[]>(buffer.capacity);
  }
  std::memcpy(buffer.data.get(), line.data(), line.size());
  std::memset(buffer.data.get() + line.size(), 0, simdjson::SIMDJSON_PADDING);
  return std::string_view(buffer.data.get(), line.size());
}

// An optional string field as the fast path reads it: absent or null give
// nullopt in *out; false for any other type (the reference path words the
// error).
bool OptionalString(const simdjson::dom::element* value, std::optional<std::string>* out) {
  if (value == nullptr || value->is_null()) return true;
  std::string_view s;
  if (value->get_string().get(s)) return false;
  *out = std::string(s);
  return true;
}

// The record, when it is one simdjson reads and every field the batch
// takes has the type it wants; nullopt for anything else, which the
// reference path (nlohmann) then accepts or refuses with its own words.
// As nlohmann does, the last of duplicate keys wins.
std::optional<Article> ReadTypicalRecord(std::string_view line, const RecordFields& fields) {
  if (line.size() > kJsonlFastPathMaxBytes) return std::nullopt;
  thread_local simdjson::dom::parser parser(kJsonlFastPathMaxBytes);
  const std::string_view padded = PaddedCopy(line);
  simdjson::dom::object object;
  if (parser.parse(padded.data(), padded.size(), /*realloc_if_needed=*/false).get(object)) {
    return std::nullopt;
  }
  struct Wanted {
    const std::string& name;
    std::optional<simdjson::dom::element> value;
  };
  Wanted wanted[] = {{fields.id, {}}, {fields.text, {}}, {fields.date, {}},
                     {fields.title, {}}, {fields.url, {}}};
  for (const simdjson::dom::key_value_pair field : object) {
    for (Wanted& w : wanted) {
      if (field.key == w.name) w.value = field.value;
    }
  }
  const auto found = [&](size_t k) { return wanted[k].value ? &*wanted[k].value : nullptr; };
  Article article;
  const simdjson::dom::element* id = found(0);
  if (id == nullptr) return std::nullopt;
  std::string_view id_text;
  int64_t signed_id = 0;
  uint64_t unsigned_id = 0;
  if (!id->get_string().get(id_text) && !id_text.empty()) {
    article.id = std::string(id_text);
  } else if (!id->get_int64().get(signed_id)) {
    article.id = std::to_string(signed_id);
  } else if (!id->get_uint64().get(unsigned_id)) {
    article.id = std::to_string(unsigned_id);
  } else {
    return std::nullopt;
  }
  std::string_view text;
  if (found(1) == nullptr || found(1)->get_string().get(text)) return std::nullopt;
  article.text = std::string(text);
  std::optional<std::string> date;
  if (!OptionalString(found(2), &date) || !OptionalString(found(3), &article.title) ||
      !OptionalString(found(4), &article.url)) {
    return std::nullopt;
  }
  if (date && !date->empty()) {
    article.date = DatePart(*date);
    if (!article.date) return std::nullopt;
  }
  return article;
}

}  // namespace

ParsedRecord ParseJsonlRecord(std::string_view line, const RecordFields& fields) {
  if (std::optional<Article> article = ReadTypicalRecord(line, fields)) {
    return *std::move(article);
  }
  return ParseJsonlRecordWithNlohmann(line, fields);
}

ParsedRecord ParseJsonlRecordWithNlohmann(std::string_view line, const RecordFields& fields) {
  Json record;
  try {
    record = Json::parse(line);
  } catch (const Json::parse_error& e) {
    return Refuse(QuarantineReason::kInvalidJson,
                  "invalid JSON at byte " + std::to_string(e.byte) + " of the line");
  } catch (const Json::exception& e) {
    // A number too large for a double ("2e9662") is out_of_range, not a
    // parse error (found by batch_jsonl_fuzzer).
    return Refuse(QuarantineReason::kInvalidJson, std::string("invalid JSON: ") + e.what());
  }
  if (!record.is_object()) {
    return Refuse(QuarantineReason::kInvalidJson,
                  std::string("the line is a JSON ") + record.type_name() + ", not an object");
  }
  Article article;
  auto id = record.find(fields.id);
  if (id == record.end() || id->is_null()) {
    return Refuse(QuarantineReason::kMissingId, "no '" + fields.id + "' field");
  }
  if (id->is_string() && !id->get_ref<const std::string&>().empty()) {
    article.id = id->get<std::string>();
  } else if (id->is_number_integer()) {
    article.id = id->dump();
  } else {
    return Refuse(QuarantineReason::kBadField,
                  "field '" + fields.id + "' is not a non-empty string or an integer");
  }
  auto text = record.find(fields.text);
  if (text == record.end() || text->is_null()) {
    return Refuse(QuarantineReason::kMissingText, "no '" + fields.text + "' field", article.id);
  }
  if (!text->is_string()) {
    return Refuse(QuarantineReason::kBadField,
                  "field '" + fields.text + "' is a " + text->type_name() + ", not a string",
                  article.id);
  }
  // Moved out of the tree unless another field reads the same key.
  if (fields.text == fields.date || fields.text == fields.title || fields.text == fields.url) {
    article.text = text->get<std::string>();
  } else {
    article.text = std::move(text->get_ref<std::string&>());
  }

  std::optional<std::string> date;
  for (auto [field, out] : {std::pair{&fields.date, &date},
                            std::pair{&fields.title, &article.title},
                            std::pair{&fields.url, &article.url}}) {
    if (auto error = OptionalString(record, *field, out)) {
      error->id = article.id;
      return *std::move(error);
    }
  }
  if (date && !date->empty()) {
    article.date = DatePart(*date);
    if (!article.date) {
      return Refuse(QuarantineReason::kBadDate,
                    "field '" + fields.date + "' is '" + date->substr(0, 40) +
                        "', not a date YYYY-MM-DD",
                    article.id);
    }
  }
  return article;
}

}  // namespace claimx
