// Progress of a batch run on stderr, and its end summary.
//
// On a terminal: one line rewritten in place every 500 ms with docs/s, MB/s
// of input read, percent and ETA (from the input size; none for standard
// input) and the records quarantined so far. Elsewhere (a log, CI): the same
// figures as a plain line every `line_interval`. Nothing in quiet mode.
// Reads the runner's counters from its own thread; Stop() joins it.
#ifndef CLAIMX_BATCH_PROGRESS_H_
#define CLAIMX_BATCH_PROGRESS_H_

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "batch/input.h"
#include "batch/runner.h"

namespace claimx {

class ProgressReporter {
 public:
  enum class Mode { kQuiet, kTerminal, kLines };

  ProgressReporter(Mode mode, const InputReader& input, const BatchCounters& counters,
                   std::chrono::milliseconds line_interval = std::chrono::seconds(10));
  ~ProgressReporter();
  void Start();
  void Stop();

  // The figures of one progress line, at `elapsed` into the run.
  std::string Line(std::chrono::duration<double> elapsed) const;

 private:
  void Loop();

  Mode mode_;
  const InputReader& input_;
  const BatchCounters& counters_;
  std::chrono::milliseconds interval_;
  std::chrono::steady_clock::time_point start_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

// The end summary: docs, claims, mentions by kind, skipped, quarantined,
// wall time, MB/s (of article text annotated, and of input read).
std::string FormatSummary(const InputReader& input, const BatchCounters& counters,
                          const BatchSummary& summary, double seconds);

}  // namespace claimx

#endif  // CLAIMX_BATCH_PROGRESS_H_
