// KeepFreedMemory: memory freed by this process stays with its allocator,
// to be reused warm, instead of going back to the system.
//
// Why: the linearity checks (tests/linearity_test.cc, claimx-linearity)
// time each input size several times and keep the best run. When the
// allocator returns a large run's freed pages to the system, the next run
// faults them in again, which slowed the 4 MB runs two to three times over
// the smaller ones and read as superlinear time. glibc's allocator (a
// -DCLAIMX_JEMALLOC=OFF or sanitizer build) is told not to trim its heap
// nor map large blocks on their own; jemalloc (linked by default,
// CLAIMX_JEMALLOC defined) not to purge ("decay") dirty pages, in the
// arenas it has and those it will make. Process-wide; for tests and
// probes, not for claimx itself.
#ifndef CLAIMX_TOOLS_BENCH_WARM_HEAP_H_
#define CLAIMX_TOOLS_BENCH_WARM_HEAP_H_

#include <malloc.h>
#include <sys/types.h>

#include <string>

#if defined(CLAIMX_JEMALLOC)
#include <jemalloc/jemalloc.h>
#endif

namespace claimx {

inline void KeepFreedMemory() {
#if defined(CLAIMX_JEMALLOC)
  ssize_t never = -1;
  for (const char* decay : {"dirty_decay_ms", "muzzy_decay_ms"}) {
    const std::string future = std::string("arenas.") + decay;
    mallctl(future.c_str(), nullptr, nullptr, &never, sizeof never);
    unsigned arenas = 0;
    size_t size = sizeof arenas;
    if (mallctl("arenas.narenas", &arenas, &size, nullptr, 0) != 0) continue;
    for (unsigned i = 0; i < arenas; ++i) {
      // Arenas not made yet refuse; they will take the default set above.
      const std::string name = "arena." + std::to_string(i) + "." + decay;
      mallctl(name.c_str(), nullptr, nullptr, &never, sizeof never);
    }
  }
#else
  mallopt(M_MMAP_THRESHOLD, 1 << 30);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}

}  // namespace claimx

#endif  // CLAIMX_TOOLS_BENCH_WARM_HEAP_H_
