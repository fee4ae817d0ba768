#include "db/rows.h"

#include <charconv>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

namespace claimx::db {

using Json = nlohmann::ordered_json;

const std::vector<TableSpec>& DocumentTables() {
  static const std::vector<TableSpec> tables = {
      {"articles",
       {"article_id", "id", "content_hash", "date", "title", "url", "lang",
        "bytes", "paragraphs", "sentences", "doc"}},
      {"mentions",
       {"article_id", "mention", "kind", "start_byte", "end_byte", "text",
        "rule", "sentence", "value", "unit", "entity", "entity_lemma", "bound",
        "low", "high", "approx", "timex_value", "timex_type", "timex_mod",
        "timex_range_start", "timex_range_end", "place_name", "place_type",
        "country", "gazetteer_id", "lat", "lon", "admin1", "metonymy",
        "source_id", "source_role"}},
      {"claims",
       {"article_id", "claim", "type", "start_byte", "end_byte", "statement",
        "source_id", "source_role", "source_mention", "cue_text", "cue_lemma",
        "cue_start", "cue_end", "rule", "confidence"}},
      {"claim_mentions", {"article_id", "claim", "mention"}},
      {"comparisons", {"article_id", "comparison", "entity", "unit"}},
      {"comparison_items",
       {"article_id", "comparison", "item", "claim", "source_name", "value",
        "bound", "places", "dates"}},
  };
  return tables;
}

namespace {

std::string NlohmannDump(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// Length of the valid UTF-8 sequence at text[i] (RFC 3629: no overlongs, no
// surrogates, nothing above U+10FFFF, the DFA nlohmann's serializer
// decodes with), or 0 when it is not one.
size_t Utf8SequenceLength(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (i + length > text.size() || byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (size_t k = 2; k < length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return length;
}

// A JSON string as nlohmann writes it with ensure_ascii=false: quote,
// backslash and control characters escaped (short forms where JSON has
// them, else \u00xx in lower case), everything else verbatim.
void AppendJsonString(std::string_view text, std::string* out) {
  const size_t start = out->size();
  out->push_back('"');
  size_t plain = 0;
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const size_t length = Utf8SequenceLength(text, i);
      if (length == 0) {
        // Invalid UTF-8: nlohmann's replacement rules, not ours.
        out->resize(start);
        out->append(NlohmannDump(Json(std::string(text))));
        return;
      }
      i += length;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    out->append(text.data() + plain, i - plain);
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\b': out->append("\\b"); break;
      case '\t': out->append("\\t"); break;
      case '\n': out->append("\\n"); break;
      case '\f': out->append("\\f"); break;
      case '\r': out->append("\\r"); break;
      default: {
        char escape[8];
        std::snprintf(escape, sizeof escape, "\\u%04x", c);
        out->append(escape);
      }
    }
    plain = ++i;
  }
  out->append(text.data() + plain, text.size() - plain);
  out->push_back('"');
}

template <typename Integer>
void AppendInteger(Integer value, std::string* out) {
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  out->append(buffer, end - buffer);
}

void AppendCompactJson(const Json& value, std::string* out) {
  using Type = Json::value_t;
  switch (value.type()) {
    case Type::object: {
      out->push_back('{');
      bool first = true;
      for (const auto& [name, member] : value.get_ref<const Json::object_t&>()) {
        if (!first) out->push_back(',');
        first = false;
        AppendJsonString(name, out);
        out->push_back(':');
        AppendCompactJson(member, out);
      }
      out->push_back('}');
      return;
    }
    case Type::array: {
      out->push_back('[');
      bool first = true;
      for (const Json& element : value.get_ref<const Json::array_t&>()) {
        if (!first) out->push_back(',');
        first = false;
        AppendCompactJson(element, out);
      }
      out->push_back(']');
      return;
    }
    case Type::string:
      AppendJsonString(value.get_ref<const std::string&>(), out);
      return;
    case Type::boolean:
      out->append(value.get<bool>() ? "true" : "false");
      return;
    case Type::null:
      out->append("null");
      return;
    case Type::number_integer:
      AppendInteger(value.get<int64_t>(), out);
      return;
    case Type::number_unsigned:
      AppendInteger(value.get<uint64_t>(), out);
      return;
    default:
      // Floating point (nlohmann's shortest round-trip form, "300.0" for
      // whole values), binary and discarded values: rare, and its rules.
      out->append(NlohmannDump(value));
  }
}

}  // namespace

std::string CompactJson(const Json& value) {
  std::string out;
  AppendCompactJson(value, &out);
  return out;
}

std::string JsonContentHash(const Json& document) {
  std::string text;
  text.reserve(8192);
  AppendCompactJson(document, &text);
  uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return std::string("json-fnv1a64:") + hex;
}

namespace {

// Reads typed fields out of the JSON objects of one document. The first
// problem is kept (naming the document, the object and the field) and every
// later read returns an empty value, so the flattening code reads straight
// through and checks once at the end.
class Reader {
 public:
  explicit Reader(std::string_view doc_id) : doc_id_(doc_id) {}

  bool ok() const { return error_.empty(); }
  Status status() const {
    return InvalidArgument("document '" + std::string(doc_id_) + "': " + error_);
  }
  void Fail(const std::string& where, const std::string& what) {
    if (ok()) error_ = where + ": " + what;
  }

  static std::string Path(const std::string& where, std::string_view key) {
    std::string path = where;
    path += '.';
    path += key;
    return path;
  }

  // ordered_json keeps an object's members in a vector that find() scans
  // with strlen and a compare per key; comparing lengths first makes the
  // same scan several times cheaper, and flattening does ~20 per mention.
  const Json* Member(const Json& object, const std::string& where, std::string_view key) {
    if (!object.is_object()) {
      Fail(where, "expected an object");
      return nullptr;
    }
    for (const auto& [name, value] : object.get_ref<const Json::object_t&>()) {
      if (std::string_view(name) == key) return &value;
    }
    return nullptr;
  }

  Field String(const Json& object, const std::string& where, std::string_view key,
               bool required) {
    const Json* value = Member(object, where, key);
    if (value == nullptr || value->is_null()) {
      if (required) Fail(Path(where, key), "missing");
      return std::monostate{};
    }
    if (!value->is_string()) {
      Fail(Path(where, key), "expected a string");
      return std::monostate{};
    }
    return std::string_view(value->get_ref<const std::string&>());
  }

  Field Integer(const Json& object, const std::string& where, std::string_view key,
                bool required) {
    const Json* value = Member(object, where, key);
    if (value == nullptr || value->is_null()) {
      if (required) Fail(Path(where, key), "missing");
      return std::monostate{};
    }
    if (!value->is_number_integer()) {
      Fail(Path(where, key), "expected an integer");
      return std::monostate{};
    }
    return value->get<int64_t>();
  }

  Field Number(const Json& object, const std::string& where, std::string_view key,
               bool required) {
    const Json* value = Member(object, where, key);
    if (value == nullptr || value->is_null()) {
      if (required) Fail(Path(where, key), "missing");
      return std::monostate{};
    }
    if (!value->is_number()) {
      Fail(Path(where, key), "expected a number");
      return std::monostate{};
    }
    return value->get<double>();
  }

  Field Boolean(const Json& object, const std::string& where, std::string_view key) {
    const Json* value = Member(object, where, key);
    if (value == nullptr || value->is_null()) return std::monostate{};
    if (!value->is_boolean()) {
      Fail(Path(where, key), "expected true or false");
      return std::monostate{};
    }
    return int64_t{value->get<bool>() ? 1 : 0};
  }

  // The N of an id "<prefix>N" (N >= 1).
  int64_t Ordinal(const Json& id, const std::string& where, char prefix) {
    if (!id.is_string()) {
      Fail(where, std::string("expected an id \"") + prefix + "N\"");
      return 0;
    }
    const std::string& text = id.get_ref<const std::string&>();
    int64_t n = 0;
    auto [end, ec] = text.size() > 1 && text[0] == prefix
                         ? std::from_chars(text.data() + 1, text.data() + text.size(), n)
                         : std::from_chars_result{text.data(), std::errc::invalid_argument};
    if (ec != std::errc() || end != text.data() + text.size() || n < 1) {
      Fail(where, "'" + text + "' is not an id \"" + prefix + "N\"");
      return 0;
    }
    return n;
  }

 private:
  std::string_view doc_id_;
  std::string error_;
};

class Flattener {
 public:
  Flattener(const Json& document, DocumentRows* rows, Reader* reader)
      : document_(document), rows_(rows), in_(*reader) {}

  void Run() {
    Article();
    Mentions();
    Claims();
    Comparisons();
  }

 private:
  std::string_view Own(std::string text) {
    rows_->owned.push_back(std::move(text));
    return rows_->owned.back();
  }

  std::string_view Dump(const Json& value) {
    return Own(CompactJson(value));
  }

  Field SourceOf(const Json& object, const std::string& where) {
    Field name = in_.String(object, where, "name", true);
    Field type = in_.String(object, where, "type", true);
    if (!in_.ok()) return std::monostate{};
    SourceKey key{std::get<std::string_view>(name), std::get<std::string_view>(type)};
    for (size_t i = 0; i < rows_->sources.size(); ++i) {
      if (rows_->sources[i] == key) return SourceRef{i};
    }
    rows_->sources.push_back(key);
    return SourceRef{rows_->sources.size() - 1};
  }

  const Json& ArrayAt(const char* key, bool required) {
    static const Json kEmpty = Json::array();
    auto it = document_.find(key);
    if (it == document_.end() || (!required && it->is_null())) {
      if (required) in_.Fail(key, "missing");
      return kEmpty;
    }
    if (!it->is_array()) {
      in_.Fail(key, "expected an array");
      return kEmpty;
    }
    return *it;
  }

  void Article() {
    const Json& doc = document_["doc"];
    Field hash = in_.String(doc, "doc", "content_hash", false);
    rows_->content_hash = std::holds_alternative<std::string_view>(hash)
                              ? std::get<std::string_view>(hash)
                              : Own(JsonContentHash(document_));
    Field lang = in_.String(doc, "doc", "lang", false);
    if (std::holds_alternative<std::monostate>(lang)) lang = std::string_view("fr");
    Row row = {ArticleRef{},
               rows_->id,
               rows_->content_hash,
               in_.String(doc, "doc", "date", false),
               in_.String(doc, "doc", "title", false),
               in_.String(doc, "doc", "url", false),
               lang,
               in_.Integer(doc, "doc", "bytes", true),
               in_.Integer(doc, "doc", "paragraphs", true),
               in_.Integer(doc, "doc", "sentences", true),
               Dump(doc)};
    rows_->tables[kArticles].push_back(std::move(row));
  }

  void Mentions() {
    const Json& mentions = ArrayAt("mentions", true);
    for (size_t i = 0; i < mentions.size() && in_.ok(); ++i) {
      const Json& m = mentions[i];
      const std::string where = "mentions[" + std::to_string(i) + "]";
      const Json* id = in_.Member(m, where, "id");
      if (id == nullptr) {
        in_.Fail(where + ".id", "missing");
        return;
      }
      int64_t n = in_.Ordinal(*id, where + ".id", 'm');
      Field kind = in_.String(m, where, "kind", true);
      if (!in_.ok()) return;
      const std::string_view k = std::get<std::string_view>(kind);
      mention_kinds_[n] = k;
      Row row(DocumentTables()[kMentions].columns.size());
      row[0] = ArticleRef{};
      row[1] = n;
      row[2] = kind;
      row[3] = in_.Integer(m, where, "start", true);
      row[4] = in_.Integer(m, where, "end", true);
      row[5] = in_.String(m, where, "text", true);
      row[6] = in_.String(m, where, "rule", true);
      row[7] = in_.Integer(m, where, "sentence", false);
      if (k == "quantity") {
        row[8] = in_.Number(m, where, "value", true);
        row[9] = in_.String(m, where, "unit", false);
        row[10] = in_.String(m, where, "entity", false);
        row[11] = in_.String(m, where, "entity_lemma", false);
        row[12] = in_.String(m, where, "bound", false);
        row[13] = in_.Number(m, where, "low", false);
        row[14] = in_.Number(m, where, "high", false);
        row[15] = in_.Boolean(m, where, "approx");
      } else if (k == "date") {
        row[16] = in_.String(m, where, "value", true);
        row[17] = in_.String(m, where, "type", false);
        row[18] = in_.String(m, where, "mod", false);
        if (const Json* range = in_.Member(m, where, "range"); range && !range->is_null()) {
          row[19] = in_.String(*range, where + ".range", "start", false);
          row[20] = in_.String(*range, where + ".range", "end", false);
        }
      } else if (k == "place") {
        row[21] = in_.String(m, where, "name", true);
        row[22] = in_.String(m, where, "type", false);
        row[23] = in_.String(m, where, "country", false);
        row[24] = in_.String(m, where, "gazetteer_id", false);
        row[25] = in_.Number(m, where, "lat", false);
        row[26] = in_.Number(m, where, "lon", false);
        row[27] = in_.String(m, where, "admin1", false);
        row[28] = in_.String(m, where, "metonymy", false);
      } else if (k == "source") {
        row[29] = SourceOf(m, where);
        row[30] = in_.String(m, where, "role", false);
      }
      rows_->tables[kMentions].push_back(std::move(row));
    }
    rows_->mention_count = mentions.size();
  }

  // Links the claim to each mention id of `key`, which must name a mention
  // of `kind`.
  void Links(const Json& claim, const std::string& where, int64_t claim_n,
             const char* key, std::string_view kind) {
    const Json* ids = in_.Member(claim, where, key);
    if (ids == nullptr || ids->is_null()) return;
    if (!ids->is_array()) {
      in_.Fail(where + "." + key, "expected an array of mention ids");
      return;
    }
    for (size_t j = 0; j < ids->size() && in_.ok(); ++j) {
      const std::string at = where + "." + key + "[" + std::to_string(j) + "]";
      int64_t n = in_.Ordinal((*ids)[j], at, 'm');
      if (!in_.ok()) return;
      auto found = mention_kinds_.find(n);
      if (found == mention_kinds_.end() || found->second != kind) {
        in_.Fail(at, "names no " + std::string(kind) + " mention of this document");
        return;
      }
      if (!linked_.emplace(claim_n, n).second) {
        in_.Fail(at, "mention listed twice");
        return;
      }
      rows_->tables[kClaimMentions].push_back({ArticleRef{}, claim_n, n});
    }
  }

  void Claims() {
    const Json& claims = ArrayAt("claims", true);
    for (size_t i = 0; i < claims.size() && in_.ok(); ++i) {
      const Json& c = claims[i];
      const std::string where = "claims[" + std::to_string(i) + "]";
      const Json* id = in_.Member(c, where, "id");
      if (id == nullptr) {
        in_.Fail(where + ".id", "missing");
        return;
      }
      int64_t n = in_.Ordinal(*id, where + ".id", 'c');
      Row row(DocumentTables()[kClaims].columns.size());
      row[0] = ArticleRef{};
      row[1] = n;
      row[2] = in_.String(c, where, "type", true);
      row[3] = in_.Integer(c, where, "start", true);
      row[4] = in_.Integer(c, where, "end", true);
      row[5] = in_.String(c, where, "statement", true);
      if (const Json* source = in_.Member(c, where, "source"); source && !source->is_null()) {
        row[6] = SourceOf(*source, where + ".source");
        row[7] = in_.String(*source, where + ".source", "role", false);
        if (const Json* mention = in_.Member(*source, where, "mention");
            mention && !mention->is_null()) {
          row[8] = in_.Ordinal(*mention, where + ".source.mention", 'm');
        }
      }
      if (const Json* cue = in_.Member(c, where, "cue"); cue && !cue->is_null()) {
        row[9] = in_.String(*cue, where + ".cue", "text", true);
        row[10] = in_.String(*cue, where + ".cue", "lemma", true);
        row[11] = in_.Integer(*cue, where + ".cue", "start", true);
        row[12] = in_.Integer(*cue, where + ".cue", "end", true);
      }
      row[13] = in_.String(c, where, "rule", true);
      row[14] = in_.Number(c, where, "confidence", true);
      rows_->tables[kClaims].push_back(std::move(row));
      Links(c, where, n, "quantities", "quantity");
      Links(c, where, n, "dates", "date");
      Links(c, where, n, "places", "place");
    }
    rows_->claim_count = claims.size();
  }

  // Top-level `comparisons` (docs/schema.md): groups of figures that measure
  // the same thing, each item one claim. Absent in output that predates it.
  void Comparisons() {
    const Json& groups = ArrayAt("comparisons", false);
    for (size_t g = 0; g < groups.size() && in_.ok(); ++g) {
      const Json& group = groups[g];
      const std::string where = "comparisons[" + std::to_string(g) + "]";
      const int64_t group_n = static_cast<int64_t>(g) + 1;
      rows_->tables[kComparisons].push_back(
          {ArticleRef{}, group_n, in_.String(group, where, "entity", false),
           in_.String(group, where, "unit", false)});
      const Json* items = in_.Member(group, where, "items");
      if (items == nullptr || !items->is_array()) {
        in_.Fail(where + ".items", "expected an array");
        return;
      }
      for (size_t i = 0; i < items->size() && in_.ok(); ++i) {
        const Json& item = (*items)[i];
        const std::string at = where + ".items[" + std::to_string(i) + "]";
        Field claim;
        if (const Json* id = in_.Member(item, at, "claim"); id && !id->is_null()) {
          claim = in_.Ordinal(*id, at + ".claim", 'c');
        }
        Field places, dates;
        if (const Json* p = in_.Member(item, at, "places"); p && !p->is_null()) places = Dump(*p);
        if (const Json* d = in_.Member(item, at, "dates"); d && !d->is_null()) dates = Dump(*d);
        rows_->tables[kComparisonItems].push_back(
            {ArticleRef{}, group_n, static_cast<int64_t>(i) + 1, claim,
             in_.String(item, at, "source", false), in_.Number(item, at, "value", false),
             in_.String(item, at, "bound", false), places, dates});
      }
    }
  }

  const Json& document_;
  DocumentRows* rows_;
  Reader& in_;
  std::unordered_map<int64_t, std::string_view> mention_kinds_;
  struct PairHash {
    size_t operator()(const std::pair<int64_t, int64_t>& p) const {
      return std::hash<int64_t>()(p.first * 1000003 + p.second);
    }
  };
  std::unordered_set<std::pair<int64_t, int64_t>, PairHash> linked_;
};

}  // namespace

Result<DocumentRows> FlattenDocument(const Json& document) {
  if (!document.is_object()) {
    return InvalidArgument("expected a schema v1 object, found " +
                           std::string(document.type_name()));
  }
  auto schema = document.find("schema");
  if (schema == document.end() || *schema != "claimx/1") {
    return InvalidArgument("not a claimx/1 object (\"schema\" must be \"claimx/1\")");
  }
  auto doc = document.find("doc");
  if (doc == document.end() || !doc->is_object()) {
    return InvalidArgument("\"doc\" is missing or not an object");
  }
  auto id = doc->find("id");
  if (id == doc->end() || !id->is_string() || id->get_ref<const std::string&>().empty()) {
    return InvalidArgument("doc.id is missing or not a non-empty string");
  }
  DocumentRows rows;
  rows.id = id->get_ref<const std::string&>();
  Reader reader(rows.id);
  Flattener(document, &rows, &reader).Run();
  if (!reader.ok()) return reader.status();
  return rows;
}

}  // namespace claimx::db
