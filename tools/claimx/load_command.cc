// claimx load [FILE...|-] --db URL [--batch N] [--quiet]
//
// Reads JSONL (one schema v1 object per line), stores the documents in
// batches of --batch, one transaction each, and skips documents already
// stored with the same id and content hash, so re-running a killed load
// resumes it. A line that is not valid JSON, not a claimx/1 object, or whose
// id is stored with another content hash is reported as FILE:LINE and
// counted; the load goes on. Exit status: 0 when every line was stored or
// already there, 2 when a line was bad or the database failed (a database
// error stops the load: the batch being written is rolled back).
#include "tools/claimx/load_command.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <deque>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "batch/channel.h"
#include "db/database.h"
#include "db/rows.h"
#include "tools/claimx/cli_io.h"

namespace claimx::cli {
namespace {

struct LoadFlags {
  std::vector<std::string> files;
  std::string db;
  size_t batch = 1000;
  bool quiet = false;
};

// A parsed line waiting for its batch to be written.
struct Pending {
  std::string where;  // FILE:LINE
  db::DocumentRows rows;
};
using Batch = std::deque<Pending>;

// Batches parsed ahead of the one being written. Parsing and flattening a
// batch once cost about what writing it does, so with one batch in flight
// the parser and the database each keep a core busy; a second absorbs
// uneven batches. The memory is bounded by batches, whatever the input:
// these two, the one being written, the one being filled, and the written
// ones not yet freed (the reader frees them each time it hands one over).
// Since lines are flattened straight from simdjson's tree (no nlohmann
// tree per line), the reader is idle most of the time, waiting with the
// channel full: 67 MB peak on 20 000 fixture documents with glibc's
// allocator, 74 to 87 MB with jemalloc.
constexpr size_t kBatchesInFlight = 2;

// Messages from the parser and the writer threads, one whole line each.
void Report(const std::string& message) {
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  std::fputs(("claimx: " + message + "\n").c_str(), stderr);
}

// Lines left out of the load, each reported at its FILE:LINE; the parser
// and the writer keep one each (on their own threads).
class BadLines {
 public:
  void Add(const std::string& where, const std::string& message) {
    ++count_;
    Report(where + ": " + message);
  }
  size_t count() const { return count_; }

 private:
  size_t count_ = 0;
};

// The parser's side: each line to a Pending of the batch being filled, or
// reported as FILE:LINE when it is not a claimx/1 object.
class Parser {
 public:
  void Add(std::string line, std::string where, Batch* batch) {
    Pending& p = batch->emplace_back();
    p.where = std::move(where);
    auto rows = db::FlattenJsonLine(line);
    if (!rows.ok()) {
      bad_.Add(p.where, rows.status().message());
      batch->pop_back();
      return;
    }
    p.rows = std::move(rows).value();
  }

  size_t bad() const { return bad_.count(); }

 private:
  BadLines bad_;
};

// The writer's side: one transaction per batch, documents already stored
// with the same hash skipped, another hash for a stored id reported.
class Writer {
 public:
  explicit Writer(Database* database) : db_(database) {}

  // False after a database error (the load stops).
  bool Write(Batch& batch) {
    if (batch.empty()) return true;
    std::vector<std::string_view> ids;
    ids.reserve(batch.size());
    for (const Pending& p : batch) ids.push_back(p.rows.id);
    auto stored = db_->StoredHashes(ids);
    if (!stored.ok()) return Fatal(stored.status());
    std::vector<db::DocumentRows> fresh;
    std::vector<Pending*> fresh_from;  // where each of `fresh` came from
    fresh.reserve(batch.size());
    fresh_from.reserve(batch.size());
    std::unordered_map<std::string_view, const Pending*> in_batch;
    for (Pending& p : batch) {
      auto it = stored->find(std::string(p.rows.id));
      if (it != stored->end()) {
        if (it->second == p.rows.content_hash) {
          ++skipped_;
        } else {
          bad_.Add(p.where, "document '" + std::string(p.rows.id) +
                                "' is already stored with content hash " + it->second +
                                ", this line has " + std::string(p.rows.content_hash) +
                                ": not overwritten");
        }
        continue;
      }
      auto [first, inserted] = in_batch.emplace(p.rows.id, &p);
      if (!inserted) {
        if (first->second->rows.content_hash == p.rows.content_hash) {
          ++skipped_;
        } else {
          bad_.Add(p.where, "document '" + std::string(p.rows.id) + "' was already read at " +
                                first->second->where +
                                " with another content hash: not overwritten");
        }
        continue;
      }
      fresh.push_back(std::move(p.rows));
      fresh_from.push_back(&p);
    }
    Status status = db_->WriteRows(fresh);
    // The rows go back to their batch, to be freed by the thread that
    // allocated them (see Load).
    for (size_t i = 0; i < fresh.size(); ++i) fresh_from[i]->rows = std::move(fresh[i]);
    if (!status.ok()) return Fatal(status);
    return true;
  }

  size_t bad() const { return bad_.count(); }
  size_t skipped() const { return skipped_; }

 private:
  bool Fatal(const Status& status) {
    Report(status.message());
    return false;
  }

  Database* db_;
  BadLines bad_;
  size_t skipped_ = 0;
};

// Reads and parses on a thread of its own while this one writes: batches
// go through a Channel in order, so what is stored and where a killed
// load resumes are those of a sequential load.
struct LoadResult {
  Status read;          // the input's first error
  bool stored = true;   // false after a database error
  size_t bad = 0;
  size_t skipped = 0;
};

LoadResult Load(const LoadFlags& flags, Database* database) {
  LoadResult result;
  Channel<Batch> batches(kBatchesInFlight);
  // Written batches go back to the reader to be freed there: memory freed
  // on another thread than the one that allocated it goes back through
  // that thread's arena (with glibc's allocator, when a batch held JSON
  // trees, that took the parse from 0.85 to 1.6 CPU s on 20 000 documents).
  Channel<Batch> written(0);
  std::atomic<bool> stop{false};  // the writer failed: read no more
  Parser parser;
  std::thread reader([&] {
    Batch batch;
    result.read = ForEachLine(flags.files, [&](std::string&& line, const std::string& where) {
      parser.Add(std::move(line), where, &batch);
      if (batch.size() >= flags.batch) {
        batches.Push(std::exchange(batch, Batch{}));
        while (written.TryPop()) {
        }
      }
      return !stop.load(std::memory_order_relaxed);
    });
    if (!batch.empty()) batches.Push(std::move(batch));
    batches.Close();
    // The last batches too, as the writer hands them back: left in the
    // channel, this thread's trees were all freed by the writer at the end,
    // after its last write.
    while (written.Pop()) {
    }
  });
  Writer writer(database);
  // After an error the batches still coming are drained unwritten, so the
  // reader never waits on a full channel.
  while (std::optional<Batch> batch = batches.Pop()) {
    if (result.stored && !writer.Write(*batch)) {
      result.stored = false;
      stop.store(true, std::memory_order_relaxed);
    }
    written.Push(std::move(*batch));
  }
  written.Close();
  reader.join();
  result.bad = parser.bad() + writer.bad();
  result.skipped = writer.skipped();
  return result;
}

int RunLoad(const LoadFlags& flags) {
  auto database = OpenClaimsDatabase(flags.db);
  if (!database.ok()) {
    std::cerr << "claimx: " << database.status().message() << "\n";
    return kExitError;
  }
  const auto start = std::chrono::steady_clock::now();
  LoadResult result = Load(flags, database->get());
  bool stored = result.stored;
  // What was read before a file that failed is stored; the exit status says
  // the load is incomplete.
  if (!result.read.ok()) std::cerr << "claimx: " << result.read.message() << "\n";
  Status closed = (*database)->Close();
  if (!closed.ok()) {
    std::cerr << "claimx: " << closed.message() << "\n";
    stored = false;
  }
  const bool ok = stored && result.read.ok();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const DatabaseStats& stats = (*database)->stats();
  if (!flags.quiet) {
    std::fprintf(stderr,
                 "claimx load: %zu documents stored, %zu already stored, %zu bad lines; "
                 "%zu claims, %zu mentions in %.2f s (%.0f claims/s)%s\n",
                 stats.documents, result.skipped, result.bad, stats.claims,
                 stats.mentions, seconds, seconds > 0 ? stats.claims / seconds : 0.0,
                 stored ? (result.read.ok() ? "" : "; stopped on an input error")
                        : "; stopped on a database error");
  }
  return ok && result.bad == 0 ? kExitOk : kExitError;
}

}  // namespace

std::function<int()> AddLoadCommand(CLI::App& app) {
  auto flags = std::make_shared<LoadFlags>();
  CLI::App* load = app.add_subcommand(
      "load", "Store JSONL of claimx/1 objects in a claims database (docs/db.md)");
  load->add_option("files", flags->files, "JSONL files, or - for stdin (default)");
  load->add_option("--db", flags->db,
                   "Database: PATH or sqlite:PATH (SQLite), postgresql://... (PostgreSQL)")
      ->required();
  load->add_option("--batch", flags->batch, "Documents per transaction (default 1000)")
      ->check(CLI::Range(size_t{1}, size_t{1000000}));
  load->add_flag("--quiet", flags->quiet, "No summary on stderr");
  return [flags] { return RunLoad(*flags); };
}

}  // namespace claimx::cli
