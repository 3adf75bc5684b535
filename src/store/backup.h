// Consistent copies of a diary (issue #11, "Backups"): SQLite's online backup API takes a
// snapshot while other connections read and write, and a copy is checked by opening it.
#pragma once

#include <cstdint>
#include <filesystem>

#include "core/result.h"
#include "store/database.h"

namespace limber::store {

// Copies the diary behind `from` to `to`: written to a temporary file beside `to` (mode
// 0600), flushed to disk, then renamed over `to`, so `to` is never half a copy. The copy
// is a single file (rollback journal mode), readable without companions. kIo naming `to`
// when it cannot be written; `to` is then left as it was.
core::Result<void> copy_diary(const Database& from, const std::filesystem::path& to);

struct DiaryFileFacts {
  int schema_version = 0;
  std::int64_t entries = 0;
};

// Checks that `path` is a limber diary this build can open, without changing it: an
// SQLite file (kNotLimber otherwise) with limber's application id (kNotLimber), a schema
// no newer than this build's (kTooNew), and a clean PRAGMA integrity_check (kCorrupt).
core::Result<DiaryFileFacts> check_diary_file(const std::filesystem::path& path);

// Replaces the whole content of the diary behind `into` with the diary file `from`
// (checked first with check_diary_file by the caller) through SQLite's backup API, so
// other connections see either the old diary or the new one, then brings its schema up
// to date. kBusy when another writer holds the diary too long.
core::Result<void> replace_content(const Database& into, const std::filesystem::path& from);

}  // namespace limber::store
