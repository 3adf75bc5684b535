// Backups of the diary (issue #11): `limber backup`, the daily copies limber keeps by
// itself, and `limber restore`. Copies are made with SQLite's online backup API
// (store/backup.h), so other commands may run meanwhile, and each is checked by opening it.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <vector>

#include "core/result.h"
#include "store/backup.h"
#include "store/database.h"

namespace limber::app {

// The daily copies, and the copies made before a schema migration, live here (0700).
inline constexpr const char* kBackupFolderName = "backups";
inline constexpr int kDailyCopiesKept = 7;

std::filesystem::path backup_folder(const std::filesystem::path& data_dir);

// backups/limber-YYYY-MM-DD.db
std::filesystem::path daily_copy_path(const std::filesystem::path& folder,
                                      std::chrono::year_month_day day);

// Whether `day` has no daily copy yet: one stat, cheap enough for every write.
bool daily_copy_due(const std::filesystem::path& folder, std::chrono::year_month_day day);

// Copies the diary to `to` (mode 0600) and checks the copy (store::check_diary_file).
core::Result<store::DiaryFileFacts> backup_diary(const store::Database& db,
                                                 const std::filesystem::path& to);

// Makes `day`'s daily copy in `folder` and removes daily copies beyond the newest
// kDailyCopiesKept. The copies made before migrations are kept.
core::Result<void> make_daily_copy(const store::Database& db, const std::filesystem::path& folder,
                                   std::chrono::year_month_day day);

struct Restored {
  store::DiaryFileFacts facts;     // of the restored file
  std::filesystem::path previous;  // where the diary as it was is kept
};

// Replaces the diary's content with `file`'s, after checking `file` (a limber diary, not
// newer than this limber, integrity ok: nothing is changed otherwise). The diary as it was
// is first copied beside it as limber.db.before-restore-YYYY-MM-DD (-2, -3... when taken).
// Other limber processes may have the diary open: the content is replaced through SQLite.
core::Result<Restored> restore_diary(const store::Database& db, const std::filesystem::path& file,
                                     std::chrono::year_month_day today);

}  // namespace limber::app
