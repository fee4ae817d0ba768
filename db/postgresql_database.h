// PostgreSQL engine of the claims database (db/database.h). Internal to db/.
#ifndef CLAIMX_DB_POSTGRESQL_DATABASE_H_
#define CLAIMX_DB_POSTGRESQL_DATABASE_H_

#include <memory>
#include <string>

#include "db/database.h"

namespace claimx::db {

// Connects to `url` (a libpq URI) and creates the schema of
// schema/postgresql.sql when it is missing.
Result<std::unique_ptr<Database>> OpenPostgresql(const std::string& url);

}  // namespace claimx::db

#endif  // CLAIMX_DB_POSTGRESQL_DATABASE_H_
