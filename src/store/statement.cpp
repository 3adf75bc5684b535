#include "store/statement.h"

#include <sqlite3.h>

#include "store/database.h"

namespace limber::store {

void Statement::Finalizer::operator()(sqlite3_stmt* stmt) const {
  sqlite3_finalize(stmt);
}

Statement& Statement::bind(int index, std::int64_t value) {
  note_bind(sqlite3_bind_int64(stmt_.get(), index, value));
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  note_bind(sqlite3_bind_text64(stmt_.get(), index, value.data(), value.size(), SQLITE_TRANSIENT,
                                SQLITE_UTF8));
  return *this;
}

Statement& Statement::bind(int index, std::optional<std::int64_t> value) {
  if (value)
    return bind(index, *value);
  note_bind(sqlite3_bind_null(stmt_.get(), index));
  return *this;
}

Statement& Statement::bind(int index, std::optional<std::string_view> value) {
  if (value)
    return bind(index, *value);
  note_bind(sqlite3_bind_null(stmt_.get(), index));
  return *this;
}

void Statement::note_bind(int code) {
  if (code != SQLITE_OK && bind_error_ == 0)
    bind_error_ = code;
}

core::Result<bool> Statement::step() {
  if (bind_error_ != 0)
    return core::Unexpected(sqlite_error(db_, bind_error_, {}));
  const int code = sqlite3_step(stmt_.get());
  if (code == SQLITE_ROW)
    return true;
  if (code == SQLITE_DONE)
    return false;
  return core::Unexpected(sqlite_error(db_, code, {}));
}

core::Result<void> Statement::run() {
  return for_each_row([](const Statement&) {});
}

void Statement::reset() {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
  bind_error_ = 0;
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL;
}

std::int64_t Statement::integer(int column) const {
  return sqlite3_column_int64(stmt_.get(), column);
}

std::string Statement::text(int column) const {
  const auto* bytes = sqlite3_column_text(stmt_.get(), column);
  const int size = sqlite3_column_bytes(stmt_.get(), column);
  if (bytes == nullptr)
    return {};
  return {reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size)};
}

std::optional<std::int64_t> Statement::optional_integer(int column) const {
  if (is_null(column))
    return std::nullopt;
  return integer(column);
}

}  // namespace limber::store
