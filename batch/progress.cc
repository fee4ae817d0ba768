#include "batch/progress.h"

#include <cstdio>
#include <sstream>

namespace claimx {

namespace {

std::string Fixed(double value, int digits) {
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%.*f", digits, value);
  return buffer;
}

std::string Duration(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  return buffer;
}

}  // namespace

ProgressReporter::ProgressReporter(Mode mode, const InputReader& input,
                                   const BatchCounters& counters,
                                   std::chrono::milliseconds line_interval)
    : mode_(mode), input_(input), counters_(counters), interval_(line_interval),
      start_(std::chrono::steady_clock::now()) {
  if (mode_ == Mode::kTerminal) interval_ = std::chrono::milliseconds(500);
}

ProgressReporter::~ProgressReporter() { Stop(); }

void ProgressReporter::Start() {
  if (mode_ == Mode::kQuiet || thread_.joinable()) return;
  start_ = std::chrono::steady_clock::now();
  thread_ = std::thread([this] { Loop(); });
}

void ProgressReporter::Stop() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  if (mode_ == Mode::kTerminal) std::fputs("\r\033[K", stderr);
}

std::string ProgressReporter::Line(std::chrono::duration<double> elapsed) const {
  double seconds = std::max(elapsed.count(), 1e-9);
  uint64_t docs = counters_.documents.load();
  uint64_t read = input_.raw_bytes_read();
  uint64_t total = input_.total_bytes();
  double rate = static_cast<double>(read) / seconds;
  std::ostringstream line;
  line << docs << " docs, " << Fixed(static_cast<double>(docs) / seconds, 0) << " docs/s, "
       << Fixed(rate / 1e6, 1) << " MB/s";
  if (total > 0) {
    double fraction = std::min(1.0, static_cast<double>(read) / static_cast<double>(total));
    line << ", " << Fixed(100 * fraction, 1) << "%";
    if (rate > 0 && read < total) {
      line << ", ETA " << Duration(static_cast<double>(total - read) / rate);
    }
  }
  line << ", " << counters_.quarantined.load() << " quarantined";
  return line.str();
}

void ProgressReporter::Loop() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
    std::string line = Line(std::chrono::steady_clock::now() - start_);
    if (mode_ == Mode::kTerminal) {
      std::fprintf(stderr, "\r\033[Kclaimx batch: %s", line.c_str());
    } else {
      std::fprintf(stderr, "claimx batch: %s\n", line.c_str());
    }
    std::fflush(stderr);
  }
}

std::string FormatSummary(const InputReader& input, const BatchCounters& counters,
                          const BatchSummary& summary, double seconds) {
  seconds = std::max(seconds, 1e-9);
  std::ostringstream out;
  out << "claimx batch: " << counters.documents.load() << " docs, " << counters.claims.load()
      << " claims, mentions:";
  if (summary.mentions_by_kind.empty()) out << " none";
  bool first = true;
  for (const auto& [kind, count] : summary.mentions_by_kind) {
    out << (first ? " " : ", ") << count << " " << kind;
    first = false;
  }
  out << "; " << counters.skipped_stored.load() << " already stored, "
      << counters.skipped_duplicates.load() << " repeated, " << counters.quarantined.load()
      << " quarantined";
  if (input.skipped_files() > 0) out << ", " << input.skipped_files() << " non-article files skipped";
  out << "; " << Fixed(seconds, 1) << " s, "
      << Fixed(static_cast<double>(counters.text_bytes.load()) / 1e6 / seconds, 2)
      << " MB/s of text, "
      << Fixed(static_cast<double>(input.raw_bytes_read()) / 1e6 / seconds, 2)
      << " MB/s of input\n";
  return out.str();
}

}  // namespace claimx
