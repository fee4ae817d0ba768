#include "tools/eval/scorer.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "tools/eval/quantity_eval.h"

namespace claimx::eval {

namespace fs = std::filesystem;
using json = nlohmann::json;

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

namespace {

// ---------------------------------------------------------------------------
// The table of expected types. One row per type; add rows for new dimensions.

std::string DatePredictedValue(const Mention& m, std::string_view gold) {
  const auto& d = std::get<DateValue>(m.value);
  // Duckling writes intervals "(start,end,duration)": its start is compared
  // with the start of our range (or our point).
  if (gold.starts_with('(') && d.range) return d.range->start;
  return d.value;
}

std::string DateGoldValue(std::string_view gold) {
  if (gold.starts_with('(')) {
    size_t comma = gold.find(',');
    return std::string(gold.substr(1, comma == std::string_view::npos ? 0 : comma - 1));
  }
  return std::string(gold);
}

bool SameTimex(std::string_view predicted, std::string_view gold) {
  return NormalizeTimex(predicted) == NormalizeTimex(DateGoldValue(gold));
}

std::string DateType(const Mention& m) { return std::get<DateValue>(m.value).type; }

struct TypeAdapter {
  std::string_view type;
  MentionKind kind;
  std::string (*predicted_value)(const Mention&, std::string_view gold);
  bool (*same)(std::string_view predicted, std::string_view gold);
  std::string (*predicted_type)(const Mention&);
};

const std::vector<TypeAdapter>& TypeAdapters() {
  static const std::vector<TypeAdapter> adapters = {
      {"date", MentionKind::kDate, DatePredictedValue, SameTimex, DateType},
      {"time", MentionKind::kDate, DatePredictedValue, SameTimex, DateType},
      {"duration", MentionKind::kDate, DatePredictedValue, SameTimex, DateType},
      {"set", MentionKind::kDate, DatePredictedValue, SameTimex, DateType},
      {"range", MentionKind::kDate, DatePredictedValue, SameTimex, DateType},
      // Quantities (tools/eval/quantity_eval.h); "number" first: it types
      // the spurious ones.
      {"number", MentionKind::kQuantity, QuantityPredictedValue, SameQuantity, QuantityType},
      {"percent", MentionKind::kQuantity, QuantityPredictedValue, SameQuantity, QuantityType},
      {"money", MentionKind::kQuantity, QuantityPredictedValue, SameQuantity, QuantityType},
      {"money_range", MentionKind::kQuantity, QuantityPredictedValue, SameQuantity, QuantityType},
      {"temperature", MentionKind::kQuantity, QuantityPredictedValue, SameQuantity, QuantityType},
      {"distance", MentionKind::kQuantity, QuantityPredictedValue, SameQuantity, QuantityType},
      {"volume", MentionKind::kQuantity, QuantityPredictedValue, SameQuantity, QuantityType},
      {"product", MentionKind::kQuantity, QuantityPredictedValue, SameQuantity, QuantityType},
  };
  return adapters;
}

const TypeAdapter* AdapterFor(std::string_view type) {
  for (const TypeAdapter& a : TypeAdapters()) {
    if (a.type == type) return &a;
  }
  return nullptr;
}

const TypeAdapter* AdapterForKind(MentionKind kind) {
  for (const TypeAdapter& a : TypeAdapters()) {
    if (a.kind == kind) return &a;
  }
  return nullptr;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Byte offset of code point `index` in UTF-8 `text`.
size_t ByteOffset(std::string_view text, size_t index) {
  size_t pos = 0;
  for (size_t cp = 0; cp < index && pos < text.size(); ++cp) {
    ++pos;
    while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
  }
  return pos;
}

std::string Describe(std::string_view text, Span span, std::string_view value) {
  return "'" + std::string(span.Of(text)) + "' " + std::string(value);
}

}  // namespace

std::string NormalizeTimex(std::string_view value) {
  std::string v(value);
  while (v.size() > 3 && v.ends_with(":00") &&
         std::count(v.begin(), v.end(), ':') >= 1 && v.find('T') != std::string::npos) {
    v.resize(v.size() - 3);
  }
  while (v.size() > 1 && v.back() == 'X' && v.find('T') == std::string::npos &&
         !v.starts_with('P')) {
    v.pop_back();
  }
  return v;
}

void TypeScore::Add(const TypeScore& o) {
  gold += o.gold;
  predicted += o.predicted;
  exact += o.exact;
  overlap += o.overlap;
  value_correct += o.value_correct;
}

Result<std::vector<EvalCase>> LoadFtib(const std::string& dir) {
  std::ifstream index(fs::path(dir) / "index.jsonl");
  if (!index) return NotFound("no index.jsonl in " + dir);
  std::vector<EvalCase> cases;
  std::string line;
  try {
    while (std::getline(index, line)) {
      if (line.empty()) continue;
      json doc = json::parse(line);
      EvalCase c;
      c.id = doc.at("name").get<std::string>();
      c.text = ReadAll(fs::path(dir) / doc.at("file").get<std::string>());
      c.document_date = doc.at("document_creation_time").get<std::string>();
      c.negative_for = "date";  // every TIMEX3 is annotated: extra dates count
      std::ifstream timex(fs::path(dir) / doc.at("timex_file").get<std::string>());
      std::string t;
      while (std::getline(timex, t)) {
        if (t.empty()) continue;
        json g = json::parse(t);
        c.expected.push_back(GoldEntity{
            Lower(g.at("type").get<std::string>()),
            Span{g.at("start_byte").get<size_t>(), g.at("end_byte").get<size_t>()},
            g.at("value").get<std::string>()});
      }
      cases.push_back(std::move(c));
    }
  } catch (const json::exception& e) {
    return InvalidArgument(dir + ": " + e.what());
  }
  return cases;
}

Result<std::vector<EvalCase>> LoadDuckling(const std::string& file) {
  std::ifstream in(file);
  if (!in) return NotFound("cannot read " + file);
  std::vector<EvalCase> cases;
  std::string line;
  try {
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      json d = json::parse(line);
      std::string source = d.at("file").get<std::string>();
      bool time = !d.at("reference_date").is_null();
      bool quantity = !d.at("expected").empty() &&
                      DucklingQuantityType(d.at("expected")[0], source).has_value();
      if (!time && !quantity && source.find("/Duration/") == std::string::npos) continue;
      EvalCase c;
      c.id = source + "#" + std::to_string(d.at("case_index").get<int>());
      c.text = d.at("input").get<std::string>();
      if (time) c.document_date = d.at("reference_date").get<std::string>().substr(0, 10);
      if (d.contains("negative_for")) c.negative_for = Lower(d["negative_for"].get<std::string>());
      if (c.negative_for == "time") c.negative_for = "date";
      for (const json& e : d.at("expected")) {
        size_t start = ByteOffset(c.text, e.at("span")[0].get<size_t>());
        size_t end = ByteOffset(c.text, e.at("span")[1].get<size_t>());
        if (quantity) {
          c.expected.push_back(GoldEntity{*DucklingQuantityType(e, source), Span{start, end},
                                          DucklingQuantityValue(e)});
          continue;
        }
        c.expected.push_back(GoldEntity{Lower(e.at("type").get<std::string>()),
                                        Span{start, end},
                                        e.at("value").get<std::string>()});
      }
      cases.push_back(std::move(c));
    }
  } catch (const json::exception& e) {
    return InvalidArgument(file + ": " + e.what());
  }
  return cases;
}

Result<std::vector<OutOfScopeRule>> LoadOutOfScope(const std::string& file) {
  std::vector<OutOfScopeRule> rules;
  try {
    YAML::Node root = YAML::LoadFile(file);
    for (const YAML::Node& item : root["out_of_scope"]) {
      OutOfScopeRule rule;
      rule.suite = item["suite"].as<std::string>();
      rule.pattern = item["pattern"].as<std::string>();
      rule.reason = item["reason"].as<std::string>();
      rule.regex = std::regex(rule.pattern, std::regex::ECMAScript | std::regex::icase);
      rules.push_back(std::move(rule));
    }
  } catch (const std::exception& e) {
    return InvalidArgument(file + ": " + e.what());
  }
  return rules;
}

namespace {

const OutOfScopeRule* OutOfScope(const std::vector<OutOfScopeRule>& rules,
                                 const std::string& suite, const std::string& text) {
  for (const OutOfScopeRule& rule : rules) {
    if (rule.suite == suite && std::regex_search(text, rule.regex)) return &rule;
  }
  return nullptr;
}

void ScoreCase(const EvalCase& c, const std::vector<Mention>& found,
               const std::set<MentionKind>& kinds, EvalReport* report) {
  std::vector<const Mention*> predicted;
  for (const Mention& m : found) {
    if (kinds.count(m.kind)) predicted.push_back(&m);
  }
  std::vector<bool> used(predicted.size(), false);
  for (const GoldEntity& gold : c.expected) {
    const TypeAdapter* adapter = AdapterFor(gold.type);
    TypeScore& score = report->by_type[gold.type];
    ++score.gold;
    // The predicted mention sharing most bytes with the gold span.
    size_t best = predicted.size();
    size_t best_shared = 0;
    for (size_t i = 0; i < predicted.size(); ++i) {
      const Mention& m = *predicted[i];
      if (used[i] || m.kind != adapter->kind || !m.span.Overlaps(gold.span)) continue;
      size_t shared = std::min(m.span.end, gold.span.end) -
                      std::max(m.span.start, gold.span.start);
      if (m.span == gold.span) shared = SIZE_MAX;
      if (shared > best_shared) {
        best_shared = shared;
        best = i;
      }
    }
    if (best == predicted.size()) {
      report->mismatches.push_back(
          {c.id, "missed", Describe(c.text, gold.span, gold.value), ""});
      continue;
    }
    used[best] = true;
    const Mention& m = *predicted[best];
    ++score.predicted;
    ++score.overlap;
    if (m.span == gold.span) ++score.exact;
    std::string value = adapter->predicted_value(m, gold.value);
    if (adapter->same(value, gold.value)) {
      ++score.value_correct;
    } else {
      report->mismatches.push_back({c.id, "value", Describe(c.text, gold.span, gold.value),
                                    Describe(c.text, m.span, value)});
    }
  }
  for (size_t i = 0; i < predicted.size(); ++i) {
    if (used[i]) continue;
    const TypeAdapter* adapter = AdapterForKind(predicted[i]->kind);
    std::string type = adapter->predicted_type(*predicted[i]);
    ++report->by_type[type].predicted;
    report->mismatches.push_back(
        {c.id, "spurious", "",
         Describe(c.text, predicted[i]->span, adapter->predicted_value(*predicted[i], ""))});
  }
}

}  // namespace

EvalReport Evaluate(const Annotator& annotator, const std::string& suite,
                    const std::vector<EvalCase>& cases,
                    const std::vector<OutOfScopeRule>& out_of_scope) {
  EvalReport report;
  report.suite = suite;
  for (const EvalCase& c : cases) {
    if (const OutOfScopeRule* rule = OutOfScope(out_of_scope, suite, c.text)) {
      report.skipped.push_back({c.id, c.text, rule->reason});
      continue;
    }
    std::set<MentionKind> kinds;
    std::string unscored;
    for (const GoldEntity& gold : c.expected) {
      if (const TypeAdapter* a = AdapterFor(gold.type)) kinds.insert(a->kind);
      else unscored = gold.type;
    }
    if (const TypeAdapter* a = AdapterFor(c.negative_for)) {
      kinds.insert(a->kind);
    } else if (c.expected.empty()) {
      unscored = c.negative_for.empty() ? "(none)" : c.negative_for;
    }
    if (!unscored.empty()) {
      report.skipped.push_back({c.id, c.text, "no scorer for type " + unscored});
      continue;
    }
    auto doc = annotator.Annotate(c.text, DocumentOptions{c.id, c.document_date});
    if (!doc.ok()) {
      report.skipped.push_back({c.id, c.text, "annotate failed: " + doc.status().message()});
      continue;
    }
    ++report.cases;
    ScoreCase(c, doc->mentions, kinds, &report);
  }
  for (const auto& [type, score] : report.by_type) report.total.Add(score);
  return report;
}

std::string FormatReport(const EvalReport& r) {
  std::ostringstream out;
  char line[256];
  out << r.suite << ": " << r.cases << " cases scored, " << r.skipped.size()
      << " out of scope\n";
  std::snprintf(line, sizeof(line), "%-10s %6s %6s %8s %8s %8s %8s %8s\n", "type",
                "gold", "found", "P(ovl)", "R(ovl)", "F1(ovl)", "F1(exact)", "value");
  out << line;
  auto row = [&](const std::string& name, const TypeScore& s) {
    std::snprintf(line, sizeof(line), "%-10s %6zu %6zu %8.3f %8.3f %8.3f %8.3f %8.3f\n",
                  name.c_str(), s.gold, s.predicted, s.Precision(s.overlap),
                  s.Recall(s.overlap), s.F1(s.overlap), s.F1(s.exact), s.ValueAccuracy());
    out << line;
  };
  for (const auto& [type, score] : r.by_type) row(type, score);
  row("total", r.total);
  std::map<std::string, size_t> reasons;
  for (const Skipped& s : r.skipped) ++reasons[s.reason];
  if (!reasons.empty()) out << "out of scope:\n";
  for (const auto& [reason, count] : reasons) out << "  " << count << "  " << reason << "\n";
  return out.str();
}

json ReportToJson(const EvalReport& r) {
  auto score = [](const TypeScore& s) {
    return json{{"gold", s.gold},
                {"found", s.predicted},
                {"exact", s.exact},
                {"overlap", s.overlap},
                {"precision_overlap", s.Precision(s.overlap)},
                {"recall_overlap", s.Recall(s.overlap)},
                {"f1_overlap", s.F1(s.overlap)},
                {"precision_exact", s.Precision(s.exact)},
                {"recall_exact", s.Recall(s.exact)},
                {"f1_exact", s.F1(s.exact)},
                {"value_accuracy", s.ValueAccuracy()}};
  };
  json out = {{"suite", r.suite}, {"cases", r.cases}, {"total", score(r.total)}};
  for (const auto& [type, s] : r.by_type) out["by_type"][type] = score(s);
  out["out_of_scope"] = json::array();
  for (const Skipped& s : r.skipped) {
    out["out_of_scope"].push_back({{"id", s.id}, {"text", s.text}, {"reason", s.reason}});
  }
  out["mismatches"] = json::array();
  for (const Mismatch& m : r.mismatches) {
    out["mismatches"].push_back(
        {{"id", m.id}, {"what", m.what}, {"gold", m.gold}, {"found", m.found}});
  }
  return out;
}

}  // namespace claimx::eval
