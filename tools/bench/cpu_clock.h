// CPU clocks, in seconds, for the benchmarks and the linearity checks: on
// the project's shared VM a process waits for a core in wall time but not
// in CPU time, so the tools report (or compare by) the latter.
#ifndef CLAIMX_TOOLS_BENCH_CPU_CLOCK_H_
#define CLAIMX_TOOLS_BENCH_CPU_CLOCK_H_

#include <sys/resource.h>
#include <sys/time.h>
#include <time.h>

namespace claimx {

inline double TimevalSeconds(const timeval& t) {
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6;
}

// CLOCK_PROCESS_CPUTIME_ID (every thread of this process) or
// CLOCK_THREAD_CPUTIME_ID (the calling thread), user and system time.
inline double ClockSeconds(clockid_t clock) {
  timespec t{};
  clock_gettime(clock, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// User CPU time of this thread. Kernel time is left out: it is mostly the
// zeroing of fresh pages, linear in the bytes touched, but glibc serves
// blocks over its mmap threshold (32 MB at most, reached by the offset map of
// a 4 MB document) with new pages on every run while smaller sizes reuse the
// heap, which made the 16x run look superlinear on a loaded machine
// (2026-12-02: t16 = 26 x t4 with kernel time, linear without).
inline double ThreadUserSeconds() {
  rusage usage{};
  getrusage(RUSAGE_THREAD, &usage);
  return TimevalSeconds(usage.ru_utime);
}

}  // namespace claimx

#endif  // CLAIMX_TOOLS_BENCH_CPU_CLOCK_H_
