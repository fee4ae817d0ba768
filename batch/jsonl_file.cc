#include "batch/jsonl_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "batch/byte_source.h"
#include "batch/line_reader.h"

namespace claimx {

Status WriteAll(int fd, std::string_view bytes, const std::string& name) {
  while (!bytes.empty()) {
    ssize_t n = write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return IoError(name + ": write failed: " + std::strerror(errno));
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return Status::Ok();
}

Result<int> OpenJsonlForAppend(const std::string& path,
                               const std::function<Status(std::string_view, uint64_t)>& on_line,
                               uint64_t* torn_bytes) {
  *torn_bytes = 0;
  int fd = open(path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return IoError(path + ": cannot open for writing: " + std::strerror(errno));
  struct stat info {};
  if (fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || info.st_size == 0) return fd;

  // Read through a second descriptor, so the appending one stays untouched;
  // no line length bound: these lines are our own output.
  auto source = ByteSource::Open(path);
  if (!source.ok()) {
    close(fd);
    return source.status();
  }
  LineReader lines(source->get(), SIZE_MAX);
  uint64_t complete_end = 0;
  while (true) {
    auto line = lines.Next();
    if (!line.ok()) {
      close(fd);
      return line.status();
    }
    if (!line->has_value()) break;
    const Line& l = **line;
    uint64_t line_end = l.offset + l.size + 1;
    bool torn = line_end > static_cast<uint64_t>(info.st_size);
    if (torn) {
      complete_end = l.offset;
      break;
    }
    complete_end = line_end;
    if (l.text.empty()) continue;
    Status status = on_line(l.text, l.number);
    if (!status.ok()) {
      close(fd);
      return status;
    }
  }
  if (complete_end < static_cast<uint64_t>(info.st_size)) {
    *torn_bytes = static_cast<uint64_t>(info.st_size) - complete_end;
    if (ftruncate(fd, static_cast<off_t>(complete_end)) != 0) {
      int error = errno;
      close(fd);
      return IoError(path + ": cannot cut the torn last line: " + std::strerror(error));
    }
  }
  return fd;
}

}  // namespace claimx
