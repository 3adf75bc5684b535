// A prepared statement with RAII finalization and typed binds and reads. Parameters are
// always bound, never spliced into SQL.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace limber::store {

class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}

  // Binds by 1-based index; std::nullopt binds NULL.
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, std::optional<std::int64_t> value);
  Statement& bind(int index, std::optional<std::string_view> value);

  // Advances: true when a row is ready, false when done.
  core::Result<bool> step();
  // Steps to the end, for statements that return no rows.
  core::Result<void> run();
  // Clears bindings and rewinds, so the statement can run again.
  void reset();

  [[nodiscard]] bool is_null(int column) const;
  [[nodiscard]] std::int64_t integer(int column) const;
  [[nodiscard]] std::string text(int column) const;
  [[nodiscard]] std::optional<std::int64_t> optional_integer(int column) const;

 private:
  struct Finalizer {
    void operator()(sqlite3_stmt* stmt) const;
  };
  void note_bind(int code);

  sqlite3* db_;
  std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
  int bind_error_ = 0;  // first failed bind, reported by step()
};

}  // namespace limber::store
