// One SQLite connection, opened the way a health diary needs it: foreign keys on, WAL,
// synchronous=FULL (a committed entry survives a crash or a power cut), a busy timeout.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"
#include "store/statement.h"

struct sqlite3;

namespace limber::store {

using core::Result;

struct OpenOptions {
  // How long a write waits for another writer before giving up with kBusy.
  std::chrono::milliseconds busy_timeout{5000};
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
    if (auto begun = exec("BEGIN IMMEDIATE"); !begun)
      return core::Unexpected(begun.error());
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

 private:
  struct Closer {
    void operator()(sqlite3* db) const;
  };
  Database(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}

  std::unique_ptr<sqlite3, Closer> db_;
  std::filesystem::path path_;
};

// Turns an SQLite result code into a person-readable error about the diary at `path`.
core::Error sqlite_error(sqlite3* db, int code, const std::filesystem::path& path);

}  // namespace limber::store
