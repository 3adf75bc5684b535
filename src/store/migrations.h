// The schema, versioned by PRAGMA user_version and marked as ours by PRAGMA
// application_id. Migrations only go forward, each in one transaction.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string_view>

#include "core/result.h"

struct sqlite3;

namespace limber::store {

// 'LMBR': tells a limber diary from any other SQLite file.
inline constexpr int kApplicationId = 0x4C4D4252;

// The schema version this build writes.
int latest_schema_version();

class Database;

// The integer a one-value statement such as "PRAGMA user_version" reads (0 with no row).
core::Result<std::int64_t> pragma(const Database& db, std::string_view sql);

// Checks the file is a limber diary this build can read (kNotLimber, kTooNew otherwise,
// before anything is written), then applies the missing migrations in one transaction.
// Before it changes a diary that holds data, copies it into `backup_folder` (unless empty)
// as limber-before-schema-N.db, N the version it is brought to. A read-only diary that
// needs a migration is refused with kIo.
core::Result<void> migrate(const Database& db, const std::filesystem::path& backup_folder);

}  // namespace limber::store
