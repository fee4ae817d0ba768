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

#include <chrono>
#include <cstdio>
#include <deque>
#include <iostream>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "db/database.h"
#include "db/json_line.h"
#include "tools/claimx/cli_io.h"

namespace claimx::cli {
namespace {

struct LoadFlags {
  std::vector<std::string> files;
  std::string db;
  size_t batch = 1000;
  bool quiet = false;
};

// A parsed line waiting for its batch to be written; the rows point into
// `json`.
struct Pending {
  std::string where;  // FILE:LINE
  nlohmann::ordered_json json;
  db::DocumentRows rows;
};

class Loader {
 public:
  Loader(Database* database, const LoadFlags& flags) : db_(database), flags_(flags) {}

  // Takes one line; false after a database error (the load stops).
  bool TakeLine(std::string&& line, const std::string& where) {
    Add(std::move(line), where);
    return pending_.size() < flags_.batch || Flush();
  }

  bool Flush() {
    if (pending_.empty()) return true;
    std::vector<std::string_view> ids;
    ids.reserve(pending_.size());
    for (const Pending& p : pending_) ids.push_back(p.rows.id);
    auto stored = db_->StoredHashes(ids);
    if (!stored.ok()) return Fatal(stored.status());
    std::vector<db::DocumentRows> fresh;
    fresh.reserve(pending_.size());
    std::unordered_map<std::string_view, const Pending*> in_batch;
    for (Pending& p : pending_) {
      auto it = stored->find(std::string(p.rows.id));
      if (it != stored->end()) {
        if (it->second == p.rows.content_hash) {
          ++skipped_;
        } else {
          Bad(p.where, "document '" + std::string(p.rows.id) +
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
          Bad(p.where, "document '" + std::string(p.rows.id) + "' was already read at " +
                           first->second->where + " with another content hash: not overwritten");
        }
        continue;
      }
      fresh.push_back(std::move(p.rows));
    }
    Status status = db_->WriteRows(fresh);
    pending_.clear();
    if (!status.ok()) return Fatal(status);
    return true;
  }

  size_t bad() const { return bad_; }
  size_t skipped() const { return skipped_; }

 private:
  void Add(std::string line, std::string where) {
    Pending& p = pending_.emplace_back();
    p.where = std::move(where);
    auto json = db::ParseJsonLine(line);
    if (!json.ok()) {
      Bad(p.where, json.status().message());
      pending_.pop_back();
      return;
    }
    p.json = std::move(json).value();
    auto rows = db::FlattenDocument(p.json);
    if (!rows.ok()) {
      Bad(p.where, rows.status().message());
      pending_.pop_back();
      return;
    }
    p.rows = std::move(rows).value();
  }

  void Bad(const std::string& where, const std::string& message) {
    ++bad_;
    std::cerr << "claimx: " << where << ": " << message << "\n";
  }

  bool Fatal(const Status& status) {
    std::cerr << "claimx: " << status.message() << "\n";
    failed_ = true;
    return false;
  }

  Database* db_;
  const LoadFlags& flags_;
  std::deque<Pending> pending_;
  size_t bad_ = 0;
  size_t skipped_ = 0;
  bool failed_ = false;
};

int RunLoad(const LoadFlags& flags) {
  auto database = OpenClaimsDatabase(flags.db);
  if (!database.ok()) {
    std::cerr << "claimx: " << database.status().message() << "\n";
    return kExitError;
  }
  const auto start = std::chrono::steady_clock::now();
  Loader loader(database->get(), flags);
  bool stored = true;  // false after a database error
  Status read = ForEachLine(flags.files, [&](std::string&& line, const std::string& where) {
    stored = loader.TakeLine(std::move(line), where);
    return stored;
  });
  // What was read before a file that failed is stored; the exit status says
  // the load is incomplete.
  if (stored) stored = loader.Flush();
  if (!read.ok()) std::cerr << "claimx: " << read.message() << "\n";
  Status closed = (*database)->Close();
  if (!closed.ok()) {
    std::cerr << "claimx: " << closed.message() << "\n";
    stored = false;
  }
  const bool ok = stored && read.ok();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const DatabaseStats& stats = (*database)->stats();
  if (!flags.quiet) {
    std::fprintf(stderr,
                 "claimx load: %zu documents stored, %zu already stored, %zu bad lines; "
                 "%zu claims, %zu mentions in %.2f s (%.0f claims/s)%s\n",
                 stats.documents, loader.skipped(), loader.bad(), stats.claims,
                 stats.mentions, seconds, seconds > 0 ? stats.claims / seconds : 0.0,
                 stored ? (read.ok() ? "" : "; stopped on an input error")
                        : "; stopped on a database error");
  }
  return ok && loader.bad() == 0 ? kExitOk : kExitError;
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
