// What the diary's connection knows about itself rather than about the diary's rows: how
// far the diary has changed (so a shell can keep an answer until it changes), and the
// memory it can hand back. The SQL for both lives here, with the rest of the store's.
#pragma once

#include <cstdint>

#include "core/result.h"
#include "store/database.h"

namespace limber::store {

// A mark that moves whenever the diary changes: `changes` counts this connection's own
// writes (total_changes()), `version` moves when another connection commits (PRAGMA
// data_version; a `limber log` in a terminal). Equal marks read the same diary.
struct DiaryVersion {
  std::int64_t changes = 0;
  std::int64_t version = 0;

  friend bool operator==(const DiaryVersion&, const DiaryVersion&) = default;
};

// The diary's mark now, as seen by `db`.
Result<DiaryVersion> diary_version(const Database& db);

// Hands back the memory SQLite holds for `db` that it can do without (PRAGMA
// shrink_memory): for a process that stays up all day after a busy start.
Result<void> release_memory(const Database& db);

}  // namespace limber::store
