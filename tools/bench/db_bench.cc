// claimx-db-bench: load rate of the claims database (docs/db.md) in claims/s,
// SQLite and PostgreSQL side by side with the JSON parse of the same
// documents (the cost every `claimx load` pays before writing).
//
//   claimx-db-bench [--fixture FILE] [--documents N] [--batch N] [--rounds N]
//                   [--postgresql URL] [--json FILE]
//
// The documents are the fixture's (tests/data/db/claims.jsonl: claims,
// sources, places, comparisons) copied under new ids until there are N.
// Stages, each the best of --rounds:
//   parse        nlohmann::ordered_json::parse of every JSONL line, and
//                db::ParseJsonLine (the tree path of claimx load) of the same
//   flatten      JSON objects to rows (db/rows.h)
//   lines        db::FlattenJsonLine of every line: JSONL to rows, what
//                claimx load's reading thread does
//   sqlite       Database::Write of parsed objects, batches of --batch, into a
//                fresh file (flatten + insert + commit), as `claimx batch --db`
//   postgresql   the same into URL (its claimx tables are emptied first);
//                tools/bench/db_bench.py starts a throwaway server for it
// Before timing, one load into SQLite is verified: every document, claim and
// mention is stored and the example query of docs/db.md finds the figures.
#include <unistd.h>

#include <time.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <libpq-fe.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "db/database.h"
#include "db/json_line.h"
#include "db/rows.h"
#include "tools/bench/cpu_clock.h"

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

struct Workload {
  std::vector<std::string> lines;
  std::vector<Json> documents;
  std::vector<std::vector<Json>> batches;  // the documents, cut into --batch
  size_t claims = 0;
  size_t mentions = 0;
};

Workload BuildWorkload(const std::string& fixture, size_t count) {
  std::vector<Json> originals;
  std::ifstream in(fixture);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) originals.push_back(Json::parse(line));
  }
  Workload w;
  for (size_t i = 0; w.documents.size() < count && !originals.empty(); ++i) {
    Json copy = originals[i % originals.size()];
    Json& doc = copy["doc"];
    const std::string suffix = "-" + std::to_string(i);
    doc["id"] = doc["id"].get<std::string>() + suffix;
    if (doc.contains("content_hash")) {
      doc["content_hash"] = doc["content_hash"].get<std::string>() + suffix;
    }
    w.claims += copy["claims"].size();
    w.mentions += copy["mentions"].size();
    w.lines.push_back(copy.dump());
    w.documents.push_back(std::move(copy));
  }
  return w;
}

// Wall seconds of `work`; its CPU seconds in this process go to g_cpu. On
// the shared machine the wall time includes waiting for a core, the CPU
// time does not (nor the PostgreSQL server's work, which is another process).
double g_cpu = 0;
double Seconds(const std::function<bool()>& work, bool* ok) {
  auto start = std::chrono::steady_clock::now();
  double cpu_start = claimx::ClockSeconds(CLOCK_PROCESS_CPUTIME_ID);
  *ok = work();
  g_cpu = claimx::ClockSeconds(CLOCK_PROCESS_CPUTIME_ID) - cpu_start;
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void CutBatches(Workload* w, size_t batch) {
  for (size_t i = 0; i < w->documents.size(); i += batch) {
    size_t end = std::min(w->documents.size(), i + batch);
    w->batches.emplace_back(w->documents.begin() + i, w->documents.begin() + end);
  }
}

bool WriteAll(claimx::Database& db, const Workload& w) {
  for (const std::vector<Json>& chunk : w.batches) {
    claimx::Status status = db.Write(chunk);
    if (!status.ok()) {
      std::cerr << "claimx-db-bench: " << status.message() << "\n";
      return false;
    }
  }
  claimx::Status closed = db.Close();
  if (!closed.ok()) std::cerr << "claimx-db-bench: " << closed.message() << "\n";
  return closed.ok() && db.stats().claims == w.claims && db.stats().mentions == w.mentions;
}

bool WriteSqlite(const std::string& path, const Workload& w, double* seconds) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
  auto db = claimx::OpenClaimsDatabase("sqlite:" + path);
  if (!db.ok()) {
    std::cerr << "claimx-db-bench: " << db.status().message() << "\n";
    return false;
  }
  bool ok = false;
  *seconds = Seconds([&] { return WriteAll(**db, w); }, &ok);
  return ok;
}

bool EmptyPostgresql(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  bool ok = PQstatus(conn) == CONNECTION_OK;
  if (ok) {
    PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
    PGresult* r = PQexec(conn,
                         "DROP TABLE IF EXISTS claimx_schema, articles, sources, mentions, "
                         "claims, claim_mentions, comparisons, comparison_items");
    ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!ok) std::cerr << "claimx-db-bench: " << PQerrorMessage(conn);
    PQclear(r);
  }
  PQfinish(conn);
  return ok;
}

bool WritePostgresql(const std::string& url, const Workload& w, double* seconds) {
  if (!EmptyPostgresql(url)) return false;
  auto db = claimx::OpenClaimsDatabase(url);
  if (!db.ok()) {
    std::cerr << "claimx-db-bench: " << db.status().message() << "\n";
    return false;
  }
  bool ok = false;
  *seconds = Seconds([&] { return WriteAll(**db, w); }, &ok);
  return ok;
}

// The stored database answers the docs/db.md question with every copy's
// figures: 5 rows per 4 fixture documents.
bool Verify(const std::string& path, const Workload& w) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) return false;
  sqlite3_stmt* stmt = nullptr;
  const char* sql =
      "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM claims), "
      "(SELECT count(*) FROM mentions WHERE entity_lemma = 'victime civile')";
  bool ok = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW &&
            static_cast<size_t>(sqlite3_column_int64(stmt, 0)) == w.documents.size() &&
            static_cast<size_t>(sqlite3_column_int64(stmt, 1)) == w.claims &&
            sqlite3_column_int64(stmt, 2) > 0;
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"claimx-db-bench: claims/s into SQLite and PostgreSQL"};
  std::string fixture = std::string(CLAIMX_SOURCE_DIR) + "/tests/data/db/claims.jsonl";
  std::string postgresql;
  std::string json_out;
  size_t documents = 40000;
  size_t batch = 1000;
  size_t rounds = 3;
  app.add_option("--fixture", fixture, "JSONL of claimx/1 documents to copy");
  app.add_option("--documents", documents, "Documents to load per round");
  app.add_option("--batch", batch, "Documents per transaction")->check(CLI::Range(1, 1000000));
  app.add_option("--rounds", rounds, "Rounds; each stage keeps its best")->check(CLI::Range(1, 100));
  app.add_option("--postgresql", postgresql, "PostgreSQL URL to load into (emptied first)");
  app.add_option("--json", json_out, "Also write the results as JSON here");
  CLI11_PARSE(app, argc, argv);

  Workload w = BuildWorkload(fixture, documents);
  CutBatches(&w, batch);
  if (w.documents.empty()) {
    std::cerr << "claimx-db-bench: no document in " << fixture << "\n";
    return 2;
  }
  const std::string sqlite_path =
      (fs::temp_directory_path() / ("claimx-db-bench-" + std::to_string(getpid()) + ".db"))
          .string();
  double unused = 0;
  if (!WriteSqlite(sqlite_path, w, &unused) || !Verify(sqlite_path, w)) {
    std::cerr << "claimx-db-bench: verification load into SQLite failed\n";
    return 2;
  }

  struct Stage {
    std::string name;
    std::function<bool(double*)> run;
    double best = 1e30;
    double cpu = 0;  // of the best round
  };
  std::vector<Stage> stages = {
      {"parse (nlohmann JSON, reference)",
       [&](double* s) {
         size_t n = 0;
         bool ok = false;
         *s = Seconds([&] {
           for (const std::string& line : w.lines) n += Json::parse(line).size();
           return n > 0;
         }, &ok);
         return ok;
       }},
      {"parse (db::ParseJsonLine, tree path)",
       [&](double* s) {
         size_t n = 0;
         bool ok = false;
         *s = Seconds([&] {
           for (const std::string& line : w.lines) {
             auto json = claimx::db::ParseJsonLine(line);
             if (!json.ok()) return false;
             n += json->size();
           }
           return n > 0;
         }, &ok);
         return ok;
       }},
      {"flatten (JSON to rows)",
       [&](double* s) {
         bool ok = false;
         *s = Seconds([&] {
           size_t claims = 0;
           for (const Json& d : w.documents) {
             auto rows = claimx::db::FlattenDocument(d);
             if (!rows.ok()) return false;
             claims += rows->claim_count;
           }
           return claims == w.claims;
         }, &ok);
         return ok;
       }},
      {"lines to rows (db::FlattenJsonLine, as load)",
       [&](double* s) {
         bool ok = false;
         *s = Seconds([&] {
           size_t claims = 0;
           for (const std::string& line : w.lines) {
             auto rows = claimx::db::FlattenJsonLine(line);
             if (!rows.ok()) return false;
             claims += rows->claim_count;
           }
           return claims == w.claims;
         }, &ok);
         return ok;
       }},
      {"sqlite (Write: flatten + insert + commit)",
       [&](double* s) { return WriteSqlite(sqlite_path, w, s); }},
  };
  if (!postgresql.empty()) {
    stages.push_back({"postgresql (Write: flatten + COPY + commit)",
                      [&](double* s) { return WritePostgresql(postgresql, w, s); }});
  }
  for (size_t round = 0; round < rounds; ++round) {
    for (Stage& stage : stages) {
      double seconds = 0;
      if (!stage.run(&seconds)) {
        std::cerr << "claimx-db-bench: stage " << stage.name << " failed\n";
        return 2;
      }
      if (seconds < stage.best) {
        stage.best = seconds;
        stage.cpu = g_cpu;
      }
    }
  }
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(sqlite_path + suffix);

  std::printf("%zu documents, %zu claims, %zu mentions, batches of %zu, best of %zu rounds\n",
              w.documents.size(), w.claims, w.mentions, batch, rounds);
  std::printf("%-46s %8s %12s %9s %8s %14s\n", "stage", "wall s", "claims/s", "vs parse",
              "cpu s", "claims/cpu-s");
  nlohmann::json results = nlohmann::json::array();
  for (const Stage& stage : stages) {
    double rate = w.claims / stage.best;
    std::printf("%-46s %8.3f %12.0f %8.2fx %8.3f %14.0f\n", stage.name.c_str(), stage.best,
                rate, stages[0].best / stage.best, stage.cpu, w.claims / stage.cpu);
    results.push_back({{"stage", stage.name}, {"seconds", stage.best}, {"claims_per_s", rate},
                       {"docs_per_s", w.documents.size() / stage.best},
                       {"client_cpu_seconds", stage.cpu},
                       {"claims_per_client_cpu_s", w.claims / stage.cpu}});
  }
  if (!json_out.empty()) {
    std::ofstream(json_out) << nlohmann::json{{"documents", w.documents.size()},
                                              {"claims", w.claims},
                                              {"mentions", w.mentions},
                                              {"batch", batch},
                                              {"rounds", rounds},
                                              {"stages", results}}
                                   .dump(2)
                            << "\n";
  }
  return 0;
}
