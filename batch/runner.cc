#include "batch/runner.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <variant>
#include <vector>

#include "batch/channel.h"
#include "batch/content_hash.h"
#include "extractor/emit_json.h"

namespace claimx {

namespace {

constexpr size_t kExcerptBytes = 160;

// Bounds what is between the reader and the sink, in records and in bytes.
class Window {
 public:
  Window(size_t max_items, size_t max_bytes) : max_items_(max_items), max_bytes_(max_bytes) {}

  // Waits for room; false when `give_up` turns true first. Polls it, since
  // a signal handler cannot notify a condition variable.
  bool Acquire(size_t bytes, const std::function<bool()>& give_up) {
    std::unique_lock lock(mutex_);
    while (items_ > 0 && (items_ >= max_items_ || bytes_ + bytes > max_bytes_)) {
      if (give_up()) return false;
      room_.wait_for(lock, std::chrono::milliseconds(100));
    }
    ++items_;
    bytes_ += bytes;
    return true;
  }
  void Release(size_t bytes) {
    std::lock_guard lock(mutex_);
    --items_;
    bytes_ -= bytes;
    room_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable room_;
  size_t items_ = 0, bytes_ = 0;
  size_t max_items_, max_bytes_;
};

struct WorkItem {
  uint64_t seq = 0;
  size_t window_bytes = 0;
  std::variant<Article, QuarantineEntry> payload;
  std::string content_hash;
  RecordLocation where;
};

constexpr size_t kKindSlots = 16;

struct DoneItem {
  uint64_t seq = 0;
  size_t window_bytes = 0;
  std::optional<nlohmann::ordered_json> document;
  std::optional<SerializedDocument> serialized;  // instead, for text sinks
  std::optional<QuarantineEntry> quarantine;
  uint64_t text_bytes = 0;
  uint64_t claims = 0;
  std::array<uint32_t, kKindSlots> mentions_by_kind{};
};

// The schema v1 object with the batch fields of batch/sink.h.
nlohmann::ordered_json BatchDocumentJson(const AnnotatedDocument& doc, const Article& article,
                                         const std::string& content_hash) {
  nlohmann::ordered_json json = DocumentToJson(doc, article.text);
  nlohmann::ordered_json& info = json["doc"];
  info["content_hash"] = content_hash;
  if (article.title) info["title"] = *article.title;
  if (article.url) info["url"] = *article.url;
  return json;
}

DoneItem AnnotateItem(const Annotator& annotator, WorkItem item,
                      std::chrono::milliseconds timeout, bool serialize) {
  DoneItem done;
  done.seq = item.seq;
  done.window_bytes = item.window_bytes;
  if (auto* entry = std::get_if<QuarantineEntry>(&item.payload)) {
    done.quarantine = std::move(*entry);
    return done;
  }
  const Article& article = std::get<Article>(item.payload);
  DocumentOptions options;
  options.id = article.id;
  options.date = article.date;
  if (timeout.count() > 0) options.deadline = std::chrono::steady_clock::now() + timeout;
  auto doc = annotator.Annotate(article.text, options);
  if (!doc.ok()) {
    bool late = options.deadline && std::chrono::steady_clock::now() > *options.deadline &&
                doc.status().code() == StatusCode::kResourceExhausted;
    std::string message = doc.status().message();
    if (late) message = "over --doc-timeout-ms " + std::to_string(timeout.count()) + ": " + message;
    done.quarantine = QuarantineEntry{
        std::move(item.where),
        RecordError{late ? QuarantineReason::kTimeout : QuarantineReason::kAnnotateFailed,
                    std::move(message), article.id},
        article.text.substr(0, kExcerptBytes)};
    return done;
  }
  done.text_bytes = article.text.size();
  done.claims = doc->claims.size();
  for (const Mention& m : doc->mentions) {
    ++done.mentions_by_kind[static_cast<size_t>(m.kind) % kKindSlots];
  }
  if (serialize) {
    // Here, not in the writer: serializing runs in parallel. Written
    // directly, the same bytes as BatchDocumentJson() dumped, without
    // the tree (building and dumping it was 22% of a one-worker run).
    std::vector<ExtraDocField> extra = {{"content_hash", item.content_hash}};
    if (article.title) extra.push_back({"title", *article.title});
    if (article.url) extra.push_back({"url", *article.url});
    std::string line;
    AppendDocumentJsonLine(*doc, article.text, extra, &line);
    done.serialized =
        SerializedDocument{std::move(line), article.id, std::move(item.content_hash)};
  } else {
    done.document = BatchDocumentJson(*doc, article, item.content_hash);
  }
  return done;
}

// First occurrence wins: the ids seen in this run (as a 64-bit hash of the
// id) with the first 64 bits of their content hash.
class SeenIds {
 public:
  enum class Verdict { kNew, kSameText, kOtherText };
  Verdict Check(const std::string& id, const std::string& content_hash) {
    uint64_t key = std::hash<std::string>{}(id);
    uint64_t digest = std::stoull(content_hash.substr(0, 16), nullptr, 16);
    auto [it, inserted] = seen_.emplace(key, digest);
    if (inserted) return Verdict::kNew;
    return it->second == digest ? Verdict::kSameText : Verdict::kOtherText;
  }

 private:
  std::unordered_map<uint64_t, uint64_t> seen_;
};

}  // namespace

BatchRunner::BatchRunner(const Annotator& prototype, BatchOptions options)
    : prototype_(prototype), options_(options) {
  if (options_.threads == 0) options_.threads = 1;
  if (options_.sink_batch == 0) options_.sink_batch = 1;
  if (options_.window_documents == 0) options_.window_documents = 64 * options_.threads + 64;
}

Status BatchRunner::Run(InputReader* input, DocumentSink* sink, QuarantineSink* quarantine,
                        const std::atomic<bool>* stop, BatchCounters* counters,
                        BatchSummary* summary) {
  Channel<WorkItem> work(8 * options_.threads);  // the window bounds the memory
  // Bounded by the window; polled by the writer, every 2 ms.
  Channel<DoneItem> done(0, std::chrono::milliseconds(2));
  Window window(options_.window_documents, options_.window_bytes);
  std::mutex sink_mutex;
  std::atomic<bool> abort{false};
  Status reader_status;
  auto give_up = [&] { return stop->load() || abort.load(); };

  // Decides, in input order, whether a good record is new, known (skipped:
  // returns nullopt) or a conflicting duplicate (returns its quarantine).
  SeenIds seen;
  auto check_known = [&](const Article& article, const std::string& hash,
                         const RecordLocation& where)
      -> std::optional<std::variant<std::monostate, QuarantineEntry>> {
    std::string conflict;
    switch (seen.Check(article.id, hash)) {
      case SeenIds::Verdict::kSameText:
        counters->skipped_duplicates.fetch_add(1, std::memory_order_relaxed);
        return std::nullopt;
      case SeenIds::Verdict::kOtherText:
        conflict = "id '" + article.id + "' appears earlier in this run with other text";
        break;
      case SeenIds::Verdict::kNew: {
        Result<std::optional<std::string>> stored = std::optional<std::string>();
        {
          std::lock_guard lock(sink_mutex);
          stored = sink->StoredHash(article.id);
        }
        if (!stored.ok()) {
          reader_status = stored.status();
          abort = true;
          return std::nullopt;
        }
        if (!stored->has_value()) return std::monostate();
        if (**stored == hash) {
          counters->skipped_stored.fetch_add(1, std::memory_order_relaxed);
          return std::nullopt;
        }
        conflict = "id '" + article.id + "' is already stored with content_hash " + **stored +
                   "; this record's text hashes to " + hash;
        break;
      }
    }
    return QuarantineEntry{where, RecordError{QuarantineReason::kDuplicateId, conflict, article.id},
                           article.text.substr(0, kExcerptBytes)};
  };

  std::thread reader([&] {
    uint64_t seq = 0;
    while (!give_up()) {
      std::optional<InputRecord> record = input->Next();
      if (!record) break;
      counters->records.fetch_add(1, std::memory_order_relaxed);
      WorkItem item;
      item.where = record->where;
      if (auto* error = std::get_if<RecordError>(&record->content)) {
        item.payload = QuarantineEntry{record->where, std::move(*error), std::move(record->excerpt)};
      } else {
        Article& article = std::get<Article>(record->content);
        item.content_hash = ContentHash(article.text);
        bool is_new = true;
        if (options_.skip_known) {
          auto verdict = check_known(article, item.content_hash, record->where);
          if (!verdict) continue;
          if (auto* entry = std::get_if<QuarantineEntry>(&*verdict)) {
            item.payload = std::move(*entry);
            is_new = false;
          }
        }
        if (is_new) {
          item.window_bytes = article.text.size();
          item.payload = std::move(article);
        }
      }
      if (!window.Acquire(item.window_bytes, give_up)) break;
      item.seq = seq++;
      work.Push(std::move(item));
    }
    work.Close();
  });

  const bool serialize = sink->StoresJsonText();
  std::atomic<size_t> running_workers{options_.threads};
  std::vector<std::thread> workers;
  for (size_t i = 0; i < options_.threads; ++i) {
    workers.emplace_back([&] {
      std::unique_ptr<Annotator> annotator = prototype_.Clone();
      while (std::optional<WorkItem> item = work.Pop()) {
        if (abort.load()) {
          DoneItem dropped;
          dropped.seq = item->seq;
          dropped.window_bytes = item->window_bytes;
          done.Push(std::move(dropped));
          continue;
        }
        done.Push(AnnotateItem(*annotator, std::move(*item), options_.doc_timeout, serialize));
      }
      if (running_workers.fetch_sub(1) == 1) done.Close();
    });
  }

  // The writer: this thread.
  Status writer_status;
  std::array<uint64_t, kKindSlots> mentions_by_kind{};
  std::vector<nlohmann::ordered_json> batch;
  std::vector<SerializedDocument> serialized_batch;
  std::vector<size_t> batch_bytes;
  auto flush = [&] {
    if (batch_bytes.empty()) return;
    if (writer_status.ok()) {
      std::lock_guard lock(sink_mutex);
      writer_status = serialize ? sink->WriteSerialized(serialized_batch) : sink->Write(batch);
    }
    if (writer_status.ok()) {
      counters->documents.fetch_add(batch_bytes.size(), std::memory_order_relaxed);
    } else {
      abort = true;
    }
    for (size_t bytes : batch_bytes) window.Release(bytes);
    batch.clear();
    serialized_batch.clear();
    batch_bytes.clear();
  };
  auto emit = [&](DoneItem item) {
    if ((item.document || item.serialized) && writer_status.ok()) {
      if (item.serialized) {
        serialized_batch.push_back(std::move(*item.serialized));
      } else {
        batch.push_back(std::move(*item.document));
      }
      batch_bytes.push_back(item.window_bytes);
      counters->text_bytes.fetch_add(item.text_bytes, std::memory_order_relaxed);
      counters->claims.fetch_add(item.claims, std::memory_order_relaxed);
      for (size_t k = 0; k < kKindSlots; ++k) mentions_by_kind[k] += item.mentions_by_kind[k];
      if (batch_bytes.size() >= options_.sink_batch) flush();
      return;
    }
    if (item.quarantine && writer_status.ok()) {
      flush();  // keeps one stream (--mapper) in input order
      if (writer_status.ok()) writer_status = quarantine->Add(*item.quarantine);
      if (writer_status.ok()) {
        counters->quarantined.fetch_add(1, std::memory_order_relaxed);
      } else {
        abort = true;
      }
    }
    window.Release(item.window_bytes);
  };

  std::map<uint64_t, DoneItem> reorder;
  uint64_t next_seq = 0;
  while (true) {
    std::optional<DoneItem> item = done.TryPop();
    if (!item) {
      flush();  // never sit on a batch while waiting: the window must drain
      item = done.Pop();
      if (!item) break;
    }
    if (!options_.ordered) {
      emit(std::move(*item));
      continue;
    }
    reorder.emplace(item->seq, std::move(*item));
    for (auto it = reorder.begin(); it != reorder.end() && it->first == next_seq;
         it = reorder.begin()) {
      emit(std::move(it->second));
      reorder.erase(it);
      ++next_seq;
    }
  }
  flush();
  reader.join();
  for (std::thread& worker : workers) worker.join();

  for (size_t k = 0; k < kKindSlots; ++k) {
    if (mentions_by_kind[k] > 0) {
      summary->mentions_by_kind[std::string(MentionKindName(static_cast<MentionKind>(k)))] +=
          mentions_by_kind[k];
    }
  }
  if (!reader_status.ok()) return reader_status;
  return writer_status;
}

}  // namespace claimx
