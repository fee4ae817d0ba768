#include "db/database.h"

#include <unordered_map>

#include "db/postgresql_database.h"
#include "db/sqlite_database.h"

namespace claimx {

Status Database::Write(const std::vector<nlohmann::ordered_json>& batch) {
  std::vector<db::DocumentRows> rows;
  rows.reserve(batch.size());
  for (const nlohmann::ordered_json& document : batch) {
    auto flat = db::FlattenDocument(document);
    if (!flat.ok()) return flat.status();
    rows.push_back(std::move(flat).value());
  }
  return WriteRows(rows);
}

Result<std::optional<std::string>> Database::StoredHash(std::string_view doc_id) {
  auto stored = StoredHashes({doc_id});
  if (!stored.ok()) return stored.status();
  auto it = stored->find(std::string(doc_id));
  if (it == stored->end()) return std::optional<std::string>();
  return std::optional<std::string>(it->second);
}

namespace {

Status Conflict(std::string_view id, std::string_view stored, std::string_view incoming,
                std::string_view where) {
  return InvalidArgument(
      "document '" + std::string(id) + "' is " + std::string(where) +
      " with content hash " + std::string(stored) + " but this one has " +
      std::string(incoming) +
      ": a different document under the same id is not overwritten "
      "(give it another id, or delete the stored article first)");
}

}  // namespace

Result<std::vector<const db::DocumentRows*>> Database::NewDocuments(
    const std::vector<db::DocumentRows>& batch,
    const std::unordered_map<std::string, std::string>& stored) {
  std::vector<const db::DocumentRows*> fresh;
  fresh.reserve(batch.size());
  std::unordered_map<std::string_view, std::string_view> in_batch;
  for (const db::DocumentRows& doc : batch) {
    if (auto it = stored.find(std::string(doc.id)); it != stored.end()) {
      if (it->second != doc.content_hash) {
        return Conflict(doc.id, it->second, doc.content_hash, "already stored");
      }
      continue;
    }
    auto [it, inserted] = in_batch.emplace(doc.id, doc.content_hash);
    if (!inserted) {
      if (it->second != doc.content_hash) {
        return Conflict(doc.id, it->second, doc.content_hash, "earlier in the same batch");
      }
      continue;
    }
    fresh.push_back(&doc);
  }
  return fresh;
}

Result<std::unique_ptr<Database>> OpenClaimsDatabase(const std::string& url) {
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    return db::OpenPostgresql(url);
  }
  std::string path = url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
  if (path.empty()) return InvalidArgument("--db: empty database path");
  return db::OpenSqlite(path);
}

Result<std::unique_ptr<DocumentSink>> OpenDatabase(const std::string& url) {
  auto database = OpenClaimsDatabase(url);
  if (!database.ok()) return database.status();
  return std::unique_ptr<DocumentSink>(std::move(database).value());
}

}  // namespace claimx
