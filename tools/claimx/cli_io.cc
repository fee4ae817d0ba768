#include "tools/claimx/cli_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <vector>

namespace claimx::cli {

namespace {

// Closes the descriptor it owns (never stdin).
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ > STDIN_FILENO) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

std::string ErrnoText(int error) { return std::strerror(error); }

}  // namespace

Result<std::string> ReadInput(const std::string& path, size_t max_bytes) {
  const bool is_stdin = path == "-";
  const std::string name = is_stdin ? "<stdin>" : path;
  FileDescriptor fd(is_stdin ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return NotFound(name + ": " + ErrnoText(errno));
  struct stat info {};
  if (::fstat(fd.get(), &info) == 0 && S_ISDIR(info.st_mode)) {
    return InvalidArgument(name + ": is a directory");
  }
  std::string data;
  if (S_ISREG(info.st_mode) && info.st_size > 0) {
    data.reserve(std::min(static_cast<size_t>(info.st_size), max_bytes) + 1);
  }
  char buffer[1 << 16];
  while (true) {
    ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      return IoError(name + ": read error at byte " + std::to_string(data.size()) +
                     ": " + ErrnoText(errno));
    }
    if (n == 0) break;
    if (data.size() + static_cast<size_t>(n) > max_bytes) {
      return ResourceExhausted(name + ": input is over the limit of " +
                               std::to_string(max_bytes) + " bytes (--max-bytes)");
    }
    data.append(buffer, static_cast<size_t>(n));
  }
  return data;
}

int WriteStdout(std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(STDOUT_FILENO, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return 0;
}

Result<std::shared_ptr<const RuleBook>> LoadRules(const std::string& rules_dir,
                                                  const char* argv0) {
  std::vector<RuleError> errors;
  auto book = RuleBook::LoadOrDefault(rules_dir, argv0, &errors);
  for (const RuleError& e : errors) std::cerr << "claimx: " << e.ToString() << "\n";
  return book;
}

Status ForEachLine(const std::vector<std::string>& files,
                   const std::function<bool(std::string&& line, const std::string& where)>& on_line) {
  const std::vector<std::string> inputs = files.empty() ? std::vector<std::string>{"-"} : files;
  for (const std::string& file : inputs) {
    std::ifstream opened;
    if (file != "-") {
      opened.open(file, std::ios::binary);
      if (!opened) return NotFound(file + ": cannot open");
    }
    std::istream& in = file == "-" ? std::cin : opened;
    const std::string name = file == "-" ? "<stdin>" : file;
    std::string line;
    size_t number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      if (!on_line(std::move(line), name + ":" + std::to_string(number))) return Status();
      line = std::string();
    }
    if (in.bad()) return IoError(name + ": read error after line " + std::to_string(number));
  }
  return Status();
}

int Fail(std::string_view who, const std::string& message) {
  std::cerr << who << ": " << message << "\n";
  return kExitError;
}

}  // namespace claimx::cli
