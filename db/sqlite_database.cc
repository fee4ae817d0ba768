#include "db/sqlite_database.h"

#include <sqlite3.h>

#include <mutex>
#include <optional>
#include <unordered_map>
#include <utility>

namespace claimx::db {
namespace {

// A prepared statement, finalized with its owner.
class Statement {
 public:
  Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }

  int Prepare(sqlite3* db, const std::string& sql) {
    Finalize();
    return sqlite3_prepare_v3(db, sql.c_str(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  }
  void Finalize() {
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
  }
  sqlite3_stmt* get() const { return stmt_; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

// Rows per multi-row INSERT. Each execution of an INSERT opens a cursor on
// the table and on each of its indexes and seeks from their roots; one
// statement for many rows pays that once. 32 rows of the widest table
// (mentions, 31 columns) stay under SQLite's historical limit of 999
// parameters.
constexpr size_t kRowsPerInsert = 32;

// INSERT INTO table (columns) VALUES (?, ...), ... with `rows` tuples.
std::string InsertSql(const TableSpec& table, size_t rows) {
  std::string sql = "INSERT INTO " + std::string(table.name) + " (";
  std::string tuple = "(";
  for (size_t i = 0; i < table.columns.size(); ++i) {
    if (i > 0) {
      sql += ", ";
      tuple += ", ";
    }
    sql += table.columns[i];
    tuple += "?";
  }
  tuple += ")";
  sql += ") VALUES ";
  for (size_t r = 0; r < rows; ++r) {
    if (r > 0) sql += ", ";
    sql += tuple;
  }
  return sql;
}

std::string SourceKeyString(const SourceKey& key) {
  std::string s(key.name);
  s += '\x1f';
  s += key.type;
  return s;
}

class SqliteDatabase : public Database {
 public:
  explicit SqliteDatabase(std::string path) : path_(std::move(path)) {}
  ~SqliteDatabase() override { (void)CloseHandle(); }

  Status Open() {
    int rc = sqlite3_open_v2(path_.c_str(), &db_,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                                 SQLITE_OPEN_NOMUTEX,
                             nullptr);
    if (rc != SQLITE_OK) return Error("cannot open", rc);
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 10000);
    // WAL: readers keep querying while a load runs, and a commit is one
    // append. synchronous=NORMAL keeps every committed batch across a
    // process crash; only an OS crash may lose the last batches, never
    // consistency.
    CLAIMX_RETURN_IF_ERROR(ExpectPragma("PRAGMA journal_mode=WAL", "wal"));
    CLAIMX_RETURN_IF_ERROR(Exec("PRAGMA synchronous=NORMAL", "configuring"));
    // A multi-row INSERT keeps a statement journal (to undo a failed
    // statement without ending the transaction); in memory, not a temp file.
    CLAIMX_RETURN_IF_ERROR(Exec("PRAGMA temp_store=MEMORY", "configuring"));
    CLAIMX_RETURN_IF_ERROR(Exec(std::string(SqliteSchemaSql()), "creating the schema"));
    CLAIMX_RETURN_IF_ERROR(ExpectPragma("SELECT version FROM claimx_schema", "1"));
    return PrepareStatements();
  }

  std::string_view engine() const override { return "sqlite"; }

  Result<std::unordered_map<std::string, std::string>> StoredHashes(
      const std::vector<std::string_view>& ids) override {
    std::unordered_map<std::string, std::string> stored;
    // One read transaction for all the lookups: outside a transaction each
    // SELECT takes and drops WAL read locks itself (about 40 000 fcntl
    // calls per 20 000 documents).
    const bool own_transaction = sqlite3_get_autocommit(db_) != 0;
    if (own_transaction) CLAIMX_RETURN_IF_ERROR(Exec("BEGIN", "reading stored hashes"));
    Status status = LookUpHashes(ids, &stored);
    if (own_transaction) {
      Status ended = Exec("COMMIT", "reading stored hashes");
      if (status.ok()) status = ended;
    }
    if (!status.ok()) return status;
    return stored;
  }

  Status WriteRows(const std::vector<DocumentRows>& batch) override {
    if (db_ == nullptr) return IoError("sqlite " + path_ + ": database is closed");
    CLAIMX_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE", "starting a transaction"));
    size_t inserted = 0;
    Status status = InsertBatch(batch, &inserted);
    if (status.ok()) status = Exec("COMMIT", "committing the batch");
    if (!status.ok()) {
      // SQLite rolls back by itself after some errors (SQLITE_FULL among
      // them); roll back whatever is left and forget source ids that were
      // assigned inside the failed transaction.
      if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      source_ids_.clear();
      return Status(status.code(), status.message() +
                                       " (the batch was rolled back: none of its " +
                                       std::to_string(batch.size()) +
                                       " documents is stored)");
    }
    stats_.documents += inserted;
    stats_.skipped += batch.size() - inserted;
    return Status::Ok();
  }

  Status Close() override {
    if (db_ == nullptr) return Status::Ok();
    return CloseHandle();
  }

 private:
  Status LookUpHashes(const std::vector<std::string_view>& ids,
                      std::unordered_map<std::string, std::string>* stored) {
    sqlite3_stmt* stmt = select_hash_.get();
    for (std::string_view id : ids) {
      sqlite3_bind_text(stmt, 1, id.data(), static_cast<int>(id.size()), SQLITE_STATIC);
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_ROW) {
        stored->emplace(std::string(id),
                        reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
        rc = sqlite3_step(stmt);
      }
      sqlite3_reset(stmt);
      if (rc != SQLITE_DONE) return Error("reading stored hashes", rc);
    }
    return Status::Ok();
  }

  Status Error(const std::string& doing, int rc) const {
    std::string message = "sqlite " + path_ + ": " + doing + ": ";
    message += db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    message += " (" + std::string(sqlite3_errstr(rc)) + ")";
    int primary = rc & 0xff;
    if (primary == SQLITE_FULL || primary == SQLITE_IOERR) {
      return IoError(message);
    }
    return Status(primary == SQLITE_CONSTRAINT ? StatusCode::kInvalidArgument
                                               : StatusCode::kIoError,
                  message);
  }

  Status Exec(const std::string& sql, const std::string& doing) {
    char* error = nullptr;
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
    sqlite3_free(error);
    return rc == SQLITE_OK ? Status::Ok() : Error(doing, rc);
  }

  // Runs a one-value statement and checks its answer.
  Status ExpectPragma(const std::string& sql, const std::string& expected) {
    Statement stmt;
    int rc = stmt.Prepare(db_, sql);
    if (rc != SQLITE_OK) return Error(sql, rc);
    rc = sqlite3_step(stmt.get());
    if (rc != SQLITE_ROW) return Error(sql, rc);
    std::string got = reinterpret_cast<const char*>(sqlite3_column_text(stmt.get(), 0));
    if (got != expected) {
      return InvalidArgument("sqlite " + path_ + ": " + sql + " gave '" + got +
                             "', expected '" + expected + "'");
    }
    return Status::Ok();
  }

  Status PrepareStatements() {
    const auto& tables = DocumentTables();
    for (size_t t = 0; t < kTableCount; ++t) {
      int rc = insert_[t].Prepare(db_, InsertSql(tables[t], 1));
      if (rc == SQLITE_OK) rc = insert_many_[t].Prepare(db_, InsertSql(tables[t], kRowsPerInsert));
      if (rc != SQLITE_OK) return Error("preparing the insert into " + std::string(tables[t].name), rc);
    }
    int rc = select_hash_.Prepare(db_, "SELECT content_hash FROM articles WHERE id = ?");
    if (rc == SQLITE_OK) {
      rc = select_source_.Prepare(db_, "SELECT source_id FROM sources WHERE name = ? AND type = ?");
    }
    if (rc == SQLITE_OK) {
      rc = insert_source_.Prepare(db_, "INSERT INTO sources (name, type) VALUES (?, ?)");
    }
    return rc == SQLITE_OK ? Status::Ok() : Error("preparing statements", rc);
  }

  Status InsertBatch(const std::vector<DocumentRows>& batch, size_t* inserted) {
    std::vector<std::string_view> ids;
    ids.reserve(batch.size());
    for (const DocumentRows& doc : batch) ids.push_back(doc.id);
    auto stored = StoredHashes(ids);
    if (!stored.ok()) return stored.status();
    auto fresh = NewDocuments(batch, *stored);
    if (!fresh.ok()) return fresh.status();
    // Articles first, one by one (each row id is needed by the document's
    // other rows), then each table's rows of the whole batch in multi-row
    // inserts.
    article_ids_.clear();
    source_row_ids_.clear();
    for (const DocumentRows* doc : *fresh) CLAIMX_RETURN_IF_ERROR(InsertArticle(*doc));
    for (size_t t = kMentions; t < kTableCount; ++t) {
      CLAIMX_RETURN_IF_ERROR(InsertTable(t, *fresh));
    }
    for (const DocumentRows* doc : *fresh) {
      stats_.claims += doc->claim_count;
      stats_.mentions += doc->mention_count;
    }
    *inserted = fresh->size();
    return Status::Ok();
  }

  Result<int64_t> SourceId(const SourceKey& key) {
    std::string cache_key = SourceKeyString(key);
    if (auto it = source_ids_.find(cache_key); it != source_ids_.end()) return it->second;
    sqlite3_stmt* select = select_source_.get();
    sqlite3_bind_text(select, 1, key.name.data(), static_cast<int>(key.name.size()), SQLITE_STATIC);
    sqlite3_bind_text(select, 2, key.type.data(), static_cast<int>(key.type.size()), SQLITE_STATIC);
    int rc = sqlite3_step(select);
    std::optional<int64_t> id;
    if (rc == SQLITE_ROW) id = sqlite3_column_int64(select, 0);
    sqlite3_reset(select);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return Error("looking up a source", rc);
    if (!id) {
      sqlite3_stmt* insert = insert_source_.get();
      sqlite3_bind_text(insert, 1, key.name.data(), static_cast<int>(key.name.size()), SQLITE_STATIC);
      sqlite3_bind_text(insert, 2, key.type.data(), static_cast<int>(key.type.size()), SQLITE_STATIC);
      rc = sqlite3_step(insert);
      sqlite3_reset(insert);
      if (rc != SQLITE_DONE) return Error("inserting a source", rc);
      id = sqlite3_last_insert_rowid(db_);
    }
    source_ids_.emplace(std::move(cache_key), *id);
    return *id;
  }

  // Stores the source rows and the article row of `doc`, and records the
  // ids its other rows refer to.
  Status InsertArticle(const DocumentRows& doc) {
    std::vector<int64_t>& sources = source_row_ids_.emplace_back();
    for (const SourceKey& key : doc.sources) {
      auto id = SourceId(key);
      if (!id.ok()) return id.status();
      sources.push_back(*id);
    }
    sqlite3_stmt* stmt = insert_[kArticles].get();
    BindRow(stmt, 0, doc.tables[kArticles].front(), std::nullopt, sources);
    CLAIMX_RETURN_IF_ERROR(Step(stmt, kArticles, doc));
    article_ids_.push_back(sqlite3_last_insert_rowid(db_));
    return Status::Ok();
  }

  // Inserts the rows of `table` of every document of `docs`, kRowsPerInsert
  // at a time and the remainder one by one.
  Status InsertTable(size_t table, const std::vector<const DocumentRows*>& docs) {
    pending_.clear();
    for (size_t d = 0; d < docs.size(); ++d) {
      for (const Row& row : docs[d]->tables[table]) pending_.push_back({&row, d});
    }
    const size_t columns = DocumentTables()[table].columns.size();
    size_t next = 0;
    for (; pending_.size() - next >= kRowsPerInsert; next += kRowsPerInsert) {
      sqlite3_stmt* stmt = insert_many_[table].get();
      for (size_t r = 0; r < kRowsPerInsert; ++r) {
        const auto& [row, d] = pending_[next + r];
        BindRow(stmt, r * columns, *row, article_ids_[d], source_row_ids_[d]);
      }
      int rc = sqlite3_step(stmt);
      sqlite3_reset(stmt);
      if (rc == SQLITE_DONE) continue;
      // The failed statement changed nothing. While the transaction is
      // still open, insert the group row by row so that the error names
      // the document; otherwise (SQLite rolled it back) report as is.
      if (sqlite3_get_autocommit(db_)) {
        return Error("inserting into " + std::string(DocumentTables()[table].name), rc);
      }
      break;
    }
    for (; next < pending_.size(); ++next) {
      const auto& [row, d] = pending_[next];
      sqlite3_stmt* stmt = insert_[table].get();
      BindRow(stmt, 0, *row, article_ids_[d], source_row_ids_[d]);
      CLAIMX_RETURN_IF_ERROR(Step(stmt, table, *docs[d]));
    }
    return Status::Ok();
  }

  // Binds `row` to the parameters of `stmt` from offset + 1 on. ArticleRef
  // binds NULL when `article_id` is not known yet (the article row itself).
  void BindRow(sqlite3_stmt* stmt, size_t offset, const Row& row,
               std::optional<int64_t> article_id, const std::vector<int64_t>& sources) {
    for (size_t i = 0; i < row.size(); ++i) {
      const int column = static_cast<int>(offset + i) + 1;
      const Field& field = row[i];
      if (const auto* text = std::get_if<std::string_view>(&field)) {
        sqlite3_bind_text(stmt, column, text->data(), static_cast<int>(text->size()),
                          SQLITE_STATIC);
      } else if (const auto* integer = std::get_if<int64_t>(&field)) {
        sqlite3_bind_int64(stmt, column, *integer);
      } else if (const auto* number = std::get_if<double>(&field)) {
        sqlite3_bind_double(stmt, column, *number);
      } else if (std::holds_alternative<ArticleRef>(field) && article_id) {
        sqlite3_bind_int64(stmt, column, *article_id);
      } else if (const auto* source = std::get_if<SourceRef>(&field)) {
        sqlite3_bind_int64(stmt, column, sources[source->index]);
      } else {
        sqlite3_bind_null(stmt, column);
      }
    }
  }

  Status Step(sqlite3_stmt* stmt, size_t table, const DocumentRows& doc) {
    int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE) {
      return Error("document '" + std::string(doc.id) + "': inserting into " +
                       std::string(DocumentTables()[table].name),
                   rc);
    }
    return Status::Ok();
  }

  Status CloseHandle() {
    for (Statement& s : insert_) s.Finalize();
    for (Statement& s : insert_many_) s.Finalize();
    select_hash_.Finalize();
    select_source_.Finalize();
    insert_source_.Finalize();
    int rc = sqlite3_close(db_);
    Status status = rc == SQLITE_OK ? Status::Ok() : Error("closing", rc);
    if (rc == SQLITE_OK) db_ = nullptr;
    return status;
  }

  std::string path_;
  sqlite3* db_ = nullptr;
  Statement insert_[kTableCount];       // one row
  Statement insert_many_[kTableCount];  // kRowsPerInsert rows
  Statement select_hash_;
  Statement select_source_;
  Statement insert_source_;
  std::unordered_map<std::string, int64_t> source_ids_;
  // Per fresh document of the batch being written: its article row id and
  // the row ids of its sources (DocumentRows::sources order).
  std::vector<int64_t> article_ids_;
  std::vector<std::vector<int64_t>> source_row_ids_;
  std::vector<std::pair<const Row*, size_t>> pending_;  // rows of one table
};

}  // namespace

Result<std::unique_ptr<Database>> OpenSqlite(const std::string& path) {
  // SQLite counts its memory under a global mutex at every allocation
  // unless told not to, before it is first initialized (a later call
  // is refused and changes nothing). claimx never asks for the counts.
  static std::once_flag configured;
  std::call_once(configured, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  auto database = std::make_unique<SqliteDatabase>(path);
  CLAIMX_RETURN_IF_ERROR(database->Open());
  return std::unique_ptr<Database>(std::move(database));
}

}  // namespace claimx::db
