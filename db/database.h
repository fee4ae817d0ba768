// The claims database: schema v1 documents stored in SQLite (the embedded
// default, one file) or PostgreSQL (for teams), with one schema described in
// docs/db.md and created from schema/sqlite.sql or schema/postgresql.sql.
//
// A Database is a DocumentSink (batch/sink.h): `claimx batch --db URL` and
// `claimx load --db URL` write through it. Each Write is one transaction:
// after a crash, kill -9, a full disk or a lost server, either the whole
// batch is stored or none of it. Documents are keyed by doc.id; a document
// whose id is stored with the same content hash is skipped (resume), one
// stored with a different hash fails the batch with an error naming the id
// (never a silent overwrite, never a duplicate row).
//
// One writer per database at a time: a Database is not thread-safe, and two
// loaders into one database are not coordinated beyond what the engine's
// locks give (SQLite serializes them; PostgreSQL fails the later one on the
// unique id).
#ifndef CLAIMX_DB_DATABASE_H_
#define CLAIMX_DB_DATABASE_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "batch/sink.h"
#include "db/rows.h"
#include "extractor/status.h"

namespace claimx {

// What a Database has written since it was opened.
struct DatabaseStats {
  size_t documents = 0;  // stored by this process
  size_t skipped = 0;    // already stored with the same hash
  size_t claims = 0;
  size_t mentions = 0;
};

class Database : public DocumentSink {
 public:
  // Flattens and writes `batch` (schema v1 objects) in one transaction.
  Status Write(const std::vector<nlohmann::ordered_json>& batch) override;

  // Writes documents already flattened (db/rows.h), in one transaction.
  virtual Status WriteRows(const std::vector<db::DocumentRows>& batch) = 0;

  // Content hashes stored for `ids` (absent ids are not in the map): one
  // query for a whole batch, where StoredHash is one per document.
  virtual Result<std::unordered_map<std::string, std::string>> StoredHashes(
      const std::vector<std::string_view>& ids) = 0;

  Result<std::optional<std::string>> StoredHash(std::string_view doc_id) override;

  const DatabaseStats& stats() const { return stats_; }

  // "sqlite" or "postgresql".
  virtual std::string_view engine() const = 0;

 protected:
  // Splits `batch` into documents to insert and documents to skip, given
  // what is stored; a stored id with another hash, or one id twice in the
  // batch with two hashes, is an error naming the id.
  Result<std::vector<const db::DocumentRows*>> NewDocuments(
      const std::vector<db::DocumentRows>& batch,
      const std::unordered_map<std::string, std::string>& stored);

  DatabaseStats stats_;
};

// Opens (creating when needed) the database `url` names and its schema:
//   PATH or sqlite:PATH           SQLite file (WAL mode)
//   postgresql://... postgres://  PostgreSQL, libpq connection URI
// Fails with a clear message when the file cannot be opened, the server
// cannot be reached, or the database holds another schema version.
Result<std::unique_ptr<Database>> OpenClaimsDatabase(const std::string& url);

// The same, as the DocumentSink `claimx batch --db URL` writes to.
Result<std::unique_ptr<DocumentSink>> OpenDatabase(const std::string& url);

// The SQL of schema/sqlite.sql and schema/postgresql.sql, built in.
std::string_view SqliteSchemaSql();
std::string_view PostgresqlSchemaSql();

}  // namespace claimx

#endif  // CLAIMX_DB_DATABASE_H_
