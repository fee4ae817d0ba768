// SQLite engine of the claims database (db/database.h). Internal to db/.
#ifndef CLAIMX_DB_SQLITE_DATABASE_H_
#define CLAIMX_DB_SQLITE_DATABASE_H_

#include <memory>
#include <string>

#include "db/database.h"

namespace claimx::db {

// Opens or creates the SQLite file at `path` in WAL mode with the schema of
// schema/sqlite.sql.
Result<std::unique_ptr<Database>> OpenSqlite(const std::string& path);

}  // namespace claimx::db

#endif  // CLAIMX_DB_SQLITE_DATABASE_H_
