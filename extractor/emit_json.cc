#include "extractor/emit_json.h"

#include <variant>

namespace claimx {

namespace {

using json = nlohmann::ordered_json;

template <typename T>
json OrNull(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

// Counts are written as integers (119, not 119.0); other values as doubles.
json Number(double value) {
  constexpr double kMaxExactInteger = 9007199254740992.0;  // 2^53
  if (value > -kMaxExactInteger && value < kMaxExactInteger &&
      value == static_cast<double>(static_cast<int64_t>(value))) {
    return json(static_cast<int64_t>(value));
  }
  return json(value);
}

json NumberOrNull(const std::optional<double>& value) {
  return value ? Number(*value) : json(nullptr);
}

void AddValueFields(const QuantityValue& q, json* out) {
  (*out)["value"] = Number(q.value);
  (*out)["unit"] = OrNull(q.unit);
  (*out)["entity"] = OrNull(q.entity);
  (*out)["entity_lemma"] = OrNull(q.entity_lemma);
  (*out)["bound"] = BoundName(q.bound);
  (*out)["low"] = NumberOrNull(q.low);
  (*out)["high"] = NumberOrNull(q.high);
  (*out)["approx"] = q.approx;
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
    out["bound"] = BoundName(item.bound);
    out["low"] = NumberOrNull(item.low);
    out["high"] = NumberOrNull(item.high);
    out["approx"] = item.approx;
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

}  // namespace claimx
