#include "batch/record.h"

#include <nlohmann/json.hpp>

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

}  // namespace

ParsedRecord ParseJsonlRecord(std::string_view line, const RecordFields& fields) {
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
  article.text = std::move(text->get_ref<std::string&>());

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
