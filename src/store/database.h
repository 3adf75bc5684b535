// One SQLite connection, opened the way a health diary needs it: foreign keys on, WAL,
// synchronous=FULL (a committed entry survives a crash or a power cut), a busy timeout,
// and private files (folder 0700, files 0600).
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/private_files.h"
#include "store/statement.h"

struct sqlite3;

namespace limber::store {

using core::Result;

struct OpenOptions {
  // How long a write waits for another writer before giving up with kBusy.
  std::chrono::milliseconds busy_timeout{5000};
  // The caller only reads. A diary that cannot be written (read-only media, no write
  // permission on the file or its folder) is then opened read-only, and nothing is left
  // beside it (no -wal, no -shm). A missing diary is created as for a write.
  bool read_only = false;
  // Runs PRAGMA quick_check first and refuses a damaged diary with kCorrupt, so that
  // nothing is written into it (see docs/benchmarks.md for what it costs).
  bool quick_check = false;
  // Where a copy of the diary goes before a schema migration changes it (empty: nowhere).
  std::filesystem::path backup_folder;
};

// What opening the diary found worth telling the person; the shell words it.
struct OpenReport {
  Tightened tightened;       // made private: other users could read these
  bool read_only = false;    // opened read-only (the diary cannot be written)
  bool wal_skipped = false;  // read-only and the -wal could not be read: recent changes missing
};

class Database {
 public:
  // Opens (creating when missing) the diary at `path` and brings its schema up to date.
  // Returns kNotLimber for a file that is not a limber diary, kTooNew for a diary from a
  // newer limber, kBusy when another writer holds it past the timeout, kIo when the file
  // cannot be opened. On any error the file is left as it was.
  static Result<Database> open(const std::filesystem::path& path, const OpenOptions& options);
  // A private in-memory database with the current schema, for tests and tools.
  static Result<Database> open_in_memory();
  // Opens an existing diary file read-only, as it is: no migration, nothing created or
  // tightened, nothing left beside it. For checking a backup or a file to restore.
  static Result<Database> open_file_read_only(const std::filesystem::path& path);

  Database(Database&&) noexcept = default;
  Database& operator=(Database&&) noexcept = default;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database() = default;

  Result<Statement> prepare(std::string_view sql) const;
  // Runs one or more statements that return no rows.
  Result<void> exec(std::string_view sql) const;

  // Runs `body` inside BEGIN IMMEDIATE ... COMMIT; rolls back when it fails.
  template <class F>
  auto transaction(F&& body) const -> decltype(body()) {
    LIMBER_TRY(exec("BEGIN IMMEDIATE"));
    auto result = body();
    if (!result) {
      (void)exec("ROLLBACK");
      return result;
    }
    if (auto committed = exec("COMMIT"); !committed) {
      (void)exec("ROLLBACK");
      return core::Unexpected(committed.error());
    }
    return result;
  }

  [[nodiscard]] std::int64_t last_insert_id() const;
  [[nodiscard]] int changes() const;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] sqlite3* handle() const { return db_.get(); }
  [[nodiscard]] const OpenReport& report() const { return report_; }
  [[nodiscard]] bool read_only() const { return report_.read_only; }

  // Rows a store could not read (a damaged diary): the store skips them and notes them
  // here, so the shell can say "N entries could not be read" once.
  void note_unreadable(std::int64_t entry_id) const { unreadable_->insert(entry_id); }
  [[nodiscard]] const std::set<std::int64_t>& unreadable() const { return *unreadable_; }

 private:
  struct Closer {
    void operator()(sqlite3* db) const;
  };
  Database(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}
  static Result<Database> open_read_only(const std::filesystem::path& path,
                                         const OpenOptions& options);
  Result<void> configure(const OpenOptions& options);

  std::unique_ptr<sqlite3, Closer> db_;
  std::filesystem::path path_;
  OpenReport report_;
  std::unique_ptr<std::set<std::int64_t>> unreadable_ = std::make_unique<std::set<std::int64_t>>();
};

// Runs PRAGMA quick_check (or integrity_check when `full`): an empty list when the diary
// is sound, else SQLite's findings, at most `limit`.
Result<std::vector<std::string>> check_integrity(const Database& db, bool full, int limit = 20);

// Turns an SQLite result code into a person-readable error about the diary at `path`.
core::Error sqlite_error(sqlite3* db, int code, const std::filesystem::path& path);

}  // namespace limber::store
