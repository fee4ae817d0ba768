// Fuzz target: the whole annotate path on arbitrary bytes, with the project's
// French rules: Annotate() then both emitters (JSON and text).
//
// Checks the output contracts: every span (paragraph, sentence, mention,
// claim) lies inside the original input, the JSON output parses back, and
// the text view carries no terminal control or bidi control from the article.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "extractor/annotator.h"
#include "extractor/emit_json.h"
#include "extractor/emit_text.h"
#include "extractor/rules.h"
#include "fuzz/fuzz_util.h"

namespace {

const claimx::Annotator& ProjectAnnotator() {
  static const claimx::Annotator* annotator = [] {
    auto rules = claimx::RuleBook::Load(CLAIMX_RULES_DIR "/fr");
    if (!rules.ok()) claimx::fuzz::Violated("project rules do not load");
    auto created = claimx::Annotator::Create(*rules);
    if (!created.ok()) claimx::fuzz::Violated("annotator not created");
    return created->release();
  }();
  return *annotator;
}

void CheckInside(claimx::Span span, size_t size) {
  CLAIMX_FUZZ_CHECK(span.start <= span.end);
  CLAIMX_FUZZ_CHECK(span.end <= size);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view original(reinterpret_cast<const char*>(data), size);
  claimx::DocumentOptions options;
  options.id = "fuzz";
  options.date = "2016-11-10";
  auto doc = ProjectAnnotator().Annotate(original, options);
  CLAIMX_FUZZ_CHECK(doc.ok());
  for (const claimx::Span& p : doc->paragraphs) CheckInside(p, size);
  for (const claimx::Span& s : doc->sentences) CheckInside(s, size);
  for (const claimx::Mention& m : doc->mentions) {
    CheckInside(m.span, size);
    CLAIMX_FUZZ_CHECK(!m.rule.empty());
  }
  for (const claimx::Claim& c : doc->claims) CheckInside(c.span, size);

  std::string json =
      claimx::DumpJson(claimx::DocumentToJson(*doc, original), -1);
  CLAIMX_FUZZ_CHECK(claimx::fuzz::IsValidUtf8(json));
  CLAIMX_FUZZ_CHECK(json.find('\n') == std::string::npos);  // one JSONL line
  CLAIMX_FUZZ_CHECK(nlohmann::json::accept(json));

  std::ostringstream text;
  claimx::TextOptions text_options;
  text_options.color = false;
  text_options.width = 40 + size % 60;
  claimx::WriteText(text, *doc, original, text_options);
  CLAIMX_FUZZ_CHECK(claimx::fuzz::IsValidUtf8(text.str()));
  CLAIMX_FUZZ_CHECK(!claimx::fuzz::HasTerminalControl(text.str()));
  return 0;
}
