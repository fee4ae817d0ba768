#include "extractor/emit_jsonld.h"

#include <unordered_map>

namespace claimx {

namespace {

using json = nlohmann::ordered_json;

std::string_view AuthorType(std::string_view source_type) {
  if (source_type == "person") return "Person";
  if (source_type == "government") return "GovernmentOrganization";
  if (source_type == "media") return "NewsMediaOrganization";
  if (source_type == "document") return "CreativeWork";
  if (source_type == "organization") return "Organization";
  return "Thing";  // anonymous: "une source proche du dossier"
}

json PlaceNode(const PlaceValue& place) {
  json node = {{"@type", "Place"}, {"name", place.name}};
  if (place.country) {
    node["address"] = {{"@type", "PostalAddress"}, {"addressCountry", *place.country}};
  }
  if (place.lat && place.lon) {
    node["geo"] = {{"@type", "GeoCoordinates"}, {"latitude", *place.lat},
                   {"longitude", *place.lon}};
  }
  return node;
}

// ISO 8601 for schema.org's temporalCoverage, or nothing when the TIMEX3
// value has unknown parts, is a bare duration or a recurrence.
std::optional<std::string> Coverage(const DateValue& date) {
  if (date.range) return date.range->start + "/" + date.range->end;
  if (date.type == "duration" || date.type == "set") return std::nullopt;
  if (date.value.find('X') != std::string::npos || date.value.size() < 4) return std::nullopt;
  if (date.value.find("_REF") != std::string::npos) return std::nullopt;
  return date.value;
}

json QuantityNode(const QuantityValue& q) {
  json node = {{"@type", "QuantitativeValue"}};
  if (q.bound == Bound::kRange && q.low && q.high) {
    node["minValue"] = *q.low;
    node["maxValue"] = *q.high;
  } else if (q.bound == Bound::kAtLeast) {
    node["minValue"] = q.value;
  } else if (q.bound == Bound::kAtMost || q.bound == Bound::kUpTo) {
    node["maxValue"] = q.value;
  } else {
    node["value"] = q.value;
  }
  if (q.unit) node["unitText"] = *q.unit;
  if (q.entity) node["name"] = *q.entity;
  return node;
}

}  // namespace

json DocumentToJsonLd(const AnnotatedDocument& doc, std::string_view original) {
  std::unordered_map<std::string, const Mention*> by_id;
  for (const Mention& m : doc.mentions) by_id.emplace(m.id, &m);
  auto value_of = [&](const std::string& id) -> const MentionValue* {
    auto it = by_id.find(id);
    return it == by_id.end() ? nullptr : &it->second->value;
  };

  json article = {{"@type", "NewsArticle"}, {"@id", "_:article"},
                  {"identifier", doc.info.id}, {"inLanguage", doc.info.lang}};
  if (doc.info.date) article["datePublished"] = *doc.info.date;
  json graph = json::array({article});
  for (const Claim& claim : doc.claims) {
    json node = {{"@type", "Claim"}, {"@id", "_:" + claim.id}, {"identifier", claim.id},
                 {"text", std::string(claim.span.Of(original))}};
    if (claim.source) {
      node["author"] = {{"@type", AuthorType(claim.source->type)},
                        {"name", claim.source->name}};
      if (claim.source->role) node["author"]["jobTitle"] = *claim.source->role;
    }
    node["appearance"] = {{"@id", "_:article"}};
    if (doc.info.date) node["datePublished"] = *doc.info.date;
    json places = json::array();
    for (const std::string& id : claim.places) {
      if (const auto* v = value_of(id); v && std::holds_alternative<PlaceValue>(*v)) {
        places.push_back(PlaceNode(std::get<PlaceValue>(*v)));
      }
    }
    if (!places.empty()) node["contentLocation"] = std::move(places);
    json coverage = json::array();
    for (const std::string& id : claim.dates) {
      if (const auto* v = value_of(id); v && std::holds_alternative<DateValue>(*v)) {
        if (auto c = Coverage(std::get<DateValue>(*v))) coverage.push_back(*c);
      }
    }
    if (coverage.size() == 1) node["temporalCoverage"] = coverage[0];
    if (coverage.size() > 1) node["temporalCoverage"] = std::move(coverage);
    json about = json::array();
    for (const std::string& id : claim.quantities) {
      if (const auto* v = value_of(id); v && std::holds_alternative<QuantityValue>(*v)) {
        about.push_back(QuantityNode(std::get<QuantityValue>(*v)));
      }
    }
    if (!about.empty()) node["about"] = std::move(about);
    graph.push_back(std::move(node));
  }
  return {{"@context", "https://schema.org"}, {"@graph", std::move(graph)}};
}

}  // namespace claimx
