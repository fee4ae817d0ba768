#include "batch/input.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <system_error>

#include <nlohmann/json.hpp>

#include "batch/html_text.h"

namespace claimx {

namespace fs = std::filesystem;

namespace {

constexpr size_t kExcerptBytes = 160;
constexpr std::string_view kSidecarName = "index.jsonl";

bool IsBlank(std::string_view line) {
  return std::all_of(line.begin(), line.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\r';
  });
}

std::string StripCompressionSuffix(std::string name) {
  for (std::string_view suffix : {".gz", ".zst", ".zstd"}) {
    if (name.size() > suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      return name.substr(0, name.size() - suffix.size());
    }
  }
  return name;
}

// Sum of the sizes of the regular files an input names, for progress.
uint64_t InputSize(const std::string& input) {
  std::error_code ec;
  if (input == "-") return 0;
  if (fs::is_directory(input, ec)) {
    uint64_t total = 0;
    for (fs::recursive_directory_iterator it(input, ec), end; !ec && it != end;
         it.increment(ec)) {
      if (it->is_regular_file(ec) && !ArticleFileKind(it->path()).empty()) {
        total += it->file_size(ec);
      }
    }
    return total;
  }
  uintmax_t size = fs::file_size(input, ec);
  return ec ? 0 : size;
}

// Built member by member: GCC 12 reports a false -Wmaybe-uninitialized on
// the brace-initialized aggregate.
InputRecord MakeRecord(std::string input, std::optional<uint64_t> line, uint64_t offset,
                       ParsedRecord content, std::string excerpt = {}) {
  InputRecord record;
  record.where.input = std::move(input);
  record.where.line = line;
  record.where.offset = offset;
  record.content = std::move(content);
  record.excerpt = std::move(excerpt);
  return record;
}

RecordError MakeError(QuarantineReason reason, std::string message) {
  RecordError error;
  error.reason = reason;
  error.message = std::move(message);
  return error;
}

}  // namespace

std::string ArticleFileKind(const fs::path& file) {
  std::string name = StripCompressionSuffix(file.filename().string());
  std::string extension = fs::path(name).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (extension == ".txt") return "txt";
  if (extension == ".html" || extension == ".htm") return "html";
  return "";
}

InputReader::InputReader(std::vector<std::string> inputs, InputOptions options,
                         uint64_t total)
    : inputs_(std::move(inputs)), options_(std::move(options)), total_bytes_(total) {}

Result<std::unique_ptr<InputReader>> InputReader::Open(std::vector<std::string> inputs,
                                                       InputOptions options) {
  uint64_t total = 0;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (input != "-" && !fs::exists(input, ec)) {
      return NotFound(input + ": no such file or directory");
    }
    total += InputSize(input);
  }
  return std::unique_ptr<InputReader>(
      new InputReader(std::move(inputs), std::move(options), total));
}

std::optional<InputRecord> InputReader::Next() {
  while (true) {
    if (!directories_.empty()) {
      if (auto record = NextDirectoryRecord()) return record;
      continue;
    }
    if (lines_ != nullptr) {
      if (auto record = NextJsonlRecord()) return record;
      continue;
    }
    if (next_input_ == inputs_.size()) return std::nullopt;
    const std::string& input = inputs_[next_input_++];
    std::error_code ec;
    if (input != "-" && fs::is_directory(input, ec)) {
      root_ = input;
      PushDirectory(input);
      continue;
    }
    auto source = ByteSource::Open(input);
    if (!source.ok()) {
      return MakeRecord(input, std::nullopt, 0,
                        MakeError(QuarantineReason::kReadError, source.status().message()));
    }
    source_ = std::move(source).value();
    source_raw_counted_ = 0;
    lines_ = std::make_unique<LineReader>(source_.get(), options_.max_record_bytes);
  }
}

std::optional<InputRecord> InputReader::NextJsonlRecord() {
  while (true) {
    auto line = lines_->Next();
    uint64_t raw = source_->raw_bytes_read();
    NoteRawBytes(raw - source_raw_counted_);
    source_raw_counted_ = raw;
    if (!line.ok()) {
      bool truncated = line.status().message().find("truncated") != std::string::npos;
      InputRecord record = MakeRecord(
          source_->name(), lines_->pending_number(), lines_->pending_offset(),
          MakeError(truncated ? QuarantineReason::kTruncatedInput : QuarantineReason::kReadError,
                    line.status().message() + " (" + std::to_string(lines_->pending_bytes()) +
                        " bytes of this line were read)"));
      lines_.reset();
      source_.reset();
      return record;
    }
    if (!line->has_value()) {
      lines_.reset();
      source_.reset();
      return std::nullopt;
    }
    const Line& l = **line;
    if (l.oversized) {
      return MakeRecord(source_->name(), l.number, l.offset,
                        MakeError(QuarantineReason::kTooLarge,
                                  "record is " + std::to_string(l.size) +
                                      " bytes, over --max-doc-bytes " +
                                      std::to_string(options_.max_record_bytes)));
    }
    if (IsBlank(l.text)) continue;
    ParsedRecord parsed = ParseJsonlRecord(l.text, options_.fields);
    std::string excerpt;
    if (auto* article = std::get_if<Article>(&parsed)) {
      if (!article->date) article->date = options_.default_date;
    } else {
      excerpt = std::string(l.text.substr(0, kExcerptBytes));
    }
    return MakeRecord(source_->name(), l.number, l.offset, std::move(parsed), std::move(excerpt));
  }
}

void InputReader::PushDirectory(const fs::path& dir) {
  DirectoryFrame frame;
  frame.dir = dir;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    frame.entries.push_back(it->path());
  }
  std::sort(frame.entries.begin(), frame.entries.end());
  std::ifstream sidecar(dir / kSidecarName, std::ios::binary);
  std::string line;
  while (std::getline(sidecar, line)) {
    auto json = nlohmann::json::parse(line, nullptr, false);
    if (!json.is_object() || !json.contains("file") || !json["file"].is_string()) continue;
    SidecarEntry entry;
    auto text_field = [&](const char* name) -> std::optional<std::string> {
      auto it = json.find(name);
      if (it == json.end()) return std::nullopt;
      if (it->is_string()) return it->get<std::string>();
      if (it->is_number_integer()) return it->dump();
      return std::nullopt;
    };
    entry.id = text_field("id");
    entry.title = text_field("title");
    entry.url = text_field("url");
    if (auto date = text_field("date")) {
      entry.date = DatePart(*date);
      if (!entry.date) {
        entry.error = RecordError{QuarantineReason::kBadDate,
                                  std::string(kSidecarName) + ": date '" +
                                      date->substr(0, 40) + "' is not YYYY-MM-DD",
                                  entry.id};
      }
    }
    frame.sidecar[json["file"].get<std::string>()] = std::move(entry);
  }
  directories_.push_back(std::move(frame));
}

std::optional<InputRecord> InputReader::NextDirectoryRecord() {
  DirectoryFrame& frame = directories_.back();
  while (frame.next < frame.entries.size()) {
    fs::path path = frame.entries[frame.next++];
    std::string name = path.filename().string();
    if (name.empty() || name[0] == '.') continue;
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      PushDirectory(path);  // invalidates `frame`
      return std::nullopt;
    }
    if (name == kSidecarName) continue;
    if (ArticleFileKind(path).empty() || !fs::is_regular_file(path, ec)) {
      ++skipped_files_;
      continue;
    }
    return ReadArticleFile(path, frame);
  }
  directories_.pop_back();
  return std::nullopt;
}

InputRecord InputReader::ReadArticleFile(const fs::path& file, const DirectoryFrame& frame) {
  InputRecord record = MakeRecord(file.string(), std::nullopt, 0, RecordError{});
  const std::string name = file.filename().string();
  auto refuse = [&](QuarantineReason reason, std::string message,
                    std::optional<std::string> id) {
    record.content = RecordError{reason, std::move(message), std::move(id)};
    return std::move(record);
  };

  auto sidecar = frame.sidecar.find(name);
  const SidecarEntry* meta = sidecar != frame.sidecar.end() ? &sidecar->second : nullptr;
  std::string id;
  if (meta != nullptr && meta->id) {
    id = *meta->id;
  } else {
    fs::path relative = file.lexically_relative(root_);
    fs::path stem = StripCompressionSuffix(relative.string());
    id = stem.replace_extension().generic_string();
  }
  if (meta != nullptr && meta->error) return refuse(meta->error->reason, meta->error->message, id);

  auto source = ByteSource::Open(file.string());
  if (!source.ok()) return refuse(QuarantineReason::kReadError, source.status().message(), id);
  std::string bytes;
  const size_t limit = options_.max_record_bytes;
  Status status;
  while (true) {
    size_t old_size = bytes.size();
    size_t chunk = std::min<size_t>(size_t{1} << 20, limit + 1 - old_size);
    bytes.resize(old_size + chunk);
    auto n = (*source)->Read(bytes.data() + old_size, chunk);
    if (!n.ok()) {
      bytes.resize(old_size);
      status = n.status();
      break;
    }
    bytes.resize(old_size + *n);
    if (*n == 0 || bytes.size() > limit) break;
  }
  NoteRawBytes((*source)->raw_bytes_read());
  if (!status.ok()) {
    bool compressed = (*source)->compression() != Compression::kNone;
    return refuse(compressed ? QuarantineReason::kTruncatedInput : QuarantineReason::kReadError,
                  status.message(), id);
  }
  if (bytes.size() > limit) {
    return refuse(QuarantineReason::kTooLarge,
                  "file is over --max-doc-bytes " + std::to_string(limit), id);
  }
  if (const void* nul = std::memchr(bytes.data(), '\0', bytes.size())) {
    record.where.offset = static_cast<uint64_t>(static_cast<const char*>(nul) - bytes.data());
    record.excerpt = bytes.substr(0, kExcerptBytes);
    return refuse(QuarantineReason::kBinaryFile,
                  "binary file: NUL byte at offset " + std::to_string(record.where.offset), id);
  }

  Article article;
  article.id = std::move(id);
  if (ArticleFileKind(file) == "html") {
    HtmlText html = HtmlToText(bytes);
    article.text = std::move(html.text);
    if (!html.title.empty()) article.title = std::move(html.title);
  } else {
    article.text = std::move(bytes);
  }
  if (meta != nullptr) {
    if (meta->title) article.title = meta->title;
    if (meta->url) article.url = meta->url;
    article.date = meta->date;
  }
  if (!article.date) article.date = options_.default_date;
  record.content = std::move(article);
  return record;
}

}  // namespace claimx
