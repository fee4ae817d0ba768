#include "tools/claimx/explain_command.h"

#include <iostream>

#include "extractor/annotator.h"
#include "extractor/explain.h"
#include "tools/claimx/cli_io.h"

namespace claimx::cli {

std::unique_ptr<ExplainCommand> AddExplainCommand(CLI::App& app) {
  auto command = std::make_unique<ExplainCommand>();
  CLI::App* sub = app.add_subcommand(
      "explain", "Show how each mention and claim was found: rule, file:line, groups, steps");
  sub->add_option("file", command->file, "Article text, or - for stdin");
  sub->add_option("--date", command->date, "Publication date YYYY-MM-DD");
  sub->add_option("--rules", command->rules, "Rule directory (e.g. rules/fr)");
  auto* at = sub->add_option("--at", command->at,
                             "Only the items whose byte span holds this offset");
  auto* rule = sub->add_option("--rule", command->rule, "Only the items of this rule id");
  at->excludes(rule);
  command->app = sub;
  return command;
}

int RunExplainCommand(const ExplainCommand& command,
                      const Result<std::shared_ptr<const RuleBook>>& rules,
                      const Result<std::string>& input) {
  if (!rules.ok()) return Fail("claimx explain", rules.status().message());
  auto annotator = Annotator::Create(*rules);
  if (!annotator.ok()) return Fail("claimx explain", annotator.status().message());
  if (!input.ok()) return Fail("claimx explain", input.status().message());
  const std::string name = command.file == "-" ? "<stdin>" : command.file;
  if (command.at && *command.at >= input->size()) {
    return Fail("claimx explain", name + ": --at " + std::to_string(*command.at) + " is past the end (" +
                std::to_string(input->size()) + " bytes)");
  }
  DocumentOptions options;
  options.id = name;
  if (!command.date.empty()) options.date = command.date;
  ExplainFilter filter;
  filter.at = command.at;
  if (!command.rule.empty()) filter.rule = command.rule;
  auto derivations = Explain(**annotator, *input, options, filter);
  if (!derivations.ok()) return Fail("claimx explain", name + ": " + derivations.status().message());
  WriteDerivations(std::cout, *derivations);
  std::cout.flush();
  if (!std::cout) return Fail("claimx explain", "writing output failed");
  return derivations->empty() ? kExitNothing : kExitFound;
}

}  // namespace claimx::cli
