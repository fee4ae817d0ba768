// `claimx batch`: annotate article dumps (JSONL, directories of .txt/.html,
// gzip or zstd) on every core, into JSONL, resumably, quarantining what
// cannot be read. docs/batch.md is the user's guide, docs/scale.md the guide
// to running it under Hadoop Streaming, Spark or GNU parallel (--mapper).
//
// Exit status:
//   0    every record read was annotated and written (or already stored)
//   1    the run completed but some records went to quarantine
//   2    error: bad flags, an input missing, the output unwritable (disk
//        full...); what was written before stays valid and a re-run resumes
//   130  interrupted by SIGINT, 143 by SIGTERM: everything read was written;
//        re-running the same command resumes
// With --mapper: 0 when all the input was read (refused records are error
// lines in the output), 2 on error.
#ifndef CLAIMX_TOOLS_CLAIMX_BATCH_COMMAND_H_
#define CLAIMX_TOOLS_CLAIMX_BATCH_COMMAND_H_

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "batch/record.h"

namespace claimx::cli {

struct BatchFlags {
  std::vector<std::string> inputs;
  std::string out;         // empty: standard output
  std::string db;          // SQLite path or postgresql:// URL (db/database.h)
  std::string quarantine;  // empty: beside the output
  size_t threads = 0;      // 0: the number of cores
  bool unordered = false;
  size_t max_doc_bytes = size_t{16} << 20;
  long doc_timeout_ms = 10000;
  std::string date;
  RecordFields fields;
  std::string rules;
  bool mapper = false;
  bool quiet = false;
};

class BatchCommand {
 public:
  // Adds the `batch` subcommand and its flags to `app`.
  explicit BatchCommand(CLI::App* app);
  bool parsed() const { return command_->parsed(); }
  // Runs the parsed command; returns the exit status above.
  int Run(const char* argv0) const;

 private:
  CLI::App* command_;
  BatchFlags flags_;
};

}  // namespace claimx::cli

#endif  // CLAIMX_TOOLS_CLAIMX_BATCH_COMMAND_H_
