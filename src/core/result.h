// Expected failures as values. Everything that can fail for a reason a person can fix
// returns Result<T>; exceptions are left for bugs and exhausted resources.
//
// Only the calls that std::expected shares are used (has_value, value, error, operator*,
// operator->, and_then, transform), so switching to std::expected touches this file only.
#pragma once

#include <string>
#include <utility>

#include <tl/expected.hpp>

namespace limber::core {

// What kind of failure, so each shell can map it to an exit code or an HTTP status in
// one table (cli/cli.cpp, later server/).
enum class ErrorCode {
  kInvalidInput,  // a value the person typed is wrong: fix the command
  kNotFound,      // an ID or name that does not exist
  kBadFile,       // a file to read is malformed (an import)
  kBusy,          // another process holds the database
  kNotLimber,     // the database file is not one of ours
  kTooNew,        // the database was written by a newer limber
  kCorrupt,       // the database is damaged
  kIo,            // the disk said no: permissions, space
  kPaused,        // a standing safety result pauses exercise: nothing was started
};

// One line, for a person: what was wrong and how to fix it.
struct Error {
  ErrorCode code = ErrorCode::kInvalidInput;
  std::string message;
};

template <class T>
using Result = tl::expected<T, Error>;

using Unexpected = tl::unexpected<Error>;

inline Unexpected fail(ErrorCode code, std::string message) {
  return Unexpected(Error{code, std::move(message)});
}

}  // namespace limber::core
