#include "extractor/emit_json.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <variant>

#include "extractor/normalizer.h"

namespace claimx {

namespace {

using json = nlohmann::ordered_json;

template <typename T>
json OrNull(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

// The value as an integer when it is one that a double holds exactly.
std::optional<int64_t> ExactInteger(double value) {
  constexpr double kMaxExactInteger = 9007199254740992.0;  // 2^53
  if (value > -kMaxExactInteger && value < kMaxExactInteger &&
      value == static_cast<double>(static_cast<int64_t>(value))) {
    return static_cast<int64_t>(value);
  }
  return std::nullopt;
}

// Counts are written as integers (119, not 119.0); other values as doubles.
json Number(double value) {
  if (const std::optional<int64_t> integer = ExactInteger(value)) return json(*integer);
  return json(value);
}

json NumberOrNull(const std::optional<double>& value) {
  return value ? Number(*value) : json(nullptr);
}

// The bound group of a figure (a quantity, or one compared across
// documents): bound, low, high, approx, in the schema's order.
template <typename Figure>
void AddBoundFields(const Figure& f, json* out) {
  (*out)["bound"] = BoundName(f.bound);
  (*out)["low"] = NumberOrNull(f.low);
  (*out)["high"] = NumberOrNull(f.high);
  (*out)["approx"] = f.approx;
}

void AddValueFields(const QuantityValue& q, json* out) {
  (*out)["value"] = Number(q.value);
  (*out)["unit"] = OrNull(q.unit);
  (*out)["entity"] = OrNull(q.entity);
  (*out)["entity_lemma"] = OrNull(q.entity_lemma);
  AddBoundFields(q, out);
}

void AddValueFields(const DateValue& d, json* out) {
  (*out)["value"] = d.value;
  (*out)["type"] = d.type;
  (*out)["mod"] = OrNull(d.mod);
  if (d.range) (*out)["range"] = {{"start", d.range->start}, {"end", d.range->end}};
}

void AddValueFields(const PlaceValue& p, json* out) {
  (*out)["name"] = p.name;
  (*out)["country"] = OrNull(p.country);
  (*out)["type"] = p.type;
  if (p.gazetteer_id) (*out)["gazetteer_id"] = *p.gazetteer_id;
  if (p.lat && p.lon) {
    (*out)["lat"] = Number(*p.lat);
    (*out)["lon"] = Number(*p.lon);
  }
  if (p.admin1) (*out)["admin1"] = *p.admin1;
  if (p.metonymy) (*out)["metonymy"] = *p.metonymy;
}

void AddValueFields(const SourceValue& s, json* out) {
  (*out)["name"] = s.name;
  (*out)["type"] = s.type;
  (*out)["role"] = OrNull(s.role);
}

void AddValueFields(const QuoteValue&, json*) {}

json ClaimToJson(const Claim& claim, std::string_view original) {
  json out;
  out["id"] = claim.id;
  out["type"] = ClaimTypeName(claim.type);
  out["start"] = claim.span.start;
  out["end"] = claim.span.end;
  out["statement"] = std::string(claim.span.Of(original));
  if (claim.source) {
    out["source"] = {{"name", claim.source->name},
                     {"type", claim.source->type},
                     {"role", OrNull(claim.source->role)},
                     {"mention", OrNull(claim.source->mention)}};
  } else {
    out["source"] = nullptr;
  }
  if (claim.cue) {
    out["cue"] = {{"text", std::string(claim.cue->span.Of(original))},
                  {"lemma", claim.cue->lemma},
                  {"start", claim.cue->span.start},
                  {"end", claim.cue->span.end}};
  } else {
    out["cue"] = nullptr;
  }
  out["quantities"] = claim.quantities;
  out["dates"] = claim.dates;
  out["places"] = claim.places;
  out["rule"] = claim.rule;
  out["confidence"] = claim.confidence;
  return out;
}

}  // namespace

json ComparisonToJson(const Comparison& comparison, bool with_doc) {
  json items = json::array();
  for (const ComparisonItem& item : comparison.items) {
    json out;
    if (with_doc) out["doc"] = item.doc;
    out["claim"] = item.claim;
    out["quantity"] = item.quantity;
    out["source"] = OrNull(item.source);
    out["value"] = Number(item.value);
    AddBoundFields(item, &out);
    out["places"] = item.places;
    out["dates"] = item.dates;
    items.push_back(std::move(out));
  }
  json out;
  out["entity"] = comparison.entity;
  out["unit"] = OrNull(comparison.unit);
  out["disagreement"] = comparison.disagreement;
  out["items"] = std::move(items);
  return out;
}

json MentionToJson(const Mention& mention, std::string_view original) {
  json out;
  out["id"] = mention.id;
  out["kind"] = MentionKindName(mention.kind);
  out["start"] = mention.span.start;
  out["end"] = mention.span.end;
  out["text"] = std::string(mention.span.Of(original));
  out["rule"] = mention.rule;
  out["sentence"] = OrNull(mention.sentence);
  std::visit([&](const auto& value) { AddValueFields(value, &out); },
             mention.value);
  if (mention.link) out["link"] = *mention.link;
  return out;
}

json DocumentToJson(const AnnotatedDocument& doc, std::string_view original) {
  const NormalizationStats& n = doc.info.normalization;
  json out;
  out["schema"] = kSchemaVersion;
  out["doc"] = {
      {"id", doc.info.id},
      {"date", OrNull(doc.info.date)},
      {"lang", doc.info.lang},
      {"bytes", doc.info.bytes},
      {"normalization",
       {{"invalid_utf8", n.invalid_utf8},
        {"first_invalid_offset",
         n.invalid_utf8 > 0 ? json(n.first_invalid_offset) : json(nullptr)},
        {"removed", n.removed},
        {"spaces_unified", n.spaces_unified},
        {"nfc_runs", n.nfc_runs},
        {"bom", n.had_bom}}},
      {"paragraphs", doc.paragraphs.size()},
      {"sentences", doc.sentences.size()}};
  json mentions = json::array();
  for (const Mention& m : doc.mentions) mentions.push_back(MentionToJson(m, original));
  out["mentions"] = std::move(mentions);
  json claims = json::array();
  for (const Claim& c : doc.claims) claims.push_back(ClaimToJson(c, original));
  out["claims"] = std::move(claims);
  json comparisons = json::array();
  for (const Comparison& c : doc.comparisons) {
    comparisons.push_back(ComparisonToJson(c, /*with_doc=*/false));
  }
  out["comparisons"] = std::move(comparisons);
  return out;
}

std::string DumpJson(const json& value, int indent) {
  return value.dump(indent, ' ', /*ensure_ascii=*/false,
                    nlohmann::json::error_handler_t::replace);
}

// ---------------------------------------------------------------------------
// AppendDocumentJsonLine: the same bytes as the tree above, dumped on one
// line, written straight into a string.

namespace {

// How many of the eight bytes at p, from the first, a JSON string holds as
// they are: 8 unless one is >= 0x80 (to be checked as UTF-8), < 0x20, '"'
// or '\\' (to be escaped). Each test is the bit trick that finds a zero
// byte in a word; a borrow can only flag bytes after a true one, so the
// lowest flag is exact. The first byte is the word's least significant
// whatever the machine.
size_t PlainPrefixOf8(const char* p) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHighs = 0x8080808080808080ULL;
  uint64_t x;
  std::memcpy(&x, p, 8);
  if constexpr (std::endian::native == std::endian::big) x = __builtin_bswap64(x);
  const auto has_zero_byte = [](uint64_t v) { return (v - kOnes) & ~v & kHighs; };
  const uint64_t flagged = (x & kHighs) | ((x - 0x20 * kOnes) & ~x & kHighs) |
                           has_zero_byte(x ^ ('"' * kOnes)) | has_zero_byte(x ^ ('\\' * kOnes));
  return flagged == 0 ? 8 : static_cast<size_t>(std::countr_zero(flagged)) / 8;
}

// The length of the well-formed sequence at s[i] when it is one of two
// bytes, or of three outside the lead bytes E0 and ED (whose second byte
// has a narrower range): French letters (C3 xx) and the press's
// punctuation (E2 80 xx: ’ “ ” … –). 0 for anything else, to be decoded in
// full by DecodeUtf8At, which says what is ill-formed.
inline size_t CommonUtf8Length(std::string_view s, size_t i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  const auto continues = [&](size_t k) {
    return k < s.size() && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80;
  };
  if (lead >= 0xC2 && lead <= 0xDF) return continues(i + 1) ? 2 : 0;
  if (lead >= 0xE1 && lead <= 0xEF && lead != 0xED) {
    return continues(i + 1) && continues(i + 2) ? 3 : 0;
  }
  return 0;
}

// Writes one JSON line, appended to a string when the writer goes. The
// line is written into a scratch buffer of the thread, kept as long as the
// longest line so far (its size is the room, zero-filled once as it
// grows), so that each write is an inline bounds check and a copy: the
// writes of std::string, out of line, each checking and updating its size,
// were most of the writer's cost.
class LineWriter {
 public:
  explicit LineWriter(std::string* out) : out_(*out), buf_(Scratch()) {}
  ~LineWriter() {
    out_.append(buf_.data(), pos_);
    // A huge line's room is not kept for the life of the thread.
    if (buf_.size() > kKeptScratchBytes) std::string().swap(buf_);
  }
  LineWriter(const LineWriter&) = delete;
  LineWriter& operator=(const LineWriter&) = delete;

  void Open() { Put('{'); first_ = true; }
  void Close() { Put('}'); first_ = false; }
  void OpenArray() { Put('['); first_ = true; }
  void CloseArray() { Put(']'); first_ = false; }

  // The key of the next member; its value follows. A literal is a key of
  // the schema, plain ASCII, written as it is.
  template <size_t N>
  LineWriter& Key(const char (&literal)[N]) {
    char* o = Room(N + 3);  // , " literal " :
    if (!first_) *o++ = ',';
    *o++ = '"';
    std::memcpy(o, literal, N - 1);
    o += N - 1;
    *o++ = '"';
    *o++ = ':';
    pos_ = static_cast<size_t>(o - buf_.data());
    first_ = true;
    return *this;
  }
  LineWriter& Key(std::string_view key) {
    Separate();
    String(key);
    Put(':');
    first_ = true;  // the value needs no comma
    return *this;
  }
  // Before an array element or an object member.
  void Separate() {
    if (!first_) Put(',');
    first_ = false;
  }

  // Most strings of the output (ids, rule ids, mention texts, names,
  // statements) need no escape: the string is copied between its quotes at
  // once, then the copy is read eight bytes at a time, the last word
  // reaching into spare room past it (what it reads there is not looked
  // at). Letters and punctuation of two and three bytes are checked on the
  // way; anything else (an escape, a rarer or ill-formed sequence) has the
  // string written again by EscapedString().
  void String(std::string_view s) {
    const size_t n = s.size();
    char* o = Room(n + 2 + 8);
    o[0] = '"';
    if (n > 0) std::memcpy(o + 1, s.data(), n);  // data may be null when n is 0
    const char* copy = o + 1;
    size_t i = 0;
    while (i < n) {
      const size_t plain = PlainPrefixOf8(copy + i);
      i += plain;
      if (plain == 8) continue;
      if (i >= n) break;  // the flagged byte is past the string
      const size_t length =
          static_cast<unsigned char>(copy[i]) >= 0x80 ? CommonUtf8Length(s, i) : 0;
      if (length == 0) {
        EscapedString(s);
        return;
      }
      i += length;
    }
    o[n + 1] = '"';
    pos_ += n + 2;
    first_ = false;
  }

  // One pass checks the UTF-8 and finds what needs an escape, stepping
  // over plain ASCII eight bytes at a time; an ill-formed string is written
  // again by nlohmann (U+FFFD for each bad sequence).
  void EscapedString(std::string_view s) {
    first_ = false;
    const size_t mark = pos_;
    Put('"');
    // Bytes that need no escape are copied a run at a time: most strings
    // of the output (statements, names) have none.
    size_t run = 0;
    size_t i = 0;
    while (i < s.size()) {
      if (i + 8 <= s.size()) {
        const size_t plain = PlainPrefixOf8(s.data() + i);
        i += plain;
        if (plain == 8) continue;
      } else {  // the last bytes, padded with plain ones
        char tail[8] = {'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a'};
        std::memcpy(tail, s.data() + i, s.size() - i);
        i += std::min(PlainPrefixOf8(tail), s.size() - i);
        if (i == s.size()) break;
      }
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x80) {
        if (const size_t length = CommonUtf8Length(s, i)) {
          i += length;
          continue;
        }
        const Utf8Char decoded = DecodeUtf8At(s, i);
        if (!decoded.valid) {
          pos_ = mark;
          Put(DumpJson(nlohmann::ordered_json(std::string(s)), -1));
          return;
        }
        i += decoded.length;
        continue;
      }
      ++i;
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      Put(s.substr(run, i - 1 - run));
      run = i;
      switch (c) {
        case '"': Put("\\\"", 2); break;
        case '\\': Put("\\\\", 2); break;
        case '\b': Put("\\b", 2); break;
        case '\f': Put("\\f", 2); break;
        case '\n': Put("\\n", 2); break;
        case '\r': Put("\\r", 2); break;
        case '\t': Put("\\t", 2); break;
        default: {
          char escaped[8];
          std::snprintf(escaped, sizeof(escaped), "\\u%04x", static_cast<unsigned>(c));
          Put(escaped, 6);
        }
      }
    }
    Put(s.substr(run));
    Put('"');
  }
  void StringOrNull(const std::optional<std::string>& s) {
    if (s) {
      String(*s);
    } else {
      Null();
    }
  }
  void Null() { Put("null", 4); first_ = false; }
  void Bool(bool b) {
    if (b) {
      Put("true", 4);
    } else {
      Put("false", 5);
    }
    first_ = false;
  }
  template <typename T>
  void Integer(T n) {
    constexpr size_t kDigits = 24;  // a 64-bit integer and its sign fit
    char* o = Room(kDigits);
    auto [end, ec] = std::to_chars(o, o + kDigits, n);
    pos_ = static_cast<size_t>(end - buf_.data());
    first_ = false;
  }
  // As Number() above: integers without a fraction, other values as
  // nlohmann's serializer writes a double ("null" when not finite), with
  // the function it calls, without building a json value to dump.
  void Number(double value) {
    if (const std::optional<int64_t> integer = ExactInteger(value)) {
      Integer(*integer);
      return;
    }
    Double(value);
  }
  // What json(value).dump() writes: 12.0 stays "12.0".
  void Double(double value) {
    if (!std::isfinite(value)) {
      Null();
      return;
    }
    // nlohmann::detail::to_chars is the library's internal shortest
    // round-trip writer (Grisu2), the one its serializer calls on a
    // buffer of this size; the tests compare the bytes with dump().
    constexpr size_t kChars = 64;
    char* o = Room(kChars);
    pos_ = static_cast<size_t>(nlohmann::detail::to_chars(o, o + kChars, value) - buf_.data());
    first_ = false;
  }
  void Number(const std::optional<double>& value) {
    if (value) {
      Number(*value);
    } else {
      Null();
    }
  }
  void Strings(const std::vector<std::string>& values) {
    OpenArray();
    for (const std::string& v : values) {
      Separate();
      String(v);
    }
    CloseArray();
  }

 private:
  static constexpr size_t kKeptScratchBytes = size_t{4} << 20;

  static std::string& Scratch() {
    thread_local std::string scratch;
    return scratch;
  }

  // Room for n more bytes at pos_, valid until the next call.
  char* Room(size_t n) {
    if (buf_.size() - pos_ < n) Grow(n);
    return buf_.data() + pos_;
  }
  [[gnu::noinline]] void Grow(size_t n) { buf_.resize(std::max(buf_.size() * 2, pos_ + n + 4096)); }
  [[gnu::always_inline]] void Put(char c) {
    *Room(1) = c;
    ++pos_;
  }
  [[gnu::always_inline]] void Put(const char* bytes, size_t n) {
    char* o = Room(n);
    if (n > 0) std::memcpy(o, bytes, n);  // bytes may be null when n is 0
    pos_ += n;
  }
  void Put(std::string_view bytes) { Put(bytes.data(), bytes.size()); }

  std::string& out_;
  std::string& buf_;
  size_t pos_ = 0;  // the end of what is written; buf_ is longer
  bool first_ = true;
};

// AddBoundFields() for the line writer.
template <typename Figure>
void WriteBoundFields(const Figure& f, LineWriter& w) {
  w.Key("bound").String(BoundName(f.bound));
  w.Key("low").Number(f.low);
  w.Key("high").Number(f.high);
  w.Key("approx").Bool(f.approx);
}

void WriteValueFields(const QuantityValue& q, LineWriter& w) {
  w.Key("value").Number(q.value);
  w.Key("unit").StringOrNull(q.unit);
  w.Key("entity").StringOrNull(q.entity);
  w.Key("entity_lemma").StringOrNull(q.entity_lemma);
  WriteBoundFields(q, w);
}

void WriteValueFields(const DateValue& d, LineWriter& w) {
  w.Key("value").String(d.value);
  w.Key("type").String(d.type);
  w.Key("mod").StringOrNull(d.mod);
  if (d.range) {
    w.Key("range").Open();
    w.Key("start").String(d.range->start);
    w.Key("end").String(d.range->end);
    w.Close();
  }
}

void WriteValueFields(const PlaceValue& p, LineWriter& w) {
  w.Key("name").String(p.name);
  w.Key("country").StringOrNull(p.country);
  w.Key("type").String(p.type);
  if (p.gazetteer_id) w.Key("gazetteer_id").String(*p.gazetteer_id);
  if (p.lat && p.lon) {
    w.Key("lat").Number(*p.lat);
    w.Key("lon").Number(*p.lon);
  }
  if (p.admin1) w.Key("admin1").String(*p.admin1);
  if (p.metonymy) w.Key("metonymy").String(*p.metonymy);
}

void WriteValueFields(const SourceValue& s, LineWriter& w) {
  w.Key("name").String(s.name);
  w.Key("type").String(s.type);
  w.Key("role").StringOrNull(s.role);
}

void WriteValueFields(const QuoteValue&, LineWriter&) {}

void WriteMention(const Mention& mention, std::string_view original, LineWriter& w) {
  w.Open();
  w.Key("id").String(mention.id);
  w.Key("kind").String(MentionKindName(mention.kind));
  w.Key("start").Integer(mention.span.start);
  w.Key("end").Integer(mention.span.end);
  w.Key("text").String(mention.span.Of(original));
  w.Key("rule").String(mention.rule);
  if (mention.sentence) {
    w.Key("sentence").Integer(*mention.sentence);
  } else {
    w.Key("sentence").Null();
  }
  std::visit([&](const auto& value) { WriteValueFields(value, w); }, mention.value);
  if (mention.link) w.Key("link").String(*mention.link);
  w.Close();
}

void WriteClaim(const Claim& claim, std::string_view original, LineWriter& w) {
  w.Open();
  w.Key("id").String(claim.id);
  w.Key("type").String(ClaimTypeName(claim.type));
  w.Key("start").Integer(claim.span.start);
  w.Key("end").Integer(claim.span.end);
  w.Key("statement").String(claim.span.Of(original));
  if (claim.source) {
    w.Key("source").Open();
    w.Key("name").String(claim.source->name);
    w.Key("type").String(claim.source->type);
    w.Key("role").StringOrNull(claim.source->role);
    w.Key("mention").StringOrNull(claim.source->mention);
    w.Close();
  } else {
    w.Key("source").Null();
  }
  if (claim.cue) {
    w.Key("cue").Open();
    w.Key("text").String(claim.cue->span.Of(original));
    w.Key("lemma").String(claim.cue->lemma);
    w.Key("start").Integer(claim.cue->span.start);
    w.Key("end").Integer(claim.cue->span.end);
    w.Close();
  } else {
    w.Key("cue").Null();
  }
  w.Key("quantities").Strings(claim.quantities);
  w.Key("dates").Strings(claim.dates);
  w.Key("places").Strings(claim.places);
  w.Key("rule").String(claim.rule);
  w.Key("confidence").Double(claim.confidence);
  w.Close();
}

void WriteComparison(const Comparison& comparison, LineWriter& w) {
  w.Open();
  w.Key("entity").String(comparison.entity);
  w.Key("unit").StringOrNull(comparison.unit);
  w.Key("disagreement").Bool(comparison.disagreement);
  w.Key("items").OpenArray();
  for (const ComparisonItem& item : comparison.items) {
    w.Separate();
    w.Open();
    w.Key("claim").String(item.claim);
    w.Key("quantity").String(item.quantity);
    w.Key("source").StringOrNull(item.source);
    w.Key("value").Number(item.value);
    WriteBoundFields(item, w);
    w.Key("places").Strings(item.places);
    w.Key("dates").Strings(item.dates);
    w.Close();
  }
  w.CloseArray();
  w.Close();
}

}  // namespace

void AppendDocumentJsonLine(const AnnotatedDocument& doc, std::string_view original,
                            const std::vector<ExtraDocField>& extra, std::string* line) {
  const NormalizationStats& n = doc.info.normalization;
  LineWriter w(line);
  w.Open();
  w.Key("schema").String(kSchemaVersion);
  w.Key("doc").Open();
  w.Key("id").String(doc.info.id);
  w.Key("date").StringOrNull(doc.info.date);
  w.Key("lang").String(doc.info.lang);
  w.Key("bytes").Integer(doc.info.bytes);
  w.Key("normalization").Open();
  w.Key("invalid_utf8").Integer(n.invalid_utf8);
  if (n.invalid_utf8 > 0) {
    w.Key("first_invalid_offset").Integer(n.first_invalid_offset);
  } else {
    w.Key("first_invalid_offset").Null();
  }
  w.Key("removed").Integer(n.removed);
  w.Key("spaces_unified").Integer(n.spaces_unified);
  w.Key("nfc_runs").Integer(n.nfc_runs);
  w.Key("bom").Bool(n.had_bom);
  w.Close();
  w.Key("paragraphs").Integer(doc.paragraphs.size());
  w.Key("sentences").Integer(doc.sentences.size());
  for (const ExtraDocField& field : extra) w.Key(field.key).String(field.value);
  w.Close();
  w.Key("mentions").OpenArray();
  for (const Mention& m : doc.mentions) {
    w.Separate();
    WriteMention(m, original, w);
  }
  w.CloseArray();
  w.Key("claims").OpenArray();
  for (const Claim& c : doc.claims) {
    w.Separate();
    WriteClaim(c, original, w);
  }
  w.CloseArray();
  w.Key("comparisons").OpenArray();
  for (const Comparison& c : doc.comparisons) {
    w.Separate();
    WriteComparison(c, w);
  }
  w.CloseArray();
  w.Close();
}

}  // namespace claimx
