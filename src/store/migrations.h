// The schema, versioned by PRAGMA user_version and marked as ours by PRAGMA
// application_id. Migrations only go forward, each in one transaction.
#pragma once

#include "core/result.h"

struct sqlite3;

namespace limber::store {

// 'LMBR': tells a limber diary from any other SQLite file.
inline constexpr int kApplicationId = 0x4C4D4252;

// The schema version this build writes.
int latest_schema_version();

class Database;

// Checks the file is a limber diary this build can read (kNotLimber, kTooNew otherwise,
// before anything is written), then applies the missing migrations in one transaction.
core::Result<void> migrate(const Database& db);

}  // namespace limber::store
