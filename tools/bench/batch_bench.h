// claimx-bench --batch: throughput and peak RSS of `claimx batch` over a
// JSONL dump generated at bench time (in /tmp, deleted afterwards), with 1
// and 2 threads, side by side with single-document Annotate() in the same
// run (the per-core figure batch is held to).
#ifndef CLAIMX_TOOLS_BENCH_BATCH_BENCH_H_
#define CLAIMX_TOOLS_BENCH_BATCH_BENCH_H_

#include <string>

#include "extractor/annotator.h"

namespace claimx::bench {

struct BatchBenchOptions {
  std::string corpus_dir;      // every .txt under it feeds the dump
  size_t megabytes = 1024;     // dump size, at least
  std::string claimx_binary;   // the CLI to run
  std::string json_out;        // optional JSON report
  size_t rounds = 1;           // interleaved rounds; each run keeps its best
};

// Returns the process exit status (0, or 2 when verification fails).
int RunBatchBench(const BatchBenchOptions& options, const Annotator& annotator);

}  // namespace claimx::bench

#endif  // CLAIMX_TOOLS_BENCH_BATCH_BENCH_H_
