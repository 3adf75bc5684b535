// Expected failures as values. Everything that can fail for a reason a person can fix
// returns Result<T>; exceptions are left for bugs and exhausted resources.
//
// Only the calls that std::expected shares are used (has_value, value, error, operator*,
// operator->, and_then, transform), so switching to std::expected touches this file only.
#pragma once

#include <string>
#include <utility>

#include <tl/expected.hpp>

#include "core/remedy.h"

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

// One line, for a person: what was wrong and how to fix it. Where the fix is done in a
// shell's own terms (a command, a page), the message says what was wrong and `remedy`
// names the fix, for the shell to phrase (core/remedy.h).
struct Error {
  Error() = default;
  Error(ErrorCode error_code, std::string what, Remedy fix = Remedy::kNone)
      : code(error_code), message(std::move(what)), remedy(fix) {}

  ErrorCode code = ErrorCode::kInvalidInput;
  std::string message;
  Remedy remedy = Remedy::kNone;
};

template <class T>
using Result = tl::expected<T, Error>;

using Unexpected = tl::unexpected<Error>;

inline Unexpected fail(ErrorCode code, std::string message, Remedy remedy = Remedy::kNone) {
  return Unexpected(Error{code, std::move(message), remedy});
}

}  // namespace limber::core
