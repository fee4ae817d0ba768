// Input and output of the claimx CLI at the system-call level, where the
// faults are: short reads and writes, EINTR, read errors after a successful
// open (EIO), a reader that went away (EPIPE), a full disk (ENOSPC).
//
// Every failure comes back as a value naming the file and the cause; a read
// that fails half-way is an error, never a truncated document annotated as if
// it were whole, and a write that fails is never reported as success.
#ifndef CLAIMX_TOOLS_CLAIMX_CLI_IO_H_
#define CLAIMX_TOOLS_CLAIMX_CLI_IO_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/rules.h"
#include "extractor/status.h"

namespace claimx::cli {

// Exit statuses of every command: 2 is always an error; 0 and 1 mean what
// each command documents (something found or nothing found for annotate,
// explain and compare; a clean run or records quarantined for batch).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFound = 0;
inline constexpr int kExitNothing = 1;
inline constexpr int kExitError = 2;

// Prints "WHO: message" on stderr (WHO is "claimx" or "claimx COMMAND") and
// returns kExitError.
int Fail(std::string_view who, const std::string& message);

// The whole content of `path` ("-" for stdin). Fails with kNotFound when it
// cannot be opened, kInvalidArgument for a directory, kIoError when a read
// fails, kResourceExhausted as soon as it holds more than `max_bytes` (so a
// huge input is refused without being held in memory).
Result<std::string> ReadInput(const std::string& path, size_t max_bytes);

// Calls on_line(line, where) for every line of `files` that is not blank, in
// order, where = "FILE:LINE" ("<stdin>:LINE" for "-"; no files means
// standard input): the input loop of the commands that read JSONL (load,
// compare). Stops with OK as soon as on_line returns false. Fails with
// kNotFound when a file cannot be opened and kIoError when a read fails
// (naming the file and the last line read); the lines before were
// delivered.
Status ForEachLine(const std::vector<std::string>& files,
                   const std::function<bool(std::string&& line, const std::string& where)>& on_line);

// Writes all of `data` to standard output, retrying short writes and EINTR.
// Returns 0 or the errno of the failed write (EPIPE when the reader left,
// ENOSPC when the disk is full).
int WriteStdout(std::string_view data);

// The rule book of `rules_dir`, or of the default rules directory (next to
// the binary, then the installed one) when it is empty. Each rule error is
// printed to stderr as "claimx: FILE:LINE: ..."; the book loads without the
// broken rules, so one bad rule does not stop every command.
Result<std::shared_ptr<const RuleBook>> LoadRules(const std::string& rules_dir,
                                                  const char* argv0);

}  // namespace claimx::cli

#endif  // CLAIMX_TOOLS_CLAIMX_CLI_IO_H_
