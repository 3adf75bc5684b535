#include "store/connection_state.h"

namespace limber::store {

Result<DiaryVersion> diary_version(const Database& db) {
  LIMBER_TRY_ASSIGN(auto statement,
                    db.prepare("SELECT total_changes(), data_version FROM pragma_data_version()"));
  LIMBER_TRY_ASSIGN(auto row, statement.step());
  if (!row)
    return core::fail(core::ErrorCode::kIo, "SQLite gave no data_version for the diary");
  return DiaryVersion{statement.integer(0), statement.integer(1)};
}

Result<void> release_memory(const Database& db) {
  return db.exec("PRAGMA shrink_memory");
}

}  // namespace limber::store
