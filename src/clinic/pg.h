// A small RAII wrapper over libpq's C API: one connection, its results, parameterised
// queries only. Values always travel as parameters ($1, $2, ...) in text form, never
// spliced into SQL; exec_script() runs constant SQL (the migrations) and takes no values.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

struct pg_conn;
struct pg_result;

namespace limber::clinic::pg {

// A parameter in PostgreSQL's text form; nullopt is SQL NULL.
using Param = std::optional<std::string>;
using Params = std::vector<Param>;

// The rows a query returned, freed with the object. Columns are read by position.
class Rows {
 public:
  explicit Rows(pg_result* result);
  [[nodiscard]] int size() const;
  [[nodiscard]] bool empty() const { return size() == 0; }
  [[nodiscard]] bool is_null(int row, int column) const;
  // The value's text; empty for NULL.
  [[nodiscard]] std::string text(int row, int column) const;
  // The value as an integer (bigint, integer): a bug if it is not one.
  [[nodiscard]] std::int64_t integer(int row, int column) const;
  [[nodiscard]] std::optional<std::int64_t> optional_integer(int row, int column) const;
  [[nodiscard]] bool boolean(int row, int column) const;

 private:
  struct Free {
    void operator()(pg_result* result) const;
  };
  std::unique_ptr<pg_result, Free> result_;
};

// One connection to PostgreSQL. Not shared between threads.
class Connection {
 public:
  // `conninfo`: a libpq connection string or URI ("host=/run/pg dbname=clinic user=x",
  // "postgresql://..."). kBusy when the server does not answer, with libpq's reason.
  static core::Result<Connection> open(const std::string& conninfo);

  // Runs constant SQL, possibly several statements. No values: use query() for those.
  core::Result<void> exec_script(std::string_view sql);
  // Runs one statement with its parameters and returns its rows (none for a command).
  core::Result<Rows> query(std::string_view sql, const Params& params = {});
  // The same, for a statement whose rows do not matter.
  core::Result<void> execute(std::string_view sql, const Params& params = {});

  // Whether the connection is lost (the server restarted or ended it): a new one is needed.
  [[nodiscard]] bool is_broken() const;

  // The server's process id for this connection (tests end it to simulate a crash).
  [[nodiscard]] int backend_pid() const;

 private:
  struct Close {
    void operator()(pg_conn* connection) const;
  };
  explicit Connection(pg_conn* connection);
  std::unique_ptr<pg_conn, Close> connection_;
};

// The SQLSTATE of PostgreSQL's error, kept in front of the message in square brackets
// ("[42501] permission denied for table patients"), so a caller can tell a refusal
// from a fault without parsing words. Empty when the message has none.
std::string sqlstate_of(const core::Error& error);

// Runs `body` inside BEGIN ... COMMIT; ROLLBACK when it fails (or throws). `body` returns
// a core::Result<T>.
template <class Body>
auto in_transaction(Connection& connection, Body&& body) -> decltype(body()) {
  LIMBER_TRY(connection.exec_script("BEGIN"));
  auto result = [&]() -> decltype(body()) {
    try {
      return body();
    } catch (...) {
      (void)connection.exec_script("ROLLBACK");
      throw;
    }
  }();
  if (!result) {
    (void)connection.exec_script("ROLLBACK");
    return result;
  }
  LIMBER_TRY(connection.exec_script("COMMIT"));
  return result;
}

}  // namespace limber::clinic::pg
