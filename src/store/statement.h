// A prepared statement with RAII finalization and typed binds and reads. Parameters are
// always bound, never spliced into SQL.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

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
  // Steps through the rows, calling `on_row(const Statement&)` with the statement on each.
  // `on_row` returns void (go on), Result<void> (a failure stops and is returned) or
  // Result<bool> (as well, false stops: the row it looked for was found). A failed step
  // stops and is returned; rows already seen stay with the caller.
  template <class F>
  core::Result<void> for_each_row(F&& on_row);
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

template <class F>
core::Result<void> Statement::for_each_row(F&& on_row) {
  using Returned = std::invoke_result_t<F&, const Statement&>;
  static_assert(std::is_void_v<Returned> || std::is_same_v<Returned, core::Result<void>> ||
                    std::is_same_v<Returned, core::Result<bool>>,
                "on_row returns void, Result<void> or Result<bool>");
  for (;;) {
    LIMBER_TRY_ASSIGN(const bool more, step());
    if (!more)
      return {};
    if constexpr (std::is_void_v<Returned>) {
      on_row(std::as_const(*this));
    } else if constexpr (std::is_same_v<Returned, core::Result<void>>) {
      LIMBER_TRY(on_row(std::as_const(*this)));
    } else {
      LIMBER_TRY_ASSIGN(const bool go_on, on_row(std::as_const(*this)));
      if (!go_on)
        return {};
    }
  }
}

}  // namespace limber::store
