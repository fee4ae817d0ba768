#include "batch/quarantine.h"

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "batch/jsonl_file.h"
#include "extractor/emit_json.h"

namespace claimx {

namespace {

std::string EntryKey(const std::string& input, const nlohmann::ordered_json& line,
                     uint64_t offset, std::string_view reason) {
  return input + '\t' + line.dump() + '\t' + std::to_string(offset) + '\t' +
         std::string(reason);
}

}  // namespace

std::string QuarantineEntryToJson(const QuarantineEntry& entry) {
  nlohmann::ordered_json json;
  json["error"] = entry.error.message;
  json["reason"] = QuarantineReasonName(entry.error.reason);
  json["input"] = entry.where.input;
  json["line"] = entry.where.line ? nlohmann::ordered_json(*entry.where.line)
                                  : nlohmann::ordered_json(nullptr);
  json["offset"] = entry.where.offset;
  json["id"] = entry.error.id ? nlohmann::ordered_json(*entry.error.id)
                              : nlohmann::ordered_json(nullptr);
  json["excerpt"] = entry.excerpt;
  return DumpJson(json, -1);
}

Result<std::unique_ptr<QuarantineFile>> QuarantineFile::Open(const std::string& path) {
  std::unique_ptr<QuarantineFile> file(new QuarantineFile(path));
  if (access(path.c_str(), F_OK) != 0) return file;  // created on the first entry
  uint64_t torn = 0;
  auto fd = OpenJsonlForAppend(
      path,
      [&](std::string_view line, uint64_t number) -> Status {
        auto json = nlohmann::json::parse(line, nullptr, false);
        if (!json.is_object() || !json.contains("error") || !json.contains("input")) {
          return InvalidArgument(path + ":" + std::to_string(number) +
                                 ": not a claimx quarantine line; refusing to append to it");
        }
        file->existing_.insert(EntryKey(json.value("input", ""), json["line"],
                                        json.value("offset", uint64_t{0}),
                                        json.value("reason", "")));
        return Status::Ok();
      },
      &torn);
  if (!fd.ok()) return fd.status();
  file->fd_ = *fd;
  return file;
}

QuarantineFile::~QuarantineFile() {
  if (fd_ >= 0) close(fd_);
}

Status QuarantineFile::Add(const QuarantineEntry& entry) {
  nlohmann::ordered_json line = entry.where.line ? nlohmann::ordered_json(*entry.where.line)
                                                 : nlohmann::ordered_json(nullptr);
  std::string key = EntryKey(entry.where.input, line, entry.where.offset,
                             QuarantineReasonName(entry.error.reason));
  ++added_;
  if (existing_.count(key) > 0) return Status::Ok();  // written by an earlier run
  if (fd_ < 0) {
    uint64_t torn = 0;
    auto fd = OpenJsonlForAppend(path_, [](std::string_view, uint64_t) { return Status::Ok(); },
                                 &torn);
    if (!fd.ok()) return fd.status();
    fd_ = *fd;
  }
  return WriteAll(fd_, QuarantineEntryToJson(entry) + "\n", path_);
}

Status QuarantineFile::Close() {
  if (fd_ < 0) return Status::Ok();
  bool synced = fsync(fd_) == 0;
  int rc = close(fd_);
  fd_ = -1;
  if (!synced || rc != 0) return IoError(path_ + ": cannot flush the quarantine file");
  return Status::Ok();
}

Status QuarantineStream::Add(const QuarantineEntry& entry) {
  ++added_;
  return WriteAll(fd_, QuarantineEntryToJson(entry) + "\n", "<stdout>");
}

}  // namespace claimx
