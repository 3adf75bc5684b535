#include "clinic/pg.h"

#include <charconv>
#include <stdexcept>

#include <fmt/format.h>
#include <libpq-fe.h>

namespace limber::clinic::pg {
namespace {

// libpq's messages end with a newline and may span lines: one line for a person.
std::string one_line(std::string_view text) {
  std::string line;
  for (const char c : text) {
    if (c == '\n') {
      if (!line.empty() && line.back() != ' ')
        line += ' ';
      continue;
    }
    line += c;
  }
  while (!line.empty() && line.back() == ' ')
    line.pop_back();
  return line;
}

// Unique and foreign-key violations (class 23) are conflicts of the data; a lost
// connection (class 08, 57P01 admin shutdown) is the database being away; the rest faults.
core::ErrorCode code_of(std::string_view sqlstate) {
  if (sqlstate.starts_with("23"))
    return core::ErrorCode::kConflict;
  if (sqlstate.empty() || sqlstate.starts_with("08") || sqlstate.starts_with("57P"))
    return core::ErrorCode::kBusy;
  return core::ErrorCode::kIo;
}

core::Error error_of(PGconn* connection, const PGresult* result) {
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string sqlstate = state != nullptr ? state : "";
  const char* primary =
      result != nullptr ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  const std::string message = one_line(primary != nullptr ? primary : PQerrorMessage(connection));
  if (sqlstate.empty())
    return {code_of(sqlstate), fmt::format("the clinic's database failed: {}", message)};
  return {code_of(sqlstate),
          fmt::format("[{}] the clinic's database refused: {}", sqlstate, message)};
}

}  // namespace

void Rows::Free::operator()(pg_result* result) const {
  PQclear(result);
}

Rows::Rows(pg_result* result) : result_(result) {}

int Rows::size() const {
  return PQntuples(result_.get());
}

bool Rows::is_null(int row, int column) const {
  return PQgetisnull(result_.get(), row, column) != 0;
}

std::string Rows::text(int row, int column) const {
  return {PQgetvalue(result_.get(), row, column),
          static_cast<std::size_t>(PQgetlength(result_.get(), row, column))};
}

std::int64_t Rows::integer(int row, int column) const {
  const std::string value = text(row, column);
  std::int64_t number = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (error != std::errc{} || end != value.data() + value.size())
    throw std::logic_error(fmt::format("column {} holds '{}', not an integer", column, value));
  return number;
}

std::optional<std::int64_t> Rows::optional_integer(int row, int column) const {
  if (is_null(row, column))
    return std::nullopt;
  return integer(row, column);
}

bool Rows::boolean(int row, int column) const {
  return text(row, column) == "t";
}

void Connection::Close::operator()(pg_conn* connection) const {
  PQfinish(connection);
}

Connection::Connection(pg_conn* connection) : connection_(connection) {}

core::Result<Connection> Connection::open(const std::string& conninfo) {
  PGconn* raw = PQconnectdb(conninfo.c_str());
  if (raw == nullptr)
    throw std::bad_alloc();
  Connection connection(raw);
  // The server's notices ("schema already exists, skipping") are not for the terminal.
  PQsetNoticeProcessor(
      raw, [](void*, const char*) {}, nullptr);
  if (PQstatus(raw) != CONNECTION_OK) {
    return core::fail(core::ErrorCode::kBusy,
                      fmt::format("the clinic's database did not let limber-clinic in: {}",
                                  one_line(PQerrorMessage(raw))));
  }
  // UTF-8 both ways whatever the server's default. (The server's messages are in its own
  // language, lc_messages being a superuser's setting: callers decide by SQLSTATE.)
  LIMBER_TRY(connection.exec_script("SET client_encoding TO 'UTF8'"));
  return connection;
}

core::Result<void> Connection::exec_script(std::string_view sql) {
  const std::string text(sql);
  PGresult* raw = PQexec(connection_.get(), text.c_str());
  const Rows rows(raw);
  const ExecStatusType status = PQresultStatus(raw);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
    return core::Unexpected(error_of(connection_.get(), raw));
  return {};
}

core::Result<Rows> Connection::query(std::string_view sql, const Params& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const Param& param : params)
    values.push_back(param ? param->c_str() : nullptr);
  const std::string text(sql);
  PGresult* raw = PQexecParams(connection_.get(), text.c_str(), static_cast<int>(values.size()),
                               nullptr, values.data(), nullptr, nullptr, 0);
  Rows rows(raw);
  const ExecStatusType status = PQresultStatus(raw);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
    return core::Unexpected(error_of(connection_.get(), raw));
  return rows;
}

core::Result<void> Connection::execute(std::string_view sql, const Params& params) {
  LIMBER_TRY(query(sql, params));
  return {};
}

bool Connection::is_broken() const {
  return PQstatus(connection_.get()) == CONNECTION_BAD;
}

int Connection::backend_pid() const {
  return PQbackendPID(connection_.get());
}

std::string sqlstate_of(const core::Error& error) {
  const std::string& message = error.message;
  if (message.size() < 7 || message[0] != '[')
    return {};
  const auto close = message.find(']');
  return close == std::string::npos ? std::string() : message.substr(1, close - 1);
}

}  // namespace limber::clinic::pg
