#include "extractor/rule_check.h"

#include <cstdlib>
#include <functional>
#include <sstream>

#include "extractor/claim_linker.h"
#include "extractor/emit_json.h"

namespace claimx {

namespace {

// Example expectations come from YAML as strings; compare them with the
// emitted JSON by meaning ("94000" equals 94000.0, "null" equals null).
bool FieldMatches(const nlohmann::ordered_json& actual,
                  const nlohmann::json& expected) {
  if (expected.is_null()) return actual.is_null();
  std::string want = expected.get<std::string>();
  if (actual.is_number()) {
    char* end = nullptr;
    double value = std::strtod(want.c_str(), &end);
    return end != want.c_str() && *end == '\0' && value == actual.get<double>();
  }
  if (actual.is_boolean()) return want == (actual.get<bool>() ? "true" : "false");
  if (actual.is_string()) return want == actual.get<std::string>();
  return want == actual.dump();
}

struct Found {
  std::vector<const Mention*> exact;       // mentions whose text == match
  std::vector<const Mention*> overlapping;  // mentions overlapping match
};

Found FindMentions(const AnnotatedDocument& doc, const RuleExample& example,
                   std::string_view dimension) {
  Found found;
  Span target{example.text.find(example.match), 0};
  target.end = target.start + example.match.size();
  for (const Mention& m : doc.mentions) {
    if (MentionKindName(m.kind) != dimension) continue;
    if (m.span == target) found.exact.push_back(&m);
    if (m.span.Overlaps(target)) found.overlapping.push_back(&m);
  }
  return found;
}

std::string Describe(const std::vector<const Mention*>& mentions,
                     std::string_view text) {
  std::ostringstream out;
  for (const Mention* m : mentions) {
    out << " '" << m->span.Of(text) << "' by " << m->rule << ";";
  }
  return out.str();
}

// A cue whose own pronoun is the source ("à son avis": the rule sets
// `speaker`) yields no source mention, a pronoun naming nobody by itself:
// its examples are checked on the claim it gives, whose cue is `match` and
// whose rule is the cue rule's claim rule (ClaimRuleForCue, as the linker);
// `expect` compares the claim's source fields.
void CheckPronounCueExample(const AnnotatedDocument& doc, const Rule& rule,
                            const RuleExample& example, bool positive,
                            const std::function<void(const std::string&)>& fail) {
  const size_t start = example.text.find(example.match);
  const Span target{start, start + example.match.size()};
  const std::string claim_rule = ClaimRuleForCue(rule.id);
  const Claim* mine = nullptr;
  for (const Claim& c : doc.claims) {
    if (c.cue && c.cue->span == target && c.rule == claim_rule && c.source) mine = &c;
  }
  if (!positive) {
    if (mine) {
      fail("counterexample gave the claim '" + std::string(mine->span.Of(example.text)) + "'");
    }
    return;
  }
  if (!mine) return fail("expected a claim with the cue '" + example.match + "', found none");
  if (!example.expect.is_object()) return;
  const nlohmann::ordered_json source = {{"name", mine->source->name},
                                         {"type", mine->source->type}};
  for (const auto& [key, want] : example.expect.items()) {
    if (!source.contains(key) || !FieldMatches(source[key], want)) {
      fail("'" + example.match + "': source " + key + " is " +
           (source.contains(key) ? DumpJson(source[key], -1) : "absent") + ", expected " +
           want.dump());
    }
  }
}

void CheckExample(const Annotator& annotator, const Rule& rule,
                  const RuleExample& example, bool positive,
                  RuleCheckReport* report) {
  ++report->examples;
  auto fail = [&](const std::string& why) {
    report->failures.push_back(RuleError{rule.file, example.line, rule.id,
                                         "\"" + example.text + "\": " + why});
  };
  auto doc = annotator.Annotate(example.text, DocumentOptions{"example", "2016-11-10"});
  if (!doc.ok()) return fail(doc.status().message());
  if (rule.set.count("speaker") > 0) {
    return CheckPronounCueExample(*doc, rule, example, positive, fail);
  }
  Found found = FindMentions(*doc, example, rule.dimension);
  if (!positive) {
    bool whole_text = example.match == example.text;
    const auto& bad = whole_text ? found.overlapping : found.exact;
    if (!bad.empty()) fail("counterexample found:" + Describe(bad, example.text));
    return;
  }
  auto emit = rule.set.find("emit");
  if (emit != rule.set.end() && emit->second == "none") {
    if (!found.overlapping.empty()) {
      fail("span should yield nothing, found:" +
           Describe(found.overlapping, example.text));
    }
    return;
  }
  const Mention* mine = nullptr;
  for (const Mention* m : found.exact) {
    if (m->rule == rule.id) mine = m;
  }
  if (mine == nullptr) {
    return fail("expected '" + example.match + "' from this rule, found:" +
                (found.overlapping.empty() ? std::string(" nothing")
                                           : Describe(found.overlapping, example.text)));
  }
  if (!example.expect.is_object()) return;
  nlohmann::ordered_json emitted = MentionToJson(*mine, example.text);
  for (const auto& [key, want] : example.expect.items()) {
    if (!emitted.contains(key) || !FieldMatches(emitted[key], want)) {
      fail("'" + example.match + "': " + key + " is " +
           (emitted.contains(key) ? DumpJson(emitted[key], -1) : "absent") +
           ", expected " + want.dump());
    }
  }
}

}  // namespace

RuleCheckReport CheckRuleExamples(const Annotator& annotator) {
  RuleCheckReport report;
  for (const RuleSet& set : annotator.rules().sets()) {
    for (const Rule& rule : set.rules()) {
      for (const RuleExample& e : rule.examples) {
        CheckExample(annotator, rule, e, true, &report);
      }
      for (const RuleExample& e : rule.counterexamples) {
        CheckExample(annotator, rule, e, false, &report);
      }
    }
  }
  return report;
}

}  // namespace claimx
