// `claimx explain FILE [--at OFFSET | --rule ID]`: how each mention and claim
// was found and computed (extractor/explain.h), for debugging rules.
//
// main.cc registers the subcommand with AddExplainCommand and, when it was
// given, hands RunExplainCommand the rules and input it loaded with the same
// helpers as `annotate` (so errors read the same).
#ifndef CLAIMX_TOOLS_CLAIMX_EXPLAIN_COMMAND_H_
#define CLAIMX_TOOLS_CLAIMX_EXPLAIN_COMMAND_H_

#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "extractor/rules.h"
#include "extractor/status.h"

namespace claimx::cli {

struct ExplainCommand {
  CLI::App* app = nullptr;
  std::string file = "-";
  std::string date;
  std::string rules;
  std::optional<size_t> at;
  std::string rule;
};

// Adds the `explain` subcommand to `app`; the returned flags are filled by
// app.parse().
std::unique_ptr<ExplainCommand> AddExplainCommand(CLI::App& app);

// Exit status: 0 when something was explained, 1 when nothing matched the
// filter, 2 on error (bad rules, unreadable input, bad date).
int RunExplainCommand(const ExplainCommand& command,
                      const Result<std::shared_ptr<const RuleBook>>& rules,
                      const Result<std::string>& input);

}  // namespace claimx::cli

#endif  // CLAIMX_TOOLS_CLAIMX_EXPLAIN_COMMAND_H_
