#include "db/postgresql_database.h"

#include <libpq-fe.h>

#include <charconv>
#include <memory>
#include <unordered_map>
#include <utility>

namespace claimx::db {
namespace {

// Clears a PGresult when it goes out of scope.
struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

// The URI with its password masked, for messages.
std::string Displayable(const std::string& url) {
  size_t scheme = url.find("://");
  size_t at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return url;
  size_t colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

// Appends `text` in COPY's text format: backslash, tab, newline and carriage
// return escaped.
void AppendCopyText(std::string_view text, std::string* out) {
  size_t plain = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    const char* escape = c == '\\' ? "\\\\" : c == '\t' ? "\\t" : c == '\n' ? "\\n"
                         : c == '\r' ? "\\r" : nullptr;
    if (escape == nullptr) continue;
    out->append(text.data() + plain, i - plain);
    out->append(escape);
    plain = i + 1;
  }
  out->append(text.data() + plain, text.size() - plain);
}

template <typename Number>
void AppendNumber(Number value, std::string* out) {
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  out->append(buffer, ec == std::errc() ? end - buffer : 0);
}

// A PostgreSQL array literal of text values: {"a","b\"c"}.
std::string TextArrayLiteral(const std::vector<std::string_view>& values) {
  std::string literal = "{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) literal += ',';
    literal += '"';
    for (char c : values[i]) {
      if (c == '"' || c == '\\') literal += '\\';
      literal += c;
    }
    literal += '"';
  }
  return literal + "}";
}

constexpr size_t kCopyChunkBytes = size_t{1} << 20;

class PostgresqlDatabase : public Database {
 public:
  explicit PostgresqlDatabase(const std::string& url)
      : url_(url), display_(Displayable(url)) {}
  ~PostgresqlDatabase() override { PQfinish(conn_); }

  Status Open() {
    conn_ = PQconnectdb(url_.c_str());
    if (PQstatus(conn_) != CONNECTION_OK) {
      return IoError("postgresql " + display_ + ": cannot connect: " + LastError());
    }
    // CREATE ... IF NOT EXISTS notices are not news.
    PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
    CLAIMX_RETURN_IF_ERROR(Command(std::string(PostgresqlSchemaSql()), "creating the schema"));
    PgResult version(PQexec(conn_, "SELECT version FROM claimx_schema"));
    if (PQresultStatus(version.get()) != PGRES_TUPLES_OK) return Failure("reading the schema version");
    if (PQntuples(version.get()) != 1 || std::string(PQgetvalue(version.get(), 0, 0)) != "1") {
      return InvalidArgument("postgresql " + display_ +
                             ": the database holds another claimx schema version");
    }
    return Status::Ok();
  }

  std::string_view engine() const override { return "postgresql"; }

  Result<std::unordered_map<std::string, std::string>> StoredHashes(
      const std::vector<std::string_view>& ids) override {
    std::unordered_map<std::string, std::string> stored;
    if (ids.empty()) return stored;
    std::string literal = TextArrayLiteral(ids);
    const char* params[] = {literal.c_str()};
    PgResult result(PQexecParams(
        conn_, "SELECT id, content_hash FROM articles WHERE id = ANY($1::text[])", 1,
        nullptr, params, nullptr, nullptr, 0));
    if (PQresultStatus(result.get()) != PGRES_TUPLES_OK) {
      return Failure("reading stored hashes");
    }
    for (int row = 0; row < PQntuples(result.get()); ++row) {
      stored.emplace(PQgetvalue(result.get(), row, 0), PQgetvalue(result.get(), row, 1));
    }
    return stored;
  }

  Status WriteRows(const std::vector<DocumentRows>& batch) override {
    if (PQstatus(conn_) != CONNECTION_OK) {
      return IoError("postgresql " + display_ + ": not connected: " + LastError());
    }
    CLAIMX_RETURN_IF_ERROR(Command("BEGIN", "starting a transaction"));
    size_t inserted = 0;
    Status status = InsertBatch(batch, &inserted);
    if (status.ok()) status = Command("COMMIT", "committing the batch");
    if (!status.ok()) {
      if (PQstatus(conn_) == CONNECTION_OK) PgResult(PQexec(conn_, "ROLLBACK"));
      source_ids_.clear();
      return Status(status.code(),
                    status.message() + " (the batch's transaction was not committed: none of its " +
                        std::to_string(batch.size()) + " documents is stored; a re-run resumes)");
    }
    stats_.documents += inserted;
    stats_.skipped += batch.size() - inserted;
    return Status::Ok();
  }

  Status Close() override {
    PQfinish(conn_);
    conn_ = nullptr;
    return Status::Ok();
  }

 private:
  std::string LastError() const {
    std::string message = conn_ != nullptr ? PQerrorMessage(conn_) : "no connection";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
      message.pop_back();
    }
    // libpq's messages span lines with tab indents; make them one line.
    std::string line;
    for (char c : message) {
      if (c == '\n' || c == '\t') c = ' ';
      if (c == ' ' && !line.empty() && line.back() == ' ') continue;
      line += c;
    }
    return line;
  }

  Status Failure(const std::string& doing) const {
    if (PQstatus(conn_) != CONNECTION_OK) {
      return IoError("postgresql " + display_ + ": " + doing +
                     ": the server connection was lost: " + LastError() +
                     " (committed batches are kept; a re-run resumes)");
    }
    return IoError("postgresql " + display_ + ": " + doing + ": " + LastError());
  }

  Status Command(const std::string& sql, const std::string& doing) {
    PgResult result(PQexec(conn_, sql.c_str()));
    ExecStatusType status = PQresultStatus(result.get());
    return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK ? Status::Ok()
                                                                   : Failure(doing);
  }

  Status InsertBatch(const std::vector<DocumentRows>& batch, size_t* inserted) {
    std::vector<std::string_view> ids;
    ids.reserve(batch.size());
    for (const DocumentRows& doc : batch) ids.push_back(doc.id);
    auto stored = StoredHashes(ids);
    if (!stored.ok()) return stored.status();
    auto fresh = NewDocuments(batch, *stored);
    if (!fresh.ok()) return fresh.status();
    if (fresh->empty()) return Status::Ok();
    CLAIMX_RETURN_IF_ERROR(ReserveArticleIds(fresh->size()));
    for (const DocumentRows* doc : *fresh) CLAIMX_RETURN_IF_ERROR(ResolveSources(*doc));
    for (size_t t = 0; t < kTableCount; ++t) {
      CLAIMX_RETURN_IF_ERROR(CopyTable(t, *fresh));
    }
    for (const DocumentRows* doc : *fresh) {
      stats_.claims += doc->claim_count;
      stats_.mentions += doc->mention_count;
    }
    *inserted = fresh->size();
    return Status::Ok();
  }

  // Article row ids come from the identity sequence, one round trip per
  // batch, so that every table can be loaded with COPY.
  Status ReserveArticleIds(size_t count) {
    std::string n = std::to_string(count);
    const char* params[] = {n.c_str()};
    PgResult result(PQexecParams(
        conn_,
        "SELECT nextval(pg_get_serial_sequence('articles', 'article_id')) "
        "FROM generate_series(1, $1::int)",
        1, nullptr, params, nullptr, nullptr, 0));
    if (PQresultStatus(result.get()) != PGRES_TUPLES_OK) return Failure("reserving article ids");
    article_ids_.clear();
    for (int row = 0; row < PQntuples(result.get()); ++row) {
      article_ids_.push_back(PQgetvalue(result.get(), row, 0));
    }
    return Status::Ok();
  }

  Status ResolveSources(const DocumentRows& doc) {
    for (const SourceKey& key : doc.sources) {
      std::string cache_key(key.name);
      cache_key += '\x1f';
      cache_key += key.type;
      if (source_ids_.count(cache_key)) continue;
      std::string name(key.name), type(key.type);
      const char* params[] = {name.c_str(), type.c_str()};
      PgResult result(PQexecParams(
          conn_,
          "INSERT INTO sources (name, type) VALUES ($1, $2) "
          "ON CONFLICT (name, type) DO UPDATE SET name = EXCLUDED.name RETURNING source_id",
          2, nullptr, params, nullptr, nullptr, 0));
      if (PQresultStatus(result.get()) != PGRES_TUPLES_OK) return Failure("storing a source");
      source_ids_.emplace(std::move(cache_key), PQgetvalue(result.get(), 0, 0));
    }
    return Status::Ok();
  }

  void AppendField(const Field& field, size_t doc_index, const DocumentRows& doc,
                   std::string* out) {
    if (const auto* text = std::get_if<std::string_view>(&field)) {
      AppendCopyText(*text, out);
    } else if (const auto* integer = std::get_if<int64_t>(&field)) {
      AppendNumber(*integer, out);
    } else if (const auto* number = std::get_if<double>(&field)) {
      AppendNumber(*number, out);
    } else if (std::holds_alternative<ArticleRef>(field)) {
      out->append(article_ids_[doc_index]);
    } else if (const auto* source = std::get_if<SourceRef>(&field)) {
      const SourceKey& key = doc.sources[source->index];
      std::string cache_key(key.name);
      cache_key += '\x1f';
      cache_key += key.type;
      out->append(source_ids_[cache_key]);
    } else {
      out->append("\\N");
    }
  }

  Status CopyTable(size_t table, const std::vector<const DocumentRows*>& docs) {
    const TableSpec& spec = DocumentTables()[table];
    std::string sql = "COPY " + std::string(spec.name) + " (";
    for (size_t i = 0; i < spec.columns.size(); ++i) {
      if (i > 0) sql += ", ";
      sql += spec.columns[i];
    }
    sql += ") FROM STDIN";
    PgResult start(PQexec(conn_, sql.c_str()));
    if (PQresultStatus(start.get()) != PGRES_COPY_IN) {
      return Failure("starting COPY into " + std::string(spec.name));
    }
    std::string buffer;
    buffer.reserve(kCopyChunkBytes + 4096);
    bool sent = true;
    for (size_t d = 0; d < docs.size() && sent; ++d) {
      for (const Row& row : docs[d]->tables[table]) {
        for (size_t i = 0; i < row.size(); ++i) {
          if (i > 0) buffer += '\t';
          AppendField(row[i], d, *docs[d], &buffer);
        }
        buffer += '\n';
      }
      if (buffer.size() >= kCopyChunkBytes) {
        sent = PQputCopyData(conn_, buffer.data(), static_cast<int>(buffer.size())) == 1;
        buffer.clear();
      }
    }
    if (sent && !buffer.empty()) {
      sent = PQputCopyData(conn_, buffer.data(), static_cast<int>(buffer.size())) == 1;
    }
    // End the COPY even after a failed send so the connection leaves COPY
    // mode; the error that matters is the server's.
    PQputCopyEnd(conn_, sent ? nullptr : "claimx: sending rows failed");
    Status status = Status::Ok();
    while (PGresult* raw = PQgetResult(conn_)) {
      PgResult result(raw);
      if (PQresultStatus(raw) != PGRES_COMMAND_OK && status.ok()) {
        status = Failure("COPY into " + std::string(spec.name));
      }
      if (PQstatus(conn_) != CONNECTION_OK) break;
    }
    if (status.ok() && !sent) status = Failure("COPY into " + std::string(spec.name));
    return status;
  }

  std::string url_;
  std::string display_;
  PGconn* conn_ = nullptr;
  std::unordered_map<std::string, std::string> source_ids_;  // key -> id as text
  std::vector<std::string> article_ids_;                     // per fresh document
};

}  // namespace

Result<std::unique_ptr<Database>> OpenPostgresql(const std::string& url) {
  auto database = std::make_unique<PostgresqlDatabase>(url);
  CLAIMX_RETURN_IF_ERROR(database->Open());
  return std::unique_ptr<Database>(std::move(database));
}

}  // namespace claimx::db
