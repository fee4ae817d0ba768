// Helpers for the append-only JSONL files of a batch run (the output and the
// quarantine): resuming one after a kill, and writing to one without losing
// bytes silently.
#ifndef CLAIMX_BATCH_JSONL_FILE_H_
#define CLAIMX_BATCH_JSONL_FILE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "extractor/status.h"

namespace claimx {

// Opens `path` for appending, creating it (mode 0644). If the file exists and
// its last line has no '\n' (a run killed mid-write), that torn line is cut
// off first and its size stored in *torn_bytes. Each complete line is then
// passed to `on_line` with its 1-based number; an error from it stops the
// open. Returns the descriptor.
Result<int> OpenJsonlForAppend(const std::string& path,
                               const std::function<Status(std::string_view, uint64_t)>& on_line,
                               uint64_t* torn_bytes);

// Writes all of `bytes` to `fd` (retrying short writes and EINTR); an error
// (ENOSPC, EPIPE...) names `name`.
Status WriteAll(int fd, std::string_view bytes, const std::string& name);

}  // namespace claimx

#endif  // CLAIMX_BATCH_JSONL_FILE_H_
