// Fuzz target: the rule-file parser (RuleBook::LoadFromText) on arbitrary
// YAML text. A rule file that loads is then run over a fixed French sentence,
// so fuzzed patterns also exercise compilation bounds and FindAll.
//
// Loading must return errors as values whatever the text: no exception, no
// crash, no unbounded memory (RE2's max_mem bounds each pattern).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/rules.h"
#include "fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view yaml(reinterpret_cast<const char*>(data), size);
  std::vector<claimx::RuleError> errors;
  auto book = claimx::RuleBook::LoadFromText(yaml, "fuzz.yaml", &errors);
  CLAIMX_FUZZ_CHECK(book.ok() == errors.empty());
  if (!book.ok()) return 0;
  static constexpr std::string_view kSentence =
      "Selon l'ONU, 94 000 personnes ont fui Alep depuis le 3 août 2014, "
      "a déclaré hier « un porte-parole ».";
  for (const claimx::RuleSet& set : (*book)->sets()) {
    for (const claimx::RuleMatch& match :
         set.FindAll(kSentence, claimx::Span{0, kSentence.size()})) {
      CLAIMX_FUZZ_CHECK(match.span.start <= match.span.end);
      CLAIMX_FUZZ_CHECK(match.span.end <= kSentence.size());
    }
  }
  return 0;
}
