#include "store/database.h"

#include <system_error>

#include <fmt/format.h>
#include <sqlite3.h>

#include "store/migrations.h"

namespace limber::store {

using core::ErrorCode;
using core::fail;
using core::Unexpected;

void Database::Closer::operator()(sqlite3* db) const {
  sqlite3_close_v2(db);
}

core::Error sqlite_error(sqlite3* db, int code, const std::filesystem::path& path) {
  std::string where = path.string();
  if (where.empty() && db != nullptr) {
    const char* name = sqlite3_db_filename(db, "main");
    where = name == nullptr || *name == '\0' ? "the diary" : name;
  }
  const std::string detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return {ErrorCode::kBusy,
              fmt::format("the diary {} is busy: another limber is writing to it; try again in "
                          "a moment",
                          where)};
    case SQLITE_NOTADB:
      return {ErrorCode::kNotLimber,
              fmt::format("{} is not a limber diary (not an SQLite database): choose another "
                          "file with --data-dir or LIMBER_HOME, or move this one away",
                          where)};
    case SQLITE_CORRUPT:
      return {ErrorCode::kCorrupt,
              fmt::format("the diary {} is damaged ({}): keep a copy of the file, then restore "
                          "your last export with 'limber import'",
                          where, detail)};
    case SQLITE_FULL:
      return {ErrorCode::kIo,
              fmt::format("the disk holding {} is full: free some space and try again", where)};
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      return {ErrorCode::kIo, fmt::format("cannot open or write {} ({}): check that the folder "
                                          "exists and that you may write to it",
                                          where, detail)};
    case SQLITE_CONSTRAINT:
      return {ErrorCode::kInvalidInput,
              fmt::format("the diary refused a value ({}): this is a bug in limber, please "
                          "report it",
                          detail)};
    default:
      return {ErrorCode::kIo, fmt::format("the diary {} could not be read or written ({}): try "
                                          "again, and check the disk",
                                          where, detail)};
  }
}

Result<Database> Database::open(const std::filesystem::path& path, const OpenOptions& options) {
  std::error_code ec;
  if (path.has_parent_path())
    std::filesystem::create_directories(path.parent_path(), ec);
  if (ec) {
    return fail(ErrorCode::kIo, fmt::format("cannot create the folder {} ({}): choose another "
                                            "place with --data-dir or LIMBER_HOME",
                                            path.parent_path().string(), ec.message()));
  }
  if (std::filesystem::is_directory(path, ec)) {
    return fail(ErrorCode::kIo, fmt::format("{} is a folder, not a diary file: choose another "
                                            "place with --data-dir or LIMBER_HOME",
                                            path.string()));
  }
  sqlite3* raw = nullptr;
  const int code =
      sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  Database db(raw, path);
  if (code != SQLITE_OK)
    return Unexpected(sqlite_error(raw, code, path));
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, static_cast<int>(options.busy_timeout.count()));
  // Connection settings: nothing is written to the file yet.
  if (auto set = db.exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL"); !set) {
    return Unexpected(set.error());
  }
  if (auto migrated = migrate(db); !migrated)
    return Unexpected(migrated.error());
  return db;
}

Result<Database> Database::open_in_memory() {
  sqlite3* raw = nullptr;
  const int code = sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE, nullptr);
  Database db(raw, ":memory:");
  if (code != SQLITE_OK)
    return Unexpected(sqlite_error(raw, code, ":memory:"));
  if (auto set = db.exec("PRAGMA foreign_keys = ON"); !set)
    return Unexpected(set.error());
  if (auto migrated = migrate(db); !migrated)
    return Unexpected(migrated.error());
  return db;
}

Result<Statement> Database::prepare(std::string_view sql) const {
  sqlite3_stmt* stmt = nullptr;
  const int code =
      sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (code != SQLITE_OK)
    return Unexpected(sqlite_error(db_.get(), code, path_));
  return Statement(db_.get(), stmt);
}

Result<void> Database::exec(std::string_view sql) const {
  const std::string text(sql);
  const int code = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, nullptr);
  if (code != SQLITE_OK)
    return Unexpected(sqlite_error(db_.get(), code, path_));
  return {};
}

std::int64_t Database::last_insert_id() const {
  return sqlite3_last_insert_rowid(db_.get());
}

int Database::changes() const {
  return sqlite3_changes(db_.get());
}

}  // namespace limber::store
