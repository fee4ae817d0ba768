#include "tools/claimx/compare_command.h"

#include <cerrno>
#include <cstring>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "extractor/comparison.h"
#include "extractor/emit_json.h"
#include "tools/claimx/cli_io.h"

namespace claimx::cli {
namespace {

using Json = nlohmann::ordered_json;

struct CompareFlags {
  std::vector<std::string> files;
  std::string rules;
};

// Field readers: each names the JSON path of what is missing or mistyped, so
// a bad line reads "FILE:LINE: claims[2].source.name is not a string".
Result<std::string> StringAt(const Json& object, const char* key, const std::string& path) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) {
    return InvalidArgument(path + "." + key + " is not a string");
  }
  return it->get<std::string>();
}

Result<std::optional<std::string>> OptionalStringAt(const Json& object, const char* key,
                                                    const std::string& path) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::optional<std::string>();
  if (!it->is_string()) return InvalidArgument(path + "." + key + " is not a string");
  return std::optional<std::string>(it->get<std::string>());
}

Result<std::optional<double>> OptionalNumberAt(const Json& object, const char* key,
                                               const std::string& path) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::optional<double>();
  if (!it->is_number()) return InvalidArgument(path + "." + key + " is not a number");
  return std::optional<double>(it->get<double>());
}

Result<std::vector<std::string>> IdsAt(const Json& object, const char* key,
                                       const std::string& path) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_array()) {
    return InvalidArgument(path + "." + key + " is not an array");
  }
  std::vector<std::string> ids;
  for (const Json& id : *it) {
    if (!id.is_string()) return InvalidArgument(path + "." + key + " holds a non-string id");
    ids.push_back(id.get<std::string>());
  }
  return ids;
}

std::optional<Bound> BoundFromName(std::string_view name) {
  for (Bound b : {Bound::kExact, Bound::kAtLeast, Bound::kAtMost, Bound::kUpTo,
                  Bound::kRange}) {
    if (BoundName(b) == name) return b;
  }
  return std::nullopt;
}

// Unwraps a Result into `out`, or returns its status from the caller.
#define CLAIMX_ASSIGN_OR_RETURN(out, expr) \
  do {                                     \
    auto result_ = (expr);                 \
    if (!result_.ok()) return result_.status(); \
    out = std::move(result_).value();      \
  } while (0)

Result<MentionValue> QuantityFromJson(const Json& m, const std::string& path) {
  QuantityValue q;
  auto value = m.find("value");
  if (value == m.end() || !value->is_number()) {
    return InvalidArgument(path + ".value is not a number");
  }
  q.value = value->get<double>();
  CLAIMX_ASSIGN_OR_RETURN(q.unit, OptionalStringAt(m, "unit", path));
  CLAIMX_ASSIGN_OR_RETURN(q.entity, OptionalStringAt(m, "entity", path));
  CLAIMX_ASSIGN_OR_RETURN(q.entity_lemma, OptionalStringAt(m, "entity_lemma", path));
  std::string bound;
  CLAIMX_ASSIGN_OR_RETURN(bound, StringAt(m, "bound", path));
  auto parsed = BoundFromName(bound);
  if (!parsed) return InvalidArgument(path + ".bound '" + bound + "' is not a schema v1 bound");
  q.bound = *parsed;
  CLAIMX_ASSIGN_OR_RETURN(q.low, OptionalNumberAt(m, "low", path));
  CLAIMX_ASSIGN_OR_RETURN(q.high, OptionalNumberAt(m, "high", path));
  auto approx = m.find("approx");
  q.approx = approx != m.end() && approx->is_boolean() && approx->get<bool>();
  return MentionValue(std::move(q));
}

Result<MentionValue> PlaceFromJson(const Json& m, const std::string& path) {
  PlaceValue p;
  CLAIMX_ASSIGN_OR_RETURN(p.name, StringAt(m, "name", path));
  CLAIMX_ASSIGN_OR_RETURN(p.country, OptionalStringAt(m, "country", path));
  CLAIMX_ASSIGN_OR_RETURN(p.type, StringAt(m, "type", path));
  return MentionValue(std::move(p));
}

Result<MentionValue> DateFromJson(const Json& m, const std::string& path) {
  DateValue d;
  CLAIMX_ASSIGN_OR_RETURN(d.value, StringAt(m, "value", path));
  CLAIMX_ASSIGN_OR_RETURN(d.type, StringAt(m, "type", path));
  CLAIMX_ASSIGN_OR_RETURN(d.mod, OptionalStringAt(m, "mod", path));
  if (auto range = m.find("range"); range != m.end() && !range->is_null()) {
    if (!range->is_object()) return InvalidArgument(path + ".range is not an object");
    DateRange r;
    CLAIMX_ASSIGN_OR_RETURN(r.start, StringAt(*range, "start", path + ".range"));
    CLAIMX_ASSIGN_OR_RETURN(r.end, StringAt(*range, "end", path + ".range"));
    d.range = std::move(r);
  }
  return MentionValue(std::move(d));
}

// The mention `m` if its kind is one a comparison reads; nullopt otherwise.
Result<std::optional<Mention>> ComparableMention(const Json& m, const std::string& path) {
  if (!m.is_object()) return InvalidArgument(path + " is not an object");
  Mention mention;
  CLAIMX_ASSIGN_OR_RETURN(mention.id, StringAt(m, "id", path));
  std::string kind;
  CLAIMX_ASSIGN_OR_RETURN(kind, StringAt(m, "kind", path));
  Result<MentionValue> value = InvalidArgument("");
  if (kind == MentionKindName(MentionKind::kQuantity)) {
    mention.kind = MentionKind::kQuantity;
    value = QuantityFromJson(m, path);
  } else if (kind == MentionKindName(MentionKind::kPlace)) {
    mention.kind = MentionKind::kPlace;
    value = PlaceFromJson(m, path);
  } else if (kind == MentionKindName(MentionKind::kDate)) {
    mention.kind = MentionKind::kDate;
    value = DateFromJson(m, path);
  } else {
    return std::optional<Mention>();
  }
  if (!value.ok()) return value.status();
  mention.value = std::move(value).value();
  return std::optional<Mention>(std::move(mention));
}

Result<Claim> ClaimFromJson(const Json& c, const std::string& path) {
  if (!c.is_object()) return InvalidArgument(path + " is not an object");
  Claim claim;
  CLAIMX_ASSIGN_OR_RETURN(claim.id, StringAt(c, "id", path));
  CLAIMX_ASSIGN_OR_RETURN(claim.quantities, IdsAt(c, "quantities", path));
  CLAIMX_ASSIGN_OR_RETURN(claim.places, IdsAt(c, "places", path));
  CLAIMX_ASSIGN_OR_RETURN(claim.dates, IdsAt(c, "dates", path));
  if (auto source = c.find("source"); source != c.end() && !source->is_null()) {
    if (!source->is_object()) return InvalidArgument(path + ".source is not an object");
    ClaimSource s;
    CLAIMX_ASSIGN_OR_RETURN(s.name, StringAt(*source, "name", path + ".source"));
    claim.source = std::move(s);
  }
  return claim;
}

#undef CLAIMX_ASSIGN_OR_RETURN

Status CheckSchema(const Json& doc) {
  if (!doc.is_object()) return InvalidArgument("the line is not a JSON object");
  auto schema = doc.find("schema");
  if (schema == doc.end() || !schema->is_string() ||
      schema->get<std::string>().rfind("claimx/1", 0) != 0) {
    return InvalidArgument("not a claimx/1 document (no \"schema\": \"claimx/1...\")");
  }
  return Status::Ok();
}

}  // namespace

Result<AnnotatedDocument> ComparableDocumentFromJson(const Json& doc) {
  if (Status s = CheckSchema(doc); !s.ok()) return s;
  AnnotatedDocument out;
  auto info = doc.find("doc");
  if (info == doc.end() || !info->is_object()) return InvalidArgument("doc is not an object");
  auto id = StringAt(*info, "id", "doc");
  if (!id.ok()) return id.status();
  out.info.id = std::move(id).value();
  auto claims = doc.find("claims");
  if (claims == doc.end() || !claims->is_array()) {
    return InvalidArgument("claims is not an array");
  }
  std::unordered_set<std::string> wanted;  // mention ids the kept claims list
  for (size_t i = 0; i < claims->size(); ++i) {
    auto claim = ClaimFromJson((*claims)[i], "claims[" + std::to_string(i) + "]");
    if (!claim.ok()) return claim.status();
    if (claim->quantities.empty()) continue;
    for (const auto* ids : {&claim->quantities, &claim->places, &claim->dates}) {
      wanted.insert(ids->begin(), ids->end());
    }
    out.claims.push_back(std::move(claim).value());
  }
  if (out.claims.empty()) return out;
  auto mentions = doc.find("mentions");
  if (mentions == doc.end() || !mentions->is_array()) {
    return InvalidArgument("mentions is not an array");
  }
  for (size_t i = 0; i < mentions->size(); ++i) {
    const Json& m = (*mentions)[i];
    auto mid = m.is_object() ? m.find("id") : m.end();
    if (mid != m.end() && mid->is_string() && !wanted.count(mid->get<std::string>())) {
      continue;
    }
    auto mention = ComparableMention(m, "mentions[" + std::to_string(i) + "]");
    if (!mention.ok()) return mention.status();
    if (*mention) out.mentions.push_back(std::move(**mention));
  }
  return out;
}

namespace {

class CompareRun {
 public:
  // Keeps the document of one line, or reports the line as bad.
  void Add(const std::string& line, const std::string& where) {
    Json json;
    try {
      json = Json::parse(line);
    } catch (const nlohmann::json::parse_error& e) {
      Bad(where, "invalid JSON at byte " + std::to_string(e.byte));
      return;
    } catch (const nlohmann::json::exception& e) {  // "2e9662": out_of_range
      Bad(where, std::string("invalid JSON: ") + e.what());
      return;
    }
    auto doc = ComparableDocumentFromJson(json);
    if (!doc.ok()) {
      Bad(where, doc.status().message());
      return;
    }
    ++read_;
    if (!doc->claims.empty()) {
      docs_.push_back(std::make_unique<AnnotatedDocument>(std::move(doc).value()));
    }
  }

  std::vector<const AnnotatedDocument*> documents() const {
    std::vector<const AnnotatedDocument*> out;
    out.reserve(docs_.size());
    for (const auto& d : docs_) out.push_back(d.get());
    return out;
  }
  size_t bad() const { return bad_; }
  size_t read() const { return read_; }

 private:
  void Bad(const std::string& where, const std::string& message) {
    ++bad_;
    std::cerr << "claimx compare: " << where << ": " << message << "\n";
  }

  std::vector<std::unique_ptr<AnnotatedDocument>> docs_;
  size_t bad_ = 0;
  size_t read_ = 0;
};

int RunCompare(const CompareFlags& flags, const char* argv0) {
  auto rules = LoadRules(flags.rules, argv0);
  if (!rules.ok()) {
    std::cerr << "claimx compare: " << rules.status().message() << "\n";
    return kExitError;
  }
  CompareRun run;
  Status read = ForEachLine(flags.files, [&](std::string&& line, const std::string& where) {
    run.Add(line, where);
    return true;
  });
  if (!read.ok()) return Fail("claimx compare", read.message());
  const ClaimComparer comparer = ClaimComparer::Create(**rules);
  const std::vector<Comparison> comparisons = comparer.Compare(run.documents());
  std::string out;
  for (const Comparison& c : comparisons) {
    out += ComparisonToJson(c, /*with_doc=*/true).dump();
    out += '\n';
  }
  if (int error = WriteStdout(out); error != 0) {
    if (error == EPIPE) return kExitError;
    std::cerr << "claimx compare: <stdout>: " << std::strerror(error) << "\n";
    return kExitError;
  }
  std::cerr << "claimx compare: " << run.read() << " documents, " << comparisons.size()
            << " comparisons, " << run.bad() << " bad lines\n";
  if (run.bad() > 0) return kExitError;
  return comparisons.empty() ? kExitNothing : kExitOk;
}

}  // namespace

std::function<int(const char* argv0)> AddCompareCommand(CLI::App& app) {
  auto flags = std::make_shared<CompareFlags>();
  CLI::App* compare = app.add_subcommand(
      "compare",
      "Group figures that measure the same thing across documents (claimx batch JSONL)");
  compare->add_option("files", flags->files, "JSONL of schema v1 documents, - for stdin");
  compare->add_option("--rules", flags->rules, "Rule directory (e.g. rules/fr)");
  return [flags](const char* argv0) { return RunCompare(*flags, argv0); };
}

}  // namespace claimx::cli
