#include "batch/jsonl_sink.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "batch/jsonl_file.h"
#include "extractor/emit_json.h"

namespace claimx {

namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

}  // namespace

Result<DocumentKey> ReadDocumentKey(std::string_view line) {
  // `,"mentions":` cannot occur inside a JSON string (its quote would be
  // escaped), so its first occurrence ends the `doc` object.
  size_t end = line.find(",\"mentions\":");
  if (end == std::string_view::npos) return InvalidArgument("no \"mentions\" field");
  auto head = nlohmann::json::parse(std::string(line.substr(0, end)) + "}", nullptr, false);
  if (head.is_discarded() || !head.is_object() || !head.contains("doc") ||
      !head["doc"].is_object()) {
    return InvalidArgument("no \"doc\" object");
  }
  const auto& doc = head["doc"];
  if (!doc.contains("id") || !doc["id"].is_string() || !doc.contains("content_hash") ||
      !doc["content_hash"].is_string()) {
    return InvalidArgument("doc has no string \"id\" and \"content_hash\"");
  }
  return DocumentKey{doc["id"].get<std::string>(), doc["content_hash"].get<std::string>()};
}

Result<std::unique_ptr<JsonlSink>> JsonlSink::OpenFile(const std::string& path) {
  std::unique_ptr<JsonlSink> sink(new JsonlSink(-1, true, path));
  auto fd = OpenJsonlForAppend(
      path,
      [&](std::string_view line, uint64_t number) -> Status {
        auto key = ReadDocumentKey(line);
        if (!key.ok()) {
          return InvalidArgument(path + ":" + std::to_string(number) +
                                 ": not a claimx batch document (" + key.status().message() +
                                 "); refusing to append to it");
        }
        ++sink->resumed_;
        return sink->Remember(key->id, key->content_hash);
      },
      &sink->torn_bytes_);
  if (!fd.ok()) return fd.status();
  sink->fd_ = *fd;
  return sink;
}

std::unique_ptr<JsonlSink> JsonlSink::ForDescriptor(int fd, std::string name) {
  return std::unique_ptr<JsonlSink>(new JsonlSink(fd, false, std::move(name)));
}

JsonlSink::~JsonlSink() {
  if (owns_fd_ && fd_ >= 0) close(fd_);
}

Status JsonlSink::Remember(std::string_view id, std::string_view hash_hex) {
  std::array<uint8_t, 32> digest{};
  if (hash_hex.size() != 64) return InvalidArgument("content_hash is not 64 hex digits");
  for (size_t i = 0; i < 32; ++i) {
    int high = HexDigit(hash_hex[2 * i]), low = HexDigit(hash_hex[2 * i + 1]);
    if (high < 0 || low < 0) return InvalidArgument("content_hash is not 64 hex digits");
    digest[i] = static_cast<uint8_t>(high << 4 | low);
  }
  stored_[std::string(id)] = digest;
  return Status::Ok();
}

Result<std::optional<std::string>> JsonlSink::StoredHash(std::string_view doc_id) {
  auto it = stored_.find(std::string(doc_id));
  if (it == stored_.end()) return std::optional<std::string>();
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(64, '0');
  for (size_t i = 0; i < 32; ++i) {
    hex[2 * i] = kHex[it->second[i] >> 4];
    hex[2 * i + 1] = kHex[it->second[i] & 0xf];
  }
  return std::optional<std::string>(std::move(hex));
}

Status JsonlSink::Write(const std::vector<nlohmann::ordered_json>& batch) {
  if (fd_ < 0) return IoError(name_ + ": write after close");
  buffer_.clear();
  for (const nlohmann::ordered_json& document : batch) {
    buffer_ += DumpJson(document, -1);
    buffer_ += '\n';
  }
  // One write per batch: a kill leaves whole lines and at most one torn one.
  return WriteAll(fd_, buffer_, name_);
}

Status JsonlSink::WriteSerialized(const std::vector<SerializedDocument>& batch) {
  if (fd_ < 0) return IoError(name_ + ": write after close");
  buffer_.clear();
  for (const SerializedDocument& document : batch) {
    buffer_ += document.json;
    buffer_ += '\n';
  }
  // One write per batch, as in Write.
  return WriteAll(fd_, buffer_, name_);
}

Status JsonlSink::Close() {
  if (fd_ < 0) return Status::Ok();
  Status status;
  // fsync fails with EINVAL on pipes and terminals: nothing to flush there.
  if (fsync(fd_) != 0 && errno != EINVAL && errno != EROFS) {
    status = IoError(name_ + ": cannot flush: " + std::strerror(errno));
  }
  if (owns_fd_ && close(fd_) != 0 && status.ok()) {
    status = IoError(name_ + ": cannot close: " + std::strerror(errno));
  }
  fd_ = -1;
  return status;
}

}  // namespace claimx
