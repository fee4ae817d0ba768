#include "db/rows.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include <simdjson.h>

#include "db/json_line.h"
#include "db/simdjson_line.h"

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

namespace {

// "json-fnv1a64:" and the FNV-1a 64-bit hash of a document's one-line JSON.
std::string ContentHashOf(std::string_view text) {
  uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return std::string("json-fnv1a64:") + hex;
}

}  // namespace

std::string JsonContentHash(const Json& document) {
  std::string text;
  text.reserve(8192);
  AppendCompactJson(document, &text);
  return ContentHashOf(text);
}

namespace {

// The member names the flattener reads. Each object is read in one pass
// that files its members by name (Members below), so the ~20 fields read
// per mention are array lookups, not scans of the object.
enum Key : uint8_t {
  kSchemaKey, kDocKey, kMentionsKey, kClaimsKey, kComparisonsKey,
  kIdKey, kContentHashKey, kDateKey, kTitleKey, kUrlKey, kLangKey, kBytesKey,
  kParagraphsKey, kSentencesKey,
  kKindKey, kStartKey, kEndKey, kTextKey, kRuleKey, kSentenceKey, kValueKey,
  kUnitKey, kEntityKey, kEntityLemmaKey, kBoundKey, kLowKey, kHighKey,
  kApproxKey, kTypeKey, kModKey, kRangeKey, kNameKey, kCountryKey,
  kGazetteerIdKey, kLatKey, kLonKey, kAdmin1Key, kMetonymyKey, kRoleKey,
  kStatementKey, kSourceKey, kMentionKey, kCueKey, kLemmaKey, kConfidenceKey,
  kQuantitiesKey, kDatesKey, kPlacesKey, kItemsKey, kClaimKey,
  kKeyCount,
};
static_assert(kKeyCount <= 64, "Members::present is a 64-bit mask");

constexpr std::string_view kKeyNames[kKeyCount] = {
    "schema", "doc", "mentions", "claims", "comparisons",
    "id", "content_hash", "date", "title", "url", "lang", "bytes",
    "paragraphs", "sentences",
    "kind", "start", "end", "text", "rule", "sentence", "value",
    "unit", "entity", "entity_lemma", "bound", "low", "high",
    "approx", "type", "mod", "range", "name", "country",
    "gazetteer_id", "lat", "lon", "admin1", "metonymy", "role",
    "statement", "source", "mention", "cue", "lemma", "confidence",
    "quantities", "dates", "places", "items", "claim",
};

// Name -> Key, open addressing over a table four times the key count.
class KeyTable {
 public:
  KeyTable() {
    slots_.fill(kEmpty);
    for (uint8_t k = 0; k < kKeyCount; ++k) {
      size_t h = Hash(kKeyNames[k]);
      while (slots_[h] != kEmpty) h = (h + 1) & kMask;
      slots_[h] = k;
    }
  }

  // The key named `name`, or kKeyCount when the flattener does not read it.
  Key Find(std::string_view name) const {
    for (size_t h = Hash(name);; h = (h + 1) & kMask) {
      const uint8_t k = slots_[h];
      if (k == kEmpty) return kKeyCount;
      if (kKeyNames[k] == name) return static_cast<Key>(k);
    }
  }

 private:
  static constexpr size_t kSize = 256;
  static constexpr size_t kMask = kSize - 1;
  static constexpr uint8_t kEmpty = 0xFF;

  // Length, first, middle and last byte: the names differ there.
  static size_t Hash(std::string_view name) {
    if (name.empty()) return 0;
    const auto byte = [&](size_t i) { return static_cast<size_t>(static_cast<uint8_t>(name[i])); };
    size_t h = name.size() * 0x9E3779B1u;
    h ^= byte(0) * 0x85EBCA6Bu;
    h ^= byte(name.size() / 2) * 0xC2B2AE35u;
    h ^= byte(name.size() - 1) * 0x27D4EB2Fu;
    return (h >> 7) & kMask;
  }

  std::array<uint8_t, kSize> slots_;
};

const KeyTable& Keys() {
  static const KeyTable table;
  return table;
}

// An object's members filed by Key; a repeated name keeps its last value,
// as nlohmann's parser does. Names the flattener does not read are skipped.
template <typename Node>
struct Members {
  uint64_t present = 0;
  std::array<Node, kKeyCount> at;

  const Node* Find(Key key) const { return (present >> key & 1) ? &at[key] : nullptr; }
};

// Where a value is in the document, for messages ("claims[2].source.name"),
// spelled out only when there is a problem to report.
struct Where {
  static constexpr size_t kNoIndex = static_cast<size_t>(-1);
  const Where* parent = nullptr;
  std::string_view name;
  size_t index = kNoIndex;

  std::string Path() const {
    std::string path = parent != nullptr ? parent->Path() + "." : std::string();
    path += name;
    if (index != kNoIndex) path += "[" + std::to_string(index) + "]";
    return path;
  }
};

// Reading from an nlohmann tree: the rows' strings are views into the
// tree, which must outlive them.
class TreeAccess {
 public:
  using Node = const Json*;

  static bool IsNull(Node n) { return n->is_null(); }
  static bool IsObject(Node n) { return n->is_object(); }
  static bool IsArray(Node n) { return n->is_array(); }
  static bool IsString(Node n) { return n->is_string(); }
  static bool IsInteger(Node n) { return n->is_number_integer(); }
  static bool IsNumber(Node n) { return n->is_number(); }
  static bool IsBoolean(Node n) { return n->is_boolean(); }
  static int64_t Integer(Node n) { return n->get<int64_t>(); }
  static double Number(Node n) { return n->get<double>(); }
  static bool Boolean(Node n) { return n->get<bool>(); }
  static std::string_view View(Node n) { return n->get_ref<const std::string&>(); }
  std::string_view Keep(Node n) { return View(n); }

  template <typename F>
  static void ForEachMember(Node object, F&& f) {
    for (const auto& [name, value] : object->get_ref<const Json::object_t&>()) f(name, &value);
  }
  // Calls f on each element while it returns true.
  template <typename F>
  static void ForEachElement(Node array, F&& f) {
    for (const Json& element : array->get_ref<const Json::array_t&>()) {
      if (!f(&element)) return;
    }
  }

  static bool AppendCompact(Node n, std::string* out) {
    AppendCompactJson(*n, out);
    return true;
  }
  static std::optional<std::string> ContentHash(Node document) {
    return JsonContentHash(*document);
  }
};

// Reading from simdjson's tree of one line: strings are copied into the
// rows (the parser's buffers are reused by the next line). The one value
// this side cannot write as nlohmann would, a repeated name in a stored
// JSON value (nlohmann keeps one member), makes AppendCompact fail, and
// the line goes to the tree path.
class DomAccess {
 public:
  using Node = simdjson::dom::element;
  using Type = simdjson::dom::element_type;

  explicit DomAccess(DocumentRows* rows) : rows_(rows) {}

  static bool IsNull(Node n) { return n.type() == Type::NULL_VALUE; }
  static bool IsObject(Node n) { return n.type() == Type::OBJECT; }
  static bool IsArray(Node n) { return n.type() == Type::ARRAY; }
  static bool IsString(Node n) { return n.type() == Type::STRING; }
  static bool IsInteger(Node n) { return n.type() == Type::INT64 || n.type() == Type::UINT64; }
  static bool IsNumber(Node n) { return IsInteger(n) || n.type() == Type::DOUBLE; }
  static bool IsBoolean(Node n) { return n.type() == Type::BOOL; }
  // nlohmann's get<int64_t> of an unsigned value is a static_cast too.
  static int64_t Integer(Node n) {
    if (n.type() == Type::UINT64) return static_cast<int64_t>(n.get_uint64().value_unsafe());
    return n.get_int64().value_unsafe();
  }
  static double Number(Node n) {
    switch (n.type()) {
      case Type::INT64: return static_cast<double>(n.get_int64().value_unsafe());
      case Type::UINT64: return static_cast<double>(n.get_uint64().value_unsafe());
      default: return n.get_double().value_unsafe();
    }
  }
  static bool Boolean(Node n) { return n.get_bool().value_unsafe(); }
  static std::string_view View(Node n) { return n.get_string().value_unsafe(); }

  // A copy in the rows' arena, reserved to the line's size: every string of
  // the line fits, unescaped, so the views stay put. Past it (a string read
  // twice), a string of its own.
  std::string_view Keep(Node n) {
    const std::string_view text = View(n);
    std::string& arena = rows_->arena;
    if (arena.capacity() - arena.size() >= text.size()) {
      const size_t at = arena.size();
      arena.append(text);
      return std::string_view(arena.data() + at, text.size());
    }
    rows_->owned.emplace_back(text);
    return rows_->owned.back();
  }

  template <typename F>
  static void ForEachMember(Node object, F&& f) {
    // A local: value_unsafe() returns a reference into the temporary result.
    const simdjson::dom::object members = object.get_object().value_unsafe();
    for (simdjson::dom::key_value_pair member : members) f(member.key, member.value);
  }
  template <typename F>
  static void ForEachElement(Node array, F&& f) {
    const simdjson::dom::array elements = array.get_array().value_unsafe();
    for (simdjson::dom::element element : elements) {
      if (!f(element)) return;
    }
  }

  static bool AppendCompact(Node n, std::string* out) {
    switch (n.type()) {
      case Type::OBJECT: {
        const simdjson::dom::object object = n.get_object().value_unsafe();
        out->push_back('{');
        bool first = true;
        for (auto member = object.begin(); member != object.end(); ++member) {
          // nlohmann would keep one member: its first place, last value.
          for (auto earlier = object.begin(); earlier != member; ++earlier) {
            if (earlier.key() == member.key()) return false;
          }
          if (!first) out->push_back(',');
          first = false;
          AppendJsonString(member.key(), out);
          out->push_back(':');
          if (!AppendCompact(member.value(), out)) return false;
        }
        out->push_back('}');
        return true;
      }
      case Type::ARRAY: {
        out->push_back('[');
        bool first = true;
        const simdjson::dom::array elements = n.get_array().value_unsafe();
        for (simdjson::dom::element element : elements) {
          if (!first) out->push_back(',');
          first = false;
          if (!AppendCompact(element, out)) return false;
        }
        out->push_back(']');
        return true;
      }
      case Type::STRING: AppendJsonString(View(n), out); return true;
      case Type::INT64: AppendInteger(n.get_int64().value_unsafe(), out); return true;
      case Type::UINT64: AppendInteger(n.get_uint64().value_unsafe(), out); return true;
      case Type::BOOL: out->append(Boolean(n) ? "true" : "false"); return true;
      case Type::NULL_VALUE: out->append("null"); return true;
      case Type::DOUBLE:
        // nlohmann keeps the double, not its digits: its dump of the same
        // value writes them ("300.0" for whole values, "null" for none).
        out->append(NlohmannDump(Json(n.get_double().value_unsafe())));
        return true;
    }
    return false;
  }
  static std::optional<std::string> ContentHash(Node document) {
    std::string text;
    text.reserve(8192);
    if (!AppendCompact(document, &text)) return std::nullopt;
    return ContentHashOf(text);
  }

 private:
  DocumentRows* rows_;
};

// Flattens one document read through Access (TreeAccess or DomAccess).
// The first problem is kept, naming the object and the field, and every
// later read returns an empty value, so the code reads straight through
// and checks once at the end.
template <typename Access>
class Flattener {
 public:
  using Node = typename Access::Node;

  Flattener(Access access, DocumentRows* rows) : access_(std::move(access)), rows_(rows) {}

  Status Run(Node document) {
    if (!Access::IsObject(document)) {
      return InvalidArgument("expected a schema v1 object, found " + TypeName(document));
    }
    Gather(document, &root_);
    const Node* schema = root_.Find(kSchemaKey);
    if (schema == nullptr || !Access::IsString(*schema) || Access::View(*schema) != "claimx/1") {
      return InvalidArgument("not a claimx/1 object (\"schema\" must be \"claimx/1\")");
    }
    const Node* doc = root_.Find(kDocKey);
    if (doc == nullptr || !Access::IsObject(*doc)) {
      return InvalidArgument("\"doc\" is missing or not an object");
    }
    Gather(*doc, &doc_);
    const Node* id = doc_.Find(kIdKey);
    if (id == nullptr || !Access::IsString(*id) || Access::View(*id).empty()) {
      return InvalidArgument("doc.id is missing or not a non-empty string");
    }
    rows_->id = access_.Keep(*id);
    Article(document, *doc);
    Mentions();
    Claims();
    Comparisons();
    if (!error_.empty()) {
      return InvalidArgument("document '" + std::string(rows_->id) + "': " + error_);
    }
    return Status::Ok();
  }

 private:
  static std::string TypeName(Node n) {
    if (Access::IsArray(n)) return "array";
    if (Access::IsString(n)) return "string";
    if (Access::IsNumber(n)) return "number";
    if (Access::IsBoolean(n)) return "boolean";
    if (Access::IsNull(n)) return "null";
    return "object";
  }

  bool ok() const { return error_.empty(); }
  void Fail(const Where& where, std::string_view what) {
    if (ok()) error_ = where.Path() + ": " + std::string(what);
  }
  void Fail(const Where& where, Key key, std::string_view what) {
    if (ok()) Fail(Where{&where, kKeyNames[key]}, what);
  }

  static void Gather(Node object, Members<Node>* members) {
    members->present = 0;
    Access::ForEachMember(object, [&](std::string_view name, Node value) {
      const Key key = Keys().Find(name);
      if (key == kKeyCount) return;
      members->present |= uint64_t{1} << key;
      members->at[key] = value;
    });
  }
  // Gather, or a failure naming `where` when `object` is not an object.
  bool GatherObject(Node object, const Where& where, Members<Node>* members) {
    if (!Access::IsObject(object)) {
      members->present = 0;
      Fail(where, "expected an object");
      return false;
    }
    Gather(object, members);
    return true;
  }

  // The member, or null when it is absent or JSON null (and required).
  const Node* Present(const Members<Node>& object, const Where& where, Key key,
                      bool required) {
    const Node* value = object.Find(key);
    if (value == nullptr || Access::IsNull(*value)) {
      if (required) Fail(where, key, "missing");
      return nullptr;
    }
    return value;
  }

  Field String(const Members<Node>& object, const Where& where, Key key, bool required) {
    const Node* value = Present(object, where, key, required);
    if (value == nullptr) return std::monostate{};
    if (!Access::IsString(*value)) {
      Fail(where, key, "expected a string");
      return std::monostate{};
    }
    return access_.Keep(*value);
  }

  Field Integer(const Members<Node>& object, const Where& where, Key key, bool required) {
    const Node* value = Present(object, where, key, required);
    if (value == nullptr) return std::monostate{};
    if (!Access::IsInteger(*value)) {
      Fail(where, key, "expected an integer");
      return std::monostate{};
    }
    return Access::Integer(*value);
  }

  Field Number(const Members<Node>& object, const Where& where, Key key, bool required) {
    const Node* value = Present(object, where, key, required);
    if (value == nullptr) return std::monostate{};
    if (!Access::IsNumber(*value)) {
      Fail(where, key, "expected a number");
      return std::monostate{};
    }
    return Access::Number(*value);
  }

  Field Boolean(const Members<Node>& object, const Where& where, Key key) {
    const Node* value = Present(object, where, key, false);
    if (value == nullptr) return std::monostate{};
    if (!Access::IsBoolean(*value)) {
      Fail(where, key, "expected true or false");
      return std::monostate{};
    }
    return int64_t{Access::Boolean(*value) ? 1 : 0};
  }

  // The N of an id "<prefix>N" (N >= 1).
  int64_t Ordinal(Node id, const Where& where, char prefix) {
    if (!Access::IsString(id)) {
      Fail(where, std::string("expected an id \"") + prefix + "N\"");
      return 0;
    }
    const std::string_view text = Access::View(id);
    int64_t n = 0;
    auto [end, ec] = text.size() > 1 && text[0] == prefix
                         ? std::from_chars(text.data() + 1, text.data() + text.size(), n)
                         : std::from_chars_result{text.data(), std::errc::invalid_argument};
    if (ec != std::errc() || end != text.data() + text.size() || n < 1) {
      Fail(where, "'" + std::string(text) + "' is not an id \"" + prefix + "N\"");
      return 0;
    }
    return n;
  }

  std::string_view Own(std::string text) {
    rows_->owned.push_back(std::move(text));
    return rows_->owned.back();
  }

  // The one-line JSON of a value the database stores as text.
  Field Dump(Node value, const Where& where) {
    std::string text;
    if (!Access::AppendCompact(value, &text)) {
      Fail(where, "not written by the fast path");
      return std::monostate{};
    }
    return Own(std::move(text));
  }

  Field SourceOf(const Members<Node>& object, const Where& where) {
    Field name = String(object, where, kNameKey, true);
    Field type = String(object, where, kTypeKey, true);
    if (!ok()) return std::monostate{};
    SourceKey key{std::get<std::string_view>(name), std::get<std::string_view>(type)};
    for (size_t i = 0; i < rows_->sources.size(); ++i) {
      if (rows_->sources[i] == key) return SourceRef{i};
    }
    rows_->sources.push_back(key);
    return SourceRef{rows_->sources.size() - 1};
  }

  // The array at `key` of the document; none when it is absent (or null
  // and not required).
  std::optional<Node> ArrayAt(Key key, bool required) {
    const Node* value = root_.Find(key);
    const Where where{nullptr, kKeyNames[key]};
    if (value == nullptr || (!required && Access::IsNull(*value))) {
      if (required) Fail(where, "missing");
      return std::nullopt;
    }
    if (!Access::IsArray(*value)) {
      Fail(where, "expected an array");
      return std::nullopt;
    }
    return *value;
  }

  void Article(Node document, Node doc_node) {
    const Where doc{nullptr, "doc"};
    Field hash = String(doc_, doc, kContentHashKey, false);
    if (std::holds_alternative<std::string_view>(hash)) {
      rows_->content_hash = std::get<std::string_view>(hash);
    } else if (std::optional<std::string> computed = Access::ContentHash(document)) {
      rows_->content_hash = Own(std::move(*computed));
    } else {
      Fail(doc, "content hash not computed by the fast path");
    }
    Field lang = String(doc_, doc, kLangKey, false);
    if (std::holds_alternative<std::monostate>(lang)) lang = std::string_view("fr");
    Row row = {ArticleRef{},
               rows_->id,
               rows_->content_hash,
               String(doc_, doc, kDateKey, false),
               String(doc_, doc, kTitleKey, false),
               String(doc_, doc, kUrlKey, false),
               lang,
               Integer(doc_, doc, kBytesKey, true),
               Integer(doc_, doc, kParagraphsKey, true),
               Integer(doc_, doc, kSentencesKey, true),
               Dump(doc_node, doc)};
    rows_->tables[kArticles].push_back(std::move(row));
  }

  // Calls read(element, where) on each element of the document's array at
  // `key` ("mentions[3]") until a problem; returns how many it read.
  template <typename Read>
  size_t ReadEach(Key key, bool required, Read read) {
    std::optional<Node> array = ArrayAt(key, required);
    if (!array) return 0;
    size_t i = 0;
    Access::ForEachElement(*array, [&](Node element) {
      read(element, Where{nullptr, kKeyNames[key], i++});
      return ok();
    });
    return i;
  }

  // Files the members of a mention or claim in item_ and reads the N of
  // its id "<prefix>N"; nullopt when it is no object or has no id.
  std::optional<int64_t> ReadItem(Node node, const Where& where, char prefix) {
    if (!GatherObject(node, where, &item_)) return std::nullopt;
    const Node* id = item_.Find(kIdKey);
    if (id == nullptr) {
      Fail(where, kIdKey, "missing");
      return std::nullopt;
    }
    return Ordinal(*id, Where{&where, "id"}, prefix);
  }

  void Mentions() {
    rows_->mention_count =
        ReadEach(kMentionsKey, true, [&](Node m, const Where& where) { Mention(m, where); });
  }

  void Mention(Node node, const Where& where) {
    const std::optional<int64_t> id = ReadItem(node, where, 'm');
    if (!id) return;
    const int64_t n = *id;
    const Members<Node>& m = item_;
    Field kind = String(m, where, kKindKey, true);
    if (!ok()) return;
    const std::string_view k = std::get<std::string_view>(kind);
    mention_kinds_[n] = k;
    Row row(DocumentTables()[kMentions].columns.size());
    row[0] = ArticleRef{};
    row[1] = n;
    row[2] = kind;
    row[3] = Integer(m, where, kStartKey, true);
    row[4] = Integer(m, where, kEndKey, true);
    row[5] = String(m, where, kTextKey, true);
    row[6] = String(m, where, kRuleKey, true);
    row[7] = Integer(m, where, kSentenceKey, false);
    if (k == "quantity") {
      row[8] = Number(m, where, kValueKey, true);
      row[9] = String(m, where, kUnitKey, false);
      row[10] = String(m, where, kEntityKey, false);
      row[11] = String(m, where, kEntityLemmaKey, false);
      row[12] = String(m, where, kBoundKey, false);
      row[13] = Number(m, where, kLowKey, false);
      row[14] = Number(m, where, kHighKey, false);
      row[15] = Boolean(m, where, kApproxKey);
    } else if (k == "date") {
      row[16] = String(m, where, kValueKey, true);
      row[17] = String(m, where, kTypeKey, false);
      row[18] = String(m, where, kModKey, false);
      if (const Node* range = Present(m, where, kRangeKey, false)) {
        const Where at{&where, "range"};
        if (GatherObject(*range, at, &inner_)) {
          row[19] = String(inner_, at, kStartKey, false);
          row[20] = String(inner_, at, kEndKey, false);
        }
      }
    } else if (k == "place") {
      row[21] = String(m, where, kNameKey, true);
      row[22] = String(m, where, kTypeKey, false);
      row[23] = String(m, where, kCountryKey, false);
      row[24] = String(m, where, kGazetteerIdKey, false);
      row[25] = Number(m, where, kLatKey, false);
      row[26] = Number(m, where, kLonKey, false);
      row[27] = String(m, where, kAdmin1Key, false);
      row[28] = String(m, where, kMetonymyKey, false);
    } else if (k == "source") {
      row[29] = SourceOf(m, where);
      row[30] = String(m, where, kRoleKey, false);
    }
    rows_->tables[kMentions].push_back(std::move(row));
  }

  // Links the claim to each mention id of `key`, which must name a mention
  // of `kind`.
  void Links(const Members<Node>& claim, const Where& where, int64_t claim_n, Key key,
             std::string_view kind) {
    const Node* ids = Present(claim, where, key, false);
    if (ids == nullptr) return;
    if (!Access::IsArray(*ids)) {
      Fail(where, key, "expected an array of mention ids");
      return;
    }
    size_t j = 0;
    Access::ForEachElement(*ids, [&](Node id) {
      const Where at{&where, kKeyNames[key], j++};
      int64_t n = Ordinal(id, at, 'm');
      if (!ok()) return false;
      auto found = mention_kinds_.find(n);
      if (found == mention_kinds_.end() || found->second != kind) {
        Fail(at, "names no " + std::string(kind) + " mention of this document");
        return false;
      }
      if (!linked_.emplace(claim_n, n).second) {
        Fail(at, "mention listed twice");
        return false;
      }
      rows_->tables[kClaimMentions].push_back({ArticleRef{}, claim_n, n});
      return true;
    });
  }

  void Claims() {
    rows_->claim_count =
        ReadEach(kClaimsKey, true, [&](Node c, const Where& where) { Claim(c, where); });
  }

  void Claim(Node node, const Where& where) {
    const std::optional<int64_t> id = ReadItem(node, where, 'c');
    if (!id) return;
    const int64_t n = *id;
    const Members<Node>& c = item_;
    Row row(DocumentTables()[kClaims].columns.size());
    row[0] = ArticleRef{};
    row[1] = n;
    row[2] = String(c, where, kTypeKey, true);
    row[3] = Integer(c, where, kStartKey, true);
    row[4] = Integer(c, where, kEndKey, true);
    row[5] = String(c, where, kStatementKey, true);
    if (const Node* source = Present(c, where, kSourceKey, false)) {
      const Where at{&where, "source"};
      if (GatherObject(*source, at, &inner_)) {
        row[6] = SourceOf(inner_, at);
        row[7] = String(inner_, at, kRoleKey, false);
        if (const Node* mention = Present(inner_, at, kMentionKey, false)) {
          row[8] = Ordinal(*mention, Where{&at, "mention"}, 'm');
        }
      }
    }
    if (const Node* cue = Present(c, where, kCueKey, false)) {
      const Where at{&where, "cue"};
      if (GatherObject(*cue, at, &inner_)) {
        row[9] = String(inner_, at, kTextKey, true);
        row[10] = String(inner_, at, kLemmaKey, true);
        row[11] = Integer(inner_, at, kStartKey, true);
        row[12] = Integer(inner_, at, kEndKey, true);
      }
    }
    row[13] = String(c, where, kRuleKey, true);
    row[14] = Number(c, where, kConfidenceKey, true);
    rows_->tables[kClaims].push_back(std::move(row));
    Links(c, where, n, kQuantitiesKey, "quantity");
    Links(c, where, n, kDatesKey, "date");
    Links(c, where, n, kPlacesKey, "place");
  }

  // Top-level `comparisons` (docs/schema.md): groups of figures that measure
  // the same thing, each item one claim. Absent in output that predates it.
  void Comparisons() {
    ReadEach(kComparisonsKey, false, [&](Node group, const Where& where) {
      Comparison(group, where, static_cast<int64_t>(where.index) + 1);
    });
  }

  void Comparison(Node node, const Where& where, int64_t group_n) {
    Members<Node>& group = item_;
    if (!GatherObject(node, where, &group)) return;
    rows_->tables[kComparisons].push_back({ArticleRef{}, group_n,
                                           String(group, where, kEntityKey, false),
                                           String(group, where, kUnitKey, false)});
    const Node* items = group.Find(kItemsKey);
    if (items == nullptr || !Access::IsArray(*items)) {
      Fail(where, kItemsKey, "expected an array");
      return;
    }
    size_t i = 0;
    Access::ForEachElement(*items, [&](Node node) {
      const size_t index = i++;
      const Where at{&where, "items", index};
      Members<Node>& item = inner_;
      if (!GatherObject(node, at, &item)) return false;
      Field claim;
      if (const Node* id = Present(item, at, kClaimKey, false)) {
        claim = Ordinal(*id, Where{&at, "claim"}, 'c');
      }
      Field places, dates;
      if (const Node* p = Present(item, at, kPlacesKey, false)) places = Dump(*p, at);
      if (const Node* d = Present(item, at, kDatesKey, false)) dates = Dump(*d, at);
      rows_->tables[kComparisonItems].push_back(
          {ArticleRef{}, group_n, static_cast<int64_t>(index) + 1, claim,
           String(item, at, kSourceKey, false), Number(item, at, kValueKey, false),
           String(item, at, kBoundKey, false), places, dates});
      return ok();
    });
  }

  Access access_;
  DocumentRows* rows_;
  std::string error_;
  // The objects being read: the document, its doc, one mention, claim or
  // comparison group, and one object inside that.
  Members<Node> root_, doc_, item_, inner_;
  std::unordered_map<int64_t, std::string_view> mention_kinds_;
  struct PairHash {
    size_t operator()(const std::pair<int64_t, int64_t>& p) const {
      return std::hash<int64_t>()(p.first * 1000003 + p.second);
    }
  };
  std::unordered_set<std::pair<int64_t, int64_t>, PairHash> linked_;
};

// The rows of `line` read through simdjson, or nullopt when this path
// cannot give them exactly: simdjson refuses the line, or flattening finds
// a problem (the tree path words it) or a value it does not write.
std::optional<DocumentRows> FlattenWithDom(std::string_view line) {
  simdjson::dom::element root;
  if (!ReadWithSimdjson(line, &root)) return std::nullopt;
  DocumentRows rows;
  rows.arena.reserve(std::max<size_t>(line.size(), 64));  // past the SSO: moves keep views
  Status status = Flattener<DomAccess>(DomAccess(&rows), &rows).Run(root);
  if (!status.ok()) return std::nullopt;
  return rows;
}

}  // namespace

std::string DescribeRows(const DocumentRows& rows) {
  std::string out = "id=" + std::string(rows.id) + " hash=" + std::string(rows.content_hash) +
                    " claims=" + std::to_string(rows.claim_count) +
                    " mentions=" + std::to_string(rows.mention_count) + "\nsources:";
  for (const SourceKey& s : rows.sources) {
    out += " [" + std::string(s.name) + "|" + std::string(s.type) + "]";
  }
  for (size_t t = 0; t < kTableCount; ++t) {
    for (const Row& row : rows.tables[t]) {
      out += "\n" + std::string(DocumentTables()[t].name) + ":";
      for (const Field& field : row) {
        if (const auto* text = std::get_if<std::string_view>(&field)) {
          out += " s'" + std::string(*text) + "'";
        } else if (const auto* integer = std::get_if<int64_t>(&field)) {
          out += " i" + std::to_string(*integer);
        } else if (const auto* number = std::get_if<double>(&field)) {
          char digits[40];
          std::snprintf(digits, sizeof digits, " d%.17g", *number);
          out += digits;
        } else if (const auto* source = std::get_if<SourceRef>(&field)) {
          out += " source" + std::to_string(source->index);
        } else if (std::holds_alternative<ArticleRef>(field)) {
          out += " article";
        } else {
          out += " null";
        }
      }
    }
  }
  return out;
}

Result<DocumentRows> FlattenDocument(const Json& document) {
  DocumentRows rows;
  Status status = Flattener<TreeAccess>(TreeAccess(), &rows).Run(&document);
  if (!status.ok()) return status;
  return rows;
}

Result<DocumentRows> FlattenJsonLine(std::string_view line) {
  if (std::optional<DocumentRows> rows = FlattenWithDom(line)) return std::move(*rows);
  auto json = ParseJsonLine(line);
  if (!json.ok()) return json.status();
  auto tree = std::make_unique<const Json>(std::move(json).value());
  auto rows = FlattenDocument(*tree);
  if (!rows.ok()) return rows.status();
  rows->tree = std::move(tree);
  return rows;
}

}  // namespace claimx::db
