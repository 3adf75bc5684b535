// What `limber doctor` looks at: SQLite's integrity and foreign-key checks, and the diary
// entries that cannot be read back (a damaged diary), shown as they are stored.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace limber::store {

struct UnreadableEntry {
  std::int64_t id = 0;
  std::string stored;  // the row's columns as stored, "kind=pain at=... pain=-3 ..."
};

struct Diagnosis {
  std::vector<std::string> integrity;     // PRAGMA integrity_check's findings; empty: ok
  std::vector<std::string> foreign_keys;  // rows that point at nothing
  std::vector<UnreadableEntry> unreadable;
  std::int64_t readable = 0;  // entries that can be read and exported
  [[nodiscard]] bool sound() const {
    return integrity.empty() && foreign_keys.empty() && unreadable.empty();
  }
};

// Runs every check; kCorrupt only when SQLite cannot read the file at all.
core::Result<Diagnosis> diagnose(const Database& db);

}  // namespace limber::store
