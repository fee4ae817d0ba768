// claimx-eval: extraction F1 and value accuracy of the library against gold
// annotations, per expected type (see scorer.h).
//
//   claimx-eval --ftib ../shared/corpora/fr/ftib
//   claimx-eval --duckling ../shared/suites/duckling_fr.jsonl --json out.json
//   claimx-eval --sources corpora/fr/source/eval_wikinews.jsonl
//               --corpus ../shared/corpora/fr/wikinews --verbose
//
// Prints one table per suite; --json writes the figures, the out-of-scope
// cases with their reasons and every mismatch; --errors prints the mismatches.
// Exit 0 on success, 2 on error (unreadable suite, bad rules).
#include <fstream>
#include <iostream>

#include <CLI/CLI.hpp>

#include "extractor/annotator.h"
#include "extractor/rules.h"
#include "tools/eval/scorer.h"
#include "tools/eval/source_eval.h"

int main(int argc, char** argv) {
  CLI::App app{"claimx-eval: extraction F1 and value accuracy against gold suites"};
  std::string ftib_dir, duckling_file, json_out, rules_dir;
  std::string out_of_scope_file = std::string(CLAIMX_SOURCE_DIR) + "/tools/eval/out_of_scope.yaml";
  bool errors = false;
  std::string sources_gold, sources_corpus;
  bool verbose = false;
  app.add_option("--ftib", ftib_dir, "French TimeBank directory (index.jsonl, *.timex.jsonl)");
  app.add_option("--duckling", duckling_file, "Duckling suite JSONL");
  app.add_option("--out-of-scope", out_of_scope_file, "Cases left out by design, with reasons");
  app.add_option("--rules", rules_dir, "Rule directory");
  app.add_option("--json", json_out, "Also write the reports as JSON here");
  app.add_flag("--errors", errors, "Print every mismatch");
  app.add_option("--sources", sources_gold, "Source/claim gold JSONL (corpora/fr/source/EVAL.md)");
  app.add_option("--corpus", sources_corpus, "Corpus directory of the --sources gold");
  app.add_flag("--verbose", verbose, "With --sources: list the errors of each document");
  CLI11_PARSE(app, argc, argv);
  if (ftib_dir.empty() && duckling_file.empty() && sources_gold.empty()) {
    std::cerr << "claimx-eval: give --ftib DIR, --duckling FILE and/or --sources FILE --corpus DIR\n";
    return 2;
  }
  if (sources_gold.empty() != sources_corpus.empty()) {
    std::cerr << "claimx-eval: --sources FILE and --corpus DIR go together\n";
    return 2;
  }
  auto book = claimx::RuleBook::LoadOrDefault(rules_dir, argv[0]);
  if (!book.ok()) {
    std::cerr << "claimx-eval: " << book.status().message() << "\n";
    return 2;
  }
  auto annotator = claimx::Annotator::Create(*book);
  auto out_of_scope = claimx::eval::LoadOutOfScope(out_of_scope_file);
  if (!annotator.ok() || !out_of_scope.ok()) {
    std::cerr << "claimx-eval: "
              << (annotator.ok() ? out_of_scope.status() : annotator.status()).message()
              << "\n";
    return 2;
  }
  nlohmann::json all = nlohmann::json::array();
  auto run = [&](const std::string& suite,
                 claimx::Result<std::vector<claimx::eval::EvalCase>> cases) {
    if (!cases.ok()) {
      std::cerr << "claimx-eval: " << cases.status().message() << "\n";
      return false;
    }
    auto report = claimx::eval::Evaluate(**annotator, suite, *cases, *out_of_scope);
    std::cout << claimx::eval::FormatReport(report) << "\n";
    if (errors) {
      for (const auto& m : report.mismatches) {
        std::cout << "  " << m.what << "\t" << m.id << "\tgold " << m.gold << "\tfound "
                  << m.found << "\n";
      }
    }
    all.push_back(claimx::eval::ReportToJson(report));
    return true;
  };
  if (!ftib_dir.empty() && !run("ftib", claimx::eval::LoadFtib(ftib_dir))) return 2;
  if (!duckling_file.empty() &&
      !run("duckling", claimx::eval::LoadDuckling(duckling_file))) {
    return 2;
  }
  if (!sources_gold.empty()) {
    auto report = claimx::eval::RunSourceEval(**annotator, sources_gold, sources_corpus, verbose, std::cout);
    if (!report.ok()) {
      std::cerr << "claimx-eval: " << report.status().message() << "\n";
      return 2;
    }
    all.push_back(*report);
  }
  if (!json_out.empty()) std::ofstream(json_out) << all.dump(2) << "\n";
  return 0;
}
