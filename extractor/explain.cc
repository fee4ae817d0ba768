#include "extractor/explain.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "extractor/comparison.h"
#include "extractor/emit_json.h"
#include "extractor/place.h"
#include "extractor/quantity.h"

namespace claimx {

namespace {

// Where quantity groups are looked up (quantity.yaml, header comment):
// the groups that are not numbers and not named after their lexicon.
const std::map<std::string, std::string, std::less<>>& QuantityGroupLexicons() {
  static const std::map<std::string, std::string, std::less<>> kTables = {
      {"bound", "bound_modifiers"},
      {"approx", "approx_modifiers"},
      {"approx_noun", "approx_nouns"},
      {"fraction", "fraction_nouns"},
      {"plus_fraction", "added_fractions"},
  };
  return kTables;
}

bool IsNumberGroup(std::string_view name) {
  return name == "number" || name == "low" || name == "high" || name == "denominator";
}

std::string Quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::string Where(const std::string& file, int line) {
  return line > 0 ? file + ":" + std::to_string(line) : file;
}

// The normalized offset where original offset `original` falls: the first
// normalized byte that maps at or after it. OriginalStart is monotonic.
size_t ToNormalized(const NormalizedText& n, size_t original) {
  size_t lo = 0;
  size_t hi = n.text.size();
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (n.map.OriginalStart(mid) < original) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

// The match of `rule` in the item's sentence that best covers `span`
// (original offsets), or nothing when the rule set has no such match.
std::optional<RuleMatch> FindMatch(const RuleBook& rules, const Rule& rule,
                                   const AnnotationTrace& trace,
                                   std::optional<size_t> sentence, Span span) {
  const RuleSet* set = rules.Dimension(rule.dimension);
  if (set == nullptr) return std::nullopt;
  Span range{0, trace.normalized.text.size()};
  if (sentence && *sentence < trace.sentences.size()) range = trace.sentences[*sentence];
  std::optional<RuleMatch> best;
  size_t best_overlap = 0;
  for (RuleMatch& match : set->FindAll(trace.normalized.text, range)) {
    if (match.rule == nullptr || match.rule->id != rule.id) continue;
    Span original = trace.normalized.map.ToOriginal(match.span);
    size_t overlap = original.Overlaps(span) || original == span
                         ? std::min(original.end, span.end) -
                               std::max(original.start, span.start) + 1
                         : 0;
    if (overlap > best_overlap) {
      best_overlap = overlap;
      best = std::move(match);
    }
  }
  return best;
}

// One step per group that a table reads: the word, the table, the value.
void TableSteps(const RuleBook& rules, const Rule& rule, const RuleMatch& match,
                std::string_view text, std::vector<std::string>* steps) {
  for (const std::string& name : rule.group_names) {
    if (name.empty()) continue;
    auto span = match.Group(name);
    if (!span) continue;
    std::string_view word = span->Of(text);
    if (rule.dimension == "quantity" && IsNumberGroup(name)) {
      const auto* words = rules.Lexicon("number_words");
      std::optional<double> value;
      if (words != nullptr) value = ParseFrenchNumber(word, ToNumberWords(*words));
      steps->push_back(name + ": " + Quoted(word) + " -> " +
                       (value ? FigureText(*value, Bound::kExact, std::nullopt, std::nullopt, false)
                              : std::string("not a number")) +
                       " (French cardinal, digits and lexicon number_words)");
      continue;
    }
    std::string table_name;
    if (rule.dimension == "quantity") {
      auto it = QuantityGroupLexicons().find(name);
      if (it != QuantityGroupLexicons().end()) table_name = it->second;
      if (name == "unit") {
        auto lexicon = rule.set.find("unit_lexicon");
        if (lexicon != rule.set.end()) table_name = lexicon->second;
      }
    } else if (rule.dimension == "date") {
      table_name = std::string(DateGroupTable(name));
    }
    if (table_name.empty()) table_name = name;
    if (const Table* table = rules.FindTable(table_name)) {
      auto value = table->Lookup(word);
      steps->push_back(name + ": " + Quoted(word) + " -> " +
                       (value ? Quoted(*value) : std::string("not in the table")) +
                       " (table " + table_name + ", " + Where(table->file, table->line) + ")");
    } else if (const auto* lexicon = rules.Lexicon(table_name)) {
      auto it = lexicon->find(LexiconKey(word));
      steps->push_back(name + ": " + Quoted(word) + " -> " +
                       (it != lexicon->end() ? Quoted(it->second)
                                             : std::string("not in the lexicon")) +
                       " (lexicon " + table_name + ")");
    }
  }
  for (const auto& [field, value] : rule.set) {
    steps->push_back("set " + field + " = " + Quoted(value) + " (fixed by the rule)");
  }
}

// The gazetteer row of a place entry: "<dir>/gazetteers/cities.tsv:812".
std::optional<std::pair<std::string, int>> GazetteerRow(const std::string& rules_dir,
                                                        const std::string& id) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& entry :
       std::filesystem::directory_iterator(rules_dir + "/gazetteers", ec)) {
    if (entry.path().extension() == ".tsv") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  const std::string prefix = id + "\t";
  for (const auto& file : files) {
    std::ifstream in(file);
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
      if (line.compare(0, prefix.size(), prefix) == 0) {
        return std::make_pair(file.string(), number);
      }
    }
  }
  return std::nullopt;
}

void PlaceSteps(const RuleBook& rules, const PlaceValue& place, std::string_view text,
                Derivation* d) {
  d->steps.push_back("key: " + Quoted(text) + " folds to " + Quoted(FoldPlaceKey(text)) +
                     " (lower case, no diacritics, hyphens as spaces)");
  if (place.gazetteer_id) {
    if (auto row = GazetteerRow(rules.dir(), *place.gazetteer_id)) {
      d->rule_file = row->first;
      d->rule_line = row->second;
    }
    d->steps.push_back("entry: " + *place.gazetteer_id + " -> " + Quoted(place.name) +
                       (place.country ? ", country " + *place.country : "") +
                       ", type " + place.type +
                       (d->rule_line > 0 ? " (" + Where(d->rule_file, d->rule_line) + ")"
                                         : ""));
  }
  if (place.lat && place.lon) {
    std::ostringstream coords;
    coords << "coordinates: " << *place.lat << ", " << *place.lon;
    d->steps.push_back(coords.str());
  }
  if (place.metonymy) d->steps.push_back("metonymy: " + *place.metonymy);
}

// Steps that follow the match: what the recognizer added around it.
void ValueSteps(const Mention& m, const std::optional<std::string>& document_date,
                Derivation* d) {
  if (const auto* q = std::get_if<QuantityValue>(&m.value)) {
    if (q->entity) {
      d->steps.push_back("entity: " + Quoted(*q->entity) + " (counted noun after the figure)" +
                         " -> lemma " + Quoted(q->entity_lemma.value_or("")));
    }
    d->steps.push_back("figure: " + FigureText(q->value, q->bound, q->low, q->high, q->approx) +
                       (q->unit ? " " + *q->unit : ""));
  } else if (const auto* date = std::get_if<DateValue>(&m.value)) {
    std::string step = "resolved: " + date->value + " (" + date->type;
    if (date->mod) step += ", mod " + *date->mod;
    step += document_date ? ", document date " + *document_date : ", no document date";
    step += ")";
    d->steps.push_back(step);
    if (date->range) {
      d->steps.push_back("range: " + date->range->start + " .. " + date->range->end +
                         " (from a signal word before the date, or the rule's interval)");
    }
  }
}

bool Selected(const ExplainFilter& filter, Span span, const std::string& rule) {
  if (filter.at && !(span.start <= *filter.at && *filter.at < span.end)) return false;
  if (filter.rule && rule != *filter.rule) return false;
  return true;
}

void DescribeRule(const RuleBook& rules, const AnnotationTrace& trace,
                  std::optional<size_t> sentence, Derivation* d) {
  const Rule* rule = rules.FindRule(d->rule);
  if (rule == nullptr) return;
  d->rule_file = rule->file;
  d->rule_line = rule->line;
  d->rule_doc = rule->doc;
  d->pattern = rule->pattern;
  auto match = FindMatch(rules, *rule, trace, sentence, d->span);
  if (!match) {
    d->steps.push_back("the rule does not match here on its own: a later step (a "
                       "longer match, a filter) shaped this item");
    return;
  }
  const std::string& text = trace.normalized.text;
  for (const std::string& name : rule->group_names) {
    if (name.empty()) continue;
    if (auto span = match->Group(name)) d->groups.emplace_back(name, std::string(span->Of(text)));
  }
  TableSteps(rules, *rule, *match, text, &d->steps);
}

}  // namespace

Result<std::vector<Derivation>> Explain(const Annotator& annotator,
                                        std::string_view original,
                                        const DocumentOptions& options,
                                        const ExplainFilter& filter) {
  AnnotationTrace trace;
  auto doc = annotator.Annotate(original, options, &trace);
  if (!doc.ok()) return doc.status();
  const RuleBook& rules = annotator.rules();
  std::vector<Derivation> out;
  for (const Mention& m : doc->mentions) {
    if (!Selected(filter, m.span, m.rule)) continue;
    Derivation d;
    d.id = m.id;
    d.kind = std::string(MentionKindName(m.kind));
    d.span = m.span;
    d.value = MentionToJson(m, original);
    d.text = d.value["text"].get<std::string>();
    d.rule = m.rule;
    DescribeRule(rules, trace, m.sentence, &d);
    if (const auto* place = std::get_if<PlaceValue>(&m.value)) {
      PlaceSteps(rules, *place, m.span.Of(original), &d);
    }
    ValueSteps(m, doc->info.date, &d);
    out.push_back(std::move(d));
  }
  nlohmann::ordered_json claims = DocumentToJson(*doc, original)["claims"];
  for (size_t i = 0; i < doc->claims.size(); ++i) {
    const Claim& c = doc->claims[i];
    if (!Selected(filter, c.span, c.rule)) continue;
    Derivation d;
    d.id = c.id;
    d.kind = "claim";
    d.span = c.span;
    d.value = claims[i];
    d.text = d.value["statement"].get<std::string>();
    d.rule = c.rule;
    size_t sentence = ToNormalized(trace.normalized, c.span.start);
    auto it = std::upper_bound(trace.sentences.begin(), trace.sentences.end(), sentence,
                               [](size_t p, const Span& s) { return p < s.start; });
    std::optional<size_t> index;
    if (it != trace.sentences.begin()) {
      index = static_cast<size_t>(it - trace.sentences.begin()) - 1;
    }
    DescribeRule(rules, trace, index, &d);
    d.steps.push_back("source: " + (c.source ? Quoted(c.source->name) : std::string("none")) +
                      (c.cue ? ", cue " + Quoted(c.cue->lemma) : std::string()) +
                      "; holds " + std::to_string(c.quantities.size()) + " figure(s), " +
                      std::to_string(c.dates.size()) + " date(s), " +
                      std::to_string(c.places.size()) + " place(s)");
    out.push_back(std::move(d));
  }
  return out;
}

void WriteDerivations(std::ostream& out, const std::vector<Derivation>& derivations) {
  for (const Derivation& d : derivations) {
    // Shown through the normalizer: no control character reaches the terminal.
    std::string text = Normalize(d.text).text;
    std::replace(text.begin(), text.end(), '\n', ' ');
    out << d.id << " " << d.kind << " " << Quoted(text) << " bytes " << d.span.start << "-"
        << d.span.end << "\n";
    out << "  rule     " << d.rule;
    if (!d.rule_file.empty()) out << "  (" << Where(d.rule_file, d.rule_line) << ")";
    out << "\n";
    if (!d.rule_doc.empty()) out << "  doc      " << d.rule_doc << "\n";
    if (!d.pattern.empty()) out << "  pattern  " << d.pattern << "\n";
    for (size_t i = 0; i < d.groups.size(); ++i) {
      out << (i == 0 ? "  groups   " : "           ") << d.groups[i].first << " = "
          << Quoted(d.groups[i].second) << "\n";
    }
    for (size_t i = 0; i < d.steps.size(); ++i) {
      out << (i == 0 ? "  steps    " : "           ") << d.steps[i] << "\n";
    }
    nlohmann::ordered_json value = d.value;
    for (const char* key : {"id", "kind", "start", "end", "text", "statement", "rule",
                            "sentence"}) {
      value.erase(key);
    }
    out << "  value    " << DumpJson(value, -1) << "\n\n";
  }
}

}  // namespace claimx
