// `claimx load`: JSONL of schema v1 objects (claimx annotate --format jsonl,
// claimx batch, claimx batch --mapper) into the claims database.
#ifndef CLAIMX_TOOLS_CLAIMX_LOAD_COMMAND_H_
#define CLAIMX_TOOLS_CLAIMX_LOAD_COMMAND_H_

#include <functional>

#include <CLI/CLI.hpp>

namespace claimx::cli {

// Adds the `load` subcommand to `app`; the returned function runs it (call it
// when the subcommand was parsed) and returns the exit status.
std::function<int()> AddLoadCommand(CLI::App& app);

}  // namespace claimx::cli

#endif  // CLAIMX_TOOLS_CLAIMX_LOAD_COMMAND_H_
